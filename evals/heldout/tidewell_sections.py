"""The parts of the FICTIONAL Tidewell Sentinel VSAQ response (`build_tidewell.py`), in order: the title
and Part A (respondent information), Part B (numbered instructions), Part C (eight question tables whose
header row repeats), Table 2 (the subprocessor list) with its italic note, Part D (the attestation and a
two-column signature table) and the blank "For Cedar Hollow use only" review block."""

from __future__ import annotations

import tidewell_questions as questions
import tidewell_texts as texts
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor
from tidewell_layout import cell_text, set_cell_bg, set_col_widths, set_repeat_header

NAVY = RGBColor(0x1F, 0x3A, 0x5F)
QUESTION_WIDTHS = [Cm(1.7), Cm(5.6), Cm(3.2), Cm(7.4)]
SUB_WIDTHS = [Cm(3.6), Cm(4.6), Cm(4.4), Cm(2.6), Cm(2.7)]
KEY_VALUE_WIDTHS = [Cm(5.5), Cm(12.4)]


def _caption(doc: Document, text: str, space_before: float) -> None:
    """A bold navy 11 pt caption kept with what follows it."""
    h = doc.add_paragraph()
    r = h.add_run(text)
    r.bold = True
    r.font.size = Pt(11)
    r.font.color.rgb = NAVY
    h.paragraph_format.space_before = Pt(space_before)
    h.paragraph_format.keep_with_next = True


def title_and_part_a(doc: Document) -> None:
    """The centred title and subtitle, then Part A, the respondent-information key/value table."""
    t = doc.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = t.add_run(texts.TITLE)
    r.bold = True
    r.font.size = Pt(16)
    t2 = doc.add_paragraph()
    t2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    t2.add_run(texts.SUBTITLE).italic = True

    doc.add_heading("Part A. Respondent information", level=2)
    tbl = doc.add_table(rows=0, cols=2)
    tbl.style = "Table Grid"
    for k, v in texts.INFO:
        row = tbl.add_row()
        cell_text(row.cells[0], k, bold=True, size=9)
        set_cell_bg(row.cells[0], "E7ECF2")
        cell_text(row.cells[1], v, size=9)
    set_col_widths(tbl, KEY_VALUE_WIDTHS)


def part_b(doc: Document) -> None:
    """Part B, the numbered instructions."""
    doc.add_heading("Part B. Instructions", level=2)
    for txt in texts.INSTRUCTIONS:
        p = doc.add_paragraph(txt, style="List Number")
        p.paragraph_format.space_after = Pt(2)


def _question_table(doc: Document, rows: list[tuple[str, str, str, str]]) -> None:
    """One section's table: a white-on-navy header row that repeats, then ID, question, response, comments."""
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    hdr = table.rows[0]
    for i, lab in enumerate(texts.QUESTION_HEADERS):
        cell_text(hdr.cells[i], lab, bold=True, size=8.5)
        set_cell_bg(hdr.cells[i], "1F3A5F")
        for rr in hdr.cells[i].paragraphs[0].runs:
            rr.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    set_repeat_header(hdr)
    for qid, q, resp, com in rows:
        row = table.add_row()
        cell_text(row.cells[0], qid, bold=True)
        cell_text(row.cells[1], q)
        cell_text(row.cells[2], resp)
        cell_text(row.cells[3], com)
    set_col_widths(table, QUESTION_WIDTHS)


def part_c(doc: Document) -> None:
    """Part C, the questionnaire responses: a caption, an italic intro and a table per section."""
    doc.add_heading("Part C. Questionnaire responses", level=2)
    for tno, (code, title, intro, rows) in enumerate(questions.SECTIONS, start=1):
        _caption(doc, f"Section {tno}. {title} ({code})", 8)
        ip = doc.add_paragraph(intro)
        ip.runs[0].italic = True
        ip.runs[0].font.size = Pt(9)
        ip.paragraph_format.keep_with_next = True
        _question_table(doc, rows)


def subprocessors(doc: Document) -> None:
    """Table 2, the subprocessor list (5 rows x 5 columns), and the italic note under it."""
    _caption(doc, texts.SUB_TITLE, 10)
    st2 = doc.add_table(rows=1, cols=5)
    st2.style = "Table Grid"
    for i, lab in enumerate(texts.SUB_HEADERS):
        cell_text(st2.rows[0].cells[i], lab, bold=True)
        set_cell_bg(st2.rows[0].cells[i], "D9E2EC")
    set_repeat_header(st2.rows[0])
    for rowv in texts.SUBPROCESSORS:
        row = st2.add_row()
        for i, v in enumerate(rowv):
            cell_text(row.cells[i], v)
    set_col_widths(st2, SUB_WIDTHS)
    np_ = doc.add_paragraph()
    r = np_.add_run(texts.SUB_NOTE)
    r.italic = True
    r.font.size = Pt(8)


def part_d(doc: Document) -> None:
    """Part D, the vendor attestation and the two-column signature table."""
    doc.add_heading("Part D. Vendor attestation", level=2)
    doc.add_paragraph(texts.ATTESTATION)
    sig = doc.add_table(rows=4, cols=2)
    sig.style = "Table Grid"
    for i, (lab, a, b) in enumerate(texts.SIGNATURES):
        cell_text(sig.rows[i].cells[0], f"{lab}: {a}", size=9)
        cell_text(sig.rows[i].cells[1], f"{lab}: {b}", size=9)


def review_block(doc: Document) -> None:
    """The requester's review block, left blank by the vendor."""
    doc.add_paragraph()
    p = doc.add_paragraph()
    r = p.add_run(texts.REVIEW_TITLE)
    r.bold = True
    r.font.size = Pt(9)
    use = doc.add_table(rows=4, cols=2)
    use.style = "Table Grid"
    for i, lab in enumerate(texts.REVIEW_LABELS):
        cell_text(use.rows[i].cells[0], lab, bold=True, size=8.5)
        set_cell_bg(use.rows[i].cells[0], "F2F2F2")
        cell_text(use.rows[i].cells[1], "", size=8.5)
    set_col_widths(use, KEY_VALUE_WIDTHS)
