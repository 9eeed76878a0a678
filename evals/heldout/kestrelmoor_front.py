"""The Kestrelmoor report's front matter and sections 1 to 3 (`build_kestrelmoor.py`): cover,
distribution list and report control, contents, executive summary, scope and methodology, and the
summary of findings and agreed actions. Everything here is invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from kestrelmoor_layout import (
    BODY,
    CELL,
    GREY,
    H1,
    H2,
    LIGHT,
    NAVY,
    ORG,
    RATING_COL,
    REPNO,
    H,
    P,
    bullets,
    fn,
    grid_table,
    heading,
    numbered,
    para_fn,
)
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents


def cover(story):
    """The cover page: title, report-control table and confidentiality notice."""

    # ======================================================================================
    # COVER
    # ======================================================================================
    story.append(NextPageTemplate("Plain"))
    story.append(Spacer(1, 0.35 * inch))
    story.append(
        Paragraph(
            ORG.upper(),
            ParagraphStyle("c0", parent=BODY, fontName="Helvetica-Bold", fontSize=13, textColor=NAVY, leading=16),
        )
    )
    story.append(
        Paragraph("Internal Audit Department", ParagraphStyle("c1", parent=BODY, fontSize=10.5, textColor=GREY))
    )
    story.append(Spacer(1, 1.3 * inch))
    story.append(
        Paragraph(
            f"Internal Audit Report {REPNO}", ParagraphStyle("c2", parent=BODY, fontSize=13, leading=16, textColor=GREY)
        )
    )
    story.append(Spacer(1, 6))
    story.append(
        Paragraph(
            "Governance of Clinical Algorithms and AI-Enabled Decision Support",
            ParagraphStyle("c3", parent=BODY, fontName="Helvetica-Bold", fontSize=24, leading=29, textColor=NAVY),
        )
    )
    story.append(Spacer(1, 14))
    story.append(Paragraph("Final Report", ParagraphStyle("c4", parent=BODY, fontSize=14, leading=18)))
    story.append(Spacer(1, 0.9 * inch))
    cover_rows = [
        [P("<b>Report number</b>"), P(REPNO)],
        [P("<b>Audit plan reference</b>"), P("FY2025-26 Annual Internal Audit Plan, item 14 (risk-based)")],
        [P("<b>Fieldwork period</b>"), P("12 January 2026 \u2013 27 February 2026")],
        [P("<b>Date issued</b>"), P("14 April 2026")],
        [P("<b>Prepared for</b>"), P("Audit and Risk Committee of the Board; Executive Leadership Team")],
        [P("<b>Classification</b>"), P("Confidential \u2014 internal use")],
    ]
    ct = Table(cover_rows, colWidths=[1.9 * inch, 4.3 * inch])
    ct.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, 0), (-1, 0), 1, NAVY),
                ("LINEBELOW", (0, -1), (-1, -1), 1, NAVY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story.append(ct)
    story.append(Spacer(1, 1.1 * inch))
    story.append(
        Paragraph(
            "This report is confidential and has been prepared for the recipients named in the distribution list "
            f"only. It must not be copied or disclosed, in whole or in part, outside {ORG} without the prior written "
            "approval of the Chief Audit Executive. Requests made under any public records or disclosure process "
            "must be referred to the Office of General Counsel.",
            ParagraphStyle("c5", parent=BODY, fontSize=8, leading=10, textColor=GREY),
        )
    )
    story.append(PageBreak())


def distribution(story):
    """Distribution list, audit team, report control and approval."""

    # ======================================================================================
    # DISTRIBUTION LIST
    # ======================================================================================
    story.append(Paragraph("Distribution List and Report Control", H1))
    story.append(Paragraph("Distribution of the final report", H2))
    dist = [
        [H("Recipient (role)"), H("Copy for"), H("Relevant findings")],
        [P("Chair, Audit and Risk Committee of the Board"), P("Information and oversight"), P("All")],
        [P("President and Chief Executive Officer"), P("Information"), P("All")],
        [P("Chief Medical Officer (executive sponsor of the audit)"), P("Action"), P("F4")],
        [P("Chief Medical Information Officer"), P("Action"), P("F1, F8")],
        [P("Chief Information Officer"), P("Action"), P("F7")],
        [P("Vice President, Data and Analytics"), P("Action"), P("F3")],
        [P("Director of Clinical Informatics"), P("Action"), P("F2")],
        [P("Chief Health Equity Officer"), P("Action"), P("F5")],
        [P("Vice President, Supply Chain and Contracting"), P("Action"), P("F6")],
        [P("Chief Nursing Officer"), P("Action"), P("F9")],
        [P("General Counsel"), P("Information"), P("F6")],
        [P("Chief Compliance and Privacy Officer"), P("Information"), P("All")],
        [P("Engagement partner, external auditor"), P("Information (on request)"), P("\u2014")],
    ]
    story.append(grid_table(dist, [3.2 * inch, 1.8 * inch, 1.7 * inch], zebra=True))
    story.append(Paragraph("Audit team", H2))
    team = [
        [H("Role"), H("Responsibility on this engagement")],
        [P("Chief Audit Executive"), P("Engagement quality review and approval for issue")],
        [P("Audit Manager, Technology and Clinical Systems"), P("Engagement lead; planning and supervision")],
        [P("Senior IT Auditor"), P("Change control, access and vendor contract testing")],
        [P("Data Analytics Auditor"), P("EHR alert-log analytics and inventory reconciliation")],
        [
            P("Clinical Audit Specialist (registered nurse, seconded from Quality)"),
            P("Clinical walkthroughs and validation evidence review"),
        ],
    ]
    story.append(grid_table(team, [3.2 * inch, 3.5 * inch], zebra=True))
    story.append(Paragraph("Report control", H2))
    ctl = [
        [H("Milestone"), H("Date")],
        [P("Terms of reference agreed with executive sponsor"), P("5 December 2025")],
        [P("Fieldwork start / end"), P("12 January 2026 / 27 February 2026")],
        [P("Closing meeting with management"), P("6 March 2026")],
        [P("Draft report issued"), P("20 March 2026")],
        [P("Management responses received"), P("3 April 2026")],
        [P("Extended target date for Finding 3 approved by Audit and Risk Committee"), P("7 April 2026")],
        [P("Final report issued"), P("14 April 2026")],
        [P("Planned follow-up review"), P("November 2026")],
    ]
    story.append(grid_table(ctl, [4.5 * inch, 2.2 * inch], zebra=True))
    story.append(Spacer(1, 12))
    sig = Table(
        [
            [P("<b>Approved for issue</b>"), P(""), P("")],
            [P("Signed: <i>[signature on file]</i>"), P(f"Chief Audit Executive, {ORG}"), P("Date: 14 April 2026")],
        ],
        colWidths=[2.2 * inch, 2.7 * inch, 1.8 * inch],
    )
    sig.setStyle(TableStyle([("LINEABOVE", (0, 1), (-1, 1), 0.5, colors.black), ("TOPPADDING", (0, 0), (-1, -1), 3)]))
    story.append(sig)
    story.append(PageBreak())


def contents(story):
    """The contents page (reportlab fills it from the headings)."""

    # ======================================================================================
    # TABLE OF CONTENTS
    # ======================================================================================
    story.append(Paragraph("Contents", H1))
    toc = TableOfContents()
    toc.dotsMinLevel = 0
    toc.levelStyles = [
        ParagraphStyle(
            "toc0",
            parent=BODY,
            fontName="Helvetica-Bold",
            fontSize=10,
            leading=15,
            leftIndent=0,
            firstLineIndent=0,
            spaceBefore=3,
        ),
        ParagraphStyle(
            "toc1", parent=BODY, fontSize=9.3, leading=12.5, leftIndent=18, firstLineIndent=0, spaceBefore=0
        ),
    ]
    story.append(toc)
    story.append(NextPageTemplate("Body"))
    story.append(PageBreak())


def executive_summary(story):
    """Section 1: background, overall rating, key messages, good practice, response."""

    # ======================================================================================
    # 1 EXECUTIVE SUMMARY
    # ======================================================================================
    story.append(heading("1. Executive Summary", 0))
    story.append(heading("1.1 Background", 1))
    n_reg, m_reg = fn(
        "Register extract dated 31 December 2025, provided by Clinical Informatics on 14 January 2026. "
        "The register is maintained in the governance, risk and compliance (GRC) tool."
    )
    story += para_fn(
        f"{ORG} uses clinical algorithms \u2014 predictive models, rule-based risk scores, dosing calculators and, "
        "increasingly, machine-learning tools supplied inside vendor products \u2014 to support decisions about "
        "diagnosis, escalation of care, medication dosing and care-management enrolment. Since 1 July 2024 these "
        "tools have been governed by the <i>Clinical Algorithm Governance Policy</i> (CLN-POL-114, version 2.0), "
        "which assigns oversight to the Clinical Algorithm Oversight Committee (CAOC), a sub-committee of the "
        "Medical Executive Committee. At 31 December 2025 the Clinical Algorithm Register listed 61 "
        f"algorithms.{m_reg}",
        [n_reg],
    )
    story.append(
        Paragraph(
            "This audit was included in the FY2025-26 Annual Internal Audit Plan at the request of the Audit and Risk "
            "Committee following a patient safety event review in 2025 that involved an interruptive alert. The area "
            "was last audited in 2022 (report IA-2022-11), when the review was limited to rule-based clinical decision "
            "support alerts and did not cover predictive or machine-learning models.",
            BODY,
        )
    )

    story.append(heading("1.2 Overall rating", 1))
    rating_tbl = Table(
        [
            [
                P("<b>Overall audit rating</b>", CELL),
                P(
                    "<b>SIGNIFICANT IMPROVEMENT REQUIRED</b>",
                    ParagraphStyle("rt", parent=CELL, fontSize=10, textColor=colors.HexColor("#9B1C1C")),
                ),
            ]
        ],
        colWidths=[1.9 * inch, 4.8 * inch],
    )
    rating_tbl.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, NAVY),
                ("BACKGROUND", (0, 0), (0, 0), LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story.append(rating_tbl)
    story.append(Spacer(1, 6))
    story.append(
        Paragraph(
            "The policy framework introduced in 2024 is well designed, but it is not yet operating effectively. "
            "We identified nine findings: three rated High, four rated Medium and two rated Low (rating definitions "
            "are in Appendix A). The three High findings concern the completeness of the algorithm inventory, "
            "validation before go-live and ongoing performance monitoring \u2014 the three controls on which the rest "
            "of the framework depends. Because of these findings, we could not obtain assurance that all algorithms "
            f"influencing patient care at {ORG} are known, validated on local patients, and monitored.",
            BODY,
        )
    )


def key_messages(story):
    """Section 1, continued: key messages, good practice and management's response."""
    story.append(heading("1.3 Key messages", 1))
    story.append(Paragraph("The most significant matters for the Audit and Risk Committee are:", BODY))
    story += bullets(
        [
            "<b>The inventory is incomplete.</b> We identified 17 algorithms in clinical use that were not on the "
            "register, taking the known population to 78. Three of the 17 met the Tier 1 (highest-risk) definition.",
            "<b>Local validation is frequently missing.</b> Of the 19 sampled Tier 1 and Tier 2 algorithms, 10 (53%) "
            "had no local validation before go-live or were validated on fewer local encounters than the policy "
            "minimum.",
            "<b>Performance drift went undetected.</b> After an interface change on 18 August 2025 the alert rate of "
            "the adult sepsis early-warning model more than doubled, from 4.1% to 9.7% of adult inpatient encounters. "
            "The change was not detected by monitoring and was only identified, 14 weeks later, through nursing "
            "complaints.",
            "<b>Oversight is not operating as designed.</b> The CAOC met 7 times in 2025 against 12 scheduled "
            "meetings and was quorate at only 4 of them.",
        ]
    )
    story.append(heading("1.4 Areas of good practice", 1))
    story.append(Paragraph("We also noted several strengths that management can build on:", BODY))
    story += bullets(
        [
            "CLN-POL-114 is clear, risk-tiered and broadly consistent with recognised external guidance.",
            "The Data and Analytics team's in-house models are documented in a consistent model card format, and "
            "all 6 sampled in-house models had complete development documentation.",
            "The Office of General Counsel issued a standard Algorithm Addendum for vendor contracts in September "
            "2024.",
            "Clinical staff we interviewed were able to describe how to report a suspected algorithm error through "
            "the incident reporting system.",
        ]
    )
    story.append(heading("1.5 Management's overall response", 1))
    story.append(
        Paragraph(
            "Management has accepted all nine findings and agreed the actions set out in Section 3. The Chief Medical "
            "Officer, as executive sponsor, has committed to reporting progress on the High-rated actions to each "
            "quarterly meeting of the Audit and Risk Committee until they are closed. The Audit and Risk Committee "
            "approved an extended target date for the action on Finding 3 because it depends on procurement of a "
            "monitoring platform; an interim manual control will operate in the meantime.",
            BODY,
        )
    )


def scope(story):
    """Section 2: objectives, scope, exclusions, criteria, sampling, limitations."""
    # ======================================================================================
    # 2 SCOPE AND METHODOLOGY
    # ======================================================================================
    story.append(heading("2. Scope and Methodology", 0))
    story.append(heading("2.1 Objectives", 1))
    story.append(Paragraph("The audit assessed whether:", BODY))
    story += numbered(
        [
            "all clinical algorithms in use are identified, risk-tiered and recorded in the Clinical Algorithm Register;",
            "algorithms are validated on local data, including for performance across patient subgroups, before "
            "they influence patient care;",
            "algorithms in production are monitored for performance, drift and alert burden, with defined escalation;",
            "third-party algorithms are governed through appropriate contract terms; and",
            "governance bodies, change control and staff training operate as required by CLN-POL-114.",
        ]
    )
    story.append(heading("2.2 Scope and period", 1))
    n_tier, m_tier = fn(
        "CLN-POL-114, Appendix 1. <b>Tier 1</b>: the output directly triggers, or is intended to "
        "drive, a clinical action (for example automatic order sets or automatic programme "
        "enrolment). <b>Tier 2</b>: the output informs a clinician's decision through an "
        "interruptive alert or score. <b>Tier 3</b>: non-interruptive, informational output only."
    )
    story += para_fn(
        "The review covered the period 1 July 2024 to 31 December 2025 and all clinical algorithms used in "
        "acute, ambulatory and emergency settings across the system's four hospitals and 38 outpatient clinics, "
        "regardless of whether they were developed in-house, supplied by a vendor or built within a clinical "
        f"department. Algorithms were assessed against the three risk tiers defined in the policy.{m_tier}",
        [n_tier],
    )
    story.append(heading("2.3 Out of scope", 1))
    story.append(Paragraph("The following were excluded from this audit:", BODY))
    story += bullets(
        [
            "algorithms used solely in research approved by the Institutional Review Board and not used for "
            "clinical care;",
            "administrative and revenue-cycle models (for example claim-denial prediction and appointment "
            "no-show prediction);",
            "software embedded in cleared imaging or laboratory devices, except for a check that such devices "
            "appear on the register; and",
            "the ambient AI documentation (\u201cscribe\u201d) pilot that began in three primary care clinics in "
            "February 2026, after the period under review. It is proposed for the FY2026-27 audit plan.",
        ]
    )
    story.append(heading("2.4 Criteria", 1))
    n_nist, m_nist = fn(
        "NIST AI 100-1, <i>Artificial Intelligence Risk Management Framework (AI RMF 1.0)</i>, "
        f"January 2023. Used as a reference point only; {ORG} has not formally adopted it."
    )
    story += para_fn(
        "Our primary criteria were CLN-POL-114 and its supporting procedures, the CAOC Terms of Reference, the IT "
        "Change Management Standard (ITS-STD-04) and the IT Access Control Standard (ITS-STD-07). Where the policy "
        "was silent we referred to the GOVERN, MAP, MEASURE and MANAGE functions of the NIST AI Risk Management "
        f"Framework as good practice.{m_nist}",
        [n_nist],
    )
    story.append(heading("2.5 Approach and sampling", 1))
    n_log, m_log = fn(
        "Alert firings exclude test patients, downtime-mode encounters and alerts suppressed by the "
        "\u201cdo not show again for this encounter\u201d setting."
    )
    story += para_fn(
        "We held 22 interviews with clinical, informatics, data science, IT, contracting and legal staff and "
        "observed two CAOC meetings. To test inventory completeness we surveyed the clinical leads of 9 "
        "departments, reviewed EHR build records for activated predictive content and reconciled purchasing-card "
        "and accounts-payable data to the register. We then selected a stratified sample of 25 algorithms from "
        "the reconciled population of 78 (32%): 10 Tier 1, 9 Tier 2 and 6 Tier 3. Five of the sampled items "
        "came from the 17 unregistered algorithms. Finally, we analysed 1.84 million alert firings recorded in "
        f"the EHR audit log between 1 July and 31 December 2025.{m_log}",
        [n_log],
    )
    story.append(Paragraph("Sample composition by source is shown in Appendix B.", BODY))
    story.append(heading("2.6 Limitations", 1))
    n_vend, m_vend = fn(
        "The vendor cited confidentiality provisions in its master agreement. The Office of "
        "General Counsel has been asked to confirm whether the provisions permit disclosure to "
        "internal audit."
    )
    story += para_fn(
        "One vendor declined to provide its validation report for two sampled Tier 2 models before the end of "
        f"fieldwork.{m_vend} Our conclusions on those two models are therefore based on documents held by {ORG}. We did "
        "not re-perform statistical validation of any model; our testing was limited to whether the validation "
        "required by policy was carried out, documented and approved.",
        [n_vend],
    )


FINDINGS = [
    (
        "F1",
        "Clinical algorithm inventory is incomplete",
        "High",
        "Chief Medical Information Officer",
        "Add a mandatory algorithm-registration checkpoint to the Change Advisory Board, EHR build request and "
        "procurement intake processes; register the 17 unregistered algorithms and complete risk tiering; "
        "introduce an annual attestation by department chairs.",
        "31 August 2026",
    ),
    (
        "F2",
        "Local validation before go-live is missing or insufficient",
        "High",
        "Director of Clinical Informatics",
        "Complete local validation (or documented retrospective validation) for the 10 non-compliant sampled "
        "models, starting with the 4 Tier 1 models; extend the review to all Tier 1 and Tier 2 models in the "
        "register; make the CAOC go-live approval conditional on a signed validation report.",
        "30 September 2026",
    ),
    (
        "F3",
        "Performance and drift monitoring is not operating",
        "High",
        "Vice President, Data and Analytics",
        "Interim: manual monthly review of alert rates and override rates for all Tier 1 models, reported to "
        "the CAOC. Full: implement an automated monitoring platform with thresholds and escalation for all "
        "Tier 1 and Tier 2 models.",
        "Interim 31 May 2026; full 31 December 2026",
    ),
    (
        "F4",
        "Clinical Algorithm Oversight Committee is not operating as designed",
        "Medium",
        "Chief Medical Officer",
        "Refresh the CAOC Terms of Reference, including membership, deputies and the prohibition of approval "
        "by e-mail for Tier 1 and Tier 2 algorithms; restore monthly meetings; submit an annual report to the "
        "Quality and Safety Committee of the Board.",
        "30 June 2026",
    ),
    (
        "F5",
        "Subgroup (equity) performance analysis is rarely performed",
        "Medium",
        "Chief Health Equity Officer",
        "Issue a subgroup-analysis procedure and template; complete the analysis for all Tier 1 models; "
        "document a remediation plan for the calibration gap identified in the 30-day readmission risk model.",
        "31 December 2026",
    ),
    (
        "F6",
        "Vendor contracts lack algorithm-specific protections",
        "Medium",
        "Vice President, Supply Chain and Contracting",
        "Make the Algorithm Addendum mandatory in the contract approval workflow for all new and renewed "
        "agreements; prioritise renegotiation of the 8 contracts without update-notification clauses at "
        "their next renewal.",
        "30 November 2026",
    ),
    (
        "F7",
        "Change and access control for in-house models is weak",
        "Medium",
        "Chief Information Officer",
        "Remove standing production write access from data science accounts; route all model deployments, "
        "retraining and threshold changes through the Change Advisory Board; introduce a quarterly access "
        "review.",
        "31 August 2026",
    ),
    (
        "F8",
        "Model fact sheets are missing or out of date",
        "Low",
        "Chief Medical Information Officer",
        "Publish a current model fact sheet on the intranet for every Tier 1 and Tier 2 algorithm and link it "
        "from the alert or score display where the EHR permits.",
        "31 March 2027",
    ),
    (
        "F9",
        "Algorithm safety training completion is below target",
        "Low",
        "Chief Nursing Officer",
        "With the Director of Learning and Development, assign the module automatically at onboarding, send "
        "monthly completion reports to department heads and reach 90% completion.",
        "31 January 2027",
    ),
]


def findings_summary(story):
    """Section 3: the findings summary table (continued over a page with its header)."""
    # ======================================================================================
    # 3 FINDINGS SUMMARY TABLE
    # ======================================================================================
    story.append(PageBreak())
    story.append(heading("3. Summary of Findings and Agreed Actions", 0))
    story.append(
        Paragraph(
            "The table below summarises each finding, its risk rating, the accountable owner and the action agreed "
            "with management. Target dates are the dates by which Internal Audit expects evidence of implementation. "
            "Full details are in Section 4.",
            BODY,
        )
    )
    story.append(Spacer(1, 4))

    rows = [[H("No."), H("Finding"), H("Rating"), H("Owner (role)"), H("Agreed action"), H("Target date")]]
    extra = []
    for i, (no, title, rating, owner, action, date) in enumerate(FINDINGS, start=1):
        rows.append([P(f"<b>{no}</b>"), P(title), P(f"<b>{rating}</b>"), P(owner), P(action), P(date)])
        extra.append(("BACKGROUND", (2, i), (2, i), RATING_COL[rating]))
    ftab = grid_table(rows, [0.38 * inch, 1.3 * inch, 0.6 * inch, 1.08 * inch, 2.4 * inch, 0.94 * inch], extra=extra)
    story.append(ftab)
    story.append(Spacer(1, 6))
    story.append(
        Paragraph(
            "Internal Audit tracks all agreed actions in the GRC tool. Owners are asked to upload evidence of "
            "completion; an action is closed only when Internal Audit has validated that evidence.",
            BODY,
        )
    )

    # ======================================================================================
    # 4 DETAILED FINDINGS
    # ======================================================================================
    story.append(Spacer(1, 8))
    story.append(heading("4. Detailed Findings", 0))
