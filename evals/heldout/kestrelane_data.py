"""Content of the fictional completed vendor questionnaire (all names and figures invented)."""

VENDOR = "Kestrelane Health Technologies, Inc."
PRODUCT = "NoteHarbor Ambient Documentation"
SHORT = "NoteHarbor Ambient"
PRODUCT_VERSION = "5.2 (build 5.2.4, released 3 February 2025)"
REQUESTER = "Ostrander Bay Health"
Q_VERSION = "Clinical AI Vendor Assessment Questionnaire (CAVAQ) v2.3"
TITLE = (
    "Kestrelane Health Technologies \u2014 NoteHarbor Ambient Documentation: "
    "Completed Clinical AI Vendor Assessment Questionnaire (v2.3)"
)

Y, N = "\u2611", "\u2610"  # ballot box with check / empty ballot box

HEADER_BLOCK = [
    ("Requesting organization", "Ostrander Bay Health \u2014 Digital Health & AI Governance Office"),
    ("Questionnaire", Q_VERSION),
    ("Vendor (legal name)", VENDOR),
    ("Product assessed", PRODUCT),
    ("Product version", PRODUCT_VERSION),
    ("Date issued to vendor", "24 February 2025"),
    ("Date completed", "21 March 2025"),
    ("Respondent", "Priya Vantongeren, Director, Trust & Regulatory Affairs"),
    ("Respondent contact", "p.vantongeren@kestrelane.example \u00b7 +1 614 555 0192"),
    ("OBH reference", "OBH-AIGOV-2025-031"),
]

INSTRUCTIONS = (
    "Instructions to vendor (from OBH): answer every question in the \u201cVendor response\u201d column. "
    "Where a question offers check boxes, mark every option that applies. Enter \u201cN/A\u201d only where the "
    "question genuinely does not apply and say why. List supporting documents in the \u201cEvidence attached\u201d "
    "column using the reference numbers in Appendix A. Responses are treated as representations and may be "
    "incorporated into the contract by reference."
)

LEGEND = f"Legend: {Y} = selected / applies    {N} = not selected    \u201cA-nn\u201d = evidence reference (Appendix A)"

# Each section: (number, title, rows). Row: (id, question, response, evidence).
# A row whose response is the marker "@TABLE_4A" is followed by the performance table.
SECTIONS = [
    (
        "1",
        "Company & product",
        [
            (
                "1.1",
                "Legal name of the contracting entity and headquarters address.",
                "Kestrelane Health Technologies, Inc., a Delaware corporation. Headquarters: 400 Scioto Landing "
                "Drive, Suite 900, Columbus, OH 43215, USA.",
                "No",
            ),
            (
                "1.2",
                "Year founded and current headcount.",
                "Founded in 2017. 312 full-time employees as of 28 February 2025, of whom 64 work in clinical, "
                "quality and regulatory roles.",
                "No",
            ),
            (
                "1.3",
                "How many organizations use the product in production today?",
                "41 health systems and medical groups are live in production, with approximately 18,600 active "
                "clinician users (licensed users who signed at least one NoteHarbor note in February 2025).",
                "No",
            ),
            (
                "1.4",
                "Describe the product and its intended use, including intended users and care settings.",
                "NoteHarbor Ambient (\u201cNoteHarbor\u201d) listens to the conversation between a clinician and a "
                "patient during an in-person or video visit, using the NoteHarbor iOS app or the desktop companion, "
                "transcribes it, and produces a draft clinical note \u2014 history of present illness, review of "
                "systems, examination findings as spoken, assessment and plan, and patient instructions \u2014 in the "
                "clinician\u2019s preferred template. The draft is returned to the clinician for review and editing, "
                "and it is written to the EHR only after the clinician signs it. Intended users are licensed "
                "physicians, advanced practice providers and nurses. Intended settings are adult ambulatory visits "
                "and hospital medicine rounding. NoteHarbor does not make diagnostic or treatment recommendations "
                "and does not place orders.",
                "A-01 Product overview",
            ),
            (
                "1.5",
                "Regulatory status of the product (mark all that apply).",
                f"{N} FDA 510(k) cleared\n{N} FDA De Novo granted\n{N} CE marked (EU MDR)\n"
                f"{Y} Not regulated as a medical device\n"
                "Our regulatory assessment concludes that NoteHarbor is not a medical device in its current "
                "intended use: it supports administrative documentation, it does not analyze images or "
                "physiological signals, and every output is reviewed and signed by a licensed clinician before it "
                "enters the record. We will re-assess if the intended use changes.",
                "A-02 Regulatory assessment memo",
            ),
            (
                "1.6",
                "List all AI/ML components, including any third-party or foundation models.",
                "(1) Kestrel-ASR 3, a proprietary speech recognition model built and trained by Kestrelane. "
                "(2) A note-generation large language model, Halvard-L 2 (70B parameters), licensed from Halvard "
                "Labs, Inc. and fine-tuned by Kestrelane. Both models run inside Kestrelane\u2019s own cloud "
                "tenancy; no Customer Data is sent to Halvard Labs or to any public model API.",
                "A-03 Model card v5.2",
            ),
            (
                "1.7",
                "How does the product integrate with the EHR?",
                "HL7 FHIR R4 write-back (DocumentReference) and SMART on FHIR app launch. An outbound HL7 v2 "
                "MDM^T02 interface is available for EHRs without FHIR write support.",
                "A-04 Integration guide",
            ),
            (
                "1.8",
                "Which languages are supported?",
                "English (generally available). Spanish (generally available since November 2024). Portuguese "
                "(beta; not for production use). Mixed English/Spanish visits are supported; the note is always "
                "generated in English.",
                "No",
            ),
            (
                "1.9",
                "Which clinical specialties are supported?",
                "27 ambulatory specialties plus hospital medicine rounding. See Appendix A (A-05) for the "
                "specialty list.",
                "A-05 Specialty list",
            ),
            (
                "1.10",
                "Has the company undergone a merger, acquisition or change of control in the last 36 months?",
                "No.",
                "No",
            ),
        ],
    ),
    (
        "2",
        "Data handling & privacy",
        [
            (
                "2.1",
                "Which categories of data does the product collect? (mark all that apply)",
                f"{Y} Audio of the visit\n{Y} Transcripts\n{Y} Draft and signed note text\n"
                f"{Y} Clinician usage telemetry\n{N} Patient photographs or images\n{N} Device / wearable data\n"
                "Patient name, date of birth and MRN are received from the EHR launch context and are used only to "
                "label the encounter.",
                "A-06 Data flow diagram",
            ),
            (
                "2.2",
                "Where is Customer Data stored and processed (country, region, hosting provider)?",
                "All Customer Data is stored and processed in the United States. Primary site: Nimbrel Cloud "
                "Services, US East (Virginia) region. Disaster recovery site: Nimbrel Cloud Services, US Central "
                "(Iowa) region. No Customer Data is replicated to, or processed in, any location outside the "
                "continental United States.",
                "A-06 Data flow diagram",
            ),
            (
                "2.3",
                "How long are audio recordings, transcripts and draft notes retained?",
                "Raw audio is deleted automatically 7 days after the associated note is signed, or 21 days after "
                "capture if the note is never signed. Transcripts and draft notes are kept for 90 days to support "
                "clinician edits, audit and quality review, and are then deleted. The signed note lives in the "
                "Customer\u2019s EHR. Customers can shorten these periods in the Admin Console (minimum one day "
                "for audio).",
                "No",
            ),
            (
                "2.4",
                "Does the vendor use Customer Data to train, fine-tune or improve its models?",
                "No. Customer Data is not used to train, fine-tune or otherwise improve any Kestrelane or "
                "third-party model unless the Customer opts in to the Model Improvement Program (MIP) by signing a "
                "separate addendum. Under the MIP only transcripts and signed notes de-identified by Expert "
                "Determination are used; audio is never used for training. A Customer may leave the MIP at any "
                "time on 30 days\u2019 written notice, but data already incorporated into a released model cannot "
                "be removed from that model.",
                "A-07 MIP addendum (template)",
            ),
            (
                "2.5",
                "Which de-identification method is used, and by whom is it certified?",
                "HIPAA Expert Determination by an independent statistician, Calloway Statistical Consulting, LLC. "
                "The determination was last renewed in September 2024 and is renewed annually.",
                "A-08 Expert Determination letter",
            ),
            (
                "2.6",
                "Will the vendor sign the Customer\u2019s Business Associate Agreement (BAA)?",
                "Yes, subject to legal review. Our standard BAA is also available if preferred.",
                "No",
            ),
            ("2.7", "List sub-processors that store or can access Customer Data.", "See Appendix C.", "See Appendix C"),
            (
                "2.8",
                "Describe encryption at rest and in transit, and key management.",
                "At rest: AES-256, keys held in the cloud provider\u2019s key management service and rotated "
                "annually. In transit: TLS 1.2 minimum, TLS 1.3 preferred. Customer-managed encryption keys: "
                f"{Y} available (Enterprise tier only)  {N} not available. On the device, buffered audio is "
                "encrypted with the iOS hardware-backed keystore.",
                "A-10 SOC 2 Type II report",
            ),
            (
                "2.9",
                "How are patients informed, and how is consent to recording captured?",
                "NoteHarbor supplies a patient-facing notice (waiting-room poster and after-visit summary text, in "
                "English and Spanish) and an in-app consent prompt. Before each recording the clinician must tick "
                "\u201cPatient informed and agreed\u201d; recording cannot start without it. For sites in states that "
                "require all-party consent to recording, Customer administrators can switch on strict consent mode, "
                "which also requires the clinician to capture the patient\u2019s verbal consent at the start of the "
                "audio. Kestrelane does not decide which legal consent standard applies at a given site; that "
                "determination remains the Customer\u2019s responsibility.",
                "A-01 Product overview",
            ),
            (
                "2.10",
                "Can anyone outside the United States access PHI (including support and engineering staff)?",
                "No. Tier 1 and Tier 2 support staff are based in the United States. Our platform engineering team "
                "in Toronto, Canada, has access only to de-identified operational logs and cannot open audio, "
                "transcripts or notes; this is enforced by role-based access controls that are reviewed quarterly.",
                "No",
            ),
            (
                "2.11",
                "What happens to Customer Data when the contract ends?",
                "Within 30 days of termination Kestrelane returns any Customer Data it still holds (transcripts, "
                "draft notes, audit logs) in JSON and CSV format by secure transfer. All Customer Data is then "
                "deleted from production systems and backups within 60 days of termination, and a certificate of "
                "deletion signed by our Privacy Officer is issued.",
                "No",
            ),
        ],
    ),
    (
        "3",
        "Model development & validation",
        [
            (
                "3.1",
                "Describe the data used to train the speech recognition model.",
                "Kestrel-ASR 3 was trained on about 62,000 hours of English and Spanish conversational and clinical "
                "audio: 38,000 hours licensed from commercial speech corpora and 24,000 hours of clinical visit "
                "audio collected with patient and clinician consent under research agreements with 6 "
                "organizations.",
                "A-03 Model card v5.2",
            ),
            (
                "3.2",
                "Describe the data used to train or fine-tune the note-generation model.",
                "The Halvard-L 2 base model was fine-tuned on 1.4 million de-identified transcript-to-note pairs "
                "from 9 partner organizations (academic medical centers, community hospitals and one federally "
                "qualified health center), covering 31 specialties. Training data cutoff: June 2024. No data from "
                "Ostrander Bay Health, or from any customer outside the MIP, was used.",
                "A-03 Model card v5.2",
            ),
            (
                "3.3",
                "Describe how the current version was validated before release.",
                "Release validation has three stages. (1) Offline testing on a held-out set of 6,500 encounters "
                "that were never used in training. (2) A prospective silent-mode study in which NoteHarbor "
                "produced notes in parallel with usual documentation, without clinicians seeing the output: 2,140 "
                "encounters at 3 US sites (two academic, one community), October 2024 to January 2025. (3) A "
                "limited live pilot with 120 clinicians before general availability. Reference transcripts for "
                "word error rate were produced by two professional medical transcriptionists, with disagreements "
                "adjudicated by a third. Note errors were graded by two board-certified physicians who were "
                "blinded to the model version. Results are in Section 4 and Appendix B.",
                "A-09 Validation report",
            ),
            (
                "3.4",
                "Has the product been validated by an independent party?",
                "Yes. The Meridian Institute for Clinical Informatics carried out an independent evaluation of "
                "version 5.0 (report dated 18 November 2024). Kestrelane funded the study but had no right to "
                "approve or block publication of the findings.",
                "A-09 Validation report (annex 2)",
            ),
            (
                "3.5",
                "How often is the model updated, and how are customers told about changes?",
                "The speech model is retrained quarterly; minor updates to the note-generation model and prompts "
                "ship monthly. Major versions (for example v5 to v6) are announced at least 30 days before release, "
                "with release notes and refreshed performance results. Customers may defer a major version for up "
                "to 90 days; security fixes cannot be deferred.",
                "No",
            ),
            (
                "3.6",
                "Is the model fine-tuned or otherwise adapted for each customer?",
                "No. All customers run the same model version. Customer-level configuration is limited to note "
                "templates, specialty style preferences and vocabulary lists (for example local clinic names).",
                "No",
            ),
            (
                "3.7",
                "Is clinician review required before output enters the medical record?",
                f"{Y} Yes \u2014 required   {N} No   {N} Configurable\n"
                "A draft cannot be filed to the EHR without an explicit sign action by the clinician. There is no "
                "auto-sign option.",
                "A-01 Product overview",
            ),
            (
                "3.8",
                "What controls detect or prevent fabricated (hallucinated) content?",
                "Every generated sentence passes through a grounding check that compares it with the transcript. "
                "Sentences that cannot be linked to evidence in the transcript are highlighted in amber in the draft "
                "and must be reviewed by the clinician before signing. Medication names, doses, laterality and all "
                "numbers are underlined for verification.",
                "A-03 Model card v5.2",
            ),
            (
                "3.9",
                "How is performance monitored after deployment (drift detection)?",
                "Each month our quality team reviews a stratified random sample of 1,500 de-identified draft notes "
                "drawn from all customers, and we automatically track the clinician edit rate for each note section. "
                "An increase in edit rate of more than 20% against the trailing three-month baseline for any "
                "customer triggers an investigation. Customers receive a monthly quality dashboard.",
                "No",
            ),
        ],
    ),
    (
        "4",
        "Performance metrics",
        [
            (
                "4.1",
                "Report primary performance metrics with 95% confidence intervals and the test population.",
                "See Table 4-A below. Unless stated otherwise, figures come from the prospective silent-mode "
                "study of version 5.2 described in 3.3.",
                "A-09 Validation report",
            ),
            "@TABLE_4A",
            (
                "4.2",
                "Describe the patient and clinician population on which word error rate was measured.",
                "Adult patients (18 and over) seen in primary care, cardiology, orthopedics and hospital medicine at "
                "3 US sites; 54% of patients were female; 23% of patients and 17% of clinicians spoke English as a "
                "second language. Interpreter-mediated visits were excluded. See Appendix B for subgroup results.",
                "See Appendix B",
            ),
            (
                "4.3",
                "Report performance for languages other than English.",
                "Spanish: WER 9.7% (Table 4-A). Portuguese: not yet measured (beta).",
                "A-09 Validation report",
            ),
            (
                "4.4",
                "Report performance in high-noise settings such as the emergency department.",
                "N/A \u2014 NoteHarbor has not been validated in emergency departments and we do not currently "
                "license it for ED use.",
                "N/A",
            ),
            (
                "4.5",
                "Does the vendor contractually guarantee any accuracy level?",
                "No specific WER or note-accuracy level is guaranteed in the contract. We commit to notify the "
                "Customer within 15 business days if the monthly sampled WER for the Customer\u2019s encounters "
                "exceeds 9.0%, and to provide a remediation plan.",
                "No",
            ),
            (
                "4.6",
                "Does the vendor support local validation before go-live?",
                "Yes. A 60-day local evaluation in silent mode is included in implementation at no additional "
                "charge, with an evaluation toolkit (sampling scripts, grading rubric, WER calculator) and support "
                "from a Kestrelane clinical scientist.",
                "A-04 Integration guide",
            ),
        ],
    ),
    (
        "5",
        "Bias & fairness",
        [
            (
                "5.1",
                "Has performance been analyzed by patient subgroup?",
                f"{Y} Yes   {N} No   {N} Planned\nSee Appendix B.",
                "See Appendix B",
            ),
            (
                "5.2",
                "Which subgroups were analyzed?",
                "Patient sex; age band (18\u201339, 40\u201364, 65\u201379, 80+); self-reported race and ethnicity; "
                "patient first language (English vs. other); clinician first language; visit modality (in person "
                "vs. video).",
                "See Appendix B",
            ),
            (
                "5.3",
                "What is the largest performance gap found, and what is being done about it?",
                "The largest gap is in WER for patients whose first language is not English: 9.4% compared with "
                "6.1% for patients whose first language is English (Appendix B). The gap sits in patient speech; "
                "WER on clinician speech is similar across groups. Mitigations: (a) accent-diverse augmentation "
                "data have been added to Kestrel-ASR 3.1, scheduled for release in Q3 2025; (b) grounding "
                "highlights are shown more prominently when transcript confidence is low; (c) we recommend that "
                "customers include patients who speak English as a second language in local validation samples.",
                "A-09 Validation report",
            ),
            (
                "5.4",
                "What thresholds trigger a fairness review?",
                "A subgroup WER above 1.25 times the overall WER, or a subgroup hallucination rate above 1.5 times "
                "the overall rate, triggers a formal review by our Model Risk Committee before release. The "
                "first-language gap exceeded this threshold; it was reviewed on 12 December 2024 and release was "
                "approved with the mitigations listed in 5.3.",
                "No",
            ),
            (
                "5.5",
                "Report performance for patients with speech or hearing impairments.",
                "N/A \u2014 not evaluated. Patients with speech impairments were not identified in the validation "
                "data. We advise clinicians to review these drafts with particular care.",
                "N/A",
            ),
            ("5.6", "Are demographic attributes (e.g., race, sex) used as model inputs?", "No.", "No"),
        ],
    ),
    (
        "6",
        "Security",
        [
            (
                "6.1",
                "Which security certifications or attestations does the vendor hold? (mark all that apply)",
                f"{Y} SOC 2 Type II \u2014 period ending 30 September 2024\n"
                f"{Y} ISO/IEC 27001:2022 \u2014 certificate valid to May 2027\n"
                f"{N} HITRUST r2 \u2014 in progress, target certification December 2025\n"
                f"{N} FedRAMP \u2014 not pursued",
                "A-10 SOC 2 report; A-11 ISO certificate",
            ),
            (
                "6.2",
                "Describe penetration testing (frequency, tester, most recent results).",
                "An external penetration test is performed every year by Brisbury Security Partners; the most "
                "recent, in January 2025, covered the web application, APIs, the iOS app and the cloud "
                "configuration. No critical or high findings remain open; two medium findings were remediated by "
                "28 February 2025.",
                "A-12 Pen test executive summary",
            ),
            (
                "6.3",
                "How are users authenticated?",
                "Single sign-on via SAML 2.0 or OpenID Connect. Multi-factor authentication is enforced for all "
                "Kestrelane staff and for Customer administrator accounts. The mobile app supports biometric "
                "unlock and locks after 10 minutes of inactivity.",
                "No",
            ),
            (
                "6.4",
                "How quickly will the Customer be notified of a security incident?",
                "Kestrelane will notify the Customer\u2019s designated security contact of a confirmed Security "
                "Incident affecting Customer Data within 24 hours of confirmation, and of a suspected incident under "
                "investigation within 72 hours of detection. A written root-cause analysis follows within 10 "
                "business days of containment. Where the BAA sets a shorter deadline for breach notification, the "
                "BAA timeline applies.",
                "No",
            ),
            (
                "6.5",
                "What are the vulnerability remediation timelines?",
                "Critical: 7 calendar days. High: 30 days. Medium: 90 days. Low: next scheduled release.",
                "A-10 SOC 2 report",
            ),
            (
                "6.6",
                "What data is stored on clinicians\u2019 mobile devices?",
                "Audio is buffered on the device only while recording is in progress or waiting to upload. If the "
                "device is offline, encrypted audio is held for at most 6 hours and is purged if it has not "
                "uploaded by then. No transcripts or notes are stored on the device.",
                "No",
            ),
            (
                "6.7",
                "Describe audit logging.",
                "Every access to audio, transcripts and notes is logged (user, timestamp, action, encounter ID). Logs "
                "are kept for 6 years and can be exported by the Customer through the Admin API or streamed to the "
                "Customer\u2019s SIEM via syslog.",
                "No",
            ),
            (
                "6.8",
                "State availability commitments and disaster recovery objectives.",
                "Availability SLA: 99.9% per calendar month, excluding scheduled maintenance (Sundays "
                "01:00\u201303:00 Eastern). Recovery time objective: 4 hours. Recovery point objective: 15 minutes. "
                "Failover to the DR region is tested twice a year; the last test was on 9 February 2025.",
                "No",
            ),
            (
                "6.9",
                "Does the vendor carry cyber liability insurance?",
                "Yes \u2014 USD 20 million aggregate.",
                "A-13 Certificate of insurance",
            ),
        ],
    ),
    (
        "7",
        "Clinical safety & incident handling",
        [
            (
                "7.1",
                "Who is accountable for clinical safety at the vendor?",
                "Dr. Imani Castellano, MD, Chief Medical Officer. She chairs the Clinical Safety Review Board, which "
                "meets every two weeks.",
                "No",
            ),
            (
                "7.2",
                "How do clinicians report an error in AI output, and how quickly is it triaged?",
                "Through the \u201cFlag this note\u201d button in the app or desktop companion, or through the support "
                "portal. Each flag captures the draft, the clinician\u2019s comment and the relevant transcript "
                "segment. The clinical safety team triages every flag within 1 business day.",
                "No",
            ),
            (
                "7.3",
                "How are safety events classified, and when is the Customer notified?",
                "S1 \u2014 potential for serious patient harm (for example wrong medication or dose, wrong "
                "laterality, content from the wrong patient): the Customer is notified within 48 hours of "
                "classification, with a preliminary analysis within 5 business days. S2 \u2014 clinically relevant "
                "error unlikely to cause harm: reported in the monthly quality report, and notified individually "
                "within 10 business days if the same pattern affects more than one customer. S3 \u2014 stylistic or "
                "minor issues: trended monthly.",
                "A-14 Safety event log",
            ),
            (
                "7.4",
                "Summarize safety events in the last 12 months.",
                "In the 12 months ending 28 February 2025, across all customers: one S1 event (a dose unit "
                "transcribed as milligrams instead of micrograms, caught by the clinician before signing; no "
                "confirmed patient harm) and seven S2 events. Corrective actions are documented in A-14.",
                "A-14 Safety event log",
            ),
            (
                "7.5",
                "Can the product be switched off or rolled back quickly?",
                "Yes. Customer administrators can suspend NoteHarbor immediately for the whole organization, a "
                "single department or an individual user from the Admin Console. Kestrelane can roll back all "
                "customers to the previous model version within 2 hours.",
                "No",
            ),
            (
                "7.6",
                "What training must clinicians complete before use?",
                "A mandatory 45-minute e-learning module with a 10-question competency check must be passed before "
                "a user license is activated. A refresher module accompanies each major version.",
                "A-01 Product overview",
            ),
            (
                "7.7",
                "List known limitations of the product.",
                "(1) Speaker attribution degrades in conversations with more than 4 speakers. (2) In interpreter-"
                "mediated visits the note reflects only the interpreter\u2019s English rendering. (3) Examination "
                "findings that are not spoken aloud are not captured. (4) Spanish visits have a higher WER than "
                "English visits (see 4.3). (5) Not validated for emergency department use (see 4.4).",
                "A-03 Model card v5.2",
            ),
            (
                "7.8",
                "Does the vendor report safety events to a regulator?",
                "N/A \u2014 NoteHarbor is not a regulated medical device (see 1.5).",
                "N/A",
            ),
        ],
    ),
    (
        "8",
        "Support & contract",
        [
            (
                "8.1",
                "Describe support hours and channels.",
                "24x7 phone and portal support for Priority 1 issues. Priorities 2\u20134: portal and phone, "
                "07:00\u201319:00 Eastern, Monday to Friday. A named customer success manager is assigned to "
                "customers with more than 250 licensed users.",
                "No",
            ),
            (
                "8.2",
                "State response and resolution targets by priority.",
                "P1 (service down or patient-safety risk): response within 30 minutes, workaround within 4 hours. "
                "P2: response within 2 hours. P3: response within 1 business day. P4: response within 3 business "
                "days.",
                "No",
            ),
            (
                "8.3",
                "Describe the pricing model.",
                "Per-clinician subscription, billed annually. Prices are set out in the separate commercial "
                "proposal (ref. KHT-OBH-2025-017) and are not repeated here.",
                "Separate proposal",
            ),
            (
                "8.4",
                "Describe limitation of liability and indemnities.",
                "General cap: fees paid in the 12 months before the claim. Super-cap for data breach and "
                "confidentiality obligations: 3x annual fees. Kestrelane indemnifies the Customer against "
                "third-party intellectual property infringement claims without cap.",
                "No",
            ),
            (
                "8.5",
                "Describe the contract term and termination rights.",
                "Initial term of 3 years. The Customer may terminate for convenience on 90 days\u2019 written notice "
                "at any time after month 12, or for cause on 30 days\u2019 notice if a material breach is not cured.",
                "No",
            ),
            (
                "8.6",
                "What is the typical implementation timeline?",
                "10\u201312 weeks from contract signature to go-live, including the 60-day silent-mode evaluation "
                "(4.6), which runs in parallel with the build.",
                "A-04 Integration guide",
            ),
            (
                "8.7",
                "What audit rights does the Customer have?",
                "One audit per contract year on 30 days\u2019 notice, at the Customer\u2019s expense, in addition to "
                "access to our SOC 2 Type II report.",
                "No",
            ),
            ("8.8", "Is source code escrow offered?", "N/A \u2014 software-as-a-service offering.", "N/A"),
            ("8.9", "What exit support is provided?", "See 2.11.", "No"),
        ],
    ),
]

TABLE_4A_CAPTION = "Table 4-A. Primary performance metrics, NoteHarbor v5.2"
TABLE_4A = [
    ("Metric", "Value", "95% CI", "Test population"),
    (
        "Word error rate (WER), all words",
        "6.8%",
        "6.3\u20137.3%",
        "2,140 adult encounters, 3 US sites, English (silent-mode study)",
    ),
    ("WER, clinical terms only (medications, problems, procedures)", "4.1%", "3.6\u20134.7%", "Same 2,140 encounters"),
    (
        "Unsupported (hallucinated) statements per 100 notes",
        "1.9",
        "1.5\u20132.4",
        "1,000-note physician-graded subset",
    ),
    (
        "Notes with \u22651 clinically significant omission",
        "3.4%",
        "2.7\u20134.2%",
        "1,000-note physician-graded subset",
    ),
    ("Medication dose transcription accuracy", "98.7%", "98.1\u201399.1%", "3,912 dose mentions"),
    ("Clinician-rated note accuracy (1\u20135 scale)", "4.3", "4.2\u20134.4", "118 clinicians, post-pilot survey"),
    (
        "Documentation time per encounter vs. baseline",
        "\u22122.6 min",
        "\u22123.1 to \u22122.1 min",
        "Live pilot: 120 clinicians, 9,870 encounters",
    ),
    ("Median time from end of visit to draft available", "41 s", "n/a (IQR 29\u201363 s)", "All live-pilot encounters"),
    ("WER, Spanish-language visits", "9.7%", "8.6\u201310.9%", "412 Spanish-language encounters, 1 site"),
]

APPENDIX_A = [
    ("Ref.", "Document", "Date", "Pages"),
    ("A-01", "NoteHarbor product overview and clinician workflow", "January 2025", "14"),
    ("A-02", "Regulatory assessment memo (device status)", "October 2024", "6"),
    ("A-03", "Model card, NoteHarbor v5.2", "February 2025", "11"),
    ("A-04", "EHR integration and implementation guide", "December 2024", "38"),
    ("A-05", "Supported specialty list", "February 2025", "2"),
    ("A-06", "Data flow diagram and hosting architecture", "January 2025", "4"),
    ("A-07", "Model Improvement Program addendum (template)", "November 2024", "5"),
    ("A-08", "Expert Determination letter (de-identification)", "September 2024", "3"),
    ("A-09", "Validation report v5.2, incl. annex 2 (independent evaluation)", "February 2025", "47"),
    ("A-10", "SOC 2 Type II report", "November 2024", "96"),
    ("A-11", "ISO/IEC 27001:2022 certificate", "May 2024", "1"),
    ("A-12", "Penetration test executive summary", "January 2025", "5"),
    ("A-13", "Certificate of cyber liability insurance", "July 2024", "2"),
    ("A-14", "Safety event log and corrective actions (redacted)", "March 2025", "9"),
]

APPENDIX_B_INTRO = (
    "Source: prospective silent-mode study of NoteHarbor v5.2 (3 US sites, October 2024 \u2013 January "
    "2025). WER is computed on all encounters in each subgroup; unsupported-statement and omission rates "
    "are computed on the 1,000-note physician-graded subset. Race and ethnicity are as self-reported in "
    "the EHR."
)
APPENDIX_B = [
    ("Subgroup", "Encounters (n)", "WER (95% CI)", "Unsupported statements / 100 notes", "Notes with omission"),
    ("All encounters", "2,140", "6.8% (6.3\u20137.3)", "1.9", "3.4%"),
    ("Sex: female", "1,156", "6.6% (6.0\u20137.2)", "1.8", "3.2%"),
    ("Sex: male", "984", "7.0% (6.3\u20137.7)", "2.0", "3.6%"),
    ("Age 18\u201339", "402", "6.2% (5.3\u20137.1)", "1.6", "2.9%"),
    ("Age 40\u201364", "988", "6.5% (5.9\u20137.1)", "1.8", "3.1%"),
    ("Age 65\u201379", "561", "7.3% (6.5\u20138.1)", "2.1", "3.9%"),
    ("Age 80+", "189", "8.2% (7.0\u20139.5)", "2.6", "4.8%"),
    ("Race/ethnicity: Black", "365", "7.1% (6.2\u20138.0)", "2.0", "3.5%"),
    ("Race/ethnicity: Hispanic or Latino", "448", "7.6% (6.8\u20138.5)", "2.2", "3.8%"),
    ("Race/ethnicity: White", "1,046", "6.5% (5.9\u20137.1)", "1.8", "3.2%"),
    ("Race/ethnicity: Asian", "171", "6.9% (5.7\u20138.2)", "1.9", "3.3%"),
    ("Race/ethnicity: other or not reported", "110", "7.4% (5.9\u20139.0)", "2.1", "3.7%"),
    ("Patient first language: English", "1,648", "6.1% (5.6\u20136.6)", "1.7", "3.1%"),
    ("Patient first language: other", "492", "9.4% (8.5\u201310.4)", "2.9", "4.6%"),
    ("Visit modality: in person", "1,802", "6.5% (6.0\u20137.0)", "1.8", "3.3%"),
    ("Visit modality: video", "338", "8.4% (7.4\u20139.5)", "2.4", "4.1%"),
]
APPENDIX_B_NOTES = [
    "Clinician first language: WER 6.7% for clinicians whose first language is English and 7.0% for other "
    "clinicians; the difference was not statistically significant.",
    "The patient first-language gap exceeded the 1.25\u00d7 fairness threshold in 5.4 and was reviewed by "
    "the Model Risk Committee on 12 December 2024.",
    "The video-visit gap is attributed mainly to audio compression on low-bandwidth connections; a "
    "bandwidth warning was added to the desktop companion in v5.2.",
]

APPENDIX_C = [
    ("Sub-processor", "Service", "Location", "Access to PHI"),
    (
        "Nimbrel Cloud Services, Inc.",
        "Hosting, storage and compute (primary and DR)",
        "US East (Virginia); US Central (Iowa)",
        "Yes \u2014 encrypted storage and processing",
    ),
    (
        "Ferncastle Transcription Services, LLC",
        "Reference transcripts for monthly WER sampling (4.5)",
        "United States",
        "Yes \u2014 sampled audio only, under subcontractor BAA",
    ),
    (
        "Tessary Support Systems, Inc.",
        "Support ticketing portal",
        "United States",
        "Limited \u2014 only if a user attaches PHI to a ticket",
    ),
    (
        "Calloway Statistical Consulting, LLC",
        "De-identification Expert Determination",
        "United States",
        "No \u2014 receives de-identified samples only",
    ),
    (
        "Halvard Labs, Inc.",
        "Licensor of the Halvard-L 2 base model",
        "United States",
        "No \u2014 model runs in Kestrelane tenancy",
    ),
]
APPENDIX_C_NOTE = (
    "Kestrelane gives customers 30 days\u2019 advance notice by email before adding or "
    "replacing a sub-processor that has access to PHI; the Customer may object within that "
    "period."
)

SIGNOFF = (
    "Attestation: I confirm that the responses in this questionnaire are accurate and complete to the best "
    "of my knowledge as of the date completed. \u2014 Priya Vantongeren, Director, Trust & Regulatory "
    "Affairs, Kestrelane Health Technologies, Inc., 21 March 2025."
)
