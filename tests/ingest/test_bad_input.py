"""Bad input: every unreadable file is refused with an error naming the file and the fix."""

from __future__ import annotations

import re

import pytest

from advisor.errors import IngestError
from advisor.ingest import load_chunks

from ..conftest import make_pdf


def _chunks(path, **kw):
    kw.setdefault("doc_type", "user")
    return load_chunks(path, str(path), **kw)


def _problem(path, **kw) -> str:
    with pytest.raises(IngestError) as exc:
        _chunks(path, **kw)
    assert exc.value.file == str(path)
    return exc.value.problem


def test_corrupt_pdf(tmp_path):
    p = tmp_path / "corrupt.pdf"
    p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage garbage")
    assert "corrupt" in _problem(p) or "no extractable text" in _problem(p)


def test_truncated_pdf(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", ["Some text on a page."])
    p = tmp_path / "truncated.pdf"
    p.write_bytes(good.read_bytes()[:200])
    assert re.search(r"corrupt|no extractable text", _problem(p))


def test_encrypted_pdf(tmp_path):
    import pypdf

    src = make_pdf(tmp_path / "plain.pdf", ["Confidential readiness memo."])
    w = pypdf.PdfWriter(clone_from=str(src))
    w.encrypt(user_password="s3cret", owner_password="owner", algorithm="AES-128")
    p = tmp_path / "locked.pdf"
    with open(p, "wb") as f:
        w.write(f)
    assert "password" in _problem(p)


def test_image_only_pdf(tmp_path):
    import pypdf

    w = pypdf.PdfWriter()
    w.add_blank_page(width=612, height=792)
    p = tmp_path / "scan.pdf"
    with open(p, "wb") as f:
        w.write(f)
    assert "OCR" in _problem(p)


def test_empty_file(tmp_path):
    p = tmp_path / "empty.md"
    p.write_text("")
    assert "empty" in _problem(p)


def test_unsupported_extension(tmp_path):
    p = tmp_path / "budget.xlsx"
    p.write_bytes(b"PK\x03\x04 not really")
    assert "unsupported file type '.xlsx'" in _problem(p)


def test_non_utf8_text(tmp_path):
    p = tmp_path / "legacy.txt"
    p.write_bytes("Caf\u00e9 governance \u201cquoted\u201d".encode("cp1252"))
    assert "not valid UTF-8" in _problem(p)


def test_huge_file_is_refused_before_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:  # sparse: 200 MB on paper, no disk used
        f.truncate(200 * 1024 * 1024)
    problem = _problem(p, max_bytes=100_000_000)
    assert "210 MB" in problem and "ADVISOR_MAX_FILE_MB" in problem


def test_corrupt_docx(tmp_path):
    p = tmp_path / "broken.docx"
    p.write_bytes(b"this is not a zip file")
    assert "docx" in _problem(p)


def test_another_format_saved_with_a_text_extension(tmp_path):
    # a PDF saved over an .html page (or a Word file renamed .md) would otherwise be read as text:
    # its raw bytes would replace the indexed page
    pdf = make_pdf(tmp_path / "charter.pdf", ["The committee has a quorum of seven."])
    page = tmp_path / "charter.html"
    page.write_bytes(pdf.read_bytes())
    problem = _problem(page)
    assert "is a PDF" in problem and ".pdf" in problem
    note = tmp_path / "minutes.md"
    note.write_bytes(b"PK\x03\x04" + b"\x14" * 40)
    assert "ZIP package" in _problem(note)
    # text that merely mentions a format is text
    plain = tmp_path / "about.txt"
    plain.write_text("%PDF is how a PDF file starts; this note explains it.", encoding="utf-8")
    assert _chunks(plain)
