"""Text of the held-out Brennmoor clinical AI guideline, for measuring only: a fictional country, our own words."""

# The document after its contents page is FRONT, brennmoor_sections.SECTIONS (sections 1 to 7), BACK.
# A block is a string or a tuple. Strings: "# " opens a section heading (listed in the contents),
# "## " a subsection heading, anything else is a body paragraph. Tuples name their kind first:
#   ("rec", number, text, strength)   a shaded recommendation box
#   ("list", items) / ("steps", items) bullets / numbered steps; an item may be (text, [subitems])
#   ("notes", number, text)           a footnote under a short rule
#   ("box", title, [paragraphs])      a boxed aside
#   ("table", name)                   one of the tables below (laid out by the builder)
#   ("figure",) / ("references",)     the lifecycle figure / the numbered reference list
#   ("small", text)                   a small note line
#   ("space", points)                 vertical space
#   ("break",) / ("break_unless", cm) a page break / one unless that much of the page is left
#   ("columns", "twocol" | "normal")  a page break, the pages after it in two columns / one

NAME = "Brennmoor_NICS_CG31_Clinical_AI_Guideline"
SHORT_TITLE = "Safe use of clinical AI and ambient documentation"
DOC_CODE = "NICS-CG31 v1.0"
PDF_TITLE = "NICS CG31: " + SHORT_TITLE
PDF_AUTHOR = "National Institute for Care Standards (Brennmoor)"
PDF_SUBJECT = "National clinical guideline"
FOOTER = "National Institute for Care Standards, Republic of Brennmoor"
PAGE_OF = "Page {} of {}"


COVER_KICKER = "National Clinical Guideline CG31"
COVER_TITLE = "Safe use of AI-enabled clinical decision support and ambient documentation in hospitals and primary care"
COVER_SUBTITLE = "Recommendations for provider organisations, clinical leaders and digital health teams"
COVER_PUBLISHER = (
    "<b>National Institute for Care Standards (NICS)</b><br/>"
    "Ministry of Health and Social Care<br/>Republic of Brennmoor"
)
COVER_META = (
    "Document code: NICS-CG31 &nbsp;|&nbsp; Version 1.0 &nbsp;|&nbsp; "
    "Published: March 2025 &nbsp;|&nbsp; Next scheduled review: March 2028"
)
COVER_DISCLAIMER = (
    "This guideline represents the view of NICS, arrived at after careful consideration of the evidence available. "
    "Provider organisations are expected to take it fully into account when deploying artificial intelligence in "
    "clinical care. It does not override the responsibility of health professionals to make decisions appropriate "
    "to the circumstances of the individual patient."
)
CONTENTS = "Contents"

ABBREVIATIONS_HEADER = ("Abbreviation", "Meaning")
ABBREVIATIONS = [
    ("AVT", "Ambient voice technology (ambient documentation or \u201cAI scribe\u201d)"),
    ("BDHA", "Brennmoor Digital Health Authority"),
    ("CAIRS", "Clinical AI Incident Reporting Scheme"),
    ("CDS", "Clinical decision support"),
    ("CSCR", "Clinical Safety Case Report"),
    ("CSO", "Clinical Safety Officer"),
    ("DPIA", "Data Protection Impact Assessment"),
    ("DPO", "Data Protection Officer"),
    ("EHR", "Electronic health record"),
    ("LASC", "Local AI Safety Committee"),
    ("LVR", "Local Validation Report"),
    ("NICS", "National Institute for Care Standards"),
    ("NRCAT", "National Register of Clinical AI Tools"),
    ("PCN", "Primary Care Network"),
    ("PPV", "Positive predictive value"),
    ("RCAI", "Responsible Clinician for AI"),
]

MONITORING = [
    ("Risk category", "Monitoring report", "Subgroup (equity) analysis"),
    ("Category 1", "Annually", "Not required"),
    ("Category 2", "Quarterly", "Annually"),
    ("Category 3", "Monthly", "Every 6 months"),
]

EVIDENCE_HEADER = ("Rec.", "Topic", "Evidence considered", "Main findings", "Certainty")
EVIDENCE = [
    (
        "1",
        "Local AI Safety Committee",
        "3 observational studies; 2 national audits; expert testimony",
        "Organisations with a standing AI committee detected performance problems earlier and had fewer tools "
        "running without an owner.",
        "Moderate",
    ),
    (
        "2",
        "Responsible Clinician for AI",
        "1 observational study; 6 case reports",
        "Incidents were more often unresolved where no single clinician was accountable for a tool.",
        "Low",
    ),
    (
        "3",
        "Risk categories",
        "Review of 4 regulatory schemes; 2 cross-sectional surveys",
        "Proportionate, tiered assurance was used in all schemes reviewed; surveys showed inconsistent local "
        "classification without a shared scheme.",
        "Moderate",
    ),
    (
        "4",
        "Local validation",
        "11 external validation studies of sepsis, deterioration and imaging tools",
        "Local sensitivity was lower than reported by the developer in 8 of 11 studies, by a median of 9 "
        "percentage points.",
        "Moderate",
    ),
    (
        "5",
        "Silent running",
        "2 before-and-after studies; 3 implementation reports",
        "Silent runs identified data feed and timing faults before patient exposure; effect on patient outcomes "
        "not measured.",
        "Low",
    ),
    (
        "6",
        "Agreement for AVT",
        "4 qualitative studies; 1 national patient survey (n = 2,310)",
        "Most patients accepted AVT when told in advance; acceptance fell sharply when patients learned of "
        "recording only afterwards.",
        "Moderate",
    ),
    (
        "7",
        "Clinician sign-off of AVT notes",
        "2 randomised trials; 5 accuracy studies",
        "Unreviewed AVT drafts contained at least one clinically significant error in 7% to 12% of notes; "
        "clinician review removed most of these errors.",
        "High",
    ),
    (
        "8",
        "Monitoring and drift",
        "6 cohort studies; 1 systematic review of model drift",
        "Clinically important drift occurred within 2 years in about a third of deployed models; monthly "
        "monitoring detected drift a median of 5 months earlier than annual review.",
        "Moderate",
    ),
    (
        "9",
        "Significant change and revalidation",
        "3 case series; supplier change logs from 2 sites",
        "Unannounced model updates preceded 4 reported incidents; revalidation after updates found material "
        "performance changes in 2 of 9 updates.",
        "Low",
    ),
    (
        "10",
        "Incident reporting",
        "Analysis of 212 AI-related incident reports; 2 surveys of staff",
        "About half of AI-related incidents were first reported as general IT faults; near misses were rarely "
        "reported.",
        "Moderate",
    ),
    (
        "11",
        "Suspension and fallback",
        "4 case reports of system outages; 1 simulation study",
        "Teams that had rehearsed a fallback procedure restored safe care faster during outages.",
        "Low",
    ),
    (
        "12",
        "Training",
        "3 uncontrolled before-and-after studies",
        "Training improved staff knowledge of tool limitations; no study measured effects on patient outcomes.",
        "Very low",
    ),
]

CHECKLIST_HEADER = ("No.", "Item", "Yes", "No", "Evidence / notes")
CHECKLIST = [
    "Tool assigned to a risk category and category recorded in the local inventory",
    "Responsible Clinician for AI named, and not the CSO for the same tool",
    "Clinical Safety Case Report and hazard log signed by the CSO",
    "DPIA approved by the Data Protection Officer",
    "Local Validation Report complete, with subgroup results by age band, sex, ethnic group and primary language",
    "Local sensitivity and specificity within 5 percentage points of supplier values",
    "Silent run completed (8 weeks for Category 3; 4 weeks for Category 2)",
    "Written fallback procedure filed and communicated to staff",
    "Training plan agreed; minimum 90 minutes of tool-specific training before access",
    "Supplier contract requires at least 90 days' notice of planned model updates",
    "Supplier contract requires the supplier to report safety issues to the organisation",
    "Monitoring report frequency agreed and first report date set",
    "Entry prepared for the National Register of Clinical AI Tools (due within 30 days of go-live)",
    "Public website list of AI tools ready to be updated",
    "For AVT: patient information leaflet and consent wording approved",
]

# (title, caption) of the lifecycle figure's six stages, its feedback loop's label and its caption
LIFECYCLE = [
    ("1. Classify", "risk category"),
    ("2. Validate", "local data"),
    ("3. Silent run", "no patient use"),
    ("4. Go-live", "LASC approval"),
    ("5. Monitor", "drift and equity"),
    ("6. Review", "change or retire"),
]
LIFECYCLE_LOOP = "significant change: repeat validation"
FIGURE_CAPTION = "Figure 1: Lifecycle of a clinical AI tool under CG31, from classification to review"

REFERENCES = [
    "National Institute for Care Standards. Guideline Development Manual. Brennmoor: NICS; 2022.",
    "Brennmoor Digital Health Authority. National Register of Clinical AI Tools: registration guide, version 2. "
    "Brennmoor: BDHA; 2024.",
    "Brennmoor Digital Health Authority. Clinical risk management standard for health IT systems (DHS-0160). "
    "Brennmoor: BDHA; 2021.",
    "Ostrander K, Melk P, Darrow T. External validation of early warning algorithms in three regional hospitals. "
    "Brennmoor Med J. 2023;41:212-220.",
    "Halvik S, Renner A. Silent deployment of a sepsis prediction model: an implementation report. "
    "J Clin Inform Pract. 2023;9:45-53.",
    "Tamsin L, Orvell J, Quade M, et al. Accuracy of ambient documentation drafts in primary care: a multicentre "
    "study. Brennmoor Fam Pract. 2024;18:101-109.",
    "Vosk H, Engel R. Patient attitudes to recorded consultations: national survey results. "
    "Brennmoor Health Policy Rev. 2024;6:77-85.",
    "Marwood C, Ilse D. Performance drift in deployed clinical prediction models: a systematic review. "
    "Int J Health Data Sci. 2022;14:300-318.",
    "Clinical AI Incident Reporting Scheme. Annual report 2023-24. Brennmoor: BDHA; 2024.",
    "Pelling N, Asher G. Override behaviour for computerised alerts in acute care. Brennmoor Hosp Med. 2022;30:55-61.",
    "Ministry of Health and Social Care. Mental Health Act 2011: code of practice. Brennmoor: MoHSC; 2019.",
    "National Institute for Care Standards. CG31 Evidence Reviews A to F. Brennmoor: NICS; 2025.",
]

FRONT = [
    "# Abbreviations",
    ("table", "abbreviations"),
    ("space", 10),
    "## About this guideline",
    "NICS clinical guidelines are developed by independent committees following the NICS Guideline Development "
    "Manual (2022 edition). The committee for this guideline included hospital and general practice clinicians, "
    "nurses, pharmacists, clinical safety officers, informaticians, a data protection specialist and two lay "
    "members. Declarations of interest were recorded at every meeting; members with a financial interest in an AI "
    "supplier took no part in drafting the recommendations concerned.",
    "The guideline applies to all publicly funded hospitals, community services and general practices in the "
    "Republic of Brennmoor, and to independent providers that deliver publicly funded care under contract.",
    ("break",),
]


BACK = [
    ("break_unless", 6),
    "# 8 Summary of evidence",
    "The table below summarises the evidence the committee considered for each recommendation. Full evidence "
    "reviews are published separately as CG31 Evidence Reviews A to F.",
    ("table", "evidence"),
    ("space", 6),
    ("small", "n = number of respondents."),
    "# References",
    ("references",),
    ("break",),
    "# Annex A: Readiness checklist before go-live",
    "The LASC may use this checklist when deciding whether to approve go-live for a Category 2 or Category 3 tool. "
    "Every item should be answered Yes before approval; any No should be explained in the evidence column and in "
    "the LASC minutes.",
    ("table", "checklist"),
    ("space", 10),
    "Signed (LASC chair): ____________________ &nbsp;&nbsp; Date: ____________",
]
