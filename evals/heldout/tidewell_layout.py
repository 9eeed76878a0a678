"""Layout helpers of the FICTIONAL Tidewell Sentinel VSAQ response (`build_tidewell.py`): page set-up
(US Letter, Calibri 10 pt), the running header with the form number and the footer with PAGE/NUMPAGES
fields, cell shading, repeated header rows, column widths, cell text (one paragraph per line, so
checkbox lists stack), and saving with fixed zip entry timestamps so the .docx bytes are stable."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import tidewell_texts as texts
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell, _Row
from docx.text.run import Run

# every zip entry gets this timestamp (the date the response was submitted), not the build time
ZIP_DATE = (2025, 10, 6, 0, 0, 0)


def set_cell_bg(cell: _Cell, hex_color: str) -> None:
    """Shade a table cell with `hex_color` (RRGGBB)."""
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_color)
    tcPr.append(shd)


def set_repeat_header(row: _Row) -> None:
    """Mark a table row as a header row that repeats on every page."""
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def set_col_widths(table: Table, widths: list[Length]) -> None:
    """Set the width of every cell, column by column."""
    for row in table.rows:
        for idx, w in enumerate(widths):
            row.cells[idx].width = w


def add_field(run: Run, instr: str) -> None:
    """Insert a complex field (PAGE, NUMPAGES) into a run."""
    f1 = OxmlElement("w:fldChar")
    f1.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = instr
    f2 = OxmlElement("w:fldChar")
    f2.set(qn("w:fldCharType"), "separate")
    t = OxmlElement("w:t")
    t.text = "1"
    f3 = OxmlElement("w:fldChar")
    f3.set(qn("w:fldCharType"), "end")
    for el in (f1, it, f2, t, f3):
        run._r.append(el)


def cell_text(cell: _Cell, text: str, bold: bool = False, size: float = 8.5, italic: bool = False) -> None:
    """Replace a cell's text, one paragraph per line, with no space after."""
    cell.text = ""
    lines = text.split("\n") if text else [""]
    p = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            p = cell.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        r = p.add_run(line)
        r.bold = bold
        r.italic = italic
        r.font.size = Pt(size)


def page_setup(doc: Document) -> None:
    """Normal style (Calibri 10 pt), US Letter page and margins."""
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(10)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.59), Cm(27.94)
    sec.left_margin = sec.right_margin = Cm(1.8)
    sec.top_margin = Cm(2.0)
    sec.bottom_margin = Cm(1.8)


def header_footer(doc: Document) -> None:
    """The requester and form number in the header; the vendor and "Page X of Y" in the footer."""
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = ""
    r = hp.add_run(texts.HEADER_LEFT)
    r.bold = True
    r.font.size = Pt(8)
    hp.add_run(texts.HEADER_RIGHT).font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.text = ""
    r = fp.add_run(texts.FOOTER)
    r.font.size = Pt(8)
    r = fp.add_run()
    r.font.size = Pt(8)
    add_field(r, "PAGE")
    r = fp.add_run(" of ")
    r.font.size = Pt(8)
    r = fp.add_run()
    r.font.size = Pt(8)
    add_field(r, "NUMPAGES")


def save_stable(doc: Document, path: Path) -> None:
    """Save `doc` to `path` with every zip entry dated `ZIP_DATE`, so equal documents give equal bytes."""
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
