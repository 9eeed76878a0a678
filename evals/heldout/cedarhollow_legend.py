"""The legend page of the FICTIONAL Cedar Hollow AI risk register FY26 (`build_cedarhollow.py`): the
likelihood and impact scales, the score bands (Low 1-4, Moderate 5-9, High 10-15, Critical 16-25) with the
required response and review frequency, the treatment options (with the Chief Risk Officer sign-off rule)
and the status values, and the note that the printout is uncontrolled."""

from __future__ import annotations

from cedarhollow_layout import BODY, CELL, CELLB, H2, SHEET, band
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

SCALES = [
    ["Rating", "Likelihood (over next 12 months)", "Impact"],
    ["1", "Rare \u2013 less than 5% chance", "Negligible \u2013 no patient harm; no regulatory interest"],
    ["2", "Unlikely \u2013 5% to 20%", "Minor \u2013 temporary inconvenience; internal finding"],
    [
        "3",
        "Possible \u2013 21% to 50%",
        "Moderate \u2013 temporary patient harm requiring intervention; privacy incident affecting fewer than 500 individuals",
    ],
    [
        "4",
        "Likely \u2013 51% to 80%",
        "Major \u2013 serious or lasting patient harm; reportable breach; adverse media coverage",
    ],
    [
        "5",
        "Almost certain \u2013 more than 80%",
        "Severe \u2013 patient death or permanent harm; breach affecting 500 or more individuals; regulatory sanction",
    ],
]
BANDS = [
    ("Band", "Score range", "Required response", "Review frequency"),
    ("Low", "1\u20134", "Owner may accept; no formal treatment plan needed.", "Annually"),
    ("Moderate", "5\u20139", "Managed by risk owner within existing processes.", "Semi-annually"),
    (
        "High",
        "10\u201315",
        "Documented treatment plan within 30 days of rating; progress reported to the AI Governance Committee.",
        "Quarterly",
    ),
    (
        "Critical",
        "16\u201325",
        "Executive AI Governance Committee approval of treatment plan; escalation to the Board Quality & Safety Committee.",
        "Monthly",
    ),
]
TREATMENTS = [
    "<b>Mitigate</b> \u2013 implement controls to reduce likelihood and/or impact.",
    "<b>Accept</b> \u2013 retain the risk without further action. Acceptance of any risk scored 10 or above requires "
    "written sign-off by the Chief Risk Officer.",
    "<b>Transfer</b> \u2013 shift financial or operational consequences to a third party (e.g., contract terms, BAA, insurance).",
    "<b>Avoid</b> \u2013 stop or do not start the activity that gives rise to the risk.",
]
STATUSES = [
    "<b>Open</b> \u2013 identified; treatment not yet started.",
    "<b>In progress</b> \u2013 treatment under way.",
    "<b>Monitoring</b> \u2013 treatment complete or risk accepted; watched for change.",
    "<b>Overdue</b> \u2013 due date passed and the risk is not Closed. Owners of overdue items must present a recovery date at the next AI Governance Committee meeting.",
    "<b>Closed</b> \u2013 treatment complete and verified by Enterprise Risk Management.",
]
CLOSING = (
    "<i>Source workbook maintained by Enterprise Risk Management. Edits to the register are made only in the workbook; "
    "this printout is uncontrolled once printed.</i>"
)
GREY_HEAD = colors.HexColor("#D9E2EC")


def _scales() -> list[Flowable]:
    """The page title and the likelihood/impact scale table."""
    rows = [
        [Paragraph(c, CELLB if i == 0 else ParagraphStyle("lg", parent=CELL, fontSize=7.5, leading=9)) for c in row]
        for i, row in enumerate(SCALES)
    ]
    t1 = Table(rows, colWidths=[0.6 * inch, 3.0 * inch, 6.2 * inch])
    t1.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), GREY_HEAD),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [Paragraph(f"Sheet: Legend &amp; Scoring Key (referenced by {SHEET})", H2), t1]


def _bands() -> list[Flowable]:
    """The score-band table, each band's name shaded in its colour."""
    lg = ParagraphStyle("lg2", parent=CELL, fontSize=7.5, leading=9)
    bcol = [None, band(1)[1], band(5)[1], band(10)[1], band(16)[1]]
    t2 = Table(
        [[Paragraph(c, CELLB if i == 0 else lg) for c in row] for i, row in enumerate(BANDS)],
        colWidths=[0.9 * inch, 0.9 * inch, 6.0 * inch, 1.4 * inch],
    )
    ts = [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), GREY_HEAD),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for i in range(1, 5):
        ts.append(("BACKGROUND", (0, i), (0, i), bcol[i]))
    t2.setStyle(TableStyle(ts))
    return [Paragraph("Score bands and required response", H2), t2]


def legend() -> list[Flowable]:
    """The legend page, from a page break: scales, score bands, treatments, statuses and the closing note."""
    story: list[Flowable] = [PageBreak()]
    story += _scales()
    story.append(Spacer(1, 8))
    story += _bands()
    story.append(Spacer(1, 8))
    story.append(Paragraph("Treatment options", H2))
    story += [Paragraph("\u2022 " + t, BODY) for t in TREATMENTS]
    story.append(Paragraph("Status values", H2))
    story += [Paragraph("\u2022 " + t, BODY) for t in STATUSES]
    story.append(Spacer(1, 6))
    story.append(Paragraph(CLOSING, BODY))
    return story
