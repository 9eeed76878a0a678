"""The text of the held-out Caldergrove clinical AI policy: for measuring only (fictional, our own words)."""

# Blocks for build_caldergrove.py, in document order. A block is a tuple whose first item says what
# it is: ("h1", text), ("h2", text), ("p", text), ("note", text), ("caption", text), ("blank",),
# ("break",), ("bullets", items), ("bullets2", items), ("numbered", items), ("table", header, rows,
# widths), ("fields", heading, labels). A list item is a string, or (bold lead-in, rest).
# The parts with tracked changes, the reviewer's comment, merged cells and the two-level
# numbered list are built in code between these runs of blocks.

from __future__ import annotations

NAME = "Caldergrove_Clinical_AI_Tools_Policy"
POLICY_NO = "CGH-CMP-031"
TITLE = "Clinical Artificial Intelligence Tools: Intake, Approval, Deployment and Monitoring"
SUBTITLE = "Caldergrove Health \u2014 System-wide Policy and Procedure"
AUTHOR = "Caldergrove Health Compliance Office"
REVIEWER = "D. Marchetti (Compliance)"
REV_DATE = "2025-02-04T10:15:00Z"
FOOTER_NOTE = "Printed copies are uncontrolled. The current version is held in the Caldergrove Health policy library."

CONTROL = [
    ("Policy number", POLICY_NO),
    ("Version", "3.0"),
    ("Policy owner", "Chief Medical Information Officer (CMIO)"),
    (
        "Approved by",
        "Clinical AI Oversight Board (CAIOB), February 11, 2025; Executive Leadership Council, February 20, 2025",
    ),
    ("Effective date", "March 3, 2025"),
    ("Next review", "March 3, 2027, or earlier if required by a change in law or regulation"),
    ("Supersedes", "CGH-CMP-031 version 2.1 (effective June 12, 2023)"),
    (
        "Applies to",
        "Caldergrove Regional Medical Center, Pell Street Children's Hospital and Caldergrove Medical Group",
    ),
]

PURPOSE = (
    "This policy sets out how Caldergrove Health selects, evaluates, approves, deploys, monitors "
    "and retires artificial intelligence (AI) tools that are used in, or close to, patient care. "
    "Its aim is that every such tool is safe, effective, fair and secure, is used only for the "
    "purpose for which it was approved, and has a named clinical leader who is accountable for it."
)
PURPOSE_INSERTED = " It also sets out what patients are told when AI helps to prepare communications sent to them."

DEFINITIONS = [
    (
        "Artificial intelligence (AI) tool",
        "Software that uses a model trained on data (machine learning, deep learning, natural language "
        "processing or a large language model) to produce predictions, classifications, recommendations "
        "or generated content.",
    ),
    (
        "Clinical AI tool",
        "An AI tool whose output is used in, or could reasonably influence, the diagnosis, treatment, "
        "monitoring, triage or scheduling of care for an identifiable patient, or which produces text "
        "that is entered in the medical record or sent to a patient.",
    ),
    (
        "Clinical Sponsor",
        "A credentialed physician, advanced practice provider or nurse leader at director level or above "
        "who requests a tool and remains accountable for its safe use for as long as it is in service.",
    ),
    (
        "Generative AI",
        "AI that produces new text, images or audio, including large language models and ambient documentation tools.",
    ),
    (
        "Local validation",
        "Testing of a tool's performance on retrospective Caldergrove Health data before go-live, "
        "including analysis by patient subgroup (section 6.1).",
    ),
    (
        "Material change",
        "Any change to a tool's model version, training data, input variables, output thresholds or "
        "intended use that could alter its outputs for patients. Changes limited to screen wording, "
        "hosting location, or security patches that do not alter model outputs are not material changes.",
    ),
    (
        "Silent mode",
        "Running a tool on live Caldergrove data in the production environment with its outputs recorded "
        "but not shown to clinicians or used in patient care. Also called shadow deployment.",
    ),
    (
        "Adverse AI Event",
        "Any event in which a tool's output, failure or unavailability caused, or could have caused, harm "
        "to a patient, including near misses.",
    ),
    (
        "AI Tool Register",
        "The authoritative inventory of every clinical AI tool that is approved, in silent mode, suspended "
        "or retired, maintained by the AI Program Office.",
    ),
    ("Total cost of ownership (TCO)", "The full three-year cost of a tool, as described in section 7.2."),
    ("Business day", "Monday to Friday, excluding Caldergrove Health holidays."),
]

# After the purpose paragraph, up to the quorum sentence of 4.1.
SCOPE_TO_BOARD = [
    (
        "p",
        "The policy complements, and does not replace, the Caldergrove Health policies on information "
        "security, privacy, incident reporting and clinical decision support listed in section 13.",
    ),
    ("h1", "2. Scope"),
    ("h2", "2.1 Who and what is covered"),
    (
        "p",
        "This policy applies to the whole Caldergrove Health workforce, including employed and "
        "contracted physicians, advanced practice providers, nurses, residents and fellows, students, "
        "volunteers and vendor staff with access to Caldergrove systems. It covers every clinical AI "
        "tool, whether it is purchased or licensed, built in-house, switched on as a feature of the "
        "electronic health record (EHR), or a free online service used with Caldergrove data.",
    ),
    ("h2", "2.2 Exclusions"),
    ("p", "The following are outside the scope of this policy:"),
    (
        "bullets",
        [
            "AI features used only for business functions that never process protected health information "
            "(PHI), such as marketing copy or facilities energy management. These follow CGH-IT-210, "
            "Acceptable Use of Information Technology.",
            "AI used for research under a protocol approved by the Caldergrove Institutional Review Board, "
            "except where the tool's output is shown to clinicians caring for patients who are not enrolled "
            "in the study, in which case this policy applies in full.",
            "Standard spelling and grammar checking, and fixed rules-based alerts with no learned component, "
            "which remain under the Clinical Decision Support Committee (CGH-CDS-002).",
        ],
    ),
    (
        "note",
        "Note: Where it is unclear whether a tool falls within scope, the AI Program Office decides, "
        "and the decision and its reasons are recorded in the AI Tool Register.",
    ),
    ("h1", "3. Definitions"),
    ("caption", "Table 1. Definitions used in this policy"),
    ("table", ["Term", "Definition"], DEFINITIONS, [1.8, 4.7]),
    ("h1", "4. Roles and Responsibilities"),
    ("h2", "4.1 Clinical AI Oversight Board (CAIOB)"),
    (
        "p",
        "The CAIOB is the decision-making body for clinical AI at Caldergrove Health. It reports to the "
        "Executive Leadership Council through the Chief Medical Officer (CMO). The CMIO chairs the CAIOB "
        "and the Chief Nursing Informatics Officer (CNIO) serves as vice chair.",
    ),
    ("p", "The CAIOB has eleven voting members:"),
    (
        "numbered",
        [
            "Chief Medical Information Officer (chair)",
            "Chief Nursing Informatics Officer (vice chair)",
            "Two practising physicians appointed by the Medical Executive Committee, at least one of whom "
            "practises at Pell Street Children's Hospital",
            "One practising nurse appointed by the Chief Nursing Officer",
            "Chief Information Security Officer (CISO) or delegate",
            "Privacy Officer",
            "Health Equity Lead",
            "Director of Pharmacy Informatics",
            "Vice President, Quality and Patient Safety",
            "A patient and family advisor appointed by the Patient and Family Advisory Council",
        ],
    ),
    (
        "p",
        "A delegate of the General Counsel, a Supply Chain representative and the Director of Clinical AI "
        "Operations attend without a vote; the Director of Clinical AI Operations acts as secretary.",
    ),
]

QUORUM = (
    "A quorum is six voting members, at least one of whom must be a practising physician and one a practising nurse."
)
VOTING = (
    " Decisions are made by a simple majority of the voting members present; the chair votes only "
    "to break a tie. Members must declare any financial relationship with a vendor under review "
    "and may not vote on that vendor's tools."
)
COMMENT = "Charter v2 says quorum is 7 of 11 \u2014 should this read 7 to match? Please confirm before final."
COMMENT_DATE = "2025-02-05T14:32:00Z"

# After the quorum paragraph, up to the responsibility matrix.
BOARD_TO_MATRIX = [
    (
        "p",
        "The CAIOB meets monthly, normally on the second Tuesday. When a patient safety concern or a "
        "suspension decision requires it, the chair calls an ad hoc meeting, in person or virtual, which "
        "must take place within 3 business days of the request.",
    ),
    ("h2", "4.2 Clinical Sponsor"),
    ("p", "The Clinical Sponsor:"),
    (
        "bullets",
        [
            "submits the intake request (Form AI-1, Appendix A) and presents the tool to the CAIOB;",
            "confirms the workflow, user training and downtime procedure before go-live;",
            "reviews and signs each monitoring report at the frequency set for the tool's tier;",
            "reports Adverse AI Events and forwards vendor notices without delay; and",
            "names a successor within 30 calendar days of leaving the role. If no successor is named, the "
            "CAIOB places the tool under review.",
        ],
    ),
    ("h2", "4.3 AI Program Office (AIPO)"),
    (
        "p",
        "The AIPO is led by the Director of Clinical AI Operations, who reports to the CMIO. The AIPO "
        "triages intake requests, maintains the AI Tool Register, coordinates local validation and "
        "silent mode, produces monitoring reports, and acts as secretariat to the CAIOB.",
    ),
    ("h2", "4.4 Other functions"),
    (
        "bullets",
        [
            (
                "Information Security. ",
                "The CISO's team performs the Third-Party Risk Assessment described in "
                "section 6.3 and may block any tool that fails it.",
            ),
            (
                "Privacy Office. ",
                "The Privacy Officer decides on uses of PHI, Business Associate Agreements and "
                "any secondary use of Caldergrove data by vendors.",
            ),
            (
                "Health Equity. ",
                "The Health Equity Lead reviews subgroup results and recommends conditions where "
                "performance differs between patient groups.",
            ),
            (
                "Supply Chain. ",
                "Supply Chain negotiates contracts and makes sure the Caldergrove AI Contract "
                "Addendum is included in every agreement for a clinical AI tool.",
            ),
        ],
    ),
    ("p", "Table 2 summarises who does what across the life of a tool."),
    ("caption", "Table 2. Responsibility matrix"),
]

MATRIX_ACTIVITY = "Activity"
MATRIX_ROLES_HEAD = "Role (R = Responsible, A = Accountable, C = Consulted, I = Informed)"
MATRIX_ROLES = ["CAIOB", "AIPO", "Clinical Sponsor", "CISO", "Privacy Officer"]
MATRIX = [
    ("Intake triage and preliminary tier", "I", "R/A", "C", "I", "I"),
    ("Confirm risk tier", "A", "R", "C", "I", "I"),
    ("Local validation and silent mode", "I", "R", "A", "I", "C"),
    ("Third-Party Risk Assessment", "I", "C", "I", "R/A", "C"),
    ("Approval decision", "R/A", "C", "C", "C", "C"),
    ("Routine monitoring review", "I", "R", "A", "I", "I"),
    ("Suspension of a tool", "A", "R", "C", "C", "I"),
]

# After the responsibility matrix, up to the triage paragraph of 5.1.
MATRIX_TO_TRIAGE = [
    ("blank",),
    ("h1", "5. Intake and Risk Tiering"),
    ("h2", "5.1 Intake request"),
    (
        "p",
        "Any member of the workforce may propose a clinical AI tool, but only a Clinical Sponsor may "
        "submit a request. Requests are made on Form AI-1 (Appendix A) through the AIPO intake portal. "
        "A complete request includes:",
    ),
    (
        "numbered",
        [
            "the tool name, the vendor (or internal developer) and the model version;",
            "an intended use statement describing the clinical problem, the decision the output supports and "
            "who will act on it;",
            "the patient population, care settings and entities where the tool will be used;",
            "the data elements the tool reads and writes, and whether any data leaves the Caldergrove network;",
            "the tool's FDA regulatory status (cleared or approved device, enforcement discretion, or not a "
            "device) and, for certified EHR modules, the developer's source attribute documentation;",
            "published or vendor-supplied performance evidence, including results by subgroup where available;",
            "the estimated three-year total cost of ownership; and",
            "a fallback plan describing how care continues if the tool is unavailable or suspended.",
        ],
    ),
]

TRIAGE_BEFORE = (
    "The AIPO acknowledges each request within 2 business days. It completes triage \u2014 a "
    "completeness check, a preliminary risk tier and an estimated review timeline \u2014 within "
)
TRIAGE_DELETED = "10"
TRIAGE_INSERTED = "7"
TRIAGE_AFTER = (
    " business days of receiving a complete request. Incomplete requests are returned to the "
    "Clinical Sponsor with a list of the missing items, and the triage clock restarts when the "
    "request is resubmitted."
)
