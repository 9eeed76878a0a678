"""PDFs from producers other than Chromium (evals/genres/build_fpdf.py, fpdf2): words placed one by
one with no space characters, ligature glyphs, raised footnote marks and footnotes, a framework
table whose narrow category cell spans several outcome rows, a landscape page drawn turned under
/Rotate, a two-column page written right column first, a scanned page; a national blueprint's grid
tables (wrapped cells, a table continued on the next page) and footnotes. Read as a user would notice."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from fpdf import FPDF

from advisor.ingest import BlockKind, chunk_document, load_document
from advisor.ingest.ocr import blocks_from_tsv, tesseract

ROOT = Path(__file__).resolve().parents[2]


def _builder():
    spec = importlib.util.spec_from_file_location("genres_build_fpdf", ROOT / "evals" / "genres" / "build_fpdf.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> dict[str, tuple]:
    out = tmp_path_factory.mktemp("fpdf")
    found = {}
    for pdf in _builder().build(out):
        doc = load_document(pdf, pdf.stem)
        found[pdf.stem] = (doc, chunk_document(doc))
    return found


def _text(doc) -> str:
    return "\n".join(b.text for b in doc.blocks if b.kind.indexed)


def test_ligature_glyphs_stay_inside_their_words(docs):
    doc, _ = docs["Harbourview_Credentials_Committee_Bylaws"]
    text = _text(doc)
    for word in ("qualifications", "verification", "certification", "financial", "findings", "Conflicts"):
        assert word in text
    assert not re.search(r"\b(?:qualif|certif|verif|conf) ", text)


def test_footnote_marks_do_not_glue_to_words_and_footnotes_stay_out_of_sentences(docs):
    doc, _ = docs["Harbourview_Credentials_Committee_Bylaws"]
    text = _text(doc)
    assert "Board of Directors. No practitioner may exercise clinical privileges" in text
    assert "shall not vote on it. The minutes record" in text
    assert not re.search(r"[a-z]\.\d[A-Z]", text)  # "Directors.1No"
    # the sentence a page break cut is finished on its first page, though footnotes sit below it
    (block,) = [b for b in doc.blocks if "Peer references shall come from" in b.text]
    assert "during the preceding twenty-four months." in block.text
    assert block.page == 1
    # the footnote is read right after the paragraph that marks it, under its section, without its mark
    texts = [b.text for b in doc.blocks]
    at = next(i for i, t in enumerate(texts) if "shall not vote on it" in t)
    assert texts[at + 1] == (
        "A conflict that is disclosed late does not void the recommendation, but the Chair refers it to "
        "the Medical Executive Committee for review."
    )
    assert doc.blocks[at + 1].section == doc.blocks[at].section == "ARTICLE III. MEETINGS AND CONFLICTS OF INTEREST"
    assert not any(ln.startswith("2 A conflict") for t in texts for ln in t.split("\n"))


def test_narrow_category_column_spanning_outcome_rows_reads_as_one_row_per_outcome(docs):
    doc, chunks = docs["Kestrel_AI_Procurement_Framework"]
    rows = [b.text for b in doc.blocks if b.kind == BlockKind.TABLE]
    first = next(r for r in rows if r.startswith("SOURCE 1:"))
    assert first.startswith(
        "SOURCE 1: The need for a system is defined by the program that will use it and is approved before "
        "any vendor is approached. | SOURCE 1.1:"
    )
    assert "SOURCE 1.2" not in first  # the next outcome is a row of its own, headed by its category's label
    assert any(r.startswith("SOURCE 1 | SOURCE 1.2: A non-AI") and r.endswith("| Options analysis") for r in rows)
    # the last outcome below a short category cell is a table row too, with its evidence
    assert any(r.startswith("SUSTAIN 1.3:") and r.endswith("| Suspension thresholds") for r in rows)
    # the header row repeated over a continuation page is a row, never a section heading
    assert not any("Evidence to request" in b.section for b in doc.blocks)
    assert "KSDH-AIPOF" not in "\n".join(c.text for c in chunks)


def test_a_landscape_page_drawn_turned_reads_as_its_table(docs):
    doc, _ = docs["Kestrel_AI_Procurement_Framework"]
    page3 = [b for b in doc.blocks if b.page == 3 and b.kind.indexed]
    assert any(b.kind == BlockKind.TABLE and b.text.startswith("Tier 3 (high) | Outputs that inform") for b in page3)
    assert any("Every 12 months and after any model update" in b.text for b in page3)
    assert all(b.section.startswith("Appendix A. Assurance tiers") for b in page3)


def test_two_columns_written_right_first_read_left_then_right_with_the_cut_sentence_whole(docs):
    doc, _ = docs["Norland_Digital_Health_Interoperability_Guideline"]
    text = _text(doc)
    assert "community pharmacist are able to review medication changes before the first follow-up visit." in text
    assert text.index("3.1 Connection.") < text.index("3.3 Access logging.")


def test_running_lines_of_a_three_page_document_are_furniture(docs):
    _, chunks = docs["Kestrel_AI_Procurement_Framework"]
    assert "Kestrel State Department of Health · AI Procurement" not in "\n".join(c.text for c in chunks)


@pytest.mark.skipif(tesseract() is None, reason="Tesseract is not installed (apt-get install tesseract-ocr)")
def test_scanned_page_is_read_by_ocr_under_its_own_heading(docs):
    doc, _ = docs["Harbourview_Credentials_Committee_Bylaws"]
    scanned = [b for b in doc.blocks if b.meta.get("ocr")]
    assert scanned and {b.page for b in scanned} == {3}
    assert any("one hundred twenty (120) days" in b.text for b in scanned)
    assert all(b.section == "APPENDIX A. BOARD RESOLUTION ON TEMPORARY PRIVILEGES" for b in scanned)
    assert not any(b.text.startswith("APPENDIX A") for b in scanned)


def _tsv(lines: list[list[str]], conf: float = 96.0) -> str:
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [head]
    for n, words in enumerate(lines, start=1):
        rows += [f"5\t1\t1\t1\t{n}\t{k}\t0\t0\t0\t0\t{conf}\t{w}" for k, w in enumerate(words, start=1)]
    return "\n".join(rows)


def test_ocr_heading_in_capitals_titles_the_text_under_it():
    tsv = _tsv(
        [
            ["SCHEDULE", "B.", "ON-CALL", "DUTIES"],
            ["The", "on-call", "surgeon", "attends", "within", "30"],
            ["minutes."],
        ]
    )
    (block,) = blocks_from_tsv(tsv, 4, 60)
    assert block.section == "SCHEDULE B. ON-CALL DUTIES"
    assert block.text == "The on-call surgeon attends within 30 minutes."
    # a sentence that merely opens with a capitalised acronym is no heading
    (plain,) = blocks_from_tsv(_tsv([["NHS", "IT"], ["staff", "attend."]]), 4, 60)
    assert plain.section == "" and plain.text.startswith("NHS IT")


def _words_pdf(path: Path, gap: float) -> Path:
    """One line placed word by word (no space characters) `gap` points apart, and a tracked heading."""
    pdf = FPDF(unit="pt")
    pdf.add_page()
    pdf.add_font("Body", "", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    pdf.set_font("Body", "", 10)
    pdf.set_char_spacing(2.0)
    pdf.text(60, 80, "QUORUM RULES")
    pdf.set_char_spacing(0)
    x = 60.0
    for word in ("The", "committee", "acts", "within", "sixty", "days", "of", "a", "complete", "application."):
        pdf.text(x, 110, word)
        x += pdf.get_string_width(word) + gap
    pdf.output(str(path))
    return path


@pytest.mark.skipif(
    not Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf").exists(), reason="DejaVu fonts missing"
)
def test_tightly_justified_words_placed_without_spaces_stay_apart(tmp_path):
    doc = load_document(_words_pdf(tmp_path / "tight.pdf", 1.6), "tight")
    text = _text(doc)
    assert "The committee acts within sixty days of a complete application." in text
    assert "QUORUM RULES" in text  # letter-spaced capitals are not split into letters


BLUEPRINT = "Kaldoria_National_Digital_Health_Blueprint"


def test_blueprint_wrapped_cells_read_as_one_row_each_under_the_header(docs):
    _, chunks = docs[BLUEPRINT]
    (table,) = [c for c in chunks if c.section == "3 Core registries > Table 1. Core registries"]
    rows = table.text.split("\n")
    assert rows[0] == "Registry | What it holds | Maintained by | Refreshed"
    assert rows[3] == (
        "Health Worker Registry | Every licensed clinician with registration number, cadre, specialty, current "
        "workplace and licence expiry date | Kaldoria Health Professions Council | Daily"
    )
    assert len(rows) == 5 and table.page == 1


def test_blueprint_table_continued_on_the_next_page_stays_one_table(docs):
    _, chunks = docs[BLUEPRINT]
    parts = [c for c in chunks if "National standards catalogue" in c.section and c.meta.get("block") == "table"]
    assert [c.page for c in parts] == [2, 3]
    assert {c.section for c in parts} == {"5 Standards > Table 3. National standards catalogue"}  # not "(continued)"
    assert all(c.text.startswith("Domain | Standard | Status | Date\n") for c in parts)
    assert parts[1].position == parts[0].position + 1  # read together as neighbours
    assert "Legacy messaging | HL7 version 2.5.1 messages | Transitional | December 2027" in parts[1].text.split("\n")
    # the prose after the table is back under its section, not under the table's caption
    after = next(c for c in chunks if "time-limited exemption" in c.text)
    assert after.section == "5 Standards"


def test_blueprint_footnote_is_read_with_the_sentence_that_marks_it(docs):
    _, chunks = docs[BLUEPRINT]
    (chunk,) = [c for c in chunks if "reconciles it within 30 days" in c.text]
    assert chunk.text.endswith(
        "reconciles it within 30 days.\n\nA match is confident when the name, the date of birth and at least one "
        "verified identifier agree. Records created during a declared public health emergency may stay "
        "provisional for 90 days."
    )
    assert chunk.section == "3 Core registries" and chunk.page == 2
    (breach,) = [c for c in chunks if "counts as a breach" in c.text]
    assert "within 72 hours" in breach.text and breach.section == "4 Roles and responsibilities"
    assert not re.search(r"^\d+ (?:A match|The loss|The seven)", "\n".join(c.text for c in chunks), re.M)


def test_blueprint_paragraph_after_a_list_is_not_part_of_its_last_item(docs):
    _, chunks = docs[BLUEPRINT]
    (chunk,) = [c for c in chunks if "Level 3 (sealed)" in c.text]
    # the clause numbers set in the margin open their clauses
    assert "- Level 3 (sealed): the record opens only through break-glass access.\n\n6.2 Every break-glass access" in (
        chunk.text
    )
