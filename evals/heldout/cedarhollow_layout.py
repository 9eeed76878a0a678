"""Layout of the FICTIONAL Cedar Hollow AI risk register FY26 (`build_cedarhollow.py`): the US Letter
landscape page, the paragraph styles, the score bands and their colours, the running sheet-name header and
the "Printed on ... Page X of Y" footer, the document template, and the 12-column register table (7.4 pt
wrapped text, a header row that repeats, colour-banded scores, "Overdue" in red) with its end-of-sheet note."""

from __future__ import annotations

from collections.abc import Callable

import cedarhollow_risks as risks
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

PW, PH = landscape(letter)
MARGIN = 0.4 * inch

SHEET = "AI_Risk_Register_FY26"
PRINTED = "Printed on 14-Oct-2025 09:42 by jmarsh (Enterprise Risk Management)"
FILEPATH = r"\\chh-fs02\ERM\AI Governance\CHH_AI_Risk_Register_FY26.xlsx"

CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=7.4, leading=8.8)
CELLB = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
HDR = ParagraphStyle("hdr", parent=CELL, fontName="Helvetica-Bold", textColor=colors.white)
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=8, leading=10)
H2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=10, leading=13, spaceAfter=4, spaceBefore=6)
NOTE = ParagraphStyle("n", parent=CELL, fontSize=6.5, spaceBefore=3)

HEADS = [
    "Risk ID",
    "Title",
    "Description",
    "Category",
    "Likeli-\nhood\n(1\u20135)",
    "Impact\n(1\u20135)",
    "Score",
    "Owner",
    "Existing / planned controls",
    "Treat-\nment",
    "Due date",
    "Status",
]
# relative column widths, scaled to the frame width
WIDTHS = [0.52, 1.15, 1.9, 0.72, 0.42, 0.42, 0.38, 1.05, 2.05, 0.52, 0.72, 0.6]
REGISTER_STYLE = [
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F3A5F")),
    ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#7F7F7F")),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
    ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ("ALIGN", (4, 1), (6, -1), "CENTER"),
]


def band(score: int) -> tuple[str, colors.Color]:
    """The score band (Low, Moderate, High, Critical) of `score` and its colour."""
    if score >= 16:
        return "Critical", colors.HexColor("#E06666")
    if score >= 10:
        return "High", colors.HexColor("#F6B26B")
    if score >= 5:
        return "Moderate", colors.HexColor("#FFE599")
    return "Low", colors.HexColor("#B6D7A8")


def page_decor(total_pages: int) -> Callable[[Canvas, BaseDocTemplate], None]:
    """The page callback drawing the sheet-name header and the footer with "Page X of `total_pages`"."""

    def on_page(canv: Canvas, doc_: BaseDocTemplate) -> None:
        """Draw the header and footer of the current page."""
        canv.saveState()
        canv.setFont("Helvetica-Bold", 8)
        canv.drawString(MARGIN, PH - 0.3 * inch, f"{SHEET}")
        canv.setFont("Helvetica", 7)
        canv.drawCentredString(PW / 2, PH - 0.3 * inch, "Cedar Hollow Health System \u2014 Enterprise AI Risk Register")
        canv.drawRightString(PW - MARGIN, PH - 0.3 * inch, "CONFIDENTIAL \u2013 Internal use")
        canv.setFont("Helvetica", 6.5)
        canv.drawString(MARGIN, 0.25 * inch, PRINTED)
        canv.drawCentredString(PW / 2, 0.25 * inch, FILEPATH)
        canv.drawRightString(PW - MARGIN, 0.25 * inch, f"Page {doc_.page} of {total_pages}")
        canv.restoreState()

    return on_page


def doc_template(path: str, total_pages: int) -> BaseDocTemplate:
    """The landscape document with one full-width frame and the running header and footer."""
    doc = BaseDocTemplate(
        path,
        pagesize=(PW, PH),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=0.45 * inch,
        bottomMargin=0.42 * inch,
        title="CHH AI Risk Register FY26",
        author="Cedar Hollow Health System ERM",
    )
    frame = Frame(
        MARGIN,
        0.42 * inch,
        PW - 2 * MARGIN,
        PH - 0.87 * inch,
        id="f",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="p", frames=[frame], onPage=page_decor(total_pages))])
    return doc


def _risk_row(risk: tuple) -> list[Paragraph]:
    """One register row: the risk's cells, with the score computed and bold, "Overdue" in red."""
    rid, title, desc, cat, lik, imp, owner, ctrl, treat, due, status = risk
    s = lik * imp
    return [
        Paragraph(rid, CELLB),
        Paragraph(title, CELLB),
        Paragraph(desc, CELL),
        Paragraph(cat, CELL),
        Paragraph(str(lik), CELL),
        Paragraph(str(imp), CELL),
        Paragraph(f"<b>{s}</b>", CELL),
        Paragraph(owner, CELL),
        Paragraph(ctrl, CELL),
        Paragraph(treat, CELL),
        Paragraph(due, CELL),
        Paragraph(f'<font color="red"><b>{status}</b></font>' if status == "Overdue" else status, CELL),
    ]


def register() -> list[Flowable]:
    """The register table (a header row that repeats, then the 32 risks) and the note ending the sheet."""
    data = [[Paragraph(h.replace("\n", "<br/>"), HDR) for h in HEADS]]
    styles = []
    for i, r in enumerate(risks.RISKS, start=1):
        data.append(_risk_row(r))
        styles.append(("BACKGROUND", (6, i), (6, i), band(r[4] * r[5])[1]))
        if r[10] == "Overdue":
            styles.append(("TEXTCOLOR", (11, i), (11, i), colors.red))
    avail = PW - 2 * MARGIN
    scale = avail / (sum(WIDTHS) * inch)
    w = [x * inch * scale for x in WIDTHS]
    tbl = Table(data, colWidths=w, repeatRows=1)
    tbl.setStyle(TableStyle(REGISTER_STYLE + styles))
    note = Paragraph(
        "<i>Score = Likelihood \u00d7 Impact (inherent rating before planned controls). "
        f"{len(risks.RISKS)} risks listed. End of sheet {SHEET}.</i>",
        NOTE,
    )
    return [tbl, note]
