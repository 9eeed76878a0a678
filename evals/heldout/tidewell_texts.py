"""Text of the FICTIONAL Tidewell Sentinel VSAQ response (`build_tidewell.py`) outside the question
tables: the parties, the running header and footer, the title, Part A (respondent information), Part B
(instructions), Table 2 (the subprocessor list) and its note, Part D (the attestation and signatures)
and the blank "For Cedar Hollow use only" review block."""

VENDOR = "Tidewell Clinical Intelligence, Inc."
CUSTOMER = "Cedar Hollow Health System"

HEADER_LEFT = f"{CUSTOMER} \u2014 Third-Party Risk Management"
HEADER_RIGHT = "\tVendor Security & AI Questionnaire (VSAQ)  |  Form TPRM-014 v3.2 (Rev. 07/2025)"
FOOTER = f"CONFIDENTIAL \u2014 Vendor response: {VENDOR}, submitted 06 Oct 2025\tPage "

TITLE = "Vendor Security & AI Questionnaire (VSAQ)"
SUBTITLE = "Completed questionnaire \u2014 clinical AI solution"

INFO = [
    ("Requesting organization", CUSTOMER),
    ("TPRM request no.", "TPRM-2025-0417"),
    ("Vendor", VENDOR),
    ("Solution assessed", "Tidewell Sentinel v4.3 with Sentinel Insights"),
    ("Primary vendor contact", "Nolan Brisk, Director of Customer Trust (nolan.brisk@tidewell-ci.example)"),
    ("Date submitted", "06 October 2025"),
    ("Risk tier assigned by requester", "Tier 1 \u2014 PHI, clinical decision support"),
]

INSTRUCTIONS = [
    "Answer every question. Where a response column is provided, mark one box (\u2612) or enter Yes, No or N/A. "
    "Questions that ask for a description may be answered in the Vendor comments column only.",
    'A "No" response must be accompanied by a description of any compensating control and, where applicable, a remediation date.',
    "Responses become part of the contract record. Material changes must be reported to the requester within 30 days.",
    "Attachments referenced in comments (A\u2013D) are provided separately and are not reproduced in this form.",
]

QUESTION_HEADERS = ["ID", "Question", "Response (Yes/No/N/A)", "Vendor comments"]

SUB_TITLE = "Table 2. Subprocessor List (response to SUB-01)"
SUB_HEADERS = ["Subprocessor", "Service provided", "Customer data accessed", "Location(s)", "BAA in place"]
SUBPROCESSORS = [
    (
        "Stratacloud Services, LLC",
        "Cloud infrastructure hosting, key management (Key Vault), encrypted backups",
        "PHI (encrypted at rest)",
        "US – Iowa; Virginia",
        "Yes",
    ),
    (
        "Kestrel Watch, Inc.",
        "24x7 managed detection and response (MDR)",
        "Security event logs (user IDs, IP addresses); no PHI",
        "US",
        "No – not required",
    ),
    (
        "Parcel Relay Messaging, Inc.",
        "Delivery of secure alert notifications to clinician mobile devices",
        "Unit, bed number and risk score; no patient name or MRN",
        "US",
        "Yes",
    ),
    (
        "Quillmark Analytics, LLC",
        "HIPAA Expert Determination for de-identified data sets",
        "Limited data set for statistical review",
        "US",
        "Yes",
    ),
    (
        "Halyard Support Desk, Inc.",
        "Customer support ticketing",
        "Customer staff contact details; PHI prohibited by policy",
        "US; Canada",
        "No – not required",
    ),
]
SUB_NOTE = (
    "Note: Stratacloud Services personnel have no logical access to decrypted Customer data; "
    "Tidewell retains control of tenant keys (see DATA-02 and DATA-04)."
)

ATTESTATION = (
    "The undersigned attest that they are authorized to respond on behalf of the vendor and that the responses in this "
    "questionnaire are true, accurate and complete to the best of their knowledge as of the date submitted. The vendor will "
    "notify the requester in writing within 30 days of any change that materially affects a response. This response is valid "
    "for 12 months from the date submitted."
)
SIGNATURES = [
    ("Signature", "/s/ Dana Whitcombe", "/s/ Jonah Pratt-Vellacott"),
    ("Name", "Dana Whitcombe", "Jonah Pratt-Vellacott"),
    ("Title", "Chief Information Security Officer", "Chief Executive Officer"),
    ("Date", "06 Oct 2025", "06 Oct 2025"),
]

REVIEW_TITLE = f"For {CUSTOMER} use only"
REVIEW_LABELS = ["TPRM analyst", "Review completed (date)", "Residual risk rating", "Exceptions / conditions"]
