"""Word helpers of the FICTIONAL Brackenridge AI Oversight Committee minutes
(`build_brackenridge.py`): complex fields, a tracked deletion (`w:del`), shaded table cells, a
repeated header row, tables with merged section rows, paragraphs and motions (Moved / Seconded /
Result), and the page set-up with its header and "Page X of Y" footer."""

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor


def add_field(paragraph, instr):
    """Append a complex field (e.g. PAGE, NUMPAGES) to a paragraph."""

    def fld(kind):
        r = OxmlElement("w:r")
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind)
        r.append(fc)
        return r

    p = paragraph._p
    p.append(fld("begin"))
    r = OxmlElement("w:r")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    r.append(it)
    p.append(r)
    p.append(fld("separate"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    p.append(r)
    p.append(fld("end"))


def add_deletion(paragraph, text, author, date, del_id):
    """Append a tracked deletion (w:del) containing `text`."""
    d = OxmlElement("w:del")
    d.set(qn("w:id"), str(del_id))
    d.set(qn("w:author"), author)
    d.set(qn("w:date"), date)
    r = OxmlElement("w:r")
    dt = OxmlElement("w:delText")
    dt.set(qn("xml:space"), "preserve")
    dt.text = text
    r.append(dt)
    d.append(r)
    paragraph._p.append(d)


def shade(cell, hexcolor):
    tcPr = cell._tc.get_or_add_tcPr()
    sh = OxmlElement("w:shd")
    sh.set(qn("w:val"), "clear")
    sh.set(qn("w:color"), "auto")
    sh.set(qn("w:fill"), hexcolor)
    tcPr.append(sh)


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    th = OxmlElement("w:tblHeader")
    th.set(qn("w:val"), "true")
    trPr.append(th)


def table(doc, header, rows, widths=None):
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, h in enumerate(header):
        c = t.rows[0].cells[i]
        c.text = ""
        run = c.paragraphs[0].add_run(h)
        run.bold = True
        shade(c, "D9E2F3")
    repeat_header(t.rows[0])
    for r in rows:
        cells = t.add_row().cells
        if isinstance(r, str):  # section row spanning all columns
            m = cells[0].merge(cells[-1])
            m.text = ""
            run = m.paragraphs[0].add_run(r)
            run.bold = True
            run.italic = True
            shade(m, "F2F2F2")
            continue
        for i, v in enumerate(r):
            cells[i].text = v
    if widths:
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
    for row in t.rows:
        for c in row.cells:
            for p in c.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(9.5)
    return t


def para(doc, text, bold_prefix=None, style=None, italic=False):
    p = doc.add_paragraph(style=style)
    if bold_prefix:
        p.add_run(bold_prefix).bold = True
    r = p.add_run(text)
    r.italic = italic
    return p


def motion(doc, number, text, moved, seconded, result):
    p = doc.add_paragraph()
    p.paragraph_format.left_indent = Cm(0.8)
    p.add_run(f"Motion {number}: ").bold = True
    p.add_run(text)
    p2 = doc.add_paragraph()
    p2.paragraph_format.left_indent = Cm(0.8)
    p2.add_run("Moved: ").bold = True
    p2.add_run(moved + ".   ")
    p2.add_run("Seconded: ").bold = True
    p2.add_run(seconded + ".")
    p3 = doc.add_paragraph()
    p3.paragraph_format.left_indent = Cm(0.8)
    lead = p3.add_run("Result: ")
    lead.bold = True
    res = p3.add_run(result)
    return p3, res


def page_setup(doc):
    """A4 page, Calibri 10.5 pt, the two-line header and the footer with PAGE and NUMPAGES fields."""
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(10.5)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = Cm(2.4)
    sec.bottom_margin = Cm(2.2)

    # Header
    hp = sec.header.paragraphs[0]
    hp.text = ""
    r = hp.add_run("Brackenridge Valley Medical Center  |  Artificial Intelligence Oversight Committee (AIOC)")
    r.font.size = Pt(9)
    r.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    hp2 = sec.header.add_paragraph()
    r = hp2.add_run("Meeting 2025-03  ·  Confidential – committee business")
    r.font.size = Pt(8)
    r.italic = True
    hp2.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    # Footer: Draft for approval + page field
    fp = sec.footer.paragraphs[0]
    fp.text = ""
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run("Draft for approval – not for distribution   |   Page ")
    r.font.size = Pt(8.5)
    add_field(fp, "PAGE")
    r = fp.add_run(" of ")
    r.font.size = Pt(8.5)
    add_field(fp, "NUMPAGES")
