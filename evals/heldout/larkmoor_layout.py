"""Layout of the FICTIONAL Larkmoor Health Plan medical policy (`build_larkmoor.py`): the DejaVu Sans
fonts, paragraph styles, the table helper, and the canvas that draws the running header, the
disclaimer footer and "Page X of Y" on every page."""

from page_count import TotalPagesCanvas
from reportlab.lib import colors
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Paragraph,
    Table,
    TableStyle,
)

FD = "/usr/share/fonts/truetype/dejavu/"
pdfmetrics.registerFont(TTFont("DV", FD + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DV-B", FD + "DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("DV-I", FD + "DejaVuSans-Oblique.ttf"))
pdfmetrics.registerFont(TTFont("DV-BI", FD + "DejaVuSans-BoldOblique.ttf"))
addMapping("DV", 0, 0, "DV")
addMapping("DV", 1, 0, "DV-B")
addMapping("DV", 0, 1, "DV-I")
addMapping("DV", 1, 1, "DV-BI")

NAVY = colors.HexColor("#1F3A5F")
TEAL = colors.HexColor("#2E7D7A")
LIGHT = colors.HexColor("#E8EEF4")
GRID = colors.HexColor("#9AA8B8")

POLICY_NO = "MP-CL-0417"
TITLE = "Artificial Intelligence\u2013Assisted Diagnostic Services and Algorithm-Based Prior Authorization"

# ---------------------------------------------------------------- styles
base = ParagraphStyle("base", fontName="DV", fontSize=9.2, leading=12.4, spaceAfter=4)
small = ParagraphStyle("small", parent=base, fontSize=7.8, leading=10)
cell = ParagraphStyle("cell", parent=base, fontSize=8.2, leading=10.4, spaceAfter=0)
cellb = ParagraphStyle("cellb", parent=cell, fontName="DV-B")
cellh = ParagraphStyle("cellh", parent=cell, fontName="DV-B", textColor=colors.white)
h1 = ParagraphStyle(
    "h1",
    parent=base,
    fontName="DV-B",
    fontSize=12.5,
    leading=16,
    textColor=NAVY,
    spaceBefore=10,
    spaceAfter=5,
    keepWithNext=1,
)
h2 = ParagraphStyle(
    "h2",
    parent=base,
    fontName="DV-B",
    fontSize=10.5,
    leading=14,
    textColor=TEAL,
    spaceBefore=8,
    spaceAfter=4,
    keepWithNext=1,
)
h3 = ParagraphStyle(
    "h3", parent=base, fontName="DV-B", fontSize=9.4, leading=12.5, spaceBefore=5, keepWithNext=1, spaceAfter=3
)
title_st = ParagraphStyle("title", parent=base, fontName="DV-B", fontSize=15, leading=19, textColor=NAVY, spaceAfter=4)
lvl1 = ParagraphStyle("lvl1", parent=base, leftIndent=22, firstLineIndent=-14, spaceAfter=3)
lvl2 = ParagraphStyle("lvl2", parent=base, leftIndent=44, firstLineIndent=-14, spaceAfter=2)
lvl3 = ParagraphStyle("lvl3", parent=base, leftIndent=64, firstLineIndent=-14, spaceAfter=2)
note = ParagraphStyle(
    "note",
    parent=base,
    fontSize=8.4,
    leading=11,
    leftIndent=10,
    borderColor=GRID,
    borderWidth=0.6,
    borderPadding=5,
    backColor=colors.HexColor("#F6F8FA"),
    spaceBefore=6,
    spaceAfter=8,
)
fn = ParagraphStyle("fn", parent=base, fontSize=7.4, leading=9.4, spaceAfter=1)
cap = ParagraphStyle("cap", parent=base, fontName="DV-B", fontSize=9.4, leading=12.5, spaceBefore=5, spaceAfter=3)
ref = ParagraphStyle("ref", parent=base, fontSize=8.4, leading=11, leftIndent=20, firstLineIndent=-20)


def P(t, s=base):
    return Paragraph(t, s)


def items(pairs, style=lvl1):
    return [Paragraph(f"{lab}&nbsp;&nbsp;{txt}", style) for lab, txt in pairs]


def tbl(data, widths, header=True, zebra=True, repeat=1, extra=None):
    rows = []
    for r_i, row in enumerate(data):
        out = []
        for c in row:
            if isinstance(c, str):
                out.append(Paragraph(c, cellh if (header and r_i == 0) else cell))
            else:
                out.append(c)
        rows.append(out)
    t = Table(rows, colWidths=widths, repeatRows=repeat if header else 0)
    st = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        st.append(("BACKGROUND", (0, 0), (-1, 0), NAVY))
    if zebra:
        for i in range(1 if header else 0, len(rows)):
            if i % 2 == 0:
                st.append(("BACKGROUND", (0, i), (-1, i), LIGHT))
    if extra:
        st += extra
    t.setStyle(TableStyle(st))
    return t


# ---------------------------------------------------------------- page furniture
DISCLAIMER = (
    "This medical policy is intended to provide guidance in interpreting certain standard benefit plans "
    "administered by Larkmoor Health Plan, Inc. It is not medical advice and does not guarantee coverage or "
    "payment. The member\u2019s benefit plan document, applicable law and regulation govern where they "
    "conflict with this policy. Procedure codes in this policy are fictional illustrative codes. "
    "Proprietary \u2013 do not reproduce without permission."
)


class NumberedCanvas(TotalPagesCanvas):
    def draw_furniture(self, total):
        w, h = letter
        pg = self._pageNumber
        # header
        self.setStrokeColor(NAVY)
        self.setLineWidth(1.2)
        self.line(0.75 * inch, h - 0.62 * inch, w - 0.75 * inch, h - 0.62 * inch)
        self.setFont("DV-B", 8.2)
        self.setFillColor(NAVY)
        self.drawString(0.75 * inch, h - 0.55 * inch, "LARKMOOR HEALTH PLAN  |  Medical Policy")
        self.setFont("DV", 8.2)
        self.drawRightString(w - 0.75 * inch, h - 0.55 * inch, f"Policy No. {POLICY_NO}  |  Effective 04/01/2026")
        if pg > 1:
            self.setFont("DV-I", 7.4)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawString(0.75 * inch, h - 0.76 * inch, TITLE)
        # footer
        self.setStrokeColor(GRID)
        self.setLineWidth(0.6)
        self.line(0.75 * inch, 0.98 * inch, w - 0.75 * inch, 0.98 * inch)
        self.setFillColor(colors.HexColor("#333333"))
        tx = self.beginText(0.75 * inch, 0.86 * inch)
        tx.setFont("DV", 6.5)
        tx.setLeading(8)
        # wrap disclaimer manually
        words = DISCLAIMER.split()
        line = ""
        maxw = w - 1.5 * inch
        for wd in words:
            cand = (line + " " + wd).strip()
            if pdfmetrics.stringWidth(cand, "DV", 6.5) > maxw:
                tx.textLine(line)
                line = wd
            else:
                line = cand
        tx.textLine(line)
        self.drawText(tx)
        self.setFont("DV-B", 7.6)
        self.drawRightString(w - 0.75 * inch, 0.42 * inch, f"Page {pg} of {total}")
        self.setFont("DV", 7.2)
        self.drawString(
            0.75 * inch, 0.42 * inch, "\u00a9 2026 Larkmoor Health Plan, Inc.  Printed copies are uncontrolled."
        )
