"""Layout of the FICTIONAL Kestrelmoor internal audit report (`build_kestrelmoor.py`): page size,
styles, footnotes drawn at the foot of the page where their anchor lands, the "Page X of Y" canvas,
the running header and footer, the document template and the small flowable helpers the sections use."""

from page_count import TotalPagesCanvas
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

ORG = "Kestrelmoor Health"
REPNO = "IA-2026-07"
PAGE_W, PAGE_H = letter
LM = RM = 0.9 * inch
TM = 0.95 * inch
FOOTNOTE_ZONE = 1.05 * inch  # reserved above the page footer for footnotes
BM = 0.7 * inch

NAVY = colors.HexColor("#1F3A5F")
GREY = colors.HexColor("#5A5A5A")
LIGHT = colors.HexColor("#E8EDF3")
RATING_COL = {
    "High": colors.HexColor("#F4C7C3"),
    "Medium": colors.HexColor("#FCE8B2"),
    "Low": colors.HexColor("#D9EAD3"),
}

ss = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=ss["Normal"], fontName="Helvetica", fontSize=9.6, leading=12.6, spaceAfter=5)
BODY_J = BODY
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.2, leading=10, spaceAfter=0)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.2, leading=10, spaceAfter=0)
CELL_B = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
CELL_HDR = ParagraphStyle("cellh", parent=CELL, fontName="Helvetica-Bold", textColor=colors.white)
H1 = ParagraphStyle(
    "h1", parent=BODY, fontName="Helvetica-Bold", fontSize=14, leading=17, textColor=NAVY, spaceBefore=4, spaceAfter=8
)
H2 = ParagraphStyle(
    "h2", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14, textColor=NAVY, spaceBefore=8, spaceAfter=4
)
H3 = ParagraphStyle(
    "h3",
    parent=BODY,
    fontName="Helvetica-Bold",
    fontSize=9.6,
    leading=12.6,
    textColor=colors.black,
    spaceBefore=5,
    spaceAfter=2,
)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=16, bulletIndent=5, spaceAfter=3)
NUMLIST = ParagraphStyle("num", parent=BODY, leftIndent=20, bulletIndent=4, spaceAfter=3)
FN = ParagraphStyle("fn", parent=BODY, fontSize=7.3, leading=8.8, spaceAfter=1.5)

# --------------------------------------------------------------------------------------
# Footnotes: numbered globally, drawn at the bottom of the page where the anchor lands.
# --------------------------------------------------------------------------------------
FOOTNOTES = []  # list of texts, index = number - 1
PAGE_FOOTNOTES = {}  # page number -> list of footnote numbers


def fn(text):
    """Register footnote text; return the superscript marker to embed in a paragraph."""
    FOOTNOTES.append(text)
    return len(FOOTNOTES), f"<super><font size=6.5>{len(FOOTNOTES)}</font></super>"


class FootnoteAnchor(Flowable):
    def __init__(self, nums):
        super().__init__()
        self.nums = nums
        self.width = self.height = 0

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        page = self.canv.getPageNumber()
        lst = PAGE_FOOTNOTES.setdefault(page, [])
        for n in self.nums:
            if n not in lst:
                lst.append(n)


def para_fn(text_with_markers, nums, style=BODY):
    """Paragraph followed by a zero-size anchor so its footnotes go on the right page."""
    return [Paragraph(text_with_markers, style), FootnoteAnchor(nums)]


# --------------------------------------------------------------------------------------
# Canvas with "Page X of Y"
# --------------------------------------------------------------------------------------
class NumberedCanvas(TotalPagesCanvas):
    def draw_furniture(self, total: int) -> None:
        if self._pageNumber > 1:
            self.setFont("Helvetica", 8)
            self.setFillColor(GREY)
            self.drawCentredString(PAGE_W / 2, 0.45 * inch, f"Page {self._pageNumber} of {total}")


def on_page(canv, doc):
    page = canv.getPageNumber()
    PAGE_FOOTNOTES[page] = []
    if page == 1:
        return
    canv.saveState()
    canv.setFont("Helvetica", 7.8)
    canv.setFillColor(GREY)
    canv.drawString(
        LM, PAGE_H - 0.55 * inch, f"{ORG}  |  Internal Audit Report {REPNO}  |  Governance of Clinical Algorithms"
    )
    canv.setFont("Helvetica-Bold", 7.8)
    canv.setFillColor(colors.HexColor("#9B1C1C"))
    canv.drawRightString(PAGE_W - RM, PAGE_H - 0.55 * inch, "Confidential \u2014 internal use")
    canv.setStrokeColor(NAVY)
    canv.setLineWidth(0.6)
    canv.line(LM, PAGE_H - 0.62 * inch, PAGE_W - RM, PAGE_H - 0.62 * inch)
    canv.line(LM, 0.62 * inch, PAGE_W - RM, 0.62 * inch)
    canv.setFont("Helvetica", 7.2)
    canv.setFillColor(GREY)
    canv.drawString(LM, 0.45 * inch, "Final report \u2014 issued 14 April 2026")
    canv.drawRightString(PAGE_W - RM, 0.45 * inch, "Internal Audit Department")
    canv.restoreState()


def on_page_end(canv, doc):
    page = canv.getPageNumber()
    nums = PAGE_FOOTNOTES.get(page) or []
    if not nums:
        return
    canv.saveState()
    # measure footnotes and draw from the bottom of the reserved zone upwards
    paras = [Paragraph(f"<super>{n}</super>&nbsp;{FOOTNOTES[n - 1]}", FN) for n in nums]
    width = PAGE_W - LM - RM
    heights = [p.wrap(width, 200)[1] + 1.5 for p in paras]
    total = sum(heights)
    y_top = 0.72 * inch + total + 4
    canv.setStrokeColor(colors.black)
    canv.setLineWidth(0.5)
    canv.line(LM, y_top + 2, LM + 1.8 * inch, y_top + 2)
    y = y_top - 2
    for p, h in zip(paras, heights, strict=False):
        p.drawOn(canv, LM, y - h + 1.5)
        y -= h
    canv.restoreState()


class ReportDoc(BaseDocTemplate):
    def __init__(self, filename, **kw):
        super().__init__(
            filename,
            pagesize=letter,
            leftMargin=LM,
            rightMargin=RM,
            topMargin=TM,
            bottomMargin=BM,
            title=f"Internal Audit Report {REPNO}: Governance of Clinical Algorithms",
            author=f"{ORG} Internal Audit Department",
            subject="Internal audit report",
            **kw,
        )
        cover = Frame(LM, BM, PAGE_W - LM - RM, PAGE_H - TM - BM, id="cover")
        body = Frame(LM, BM + FOOTNOTE_ZONE, PAGE_W - LM - RM, PAGE_H - TM - BM - FOOTNOTE_ZONE, id="body")
        self.addPageTemplates(
            [
                PageTemplate(id="Cover", frames=[cover], onPage=on_page, onPageEnd=on_page_end),
                PageTemplate(id="Body", frames=[body], onPage=on_page, onPageEnd=on_page_end),
                PageTemplate(
                    id="Plain",
                    frames=[Frame(LM, BM, PAGE_W - LM - RM, PAGE_H - TM - BM, id="plain")],
                    onPage=on_page,
                    onPageEnd=on_page_end,
                ),
            ]
        )

    def afterFlowable(self, flowable):
        if isinstance(flowable, Paragraph):
            key = getattr(flowable, "_toc_level", None)
            if key is not None:
                text = flowable.getPlainText()
                self.notify("TOCEntry", (key, text, self.page))


def heading(text, level):
    p = Paragraph(text, H1 if level == 0 else H2)
    p._toc_level = level
    return p


def bullets(items, style=BULLET, char="\u2022"):
    return [Paragraph(t, style, bulletText=char) for t in items]


def numbered(items, fmt="(%s)", labels="abcdefghij"):
    return [Paragraph(t, NUMLIST, bulletText=fmt % labels[i]) for i, t in enumerate(items)]


def grid_table(rows, widths, header=True, repeat=1, zebra=False, extra=None):
    t = Table(rows, colWidths=widths, repeatRows=repeat if header else 0)
    st = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9AA5B1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        st.append(("BACKGROUND", (0, 0), (-1, 0), NAVY))
    if zebra:
        for r in range(1, len(rows)):
            if r % 2 == 0:
                st.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F5F7FA")))
    if extra:
        st.extend(extra)
    t.setStyle(TableStyle(st))
    return t


def P(t, s=CELL):
    return Paragraph(t, s)


def H(t):
    return Paragraph(t, CELL_HDR)


def finding(num, title, rating, owner, target, sections):
    """sections: list of (label, list-of-flowables)."""
    flow = []
    h = heading(f"4.{num} Finding {num} \u2014 {title}", 1)
    info = Table(
        [[P(f"<b>Rating:</b> {rating}"), P(f"<b>Owner:</b> {owner}"), P(f"<b>Target date:</b> {target}")]],
        colWidths=[1.3 * inch, 2.8 * inch, 2.6 * inch],
    )
    info.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (0, 0), RATING_COL[rating]),
                ("BACKGROUND", (1, 0), (-1, 0), LIGHT),
                ("BOX", (0, 0), (-1, -1), 0.5, NAVY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    for k, (label, content) in enumerate(sections):
        head = [h, info, Spacer(1, 4)] if k == 0 else []
        flow.append(KeepTogether(head + [Paragraph(label, H3)] + content[:1]))
        flow.extend(content[1:])
    return flow


def para(t):
    return Paragraph(t, BODY)
