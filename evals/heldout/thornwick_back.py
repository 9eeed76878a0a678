"""Slides 15 to 17 of the FICTIONAL Thornwick Valley Health board deck (`build_thornwick.py`): governance
bullets with the Q2 2026 safety-events table, the workforce and training tiles with a horizontal bar chart
by staff group, and the "Asks of the Board" (For decision, For noting, Not requested today)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from thornwick_layout import (
    LGREY,
    NAVY,
    TEAL,
    H,
    Items,
    M,
    W,
    bullets,
    chrome,
    draw_table,
    heading,
    tile,
)

GOVERNANCE = [
    (0, "AI Oversight Committee meets monthly"),
    (1, "Chaired by the CMIO; 11 members incl. a patient representative"),
    (0, "AI Governance Policy v3.0 drafted"),
    (1, "New: generative AI section; patient notification where AI is used in care"),
    (1, "Approved by AI Oversight Committee, 12 Aug 2026"),
    (0, "NIST AI RMF self-assessment (Jul 2026)"),
    (1, "58% of subcategories implemented (Jan 2026: 41%)"),
    (1, "Target ≥75% by Jun 2027"),
    (0, "Predictive DSI source-attribute documentation (ONC HTI-1) held for 8 of 10 Tier 1 models"),
]

EVENTS = [
    ["Event", "Model", "Harm level"],
    [
        "Medication dose attributed to wrong speaker in draft note; caught at sign-off",
        "Ambient documentation",
        "Near miss",
    ],
    ["Alert fatigue report – ED nursing", "Sepsis early warning", "No harm"],
    ["Alert fatigue report – medical ward", "Sepsis early warning", "No harm"],
    ["<b>Total: 3 events</b>", "", "<b>No patient harm</b>"],
]

WORKFORCE_TILES = [
    ("81%", "clinicians completed AI-literacy module", "target 90% by 31 Mar 2027"),
    ("214", "trained AI champions", "across 6 hospitals"),
    ("6", "FTE in Clinical Data Science", "+2 monitoring analysts from Jan 2027"),
]

COMPLETION = [
    ("Nursing", 88),
    ("Attending physicians", 83),
    ("Advanced practice providers", 79),
    ("Allied health", 74),
    ("Resident physicians", 64),
]

ASKS: list[tuple[str, colors.Color, Items]] = [
    (
        "For decision",
        NAVY,
        [
            (0, "APPROVE the FY2027 AI program budget of $5.23M (slide 12)"),
            (0, "RECOMMEND AI Governance Policy v3.0 to the full Board for adoption at its 22 Oct 2026 meeting"),
        ],
    ),
    (
        "For noting",
        TEAL,
        [
            (0, "NOTE the sepsis early warning recovery plan and interim controls (slide 9)"),
            (0, "NOTE the red status of the OB triage bias audit; update to Nov 2026 committee"),
            (0, "NOTE the Q2 2026 safety events (3, no patient harm)"),
        ],
    ),
]


def s_gov(c: Canvas) -> None:
    """Slide 15: governance bullets and the safety-events table."""
    chrome(c, "Governance, compliance & incidents", "Assurance")
    colw = (W - 2 * M - 0.4 * inch) / 2
    y = H - 1.6 * inch
    heading(c, M, y, "Governance")
    bullets(c, M, y - 0.35 * inch, colw, GOVERNANCE, size=12.5)
    x2 = M + colw + 0.4 * inch
    heading(c, x2, y, "AI-related safety events – Q2 2026")
    draw_table(
        c,
        x2,
        y - 0.25 * inch,
        EVENTS,
        [colw * 0.5, colw * 0.27, colw * 0.23],
        [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LGREY])],
        size=10.5,
    )


def _completion_chart(c: Canvas, rx: float) -> None:
    """The panel with training completion by staff group as horizontal bars with value labels."""
    c.setFillColor(LGREY)
    c.rect(rx, 1.2 * inch, W - M - rx, 4.75 * inch, stroke=0, fill=1)
    c.setFillColor(NAVY)
    c.setFont("SansB", 13)
    c.drawString(rx + 0.2 * inch, 5.6 * inch, "Completion by staff group")
    by = 5.1 * inch
    maxw = (W - M - rx) - 2.95 * inch
    for lab, v in COMPLETION:
        c.setFillColor(colors.HexColor("#2F3B4A"))
        c.setFont("Sans", 10)
        c.drawString(rx + 0.2 * inch, by, lab)
        c.setFillColor(TEAL)
        c.rect(rx + 2.45 * inch, by - 2, maxw * v / 100, 0.2 * inch, stroke=0, fill=1)
        c.setFillColor(NAVY)
        c.setFont("SansB", 10)
        c.drawString(rx + 2.5 * inch + maxw * v / 100, by + 1, f"{v}%")
        by -= 0.7 * inch


def s_workforce(c: Canvas) -> None:
    """Slide 16: three KPI tiles, bullets and the completion bar chart."""
    chrome(c, "Workforce & training", "Enablers")
    n = len(WORKFORCE_TILES)
    gap = 0.3 * inch
    tw = (W * 0.58 - M - gap * (n - 1)) / n
    for i, (big, label, sub) in enumerate(WORKFORCE_TILES):
        tile(c, M + i * (tw + gap), 3.5 * inch, tw, 2.45 * inch, big, label, sub, bigsize=42)
    bullets(
        c,
        M,
        2.9 * inch,
        W * 0.58 - M,
        [
            (0, "Module mandatory for users of ambient documentation and Tier 1 alerts"),
            (0, "45-minute e-learning + unit huddle"),
            (0, "Lowest completion: resident physicians (64%)"),
        ],
        size=12.5,
    )
    _completion_chart(c, W * 0.62)


def s_asks(c: Canvas) -> None:
    """Slide 17: the For decision and For noting panels, and what is not requested today."""
    chrome(c, "Asks of the Board", "Decisions requested")
    colw = (W - 2 * M - 0.4 * inch) / 2
    top = H - 1.5 * inch
    for j, (hdr, col, items) in enumerate(ASKS):
        x = M + j * (colw + 0.4 * inch)
        c.setFillColor(col)
        c.rect(x, top - 0.55 * inch, colw, 0.55 * inch, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("SansB", 16)
        c.drawString(x + 0.2 * inch, top - 0.37 * inch, hdr)
        c.setFillColor(LGREY)
        c.rect(x, 2.15 * inch, colw, top - 0.55 * inch - 2.15 * inch, stroke=0, fill=1)
        bullets(c, x + 0.15 * inch, top - 1.0 * inch, colw - 0.2 * inch, items, size=14, gap=0.2 * inch)
    heading(c, M, 1.75 * inch, "Not requested today", size=11)
    bullets(
        c,
        M,
        1.45 * inch,
        W - 2 * M,
        [(0, "No decision on relaunching the patient-facing chatbot – go/no-go point in Q4 2027")],
        size=11.5,
    )
