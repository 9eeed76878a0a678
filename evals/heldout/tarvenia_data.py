"""Data for the fictional Tarvenia National Digital Health Blueprint (blind test fixture).

Everything here is invented: the Republic of Tarvenia, its ministry, agencies, people and figures.
"""

COUNTRY = "Republic of Tarvenia"
MINISTRY = "Ministry of Health and Social Welfare"
AGENCY = "National Digital Health Authority"
AGENCY_ABBR = "NDHA"
TITLE = "National Digital Health Blueprint 2025\u20132030"
SHORT = "NDHB 2025\u20132030"
VERSION = "Version 1.0 \u00b7 March 2025"

# ---------------------------------------------------------------------------------------------
# Building blocks (chapters 4..15).  Facts deliberately differ across blocks.
# ---------------------------------------------------------------------------------------------
BLOCKS = [
    dict(
        name="Tarvenia Health ID Registry",
        abbr="THID",
        objective=(
            "The Tarvenia Health ID Registry gives every resident a unique, lifelong health "
            "identifier so that records created in different facilities can be linked safely "
            "to the right person. The identifier is a 14-digit number with a MOD 97-10 check "
            "pair and carries no embedded personal meaning."
        ),
        scope=(
            "The registry covers all residents of Tarvenia, including newborns, who are enrolled "
            "at birth registration, and foreign nationals holding a residence permit of more than "
            "six months. Enrolment in the Health ID is voluntary: no person may be refused care "
            "because they do not hold a Health ID, and facilities must continue to register "
            "unidentified patients locally. The registry stores a minimum demographic dataset "
            "only; clinical information is never held in the registry itself."
        ),
        components=[
            "Enrolment service used at birth registration offices, hospitals and district health offices",
            "Master patient index with probabilistic matching and a manual de-duplication work queue",
            "Identity verification gateway linked to the National Population Register",
            "Health ID card and QR token issuance, including a printable paper card",
            "Self-service portal for residents to correct demographic details",
            "Audit and access log accessible to the Data Protection Oversight Committee",
        ],
        standards=[
            ("ISO/IEC 24760-1", "2019", "Identity management framework and terminology"),
            ("ISO/IEC 29115", "2013", "Entity authentication assurance levels for enrolment"),
            ("HL7 FHIR Patient resource", "R4 (4.0.1)", "Demographic exchange with facility systems"),
            ("OpenID Connect Core", "1.0 (errata set 2)", "Federated sign-in for health workers"),
            ("ISO/IEC 7064", "2003", "MOD 97-10 check digits for the identifier"),
        ],
        owner="Directorate of Health Identity of the NDHA",
        oversight="Identity Assurance Board",
        cadence="every six months",
        audit="An external identity-assurance audit is commissioned every two years.",
        kpis=[
            ("Residents holding a Health ID (%)", "38", "75", "95"),
            ("Duplicate record rate in the master patient index (%)", "2.4", "0.8", "0.3"),
            ("Median enrolment time at a counter (minutes)", "14", "6", "4"),
            ("Identity verification success rate (%)", "91", "97", "99"),
            ("Service availability (%)", "99.5", "99.9", "99.95"),
        ],
        phases=[
            (
                "Pilot",
                "January 2025",
                "December 2025",
                "enrolment in three pilot regions (Valdris, Orrenmark and Sulemba); master patient index go-live",
            ),
            (
                "National roll-out",
                "January 2026",
                "June 2027",
                "enrolment extended to all 14 regions; newborn enrolment linked to birth registration",
            ),
            (
                "Optimisation",
                "July 2027",
                "December 2028",
                "de-duplication campaign; paper card replaced by QR token as the default credential",
            ),
        ],
        risks=[
            (
                "Duplicate identities created during mass enrolment",
                "probabilistic matching with a manual review queue staffed in every region",
            ),
            (
                "Exclusion of residents without civil documents",
                "enrolment on the basis of a sworn declaration verified by a community health officer",
            ),
            (
                "Perception that the Health ID is a surveillance tool",
                "public information campaign and a published statement of permitted uses",
            ),
            (
                "Outage of the National Population Register",
                "cached verification for up to 72 hours with later reconciliation",
            ),
        ],
    ),
    dict(
        name="Health Facility Registry",
        abbr="HFR",
        objective=(
            "The Health Facility Registry is the single authoritative list of every public and "
            "private health facility in Tarvenia, from district hospitals to mobile clinics, with "
            "a stable facility code, licensing status, services offered and location."
        ),
        scope=(
            "All facilities that provide health services and require a licence under the Health "
            "Establishments Act are in scope, together with pharmacies, laboratories and diagnostic "
            "imaging centres. Veterinary facilities are excluded. Registration is compulsory for "
            "licensed facilities and is a precondition for connecting to the Health Information "
            "Exchange."
        ),
        components=[
            "Facility master data store with a 10-character facility code",
            "Licensing workflow integrated with the Department of Health Facility Licensing",
            "Geographic information layer with verified coordinates and catchment areas",
            "Service catalogue describing specialties, beds and equipment",
            "Public facility finder published as open data",
        ],
        standards=[
            ("HL7 FHIR Location and Organization", "R4 (4.0.1)", "Exchange of facility records"),
            ("ISO 3166-2", "2020", "Region and district subdivision codes"),
            ("ISO 19115-1", "2014", "Metadata for geographic information"),
            ("GS1 Global Location Number", "General Specifications 24.0", "Supply-chain location identifiers"),
        ],
        owner="Department of Health Facility Licensing of the Ministry of Health and Social Welfare",
        oversight="Facility Data Quality Panel",
        cadence="every twelve months",
        audit="Each regional health authority must re-certify its facility records once a year.",
        kpis=[
            ("Public facilities registered (%)", "61", "95", "100"),
            ("Private facilities registered (%)", "22", "70", "90"),
            ("Records verified in the last 12 months (%)", "35", "80", "95"),
            ("Facilities with verified geocoordinates (%)", "48", "90", "98"),
            ("Service availability (%)", "99.0", "99.5", "99.9"),
        ],
        phases=[
            (
                "Consolidation",
                "March 2025",
                "February 2026",
                "merger of the four legacy facility lists; assignment of facility codes to public facilities",
            ),
            (
                "Private-sector registration",
                "March 2026",
                "September 2027",
                "registration of private hospitals, clinics, pharmacies and laboratories",
            ),
            (
                "Continuous verification",
                "October 2027",
                "December 2029",
                "annual re-certification cycle and open-data publication of the facility finder",
            ),
        ],
        risks=[
            (
                "Outdated records after facility closures or mergers",
                "licence events automatically update the registry within five working days",
            ),
            ("Low participation of small private clinics", "registration made a condition of licence renewal"),
            (
                "Inaccurate coordinates in remote districts",
                "field verification by district health officers using the mobile survey tool",
            ),
            ("Conflicting facility codes in legacy systems", "published crosswalk tables maintained for three years"),
        ],
    ),
    dict(
        name="Health Practitioner Registry",
        abbr="HPR",
        objective=(
            "The Health Practitioner Registry records every licensed health professional in "
            "Tarvenia with a verified identity, qualifications, licence status and current places "
            "of practice, so that systems can confirm in real time that a user is entitled to act."
        ),
        scope=(
            "The registry covers doctors, nurses, midwives, pharmacists, dentists, laboratory "
            "scientists, physiotherapists and community health officers. Students on clinical "
            "placement are recorded with a provisional status. Administrative staff are out of scope "
            "and are managed by facility identity systems."
        ),
        components=[
            "Practitioner master record linked to the Tarvenia Health ID",
            "Licence status feed from the professional councils",
            "Digital practitioner credential issued to a mobile wallet",
            "Practitioner-role service describing where and in what role a person practises",
            "Verification API used by the e-Prescription Service and the Health Information Exchange",
        ],
        standards=[
            ("HL7 FHIR Practitioner and PractitionerRole", "R4 (4.0.1)", "Exchange of practitioner records"),
            ("ISCO-08", "2008", "Occupation classification"),
            ("W3C Verifiable Credentials Data Model", "2.0", "Digital practitioner credential"),
            ("ISO/IEC 18013-5", "2021", "Presentation of mobile credentials"),
        ],
        owner="Tarvenian Council of Health Professions (TCHP)",
        oversight="Professional Registers Committee",
        cadence="every twenty-four months",
        audit="The professional councils confirm the accuracy of licence feeds every quarter.",
        kpis=[
            ("Licensed practitioners registered (%)", "54", "90", "99"),
            ("Licence changes reflected within 24 hours (%)", "40", "85", "98"),
            ("Practitioners holding a digital credential (%)", "12", "60", "85"),
            ("Median verification time for new registrants (hours)", "72", "12", "2"),
        ],
        phases=[
            (
                "Register migration",
                "July 2025",
                "June 2026",
                "migration of the six council registers into a single practitioner master record",
            ),
            (
                "Credential issuance",
                "July 2026",
                "December 2027",
                "digital practitioner credential issued to all doctors, nurses and pharmacists",
            ),
            (
                "Full coverage",
                "January 2028",
                "June 2029",
                "remaining professions onboarded; real-time verification mandatory for prescribing",
            ),
        ],
        risks=[
            (
                "Delayed suspension of a practitioner's licence in connected systems",
                "event notification to all subscribed systems within 15 minutes",
            ),
            ("Credential theft from mobile devices", "device binding and remote revocation of the credential"),
            (
                "Resistance from councils to sharing register data",
                "data-sharing agreements backed by the Digital Health Act 2024",
            ),
            (
                "Inconsistent qualification names",
                "controlled list of qualifications maintained by the National Terminology Centre",
            ),
        ],
    ),
    dict(
        name="Consent Manager",
        abbr="CM",
        objective=(
            "The Consent Manager lets residents decide who may see and use their health "
            "information, records every decision as a machine-readable consent artefact, and "
            "enforces those decisions at the Health Information Exchange."
        ),
        scope=(
            "The Consent Manager governs the sharing of identifiable health information between "
            "facilities, with the Citizen Health App and with approved secondary users. It does not "
            "govern processing inside a single facility, which remains the responsibility of the "
            "facility as data controller. Guardians act for residents under 16 years of age."
        ),
        components=[
            "Consent artefact store with tamper-evident hashing",
            "Consent capture screens for the Citizen Health App, kiosks and assisted counters",
            "Policy decision point consulted by the Health Information Exchange",
            "Break-glass module for emergency access without prior consent",
            "Resident-facing access log showing who viewed which record and when",
            "Revocation service that propagates withdrawals to all data holders",
        ],
        standards=[
            ("HL7 FHIR Consent resource", "R5 (5.0.0)", "Representation of consent artefacts"),
            ("ISO/IEC 29184", "2020", "Online privacy notices and consent"),
            ("Kantara Consent Receipt Specification", "1.1", "Receipts issued to residents"),
            ("User-Managed Access (UMA) grant", "2.0", "Authorisation of data requests"),
        ],
        owner="Office of the Chief Data Protection Officer of the NDHA",
        oversight="Data Protection Oversight Committee",
        cadence="every four months",
        audit="A sample of break-glass accesses is audited by the Data Protection Commissioner each year.",
        kpis=[
            ("Consent artefacts issued per month (million)", "0.1", "2.5", "6.0"),
            ("Revocations enforced within 15 minutes (%)", "70", "99", "99.9"),
            ("Residents who have viewed their access log (%)", "3", "25", "45"),
            ("Break-glass accesses reviewed within 72 hours (%)", "20", "90", "100"),
            ("Data requests rejected for missing consent (%)", "11", "4", "2"),
        ],
        phases=[
            (
                "Design and legal alignment",
                "October 2025",
                "September 2026",
                "consent artefact profile approved; regulations under the Digital Health Act issued",
            ),
            (
                "Exchange enforcement",
                "October 2026",
                "March 2028",
                "policy decision point enforced for all Health Information Exchange queries",
            ),
            (
                "Secondary-use consent",
                "April 2028",
                "March 2030",
                "consent options for research and analytics made available in the Citizen Health App",
            ),
        ],
        risks=[
            (
                "Consent fatigue leading to uninformed decisions",
                "layered notices and sensible defaults agreed with the Patient and Public Advisory Forum",
            ),
            (
                "Misuse of break-glass access",
                "mandatory justification and review of every break-glass event within 72 hours",
            ),
            (
                "Low digital literacy among older residents",
                "assisted consent at district health offices and pharmacies",
            ),
            ("Latency added to clinical queries", "cached policy decisions with a maximum age of 60 seconds"),
        ],
    ),
    dict(
        name="Health Information Exchange",
        abbr="HIE",
        objective=(
            "The Health Information Exchange moves clinical documents and data securely between "
            "facilities, laboratories, pharmacies and the Citizen Health App, so that a clinician "
            "can see a patient's relevant history wherever the patient is treated."
        ),
        scope=(
            "The exchange carries discharge summaries, referral letters, laboratory results, imaging "
            "reports, immunisation records and prescriptions. It uses a federated model: documents "
            "remain in the source system and the exchange holds an index and routing information. "
            "Connection is mandatory for all public hospitals by December 2027."
        ),
        components=[
            "Document registry and federated repositories",
            "FHIR gateway for query and subscription",
            "Message broker for HL7 version 2 laboratory feeds",
            "Patient identity cross-referencing against the Tarvenia Health ID",
            "Audit trail and node authentication service",
            "Conformance test bench for vendors",
        ],
        standards=[
            ("HL7 FHIR", "R4 (4.0.1)", "Query, subscription and document exchange"),
            (
                "IHE IT Infrastructure Technical Framework (XDS.b, PIX, PDQ, ATNA)",
                "Revision 19.0",
                "Document sharing and audit",
            ),
            ("HL7 Version 2", "2.5.1", "Legacy laboratory and admission messages"),
            ("Transport Layer Security", "1.3 (RFC 8446)", "Encryption between nodes"),
            ("HL7 CDA", "Release 2.0", "Legacy discharge summaries during transition"),
        ],
        owner="Directorate of Interoperability of the NDHA",
        oversight="Interoperability Steering Group",
        cadence="every three months",
        audit="Every connected node must pass a security conformance test before go-live and every 18 months thereafter.",
        kpis=[
            ("Public hospitals connected (%)", "27", "70", "95"),
            ("Primary care clinics connected (%)", "9", "55", "85"),
            ("Documents exchanged per month (million)", "0.4", "6.0", "15.0"),
            ("Message rejection rate (%)", "7.5", "2.0", "0.5"),
            ("Median query response time (seconds)", "4.2", "1.5", "0.8"),
        ],
        phases=[
            (
                "Core exchange",
                "April 2025",
                "June 2026",
                "document registry and FHIR gateway live; 12 referral hospitals connected",
            ),
            (
                "Hospital connection",
                "July 2026",
                "December 2027",
                "all public hospitals connected; laboratory feeds routed through the message broker",
            ),
            (
                "Primary care and private sector",
                "January 2028",
                "December 2029",
                "primary care clinics and private hospitals connected; CDA retired",
            ),
        ],
        risks=[
            (
                "Vendors unable to meet conformance requirements",
                "conformance test bench and a vendor certification programme",
            ),
            (
                "Inconsistent patient matching across facilities",
                "mandatory use of the Tarvenia Health ID where available",
            ),
            ("Cyber-attack on a connected node", "node isolation procedure and 24-hour security operations centre"),
            (
                "Insufficient bandwidth in rural districts",
                "store-and-forward mode and prioritised connectivity funding",
            ),
        ],
    ),
    dict(
        name="e-Prescription Service",
        abbr="EPS",
        objective=(
            "The e-Prescription Service replaces handwritten prescriptions with electronic "
            "prescriptions that travel from the prescriber to any pharmacy the patient chooses, "
            "with automatic checks for interactions, duplicates and licence status."
        ),
        scope=(
            "The service covers outpatient and discharge prescriptions for all medicines listed in "
            "the Tarvenia Medicinal Product Dictionary, including controlled drugs. Inpatient "
            "medication administration inside hospitals is out of scope. A paper token with a QR "
            "code remains available for patients without a smartphone."
        ),
        components=[
            "Prescription store and dispensing tracker",
            "Clinical decision support for interactions, allergies and duplicate therapy",
            "Controlled-drug tracking module",
            "Pharmacy dispensing interface and reimbursement claim link",
            "Paper token printing with a QR code",
        ],
        standards=[
            (
                "HL7 FHIR MedicationRequest and MedicationDispense",
                "R4B (4.3.0)",
                "Prescription and dispensing messages",
            ),
            ("Tarvenia Medicinal Product Dictionary", "Release 2025.2", "Coding of medicinal products"),
            ("ISO 11615 (IDMP)", "2017", "Identification of medicinal products"),
            ("GS1 GTIN", "General Specifications 24.0", "Pack-level product identifiers"),
            ("ISO/IEC 18004", "2015", "QR code on the paper token"),
        ],
        owner="National Medicines Agency (NMA)",
        oversight="Medicines Safety Board",
        cadence="every two months",
        audit="Controlled-drug dispensing data are reconciled with wholesaler records every month.",
        kpis=[
            ("Outpatient prescriptions issued electronically (%)", "18", "65", "90"),
            ("Pharmacies dispensing electronically (%)", "31", "80", "97"),
            ("Prescriptions screened for interactions (%)", "10", "75", "95"),
            ("Dispensing errors linked to illegible prescriptions (per 10,000)", "6.1", "2.0", "0.5"),
            ("Controlled-drug prescriptions tracked end to end (%)", "0", "60", "100"),
        ],
        phases=[
            (
                "Pharmacy readiness",
                "September 2025",
                "August 2026",
                "dispensing interface certified for the five largest pharmacy software vendors",
            ),
            (
                "Prescriber roll-out",
                "September 2026",
                "February 2028",
                "electronic prescribing mandatory in public hospitals and district clinics",
            ),
            (
                "Controlled drugs and private prescribers",
                "March 2028",
                "December 2029",
                "controlled-drug tracking live; private prescribers connected",
            ),
        ],
        risks=[
            ("Alert fatigue from interaction checks", "tiered alerts reviewed by the Medicines Safety Board"),
            (
                "Pharmacies without reliable connectivity",
                "offline dispensing with the paper token and later synchronisation",
            ),
            (
                "Prescriptions issued by suspended practitioners",
                "real-time licence check against the Health Practitioner Registry",
            ),
            (
                "Fraudulent reimbursement claims",
                "analytics on dispensing patterns shared with the health insurance fund",
            ),
        ],
    ),
    dict(
        name="Laboratory Results Service",
        abbr="LRS",
        objective=(
            "The Laboratory Results Service delivers coded laboratory results from public and "
            "private laboratories to the requesting clinician, to the patient's record and, for "
            "notifiable conditions, to public health surveillance."
        ),
        scope=(
            "The service covers clinical chemistry, haematology, microbiology, serology, molecular "
            "diagnostics and point-of-care tests performed in accredited laboratories. Anatomical "
            "pathology reports are included as structured documents from Phase 3. Research-only "
            "assays are excluded."
        ),
        components=[
            "Electronic test-ordering module",
            "Result routing engine with critical-value escalation",
            "LOINC mapping workbench for laboratories",
            "Notifiable-disease feed to the National Public Health Laboratory",
            "Cumulative results viewer for clinicians",
        ],
        standards=[
            ("LOINC", "2.78", "Coding of laboratory tests"),
            ("HL7 Version 2 ORU^R01", "2.5.1", "Result messages from laboratory systems"),
            ("HL7 FHIR DiagnosticReport and Observation", "R4 (4.0.1)", "Result exchange via the HIE"),
            ("UCUM", "2.2", "Units of measure"),
            ("ISO 15189", "2022", "Laboratory accreditation requirement"),
        ],
        owner="National Public Health Laboratory (NPHL)",
        oversight="Laboratory Quality Council",
        cadence="every nine months",
        audit="Each connected laboratory must keep ISO 15189 accreditation and take part in external quality assessment.",
        kpis=[
            ("Public laboratories reporting electronically (%)", "44", "85", "98"),
            ("Private laboratories reporting electronically (%)", "15", "60", "90"),
            ("Results coded in LOINC (%)", "20", "80", "95"),
            ("Median time from result validation to clinician (hours)", "36", "8", "2"),
            ("Critical results notified within one hour (%)", "52", "90", "98"),
        ],
        phases=[
            (
                "Public laboratories",
                "February 2026",
                "January 2027",
                "regional and national reference laboratories reporting electronically",
            ),
            (
                "Private laboratories and ordering",
                "February 2027",
                "June 2028",
                "private laboratories connected; electronic ordering in all public hospitals",
            ),
            (
                "Pathology and point of care",
                "July 2028",
                "June 2030",
                "structured anatomical pathology reports; point-of-care devices connected",
            ),
        ],
        risks=[
            (
                "Incorrect LOINC mapping leading to misinterpreted results",
                "double review of mappings and a national mapping library",
            ),
            ("Critical results not reaching a clinician", "escalation to the facility duty doctor after 30 minutes"),
            ("Legacy analysers without interfaces", "middleware funded through the connectivity grant"),
            (
                "Duplicate notifications of notifiable diseases",
                "de-duplication rules agreed with surveillance epidemiologists",
            ),
        ],
    ),
    dict(
        name="Telemedicine Platform",
        abbr="TMP",
        objective=(
            "The Telemedicine Platform enables video, audio and asynchronous consultations "
            "between patients and clinicians and between primary care and specialists, bringing "
            "specialist advice to remote districts."
        ),
        scope=(
            "The platform supports patient-to-clinician teleconsultations, clinician-to-clinician "
            "referral advice, tele-radiology reporting and remote monitoring of chronic conditions. "
            "It is operated by a contracted service provider under a seven-year public\u2013private "
            "partnership, while clinical responsibility stays with the treating facility."
        ),
        components=[
            "Video and audio consultation service with low-bandwidth mode",
            "Scheduling and virtual waiting room",
            "Specialist e-referral and advice queue",
            "Remote monitoring hub for blood pressure and glucose devices",
            "District telemedicine hubs with peripheral examination devices",
        ],
        standards=[
            ("WebRTC", "W3C Recommendation 1.0 (2021)", "Real-time audio and video"),
            ("ISO 13131", "2021", "Quality planning for telehealth services"),
            ("HL7 FHIR Appointment and Encounter", "R4 (4.0.1)", "Scheduling and encounter records"),
            ("ITU-T H.264", "Edition 14 (2021)", "Video coding"),
            ("IEEE 11073 Personal Health Devices", "20601-2019", "Remote monitoring devices"),
        ],
        owner="Directorate of Primary and Remote Care of the Ministry of Health and Social Welfare",
        oversight="Telehealth Quality and Safety Panel",
        cadence="every eight weeks",
        audit="The service provider's performance against the contract is assessed independently every year.",
        kpis=[
            ("Teleconsultations per month (thousand)", "45", "300", "650"),
            ("Districts with a telemedicine hub (%)", "30", "80", "100"),
            ("Consultations with a documented clinical note (%)", "58", "90", "98"),
            ("Dropped-call rate (%)", "8.0", "3.0", "1.0"),
            ("Median wait for a specialist teleconsultation (days)", "9", "3", "1"),
        ],
        phases=[
            (
                "Hub network",
                "June 2025",
                "May 2026",
                "district hubs opened in 40 districts; specialist advice queue live",
            ),
            (
                "Patient teleconsultation",
                "June 2026",
                "November 2027",
                "patient video consultations through the Citizen Health App; tele-radiology reporting",
            ),
            (
                "Remote monitoring",
                "December 2027",
                "December 2028",
                "remote monitoring of hypertension and diabetes; hubs in all districts",
            ),
        ],
        risks=[
            ("Poor video quality in low-bandwidth areas", "automatic fallback to audio and asynchronous messaging"),
            (
                "Unclear clinical liability in remote consultations",
                "national teleconsultation protocol issued by the Ministry",
            ),
            (
                "Dependence on a single service provider",
                "data portability clause and exit plan in the partnership contract",
            ),
            (
                "Clinicians not documenting teleconsultations",
                "clinical note template embedded in the consultation screen",
            ),
        ],
    ),
    dict(
        name="National AI Model Registry",
        abbr="NAMR",
        objective=(
            "The National AI Model Registry keeps a public record of every artificial "
            "intelligence model used in clinical care or health administration in Tarvenia, its "
            "intended use, risk class, evaluation evidence and monitoring status."
        ),
        scope=(
            "Registration is mandatory before deployment for every AI model in risk classes B, C and "
            "D, whether developed in-house, bought from a vendor or provided as a cloud service. "
            "Class A models are recorded in a simplified notification. Models used only for "
            "research under ethics approval are exempt until they are deployed in care."
        ),
        components=[
            "Registration portal for deployers and vendors",
            "Model fact sheet with intended use, training data summary and performance",
            "Evidence repository for pre-deployment evaluation reports",
            "Post-deployment monitoring dashboard fed by deployers",
            "Incident intake linked to the clinical AI incident reporting process",
            "Public register listing all class B, C and D models",
        ],
        standards=[
            ("ISO/IEC 42001", "2023", "AI management system of deployers"),
            ("ISO/IEC 23894", "2023", "AI risk management"),
            ("IEC 62304", "2006 + A1:2015", "Software life-cycle processes"),
            ("ISO 14971", "2019", "Risk management for medical devices"),
            ("TRIPOD+AI", "2024", "Reporting of prediction model evaluations"),
        ],
        owner="Clinical AI Safety Unit of the NDHA",
        oversight="National AI Assurance Committee",
        cadence="every month",
        audit="A random 10% of registered class C and D models are audited on site each year.",
        kpis=[
            ("Deployed clinical AI models registered (%)", "15", "90", "100"),
            ("Class C and D models with evaluation report on file (%)", "20", "100", "100"),
            ("Models with a post-deployment monitoring plan (%)", "10", "85", "100"),
            ("Median registration processing time (working days)", "60", "25", "15"),
            ("Serious AI incidents reported within 48 hours (%)", "35", "90", "98"),
        ],
        phases=[
            (
                "Registry launch",
                "January 2026",
                "September 2026",
                "registration portal live; voluntary registration of models already in use",
            ),
            (
                "Mandatory registration",
                "October 2026",
                "December 2027",
                "registration mandatory for new deployments; public register published",
            ),
            (
                "Monitoring at scale",
                "January 2028",
                "December 2030",
                "monitoring dashboards for all class C and D models; on-site audit programme",
            ),
        ],
        risks=[
            (
                "Models deployed without registration",
                "procurement rules require a registry number before contract signature",
            ),
            (
                "Vendors withholding evaluation evidence as confidential",
                "confidential annex visible only to the National AI Assurance Committee",
            ),
            (
                "Performance drift after deployment going unnoticed",
                "quarterly monitoring returns for class C and D models",
            ),
            (
                "Limited evaluation capacity in the NDHA",
                "accredited independent evaluation centres at two universities",
            ),
        ],
    ),
    dict(
        name="Terminology Service",
        abbr="NTS",
        objective=(
            "The Terminology Service publishes and maintains the code systems, value sets and "
            "maps that all building blocks use, so that a diagnosis, test or medicine means the "
            "same thing in every system."
        ),
        scope=(
            "The service covers clinical terminology, classifications for statistics and "
            "reimbursement, laboratory codes, medicinal product codes and administrative value sets. "
            "It hosts the Tarvenian national extension of SNOMED CT and the transition from ICD-10 to "
            "ICD-11 for morbidity and mortality coding."
        ),
        components=[
            "Terminology server with FHIR terminology operations",
            "National SNOMED CT extension and translation workspace",
            "Value set authoring and publication workflow",
            "ICD-10 to ICD-11 map maintenance",
            "Code request portal for clinicians and vendors",
        ],
        standards=[
            ("SNOMED CT International Edition", "January 2025 release", "Clinical terminology"),
            ("ICD-11 for Mortality and Morbidity Statistics", "2025-01", "Statistical classification"),
            ("LOINC", "2.78", "Laboratory and clinical observations"),
            ("HL7 FHIR terminology module", "R4 (4.0.1)", "CodeSystem, ValueSet and ConceptMap operations"),
            ("ATC/DDD Index", "2025", "Classification of medicines"),
        ],
        owner="National Terminology Centre (NTC)",
        oversight="Terminology Editorial Board",
        cadence="every eighteen months",
        audit="The national SNOMED CT extension is released twice a year, in April and October.",
        kpis=[
            ("Hospitals using national value sets (%)", "12", "60", "90"),
            ("Inpatient diagnoses coded in ICD-11 (%)", "0", "50", "90"),
            ("Concepts in the national SNOMED CT extension (thousand)", "8", "40", "75"),
            ("Median time to publish a new code request (days)", "120", "45", "20"),
            ("ICD-10 to ICD-11 map coverage (%)", "35", "95", "100"),
        ],
        phases=[
            (
                "Terminology server",
                "April 2025",
                "March 2026",
                "terminology server live; first national value sets published",
            ),
            (
                "ICD-11 transition",
                "April 2026",
                "March 2028",
                "dual coding in ICD-10 and ICD-11 in all public hospitals",
            ),
            (
                "ICD-11 only",
                "April 2028",
                "March 2030",
                "ICD-10 retired for morbidity coding; translation of SNOMED CT into Tarvenian completed",
            ),
        ],
        risks=[
            ("Shortage of trained clinical coders", "national coder training programme with 400 places per year"),
            ("Licensing costs of international terminologies", "national licences negotiated centrally by the NDHA"),
            (
                "Breaks in statistical time series after the ICD-11 switch",
                "two years of dual coding and published bridge-coding factors",
            ),
            (
                "Local code lists diverging from national value sets",
                "conformance checks at the Health Information Exchange",
            ),
        ],
    ),
    dict(
        name="Health Analytics Platform",
        abbr="HAP",
        objective=(
            "The Health Analytics Platform turns routine data from the building blocks into "
            "indicators, dashboards and research datasets for planners, managers and approved "
            "researchers, without exposing identifiable information."
        ),
        scope=(
            "The platform holds pseudonymised copies of data from the Health Information Exchange, "
            "the Laboratory Results Service, the e-Prescription Service and the registries. "
            "Identifiable data never leave the exchange; linkage is performed by a trusted third "
            "party inside the NDHA. Access for research requires approval by the Analytics Ethics "
            "Panel and takes place in a secure research environment."
        ),
        components=[
            "Pseudonymisation and linkage service operated by a trusted third party",
            "Data warehouse in the OMOP common data model",
            "Indicator engine and regional dashboards",
            "Secure research environment with output checking",
            "Metadata catalogue of available datasets",
        ],
        standards=[
            ("OMOP Common Data Model", "5.4", "Analytical data model"),
            ("HL7 FHIR Bulk Data Access", "2.0.0", "Extraction from source systems"),
            ("ISO 25237", "2017", "Pseudonymisation"),
            ("ISO/IEC 20889", "2018", "De-identification techniques"),
            ("SDMX", "3.0", "Exchange of aggregate statistics"),
        ],
        owner="Health Statistics and Intelligence Bureau (HSIB)",
        oversight="Analytics Ethics Panel",
        cadence="every twelve months",
        audit="Every research output is checked for disclosure risk before it leaves the secure environment.",
        kpis=[
            ("Core indicators produced automatically (%)", "5", "60", "90"),
            ("Datasets available to approved researchers (number)", "3", "25", "60"),
            ("Median time to decide a data access request (days)", "180", "60", "30"),
            ("Regions with live dashboards (of 14)", "2", "10", "14"),
            ("Confirmed re-identification incidents (number)", "0", "0", "0"),
        ],
        phases=[
            (
                "Data foundation",
                "January 2027",
                "December 2027",
                "pseudonymisation service and OMOP warehouse live with exchange and laboratory data",
            ),
            (
                "Dashboards",
                "January 2028",
                "June 2029",
                "regional dashboards in all regions; automatic production of core indicators",
            ),
            (
                "Research access",
                "July 2029",
                "December 2030",
                "secure research environment open to approved researchers",
            ),
        ],
        risks=[
            (
                "Re-identification of individuals from linked data",
                "output checking, minimum cell sizes of 10 and access only in the secure environment",
            ),
            ("Poor data quality undermining indicators", "data quality scores published with every indicator"),
            (
                "Loss of public trust in secondary use",
                "public register of approved projects and consent options in the Consent Manager",
            ),
            ("Analytical skills shortage in regions", "regional analyst fellowship programme"),
        ],
    ),
    dict(
        name="Citizen Health App",
        abbr="CHA",
        objective=(
            "The Citizen Health App, branded MyHealth Tarvenia, gives residents one place to see "
            "their health records, manage consent, book appointments, receive prescriptions and "
            "results, and join teleconsultations."
        ),
        scope=(
            "The app is available on Android and iOS and as a web application. It serves residents "
            "aged 16 and over in their own right and lets parents and registered carers act for "
            "dependants. It displays data from the building blocks but stores no clinical record of "
            "its own beyond an encrypted cache on the device."
        ),
        components=[
            "Personal health record view of documents, results and prescriptions",
            "Consent dashboard linked to the Consent Manager",
            "Appointment booking and teleconsultation entry point",
            "Proxy access for parents and carers",
            "Notification centre for results, reminders and public health messages",
            "Digital vaccination certificate",
        ],
        standards=[
            ("WCAG", "2.2 level AA", "Accessibility of app and web screens"),
            ("SMART App Launch", "2.1", "Authorisation of the app against FHIR servers"),
            ("OWASP MASVS", "2.0", "Mobile application security verification"),
            ("ISO/IEC 27701", "2019", "Privacy information management"),
            ("OpenID Connect Core", "1.0 (errata set 2)", "Resident sign-in with the Health ID"),
        ],
        owner="Directorate of Citizen Services of the NDHA",
        oversight="Patient and Public Advisory Forum",
        cadence="every six months",
        audit="An independent penetration test is carried out before every major release.",
        kpis=[
            ("Monthly active users (million)", "0.3", "2.2", "4.5"),
            ("Users who have opened a clinical document (%)", "4", "30", "50"),
            ("WCAG 2.2 AA success criteria met (%)", "62", "95", "100"),
            ("Languages supported (number)", "2", "4", "6"),
            ("Median app start time (seconds)", "6.5", "3.0", "2.0"),
        ],
        phases=[
            (
                "Minimum viable app",
                "November 2025",
                "October 2026",
                "records view, vaccination certificate and consent dashboard",
            ),
            (
                "Services",
                "November 2026",
                "April 2028",
                "appointment booking, e-prescription tokens and teleconsultation entry",
            ),
            (
                "Proxy access and languages",
                "May 2028",
                "December 2029",
                "proxy access for carers and four additional languages",
            ),
        ],
        risks=[
            (
                "Digital exclusion of residents without smartphones",
                "web version, assisted access at pharmacies and the paper token",
            ),
            ("Account takeover", "multi-factor authentication and device binding"),
            (
                "Misinterpretation of results viewed without a clinician",
                "release of sensitive results only after clinician review, with a 7-day delay",
            ),
            ("Feature overload", "release planning with the Patient and Public Advisory Forum"),
        ],
    ),
]

# ---------------------------------------------------------------------------------------------
ABBREVIATIONS = [
    ("AI", "Artificial intelligence"),
    ("API", "Application programming interface"),
    ("ATC", "Anatomical Therapeutic Chemical classification"),
    ("ATNA", "Audit Trail and Node Authentication"),
    ("CDA", "Clinical Document Architecture"),
    ("CDM", "Common data model"),
    ("CDPO", "Chief Data Protection Officer"),
    ("CHA", "Citizen Health App"),
    ("CM", "Consent Manager"),
    ("CTO", "Chief Technology Officer"),
    ("DDD", "Defined daily dose"),
    ("DHA", "Digital Health Act 2024"),
    ("DPC", "Data Protection Commissioner"),
    ("DPIA", "Data protection impact assessment"),
    ("DPOC", "Data Protection Oversight Committee"),
    ("EPS", "e-Prescription Service"),
    ("EQA", "External quality assessment"),
    ("FHIR", "Fast Healthcare Interoperability Resources"),
    ("GLN", "Global Location Number"),
    ("GTIN", "Global Trade Item Number"),
    ("HAP", "Health Analytics Platform"),
    ("HFR", "Health Facility Registry"),
    ("HIE", "Health Information Exchange"),
    ("HL7", "Health Level Seven"),
    ("HPR", "Health Practitioner Registry"),
    ("HSIB", "Health Statistics and Intelligence Bureau"),
    ("IAB", "Identity Assurance Board"),
    ("ICD", "International Classification of Diseases"),
    ("IDMP", "Identification of Medicinal Products"),
    ("IHE", "Integrating the Healthcare Enterprise"),
    ("ISCO", "International Standard Classification of Occupations"),
    ("ISG", "Interoperability Steering Group"),
    ("KPI", "Key performance indicator"),
    ("LIMS", "Laboratory information management system"),
    ("LOINC", "Logical Observation Identifiers Names and Codes"),
    ("LRS", "Laboratory Results Service"),
    ("MASVS", "Mobile Application Security Verification Standard"),
    ("MHSW", "Ministry of Health and Social Welfare"),
    ("MPI", "Master patient index"),
    ("NAAC", "National AI Assurance Committee"),
    ("NAMR", "National AI Model Registry"),
    ("NDHA", "National Digital Health Authority"),
    ("NDHB", "National Digital Health Blueprint"),
    ("NMA", "National Medicines Agency"),
    ("NPHL", "National Public Health Laboratory"),
    ("NPR", "National Population Register"),
    ("NTC", "National Terminology Centre"),
    ("NTS", "National Terminology Service"),
    ("OMOP", "Observational Medical Outcomes Partnership"),
    ("PDQ", "Patient Demographics Query"),
    ("PIX", "Patient Identifier Cross-referencing"),
    ("PMO", "Programme Management Office"),
    ("PPAF", "Patient and Public Advisory Forum"),
    ("PPP", "Public\u2013private partnership"),
    ("QR", "Quick response (code)"),
    ("RHA", "Regional health authority"),
    ("SDMX", "Statistical Data and Metadata eXchange"),
    ("SMART", "Substitutable Medical Applications, Reusable Technologies"),
    ("SNOMED CT", "Systematized Nomenclature of Medicine \u2013 Clinical Terms"),
    ("SOC", "Security operations centre"),
    ("TCHP", "Tarvenian Council of Health Professions"),
    ("THID", "Tarvenia Health ID"),
    ("TMP", "Telemedicine Platform"),
    ("TMPD", "Tarvenia Medicinal Product Dictionary"),
    ("TSC", "Technical Standards Committee"),
    ("TVK", "Tarvenian krona (currency)"),
    ("UCUM", "Unified Code for Units of Measure"),
    ("UMA", "User-Managed Access"),
    ("WCAG", "Web Content Accessibility Guidelines"),
    ("XDS", "Cross-Enterprise Document Sharing"),
]

GLOSSARY = [
    (
        "Break-glass access",
        "Access to a resident's health information without prior consent, permitted only "
        "when the resident's life or health is at immediate risk and the resident cannot consent; every "
        "event is logged and reviewed.",
    ),
    (
        "Building block",
        "A reusable national digital service with a defined owner, standards and "
        "performance indicators, on which facilities and vendors can build their own applications.",
    ),
    (
        "Consent artefact",
        "A machine-readable, digitally signed record of a resident's decision about who "
        "may access which categories of their data, for what purpose and for how long.",
    ),
    (
        "Data controller",
        "The organisation that decides why and how personal data are processed and is "
        "accountable for that processing under the Personal Data Protection Act.",
    ),
    (
        "Data steward",
        "A named person in an owning organisation responsible for the day-to-day quality "
        "and fitness for use of a dataset.",
    ),
    (
        "Deployer",
        "An organisation that puts an AI model into use in its own services, whether it "
        "developed the model itself or acquired it from a vendor.",
    ),
    (
        "Federated architecture",
        "An arrangement in which records stay in the systems where they were "
        "created and a central service holds only an index and routing information.",
    ),
    (
        "Golden record",
        "The single, reconciled version of an entity (a person, facility or practitioner) "
        "that a registry publishes after matching and merging all source records.",
    ),
    (
        "Interoperability",
        "The ability of different systems to exchange data and to use the exchanged "
        "data without special effort by the user.",
    ),
    (
        "Master patient index",
        "The component of the Tarvenia Health ID Registry that links identifiers "
        "issued by facilities to a single Health ID.",
    ),
    (
        "Model drift",
        "A deterioration in the performance of an AI model over time because the data it "
        "meets in practice differ from the data on which it was developed or evaluated.",
    ),
    (
        "Notifiable condition",
        "A disease or event that laboratories and clinicians must report to public "
        "health authorities under the Public Health Act.",
    ),
    (
        "Proxy access",
        "Access to a resident's records and services by another person, such as a parent or "
        "registered carer, acting on the resident's behalf.",
    ),
    (
        "Pseudonymisation",
        "Replacement of direct identifiers with a consistent code so that records can be "
        "linked without revealing identity; the key is held separately by a trusted third party.",
    ),
    (
        "Risk class",
        "One of four categories (A to D) into which every AI model is placed according to the "
        "potential harm of an incorrect output.",
    ),
    (
        "Secure research environment",
        "A controlled computing environment in which approved researchers "
        "analyse pseudonymised data and from which only checked outputs may be removed.",
    ),
    (
        "Serious AI incident",
        "An event in which the output of an AI model contributed, or could have "
        "contributed, to death, serious deterioration in health, or a major disruption of care.",
    ),
    (
        "Trusted third party",
        "An organisational unit, separate from data users, that holds pseudonymisation "
        "keys and performs record linkage.",
    ),
    (
        "Value set",
        "A selected list of codes from one or more code systems intended for a specific use, "
        "such as the allowed reasons for referral.",
    ),
    (
        "Vendor certification",
        "Formal confirmation by the NDHA that a software product has passed the "
        "conformance tests for one or more building blocks.",
    ),
]

# budget in TVK million, by block and year 2025..2030
BUDGET = {
    "THID": [42.0, 55.5, 38.0, 21.5, 12.0, 10.0],
    "HFR": [8.5, 11.0, 9.5, 6.0, 4.5, 4.0],
    "HPR": [6.0, 12.5, 14.0, 8.5, 5.0, 4.5],
    "CM": [3.0, 18.0, 22.5, 16.0, 11.0, 9.5],
    "HIE": [35.0, 61.0, 74.5, 58.0, 40.0, 32.0],
    "EPS": [9.0, 24.0, 31.5, 27.0, 15.5, 11.0],
    "LRS": [2.5, 19.5, 28.0, 33.5, 21.0, 14.5],
    "TMP": [18.0, 29.0, 36.5, 30.0, 22.0, 20.5],
    "NAMR": [1.5, 7.0, 9.5, 8.0, 6.5, 6.0],
    "NTS": [7.5, 10.0, 12.5, 9.0, 7.0, 6.5],
    "HAP": [1.0, 4.0, 19.0, 26.5, 24.0, 18.0],
    "CHA": [5.0, 16.5, 21.0, 18.5, 14.0, 12.0],
}
