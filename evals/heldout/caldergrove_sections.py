"""The Caldergrove policy from 5.2 to its form appendix and revision history: for measuring only (fictional, our own words)."""

# Blocks for build_caldergrove.py, in the form described in caldergrove_texts.py; the approval
# authority table (merged cells) and the two-level go-live list are built in code between them.

from __future__ import annotations

# After the triage paragraph of 5.1, up to the approval authority table of 7.2.
TIERS_TO_APPROVAL = [
    ("h2", "5.2 Risk tiers"),
    (
        "p",
        "The AIPO assigns a preliminary tier and the CAIOB confirms it when the tool is presented. Where a "
        "tool meets the criteria for more than one tier, the higher tier applies.",
    ),
    ("bullets", [("Tier 1 \u2014 High risk. ", "A tool that:")]),
    (
        "bullets2",
        [
            "directly drives or automates a diagnostic or treatment action without a clinician's independent review;",
            "is regulated by the FDA as a medical device; or",
            "sends generated content to patients without review by a member of the care team.",
        ],
    ),
    (
        "bullets",
        [
            (
                "Tier 2 \u2014 Moderate risk. ",
                "A tool whose output informs a clinician's decision and is reviewed by a clinician before "
                "any action is taken, such as deterioration or sepsis alerts, imaging worklist "
                "prioritisation and ambient documentation drafts.",
            )
        ],
    ),
    (
        "bullets2",
        [
            "Generative AI tools that draft clinical notes or patient messages for clinician review are "
            "always at least Tier 2.",
        ],
    ),
    (
        "bullets",
        [
            (
                "Tier 3 \u2014 Low risk. ",
                "A tool that supports operations and affects care only indirectly, such as appointment "
                "no-show prediction, bed demand forecasting, or coding suggestions reviewed by certified coders.",
            )
        ],
    ),
    ("p", "The minimum requirements for each tier are set out in Table 3."),
    ("caption", "Table 3. Minimum requirements by risk tier"),
    (
        "table",
        ["Requirement", "Tier 1 (high)", "Tier 2 (moderate)", "Tier 3 (low)"],
        [
            ("Local validation", "Required", "Required", "Only if the CAIOB requests it"),
            ("Minimum silent mode period", "60 calendar days", "30 calendar days (exception in 6.2)", "Not required"),
            ("Monitoring report", "Monthly", "Quarterly", "Every six months"),
            ("Full revalidation", "Every year", "Every two years", "Only after a material change"),
            ("Clinical approval", "CAIOB vote", "CAIOB vote", "CAIOB vote or CAIOB chair (7.3)"),
        ],
        [1.7, 1.5, 1.8, 1.5],
    ),
    ("blank",),
    ("h1", "6. Evaluation Before Approval"),
    ("h2", "6.1 Local validation"),
    (
        "p",
        "Local validation uses at least 12 months of retrospective Caldergrove data drawn from each entity "
        "where the tool will be used. The AIPO's data science team, or an independent evaluator approved by "
        "the AIPO, performs the analysis; a vendor may not perform the local validation of its own tool.",
    ),
    (
        "p",
        "A tool passes local validation when its primary performance measure (for example sensitivity, "
        "positive predictive value or area under the curve, as agreed in the validation plan) is no more "
        "than 5 percentage points below the figure the vendor reports for comparable populations.",
    ),
    (
        "p",
        "Results must be reported for each of these subgroups: age band, sex, race and ethnicity, preferred "
        "language, and primary payer. Where performance for any subgroup differs from overall performance by "
        "more than 10 percentage points, the Health Equity Lead must review the results and record a "
        "recommendation before the CAIOB votes.",
    ),
    ("h2", "6.2 Silent mode"),
    (
        "p",
        "Tier 1 and Tier 2 tools run in silent mode for at least the period shown in Table 3 before their "
        "outputs are shown to clinicians. During silent mode the AIPO compares the tool's outputs with actual "
        "outcomes and with the decisions clinicians made.",
    ),
    (
        "p",
        "A Tier 2 tool may go live without a silent mode period if the vendor supplies independently audited "
        "performance evidence from at least two comparable U.S. health systems and the CAIOB records its "
        "agreement in the minutes. This exception never applies to Tier 1 tools or to generative AI tools.",
    ),
    ("h2", "6.3 Security and privacy review"),
    (
        "p",
        "The CISO's team completes a Third-Party Risk Assessment (TPRA) for every tool hosted outside "
        "Caldergrove's data centers. The vendor must provide a SOC 2 Type II report issued within the previous "
        "12 months or a current HITRUST r2 certification. No PHI may be shared with a vendor until a Business "
        "Associate Agreement (BAA) has been signed.",
    ),
    (
        "p",
        "Vendors may not use Caldergrove data, including de-identified data, to train or improve their models "
        "unless the Privacy Officer approves in writing. Public generative AI services, such as free consumer "
        "chatbots, must never be used with PHI.",
    ),
    ("h1", "7. Approval"),
    ("h2", "7.1 CAIOB decision"),
    (
        "p",
        "The Clinical Sponsor presents the tool at a CAIOB meeting once triage, local validation (where "
        "required) and the security and privacy review are complete. The CAIOB may:",
    ),
    (
        "bullets",
        [
            "approve the tool;",
            "approve it with conditions, such as limiting it to named units or requiring extra monitoring;",
            "defer the decision pending further information; or",
            "decline the tool.",
        ],
    ),
    (
        "p",
        "The AIPO sends the written decision to the Clinical Sponsor within 5 business days after the meeting. "
        "An approval lapses if the tool has not gone live within 12 months.",
    ),
    (
        "p",
        "A Clinical Sponsor may appeal a decision to decline to the Chief Medical Officer (CMO) within "
        "30 calendar days of the written decision. The CMO may consult any CAIOB member and outside advisers, "
        "and the CMO's decision is final.",
    ),
    ("h2", "7.2 Approval thresholds"),
    (
        "p",
        "In addition to clinical approval by the CAIOB, every purchase or renewal of a clinical AI tool needs "
        "financial approval and a contract signature from the roles shown in Table 4, according to the tool's "
        "three-year total cost of ownership.",
    ),
    ("caption", "Table 4. Approval authority by three-year total cost of ownership"),
]

BAND_HEAD = "Three-year TCO band"
APPROVALS_HEAD = "Required approvals"
APPROVAL_KINDS = ["Clinical approval", "Financial approval", "Contract signature"]
BANDS = [
    (
        "Less than $25,000",
        "CAIOB (Tier 3 tools: CAIOB chair, see 7.3)",
        "Department Director",
        "Director of Supply Chain",
    ),
    (
        "$25,000 to $149,999",
        "CAIOB",
        "Vice President of the sponsoring service line",
        "Director of Supply Chain",
    ),
    ("$150,000 to $499,999", "CAIOB", "Chief Financial Officer (CFO)", "Chief Operating Officer (COO)"),
    ("$500,000 to $1,999,999", "CAIOB", "CFO and Chief Executive Officer (CEO)", "CEO"),
    (
        "$2,000,000 or more",
        "CAIOB and the Board Quality Committee",
        "Finance Committee of the Board of Trustees",
        "CEO, after a Board resolution",
    ),
]
BAND_WIDTHS = [1.6, 1.7, 1.7, 1.5]

# After the approval authority table, up to the go-live list of 8.1.
APPROVAL_TO_GO_LIVE = [
    (
        "note",
        "Note: Total cost of ownership includes licence and subscription fees, implementation and "
        "integration work, hardware, internal staff time and three years of vendor support. Splitting a "
        "purchase into smaller orders, or across budget years, to fall below a band is prohibited and "
        "will be referred to the Compliance Office.",
    ),
    ("h2", "7.3 Expedited and emergency approval"),
    (
        "p",
        "The CAIOB chair may approve a Tier 3 tool with a total cost of ownership below $25,000 without a full "
        "board vote, and must report the approval at the next scheduled CAIOB meeting. Expedited approval is "
        "not available for Tier 1 or Tier 2 tools, or for any tool that sends PHI outside the Caldergrove "
        "network.",
    ),
    (
        "p",
        "During a declared public health emergency, the CMO and the CMIO may jointly authorise temporary use "
        "of a clinical AI tool for up to 90 days. The tool must be entered in the AI Tool Register at once and "
        "submitted for full review before the 90-day period ends.",
    ),
    ("h1", "8. Deployment"),
    ("h2", "8.1 Go-live requirements"),
    ("p", "A tool may go live only when all of the following are in place:"),
]

GO_LIVE = [
    "training has been completed by at least 90% of intended users, and the remaining users are trained "
    "within 30 days of go-live;",
    "a downtime procedure has been written and tested with the users;",
    "every display of the tool's output in the EHR carries the label \u201cAI-generated\u201d or "
    "\u201cAI-assisted\u201d together with the tool's name;",
    "the AIPO has configured the monitoring report and recorded a baseline covering:",
]
BASELINE = [
    "the validated primary performance measure;",
    "the expected alert or output volume; and",
    "the expected clinician override rate;",
]
GO_LIVE_LAST = "the Clinical Sponsor has signed the go-live checklist."

# After the go-live list to the end of the document.
GO_LIVE_TO_END = [
    (
        "p",
        "The AIPO adds the tool to the AI Tool Register, or updates its status there, within 2 business days "
        "of go-live.",
    ),
    ("h2", "8.2 Telling patients"),
    (
        "p",
        "Messages to patients that were drafted with generative AI must include the statement: \u201cThis "
        "message was prepared with help from an AI tool and reviewed by your care team.\u201d Patients may ask "
        "for their messages to be answered without AI drafting; the request is recorded in the EHR and honoured "
        "within 5 business days.",
    ),
    ("h1", "9. Monitoring and Incident Response"),
    ("h2", "9.1 Routine monitoring"),
    (
        "p",
        "The AIPO produces a monitoring report for each tool at the frequency shown in Table 3. Each report covers:",
    ),
    (
        "bullets",
        [
            "the primary performance measure compared with the validated baseline;",
            "performance for each subgroup listed in section 6.1;",
            "alert or output volume and the clinician override rate;",
            "availability, downtime and incidents in the period; and",
            "feedback from users.",
        ],
    ),
    (
        "p",
        "The Clinical Sponsor reviews and signs each report within 10 business days of receiving it. The AIPO "
        "sends a summary of all reports to the CAIOB every quarter.",
    ),
    ("h2", "9.2 Performance drift"),
    (
        "p",
        "If the primary performance measure falls more than 5 percentage points below the validated baseline "
        "in two consecutive monitoring periods, the Clinical Sponsor must submit a Remediation Plan to the CAIOB "
        "within 15 business days. The CAIOB may require retraining, recalibration, restricted use or suspension.",
    ),
    ("h2", "9.3 Adverse AI Events and suspension"),
    (
        "p",
        "Any workforce member who suspects an Adverse AI Event must report it in SafeReport, the Caldergrove "
        "incident reporting system, within 24 hours of discovery, choosing the category \u201cAI/Algorithm\u201d. "
        "Events involving serious harm or death must also be reported by telephone to the Patient Safety "
        "Officer as soon as possible and no later than 4 hours after discovery.",
    ),
    (
        "p",
        "The CAIOB chair, the CMO or the Patient Safety Officer may suspend a tool immediately. The CAIOB "
        "reviews every suspension within 7 calendar days and decides whether to reinstate, restrict or retire "
        "the tool. Where the tool is an FDA-regulated device, the Director of Regulatory Affairs assesses "
        "whether a report to the FDA is required.",
    ),
    ("h2", "9.4 Vendor model updates"),
    (
        "p",
        "Contracts for clinical AI tools must require the vendor to give at least 30 calendar days' written "
        "notice before any model update is activated in the Caldergrove environment. When a vendor gives "
        "notice of an update, the Clinical Sponsor must forward the notice to the AIPO at least 10 business "
        "days before the planned activation date. The AIPO then decides whether the update is a material change:",
    ),
    (
        "bullets",
        [
            (
                "If it is a material change, ",
                "the update may not be activated until local validation has been "
                "repeated and the CAIOB has re-approved the tool.",
            ),
            (
                "If it is not a material change, ",
                "the AIPO records the update in the AI Tool Register and the update may proceed.",
            ),
        ],
    ),
    (
        "p",
        "Security patches that do not alter model outputs may be applied immediately, provided the AIPO is "
        "told within 2 business days.",
    ),
    ("h1", "10. Retirement of a Tool"),
    (
        "p",
        "A tool is retired when the CAIOB decides so, when its contract ends without renewal, or when the "
        "Clinical Sponsor asks for retirement and the CAIOB agrees. Users are told at least 30 calendar days "
        "before retirement, except when the tool is retired after a suspension. Validation reports, monitoring "
        "reports, approvals and the register entry are kept for 10 years after retirement, or longer where a "
        "legal hold applies.",
    ),
    ("h1", "11. Education"),
    (
        "p",
        "Every user of a clinical AI tool completes the \u201cUsing AI Safely at Caldergrove\u201d module before "
        "first use and every year afterwards. CAIOB voting members complete at least 4 hours of AI governance "
        "education each year.",
    ),
    ("h1", "12. Non-compliance"),
    (
        "p",
        "Using a clinical AI tool that has not been approved under this policy, or using an approved tool "
        "outside its approved intended use, is a policy violation. Suspected violations are reported to the "
        "Compliance Office, which may direct Information Services to block access to the tool. Violations are "
        "handled under Human Resources Policy HR-204, Corrective Action, and the Medical Staff Bylaws.",
    ),
    ("h1", "13. Related Policies and References"),
    (
        "bullets",
        [
            "CGH-IT-210, Acceptable Use of Information Technology",
            "CGH-PRV-007, Minimum Necessary Use of Protected Health Information",
            "CGH-QPS-015, Incident Reporting and Review",
            "CGH-CDS-002, Clinical Decision Support Committee Charter",
            "HR-204, Corrective Action",
            "NIST Artificial Intelligence Risk Management Framework (AI RMF 1.0)",
            "ONC Health Data, Technology, and Interoperability (HTI-1) Final Rule",
        ],
    ),
    ("break",),
    ("h1", "Appendix A. Form AI-1: Clinical AI Intake Request"),
    (
        "p",
        "Complete every field. Attach the vendor's performance evidence and, if available, its model card. "
        "Submit the form through the AIPO intake portal.",
    ),
    (
        "fields",
        "Part 1. Tool details",
        [
            "Tool name",
            "Vendor or internal developer",
            "Model version",
            "FDA status",
            "Hosting (on premises / vendor cloud)",
        ],
    ),
    (
        "fields",
        "Part 2. Intended use",
        [
            "Clinical problem addressed",
            "Decision supported and who acts on it",
            "Patient population and care settings",
            "Data elements read and written",
            "Proposed risk tier (1, 2 or 3)",
            "Fallback plan if unavailable",
        ],
    ),
    ("fields", "Part 3. Cost", ["Estimated three-year total cost of ownership", "Budget cost center"]),
    ("p", "PHI leaves the Caldergrove network:   \u2610 Yes    \u2610 No"),
    ("p", "Performance evidence attached:   \u2610 Yes    \u2610 No"),
    (
        "fields",
        "Part 4. Sign-off",
        [
            "Clinical Sponsor name and title",
            "Clinical Sponsor signature and date",
            "Department chair signature and date",
            "AIPO reference number (office use)",
        ],
    ),
    ("h1", "Revision History"),
    (
        "table",
        ["Version", "Date", "Summary of change"],
        [
            (
                "1.0",
                "June 1, 2021",
                "Initial release. Replaced the machine-learning provisions of CGH-IT-118, "
                "Clinical Decision Support Rule Management.",
            ),
            (
                "2.0",
                "September 15, 2022",
                "Introduced the three risk tiers; created the AI Program Office and the AI Tool Register.",
            ),
            (
                "2.1",
                "June 12, 2023",
                "Added requirements for generative AI tools, including the patient message statement.",
            ),
            (
                "3.0",
                "March 3, 2025",
                "Raised the CFO approval band; shortened intake triage; added minimum silent "
                "mode periods, the vendor model update procedure and a patient and family "
                "advisor seat on the CAIOB.",
            ),
        ],
        [0.8, 1.5, 4.2],
    ),
]
