"""The Larkmoor medical policy's Sections II to VII (`build_larkmoor.py`): documentation
requirements, coding tables, definitions, background and rationale, references and policy history.
Everything here is invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from larkmoor_layout import P, cap, cell, h1, h2, h3, ref, tbl
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Spacer, Table, TableStyle


def documentation(story):
    """Section II, documentation requirements."""
    # ---- II. Documentation
    story.append(P("II. DOCUMENTATION REQUIREMENTS", h1))
    story.append(
        P(
            "The medical record must support each AI-assisted diagnostic service billed to Larkmoor. The following "
            "elements are required; records lacking a required element may be denied on prepayment review or "
            "recovered on post-payment review."
        )
    )
    doc = [
        ["#", "Required element", "Applies to"],
        ["1", "Name of the AI product, manufacturer, and software version number", "All AI-assisted services"],
        [
            "2",
            "FDA authorization type and number (for example, a 510(k) number beginning with \u201cK\u201d, a De Novo "
            "number beginning with \u201cDEN\u201d, or a PMA number beginning with \u201cP\u201d)",
            "All AI-assisted services",
        ],
        [
            "3",
            "Clinical indication and pertinent history (type of diabetes; chest pain characterization and pretest "
            "probability of coronary artery disease)",
            "All AI-assisted services",
        ],
        [
            "4",
            "The AI output report as generated, including any image-quality or insufficiency flag",
            "All AI-assisted services",
        ],
        [
            "5",
            "Dated attestation that the interpreting clinician reviewed the AI output",
            "All except autonomous DR (B.1)",
        ],
        [
            "6",
            "CCTA report stating the maximal stenosis percentage and diameter of the evaluated vessel, and the image "
            "quality rating",
            "AI-QCT (B.2) and FFR-CT (B.3)",
        ],
        [
            "7",
            "For a \u201cmore-than-mild DR detected\u201d result: the referral order to an eye care professional and its "
            "date",
            "Autonomous DR (B.1)",
        ],
        [
            "8",
            "Statement of how the result will be used in management (Part A, criterion 4)",
            "All AI-assisted services",
        ],
    ]
    story.append(tbl(doc, [0.3 * inch, 4.7 * inch, 2.0 * inch]))
    story.append(Spacer(1, 5))
    story.append(
        P(
            "<b>Record retention.</b> Records supporting AI-assisted services, including the AI output report, must "
            "be retained for at least 10 years from the date of service for Medicare Advantage members and at least "
            "7 years from the date of service for all other members, or longer if required by the provider\u2019s "
            "participation agreement."
        )
    )
    story.append(
        P(
            "<b>Submission on request.</b> When Larkmoor requests records for post-payment review, the provider must "
            "submit them through the provider portal within 30 calendar days of the request. If records are not "
            "received, Larkmoor may recoup payment for the service after one written reminder."
        )
    )
    story.append(
        P(
            "<b>Claim reporting.</b> Report the software version in the line-level claim note. For AI-QCT and FFR-CT, "
            "report the prior authorization number on the claim. Only one unit of each AI code may be reported per "
            "CCTA dataset or per retinal imaging session."
        )
    )


def coding(story):
    """Section III, coding information: procedure and diagnosis code tables."""
    # ---- III. Coding
    story.append(CondPageBreak(2.5 * inch))
    story.append(P("III. CODING INFORMATION", h1))
    story.append(
        P(
            "Listing of a code in this policy does not imply coverage. Codes are subject to the member\u2019s "
            "benefits and the criteria in Section I. <i>All procedure codes below are fictional placeholder codes "
            "used for illustration in Larkmoor policy examples; they are not AMA CPT\u00ae or CMS HCPCS codes.</i>"
        )
    )
    story.append(P("Table 3-1. Procedure codes", cap))
    codes = [
        ["Code", "Description", "Coverage status", "Prior auth"],
        [
            "0XX1T",
            "Autonomous AI retinal imaging analysis for diabetic retinopathy, point-of-care, bilateral, with "
            "automated report",
            "Medically necessary when B.1 criteria met",
            "No",
        ],
        [
            "0XX2T",
            "AI-assisted retinal image analysis for diabetic retinopathy with interpretation and report by a "
            "qualified clinician",
            "Medically necessary when Part A criteria met",
            "No",
        ],
        [
            "0XX3T",
            "AI-based quantitative coronary plaque analysis (AI-QCT); data preparation and transmission",
            "Medically necessary when B.2 criteria met",
            "Yes",
        ],
        [
            "0XX4T",
            "AI-QCT; review, interpretation and report by a physician",
            "Medically necessary when B.2 criteria met",
            "Yes",
        ],
        [
            "0XX5T",
            "Fractional flow reserve derived from coronary CT angiography (FFR-CT), AI-based; data preparation, "
            "analysis and report",
            "Medically necessary when B.3 criteria met",
            "Yes",
        ],
        [
            "0XX6T",
            "AI-enhanced ECG analysis for detection of left ventricular systolic dysfunction",
            "Investigational (C.1)",
            "N/A",
        ],
        [
            "0XX7T",
            "Computer-aided detection, screening mammography or tomosynthesis, AI-based (add-on)",
            "Not separately reimbursable (B.4)",
            "N/A",
        ],
        [
            "0XX8T",
            "Computer-aided polyp detection during colonoscopy, AI-based (add-on)",
            "Not separately reimbursable (B.4)",
            "N/A",
        ],
        [
            "0XX9T",
            "AI-based grading of prostate biopsy digital pathology slides, reported separately",
            "Investigational (C.3)",
            "N/A",
        ],
        ["0XY0T", "Voice or speech biomarker analysis, AI-based, with report", "Investigational (C.4)", "N/A"],
        [
            "0XY1T",
            "AI analysis of retinal images for systemic disease risk (oculomics)",
            "Investigational (C.5)",
            "N/A",
        ],
        ["0XY2T", "AI-enhanced ECG analysis for prediction of atrial fibrillation", "Investigational (C.1)", "N/A"],
        [
            "Q9X71",
            "AI software analysis, per study, not otherwise classified",
            "Individual consideration; reviewed against Part A",
            "Yes",
        ],
        [
            "Q9X72",
            "AI-derived early-warning or readmission risk score, per encounter",
            "Not separately reimbursable",
            "N/A",
        ],
    ]
    story.append(tbl(codes, [0.65 * inch, 3.45 * inch, 2.15 * inch, 0.75 * inch]))
    story.append(Spacer(1, 6))


def diagnosis_codes(story):
    """Section III, continued: the ICD-10-CM table and coding notes."""
    story.append(P("Table 3-2. Diagnosis codes supporting medical necessity (ICD-10-CM)", cap))
    story.append(
        P(
            "For B.1 (autonomous DR): the diabetes codes below. For B.2 and B.3: the chest pain and angina codes "
            "below. Diagnosis codes for diabetic retinopathy or macular edema on the same claim as 0XX1T indicate that "
            "criterion B.1.3 is not met."
        )
    )
    icd = [
        ["ICD-10-CM", "Description", "Supports"],
        ["E10.9", "Type 1 diabetes mellitus without complications", "0XX1T, 0XX2T"],
        ["E11.9", "Type 2 diabetes mellitus without complications", "0XX1T, 0XX2T"],
        ["E11.65", "Type 2 diabetes mellitus with hyperglycemia", "0XX1T, 0XX2T"],
        ["E13.9", "Other specified diabetes mellitus without complications", "0XX1T, 0XX2T"],
        ["I20.9", "Angina pectoris, unspecified", "0XX3T, 0XX4T, 0XX5T"],
        ["R07.89", "Other chest pain", "0XX3T, 0XX4T, 0XX5T"],
        ["R07.9", "Chest pain, unspecified", "0XX3T, 0XX4T, 0XX5T"],
    ]
    story.append(tbl(icd, [1.0 * inch, 4.0 * inch, 2.0 * inch]))


def definitions(story):
    """Section IV, the definitions table."""
    # ---- IV. Definitions
    story.append(P("IV. DEFINITIONS", h1))
    defs = [
        (
            "Adaptive algorithm",
            "An algorithm whose parameters change after deployment as it receives new data. Larkmoor "
            "does not cover services that rely on an adaptive algorithm unless the changes occur under an FDA-authorized PCCP.",
        ),
        (
            "Assistive AI",
            "Software that produces an output (a mark, score or measurement) for a clinician, who makes the "
            "diagnosis and signs the report.",
        ),
        (
            "Autonomous AI",
            "Software that produces a diagnostic result without clinician interpretation of the input data. "
            "Under this policy, only the service in Part B.1 is covered as autonomous AI.",
        ),
        (
            "Clinical peer reviewer",
            "A physician or other appropriate health care professional who holds an active, "
            "unrestricted license and has expertise in the field of medicine appropriate to the service under review.",
        ),
        (
            "Confidence score",
            "A number from 0 to 1 produced by a UM algorithm, representing the estimated probability that a "
            "request meets the applicable clinical criteria.",
        ),
        (
            "Hard criterion",
            "A criterion in a clinical guideline that must be met for approval and can be evaluated as true "
            "or false (for example, age, a documented diagnosis, or a prior test result).",
        ),
        (
            "Locked algorithm",
            "An algorithm that produces the same output each time the same input is applied and does not "
            "change with use.",
        ),
        (
            "Material model change",
            "Any change to a UM algorithm\u2019s input variables, training data, decision threshold or "
            "intended use, or any retraining, that could alter which requests are auto-approved or routed.",
        ),
        (
            "UM algorithm",
            "Any rule engine, statistical model or machine-learning model used in utilization management, as "
            "described in Part D.1.",
        ),
    ]
    story.append(tbl([["Term", "Meaning"]] + [[f"<b>{a}</b>", b] for a, b in defs], [1.6 * inch, 5.4 * inch]))


def background(story):
    """Section V, background and rationale."""
    # ---- V. Background
    story.append(P("V. BACKGROUND AND RATIONALE", h1))
    story.append(P("Summary of evidence", h2))
    story.append(
        P(
            "CPTAC reviewed the published literature through December 31, 2025, using a structured search of "
            "biomedical databases and technology assessment sources. Evidence was rated on a four-level scale "
            "(High, Moderate, Low, Insufficient). The summaries below describe the evidence that supports each "
            "coverage position."
        )
    )
    story.append(P("Autonomous diabetic retinopathy examination", h3))
    story.append(
        P(
            "Fewer than two-thirds of adults with diabetes in Larkmoor\u2019s commercial population completed a "
            "retinal examination in 2024 (internal HEDIS-style measurement: 61%). In a prospective multicenter "
            "study of 1,142 participants at 14 primary care sites, an autonomous system detected more-than-mild DR "
            "with sensitivity of 88.4% and specificity of 91.2% against a reading-center reference standard [1]. A "
            "pragmatic cluster-randomized trial in 22 community clinics found that point-of-care testing increased "
            "completion of diabetic eye screening from 49% to 78% within 12 months, with no increase in missed "
            "referable disease [2]. A cost analysis estimated a lower cost per completed examination than referral "
            "to an eye care professional when adherence to referral is below 70% [3]. <b>Evidence rating: "
            "Moderate.</b>"
        )
    )
    story.append(P("AI-based quantitative coronary plaque analysis", h3))
    story.append(
        P(
            "Earlier versions of this policy considered AI-QCT investigational. Two studies published in 2024 "
            "changed that position. A multicenter cohort of 2,380 symptomatic patients with non-obstructive disease "
            "found that AI-measured non-calcified plaque volume predicted major adverse cardiac events over a median "
            "of 3.4 years independently of stenosis severity [4]. A randomized trial of 1,015 patients found that "
            "reporting AI-QCT results led to more frequent initiation of high-intensity statin therapy (58% vs. 41%) "
            "without increasing invasive angiography [5]. Agreement between AI-QCT and intravascular ultrasound "
            "plaque volume was high in a validation series of 412 vessels [6]. Evidence of a direct improvement in "
            "hard outcomes is still limited, which is why coverage is confined to members with 25% to 69% "
            "stenosis whose management may change. <b>Evidence rating: Low to Moderate.</b>"
        )
    )
    story.append(P("FFR-CT", h3))
    story.append(
        P(
            "In diagnostic accuracy studies using invasive fractional flow reserve as the reference, AI-derived "
            "FFR-CT improved specificity over CCTA alone for lesion-specific ischemia [7]. A registry of 5,060 "
            "patients reported a 29% lower rate of invasive angiography without obstructive disease when FFR-CT "
            "guided referral [8]. Performance is lower in small vessels and in the presence of stents, grafts or "
            "heavy calcification, which supports the vessel-size criterion and the exclusions in B.3 [7, 9]. "
            "<b>Evidence rating: Moderate.</b>"
        )
    )
    story.append(P("Services considered investigational", h3))
    story.append(
        P(
            "AI-enhanced ECG screening for low ejection fraction improved detection in a pragmatic trial, but the "
            "absolute difference in new diagnoses was small (2.1% vs. 1.6%) and no effect on outcomes has been shown "
            "[10]. Consumer skin-lesion applications showed wide variation in sensitivity across studies, with poor "
            "performance on darker skin types [11]. Voice biomarker and oculomics studies are largely "
            "retrospective and single-site, with no external validation meeting criterion A.5 [12]. "
            "<b>Evidence rating: Insufficient.</b>"
        )
    )
    story.append(P("Rationale for Part D (algorithm-based prior authorization)", h2))
    story.append(
        P(
            "Larkmoor uses UM algorithms to reduce administrative burden and speed approval of routine requests. In "
            "calendar year 2025, algorithm-assisted review was in use for 11 service categories. Published analyses of "
            "automated utilization review describe risks of systematic error, opacity to providers and members, and "
            "disparate impact on groups under-represented in training data [13]. Part D therefore allows an "
            "algorithm to approve but never to deny, requires pre-deployment validation and continuing monitoring, "
            "and provides for transparency to members and providers. The governance structure in D.6 is organized "
            "around the functions (Govern, Map, Measure, Manage) of the NIST AI Risk Management Framework (AI RMF "
            "1.0) [14]. For Medicare Advantage, Part D reflects the requirement that medical necessity "
            "determinations be based on the individual member\u2019s circumstances rather than solely on an "
            "algorithm or software tool [15], and the prior authorization decision timeframes that apply to "
            "impacted payers beginning in 2026 [16]."
        )
    )
    story.append(P("Regulatory status", h2))
    story.append(
        P(
            "FDA authorizes AI-enabled software functions that meet the definition of a medical device through the "
            "510(k), De Novo and premarket approval pathways. FDA authorization establishes that a device is "
            "reasonably safe and effective for its intended use but does not by itself establish that the device "
            "improves health outcomes; Larkmoor therefore applies criteria A.4 and A.5 in addition to criterion A.1. "
            "Products that are not regulated as devices (for example, certain clinical decision support software) "
            "do not meet criterion A.1 and are addressed in Part C."
        )
    )


def references(story):
    """Section VI, the numbered reference list."""
    # ---- VI. References
    story.append(P("VI. REFERENCES", h1))
    refs = [
        "Halvorsen JT, Mbeki-Rowe A, Castellano P, et al. Prospective multicenter evaluation of an autonomous diabetic "
        "retinopathy system in primary care. <i>J Clin Algorithm Eval</i>. 2022;9(2):101-112.",
        "Quintero-Hale S, Wexford D, Patel-Ng R. Point-of-care autonomous retinal screening and eye exam completion: a "
        "cluster-randomized trial. <i>Prim Care Outcomes Rev</i>. 2023;17(4):233-245.",
        "Ashgrove Technology Assessment Group. Cost per completed diabetic eye examination under three screening "
        "strategies. Technology Brief 23-07. 2023.",
        "Lindqvist M, Oduya F, Brenner K, et al. AI-quantified non-calcified plaque and cardiac events in non-obstructive "
        "coronary disease. <i>Cardiovasc Imaging Horizons</i>. 2024;12(1):44-57.",
        "Teague RA, Moreau C, Villanueva J, et al. Reporting AI plaque quantification and preventive therapy: the "
        "PLAQUE-ACT randomized trial. <i>J Prev Cardiol Pract</i>. 2024;6(3):190-201.",
        "Haddad N, Ostrowski L. Agreement of AI-QCT with intravascular ultrasound: a 412-vessel validation. "
        "<i>Cardiovasc Imaging Horizons</i>. 2023;11(6):512-520.",
        "Brightwater Evidence Center. AI-derived fractional flow reserve from CT: systematic review update. Report "
        "BEC-2025-14. 2025.",
        "Okonkwo A, Sato H, Delacroix E, et al. FFR-CT guided referral and invasive angiography yield: results of a "
        "5,060-patient registry. <i>Interv Cardiol Practice</i>. 2023;15(2):77-86.",
        "Farrow G, Idris M. Performance of CT-derived FFR in small and stented vessels. <i>J Cardiac CT Methods</i>. "
        "2022;4(1):12-19.",
        "Rasmussen-Cole T, Abara E, Whitfield N, et al. AI-enhanced ECG screening for low ejection fraction in primary "
        "care: a pragmatic trial. <i>Prim Care Outcomes Rev</i>. 2023;17(1):9-21.",
        "Delgado-Byrne M, Achebe K. Consumer skin-lesion applications: a systematic review of diagnostic accuracy. "
        "<i>Dermatol Digit Health</i>. 2024;3(2):66-79.",
        "Ashgrove Technology Assessment Group. Emerging AI biomarkers (voice, retinal systemic risk): horizon scan. "
        "Technology Brief 25-02. 2025.",
        "Whitcombe L, Farah S. Automated utilization review: error, opacity and equity. <i>Health Policy Methods Q</i>. "
        "2024;8(3):301-318.",
        "National Institute of Standards and Technology. Artificial Intelligence Risk Management Framework (AI RMF 1.0). "
        "NIST AI 100-1. January 2023.",
        "Centers for Medicare &amp; Medicaid Services. Contract Year 2024 Policy and Technical Changes to the Medicare "
        "Advantage Program (CMS-4201-F). Final rule. April 2023.",
        "Centers for Medicare &amp; Medicaid Services. Interoperability and Prior Authorization Final Rule (CMS-0057-F). "
        "January 2024.",
    ]
    for i, r in enumerate(refs, 1):
        story.append(P(f"{i}.&nbsp;&nbsp;{r}", ref))


def history(story):
    """Section VII, policy history and the approval block."""
    # ---- VII. Policy history
    story.append(P("VII. POLICY HISTORY", h1))
    hist = [
        ["Date", "Action", "Description"],
        [
            "07/01/2023",
            "New policy",
            "Approved by CPTAC 05/09/2023. Autonomous DR examination and FFR-CT covered with criteria; "
            "AI-QCT and AI-enhanced ECG investigational. Applied to Commercial, Individual, Medicare Advantage and Medicaid.",
        ],
        [
            "01/01/2024",
            "Revision",
            "Part D (Algorithm-Based Prior Authorization) added, including the prohibition on "
            "algorithm-issued denials and the Medicare Advantage requirements. Initial auto-approval threshold set at 0.90.",
        ],
        [
            "04/01/2024",
            "Annual review",
            "Clear Path provider exemption program introduced with an approval-rate threshold "
            "of 95% and a minimum of 25 requests. B.4 added: CADe for mammography and colonoscopy not separately reimbursable.",
        ],
        [
            "04/01/2025",
            "Annual review",
            "AI-QCT changed from investigational to medically necessary with criteria (B.2). "
            "Auto-approval threshold raised from 0.90 to 0.93. Annual disparate impact audit added to D.6.",
        ],
        [
            "10/01/2025",
            "Interim revision",
            "Delegated vendor notice period for material model changes extended from 30 to 45 "
            "days. Coding table updated (Q9X72 added).",
        ],
        [
            "04/01/2026",
            "Annual review",
            "Reviewed by CPTAC 02/10/2026. Clear Path approval-rate threshold lowered from 95% to "
            "93% and minimum volume raised from 25 to 30 requests. Oculomics and large language model\u2013generated "
            "interpretations added to Part C. Medicare Advantage standard decision timeframe changed from 14 to 7 calendar "
            "days. Medicaid removed from applicable lines of business (now addressed in MCD-77).",
        ],
    ]
    story.append(tbl(hist, [0.85 * inch, 1.1 * inch, 5.05 * inch]))
    story.append(Spacer(1, 10))
    story.append(P("<b>Policy approval</b>", h3))
    sig = Table(
        [
            [
                P("Renata Okafor-Lind, MD<br/>Chief Medical Officer<br/>Approved: 02/10/2026", cell),
                P(
                    "Marcus Ebbesen, MD, MPH<br/>Chair, Clinical Policy &amp; Technology Assessment Committee<br/>"
                    "Reviewed: 02/10/2026",
                    cell,
                ),
            ]
        ],
        colWidths=[3.5 * inch, 3.5 * inch],
    )
    sig.setStyle(
        TableStyle(
            [
                ("LINEABOVE", (0, 0), (0, 0), 0.6, colors.black),
                ("LINEABOVE", (1, 0), (1, 0), 0.6, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story.append(Spacer(1, 18))
    story.append(sig)
