"""Scanned pages are read with Tesseract; OCR'd text is marked, low-confidence words flagged."""

from __future__ import annotations

import shutil

import pytest

from advisor.answer import Advisor
from advisor.errors import IngestError
from advisor.ingest import Limits, load_chunks, uncertain_spans
from advisor.ingest.ocr import blocks_from_tsv
from advisor.settings import Settings
from advisor.ui.markdown import citation_label

from . import pdfgen

LINES = [
    "Scanned policy memo",
    "",
    "The sepsis model is reviewed every quarter by the",
    "clinical committee. Drift alerts go to the model",
    "steward within two business days.",
]

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract OCR is not installed")


@needs_tesseract
def test_scanned_page_is_read_and_marked_as_ocr(tmp_path):
    p = pdfgen.scanned_pdf(tmp_path / "scan.pdf", LINES)
    chunks = load_chunks(p, str(p), doc_type="user")
    text = " ".join(c.text for c in chunks)
    assert "reviewed every quarter" in text and "within two business days" in text
    assert all(c.page == 1 and c.meta["ocr"] is True for c in chunks)
    assert all(0.5 < c.meta["ocr_confidence"] <= 1.0 for c in chunks)


@needs_tesseract
def test_low_confidence_words_are_flagged_never_exact(tmp_path):
    p = pdfgen.scanned_pdf(tmp_path / "scan.pdf", LINES)
    # with an impossible bar every word is uncertain: the spans cover the words of the chunk
    chunks = load_chunks(p, str(p), doc_type="user", limits=Limits(ocr_min_confidence=101))
    for c in chunks:
        spans = uncertain_spans(c)
        assert spans and all(c.text[s:e].startswith("[unclear: ") and c.text[e - 1] == "]" for s, e in spans)
        rest = "".join(c.text[e:s] for (_, e), (s, _) in zip([(0, 0), *spans], [*spans, (len(c.text), 0)], strict=True))
        assert not any(ch.isalpha() for ch in rest)  # no word is left bare
    sure = load_chunks(p, str(p), doc_type="user", limits=Limits(ocr_min_confidence=0))
    assert all("ocr_uncertain" not in c.meta for c in sure)


def test_tsv_words_below_the_bar_become_spans():
    tsv = "\n".join(
        [
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
            "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t96\tDrift",
            "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t31\tal3rts",
            "5\t1\t1\t1\t1\t3\t0\t0\t1\t1\t90\tgo",
            "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t95\tto",
            "5\t1\t1\t1\t2\t2\t0\t0\t1\t1\t94\tstewards.",
        ]
    )
    [block] = blocks_from_tsv(tsv, 3, 60)
    assert block.text == "Drift [unclear: al3rts] go to stewards." and block.page == 3
    assert [block.text[s:e] for s, e in block.uncertain] == ["[unclear: al3rts]"]
    assert block.meta["ocr"] is True and block.meta["ocr_confidence"] == pytest.approx(0.812)


def test_without_tesseract_one_line_names_the_file_and_the_fix(tmp_path, monkeypatch):
    p = pdfgen.scanned_pdf(tmp_path / "scan.pdf", LINES)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # hide the tesseract binary
    with pytest.raises(IngestError) as exc:
        load_chunks(p, str(p), doc_type="user")
    assert exc.value.file == str(p)
    assert "scanned" in exc.value.problem and "tesseract-ocr" in exc.value.problem
    assert "\n" not in str(exc.value)


@needs_tesseract
@pytest.mark.slow
def test_each_scanned_page_gets_its_own_time_in_the_sandbox(tmp_path):
    import pypdf

    one = pdfgen.scanned_pdf(tmp_path / "one.pdf", LINES)
    writer = pypdf.PdfWriter()
    for _ in range(3):
        writer.append(str(one))
    p = tmp_path / "three.pdf"
    writer.write(str(p))
    # 2 s would not cover three OCR'd pages; each page extends the limit by its OCR budget
    chunks = load_chunks(p, str(p), doc_type="user", limits=Limits(isolate=True, seconds=2, ocr_seconds=30))
    assert {c.page for c in chunks} == {1, 2, 3}
    with pytest.raises(IngestError, match="3 scanned pages, over the 2-page OCR limit"):
        load_chunks(p, str(p), doc_type="user", limits=Limits(max_ocr_pages=2))


def _tsv(words: list[tuple[int, int, str]]) -> str:
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    return "\n".join(
        [head] + [f"5\t1\t1\t1\t{ln}\t{i}\t0\t0\t1\t1\t{conf}\t{w}" for i, (ln, conf, w) in enumerate(words)]
    )


def test_unclear_runs_end_with_their_sentence_and_keep_the_full_stop_outside():
    tsv = _tsv([(1, 95, "Alerts"), (1, 20, "go"), (1, 25, "nowh3re."), (2, 30, "Stewards"), (2, 96, "act.")])
    [block] = blocks_from_tsv(tsv, 1, 60)
    assert block.text == "Alerts [unclear: go nowh3re]. [unclear: Stewards] act."
    assert [block.text[s:e] for s, e in block.uncertain] == ["[unclear: go nowh3re]", "[unclear: Stewards]"]


@needs_tesseract
def test_answers_cite_scanned_text_as_ocr(tmp_path, hash_model_dir, monkeypatch):
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_EMBED_MODEL", str(hash_model_dir))
    p = pdfgen.scanned_pdf(tmp_path / "scan.pdf", LINES)
    adv = Advisor(Settings.from_env())
    assert adv.index_paths([p]).ok
    ans = adv.ask("How often is the sepsis model reviewed by the clinical committee?")
    assert not ans.abstained and "every quarter" in ans.answer
    [c] = ans.citations
    assert c.ocr and c.where == "p. 1, scanned (OCR)"
    assert citation_label(c).endswith("p. 1, scanned (OCR)")
    assert "ocr" not in c.to_dict()  # the answer JSON keeps its contract fields
