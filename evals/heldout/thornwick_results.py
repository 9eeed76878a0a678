"""Slides 6 to 10 of the FICTIONAL Thornwick Valley Health board deck (`build_thornwick.py`): the
portfolio bar chart (rectangles and value labels, no table behind it), the monitoring table with coloured
status cells and a dense threshold footnote, the RAG initiative status table, the sepsis early warning deep
dive and the ambient documentation results tiles."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from thornwick_layout import (
    AMBER,
    GREY,
    LGREY,
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
    heading,
    rag_cell,
    tile,
)

PORTFOLIO = [
    ("Clinical decision\nsupport", 14),
    ("Imaging", 9),
    ("Operations", 8),
    ("Revenue cycle", 6),
    ("Patient\nengagement", 5),
]

MONITORING = [
    ["Model", "Tier", "Metric", "Validation baseline", "Q1 2026", "Q2 2026", "Status¹"],
    ["Sepsis early warning", "1", "AUROC", "0.81", "0.79", "0.77", "Breach"],
    ["Deterioration index", "1", "AUROC", "0.84", "0.84", "0.83", "Within tolerance"],
    ["CT head bleed triage", "1", "Sensitivity", "94.0%", "93.6%", "93.1%", "Watch"],
    ["Stroke LVO alert", "1", "Sensitivity", "96.2%", "96.0%", "96.4%", "Within tolerance"],
    ["OB triage acuity score", "1", "Sensitivity (all patients)", "91.5%", "91.0%", "90.8%", "Within tolerance²"],
    ["30-day readmission risk", "2", "AUROC", "0.72", "0.71", "0.71", "Within tolerance"],
    ["No-show prediction", "3", "AUROC", "0.78", "0.77", "0.78", "Within tolerance"],
    ["Claims denial predictor", "3", "Precision", "0.66", "0.69", "0.70", "Within tolerance"],
]

# initiative, owner, RAG status, commentary
STATUS_ROWS = [
    (
        "AI inventory & registry v2",
        "Owen Castellanos, AI Governance Lead",
        "Green",
        "42 of 42 models registered; v2 approval workflow in user testing",
    ),
    (
        "Ambient clinical documentation scale-up",
        "Dr. Helena Okafor, CMIO",
        "Green",
        "1,140 clinicians live; ED wave planned from Q1 2027",
    ),
    (
        "Sepsis early warning recalibration",
        "Dr. Tomasz Lindqvist, Director, Clinical Data Science",
        "Red",
        "AUROC below threshold; recalibrated go-live moved from Dec 2026 to Mar 2027",
    ),
    (
        "Radiology worklist triage (CT head) – all sites",
        "Dr. Priya Raman, Chair of Radiology",
        "Amber",
        "Local validation complete; PACS integration slipped 6 weeks",
    ),
    (
        "OB triage algorithm bias audit",
        "Rebecca Tanaka-Moore, Director, Women's Health",
        "Red",
        "Sensitivity gap of 9 points between Black and White patients in one subgroup; audit data extract delayed",
    ),
    (
        "Vendor contract AI clauses",
        "Aisha Benmoussa, Chief Compliance & Privacy Officer",
        "Amber",
        "14 of 22 in-scope contracts amended; 3 vendors disputing notice clause",
    ),
    (
        "Prior authorization automation",
        "Janet Whitcombe, VP Revenue Cycle",
        "Green",
        "Median turnaround 4.1 → 1.8 days",
    ),
    ("Patient-facing chatbot", "Marcus Delacroix-Reyes, CDIO", "Paused", "Paused pending AI Governance Policy v3.0"),
]

SEPSIS_HAPPENED = [
    (0, "Vendor-supplied model embedded in the EHR (v4.2), Tier 1"),
    (0, "Performance decline over two quarters"),
    (1, "AUROC 0.81 (validation, Nov 2024) → 0.79 (Q1) → 0.77 (Q2 2026)"),
    (1, "PPV 18% → 12%"),
    (1, "Alert volume up 34% (≈610 → 820 alerts/week)"),
    (0, "Likely causes (preliminary)"),
    (1, "New point-of-care lactate result code not mapped to a model input since Feb 2026"),
    (1, "Case-mix shift: ED attendances aged 75+ up 11%"),
    (0, "Retrospective case review in progress – findings to Nov 2026 committee"),
]

SEPSIS_RECOVERY = [
    ["Step", "Timing"],
    ["Map new lactate code; vendor patch applied", "Oct 2026"],
    ["Local recalibration + silent-mode validation", "Nov 2026 – Feb 2027"],
    ["AI Oversight Committee go/no-go", "Feb 2027"],
    ["Go-live, recalibrated model", "Mar 2027"],
]

AMBIENT_TILES = [
    ("1,140", "clinicians live", "target 1,600 by Q2 2027"),
    ("5.6", "minutes saved per encounter", "primary care & hospital medicine"),
    ("−23%", "after-hours documentation time", "vs pre-go-live baseline"),
    ("2.1%", "patient opt-out rate", ""),
]


def _bar_chart(c: Canvas, x0: float, y0: float, cw: float, ch: float) -> None:
    """The portfolio bar chart: gridlines, axis title, bars with value labels and category labels."""
    vmax = 16
    c.setStrokeColor(colors.HexColor("#C9D1DA"))
    c.setLineWidth(0.5)
    c.setFont("Sans", 9)
    c.setFillColor(GREY)
    for v in range(0, vmax + 1, 4):
        yy = y0 + ch * v / vmax
        c.line(x0, yy, x0 + cw, yy)
        c.drawRightString(x0 - 0.1 * inch, yy - 3, str(v))
    c.saveState()
    c.translate(x0 - 0.5 * inch, y0 + ch / 2)
    c.rotate(90)
    c.drawCentredString(0, 0, "Number of models")
    c.restoreState()
    bw = cw / len(PORTFOLIO) * 0.55
    for i, (lab, v) in enumerate(PORTFOLIO):
        bx = x0 + cw / len(PORTFOLIO) * (i + 0.5) - bw / 2
        bh = ch * v / vmax
        c.setFillColor(TEAL if i else NAVY)
        c.rect(bx, y0, bw, bh, stroke=0, fill=1)
        c.setFillColor(NAVY)
        c.setFont("SansB", 14)
        c.drawCentredString(bx + bw / 2, y0 + bh + 6, str(v))
        c.setFont("Sans", 10)
        c.setFillColor(colors.HexColor("#2F3B4A"))
        for k, ln in enumerate(lab.split("\n")):
            c.drawCentredString(bx + bw / 2, y0 - 15 - k * 12, ln)


def s_portfolio(c: Canvas) -> None:
    """Slide 6: models by domain as a bar chart, with "So what" bullets on the right."""
    chrome(c, "Portfolio by domain", "Models in inventory, n = 42")
    x0, y0 = M + 0.9 * inch, 1.35 * inch
    cw, ch = 7.6 * inch, 4.2 * inch
    _bar_chart(c, x0, y0, cw, ch)
    rx = x0 + cw + 0.5 * inch
    heading(c, rx, H - 1.65 * inch, "So what")
    bullets(
        c,
        rx,
        H - 2.05 * inch,
        W - M - rx,
        [
            (0, "Clinical decision support largest and highest-risk group"),
            (1, "Tier 1 split evenly: 5 CDS, 5 imaging"),
            (0, "Imaging: all 9 models vendor-supplied"),
            (0, "Patient engagement smallest; chatbot paused"),
            (0, "Source mix: 13 internal, 28 vendor (7 EHR-embedded), 1 academic partner"),
        ],
        size=12,
    )


def s_monitoring(c: Canvas) -> None:
    """Slide 7: the monitoring table with coloured status cells and the review-threshold footnote."""
    chrome(c, "Model performance monitoring – Tier 1 and selected models", "Assurance")
    style = [
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LGREY]),
        ("BACKGROUND", (-1, 1), (-1, 1), RED),
        ("BACKGROUND", (-1, 3), (-1, 3), AMBER),
        ("ALIGN", (1, 0), (-2, -1), "CENTER"),
    ]
    draw_table(
        c,
        M,
        H - 1.45 * inch,
        MONITORING,
        [3.0 * inch, 0.7 * inch, 2.3 * inch, 1.7 * inch, 1.3 * inch, 1.3 * inch, 1.93 * inch],
        style,
        size=11.5,
        header_size=11,
    )
    footnote(
        c,
        "¹ Review trigger: Tier 1 – AUROC more than 0.03 below validation baseline, or sensitivity more than "
        "1.0 percentage point below baseline, in any quarter; Tiers 2–3 – AUROC/precision more than 0.05 below "
        "baseline. A triggered review is decided by the AI Oversight Committee (options: recalibrate, restrict "
        "use, or retire).   ² Aggregate within tolerance; subgroup gap under audit – see slide 8.",
        y=0.65 * inch,
    )


def s_status(c: Canvas) -> None:
    """Slide 8: the RAG status table, the status carried by coloured cells with the status word."""
    chrome(c, "Initiative status (RAG)", "Assurance")
    data: list[list] = [["Initiative", "Owner", "Status", "Commentary"]]
    style: list[tuple] = [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LGREY])]
    for i, (a, b, s, d) in enumerate(STATUS_ROWS, start=1):
        cell, col = rag_cell(s)
        data.append([a, b, cell, d])
        style.append(("BACKGROUND", (2, i), (2, i), col))
    draw_table(
        c,
        M,
        H - 1.45 * inch,
        data,
        [3.3 * inch, 3.3 * inch, 1.0 * inch, W - 2 * M - 7.6 * inch],
        style,
        size=10.5,
        header_size=11,
    )
    footnote(
        c,
        "RAG definitions in Appendix B (slide 20). Status changes since May 2026: sepsis recalibration Amber → Red; "
        "OB triage bias audit Green → Red; vendor contract clauses unchanged (Amber).",
    )


def s_sepsis(c: Canvas) -> None:
    """Slide 9: what happened, the interim controls and the recovery plan table."""
    chrome(c, "Deep dive: sepsis early warning model", "Red item")
    colw = (W - 2 * M - 0.35 * inch) / 2
    y = H - 1.6 * inch
    heading(c, M, y, "What happened")
    bullets(c, M, y - 0.35 * inch, colw, SEPSIS_HAPPENED, size=12.5)
    x2 = M + colw + 0.35 * inch
    heading(c, x2, y, "Interim controls (in place)")
    yy = bullets(
        c,
        x2,
        y - 0.35 * inch,
        colw,
        [
            (0, "Alert threshold raised from score 6 to 8 (3 Jul 2026)"),
            (0, "Nurse-led manual sepsis screening retained in ED and ICU"),
            (0, "Weekly performance review by Clinical Data Science"),
        ],
        size=12.5,
    )
    heading(c, x2, yy - 0.1 * inch, "Recovery plan")
    draw_table(
        c,
        x2,
        yy - 0.25 * inch,
        SEPSIS_RECOVERY,
        [colw * 0.64, colw * 0.36],
        [
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LGREY]),
            ("BACKGROUND", (0, 4), (-1, 4), colors.HexColor("#FDECEA")),
        ],
        size=11,
    )


def s_ambient(c: Canvas) -> None:
    """Slide 10: four KPI tiles and the results bullets."""
    chrome(c, "Ambient clinical documentation – results", "Value")
    n = len(AMBIENT_TILES)
    gap = 0.25 * inch
    tw = (W - 2 * M - gap * (n - 1)) / n
    for i, (big, label, sub) in enumerate(AMBIENT_TILES):
        tile(c, M + i * (tw + gap), 3.95 * inch, tw, 2.0 * inch, big, label, sub or None, bigsize=42)
    bullets(
        c,
        M,
        3.45 * inch,
        W - 2 * M,
        [
            (0, "Measured Mar–Jun 2026 in primary care and hospital medicine; other specialties not yet measured"),
            (0, "Note quality audit: 96% of sampled notes signed without major edits"),
            (0, "1 near miss in Q2 (medication dose attributed to wrong speaker, caught at sign-off)"),
            (0, "Next: emergency department wave 1 from Q1 2027; all EDs by Q2 2027"),
        ],
        size=13,
    )
