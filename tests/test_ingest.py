"""Loaders and chunking on real generated files and the real AI RMF Playbook PDF."""

from __future__ import annotations

import re

import pytest

from advisor.errors import IngestError
from advisor.ingest import chunk_document, load_chunks, load_document, make_chunk_id, pack_sentences
from advisor.text import identifiers, split_sentences, tokenize

from .conftest import make_docx, make_pdf, require_playbook


def _chunks(path, **kw):
    kw.setdefault("doc_type", "user")
    return load_chunks(path, str(path), **kw)


def test_markdown_front_matter_and_heading_path(tmp_path):
    p = tmp_path / "policy.md"
    p.write_text(
        "---\ntitle: Sepsis model policy\nframework: local-policy\npublisher: Riverside\n---\n"
        "# Sepsis model policy\n\nIntro paragraph about the **policy**.\n\n"
        "## Monitoring\n\n### Drift\n\nThe model is checked monthly for drift. Alerts go to the steward.\n\n"
        "## Decommissioning\n\nThe model is retired when AUROC falls below 0.7.\n",
        encoding="utf-8",
    )
    chunks = _chunks(p)
    assert chunks[0].title == "Sepsis model policy"
    assert chunks[0].framework == "local-policy" and chunks[0].publisher == "Riverside"
    by_text = {c.text: c.section for c in chunks}
    assert by_text["Intro paragraph about the policy."] == ""
    assert by_text["The model is checked monthly for drift. Alerts go to the steward."] == "Monitoring > Drift"
    assert by_text["The model is retired when AUROC falls below 0.7."] == "Decommissioning"
    assert all(c.page is None for c in chunks)


def test_markdown_bad_front_matter_names_file(tmp_path):
    p = tmp_path / "broken.md"
    p.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(IngestError) as exc:
        _chunks(p)
    assert "broken.md" in str(exc.value) and "front matter" in str(exc.value)


def test_pdf_pages_are_physical_and_one_based(tmp_path):
    p = make_pdf(
        tmp_path / "three.pdf",
        [
            "Cover page of the readiness memo.",
            "The enterprise data catalog was launched in March. Stewards own each domain.",
            "Appendix: the zebra governance phrase appears only here.",
        ],
    )
    chunks = _chunks(p)
    pages = {c.page for c in chunks if "zebra governance phrase" in c.text}
    assert pages == {3}
    assert {c.page for c in chunks if "data catalog" in c.text} == {2}


@pytest.mark.slow
def test_real_playbook_phrase_lands_on_its_page():
    pdf = require_playbook()
    doc = load_document(pdf, str(pdf))
    chunks = chunk_document(doc)
    hits = [c for c in chunks if "Mechanisms are in place to inventory AI systems" in c.text]
    assert hits, "the GOVERN 1.6 statement should be extracted"
    assert {c.page for c in hits} == {15}
    assert any("GOVERN 1.6" in c.section for c in hits)
    # running footers like "13 of 137" are stripped
    assert not any(re.search(r"^\d+ of 137\b", c.text) for c in chunks)
    assert len({c.page for c in chunks}) > 130


def test_docx_keeps_heading_structure_and_tables(tmp_path):
    p = make_docx(
        tmp_path / "charter.docx",
        "AI Governance Charter",
        [("Membership", ["The committee has nine voting members."]), ("  Quorum", ["Five members form a quorum."])],
        table=[["Role", "Owner"], ["Model steward", "Data science"]],
    )
    chunks = _chunks(p)
    assert chunks[0].title == "AI Governance Charter"

    def section_of(phrase):
        return next(c.section for c in chunks if phrase in c.text)

    assert section_of("The committee has nine voting members.") == "Membership"
    assert section_of("Five members form a quorum.") == "Membership > Quorum"
    assert any("Model steward; Data science" in c.text for c in chunks)


def test_html_drops_scripts_and_keeps_headings(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Vendor AI checklist</title><script>var secret='x';</script></head><body>"
        "<nav>Home | About</nav><h1>Vendor AI checklist</h1><h2>Validation</h2>"
        "<p>Ask the vendor for local validation results.</p><ul><li>Subgroup performance.</li></ul></body></html>",
        encoding="utf-8",
    )
    chunks = _chunks(p)
    text = " ".join(c.text for c in chunks)
    assert "secret" not in text and "Home | About" not in text
    assert chunks[0].title == "Vendor AI checklist"
    assert all(c.section == "Validation" for c in chunks)
    assert "Subgroup performance." in text


def test_plain_text(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("Board notes\n\nThe board approved the AI strategy.\n\nNext review in June.", encoding="utf-8")
    chunks = _chunks(p)
    assert chunks[0].title == "Board notes"
    assert "The board approved the AI strategy." in chunks[0].text


def test_chunk_ids_are_deterministic_and_content_addressed(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# A\n\nFirst sentence here.\n", encoding="utf-8")
    assert [c.chunk_id for c in _chunks(p)] == [c.chunk_id for c in _chunks(p)]
    a = make_chunk_id("x.md", 0, "one")
    assert a == make_chunk_id("x.md", 0, "one")
    assert a != make_chunk_id("x.md", 0, "two") and a != make_chunk_id("y.md", 0, "one")


def test_packing_never_splits_sentences_and_keeps_exact_spans():
    sentences = [f"Sentence number {i} talks about governance and data quality in detail." for i in range(40)]
    text = " ".join(sentences)
    pieces = pack_sentences(text, 300, 80)
    assert len(pieces) > 5
    for piece in pieces:
        assert piece in text and len(piece) <= 300
        assert piece.endswith(".") and piece[0].isupper()
    # overlap: consecutive pieces share a whole sentence
    assert any(pieces[i].split(". ")[-1] in pieces[i + 1] for i in range(len(pieces) - 1))


def test_sentences_respect_abbreviations_and_bullets():
    text = "NIST released it on 26 Jan. 2023, e.g. for the U.S. market. Second one.\n- bullet item\n- another"
    assert split_sentences(text) == [
        "NIST released it on 26 Jan. 2023, e.g. for the U.S. market.",
        "Second one.",
        "bullet item",
        "another",
    ]


def test_identifiers_and_tokens():
    assert identifiers("What does GOVERN 1.6 and §170.315(b)(11) say, and Art. 14?") == [
        "GOVERN 1.6",
        "§170.315(b)(11)",
        "Art. 14",
    ]
    assert "1.6" in tokenize("GOVERN 1.6") and "the" not in tokenize("the inventory")


# ------------------------------------------------------------------ bad input


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
