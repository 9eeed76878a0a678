"""Sections 1 to 7 of the held-out Brennmoor clinical AI guideline, for measuring only: fictional, our own words."""

# Blocks as described in brennmoor_texts.py.


def _fn(n: int) -> str:
    """A raised footnote mark."""
    return f"<super><font size=7>{n}</font></super>"


STRONG_MODERATE = "Strong recommendation, moderate-certainty evidence"
STRONG_LOW = "Strong recommendation, low-certainty evidence"
CONDITIONAL_LOW = "Conditional recommendation, low-certainty evidence"

INTRODUCTION = [
    "# 1 Introduction",
    "## 1.1 Purpose and scope",
    "Artificial intelligence (AI) is now embedded in many clinical information systems used in Brennmoor. "
    "Deterioration and sepsis alerts, imaging triage, prescribing support and ambient voice technology that drafts "
    "clinical notes from a recorded consultation all promise to reduce workload and improve care. They also "
    "introduce new failure modes: a model trained elsewhere may perform poorly on the local population, performance "
    "may drift silently, and clinicians may come to rely on outputs they no longer check.",
    "This guideline sets out what provider organisations should do before, during and after deploying AI-enabled "
    "clinical decision support (CDS) and ambient documentation. It covers software whose output is intended to "
    "inform or direct the care of an individual patient. It does not cover:",
    (
        "list",
        [
            "AI used only for research under an approved research protocol;",
            "general office software, such as spelling checkers, that does not process clinical content;",
            "national screening programmes, which are governed by their own quality assurance standards.",
        ],
    ),
    ("space", 4),
    (
        "box",
        "Box 1: What counts as AI-enabled clinical decision support?",
        [
            "In this guideline, AI-enabled clinical decision support means software that uses a model derived from "
            "data, rather than fixed rules written by people, to produce a prediction, classification, alert, "
            "summary or draft about an individual patient.",
            "Rule-based alerts, such as a fixed drug-interaction table, are outside the scope of this guideline "
            "unless they are combined with a model of this kind in the same product.",
        ],
    ),
    ("space", 6),
    "## 1.2 Who this guideline is for",
    "The recommendations are aimed at executive boards, medical and nursing directors, chief information officers, "
    "clinical safety officers, general practice partners and the clinicians who use AI tools. Suppliers may find the "
    "guideline useful in understanding what provider organisations will ask of them.",
    "## 1.3 How the recommendations are graded",
    "Each recommendation is graded for strength and for the certainty of the underlying evidence, using an approach "
    "adapted from GRADE. A <b>strong</b> recommendation means that the committee is confident that the desirable "
    "effects clearly outweigh the undesirable effects, and that most organisations should follow it. A "
    "<b>conditional</b> recommendation means that the balance is closer or depends on local circumstances; "
    "organisations that decide not to follow a conditional recommendation should record their reasons in the "
    "minutes of their Local AI Safety Committee. Certainty of evidence is rated as high, moderate, low or very low.",
    "Recommendations are shown in shaded boxes. Supporting text explains how each recommendation should be put into "
    "practice. A summary of the evidence for each recommendation is given in section 8.",
]

GOVERNANCE = [
    "# 2 Governance and accountability",
    "## 2.1 Local AI Safety Committee",
    "Every provider organisation that uses AI in clinical care needs a single forum that decides which tools are "
    "deployed, watches how they perform and can stop them. In this guideline that forum is called the Local AI "
    "Safety Committee (LASC). Existing committees, such as a digital clinical safety group, may take on the role if "
    "they meet the requirements below." + _fn(1),
    (
        "rec",
        1,
        "Every provider organisation that deploys AI-enabled clinical decision support or ambient documentation "
        "should establish a Local AI Safety Committee with delegated authority to approve, pause and withdraw "
        "clinical AI tools.",
        STRONG_MODERATE,
    ),
    "The LASC should:",
    (
        "list",
        [
            "be chaired by the medical director or by an executive deputy named in its terms of reference;",
            (
                "include, as a minimum:",
                [
                    "the Clinical Safety Officer (CSO);",
                    "a registered nurse or allied health professional;",
                    "a pharmacist;",
                    "the Data Protection Officer (DPO) or a nominated deputy;",
                    "a lay member or patient representative.",
                ],
            ),
            "meet at least once every 8 weeks, and hold extraordinary meetings when section 6.1 requires them;",
            "be quorate only when at least five members are present, including the CSO and one registered nurse or "
            "allied health professional;",
            "report to the executive board every 6 months on the tools in use, their performance and any incidents.",
        ],
    ),
    "## 2.2 Responsible Clinician for AI",
    "Accountability for an AI tool should rest with a named individual who understands the clinical pathway in "
    "which it is used. The Responsible Clinician for AI (RCAI) is a senior clinician, at consultant level in "
    "hospitals or a general practitioner partner in primary care, who holds day-to-day clinical responsibility for "
    "the safe use of one or more tools. To keep the safety assessment independent, the RCAI for a tool must not "
    "also act as the CSO for that same tool.",
    (
        "rec",
        2,
        "Provider organisations should name a Responsible Clinician for AI for each clinical AI tool before it is "
        "used with patients, and record that person in the local AI inventory.",
        STRONG_LOW,
    ),
    "## 2.3 Local inventory and national register",
    "Each organisation should keep a local inventory of every AI tool in clinical use, listing its intended "
    "purpose, risk category (see section 3.1), supplier, version, RCAI and date of the last performance review. "
    "Tools in Category 2 or Category 3 must also be entered in the National Register of Clinical AI Tools (NRCAT), "
    "maintained by the Brennmoor Digital Health Authority (BDHA), within 30 days of go-live. Category 1 tools need "
    "only appear in the local inventory.",
    (
        "notes",
        1,
        "General practices with fewer than 12,000 registered patients may use a shared LASC hosted by their Primary "
        "Care Network (PCN), provided the shared committee includes at least one general practitioner from a member "
        "practice.",
    ),
]

ASSESSMENT = [
    "# 3 Assessment before deployment",
    "## 3.1 Risk categories",
    "The level of assurance required depends on how much the tool's output can affect a patient without a "
    "clinician noticing an error. Before procurement, the LASC should assign each tool to one of three categories:",
    (
        "list",
        [
            "<b>Category 1</b> - tools with no direct influence on the care of an individual patient, for example "
            "bed-occupancy forecasting or clinical coding suggestions;",
            "<b>Category 2</b> - tools whose output informs a decision that a clinician reviews before acting, "
            "including ambient voice technology that drafts notes for clinician sign-off;",
            "<b>Category 3</b> - tools used in time-critical care or whose output is acted on without routine "
            "clinician verification, for example deterioration or sepsis alerts and imaging triage that reorders "
            "reporting worklists.",
        ],
    ),
    "Where a tool could fall into two categories, the higher category applies. A change in how a tool is used (for "
    "example, from advisory use to automatic worklist prioritisation) requires the category to be reassessed.",
    (
        "rec",
        3,
        "Classify every clinical AI tool into Category 1, 2 or 3 before procurement, and reassess the category "
        "whenever the intended use changes.",
        STRONG_MODERATE,
    ),
    "## 3.2 Local validation",
    "Performance reported by a supplier is usually measured on data from other countries and other care settings. "
    "Before go-live, organisations should test the tool on their own retrospective data and record the results in "
    "a Local Validation Report (LVR). The minimum sample is 500 consecutive local cases for a Category 3 tool, "
    "including at least 50 positive cases, and 200 consecutive local cases for a Category 2 tool. Category 1 tools "
    "do not need local validation.",
    "The tool should be accepted only if its sensitivity and specificity on local data are each no more than 5 "
    "percentage points below the values reported by the supplier. Results should be broken down by age band, sex, "
    "ethnic group and primary language. Any subgroup in which sensitivity falls more than 10 percentage points "
    "below the overall local value must be escalated to the LASC, which decides whether the tool can be used for "
    "that group.",
    (
        "rec",
        4,
        "Validate Category 2 and Category 3 tools on local retrospective data before go-live, and do not deploy a "
        "tool whose local performance falls materially below the supplier's reported performance.",
        STRONG_MODERATE,
    ),
    "## 3.3 Silent running",
    "In a silent run, the tool processes live data but its output is hidden from the treating team and compared "
    "afterwards with what actually happened. A silent run exposes integration faults, such as missing data feeds, "
    "that retrospective validation cannot. Category 3 tools should complete a silent run of at least 8 weeks"
    + _fn(2)
    + " and Category 2 tools a silent run of at least 4 weeks. Ambient voice technology is exempt from silent "
    "running, but its first month of use is subject to the enhanced audit described in section 4.4.",
    (
        "rec",
        5,
        "Run Category 2 and Category 3 tools silently on live data before their output is shown to clinicians.",
        CONDITIONAL_LOW,
    ),
    "## 3.4 Documents required before go-live",
    "The LASC should not approve go-live until the following documents are complete and filed with the local "
    "inventory entry:",
    (
        "list",
        [
            "a Clinical Safety Case Report (CSCR) and hazard log, signed by the CSO;",
            "a Data Protection Impact Assessment (DPIA), approved by the DPO;",
            "the Local Validation Report and, where applicable, the silent-run results;",
            "a written fallback procedure describing how care continues if the tool is unavailable;",
            "a training plan for every staff group that will use the tool;",
            "a supplier contract that obliges the supplier to report safety issues and to give notice of planned "
            "model updates (see section 5.3).",
        ],
    ),
    ("space", 4),
    ("figure",),
    (
        "notes",
        2,
        "The silent run for a Category 3 tool may be shortened to 4 weeks where the same tool and version has "
        "completed a silent run at another Brennmoor site with a comparable case mix within the preceding 12 months.",
    ),
]

AMBIENT = [
    ("columns", "twocol"),
    "# 4 Ambient voice technology",
    "Ambient voice technology (AVT) listens to a consultation, transcribes it and drafts a structured note, letter "
    "or coding summary for the clinician. Early evaluations in Brennmoor found that AVT reduced time spent on "
    "documentation, but also that drafts occasionally omitted important negatives, attributed statements to the "
    "wrong speaker or contained content that was never said. This section applies to AVT in hospitals, community "
    "services and general practice.",
    "## 4.1 Informing patients and agreement",
    "Patients should be told, before recording begins, that an AVT tool will be used, what it does and that the "
    "clinician remains responsible for the record. The patient's verbal agreement should be recorded in the note. "
    "A patient may decline at any time without any effect on their care, and the clinician should then stop the "
    "recording and document manually.",
    (
        "rec",
        6,
        "Obtain and record the patient's verbal agreement at the start of each consultation in which ambient voice "
        "technology is used.",
        STRONG_MODERATE,
    ),
    "## 4.2 When AVT must not be used",
    "AVT must not be used:",
    (
        "list",
        [
            "during a disclosure or discussion of safeguarding concerns;",
            "during an assessment under the Mental Health Act 2011;",
            "with a patient under 16 years of age, unless a parent or guardian is present and agrees;",
            "where an interpreter is used, unless the tool has been validated for interpreted consultations in the "
            "relevant language.",
        ],
    ),
    "## 4.3 Clinician review and sign-off",
    "An AVT draft is not part of the health record until it has been reviewed, corrected where necessary and "
    "signed by the clinician who led the consultation. Sign-off should happen before the end of that clinician's "
    "working session and no later than 24 hours after the consultation. Drafts that remain unsigned after 14 days "
    "are deleted automatically and reported to the RCAI.",
    "Raw audio should be deleted within 72 hours of the note being signed, unless a patient safety incident "
    "involving that consultation has been logged. In that case the audio is kept for the investigation, for no "
    "longer than 12 months.",
    (
        "rec",
        7,
        "Ensure that every note drafted by ambient voice technology is reviewed and signed by the responsible "
        "clinician before it enters the health record.",
        "Strong recommendation, high-certainty evidence",
    ),
    "## 4.4 Accuracy audit",
    "During the first 3 months after go-live, 5% of the AVT notes produced by each clinician (and no fewer than 10 "
    "notes) should be audited each month against the audio. After that, the sample falls to 2% of notes each "
    "quarter. Auditors should record omissions, fabrications and misattributions.",
    "If more than 3% of audited notes for a clinician or a service contain a clinically significant error"
    + _fn(3)
    + ", the RCAI must pause AVT use for that clinician or service until retraining, or a fix by the supplier, has "
    "been completed and a repeat audit is satisfactory.",
    ("space", 4),
    (
        "box",
        "Box 2: Practice example",
        [
            "Ashgrove Family Practice, a general practice with 9,400 registered patients, introduced AVT across its "
            "consulting rooms. It shares a LASC with the other practices in its Primary Care Network.",
            "In the second month, a GP reviewing a draft noticed that it recorded metformin 1000 mg twice daily when "
            "the patient had described taking 500 mg. The GP corrected the note before signing, logged a patient "
            "safety incident and asked for the audio to be kept.",
            "The monthly audit then found clinically significant errors in 4 of 60 notes (6.7%) produced by locum "
            "clinicians, most involving medicine doses. The RCAI paused AVT for locum sessions, the supplier issued "
            "a fix to its medicines vocabulary, and locums received a 30-minute briefing. AVT for locums was "
            "restarted after a repeat audit of 40 notes found no significant errors.",
            "<i>Learning point:</i> the clinician's review caught the error, but only the audit showed that the "
            "problem was concentrated in one staff group.",
        ],
    ),
    "## 4.5 Supplier and data requirements",
    "Before an AVT product is approved, the organisation should confirm that:",
    (
        "list",
        [
            "audio and transcripts are stored and processed only in Brennmoor or in a country approved by the BDHA;",
            "the supplier does not use patient audio or transcripts to train or improve its models, unless the DPO "
            "has approved this in the DPIA and patients are told in the information leaflet;",
            "unsigned drafts carry a visible label stating that they were drafted by AI and have not been verified;",
            "the product keeps an edit log showing which parts of each note the clinician changed, retained for at "
            "least 2 years.",
        ],
    ),
    "Organisations should also check that AVT output is never sent automatically to another organisation, such as "
    "a referral letter to a hospital, before the clinician has signed it.",
    (
        "notes",
        3,
        "A clinically significant error is one that, if not corrected, could reasonably lead to a wrong diagnosis, "
        "wrong treatment, wrong dose or a missed follow-up action.",
    ),
    ("columns", "normal"),
]

MONITORING_IN_USE = [
    "# 5 Monitoring performance in use",
    "## 5.1 Routine monitoring",
    "Performance at go-live is no guarantee of performance a year later. Changes in the patient population, in "
    "clinical practice, in coding or in upstream systems can all degrade a model. The RCAI should present a "
    "monitoring report to the LASC at the following minimum frequency:",
    ("table", "monitoring"),
    ("space", 8),
    "A monitoring report should include the measures used in the Local Validation Report, the alert override rate "
    "for alerting tools, the number of incidents and near misses, and any downtime.",
    "## 5.2 Performance drift and alert fatigue",
    "Drift is confirmed when sensitivity or positive predictive value (PPV) falls by more than 5 percentage points "
    "from the validated baseline"
    + _fn(4)
    + " in two consecutive monitoring periods. When drift is confirmed the LASC must carry out a formal review "
    "within 30 days and decide whether to recalibrate, restrict or withdraw the tool.",
    "High override rates suggest that an alert is not trusted or not useful. Where clinicians override more than "
    "85% of a tool's alerts over a quarter, the RCAI should review the alert threshold and the clinical workflow "
    "with the supplier and report the outcome to the next LASC meeting.",
    (
        "rec",
        8,
        "Monitor every clinical AI tool in use at a frequency proportionate to its risk category, and act on "
        "confirmed performance drift.",
        STRONG_MODERATE,
    ),
    "## 5.3 Significant changes and model updates",
    "A significant change requires the tool to be validated again, in proportion to its risk category, before the "
    "changed tool is used with patients. Significant changes include:",
    (
        "list",
        [
            "a new model version or retraining of the model;",
            "a change of intended use or clinical pathway;",
            "use in a new patient population, for example extending an adult tool to children;",
            "a change of input data source, such as a new laboratory system;",
            "a change of alert threshold made by the supplier.",
        ],
    ),
    "Contracts should require suppliers to give at least 90 days' notice of any planned model update. Security "
    "patches that do not alter the model may be applied without notice, but must be recorded in the local "
    "inventory within 5 working days.",
    (
        "rec",
        9,
        "Revalidate a clinical AI tool after any significant change before the changed version is used in patient "
        "care.",
        CONDITIONAL_LOW,
    ),
    (
        "notes",
        4,
        "The validated baseline is the performance recorded in the Local Validation Report or, where the tool has "
        "since been revalidated, in the most recent revalidation report.",
    ),
]

INCIDENTS = [
    "# 6 Incidents, suspension and withdrawal",
    "## 6.1 Reporting AI-related incidents",
    "An AI-related incident is any unintended event in which the output, failure or unavailability of an AI tool "
    "contributed, or could have contributed, to harm. All such incidents, including near misses, should be entered "
    "in the local incident management system within 24 hours of being identified. Incidents that resulted in "
    "moderate harm, severe harm or death must also be reported to the Clinical AI Incident Reporting Scheme (CAIRS), "
    "run by the BDHA, within 3 working days" + _fn(5) + ". The supplier should be notified within 5 working days.",
    "When an AI-related incident is identified, staff should take the following steps:",
    (
        "steps",
        [
            "Make the patient safe and provide any treatment needed.",
            "Preserve the evidence: export the tool's output and logs, record the model version and, for AVT, ask "
            "for the audio to be retained.",
            "Record the incident in the local incident management system.",
            "Inform the RCAI, or the on-call senior clinician out of hours.",
            "Decide whether the tool should be suspended (see section 6.2).",
            "Report to CAIRS where the incident caused moderate harm, severe harm or death.",
            "Notify the supplier and request its analysis.",
            "Review the incident at the next LASC meeting or, where severe harm or death occurred, at an "
            "extraordinary LASC meeting within 14 days.",
        ],
    ),
    (
        "rec",
        10,
        "Report AI-related patient safety incidents, including near misses, through the local incident system and, "
        "where moderate or greater harm occurred, to the national Clinical AI Incident Reporting Scheme.",
        STRONG_MODERATE,
    ),
    "## 6.2 Suspension and fallback",
    "The RCAI, or the on-call senior clinician when the RCAI is unavailable, may suspend a tool immediately if they "
    "believe it poses a risk to patients. They do not need to wait for a LASC meeting. The fallback procedure filed "
    "before go-live should then be followed. Fallback procedures should be rehearsed at least every 6 months so "
    "that staff know how to work without the tool.",
    "A suspended tool may be switched back on only with the written approval of the LASC chair and after a root "
    "cause summary has been filed. A tool that is withdrawn permanently must be removed from NRCAT within 30 days.",
    (
        "rec",
        11,
        "Give the Responsible Clinician for AI and the on-call senior clinician authority to suspend a clinical AI "
        "tool immediately, and rehearse fallback procedures regularly.",
        STRONG_LOW,
    ),
    ("notes", 5, "Working days exclude Saturdays, Sundays and Brennmoor public holidays."),
]

TRAINING = [
    "# 7 Training and transparency",
    "## 7.1 Staff training",
    "Clinicians should understand what a tool does, what it was validated for, its known limitations and how to "
    "report a problem. Before being given access, every user should complete at least 90 minutes of training "
    "specific to the tool, including its fallback procedure. Refresher training should be completed every 12 months "
    "and after any significant change. Training completion should be recorded, and the LASC should receive "
    "completion rates in each six-monthly report to the board.",
    (
        "rec",
        12,
        "Provide tool-specific training to every user before access is granted, with annual refresher training.",
        "Conditional recommendation, very low-certainty evidence",
    ),
    "## 7.2 Information for the public",
    "Organisations should publish on their website a plain-language list of the Category 2 and Category 3 tools "
    "they use, describing what each tool does and how patients can raise concerns. The list should be updated "
    "within 30 days of any tool being introduced, suspended or withdrawn. Complaints that mention an AI tool should "
    "be copied to the RCAI.",
]

SECTIONS = [*INTRODUCTION, *GOVERNANCE, *ASSESSMENT, *AMBIENT, *MONITORING_IN_USE, *INCIDENTS, *TRAINING]
