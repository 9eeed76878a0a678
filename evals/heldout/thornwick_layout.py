"""Layout of the FICTIONAL Thornwick Valley Health board slide deck (`build_thornwick.py`): the DejaVu
fonts, the 16:9 slide geometry and colours, and the drawing helpers every slide shares: the slide chrome
(title with kicker, logo text, footer with the slide number), bullet lists with sub-bullets, KPI tiles,
tables of wrapped paragraphs, footnotes and RAG status cells."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

FD = "/usr/share/fonts/truetype/dejavu/"
pdfmetrics.registerFont(TTFont("Sans", FD + "DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("SansB", FD + "DejaVuSans-Bold.ttf"))
pdfmetrics.registerFont(TTFont("SansI", FD + "DejaVuSans-Oblique.ttf"))
pdfmetrics.registerFont(TTFont("Cond", FD + "DejaVuSansCondensed.ttf"))
pdfmetrics.registerFont(TTFont("CondB", FD + "DejaVuSansCondensed-Bold.ttf"))
registerFontFamily("Sans", normal="Sans", bold="SansB", italic="SansI", boldItalic="SansB")
registerFontFamily("Cond", normal="Cond", bold="CondB", italic="Cond", boldItalic="CondB")

W, H = 13.333 * inch, 7.5 * inch
M = 0.55 * inch  # side margin

NAVY = colors.HexColor("#1B2F4B")
TEAL = colors.HexColor("#1F7A8C")
LTEAL = colors.HexColor("#E3F1F4")
GREY = colors.HexColor("#5F6B7A")
LGREY = colors.HexColor("#EEF1F4")
RED = colors.HexColor("#C62828")
AMBER = colors.HexColor("#F2A900")
GREEN = colors.HexColor("#2E7D32")
PAUSE = colors.HexColor("#9AA3AD")
HM_RED = colors.HexColor("#E57373")
HM_AMB = colors.HexColor("#FFD166")
HM_GRN = colors.HexColor("#A5D6A7")

DATE = "18 September 2026"

Items = list[tuple[int, str]]  # bullet list entries: (level 0 or 1, text)


def _logo(c: Canvas) -> None:
    """The top band and the logo text (roundel, name, office) in the top-right corner."""
    c.setFillColor(TEAL)
    c.rect(0, H - 0.12 * inch, W, 0.12 * inch, stroke=0, fill=1)
    lx = W - M - 2.55 * inch
    ly = H - 0.62 * inch
    c.setFillColor(TEAL)
    c.circle(lx + 0.14 * inch, ly + 0.08 * inch, 0.13 * inch, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("SansB", 7)
    c.drawCentredString(lx + 0.14 * inch, ly + 0.055 * inch, "TV")
    c.setFillColor(NAVY)
    c.setFont("SansB", 9.5)
    c.drawString(lx + 0.34 * inch, ly + 0.1 * inch, "THORNWICK VALLEY")
    c.setFont("Sans", 7.5)
    c.setFillColor(GREY)
    c.drawString(lx + 0.34 * inch, ly - 0.04 * inch, "HEALTH  ·  Digital & AI Office")


def _footer(c: Canvas, n: int) -> None:
    """The footer rule, confidentiality mark, deck title and slide number `n`."""
    c.setStrokeColor(colors.HexColor("#C9D1DA"))
    c.setLineWidth(0.5)
    c.line(M, 0.48 * inch, W - M, 0.48 * inch)
    c.setFont("Sans", 7.5)
    c.setFillColor(GREY)
    c.drawString(M, 0.3 * inch, "CONFIDENTIAL – Board and committee use only. Do not forward.")
    c.drawCentredString(W / 2, 0.3 * inch, "AI Program Update  |  Board Quality & Finance Committee  |  " + DATE)
    c.setFont("SansB", 9)
    c.setFillColor(NAVY)
    c.drawRightString(W - M, 0.3 * inch, str(n))


def chrome(c: Canvas, title: str | None, kicker: str | None = None) -> None:
    """Slide title (with its small kicker label), logo text in the corner, and the footer."""
    _logo(c)
    if title:
        if kicker:
            c.setFont("SansB", 9)
            c.setFillColor(TEAL)
            c.drawString(M, H - 0.55 * inch, kicker.upper())
        c.setFont("SansB", 24)
        c.setFillColor(NAVY)
        c.drawString(M, H - 0.98 * inch, title)
        c.setStrokeColor(TEAL)
        c.setLineWidth(2)
        c.line(M, H - 1.13 * inch, M + 1.2 * inch, H - 1.13 * inch)
    _footer(c, c.getPageNumber())


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` in `font` at `size`."""
    return simpleSplit(text, font, size, width)


def bullets(
    c: Canvas,
    x: float,
    y: float,
    width: float,
    items: Items,
    size: float = 15,
    gap: float = 0.09 * inch,
    color: colors.Color = NAVY,
) -> float:
    """Draw bullets (level 0) and smaller sub-bullets (level 1) from `y` down; the y after the list."""
    for lvl, text in items:
        fs = size if lvl == 0 else size - 2.5
        ind = x + lvl * 0.38 * inch
        marker = "•" if lvl == 0 else "–"
        font = "Sans"
        lines = wrap_lines(text, font, fs, width - (ind - x) - 0.25 * inch)
        c.setFillColor(TEAL if lvl == 0 else GREY)
        c.setFont("SansB" if lvl == 0 else "Sans", fs)
        c.drawString(ind, y, marker)
        c.setFillColor(color if lvl == 0 else colors.HexColor("#2F3B4A"))
        c.setFont(font, fs)
        for ln in lines:
            c.drawString(ind + 0.25 * inch, y, ln)
            y -= fs * 1.28
        y -= gap
    return y


def tile(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    big: str,
    label: str,
    sub: str | None = None,
    color: colors.Color = TEAL,
    bigsize: float = 40,
) -> None:
    """A KPI tile: a big number, a small label under it and an optional italic sub-label."""
    c.setFillColor(LTEAL)
    c.roundRect(x, y, w, h, 8, stroke=0, fill=1)
    c.setFillColor(color)
    c.rect(x, y + h - 0.07 * inch, w, 0.07 * inch, stroke=0, fill=1)
    c.setFillColor(NAVY)
    c.setFont("SansB", bigsize)
    c.drawCentredString(x + w / 2, y + h - 0.25 * inch - bigsize, big)
    c.setFont("Sans", 11)
    c.setFillColor(colors.HexColor("#2F3B4A"))
    ly = y + h - 0.45 * inch - bigsize - 6
    for ln in wrap_lines(label, "Sans", 11, w - 0.25 * inch):
        c.drawCentredString(x + w / 2, ly, ln)
        ly -= 13.5
    if sub:
        c.setFont("SansI", 8.5)
        c.setFillColor(GREY)
        ly -= 3
        for ln in wrap_lines(sub, "SansI", 8.5, w - 0.25 * inch):
            c.drawCentredString(x + w / 2, ly, ln)
            ly -= 10.5


def para(
    text: str,
    size: float = 9,
    font: str = "Sans",
    color: colors.Color = colors.black,
    align: int = TA_LEFT,
    lead: float | None = None,
) -> Paragraph:
    """A table-cell paragraph of marked-up `text`."""
    st = ParagraphStyle(
        "p", fontName=font, fontSize=size, leading=lead or size * 1.22, textColor=color, alignment=align
    )
    return Paragraph(text, st)


def _table_rows(data: list[list], size: float, hs: float, font: str) -> list[list]:
    """The table's cells: strings become paragraphs (white bold in the header row), flowables stay."""
    rows = []
    for i, row in enumerate(data):
        cells = []
        for cell in row:
            if isinstance(cell, str):
                if i == 0:
                    cells.append(para(f"<b>{cell}</b>", hs, font, colors.white))
                else:
                    cells.append(para(cell, size, font))
            else:
                cells.append(cell)
        rows.append(cells)
    return rows


def draw_table(
    c: Canvas,
    x: float,
    ytop: float,
    data: list[list],
    colw: list[float],
    style_cmds: list[tuple],
    size: float = 9,
    header_size: float | None = None,
    font: str = "Sans",
) -> float:
    """Draw a table with a navy header row, its top at `ytop`; the y of its bottom."""
    hs = header_size or size
    t = Table(_table_rows(data, size, hs, font), colWidths=colw)
    base = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#C9D1DA")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    t.setStyle(TableStyle(base + style_cmds))
    _tw, th = t.wrapOn(c, sum(colw), H)
    t.drawOn(c, x, ytop - th)
    return ytop - th


def footnote(c: Canvas, text: str, y: float = 0.62 * inch, size: float = 7.5) -> None:
    """A small italic footnote above the footer, its last line at `y`."""
    c.setFont("SansI", size)
    c.setFillColor(GREY)
    for ln in reversed(wrap_lines(text, "SansI", size, W - 2 * M)):
        c.drawString(M, y, ln)
        y += size * 1.3


def rag_cell(status: str) -> tuple[Paragraph, colors.Color]:
    """A RAG status cell: the status word as a centred bold paragraph, and the cell's colour."""
    col = {"Red": RED, "Amber": AMBER, "Green": GREEN, "Paused": PAUSE}[status]
    txtcol = colors.black if status == "Amber" else colors.white
    return para(f"<b>{status}</b>", 9.5, "Sans", txtcol, TA_CENTER), col


def heading(c: Canvas, x: float, y: float, text: str, size: float = 13) -> None:
    """A bold navy column heading."""
    c.setFont("SansB", size)
    c.setFillColor(NAVY)
    c.drawString(x, y, text)
