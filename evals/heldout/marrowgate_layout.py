"""Layout helpers of the FICTIONAL Marrowgate-Quillon services agreement (`build_marrowgate.py`):
page set-up and styles, the running header and the "Page X of Y" footer built from Word fields, and
the paragraph kinds the agreement uses (clauses numbered as typed text with a hanging indent and a
tab, headings, definitions with the term bold in curly quotes, schedule titles and shaded tables
whose header row repeats)."""

import re

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

REF = "Agreement Ref. MHP-QPI-MSA-2025-017"


def page_setup(doc):
    """Normal style (Cambria 10.5 pt) and US Letter margins."""
    st = doc.styles["Normal"]
    st.font.name = "Cambria"
    st.font.size = Pt(10.5)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Cambria")
    st.paragraph_format.space_after = Pt(5)
    st.paragraph_format.line_spacing = 1.1

    sec = doc.sections[0]
    sec.page_height = Inches(11)
    sec.page_width = Inches(8.5)
    sec.left_margin = sec.right_margin = Inches(1.0)
    sec.top_margin = Inches(1.0)
    sec.bottom_margin = Inches(0.9)


def add_field(run, instr):
    """Insert a complex field (PAGE, NUMPAGES) into a run."""
    b = OxmlElement("w:fldChar")
    b.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    s = OxmlElement("w:fldChar")
    s.set(qn("w:fldCharType"), "separate")
    t = OxmlElement("w:t")
    t.text = "1"
    e = OxmlElement("w:fldChar")
    e.set(qn("w:fldCharType"), "end")
    for el in (b, it, s, t, e):
        run._r.append(el)


def rich(p, text, size=None, italic=False):
    """Add text with **bold** markup to paragraph p."""
    for i, part in enumerate(re.split(r"\*\*", text)):
        if not part:
            continue
        r = p.add_run(part)
        r.bold = i % 2 == 1
        r.italic = italic
        if size:
            r.font.size = Pt(size)
    return p


INDENT = {1: 0.0, 2: 0.5, 3: 1.0, 4: 1.5}
HANG = {1: 0.5, 2: 0.5, 3: 0.5, 4: 0.5}


def clause(doc, num, text, level=2, keep=False):
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.left_indent = Inches(INDENT[level] + HANG[level])
    pf.first_line_indent = Inches(-HANG[level])
    pf.tab_stops.add_tab_stop(Inches(INDENT[level] + HANG[level]))
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if keep:
        pf.keep_with_next = True
    if num:
        p.add_run(num + "\t")
    rich(p, text)
    return p


def heading(doc, num, title):
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.space_before = Pt(12)
    pf.space_after = Pt(6)
    pf.keep_with_next = True
    pf.left_indent = Inches(0.5)
    pf.first_line_indent = Inches(-0.5)
    pf.tab_stops.add_tab_stop(Inches(0.5))
    r = p.add_run(f"{num}\t{title.upper()}")
    r.bold = True
    r.font.size = Pt(11.5)
    return p


def para(doc, text, align=None, size=None, italic=False, space_after=None, bold_all=False):
    p = doc.add_paragraph()
    if align:
        p.alignment = align
    if bold_all:
        r = p.add_run(text)
        r.bold = True
        if size:
            r.font.size = Pt(size)
        r.italic = italic
    else:
        rich(p, text, size=size, italic=italic)
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def defn(doc, term, text):
    """Definition paragraph: "Term" in bold, in quotes."""
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.left_indent = Inches(0.5)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.add_run("\u201c")
    r = p.add_run(term)
    r.bold = True
    p.add_run("\u201d ")
    rich(p, text)
    return p


def schedule_title(doc, label, title):
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(label.upper())
    r.bold = True
    r.font.size = Pt(13)
    p2 = para(doc, title.upper(), align=WD_ALIGN_PARAGRAPH.CENTER, size=12, bold_all=True, space_after=12)
    return p2


def shade(cell, hexcolor):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hexcolor)
    tcPr.append(shd)


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    trPr.append(h)


def table(doc, headers, rows, widths, font=9):
    t = doc.add_table(rows=1, cols=len(headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    hdr = t.rows[0]
    repeat_header(hdr)
    for i, h in enumerate(headers):
        c = hdr.cells[i]
        c.text = ""
        r = c.paragraphs[0].add_run(h)
        r.bold = True
        r.font.size = Pt(font)
        shade(c, "D9E2F3")
    for row in rows:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = ""
            p = cells[i].paragraphs[0]
            rich(p, v, size=font)
            p.paragraph_format.space_after = Pt(2)
    for row in t.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Inches(w)
    return t


def header_footer(doc):
    """The reference in the header; "Confidential - Page X of Y" in the footer."""
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = hp.add_run(f"{REF}  |  Master Services Agreement \u2013 Quillon EarlySignal\u2122")
    r.font.size = Pt(8)
    r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run("Confidential")
    r.bold = True
    r.font.size = Pt(8)
    r = fp.add_run("   \u2022   Page ")
    r.font.size = Pt(8)
    r = fp.add_run()
    r.font.size = Pt(8)
    add_field(r, "PAGE")
    r = fp.add_run(" of ")
    r.font.size = Pt(8)
    r = fp.add_run()
    r.font.size = Pt(8)
    add_field(r, "NUMPAGES")
