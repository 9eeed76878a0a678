"""The text of the fpdf2 national digital-health blueprint (evals/genres/fpdf_blueprint.py): our own
words about a fictional country (Kaldoria) and its fictional agencies."""

HEADER = "Kaldoria National Digital Health Blueprint 2026\u20132031"
FOOTER = "Ministry of Health and Social Welfare  \u00b7  Page {page} of {pages}"
TITLE = "National Digital Health Blueprint 2026\u20132031"
SUBTITLE = "Republic of Kaldoria \u00b7 Ministry of Health and Social Welfare \u00b7 Version 1.2, March 2026"

# (number, text) numbered paragraphs; "[^...]" carries a footnote on the word before it
PURPOSE = [
    (
        "1.1",
        "This Blueprint sets out how public and private health facilities in Kaldoria will record, "
        "exchange and protect health information between 2026 and 2031.",
    ),
    (
        "1.2",
        "It applies to every licensed hospital, clinic, laboratory and pharmacy, and to any vendor "
        "that stores or processes patient data on their behalf, whether inside Kaldoria or abroad.",
    ),
    (
        "1.3",
        "The Blueprint replaces the eHealth Strategy of 2019. Where the two documents differ, this Blueprint prevails.",
    ),
    (
        "1.4",
        "The National Digital Health Office (NDHO) reviews the Blueprint every two years and publishes "
        "a revised standards catalogue each January.",
    ),
]

DEFINITIONS_LEAD = "In this Blueprint:"
DEFINITIONS = [
    (
        "Break-glass access",
        "means emergency access to a person's Shared Care Record without their consent, which is "
        "logged and reviewed afterwards.",
    ),
    (
        "Conformance Testing",
        "means the checks a system must pass in the NDHO test laboratory before it may connect to "
        "the national exchange.",
    ),
    (
        "Data Custodian",
        "means the officer of a facility who is accountable for the quality, security and lawful "
        "use of the health data that the facility holds.",
    ),
    (
        "Shared Care Record",
        "means the summary of a person's encounters, medicines, allergies and test results that "
        "authorised clinicians can view across facilities.",
    ),
    (
        "Unique Health Identifier",
        "means the fourteen-digit number issued once to each person, which is never reissued to "
        "anyone else, even after the holder's death.",
    ),
]

REGISTRIES_INTRO = (
    "3.1",
    "The national architecture rests on four core registries. Every connected system must query "
    "them rather than keep its own copies of the same data.",
)
REGISTRIES_CAPTION = "Table 1. Core registries"
REGISTRIES = [
    ("Registry", "What it holds", "Maintained by", "Refreshed"),
    (
        "Client Registry",
        "One record per person: the Unique Health Identifier, name, date of birth, sex and the "
        "local patient numbers that facilities use",
        "National Digital Health Office",
        "In real time",
    ),
    (
        "Health Facility Registry",
        "Every licensed facility with its licence number, ownership, map coordinates, services "
        "offered and operating status",
        "Directorate of Facility Licensing",
        "Weekly",
    ),
    (
        "Health Worker Registry",
        "Every licensed clinician with registration number, cadre, specialty, current workplace and "
        "licence expiry date",
        "Kaldoria Health Professions Council",
        "Daily",
    ),
    (
        "Terminology Registry",
        "The approved code sets and their local mappings for diagnoses, procedures, laboratory tests and medicines",
        "National Standards Board",
        "With each catalogue release",
    ),
]
REGISTRIES_AFTER = [
    (
        "3.2",
        "A facility may not replace the Unique Health Identifier with its own patient numbers; its "
        "local numbers are recorded in the Client Registry as secondary identifiers.",
    ),
    (
        "3.3",
        "Where the Client Registry cannot match a person with confidence, the facility creates a "
        "provisional record, and the NDHO reconciles it within 30 days.[^A match is confident when "
        "the name, the date of birth and at least one verified identifier agree. Records created "
        "during a declared public health emergency may stay provisional for 90 days.]",
    ),
]

STANDARDS_INTRO = (
    "5.1",
    "Systems that connect to the national exchange must meet the standards in Table 3. A standard "
    "marked Mandatory must be met from the date shown; a Transitional standard is accepted until "
    "that date and no longer; a Recommended standard should be adopted when a system is next "
    "upgraded.",
)
STANDARDS_CAPTION = "Table 3. National standards catalogue"
STANDARDS = [
    ("Domain", "Standard", "Status", "Date"),
    ("Patient identification", "Unique Health Identifier with check digit", "Mandatory", "January 2026"),
    ("Facility codes", "Health Facility Registry code", "Mandatory", "January 2026"),
    ("Health worker codes", "Health Worker Registry number", "Mandatory", "January 2026"),
    ("Transport security", "TLS 1.3 on every connection; mutual TLS between systems", "Mandatory", "January 2026"),
    ("Message exchange", "HL7 FHIR Release 4 REST interface, national profiles", "Mandatory", "July 2026"),
    ("User sign-on", "OpenID Connect with the national identity service", "Mandatory", "July 2026"),
    ("Audit trail", "IHE ATNA audit records sent to the national log", "Mandatory", "July 2026"),
    ("Legacy messaging", "HL7 version 2.5.1 messages", "Transitional", "December 2027"),
    ("Discharge summaries", "HL7 CDA Release 2 documents", "Transitional", "December 2027"),
    ("Diagnoses", "ICD-11 for all coded diagnoses", "Mandatory", "January 2027"),
    ("Laboratory tests", "LOINC codes for orders and results", "Mandatory", "July 2027"),
    ("Medicines", "Kaldoria Medicines Dictionary, mapped to ATC", "Mandatory", "July 2027"),
    ("Clinical findings", "SNOMED CT with the national extension", "Mandatory", "January 2028"),
    ("Medical imaging", "DICOM, with DICOMweb for retrieval", "Mandatory", "January 2028"),
    ("Consent records", "FHIR Consent resource, national profile", "Recommended", "No date set"),
    ("Terminology services", "FHIR terminology service operations", "Recommended", "No date set"),
    ("Clinical AI tools", "NDHO AI tool registration and conformance profile", "Mandatory", "January 2029"),
]
STANDARDS_AFTER = [
    (
        "5.2",
        "A vendor may ask the NDHO for a time-limited exemption from a Mandatory standard. The "
        "exemption is granted for at most twelve months and only when the vendor files a dated plan "
        "to conform.",
    ),
]

ROLES_INTRO = (
    "4.1",
    "Table 2 names, for each national activity, the body accountable for it, the body that carries it "
    "out and the bodies it must consult.",
)
ROLES_CAPTION = "Table 2. Roles matrix"
ROLES = [
    ("Activity", "Accountable", "Responsible", "Consulted"),
    (
        "Approving national standards",
        "Minister of Health",
        "National Standards Board",
        "Provincial health offices and the vendors' association",
    ),
    ("Operating the national exchange", "NDHO Director", "NDHO Infrastructure Unit", "Facility Data Custodians"),
    ("Certifying vendor systems", "NDHO Director", "NDHO Conformance Laboratory", "National Standards Board"),
    (
        "Investigating data breaches",
        "Data Protection Commissioner",
        "Facility Data Custodian",
        "NDHO Security Operations Centre",
    ),
    (
        "Registering clinical AI tools",
        "NDHO Director",
        "NDHO Clinical Safety Unit",
        "Health Professions Council and patient representatives",
    ),
    ("Training facility staff", "Provincial Health Officer", "Facility training leads", "NDHO"),
]
ROLES_AFTER = [
    (
        "4.2",
        "The Data Custodian reports to the chief executive of the facility and is the NDHO's point of "
        "contact for data quality.",
    ),
    (
        "4.3",
        "A facility that discovers a breach of health data must notify the Data Protection "
        "Commissioner within 72 hours and the persons affected within 14 days.[^The loss of a device "
        "holding unencrypted health data counts as a breach even when no misuse is known.] The "
        "Commissioner may allow a later notice to the persons affected when an earlier one would "
        "harm a criminal investigation.",
    ),
]

CONSENT_LEAD = "Access to the Shared Care Record follows one of three consent levels, chosen by the person:"
CONSENT = [
    "Level 1 (the default): every clinician treating the person may view the whole record.",
    "Level 2 (restricted): only the facilities the person names may view the whole record; others "
    "see allergies and blood group alone.",
    "Level 3 (sealed): the record opens only through break-glass access.",
]
CONSENT_AFTER = [
    (
        "6.2",
        "Every break-glass access must be justified in writing at the time and is reviewed by the "
        "Data Custodian within 48 hours.",
    ),
    (
        "6.3",
        "Audit records of access to the Shared Care Record are kept for seven years.[^The seven years "
        "run from the last time the record was opened, not from the date it was created.]",
    ),
]

AI = [
    (
        "7.1",
        "A clinical decision support or AI tool that reads from or writes to the Shared Care Record "
        "must be registered with the NDHO and pass Conformance Testing before it is used on patients.",
    ),
    (
        "7.2",
        "The registration file states the tool's intended use, the population it was validated on, "
        "its known limitations and the named clinician who is accountable for it at each deploying "
        "facility.",
    ),
    (
        "7.3",
        "The NDHO publishes the list of registered tools and suspends a registration when a "
        "facility reports a serious incident involving the tool.",
    ),
]

PHASES_CAPTION = "Table 4. Implementation phases"
PHASES = [
    ("Phase", "Period", "Milestones", "Exit criterion"),
    (
        "1. Foundations",
        "2026\u20132027",
        "Client Registry and Health Facility Registry in service; all referral hospitals connected to "
        "the national exchange",
        "Eight in ten referral-hospital admissions carry a Unique Health Identifier",
    ),
    (
        "2. Scale-up",
        "2027\u20132029",
        "District hospitals and laboratories connected; the Shared Care Record opened to clinicians; "
        "ICD-11 coding in every hospital",
        "Half of all laboratory results reach the Shared Care Record within one hour",
    ),
    (
        "3. Optimisation",
        "2029\u20132031",
        "Primary care clinics and pharmacies connected; registered clinical AI tools in use; a national "
        "analytics platform for planners",
        "Nine in ten primary care visits recorded electronically",
    ),
]
