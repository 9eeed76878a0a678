"""The Larkmoor medical policy's cover block and Section I, the policy statement: the coverage
criteria of Parts A to C (`build_larkmoor.py`; Part D is in `larkmoor_prior_auth.py`). Everything
here is invented: plan, people, studies and codes."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from larkmoor_layout import (
    GRID,
    LIGHT,
    POLICY_NO,
    TEAL,
    TITLE,
    P,
    base,
    cell,
    h1,
    h2,
    h3,
    items,
    lvl2,
    note,
    small,
    tbl,
    title_st,
)
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Spacer, Table, TableStyle


def cover(story):
    """The title, the cover block table and the lines-of-business table."""
    # ---- cover block
    story.append(P("Medical Policy", ParagraphStyle("k", parent=base, fontName="DV-B", textColor=TEAL, fontSize=10)))
    story.append(P(TITLE, title_st))
    story.append(Spacer(1, 4))

    cover = [
        [
            P("<b>Policy Number</b>", cell),
            P(POLICY_NO, cell),
            P("<b>Policy Type</b>", cell),
            P("Medical / Utilization Management", cell),
        ],
        [
            P("<b>Effective Date</b>", cell),
            P("April 1, 2026", cell),
            P("<b>Original Effective Date</b>", cell),
            P("July 1, 2023", cell),
        ],
        [
            P("<b>Last Review Date</b>", cell),
            P("February 10, 2026", cell),
            P("<b>Next Review Date</b>", cell),
            P("February 2027", cell),
        ],
        [
            P("<b>Policy Owner</b>", cell),
            P("Clinical Policy &amp; Technology Assessment Committee (CPTAC)", cell),
            P("<b>Approved By</b>", cell),
            P("Renata Okafor-Lind, MD, Chief Medical Officer", cell),
        ],
        [
            P("<b>Category</b>", cell),
            P("Radiology; Cardiology; Ophthalmology; Utilization Management", cell),
            P("<b>Replaces</b>", cell),
            P("Version 2025.1 (effective 04/01/2025)", cell),
        ],
    ]
    t = Table(cover, colWidths=[1.25 * inch, 2.3 * inch, 1.45 * inch, 2.0 * inch])
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                ("BACKGROUND", (2, 0), (2, -1), LIGHT),
            ]
        )
    )
    story.append(t)
    story.append(Spacer(1, 8))

    story.append(P("<b>Applicable Lines of Business</b>", h3))
    checked = "\u2612"
    unchecked = "\u2610"
    lob = [
        ["Line of business", "Applies", "Notes"],
        ["Commercial \u2013 fully insured (HMO, PPO, EPO)", f"{checked}&nbsp;Yes", "All sections apply."],
        [
            "Commercial \u2013 self-funded (ASO)",
            f"{checked}&nbsp;Yes",
            "Applies unless the employer\u2019s summary plan description (SPD) provides otherwise; the SPD governs in a conflict.",
        ],
        ["Individual / Marketplace (on- and off-exchange)", f"{checked}&nbsp;Yes", "All sections apply."],
        [
            "Medicare Advantage (HMO, PPO, D-SNP)",
            f"{checked}&nbsp;Yes",
            "Applies together with Section I.D.2 (prohibited use 2) and Section I.D.5 (Medicare Advantage requirements). Where a National or "
            "Local Coverage Determination exists for a service, the NCD/LCD controls.",
        ],
        [
            "Medicaid managed care",
            f"{unchecked}&nbsp;No",
            "Does not apply. Medicaid members are governed by the state Medicaid agency\u2019s coverage rules and Larkmoor "
            "Medicaid Policy MCD-77.",
        ],
    ]
    story.append(tbl(lob, [2.45 * inch, 0.8 * inch, 3.75 * inch]))
    story.append(Spacer(1, 8))


def contents(story, tocp):
    """The contents table (page numbers from `tocp`, "?" on the first pass) and related policies."""
    story.append(P("<b>Contents</b>", h3))
    toc = [
        ["I.", "Policy Statement (Parts A\u2013D)", tocp.get("I", "?")],
        ["II.", "Documentation Requirements", tocp.get("II", "?")],
        ["III.", "Coding Information", tocp.get("III", "?")],
        ["IV.", "Definitions", tocp.get("IV", "?")],
        ["V.", "Background and Rationale", tocp.get("V", "?")],
        ["VI.", "References", tocp.get("VI", "?")],
        ["VII.", "Policy History", tocp.get("VII", "?")],
    ]
    tt = Table(
        [[P(a, cell), P(b, cell), P(c, cell)] for a, b, c in toc], colWidths=[0.4 * inch, 5.6 * inch, 1.0 * inch]
    )
    tt.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    story.append(tt)
    story.append(Spacer(1, 6))
    story.append(
        P(
            "<b>Related policies:</b> MP-CV-0112 Cardiac Computed Tomography; MP-OP-0208 Diabetic Eye Examinations; "
            "UM-0031 Utilization Management Program Description; UM-0044 Delegated Utilization Management Oversight; "
            "MCD-77 Medicaid Emerging Technology Coverage.",
            small,
        )
    )


def part_a(story):
    """Section I opening and Part A, the general criteria."""
    # ---- I. Policy statement
    story.append(P("I. POLICY STATEMENT", h1))
    story.append(
        P(
            "This policy has two distinct purposes. Parts A through C describe when Larkmoor Health Plan "
            "(\u201cLarkmoor\u201d) covers diagnostic services in which an artificial intelligence (AI) or "
            "machine-learning software function analyzes member data. Part D describes the rules that govern "
            "Larkmoor\u2019s own use of algorithms when it processes prior authorization requests. Coverage is "
            "subject to the terms, conditions and limitations of the member\u2019s benefit plan."
        )
    )

    story.append(P("Part A. AI-Assisted Diagnostic Services \u2013 General Criteria", h2))
    story.append(
        P(
            "Larkmoor considers an AI-assisted diagnostic service <b>medically necessary</b> when <b>ALL</b> of the "
            "following criteria are met:"
        )
    )
    story += items(
        [
            (
                "1.",
                "The software function has U.S. Food and Drug Administration (FDA) marketing authorization "
                "(510(k) clearance, De Novo classification, or premarket approval) for the specific clinical indication "
                "for which it is used; <b>and</b>",
            ),
            (
                "2.",
                "The service is used within its authorized (labeled) indication, including <b>all</b> of the following:",
            ),
        ]
    )
    story += items(
        [
            (
                "a.",
                "the member\u2019s age and clinical condition fall within the intended-use population stated in the labeling;",
            ),
            (
                "b.",
                "the input data (images, waveforms or specimens) were acquired on equipment and with acquisition protocols "
                "listed as compatible in the labeling; and",
            ),
            (
                "c.",
                "the algorithm version in use is the authorized version, or a later version implemented under an "
                "FDA-authorized predetermined change control plan (PCCP); <b>and</b>",
            ),
        ],
        lvl2,
    )
    story += items(
        [
            (
                "3.",
                "A licensed clinician qualified to interpret the underlying study reviews the AI output and signs the final "
                "report (\u201chuman-in-the-loop\u201d review). This criterion does not apply to the autonomous service "
                "described in Part B.1; <b>and</b>",
            ),
            (
                "4.",
                "The result is expected to directly inform the management of the individual member, meaning it will be "
                "used to do at least one of the following:",
            ),
        ]
    )
    story += items(
        [
            ("a.", "determine the need for, or avoid, further diagnostic testing;"),
            ("b.", "select, start, intensify or stop a treatment; or"),
            ("c.", "establish or forgo a specialist referral; <b>and</b>"),
        ],
        lvl2,
    )
    story += items(
        [
            (
                "5.",
                "Peer-reviewed evidence demonstrates clinical performance in a population independent of the development "
                "data: at least one external validation study enrolling <b>300 or more patients</b> reports sensitivity "
                "<b>and</b> specificity each of <b>85% or higher</b> for the target condition (or, where sensitivity and "
                "specificity are not reported, an area under the receiver operating characteristic curve (AUC) of "
                "0.85 or higher).",
            ),
        ]
    )
    story.append(
        P(
            "AI-assisted services that do not meet all five criteria are considered <b>investigational</b> unless "
            "addressed by a service-specific criterion in Part B.",
            note,
        )
    )


def part_b(story):
    """Part B, the service-specific criteria (B.1 to B.4)."""
    story.append(P("Part B. Service-Specific Criteria", h2))
    story.append(P("B.1 Autonomous AI diabetic retinopathy examination", h3))
    story.append(
        P(
            "A point-of-care autonomous AI examination for diabetic retinopathy (DR) is <b>medically necessary</b> "
            "when <b>ALL</b> of the following are met:"
        )
    )
    story += items(
        [
            ("1.", "The member has a documented diagnosis of type 1, type 2 or other specified diabetes mellitus;"),
            ("2.", "The member is 18 years of age or older <b>and</b> within the age range in the device labeling;"),
            (
                "3.",
                "The member has no prior diagnosis of diabetic retinopathy or diabetic macular edema and has not received "
                "retinal laser treatment or intravitreal injection;",
            ),
            (
                "4.",
                "No more than one examination is performed per 12-month period. <i>Exception:</i> when the device returns an "
                "\u201cinsufficient image quality\u201d result, one repeat examination within 30 days is covered; and",
            ),
            (
                "5.",
                "The ordering practice has a documented process to refer members with a \u201cmore-than-mild DR "
                "detected\u201d result to an eye care professional, and the referral is placed within 60 days of the "
                "result.",
            ),
        ]
    )
    story.append(
        P(
            "Because the device issues a diagnostic result without clinician interpretation, criterion A.3 does "
            "not apply; the ordering clinician remains responsible for acting on the result. An autonomous DR "
            "examination does not satisfy, and is not billed in addition to, a dilated eye examination by an eye "
            "care professional on the same date of service."
        )
    )

    story.append(P("B.2 AI-based quantitative coronary plaque analysis (AI-QCT)", h3))
    story.append(
        P(
            "AI-based quantification and characterization of coronary atherosclerotic plaque from an existing coronary "
            "computed tomography angiography (CCTA) dataset is <b>medically necessary</b> when <b>ALL</b> of the "
            "following are met:"
        )
    )
    story += items(
        [
            (
                "1.",
                "The member has stable chest pain or an anginal equivalent and no known coronary artery disease (no prior "
                "myocardial infarction, percutaneous coronary intervention or coronary artery bypass grafting);",
            ),
            (
                "2.",
                "The CCTA was performed within the previous 90 days on a scanner with at least 64 detector rows, with "
                "reconstructed slice thickness of 0.625 mm or less;",
            ),
            ("3.", "The CCTA shows at least one stenosis of 25% to 69% (non-obstructive to moderate disease); and"),
            (
                "4.",
                "The ordering clinician documents that the result will be used to decide the intensity of preventive "
                "therapy (for example, statin or antiplatelet therapy).",
            ),
        ]
    )
    story.append(
        P(
            "AI-QCT is limited to one analysis per CCTA dataset. AI-QCT for members with stenosis of 70% or greater, "
            "for screening of asymptomatic members, or for serial monitoring of plaque progression is "
            "<b>not medically necessary</b>. Prior authorization is required."
        )
    )


def part_b_ffr(story):
    """Part B, continued: B.3 FFR-CT and B.4 computer-aided detection."""
    story.append(P("B.3 AI-derived fractional flow reserve from coronary CT (FFR-CT)", h3))
    story.append(P("FFR-CT is <b>medically necessary</b> when <b>ALL</b> of the following are met:"))
    story += items(
        [
            ("1.", "The member has stable chest pain with suspected or known coronary artery disease;"),
            ("2.", "The CCTA demonstrates a stenosis of 40% to 90% in a coronary vessel of 2.0 mm diameter or larger;"),
            (
                "3.",
                "The member is a candidate for revascularization if hemodynamically significant disease is found; and",
            ),
            ("4.", "The CCTA image quality is rated diagnostic by the interpreting physician."),
        ]
    )
    story.append(P("FFR-CT is <b>not medically necessary</b> in any of the following circumstances:"))
    story += items(
        [
            ("a.", "prior coronary artery bypass grafting;"),
            ("b.", "a coronary stent in the vessel being evaluated;"),
            ("c.", "suspected or confirmed acute coronary syndrome;"),
            ("d.", "history of heart transplantation; or"),
            ("e.", "a CCTA rated non-diagnostic, including severe motion or blooming artifact."),
        ],
        lvl2,
    )
    story.append(
        P(
            "AI-QCT (B.2) and FFR-CT (B.3) may both be reported on the same CCTA dataset only when the criteria for "
            "each service are independently met. Prior authorization is required."
        )
    )

    story.append(P("B.4 Computer-aided detection (CADe) bundled with the primary service", h3))
    story.append(
        P(
            "AI-based computer-aided detection or triage used during screening or diagnostic mammography, digital "
            "breast tomosynthesis, or colonoscopy (polyp detection) is considered an integral part of the primary "
            "procedure. It is covered when the primary procedure is covered but is <b>not separately "
            "reimbursable</b>. Separately reported CADe codes are denied as incidental to the primary procedure, "
            "and the member may not be billed for the denied line."
        )
    )


def part_c(story):
    """Part C, investigational and not medically necessary services."""
    story.append(P("Part C. Investigational and Not Medically Necessary Services", h2))
    story.append(
        P(
            "Larkmoor considers the following <b>investigational and not medically necessary</b> because the "
            "evidence is insufficient to establish improvement in net health outcomes:"
        )
    )
    story += items(
        [
            (
                "1.",
                "AI-enhanced electrocardiogram (ECG) analysis to detect left ventricular systolic dysfunction, or to predict "
                "future atrial fibrillation, in members without symptoms;",
            ),
            (
                "2.",
                "Consumer-facing smartphone or web applications that classify the risk of skin lesions, including melanoma;",
            ),
            (
                "3.",
                "AI-based grading or quantification of prostate biopsy or other digital pathology slides when reported "
                "separately from the pathologist\u2019s interpretation;",
            ),
            ("4.", "Voice or speech biomarker analysis for depression, cognitive impairment or Parkinson disease;"),
            (
                "5.",
                "AI analysis of retinal images to estimate cardiovascular risk, anemia, chronic kidney disease or "
                "neurodegenerative disease (\u201coculomics\u201d);",
            ),
            (
                "6.",
                "Large language model\u2013generated clinical summaries, differential diagnoses or interpretations reported "
                "as a distinct diagnostic service;",
            ),
            (
                "7.",
                "Any AI-assisted service used outside its FDA-authorized indication, or any version of an algorithm that "
                "has been modified or retrained locally without FDA authorization; and",
            ),
            (
                "8.",
                "Any AI-assisted service that fails one or more of the general criteria in Part A and is not addressed "
                "in Part B.",
            ),
        ]
    )
    story.append(
        P(
            "The following are <b>not separately reimbursable</b> because they are included in facility or "
            "professional payment for the underlying service: AI-derived early-warning scores for sepsis or "
            "clinical deterioration in inpatient or emergency settings; AI readmission-risk scores; AI-assisted "
            "worklist prioritization in radiology; and ambient AI clinical documentation."
        )
    )
