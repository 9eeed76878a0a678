"""Appendices of the FICTIONAL Thornwick Valley Health board deck (`build_thornwick.py`), slides 18 to 20:
the 42-row model inventory as a dense condensed 8 pt table over two slides, the check that the inventory
agrees with the KPI tiles and the bar chart, and the definitions table."""

from __future__ import annotations

from collections import Counter

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from thornwick_layout import LGREY, H, M, W, chrome, draw_table, footnote

INVENTORY = [
    # id, model, domain, source, tier, owner, last validation, status
    (
        "M-01",
        "Sepsis early warning v4.2",
        "CDS",
        "EHR vendor",
        "1",
        "T. Lindqvist",
        "Nov 2024",
        "Production (threshold raised)",
    ),
    ("M-02", "Deterioration index", "CDS", "EHR vendor", "1", "H. Okafor", "Jan 2026", "Production"),
    ("M-03", "30-day readmission risk", "CDS", "Internal", "2", "S. Achterberg", "Mar 2026", "Production"),
    (
        "M-04",
        "OB triage acuity score",
        "CDS",
        "Internal",
        "1",
        "R. Tanaka-Moore",
        "Aug 2025",
        "Production (under audit)",
    ),
    ("M-05", "Fall risk predictor", "CDS", "EHR vendor", "2", "L. Ferreira-Doyle", "Oct 2025", "Production"),
    ("M-06", "Pressure injury risk", "CDS", "EHR vendor", "2", "L. Ferreira-Doyle", "Oct 2025", "Production"),
    (
        "M-07",
        "Acute kidney injury early warning",
        "CDS",
        "Internal",
        "1",
        "T. Lindqvist",
        "May 2026",
        "Pilot (silent mode)",
    ),
    ("M-08", "Opioid overdose risk", "CDS", "Academic partner", "2", "K. Mbeki-Horvath", "Dec 2025", "Production"),
    ("M-09", "Drug-interaction alert ranking", "CDS", "EHR vendor", "2", "K. Mbeki-Horvath", "Jun 2025", "Production"),
    ("M-10", "Ambient clinical documentation", "CDS", "Vendor", "2", "H. Okafor", "Jun 2026", "Production"),
    ("M-11", "Discharge summary drafting (GenAI)", "CDS", "Vendor", "2", "H. Okafor", "–", "Paused"),
    ("M-12", "Inbox reply drafting (GenAI)", "CDS", "EHR vendor", "2", "H. Okafor", "Apr 2026", "Pilot"),
    ("M-13", "Pediatric early warning score", "CDS", "Internal", "1", "N. Oyelaran-Fisk", "Feb 2026", "Production"),
    ("M-14", "Antimicrobial stewardship flag", "CDS", "Internal", "2", "K. Mbeki-Horvath", "Nov 2025", "Paused"),
    ("M-15", "CT head bleed triage", "Imaging", "Vendor", "1", "P. Raman", "Jul 2026", "Production (1 site)"),
    ("M-16", "Chest X-ray nodule detection", "Imaging", "Vendor", "1", "P. Raman", "Mar 2026", "Production"),
    ("M-17", "Mammography density scoring", "Imaging", "Vendor", "2", "P. Raman", "Sep 2025", "Production"),
    ("M-18", "Stroke LVO alert", "Imaging", "Vendor", "1", "P. Raman", "Jan 2026", "Production"),
    (
        "M-19",
        "Diabetic retinopathy screening",
        "Imaging",
        "Vendor",
        "1",
        "D. Sorensen-Abiola",
        "Nov 2025",
        "Production",
    ),
    ("M-20", "Fracture detection (X-ray)", "Imaging", "Vendor", "2", "P. Raman", "–", "Pilot"),
    ("M-21", "MRI protocol assistant", "Imaging", "Vendor", "3", "P. Raman", "Apr 2026", "Production"),
    ("M-22", "Pulmonary embolism CT triage", "Imaging", "Vendor", "1", "P. Raman", "–", "Paused"),
    ("M-23", "Echo measurement automation", "Imaging", "Vendor", "2", "G. Halvorsen", "Feb 2026", "Production"),
    ("M-24", "No-show prediction", "Operations", "Internal", "3", "F. Quintero-Blake", "Feb 2026", "Production"),
    ("M-25", "ED arrivals forecast", "Operations", "Internal", "3", "C. Ibarra-Welsh", "Jan 2026", "Production"),
    ("M-26", "Bed demand forecast", "Operations", "Internal", "3", "C. Ibarra-Welsh", "Dec 2025", "Production"),
    ("M-27", "OR case-duration prediction", "Operations", "Vendor", "3", "V. Pellegrini", "May 2026", "Pilot"),
    (
        "M-28",
        "Nurse staffing demand forecast",
        "Operations",
        "Vendor",
        "3",
        "L. Ferreira-Doyle",
        "Mar 2026",
        "Production",
    ),
    (
        "M-29",
        "Supply par-level optimiser",
        "Operations",
        "Vendor",
        "3",
        "Vacant (AI Gov. Office interim)",
        "–",
        "Paused",
    ),
    ("M-30", "Transport dispatch optimiser", "Operations", "Vendor", "3", "C. Ibarra-Welsh", "Oct 2025", "Production"),
    (
        "M-31",
        "IT service-desk ticket triage",
        "Operations",
        "Internal",
        "3",
        "M. Delacroix-Reyes",
        "Jun 2026",
        "Production",
    ),
    ("M-32", "Claims denial predictor", "Revenue cycle", "Internal", "3", "J. Whitcombe", "Apr 2026", "Production"),
    (
        "M-33",
        "Prior authorization automation",
        "Revenue cycle",
        "Vendor",
        "3",
        "J. Whitcombe",
        "Jul 2026",
        "Production",
    ),
    ("M-34", "Computer-assisted coding", "Revenue cycle", "Vendor", "3", "J. Whitcombe", "Jan 2026", "Production"),
    (
        "M-35",
        "Patient payment propensity",
        "Revenue cycle",
        "Vendor",
        "3",
        "Vacant (AI Gov. Office interim)",
        "–",
        "Paused",
    ),
    (
        "M-36",
        "Charge capture anomaly detection",
        "Revenue cycle",
        "Internal",
        "3",
        "J. Whitcombe",
        "Mar 2026",
        "Production",
    ),
    ("M-37", "Eligibility verification bot", "Revenue cycle", "Vendor", "3", "J. Whitcombe", "Dec 2025", "Production"),
    (
        "M-38",
        "Patient-facing chatbot (navigation)",
        "Patient engagement",
        "Vendor",
        "2",
        "M. Delacroix-Reyes",
        "–",
        "Paused",
    ),
    (
        "M-39",
        "Reminder message personalisation",
        "Patient engagement",
        "Internal",
        "3",
        "F. Quintero-Blake",
        "Nov 2025",
        "Production",
    ),
    (
        "M-40",
        "Portal message routing",
        "Patient engagement",
        "EHR vendor",
        "3",
        "F. Quintero-Blake",
        "May 2026",
        "Production",
    ),
    ("M-41", "After-visit summary translation", "Patient engagement", "Vendor", "2", "A. Nwachukwu-Lee", "–", "Pilot"),
    (
        "M-42",
        "Care-gap outreach prioritisation",
        "Patient engagement",
        "Internal",
        "2",
        "S. Achterberg",
        "Feb 2026",
        "Production",
    ),
]

DEFINITIONS = [
    ["Term", "Definition"],
    [
        "Tier 1 (high risk)",
        "Output directly informs diagnosis, treatment or triage of an individual patient. "
        "Local validation before go-live; quarterly performance monitoring; subgroup analysis",
    ],
    [
        "Tier 2 (moderate)",
        "Informs care planning, documentation or patient communication with clinician review "
        "before use. Local validation before go-live; six-monthly monitoring",
    ],
    ["Tier 3 (low)", "Operational or administrative use with no patient-level clinical decision. Annual review"],
    ["Green", "On track against plan, budget and performance thresholds"],
    ["Amber", "At risk – slippage or issue that the owner expects to recover within the quarter"],
    ["Red", "Off track – threshold breached or milestone missed; recovery plan required and reported to committee"],
    ["Paused", "Deliberately stopped by the AI Oversight Committee; not counted in RAG totals"],
    [
        "AUROC",
        "Area under the ROC curve – ability to rank patients with the outcome above those without "
        "(0.5 = chance, 1.0 = perfect)",
    ],
    ["PPV", "Positive predictive value – share of alerts where the patient truly had the condition"],
    ["Silent mode", "Model runs on live data but outputs are not shown to clinicians; used for validation"],
]


def check_inventory() -> None:
    """Assert that the appendix inventory agrees with the KPI tiles and the bar chart (domains, status,
    Tier 1 count, source mix)."""
    assert len(INVENTORY) == 42
    dom = Counter(r[2] for r in INVENTORY)
    assert dom == {"CDS": 14, "Imaging": 9, "Operations": 8, "Revenue cycle": 6, "Patient engagement": 5}, dom
    st = Counter(r[7].split(" (")[0] for r in INVENTORY)
    assert st == {"Production": 31, "Pilot": 5, "Paused": 6}, st
    assert sum(r[4] == "1" for r in INVENTORY) == 10
    src = Counter(r[3] for r in INVENTORY)
    assert src["Internal"] == 13 and src["EHR vendor"] == 7 and src["Academic partner"] == 1, src


def _inventory(c: Canvas, part: int) -> None:
    """One half of the inventory appendix (`part` 1: rows M-01 to M-21, 2: M-22 to M-42)."""
    rows = INVENTORY[:21] if part == 1 else INVENTORY[21:]
    chrome(c, f"Appendix A: Model inventory ({part} of 2)", "Appendix")
    data: list[list] = [
        ["ID", "Model", "Domain", "Source", "Tier", "Accountable owner", "Last local validation", "Status"]
    ]
    for r in rows:
        data.append(list(r))
    st = [
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LGREY]),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("ALIGN", (4, 0), (4, -1), "CENTER"),
    ]
    draw_table(
        c,
        M,
        H - 1.3 * inch,
        data,
        [
            0.55 * inch,
            2.65 * inch,
            1.45 * inch,
            1.25 * inch,
            0.45 * inch,
            2.35 * inch,
            1.45 * inch,
            W - 2 * M - 10.15 * inch,
        ],
        st,
        size=8,
        header_size=8,
        font="Cond",
    )
    if part == 1:
        footnote(
            c,
            "CDS = clinical decision support. Source: Internal = built by Thornwick Valley; EHR vendor = "
            "feature of the EHR platform; Vendor = third-party product. Continued on next slide.",
        )
    else:
        footnote(
            c,
            "Totals: 42 models – 31 production, 5 pilot, 6 paused; 10 Tier 1. '–' = no local validation on "
            "record (paused or pre-go-live). Source: AI registry extract, 31 Aug 2026.",
        )


def s_inventory_1(c: Canvas) -> None:
    """Slide 18: the first half of the inventory appendix."""
    _inventory(c, 1)


def s_inventory_2(c: Canvas) -> None:
    """Slide 19: the second half of the inventory appendix, with the totals footnote."""
    _inventory(c, 2)


def s_defs(c: Canvas) -> None:
    """Slide 20: the definitions appendix (tiers, RAG statuses, metrics)."""
    chrome(c, "Appendix B: Definitions", "Appendix")
    draw_table(
        c,
        M,
        H - 1.4 * inch,
        DEFINITIONS,
        [2.4 * inch, W - 2 * M - 2.4 * inch],
        [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LGREY])],
        size=10.5,
        header_size=11,
    )
