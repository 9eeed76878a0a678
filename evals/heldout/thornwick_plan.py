"""Slides 11 to 14 of the FICTIONAL Thornwick Valley Health board deck (`build_thornwick.py`): the
roadmap (quarters across, swim-lanes down, milestones in boxes), the FY2027 budget table with its totals
row, the 3×3 risk heat map with the risk text inside the grid cells and the top-risks table."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from thornwick_layout import (
    HM_AMB,
    HM_GRN,
    HM_RED,
    LGREY,
    LTEAL,
    NAVY,
    RED,
    TEAL,
    H,
    M,
    W,
    bullets,
    chrome,
    draw_table,
    footnote,
    para,
    wrap_lines,
)

QUARTERS = ["Q4 2026", "Q1 2027", "Q2 2027", "Q3 2027", "Q4 2027"]
LANES = ["Governance", "Clinical AI", "Operations & revenue", "Platform"]

# milestones: (lane, quarter index, text, slot 0/1, highlight)
MILESTONES = [
    (0, 0, "AI Governance Policy v3.0 in force", 0, False),
    (0, 1, "Patient AI-use notice published", 0, False),
    (0, 2, "NIST AI RMF self-assessment ≥75%", 0, False),
    (0, 3, "External assurance review", 0, True),
    (1, 0, "Sepsis: lactate input fix", 0, False),
    (1, 1, "Sepsis recalibrated model go-live (Mar)", 0, True),
    (1, 1, "Ambient – ED wave 1", 1, False),
    (1, 2, "Ambient – all EDs", 0, False),
    (1, 3, "CT head triage – all sites", 0, False),
    (1, 4, "Deterioration index v3 validation", 0, False),
    (2, 0, "Prior auth automation phase 2", 0, False),
    (2, 2, "OR scheduling optimiser pilot", 0, False),
    (2, 4, "Chatbot go/no-go decision point", 0, True),
    (3, 0, "Registry v2 live (Nov)", 0, False),
    (3, 1, "Monitoring dashboards – all Tier 1", 0, False),
    (3, 3, "MLOps platform migration", 0, False),
]

BUDGET = [
    ["Line item ($M)", "FY2026 budget", "FY2026 forecast", "FY2027 request", "Change vs FY2026 budget"],
    ["Ambient documentation licences¹", "1.60", "1.55", "2.35", "+0.75"],
    ["Platform & MLOps (hosting, tooling)", "1.05", "1.02", "1.20", "+0.15"],
    ["Model monitoring & validation staff (2.0 → 4.0 FTE)", "0.34", "0.33", "0.68", "+0.34"],
    ["AI governance office (1.5 FTE)", "0.27", "0.26", "0.27", "0.00"],
    ["Training & change management", "0.24", "0.21", "0.21", "−0.03"],
    ["External assurance review", "–", "–", "0.15", "+0.15"],
    ["Bias audit & equity analytics", "0.10", "0.08", "0.12", "+0.02"],
    ["Contingency (5%)", "0.30", "0.27", "0.25", "−0.05"],
    ["Total", "3.90", "3.72", "5.23", "+1.33"],
]

# heat-map cells by (likelihood, impact), 0 = Low .. 2 = High
HEAT_CELLS: dict[tuple[int, int], list[str]] = {
    (0, 0): [],
    (0, 1): [],
    (0, 2): ["R5  PHI exposure via generative AI tools"],
    (1, 0): ["R6  Vendor lock-in / concentration"],
    (1, 1): ["R4  Clinician over-reliance (automation bias)"],
    (1, 2): ["R2  Biased performance across patient groups"],
    (2, 0): [],
    (2, 1): ["R7  Regulatory change (federal/state AI rules)", "R8  Capacity to monitor models"],
    (2, 2): [
        "R1  Undetected model drift in production",
        "R3  Unreviewed AI features switched on in vendor software (“shadow AI”)",
    ],
}
LEVELS = ["Low", "Medium", "High"]

RISKS = [
    ["ID", "Risk", "Rating (L / I)", "Owner", "Key mitigation", "Due"],
    [
        "R1",
        "Undetected model drift in production",
        "High / High",
        "Dr. Tomasz Lindqvist",
        "Automated drift dashboards for all Tier 1 models; quarterly review triggers",
        "Q1 2027",
    ],
    [
        "R2",
        "Biased performance across patient groups",
        "Medium / High",
        "Rebecca Tanaka-Moore",
        "Subgroup performance reporting mandatory at validation and annually",
        "Q2 2027",
    ],
    [
        "R3",
        "Unreviewed AI features switched on in vendor software",
        "High / High",
        "Owen Castellanos",
        "Contract clause: 60 days' written notice before any AI feature is enabled; quarterly release-note scan",
        "Q4 2026",
    ],
    [
        "R4",
        "Clinician over-reliance (automation bias)",
        "Medium / Medium",
        "Dr. Helena Okafor",
        "AI-literacy module; output labelling in EHR",
        "Q1 2027",
    ],
    [
        "R5",
        "PHI exposure via generative AI tools",
        "Low / High",
        "Aisha Benmoussa",
        "Enterprise-approved tools only; public GenAI sites blocked on network",
        "In place",
    ],
    [
        "R7",
        "Regulatory change (federal/state AI rules)",
        "High / Medium",
        "Aisha Benmoussa",
        "Quarterly regulatory horizon scan to AI Oversight Committee",
        "Ongoing",
    ],
    [
        "R8",
        "Capacity to monitor models",
        "High / Medium",
        "Marcus Delacroix-Reyes",
        "2 additional monitoring analysts (FY2027 request)",
        "Jan 2027",
    ],
]


def _roadmap_grid(c: Canvas, gx: float, qw: float, top: float, hh: float, laneh: float) -> None:
    """The roadmap's quarter headers, shaded swim-lanes with their labels and the quarter dividers."""
    lx = M
    labw = 1.75 * inch
    for i, q in enumerate(QUARTERS):
        c.setFillColor(NAVY)
        c.rect(gx + i * qw + 1, top - hh, qw - 2, hh, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("SansB", 12)
        c.drawCentredString(gx + i * qw + qw / 2, top - hh + 0.13 * inch, q)
    for j, lane in enumerate(LANES):
        ly = top - hh - (j + 1) * laneh
        c.setFillColor(LGREY if j % 2 == 0 else colors.white)
        c.rect(lx, ly, W - 2 * M, laneh, stroke=0, fill=1)
        c.setFillColor(NAVY)
        c.setFont("SansB", 11)
        for k, ln in enumerate(wrap_lines(lane, "SansB", 11, labw - 0.15 * inch)):
            c.drawString(lx + 0.1 * inch, ly + laneh / 2 + 4 - k * 13, ln)
    c.setStrokeColor(colors.HexColor("#C9D1DA"))
    for i in range(1, len(QUARTERS)):
        c.line(gx + i * qw, top - hh, gx + i * qw, top - hh - 4 * laneh)


def _milestones(c: Canvas, gx: float, qw: float, top: float, hh: float, laneh: float) -> None:
    """The milestone boxes, placed by lane, quarter and slot; Board checkpoints outlined in red."""
    for lane, qi, text, slot, hi in MILESTONES:
        ly = top - hh - (lane + 1) * laneh
        bh = 0.45 * inch
        by = ly + laneh - 0.08 * inch - bh - slot * (bh + 0.06 * inch)
        bx = gx + qi * qw + 0.08 * inch
        bw = qw - 0.16 * inch
        c.setFillColor(colors.HexColor("#FDECEA") if hi else LTEAL)
        c.setStrokeColor(RED if hi else TEAL)
        c.setLineWidth(1)
        c.roundRect(bx, by, bw, bh, 4, stroke=1, fill=1)
        c.setFillColor(NAVY)
        c.setFont("Sans", 9.5)
        lines = wrap_lines(text, "Sans", 9.5, bw - 0.12 * inch)
        ty = by + bh / 2 + (len(lines) - 1) * 5.5 - 3
        for ln in lines:
            c.drawCentredString(bx + bw / 2, ty, ln)
            ty -= 11


def s_roadmap(c: Canvas) -> None:
    """Slide 11: the roadmap, quarters across and swim-lanes down."""
    chrome(c, "Roadmap: Q4 2026 – Q4 2027", "Plan")
    gx = M + 1.75 * inch
    gw = W - M - gx
    qw = gw / len(QUARTERS)
    top = H - 1.45 * inch
    hh = 0.4 * inch
    laneh = 1.12 * inch
    _roadmap_grid(c, gx, qw, top, hh, laneh)
    _milestones(c, gx, qw, top, hh, laneh)
    footnote(
        c,
        "Red outline = Board checkpoint. Dates indicative; contingent on FY2027 budget approval. "
        "Chatbot not scheduled for relaunch before the Q4 2027 decision point.",
        y=0.62 * inch,
    )


def s_budget(c: Canvas) -> None:
    """Slide 12: the budget table (right-aligned figures, bold totals row), bullets and footnote."""
    chrome(c, "FY2027 budget request", "For decision")
    style = [
        ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, LGREY]),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, -1), (-1, -1), LTEAL),
        ("LINEABOVE", (0, -1), (-1, -1), 1.2, NAVY),
        ("FONT", (0, -1), (-1, -1), "SansB"),
    ]
    data = [*BUDGET[:-1], [f"<b>{v}</b>" for v in BUDGET[-1]]]
    rows: list[list] = []
    for i, r in enumerate(data):
        if i == 0:
            rows.append(r)
        else:
            rows.append([r[0]] + [para(v, 11.5, "Sans", colors.black, TA_RIGHT) for v in r[1:]])
    draw_table(
        c,
        M,
        H - 1.45 * inch,
        rows,
        [4.6 * inch, 1.55 * inch, 1.6 * inch, 1.6 * inch, 2.2 * inch],
        style,
        size=11.5,
        header_size=11,
    )
    bullets(
        c,
        M,
        2.0 * inch,
        W - 2 * M,
        [
            (0, "FY2026: forecast $3.72M vs budget $3.90M – $0.18M under budget"),
            (0, "FY2027 increase +$1.33M (+34%): ambient scale-up (+$0.75M) and doubling monitoring staff (+$0.34M)"),
        ],
        size=12,
    )
    footnote(
        c,
        "¹ Licence line assumes 1,600 clinicians live by Q2 2027. FY = calendar year. Capital items (none in "
        "FY2027) excluded. Funding: operating budget; no Digital Innovation Fund draw requested.",
    )


def _colour(li: int, ii: int) -> colors.Color:
    """The heat-map colour of the cell at likelihood `li`, impact `ii`."""
    s = li + ii
    return HM_GRN if s <= 1 else (HM_AMB if s <= 2 else HM_RED)


def _heat_grid(c: Canvas, gx: float, gy: float, cw: float, ch: float) -> None:
    """The 3×3 grid of coloured cells with the risks written inside them."""
    for li in range(3):
        for ii in range(3):
            x = gx + ii * cw
            y = gy + li * ch
            c.setFillColor(_colour(li, ii))
            c.setStrokeColor(colors.white)
            c.setLineWidth(2)
            c.rect(x, y, cw, ch, stroke=1, fill=1)
            c.setFillColor(colors.black)
            yy = y + ch - 0.25 * inch
            for t in HEAT_CELLS[(li, ii)]:
                for ln in wrap_lines(t, "Sans", 9.5, cw - 0.2 * inch):
                    c.setFont("Sans", 9.5)
                    c.drawString(x + 0.1 * inch, yy, ln)
                    yy -= 11.5
                yy -= 5


def s_heatmap(c: Canvas) -> None:
    """Slide 13: the risk heat map, its axes and the movement bullets."""
    chrome(c, "AI risk heat map", "Risk")
    gx, gy = M + 1.4 * inch, 1.25 * inch
    cw, ch = 2.55 * inch, 1.45 * inch
    _heat_grid(c, gx, gy, cw, ch)
    c.setFont("SansB", 10)
    c.setFillColor(NAVY)
    for i, lv in enumerate(LEVELS):
        c.drawCentredString(gx + i * cw + cw / 2, gy - 0.22 * inch, lv)
        c.drawRightString(gx - 0.12 * inch, gy + i * ch + ch / 2 - 3, lv)
    c.setFont("SansB", 11)
    c.drawCentredString(gx + 1.5 * cw, gy - 0.45 * inch, "IMPACT  →")
    c.saveState()
    c.translate(gx - 0.95 * inch, gy + 1.5 * ch)
    c.rotate(90)
    c.drawCentredString(0, 0, "LIKELIHOOD  →")
    c.restoreState()
    rx = gx + 3 * cw + 0.4 * inch
    c.setFont("SansB", 12)
    c.drawString(rx, gy + 3 * ch - 0.2 * inch, "Movement since May 2026")
    bullets(
        c,
        rx,
        gy + 3 * ch - 0.6 * inch,
        W - M - rx,
        [
            (0, "R1 ↑ likelihood (sepsis)"),
            (0, "R2 ↑ impact (OB triage)"),
            (0, "R3 new to top tier"),
            (0, "R5 unchanged"),
            (0, "Residual ratings after current controls"),
        ],
        size=11,
    )


def s_risks(c: Canvas) -> None:
    """Slide 14: the top-risks table with ratings, owners, mitigations and due dates."""
    chrome(c, "Top risks – owners and mitigations", "Risk")
    draw_table(
        c,
        M,
        H - 1.45 * inch,
        RISKS,
        [0.5 * inch, 2.9 * inch, 1.45 * inch, 2.2 * inch, W - 2 * M - 8.15 * inch, 1.1 * inch],
        [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LGREY])],
        size=10.5,
        header_size=11,
    )
    footnote(
        c,
        "L / I = residual likelihood / impact. R6 (vendor lock-in) rated Medium/Low – tracked in the Digital risk "
        "register, not shown.",
    )
