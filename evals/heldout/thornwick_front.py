"""Slides 1 to 5 of the FICTIONAL Thornwick Valley Health board deck (`build_thornwick.py`): the title
slide, the agenda table, the executive summary with its status call-out, the program-at-a-glance KPI
tiles and the two-column "Last year / This year" comparison."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from thornwick_layout import (
    AMBER,
    DATE,
    GREEN,
    GREY,
    LGREY,
    LTEAL,
    NAVY,
    PAUSE,
    RED,
    TEAL,
    H,
    M,
    W,
    bullets,
    chrome,
    draw_table,
    footnote,
    tile,
    wrap_lines,
)

AGENDA = [
    ["#", "Item", "Lead", "Time", "Purpose"],
    ["1", "Program at a glance", "M. Delacroix-Reyes", "5 min", "Information"],
    ["2", "Year-on-year progress & portfolio", "M. Delacroix-Reyes", "5 min", "Information"],
    ["3", "Model performance & initiative status", "Dr. H. Okafor", "10 min", "Assurance"],
    ["4", "Deep dive: sepsis early warning", "Dr. T. Lindqvist", "10 min", "Assurance"],
    ["5", "Ambient documentation results", "Dr. H. Okafor", "5 min", "Information"],
    ["6", "Roadmap & FY2027 budget request", "M. Delacroix-Reyes", "10 min", "Decision"],
    ["7", "Risk, governance & workforce", "O. Castellanos", "5 min", "Assurance"],
    ["8", "Asks of the Board", "M. Delacroix-Reyes", "5 min", "Decision"],
    ["", "<b>Total</b>", "", "<b>55 min</b>", ""],
]

EXEC_ITEMS = [
    (0, "Portfolio growing fast: 42 models now inventoried, up from 27 last year"),
    (1, "Inventory now includes AI features embedded in vendor software, not only in-house builds"),
    (0, "Ambient documentation delivering: 5.6 min saved per encounter in pilot specialties"),
    (0, "Two initiatives red"),
    (
        1,
        "Sepsis early warning below performance threshold – interim controls in place, "
        "recalibrated model now due Mar 2027",
    ),
    (1, "OB triage bias audit – subgroup sensitivity gap, data extract delayed"),
    (0, "FY2026 spend forecast under budget; FY2027 request driven by ambient scale-up and monitoring staff"),
    (0, "Governance maturing – policy v3.0 ready, NIST AI RMF self-assessment 58% implemented"),
    (0, "Decisions today: FY2027 budget; recommend policy v3.0 to full Board (slide 17)"),
]

GLANCE_TILES = [
    ("42", "models in inventory", "incl. vendor-embedded AI"),
    ("31", "in production", "5 pilot · 6 paused"),
    ("10", "Tier 1 (high-risk) models", "quarterly monitoring required"),
    ("40/42", "models with a named accountable owner", "2 vacant – paused models"),
    ("3", "AI-related safety events in Q2 2026", "no patient harm"),
]

YOY_ROWS = [
    ("Models in inventory", "27", "42"),
    ("Governance reviews completed", "11", "29"),
    ("Models with documented local validation", "52%", "88%"),
    ("Clinician AI-literacy training completion", "48%", "81%"),
    ("Vendor contracts with AI clauses", "3", "14"),
    ("AI-related safety events reported", "7", "5 (YTD)"),
]


def s_title(c: Canvas) -> None:
    """Slide 1: the title band, date, agenda item and presenters."""
    chrome(c, None)
    c.setFillColor(NAVY)
    c.rect(0, 2.2 * inch, W, 3.3 * inch, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("SansB", 36)
    c.drawString(M + 0.2 * inch, 4.45 * inch, "AI Program Update")
    c.setFont("Sans", 20)
    c.drawString(M + 0.2 * inch, 3.85 * inch, "Board Quality & Finance Committee  —  " + DATE)
    c.setFont("Sans", 13)
    c.setFillColor(colors.HexColor("#BFD9E0"))
    c.drawString(M + 0.2 * inch, 3.2 * inch, "Agenda item 6  ·  For decision and for noting")
    c.drawString(M + 0.2 * inch, 2.85 * inch, "Status as at 31 August 2026 unless stated")
    c.setFillColor(NAVY)
    c.setFont("SansB", 12)
    c.drawString(M + 0.2 * inch, 1.6 * inch, "Presented by")
    c.setFont("Sans", 12)
    c.drawString(M + 0.2 * inch, 1.3 * inch, "Marcus Delacroix-Reyes, Chief Digital & Information Officer (CDIO)")
    c.drawString(M + 0.2 * inch, 1.03 * inch, "Dr. Helena Okafor, Chief Medical Information Officer (CMIO)")


def s_agenda(c: Canvas) -> None:
    """Slide 2: the agenda table with leads, minutes and purpose."""
    chrome(c, "Agenda", "Today")
    draw_table(
        c,
        M,
        H - 1.45 * inch,
        AGENDA,
        [0.5 * inch, 5.2 * inch, 2.6 * inch, 1.3 * inch, 2.0 * inch],
        [("BACKGROUND", (0, 1), (-1, -2), LGREY), ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, LGREY])],
        size=13,
        header_size=12,
    )
    footnote(
        c,
        "Pre-read: AI Oversight Committee minutes (July & August 2026); draft AI Governance Policy v3.0 "
        "(circulated separately).",
    )


def _status_callout(c: Canvas) -> None:
    """The executive summary's side call-out: overall AMBER status and initiatives by status."""
    bx, by, bw, bh = W * 0.66, 1.35 * inch, W * 0.34 - M, 4.5 * inch
    c.setFillColor(LGREY)
    c.rect(bx, by, bw, bh, stroke=0, fill=1)
    c.setFillColor(NAVY)
    c.setFont("SansB", 12)
    c.drawString(bx + 0.2 * inch, by + bh - 0.4 * inch, "Overall program status")
    c.setFillColor(AMBER)
    c.roundRect(bx + 0.2 * inch, by + bh - 1.15 * inch, 1.3 * inch, 0.5 * inch, 5, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.setFont("SansB", 14)
    c.drawCentredString(bx + 0.85 * inch, by + bh - 0.98 * inch, "AMBER")
    c.setFont("Sans", 10.5)
    c.setFillColor(colors.HexColor("#2F3B4A"))
    yy = by + bh - 1.5 * inch
    for ln in wrap_lines(
        "Unchanged since the May 2026 update. Delivery on plan overall; clinical "
        "performance risk concentrated in two Tier 1 models.",
        "Sans",
        10.5,
        bw - 0.4 * inch,
    ):
        c.drawString(bx + 0.2 * inch, yy, ln)
        yy -= 14
    yy -= 10
    c.setFont("SansB", 10.5)
    c.drawString(bx + 0.2 * inch, yy, "Initiatives by status")
    yy -= 18
    for lab, col, num in [("Green", GREEN, 3), ("Amber", AMBER, 2), ("Red", RED, 2), ("Paused", PAUSE, 1)]:
        c.setFillColor(col)
        c.rect(bx + 0.2 * inch, yy - 2, 0.18 * inch, 0.18 * inch, stroke=0, fill=1)
        c.setFillColor(colors.HexColor("#2F3B4A"))
        c.setFont("Sans", 10.5)
        c.drawString(bx + 0.5 * inch, yy, f"{lab}  {num}")
        yy -= 17


def s_exec(c: Canvas) -> None:
    """Slide 3: the executive summary bullets and the status call-out."""
    chrome(c, "Executive summary", "Key messages")
    y = H - 1.6 * inch
    bullets(c, M, y, W * 0.62, EXEC_ITEMS, size=15)
    _status_callout(c)


def s_glance(c: Canvas) -> None:
    """Slide 4: five KPI tiles and three bullets."""
    chrome(c, "Program at a glance", "As at 31 August 2026")
    n = len(GLANCE_TILES)
    gap = 0.22 * inch
    tw = (W - 2 * M - gap * (n - 1)) / n
    for i, (big, label, sub) in enumerate(GLANCE_TILES):
        tile(
            c,
            M + i * (tw + gap),
            3.95 * inch,
            tw,
            2.0 * inch,
            big,
            label,
            sub,
            color=RED if i == 4 else TEAL,
            bigsize=44 if len(big) < 4 else 36,
        )
    y = 3.45 * inch
    items = [
        (0, "Inventory growth mainly from vendor upgrades switching on AI features (9 of the 15 additions)"),
        (0, "Every active Tier 1 model has a local validation on record; oldest is sepsis early warning (Nov 2024)"),
        (0, "Patient-facing chatbot remains paused pending policy v3.0"),
    ]
    bullets(c, M, y, W - 2 * M, items, size=13)


def _yoy_column(c: Canvas, j: int, hdr: str, sub: str, fill: colors.Color, colw: float) -> None:
    """One column of the comparison: its header band, its panel and the six figures (j 0 last year, 1 this)."""
    x = M + j * (colw + 0.4 * inch)
    top = H - 1.45 * inch
    c.setFillColor(GREY if j == 0 else TEAL)
    c.rect(x, top - 0.6 * inch, colw, 0.6 * inch, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("SansB", 17)
    c.drawString(x + 0.2 * inch, top - 0.38 * inch, hdr)
    c.setFont("Sans", 10)
    c.drawRightString(x + colw - 0.2 * inch, top - 0.36 * inch, sub)
    c.setFillColor(fill)
    c.rect(x, 1.0 * inch, colw, top - 0.6 * inch - 1.0 * inch, stroke=0, fill=1)
    yy = top - 1.05 * inch
    for lab, a, b in YOY_ROWS:
        val = a if j == 0 else b
        c.setFillColor(NAVY)
        c.setFont("SansB", 20)
        c.drawString(x + 0.25 * inch, yy, val)
        c.setFont("Sans", 11.5)
        c.setFillColor(colors.HexColor("#2F3B4A"))
        c.drawString(x + 1.75 * inch, yy + 2, lab)
        yy -= 0.68 * inch


def s_yoy(c: Canvas) -> None:
    """Slide 5: "Last year" and "This year" columns with an arrow between them."""
    chrome(c, "Last year vs this year", "Progress")
    colw = (W - 2 * M - 0.4 * inch) / 2
    for j, (hdr, sub, fill) in enumerate(
        [("Last year", "FY2025 (Jan–Dec 2025)", LGREY), ("This year", "FY2026 year to date (to 31 Aug)", LTEAL)]
    ):
        _yoy_column(c, j, hdr, sub, fill, colw)
    c.setFillColor(TEAL)
    ax = M + colw + 0.2 * inch
    c.setFont("SansB", 22)
    c.drawCentredString(ax, H / 2 - 0.2 * inch, "→")
    footnote(
        c,
        "Safety events: events reported through the incident system where an AI output was a contributing "
        "factor. FY = calendar year.",
    )
