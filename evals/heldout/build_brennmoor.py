"""Builds the held-out Brennmoor guideline PDF with reportlab, A4: for measuring only (fictional, our own words)."""

# python evals/heldout/build_brennmoor.py --out DIR
#
# A national clinical guideline laid out by reportlab's platypus: a cover, a contents page with dot
# leaders built from the real headings (multiBuild), shaded recommendation boxes, tables whose header
# row repeats after a page break, a two-column section, footnotes, a drawn figure, "Page N of M"
# footers. The outline reportlab writes here points every bookmark at the first page; it is kept,
# since the held-out questions were measured on this document as it is. The text is in
# brennmoor_texts.py and brennmoor_sections.py.

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

HERE = Path(__file__).resolve().parent


# run as a script (or by build.py) from this folder, so its sibling text modules import by name
import brennmoor_sections as S  # noqa: E402
import brennmoor_texts as T  # noqa: E402
from page_count import TotalPagesCanvas  # noqa: E402

PAGE_W, PAGE_H = A4
LM = RM = 2.2 * cm
TM = 2.4 * cm
BM = 2.2 * cm
BODY_W = PAGE_W - LM - RM
COL_GAP = 0.8 * cm
COL_W = (BODY_W - COL_GAP) / 2

NAVY = colors.HexColor("#1F3A5F")
TEAL = colors.HexColor("#2B7A78")
REC_BG = colors.HexColor("#E6F0F7")
BOX_BG = colors.HexColor("#FFF6E0")
BOX_RULE = colors.HexColor("#C9A227")
GRID = colors.HexColor("#8CA0B3")
ZEBRA = colors.HexColor("#F3F6F9")
GO_LIVE = colors.HexColor("#CDE7E4")

_ss = getSampleStyleSheet()
BODY = ParagraphStyle(
    "Body", parent=_ss["Normal"], fontName="Helvetica", fontSize=10, leading=14, alignment=TA_JUSTIFY, spaceAfter=6
)
SMALL = ParagraphStyle("Small", parent=BODY, fontSize=8.5, leading=11, spaceAfter=2)
NOTE = ParagraphStyle("Note", parent=BODY, fontSize=8, leading=10, spaceAfter=2, alignment=TA_LEFT)
H1 = ParagraphStyle(
    "H1",
    parent=_ss["Heading1"],
    fontName="Helvetica-Bold",
    fontSize=15,
    leading=19,
    textColor=NAVY,
    spaceBefore=10,
    spaceAfter=8,
    keepWithNext=1,
)
H2 = ParagraphStyle(
    "H2",
    parent=_ss["Heading2"],
    fontName="Helvetica-Bold",
    fontSize=11.5,
    leading=15,
    textColor=TEAL,
    spaceBefore=8,
    spaceAfter=4,
    keepWithNext=1,
)
H1NOTOC = ParagraphStyle("H1NoToc", parent=H1)
CELL = ParagraphStyle("Cell", parent=BODY, fontSize=8.5, leading=10.5, alignment=TA_LEFT, spaceAfter=0)
CELLB = ParagraphStyle("CellB", parent=CELL, fontName="Helvetica-Bold", textColor=colors.white)
CELLBOLD = ParagraphStyle("CellBold", parent=CELL, fontName="Helvetica-Bold")
REC_H = ParagraphStyle("RecH", parent=BODY, fontName="Helvetica-Bold", textColor=NAVY, fontSize=10.5, spaceAfter=3)
REC_T = ParagraphStyle("RecT", parent=BODY, spaceAfter=4)
REC_S = ParagraphStyle(
    "RecS", parent=BODY, fontName="Helvetica-Oblique", fontSize=9, textColor=TEAL, spaceAfter=0, alignment=TA_LEFT
)
CAPTION = ParagraphStyle(
    "Caption", parent=BODY, fontName="Helvetica-Oblique", fontSize=9, alignment=TA_CENTER, spaceBefore=4, spaceAfter=10
)
BULLET = ParagraphStyle("Bullet", parent=BODY, spaceAfter=2)
REF = ParagraphStyle("Ref", parent=BODY, fontSize=9, leading=12, alignment=TA_LEFT, spaceAfter=3)
BOX_TITLE = ParagraphStyle("BoxTitle", parent=BODY, textColor=NAVY)
COVER_TITLE = ParagraphStyle("CT", parent=H1, fontSize=24, leading=30, textColor=NAVY, alignment=TA_LEFT)
COVER_SUB = ParagraphStyle("CS", parent=BODY, fontSize=13, leading=18, alignment=TA_LEFT, textColor=TEAL)
COVER_META = ParagraphStyle("CM", parent=BODY, fontSize=10, leading=15, alignment=TA_LEFT)
DISCLAIMER = ParagraphStyle("disc", parent=SMALL, fontName="Helvetica-Oblique")
TOC_STYLES = [
    ParagraphStyle("TOC1", fontName="Helvetica-Bold", fontSize=10, leading=15, leftIndent=0, firstLineIndent=0),
    ParagraphStyle("TOC2", fontName="Helvetica", fontSize=9.5, leading=13, leftIndent=16, firstLineIndent=0),
]


def P(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(text, style)


class GuidelineDoc(BaseDocTemplate):
    """A4 pages: a cover, one-column pages and two-column pages; H1/H2 paragraphs feed the contents."""

    def __init__(self, filename: str, **kw: Any) -> None:
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=LM,
            rightMargin=RM,
            topMargin=TM,
            bottomMargin=BM,
            title=T.PDF_TITLE,
            author=T.PDF_AUTHOR,
            subject=T.PDF_SUBJECT,
            **kw,
        )
        full = Frame(LM, BM, BODY_W, PAGE_H - TM - BM, id="full")
        left = Frame(LM, BM, COL_W, PAGE_H - TM - BM, id="left")
        right = Frame(LM + COL_W + COL_GAP, BM, COL_W, PAGE_H - TM - BM, id="right")
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[full], onPage=self._cover_page),
                PageTemplate(id="normal", frames=[full], onPage=self._normal_page),
                PageTemplate(id="twocol", frames=[left, right], onPage=self._normal_page),
            ]
        )

    @staticmethod
    def _cover_page(canv: pdfcanvas.Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setFillColor(NAVY)
        canv.rect(0, PAGE_H - 5.2 * cm, PAGE_W, 5.2 * cm, stroke=0, fill=1)
        canv.setFillColor(TEAL)
        canv.rect(0, 0, PAGE_W, 1.6 * cm, stroke=0, fill=1)
        canv.restoreState()

    @staticmethod
    def _normal_page(canv: pdfcanvas.Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.6)
        y = PAGE_H - 1.5 * cm
        canv.line(LM, y - 3, PAGE_W - RM, y - 3)
        canv.setFont("Helvetica", 8)
        canv.setFillColor(NAVY)
        canv.drawString(LM, y, T.SHORT_TITLE)
        canv.drawRightString(PAGE_W - RM, y, T.DOC_CODE)
        canv.line(LM, 1.55 * cm, PAGE_W - RM, 1.55 * cm)
        canv.drawString(LM, 1.1 * cm, T.FOOTER)
        canv.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name in ("H1", "H2"):
            text = flowable.getPlainText()
            level = 0 if flowable.style.name == "H1" else 1
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=False)
            self.notify("TOCEntry", (level, text, self.page, key))


class NumberedCanvas(TotalPagesCanvas):
    """Canvas that writes 'Page N of M' after the total page count is known."""

    def draw_furniture(self, total: int) -> None:
        if self._pageNumber > 1:
            self.setFont("Helvetica", 8)
            self.setFillColor(NAVY)
            self.drawRightString(PAGE_W - RM, 1.1 * cm, T.PAGE_OF.format(self._pageNumber, total))


def _boxed(inner: list[Flowable], width: float, style: list[tuple[Any, ...]]) -> Table:
    table = Table([[inner]], colWidths=[width])
    table.setStyle(TableStyle(style))
    return table


def rec_box(n: int, text: str, strength: str, width: float) -> KeepTogether:
    inner = [P(f"Recommendation {n}", REC_H), P(text, REC_T), P(strength, REC_S)]
    table = _boxed(
        inner,
        width,
        [
            ("BACKGROUND", (0, 0), (-1, -1), REC_BG),
            ("BOX", (0, 0), (-1, -1), 1.2, NAVY),
            ("LINEBEFORE", (0, 0), (0, -1), 4, NAVY),
            ("LEFTPADDING", (0, 0), (-1, -1), 9),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ],
    )
    return KeepTogether([Spacer(1, 4), table, Spacer(1, 8)])


def side_box(title: str, paras: list[str], width: float) -> Table:
    inner = [P(f"<b>{title}</b>", BOX_TITLE)] + [P(t, SMALL) for t in paras]
    return _boxed(
        inner,
        width,
        [
            ("BACKGROUND", (0, 0), (-1, -1), BOX_BG),
            ("BOX", (0, 0), (-1, -1), 0.8, BOX_RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )


def bullets(items: list[Any], left: float, numbered: bool = False) -> ListFlowable:
    """A bullet list (an item may be (text, [subitems]), set as a dashed sublist) or numbered steps."""
    flows = []
    for item in items:
        if isinstance(item, tuple):
            text, subs = item
            sub = ListFlowable(
                [ListItem(P(s, BULLET), leftIndent=12, value="-") for s in subs],
                bulletType="bullet",
                start="-",
                leftIndent=12,
                bulletFontSize=8,
            )
            flows.append(ListItem([P(text, BULLET), sub], leftIndent=left))
        else:
            flows.append(ListItem(P(item, BULLET), leftIndent=left))
    if not numbered:
        return ListFlowable(flows, bulletType="bullet", start="\u2022", leftIndent=left, bulletFontSize=9)
    return ListFlowable(
        flows,
        bulletType="1",
        leftIndent=left + 4,
        bulletFontName="Helvetica-Bold",
        bulletFontSize=9.5,
        bulletFormat="%s.",
    )


def notes_block(n: int, text: str) -> KeepTogether:
    rule = Table([[""]], colWidths=[5 * cm], rowHeights=[2])
    rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, -1), 0.6, colors.black)]))
    return KeepTogether([Spacer(1, 4), rule, P(f"<super>{n}</super> {text}", NOTE), Spacer(1, 6)])


def lifecycle_figure() -> Drawing:
    """Six rounded stage boxes joined by arrows, and a dashed loop from the last back to the second."""
    w, h = BODY_W, 6.2 * cm
    d = Drawing(w, h)
    bw, bh = 2.35 * cm, 1.5 * cm
    gap = (w - 6 * bw) / 5.0
    y = h - bh - 0.6 * cm
    for i, (title, caption) in enumerate(T.LIFECYCLE):
        x = i * (bw + gap)
        fill = REC_BG if i != 3 else GO_LIVE
        d.add(Rect(x, y, bw, bh, fillColor=fill, strokeColor=NAVY, strokeWidth=1, rx=4, ry=4))
        d.add(
            String(
                x + bw / 2,
                y + bh - 0.55 * cm,
                title,
                fontName="Helvetica-Bold",
                fontSize=8.5,
                fillColor=NAVY,
                textAnchor="middle",
            )
        )
        d.add(
            String(
                x + bw / 2,
                y + 0.35 * cm,
                caption,
                fontName="Helvetica",
                fontSize=7,
                fillColor=colors.black,
                textAnchor="middle",
            )
        )
        if i < 5:
            x1, x2, ym = x + bw + 2, x + bw + gap - 2, y + bh / 2
            d.add(Line(x1, ym, x2 - 4, ym, strokeColor=TEAL, strokeWidth=1.5))
            d.add(Polygon([x2, ym, x2 - 5, ym + 3, x2 - 5, ym - 3], fillColor=TEAL, strokeColor=TEAL))
    yb = y - 1.1 * cm
    xr = 5 * (bw + gap) + bw / 2
    xv = 1 * (bw + gap) + bw / 2
    for x1, y1, x2, y2 in ((xr, y - 2, xr, yb), (xr, yb, xv, yb), (xv, yb, xv, y - 6)):
        d.add(Line(x1, y1, x2, y2, strokeColor=TEAL, strokeWidth=1.2, strokeDashArray=[3, 2]))
    d.add(Polygon([xv, y - 2, xv - 3, y - 7, xv + 3, y - 7], fillColor=TEAL, strokeColor=TEAL))
    d.add(
        String(
            (xr + xv) / 2,
            yb - 0.45 * cm,
            T.LIFECYCLE_LOOP,
            fontName="Helvetica-Oblique",
            fontSize=7.5,
            fillColor=TEAL,
            textAnchor="middle",
        )
    )
    return d


def grid_table(rows: list[list[Paragraph]], widths: list[float], extra: tuple[tuple[Any, ...], ...] = ()) -> Table:
    """A ruled table, its header row on navy repeated after a page break, every other row shaded."""
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    style += [("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(2, len(rows), 2)]
    table.setStyle(TableStyle(style))
    if extra:
        table.setStyle(TableStyle(list(extra)))
    return table


def _rows(header: tuple[str, ...], body: list[tuple[str, ...]], bold_first: bool) -> list[list[Paragraph]]:
    """Header cells in white bold, then the body rows (their first cell bold when `bold_first`)."""
    rows = [[P(h, CELLB) for h in header]]
    for row in body:
        first = P(row[0], CELLBOLD if bold_first else CELL)
        rows.append([first] + [P(c, CELL) for c in row[1:]])
    return rows


def table(name: str) -> Table:
    """One of the document's tables by name."""
    if name == "abbreviations":
        return grid_table(_rows(T.ABBREVIATIONS_HEADER, T.ABBREVIATIONS, True), [3.2 * cm, BODY_W - 3.2 * cm])
    if name == "monitoring":
        return grid_table(_rows(T.MONITORING[0], T.MONITORING[1:], False), [4 * cm, 5 * cm, BODY_W - 9 * cm])
    if name == "evidence":
        widths = [1.1 * cm, 3.0 * cm, 4.1 * cm, BODY_W - 10.6 * cm, 2.4 * cm]
        return grid_table(_rows(T.EVIDENCE_HEADER, T.EVIDENCE, True), widths)
    if name == "checklist":
        body = [(f"A{i}", item, "", "", "") for i, item in enumerate(T.CHECKLIST, 1)]
        widths = [1.1 * cm, BODY_W - 7.8 * cm, 1.1 * cm, 1.1 * cm, 4.5 * cm]
        return grid_table(_rows(T.CHECKLIST_HEADER, body, True), widths, (("ALIGN", (2, 1), (3, -1), "CENTER"),))
    raise ValueError(f"no table {name!r}")


def cover() -> list[Flowable]:
    """The cover page's flowables and the switch to the one-column pages."""
    return [
        Spacer(1, 3.6 * cm),
        P(T.COVER_KICKER, COVER_SUB),
        Spacer(1, 6),
        P(T.COVER_TITLE, COVER_TITLE),
        Spacer(1, 14),
        P(T.COVER_SUBTITLE, COVER_SUB),
        Spacer(1, 3.2 * cm),
        P(T.COVER_PUBLISHER, COVER_META),
        Spacer(1, 12),
        P(T.COVER_META, COVER_META),
        Spacer(1, 10),
        P(T.COVER_DISCLAIMER, DISCLAIMER),
        NextPageTemplate("normal"),
        PageBreak(),
    ]


def contents() -> list[Flowable]:
    """The contents page, filled from the H1/H2 headings by multiBuild."""
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = TOC_STYLES
    return [P(T.CONTENTS, H1NOTOC), toc, PageBreak()]


def references() -> ListFlowable:
    items = [ListItem(P(r, REF), leftIndent=20) for r in T.REFERENCES]
    return ListFlowable(items, bulletType="1", bulletFormat="[%s]", leftIndent=20, bulletFontSize=9)


def block(b: str | tuple[Any, ...], width: float) -> list[Flowable]:
    """The flowables of one block (brennmoor_texts.py describes them), set `width` wide."""
    left = 14 if width == BODY_W else 12
    match b:
        case str() if b.startswith("# "):
            return [P(b[2:], H1)]
        case str() if b.startswith("## "):
            return [P(b[3:], H2)]
        case str():
            return [P(b)]
        case ("rec", n, text, strength):
            return [rec_box(n, text, strength, width)]
        case ("list", items):
            return [bullets(items, left)]
        case ("steps", items):
            return [bullets(items, left, numbered=True)]
        case ("notes", n, text):
            return [notes_block(n, text)]
        case ("box", title, paras):
            return [side_box(title, paras, width)]
        case ("table", name):
            return [table(name)]
        case ("figure",):
            return [KeepTogether([lifecycle_figure(), P(T.FIGURE_CAPTION, CAPTION)])]
        case ("references",):
            return [references()]
        case ("small", text):
            return [P(text, NOTE)]
        case ("space", points):
            return [Spacer(1, points)]
        case ("break",):
            return [PageBreak()]
        case ("break_unless", room):
            return [CondPageBreak(room * cm)]
        case ("columns", template):
            return [NextPageTemplate(template), PageBreak()]
    raise ValueError(f"unknown block {b!r}")


def story() -> list[Flowable]:
    flows = cover() + contents()
    width = BODY_W
    for b in [*T.FRONT, *S.SECTIONS, *T.BACK]:
        flows += block(b, width)
        if isinstance(b, tuple) and b[0] == "columns":
            width = COL_W if b[1] == "twocol" else BODY_W
    return flows


def build(out_dir: Path) -> Path:
    """Build the guideline into `out_dir`; the PDF's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{T.NAME}.pdf"
    GuidelineDoc(str(path)).multiBuild(story(), canvasmaker=NumberedCanvas)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, required=True, help="folder for the PDF")
    print(build(ap.parse_args(argv).out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
