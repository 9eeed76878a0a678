"""Builds the held-out Caldergrove clinical AI policy as a Word file: for measuring only (fictional, our own words)."""

# python evals/heldout/build_caldergrove.py --out DIR
#
# A health system's policy and procedure as a compliance office keeps it in Word, built with
# python-docx plus raw WordprocessingML (docx.oxml): a document-control table, a header with the
# policy number and a footer with PAGE / NUMPAGES fields, numbered headings, real Word numbered and
# bulleted lists two levels deep (each numbered list restarts at 1), tables with merged cells, a
# reviewer's comment, a tracked change (w:del / w:ins), a small italic note, a form appendix. The
# core properties and revision dates are fixed, so every build writes the same parts. The text is
# in caldergrove_texts.py and caldergrove_sections.py.

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt, RGBColor

HERE = Path(__file__).resolve().parent


# run as a script (or by build.py) from this folder, so its sibling text modules import by name
import caldergrove_sections as S  # noqa: E402
import caldergrove_texts as T  # noqa: E402

NAVY = "1F3864"
PALE = "D9E2F3"
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
_FIRST_REVISION_ID = 900


# --- low-level WordprocessingML ---------------------------------------------------------------


def shade(cell: Any, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def add_field(paragraph: Any, instr: str, placeholder: str = "1") -> None:
    """A complex field (w:fldChar begin/separate/end) such as PAGE or NUMPAGES."""

    def fld(kind: str) -> None:
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(fc)

    fld("begin")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    paragraph.add_run()._r.append(it)
    fld("separate")
    paragraph.add_run(placeholder)
    fld("end")


class Revisions:
    """Tracked changes by the compliance office, numbered from 901 in document order."""

    def __init__(self) -> None:
        self.last = _FIRST_REVISION_ID

    def _mark(self, paragraph: Any, tag: str, text_tag: str, text: str) -> None:
        self.last += 1
        mark = OxmlElement(tag)
        mark.set(qn("w:id"), str(self.last))
        mark.set(qn("w:author"), T.AUTHOR)
        mark.set(qn("w:date"), T.REV_DATE)
        r = OxmlElement("w:r")
        t = OxmlElement(text_tag)
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        mark.append(r)
        paragraph._p.append(mark)

    def deleted(self, paragraph: Any, text: str) -> None:
        self._mark(paragraph, "w:del", "w:delText", text)

    def inserted(self, paragraph: Any, text: str) -> None:
        self._mark(paragraph, "w:ins", "w:t", text)


class Lists:
    """Real Word numbering; each numbered list restarts at 1."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.numbering = doc.part.numbering_part.element
        self._max = max(int(n.get(qn("w:numId"))) for n in self.numbering.findall(qn("w:num")))

    def _abstract_for_style(self, style_name: str) -> str:
        num_id = self.doc.styles[style_name].element.pPr.numPr.numId.val
        for n in self.numbering.findall(qn("w:num")):
            if int(n.get(qn("w:numId"))) == num_id:
                return n.find(qn("w:abstractNumId")).get(qn("w:val"))
        raise KeyError(style_name)

    def new_num(self, style_name: str) -> int:
        self._max += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self._max))
        a = OxmlElement("w:abstractNumId")
        a.set(qn("w:val"), self._abstract_for_style(style_name))
        num.append(a)
        ov = OxmlElement("w:lvlOverride")
        ov.set(qn("w:ilvl"), "0")
        so = OxmlElement("w:startOverride")
        so.set(qn("w:val"), "1")
        ov.append(so)
        num.append(ov)
        self.numbering.append(num)
        return self._max

    @staticmethod
    def apply(paragraph: Any, num_id: int, ilvl: int = 0) -> None:
        p_pr = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        il = OxmlElement("w:ilvl")
        il.set(qn("w:val"), str(ilvl))
        ni = OxmlElement("w:numId")
        ni.set(qn("w:val"), str(num_id))
        num_pr.append(il)
        num_pr.append(ni)
        p_pr.insert(1 if p_pr.find(qn("w:pStyle")) is not None else 0, num_pr)


# --- content helpers --------------------------------------------------------------------------


def note(doc: Any, text: str) -> Any:
    p = doc.add_paragraph()
    p.paragraph_format.left_indent = Cm(0.6)
    r = p.add_run(text)
    r.italic = True
    r.font.size = Pt(8.5)
    return p


def _item(p: Any, item: str | tuple[str, str]) -> None:
    if isinstance(item, tuple):
        p.add_run(item[0]).bold = True
        p.add_run(item[1])
    else:
        p.add_run(item)


def numbered(doc: Any, lists: Lists, items: list, style: str = "List Number") -> int:
    nid = lists.new_num(style)
    for item in items:
        p = doc.add_paragraph(style=style)
        _item(p, item)
        Lists.apply(p, nid)
    return nid


def bullets(doc: Any, items: list, style: str = "List Bullet") -> None:
    for item in items:
        _item(doc.add_paragraph(style=style), item)


def table(doc: Any, header: list[str], rows: list, widths: list[float] | None = None) -> Any:
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, h in enumerate(header):
        c = t.rows[0].cells[i]
        c.text = ""
        r = c.paragraphs[0].add_run(h)
        r.bold = True
        r.font.color.rgb = WHITE
        shade(c, NAVY)
    repeat_header(t.rows[0])
    for row in rows:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = v
    if widths:
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Inches(w)
    return t


def fields(doc: Any, heading: str, labels: list[str]) -> None:
    """A part of the form: a heading, then one "Label: ____" line per field."""
    doc.add_heading(heading, level=2)
    for label in labels:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(8)
        p.add_run(label + ": ").bold = True
        p.add_run("_" * max(12, 60 - len(label)))


def render(doc: Any, lists: Lists, blocks: list[tuple]) -> None:
    """Add each block of caldergrove_texts.py / caldergrove_sections.py to the document."""
    for b in blocks:
        match b:
            case ("h1", text):
                doc.add_heading(text, level=1)
            case ("h2", text):
                doc.add_heading(text, level=2)
            case ("p", text):
                doc.add_paragraph(text)
            case ("note", text):
                note(doc, text)
            case ("caption", text):
                doc.add_paragraph(style="Caption").add_run(text)
            case ("blank",):
                doc.add_paragraph()
            case ("break",):
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            case ("bullets", items):
                bullets(doc, items)
            case ("bullets2", items):
                bullets(doc, items, style="List Bullet 2")
            case ("numbered", items):
                numbered(doc, lists, items)
            case ("table", header, rows, widths):
                table(doc, header, rows, widths)
            case ("fields", heading, labels):
                fields(doc, heading, labels)
            case _:
                raise ValueError(f"unknown block {b!r}")


# --- page set-up ------------------------------------------------------------------------------


def style_doc(doc: Any) -> None:
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(11)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Calibri")
    st.paragraph_format.space_after = Pt(6)
    for name, size in (("Heading 1", 14), ("Heading 2", 12)):
        h = doc.styles[name]
        h.font.name = "Calibri"
        h.font.size = Pt(size)
        h.font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
        rpr = h.element.get_or_add_rPr()
        rf = rpr.find(qn("w:rFonts"))
        if rf is None:
            rf = OxmlElement("w:rFonts")
            rpr.insert(0, rf)
        for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rf.set(qn(a), "Calibri")
        for a in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            if rf.get(qn(a)) is not None:
                del rf.attrib[qn(a)]


def header_footer(doc: Any) -> None:
    """US Letter with 1-inch sides; the policy number and title above, Page X of Y below."""
    sec = doc.sections[0]
    sec.page_height = Inches(11)
    sec.page_width = Inches(8.5)
    sec.left_margin = Inches(1)
    sec.right_margin = Inches(1)
    sec.top_margin = Inches(0.9)
    sec.bottom_margin = Inches(0.9)

    r = sec.header.paragraphs[0].add_run("Caldergrove Health  |  Policy " + T.POLICY_NO)
    r.bold = True
    r.font.size = Pt(9)
    hp2 = sec.header.add_paragraph()
    r = hp2.add_run(T.TITLE)
    r.font.size = Pt(9)
    r.italic = True
    bdr = OxmlElement("w:pBdr")  # a rule under the header
    b = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", NAVY)):
        b.set(qn(k), v)
    bdr.append(b)
    hp2._p.get_or_add_pPr().append(bdr)

    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run_text, fld in (("Page ", "PAGE"), (" of ", "NUMPAGES")):
        fp.add_run(run_text).font.size = Pt(9)
        add_field(fp, fld)
    fp2 = sec.footer.add_paragraph()
    fp2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rr = fp2.add_run(T.FOOTER_NOTE)
    rr.font.size = Pt(8)
    rr.italic = True


def properties(doc: Any) -> None:
    cp = doc.core_properties
    cp.title = T.TITLE
    cp.author = T.AUTHOR
    cp.subject = "Policy " + T.POLICY_NO
    cp.created = dt.datetime(2025, 2, 4, 10, 0, 0)
    cp.modified = dt.datetime(2025, 2, 20, 16, 5, 0)
    cp.last_modified_by = T.REVIEWER
    cp.revision = 7


# --- the parts built in code ------------------------------------------------------------------


def front(doc: Any, revisions: Revisions) -> None:
    """Title, the document-control table and section 1 with its tracked insertion."""
    doc.add_paragraph(T.TITLE, style="Title")
    r = doc.add_paragraph().add_run(T.SUBTITLE)
    r.bold = True
    r.font.size = Pt(12)
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for k, v in T.CONTROL:
        cells = t.add_row().cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(k).bold = True
        shade(cells[0], PALE)
        cells[1].text = v
    for row in t.rows:
        row.cells[0].width = Inches(1.7)
        row.cells[1].width = Inches(4.8)
    doc.add_paragraph()
    doc.add_heading("1. Purpose", level=1)
    revisions.inserted(doc.add_paragraph(T.PURPOSE), T.PURPOSE_INSERTED)


def quorum(doc: Any) -> None:
    """The quorum sentence, with the reviewer's comment (holding a wrong figure) anchored on it."""
    p = doc.add_paragraph()
    anchor = p.add_run(T.QUORUM)
    p.add_run(T.VOTING)
    comment = doc.add_comment([anchor], text=T.COMMENT, author=T.REVIEWER, initials="DM")
    comment._comment_elm.set(qn("w:date"), T.COMMENT_DATE)


def _spanned_head(doc: Any, cols: int, top_left: str, across: str) -> tuple[Any, Any, Any]:
    """A table whose first cell spans two header rows and whose second spans the other columns."""
    t = doc.add_table(rows=2, cols=cols)
    t.style = "Table Grid"
    left = t.cell(0, 0).merge(t.cell(1, 0))
    left.text = ""
    left_run = left.paragraphs[0].add_run(top_left)
    left_run.bold = True
    span = t.cell(0, 1).merge(t.cell(0, cols - 1))
    span.text = ""
    span_run = span.paragraphs[0].add_run(across)
    span_run.bold = True
    return t, (left, left_run), (span, span_run)


def _sub_heads(t: Any, names: list[str]) -> None:
    for i, name in enumerate(names, start=1):
        c = t.cell(1, i)
        c.text = ""
        c.paragraphs[0].add_run(name).bold = True
        shade(c, PALE)


def matrix(doc: Any) -> None:
    """Table 2, the responsibility matrix: "Activity" over two rows, the roles under one spanning cell."""
    t, (left, _), (span, _) = _spanned_head(doc, 6, T.MATRIX_ACTIVITY, T.MATRIX_ROLES_HEAD)
    span.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _sub_heads(t, T.MATRIX_ROLES)
    shade(left, PALE)
    shade(span, PALE)
    repeat_header(t.rows[0])
    repeat_header(t.rows[1])
    for row in T.MATRIX:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = v
            if i:
                cells[i].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def triage(doc: Any, revisions: Revisions) -> None:
    """The triage sentence of 5.1, its old figure deleted and the new one inserted."""
    p = doc.add_paragraph(T.TRIAGE_BEFORE)
    revisions.deleted(p, T.TRIAGE_DELETED)
    revisions.inserted(p, T.TRIAGE_INSERTED)
    p.add_run(T.TRIAGE_AFTER)


def approval_bands(doc: Any) -> None:
    """Table 4, approval authority by cost band, white on navy above the pale sub-headings."""
    t, (left, left_run), (span, span_run) = _spanned_head(doc, 4, S.BAND_HEAD, S.APPROVALS_HEAD)
    left_run.font.color.rgb = WHITE
    span_run.font.color.rgb = WHITE
    span.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    shade(left, NAVY)
    shade(span, NAVY)
    _sub_heads(t, S.APPROVAL_KINDS)
    repeat_header(t.rows[0])
    repeat_header(t.rows[1])
    for row in S.BANDS:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = v
    for row in t.rows:
        for i, w in enumerate(S.BAND_WIDTHS):
            row.cells[i].width = Inches(w)


def go_live(doc: Any, lists: Lists) -> None:
    """The numbered go-live list of 8.1 with its nested numbered baseline list."""
    nid = numbered(doc, lists, S.GO_LIVE)
    sub = lists.new_num("List Number 2")
    for item in S.BASELINE:
        Lists.apply(doc.add_paragraph(item, style="List Number 2"), sub)
    Lists.apply(doc.add_paragraph(S.GO_LIVE_LAST, style="List Number"), nid)


# --- the document -----------------------------------------------------------------------------


def build(out_dir: Path) -> Path:
    """Build the policy into `out_dir`; the .docx file's path."""
    doc = Document()
    style_doc(doc)
    header_footer(doc)
    lists = Lists(doc)
    revisions = Revisions()
    properties(doc)
    front(doc, revisions)
    render(doc, lists, T.SCOPE_TO_BOARD)
    quorum(doc)
    render(doc, lists, T.BOARD_TO_MATRIX)
    matrix(doc)
    render(doc, lists, T.MATRIX_TO_TRIAGE)
    triage(doc, revisions)
    render(doc, lists, S.TIERS_TO_APPROVAL)
    approval_bands(doc)
    render(doc, lists, S.APPROVAL_TO_GO_LIVE)
    go_live(doc, lists)
    render(doc, lists, S.GO_LIVE_TO_END)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{T.NAME}.docx"
    doc.save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, required=True, help="folder for the .docx file")
    print(build(ap.parse_args(argv).out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
