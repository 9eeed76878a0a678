"""The texts of the fpdf2 genre documents (evals/genres/build_fpdf.py): our own words about
fictional organisations."""

BYLAWS_HEADER = "Harbourview Community Hospital \u2014 Credentials Committee Bylaws"

BYLAWS_FOOTER = "Adopted by the Medical Executive Committee, 12 January 2026  |  Page {page} of {pages}"

BYLAWS = [
    ("h", "ARTICLE I. PURPOSE AND AUTHORITY"),
    (
        "p",
        "These bylaws govern the Credentials Committee of the Medical Staff of Harbourview Community "
        "Hospital. The Committee evaluates the qualifications of every applicant for appointment, "
        "reappointment and clinical privileges, and makes a written recommendation to the Medical "
        "Executive Committee, which forwards its own recommendation to the Board of Directors.[^The "
        "Board of Directors retains final authority over every appointment and every grant of privileges.] "
        "No practitioner may exercise clinical privileges at the hospital until the Board has acted.",
    ),
    ("h", "ARTICLE II. COMPOSITION"),
    (
        "p",
        "Section 2.1 Membership. The Committee consists of seven voting members of the active "
        "medical staff, appointed by the Chief of Staff for staggered terms of three years, and no "
        "member may serve more than two consecutive terms. At least one member shall be drawn from "
        "each of the departments of Medicine, Surgery, Obstetrics and Emergency Medicine. The Director "
        "of Medical Staff Services and the Chief Nursing Officer attend as non-voting members.",
    ),
    (
        "p",
        "Section 2.2 Chair. The Chief of Staff designates the Chair from among the voting members. "
        "The Chair sets the agenda, signs the Committee's recommendations and reports to the Medical "
        "Executive Committee at each of its regular meetings.",
    ),
    (
        "p",
        "Section 2.3 Quorum. A quorum is four voting members, present in person or by secure video "
        "conference. Recommendations are adopted by a majority of the voting members present.",
    ),
    ("h", "ARTICLE III. MEETINGS AND CONFLICTS OF INTEREST"),
    (
        "p",
        "Section 3.1 Meetings. The Committee meets monthly, and at the call of the Chair whenever an "
        "application cannot wait for the next regular meeting. Minutes record the members present, "
        "each application considered and the reasons for every adverse recommendation.",
    ),
    (
        "p",
        "Section 3.2 Conflicts of interest. A member who is a partner, relative, direct competitor or "
        "financial associate of an applicant shall disclose the relationship before the application is "
        "discussed, shall leave the room during the discussion, and shall not vote on it.[^A conflict "
        "that is disclosed late does not void the recommendation, but the Chair refers it to the "
        "Medical Executive Committee for review.] The minutes record each disclosure and the member's "
        "withdrawal.",
    ),
    ("h", "ARTICLE IV. EVALUATION OF APPLICATIONS"),
    (
        "p",
        "Section 4.1 Complete application. An application is complete when the applicant has "
        "supplied every document on the checklist and Medical Staff Services has received primary "
        "source verification of licensure, board certification, professional liability coverage and "
        "the results of a query to the national practitioner data bank. The Committee does not "
        "consider an incomplete application, and an application that remains incomplete for ninety "
        "(90) days is deemed withdrawn.",
    ),
    (
        "p",
        "Section 4.2 Criteria. The Committee bases its recommendation on current licensure, relevant "
        "training and experience, demonstrated clinical competence, the ability to perform the "
        "privileges requested with or without reasonable accommodation, adherence to the ethics of the "
        "profession, and the peer references received. Peer references shall come from at least three "
        "practitioners in the same specialty who have observed the applicant's practice during the "
        "preceding twenty-four months.[^References from a partner or relative of the applicant are not "
        "counted toward the three required references.]",
    ),
    (
        "p",
        "Section 4.3 Timeliness. The Committee acts on a complete application within sixty (60) "
        "days of the date Medical Staff Services confirms it is complete. When the Committee needs "
        "further information it may defer its recommendation once, for no longer than thirty (30) "
        "days, and it notifies the applicant in writing of the information required.",
    ),
    (
        "p",
        "Section 4.4 Burden of proof. The applicant bears the burden of producing adequate "
        "information for a proper evaluation of competence, character, ethics and other qualifications, "
        "and of resolving any doubts about those qualifications. Failure to respond to a written "
        "request for information within fifteen (15) days stops the processing of the application.",
    ),
    ("h", "ARTICLE V. FOCUSED PROFESSIONAL PRACTICE EVALUATION"),
    (
        "p",
        "Section 5.1 Newly granted privileges. Every practitioner granted new privileges undergoes a "
        "focused professional practice evaluation. The department chair assigns a proctor, who reviews "
        "at least five cases, or every case if fewer than five are performed, within the first six "
        "months of practice. The proctor's findings are reported to the Committee, which may extend "
        "the evaluation once by a further three months.",
    ),
    (
        "p",
        "Section 5.2 Evaluation for cause. The Committee may require a focused evaluation of any "
        "practitioner when a pattern of outcomes, complaints or reviews raises a concern about "
        "clinical performance. Such an evaluation is a quality activity and is not a restriction of "
        "privileges, and it is not reportable to any external body.",
    ),
    ("scan", "APPENDIX A. BOARD RESOLUTION ON TEMPORARY PRIVILEGES"),
    ("h", "ARTICLE VI. AMENDMENT"),
    (
        "p",
        "These bylaws may be amended by a two-thirds vote of the Committee's voting members, "
        "subject to the approval of the Medical Executive Committee. A proposed amendment is circulated "
        "to the members at least fourteen (14) days before the meeting at which it is voted on.",
    ),
]

SCAN_TEXT = [
    ("h", "APPENDIX A. BOARD RESOLUTION ON TEMPORARY PRIVILEGES"),
    ("p", "Resolved by the Board of Directors of Harbourview Community Hospital on 9 December 2025:"),
    (
        "p",
        "1. The Chief Executive Officer, acting on the recommendation of the Chief of Staff, may grant "
        "temporary privileges to an applicant whose complete application awaits Committee review, to "
        "meet an important patient care need.",
    ),
    (
        "p",
        "2. Temporary privileges last no longer than one hundred twenty (120) days and are never "
        "renewed for the same applicant.",
    ),
    ("p", "3. The Credentials Committee reviews every grant of temporary privileges at its next regular meeting."),
    ("p", "Signed for the Board: Margaret Okonjo, Secretary"),
]

FRAMEWORK_HEADER = "Kestrel State Department of Health  \u00b7  AI Procurement and Oversight Framework 1.0"

FRAMEWORK_FOOTER = "KSDH-AIPOF 1.0   {page}"

CORE = [
    (
        "SOURCE",
        "SOURCE 1: The need for a system is defined by the program that will use it and is approved before any vendor is approached.",
        [
            (
                "SOURCE 1.1: The program states the public health problem, the population affected and the decision the system will inform.",
                "Problem statement signed by the program director",
            ),
            (
                "SOURCE 1.2: A non-AI alternative has been considered and the reasons for preferring an AI system are recorded.",
                "Options analysis",
            ),
            (
                "SOURCE 1.3: The program names an accountable owner who will answer for the system's use after purchase.",
                "Named owner in the approval memo",
            ),
        ],
    ),
    (
        "SOURCE",
        "SOURCE 2: Equity and privacy risks are identified before the solicitation is issued.",
        [
            (
                "SOURCE 2.1: Groups who could be harmed by errors are listed, with the expected size of each group in the population served.",
                "Equity screening worksheet",
            ),
            (
                "SOURCE 2.2: The data the vendor will receive is limited to what the stated decision requires.",
                "Data minimisation table",
            ),
        ],
    ),
    (
        "CONTRACT",
        "CONTRACT 1: Contracts give the Department the information and rights it needs to oversee the system for its whole life.",
        [
            (
                "CONTRACT 1.1: The vendor discloses the training data sources, known limitations and the populations on which performance was measured.",
                "Completed vendor disclosure form",
            ),
            (
                "CONTRACT 1.2: The Department may audit performance on its own data at any time, and the vendor supports the audit at no extra charge.",
                "Audit clause reference",
            ),
            (
                "CONTRACT 1.3: The vendor must notify the Department within ten business days of any model update, retraining or change of subcontractor.",
                "Notification clause reference",
            ),
            (
                "CONTRACT 1.4: Data is returned or destroyed within thirty days of contract end, with a certificate of destruction.",
                "Exit plan",
            ),
        ],
    ),
    (
        "CONTRACT",
        "CONTRACT 2: Prices and service levels do not discourage the Department from monitoring or switching off the system.",
        [
            (
                "CONTRACT 2.1: No fee or penalty applies when the Department suspends use of the system for safety reasons.",
                "Suspension clause",
            ),
            (
                "CONTRACT 2.2: Service levels include response times for reported safety issues, not only system availability.",
                "Service level schedule",
            ),
        ],
    ),
    (
        "DEPLOY",
        "DEPLOY 1: The system is validated locally before it informs any decision about a person.",
        [
            (
                "DEPLOY 1.1: Performance is measured on a retrospective sample of the Department's own records, reported separately for each group listed under SOURCE 2.1.",
                "Local validation report",
            ),
            (
                "DEPLOY 1.2: A silent trial of at least eight weeks compares the system's outputs with staff decisions before outputs are shown to staff.",
                "Silent trial summary",
            ),
            (
                "DEPLOY 1.3: Staff who act on outputs complete training on the system's limits and on how to override it.",
                "Training records",
            ),
        ],
    ),
    (
        "DEPLOY",
        "DEPLOY 2: People affected by the system are told that it is used and how to question a decision.",
        [
            (
                "DEPLOY 2.1: A plain-language notice is published on the program's web page and given to people at the point of service.",
                "Published notice",
            ),
            (
                "DEPLOY 2.2: Any person may ask for a decision informed by the system to be reviewed by a member of staff.",
                "Appeal procedure",
            ),
        ],
    ),
    (
        "SUSTAIN",
        "SUSTAIN 1: Performance, equity and incidents are monitored for as long as the system is in use.",
        [
            (
                "SUSTAIN 1.1: Performance and subgroup gaps are reported to the Algorithm Review Board every quarter.",
                "Quarterly monitoring report",
            ),
            (
                "SUSTAIN 1.2: Staff can report a suspected error in two clicks, and every report is triaged within five business days.",
                "Incident log",
            ),
            (
                "SUSTAIN 1.3: Thresholds that trigger suspension of the system are agreed before go-live.",
                "Suspension thresholds",
            ),
        ],
    ),
    (
        "SUSTAIN",
        "SUSTAIN 2: Systems are retired in a planned way when they no longer meet their purpose.",
        [
            (
                "SUSTAIN 2.1: A retirement plan states how the program will work without the system and how records of its outputs are kept.",
                "Retirement plan",
            ),
        ],
    ),
]

TIERS = [
    ("Tier", "Typical use", "Review before purchase", "Re-review"),
    (
        "Tier 1 (low)",
        "Scheduling, translation of public notices, internal search of policy documents",
        "Program director sign-off",
        "Every 24 months",
    ),
    (
        "Tier 2 (moderate)",
        "Prioritising inspections, forecasting case counts, drafting letters reviewed by staff",
        "Algorithm Review Board desk review",
        "Every 18 months",
    ),
    (
        "Tier 3 (high)",
        "Outputs that inform an eligibility, benefit or clinical decision about an individual",
        "Full Algorithm Review Board review and Chief Privacy Officer approval",
        "Every 12 months and after any model update",
    ),
]

FRAMEWORK_INTRO = [
    (
        "1 Purpose",
        "This framework sets out what the Kestrel State Department of Health expects before it buys, "
        "renews or expands any system that uses artificial intelligence in a public health program. "
        "It applies to every division of the Department, to local health districts that spend "
        "state funds, and to contractors who operate systems on the Department's behalf. It does not "
        "apply to research studies approved by the Department's institutional review board.",
    ),
    (
        "2 How to use the framework",
        "The framework is organised in four functions that follow a purchase "
        "from start to finish: SOURCE, CONTRACT, DEPLOY and SUSTAIN. Each function has categories, and "
        "each category has outcomes a program must be able to show. The last column names the evidence "
        "a buyer should request or produce. Programs record their evidence in the procurement file, and "
        "the Algorithm Review Board checks it at each gate. A purchase may not move to the next function "
        "until every outcome of the current one has evidence or a written exception signed by the "
        "Deputy Commissioner.",
    ),
    (
        "3 Roles",
        "The Algorithm Review Board is chaired by the Department's Chief Data Officer and includes "
        "the Chief Privacy Officer, the Health Equity Officer, a clinician and a member of the public "
        "appointed for two years. The Board meets every month and publishes a summary of its decisions.",
    ),
]

GUIDE_HEADER = "Norland Ministry of Health  |  National Guideline for Digital Health Interoperability and Clinical AI"

GUIDE_FOOTER = "Edition 2026  \u2013  {page}"

GUIDE_INTRO = (
    "This guideline tells public and private health service providers in Norland how patient information "
    "must be exchanged between systems, and what a provider must do before a clinical artificial "
    "intelligence tool reads from or writes to the national shared care record. It replaces the 2019 "
    "interoperability circular. Compliance is a condition of connection to the National Health "
    "Information Exchange (NHIE)."
)

GUIDE_PRINCIPLES = [
    "Patient first: information follows the patient across providers, and patients can see who has "
    "accessed their record.",
    "One identifier: every record exchanged carries the National Health Number.",
    "Open standards: messages use the HL7 FHIR R4 standard and the national profiles published by the "
    "Digital Health Agency.",
    "Least data: a provider requests only the data needed for the episode of care.",
]

GUIDE_LEFT = [
    "3.1 Connection. A provider applying to connect to the NHIE submits a conformance test report from "
    "the Digital Health Agency's test platform, a named information governance lead, and evidence of a "
    "security assessment completed within the previous twelve months. Connection is approved for three "
    "years and renewed on a new conformance report.",
    "3.2 Discharge summaries. Hospitals send a discharge summary to the NHIE within forty-eight hours of "
    "discharge, so that the patient's general practitioner and community pharmacist are able to",
]

GUIDE_RIGHT = [
    "review medication changes before the first follow-up visit. Summaries use the national discharge "
    "profile and code diagnoses in ICD-11.",
    "3.3 Access logging. Every read of the shared record is logged with the user, the role, the reason "
    "for access and the time. Logs are kept for ten years, and a patient may request a copy free of "
    "charge once a year.",
    "3.4 Outages. A provider reports any outage of its connection that lasts more than four hours to the "
    "Agency's service desk on the same day.",
]

GUIDE_AI = [
    "4.1 Registration. Before an AI tool reads from the shared care record, the provider registers it in "
    "the National AI Register, naming the tool's intended use, its developer and the clinical owner "
    "accountable for its use.",
    "4.2 Drafts only. An AI tool may write to the shared record only as a draft that a clinician "
    "confirms, and text generated by AI is labelled as such in the record.",
    "4.3 Review. Providers review each registered tool's performance at least once a year and report "
    "serious incidents to the Agency within seventy-two hours.",
]

GUIDE_TABLE = [
    ("Tool class", "Registration", "Clinician confirmation"),
    ("Administrative (scheduling, coding support)", "Register only", "Not required"),
    (
        "Clinical documentation (ambient scribes, visit summaries)",
        "Register and validate locally",
        "Required before the note is filed",
    ),
    ("Diagnostic or triage support", "Register, validate locally and pass Agency review", "Required for every output"),
]
