"""Questions and answers of the FICTIONAL Tidewell Sentinel VSAQ response (`build_tidewell.py`): the
checkbox glyphs, `ck` for a checkbox response cell, and the eight sections (COMP, HOST, DATA, ACC, IR, AI,
BIAS, SUB) of Part C as (code, title, intro, rows), each row (ID, question, response, comments)."""

ON, OFF = "\u2612", "\u2610"  # checked / unchecked ballot boxes


def ck(answer: str) -> str:
    """A checkbox-glyph response cell with `answer` ticked among Yes, No and N/A."""
    opts = ["Yes", "No", "N/A"]
    return "  ".join(f"{ON if o == answer else OFF} {o}" for o in opts)


# Each section: (code, title, intro, rows). Row = (ID, question, response, comments)
SECTIONS = [
    (
        "COMP",
        "Company & Governance",
        "General information about the vendor organization and its security program.",
        [
            (
                "COMP-01",
                "Provide the full legal name, state of incorporation and headquarters address of the responding entity.",
                "",
                "Tidewell Clinical Intelligence, Inc., a Delaware corporation. Headquarters: 4410 Harbor Reach Drive, Suite 300, Brennick, MA 01873.",
            ),
            (
                "COMP-02",
                "Identify the product(s) and version(s) in scope of this questionnaire.",
                "",
                "Tidewell Sentinel v4.3 (inpatient clinical deterioration early-warning score) and the Sentinel Insights web dashboard. "
                "The Sentinel Brief beta module is out of scope (see AI-02).",
            ),
            (
                "COMP-03",
                "Year founded and current number of employees.",
                "",
                "Founded 2017. 212 full-time employees as of 30 Sep 2025, of whom 38 hold production access.",
            ),
            (
                "COMP-04",
                "Does the company have a designated individual accountable for information security?",
                ck("Yes"),
                "Dana Whitcombe, Chief Information Security Officer, reports directly to the CEO and presents to the Board Audit Committee quarterly.",
            ),
            (
                "COMP-05",
                "Does the company carry cyber liability insurance?",
                ck("Yes"),
                "Cyber/technology E&O coverage of $10 million aggregate. Certificate of insurance available on request; Customer can be named as additional insured.",
            ),
            (
                "COMP-06",
                "Provide your most recent independent security audit report (e.g., SOC 2 Type II, ISO/IEC 27001).",
                ck("Yes"),
                "SOC 2 Type II (Security, Availability, Confidentiality) for the period 1 Jan 2024 – 31 Dec 2024, issued by Marlow & Teague LLP. "
                "One exception noted under CC6.2: two quarterly user access reviews were completed late. Remediated in Q1 2025 by automating review reminders; "
                "no exceptions in the interim bridge letter dated 15 Jul 2025.",
            ),
            (
                "COMP-07",
                "Is the company HITRUST CSF certified?",
                ck("No"),
                "Compensating control: SOC 2 Type II report above plus a HIPAA Security Rule control mapping (Attachment C). "
                "A HITRUST r2 validated assessment is in scoping; target certification Q3 2026.",
            ),
            (
                "COMP-08",
                "Will the company execute a Business Associate Agreement (BAA) with the Customer?",
                "Yes",
                "Tidewell will sign Customer's BAA template. Tidewell's standard BAA is also available.",
            ),
        ],
    ),
    (
        "HOST",
        "Hosting & Resilience",
        "Where and how the service is hosted, and its availability commitments.",
        [
            (
                "HOST-01",
                "Describe the hosting model for the solution.",
                f"{OFF} On-premises\n{OFF} Vendor-owned data center\n{ON} Public cloud (IaaS/PaaS)\n{OFF} Hybrid",
                "Hosted on Stratacloud Services infrastructure (IaaS/PaaS). No components are installed on Customer premises other than an outbound-only interface engine connector.",
            ),
            (
                "HOST-02",
                "In which geographic regions are Customer data stored and processed?",
                "",
                "Primary: Stratacloud US-Central region (Des Moines, Iowa). Disaster recovery: Stratacloud US-East region (Ashburn, Virginia). "
                "Both regions are in the continental United States.",
            ),
            (
                "HOST-03",
                "Will Customer data be stored, processed or accessed from outside the United States?",
                ck("No"),
                "All storage and processing remain in the US. Note: Tier-2 application support engineers located in Canada may view "
                "de-identified application logs only; they have no access to PHI or to production databases.",
            ),
            (
                "HOST-04",
                "Is the environment multi-tenant? If so, describe how Customer data is segregated.",
                ck("Yes"),
                "Logical separation: each customer has a dedicated database schema and a dedicated tenant encryption key. Tenant isolation is tested in the annual penetration test.",
            ),
            (
                "HOST-05",
                "State the Recovery Time Objective (RTO) and Recovery Point Objective (RPO).",
                "",
                "RTO: 8 hours. RPO: 1 hour.",
            ),
            (
                "HOST-06",
                "What availability commitment (SLA) is offered?",
                "",
                "99.9% monthly uptime, excluding scheduled maintenance on Sundays 02:00–05:00 Eastern Time with at least 5 business days' notice.",
            ),
            (
                "HOST-07",
                "Is the disaster recovery plan tested at least annually?",
                ck("Yes"),
                "Full regional failover test performed annually; most recent test completed 17 Apr 2025 with RTO achieved in 5 h 40 min.",
            ),
            (
                "HOST-08",
                "Are backups encrypted and stored separately from production?",
                ck("Yes"),
                "Daily full snapshots plus 15-minute transaction log backups, encrypted, replicated to the DR region and retained for 35 days.",
            ),
        ],
    ),
    (
        "DATA",
        "Data Protection",
        "Data types, encryption, retention and secondary use.",
        [
            (
                "DATA-01",
                "Which categories of data will the solution receive from Customer? (check all that apply)",
                f"{ON} PHI\n{ON} PII\n{OFF} Payment card data\n{OFF} Social Security numbers\n{OFF} Genetic data",
                "ADT events, vital signs, laboratory results and nursing flowsheet assessments received via HL7 v2 and FHIR R4. "
                "SSNs and payment data are not requested and are filtered by the interface if sent.",
            ),
            (
                "DATA-02",
                "Is Customer data encrypted at rest? Describe algorithm and key management.",
                ck("Yes"),
                "AES-256 encryption of databases, object storage and backups. Keys are held in Stratacloud Key Vault backed by FIPS 140-2 Level 3 "
                "validated hardware security modules (HSMs). Data-encryption keys rotate every 90 days; key-encryption keys rotate annually.",
            ),
            (
                "DATA-03",
                "Is Customer data encrypted in transit?",
                ck("Yes"),
                "TLS 1.2 minimum (TLS 1.3 preferred) for all web and API traffic. HL7 v2 feeds traverse a site-to-site IPsec VPN.",
            ),
            (
                "DATA-04",
                "Does the solution support customer-managed encryption keys (BYOK/HYOK)?",
                ck("No"),
                "Compensating controls: per-tenant keys that are never shared across customers; key-access logs can be exported to Customer on request; "
                "crypto-shredding of the tenant key at contract end. BYOK is on the product roadmap for 2026 H2.",
            ),
            (
                "DATA-05",
                "Describe the return and destruction of Customer data upon contract termination.",
                "",
                "Customer data are returned in FHIR Bulk Data (ndjson) or CSV format within 30 days of termination, and then securely deleted from production and "
                "backups within 60 days of termination. A certificate of destruction signed by the CISO is provided.",
            ),
            (
                "DATA-06",
                "Does the solution collect only the minimum data necessary for its function?",
                ck("Yes"),
                "Sentinel v4.3 ingests 41 structured data elements. Free-text clinical notes and images are not ingested.",
            ),
            (
                "DATA-07",
                "Is Customer data used for any purpose other than delivering the contracted service?",
                "",
                "Only de-identified, aggregated metrics (e.g., alert volumes, model calibration statistics) are used for product quality analytics. "
                "Identifiable Customer data is not used for any other purpose. See AI-04 for model training.",
            ),
            ("DATA-08", "Does the company sell, license or otherwise monetize Customer data?", ck("No"), ""),
            (
                "DATA-09",
                "If data are de-identified, which HIPAA method is used?",
                "",
                "Expert Determination (45 CFR 164.514(b)(1)), performed by subprocessor Quillmark Analytics; determination renewed every 2 years (last: Feb 2025).",
            ),
            (
                "DATA-10",
                "Is there a documented data classification and handling policy?",
                "Yes",
                "Policy ISP-07, reviewed annually.",
            ),
            (
                "DATA-11",
                "Is production Customer data ever used in development or test environments?",
                ck("No"),
                "Synthetic data are used for development and test. Any exception requires written approval from the CISO and Customer.",
            ),
        ],
    ),
    (
        "ACC",
        "Access Control",
        "Workforce and customer user access to the solution and its data.",
        [
            (
                "ACC-01",
                "Is multi-factor authentication required for all workforce access to production systems?",
                ck("Yes"),
                "Phishing-resistant FIDO2 hardware keys are required for all production and administrative access.",
            ),
            (
                "ACC-02",
                "Does the application support single sign-on for Customer users?",
                ck("Yes"),
                "SAML 2.0 and OpenID Connect. SCIM 2.0 supported for automated provisioning and deprovisioning.",
            ),
            (
                "ACC-03",
                "How often are privileged accounts reviewed?",
                "",
                "Quarterly, by the system owner and the Security team (see COMP-06 regarding the 2024 exception).",
            ),
            (
                "ACC-04",
                "How quickly is access removed when a workforce member leaves?",
                "",
                "Within 4 hours of HR termination for involuntary separations; by end of last working day otherwise.",
            ),
            (
                "ACC-05",
                "Describe password requirements for any local (non-SSO) accounts.",
                "",
                "Minimum 14 characters, screened against known-breached password lists; lockout after 10 failed attempts.",
            ),
            (
                "ACC-06",
                "Are background checks performed on workforce members with access to Customer data?",
                ck("Yes"),
                "Criminal and employment checks at hire for all staff with production access, repeated every 3 years.",
            ),
            (
                "ACC-07",
                "Is there an automatic session timeout?",
                ck("Yes"),
                "15 minutes of inactivity; configurable by Customer down to 5 minutes.",
            ),
            (
                "ACC-08",
                "Are user activity audit logs available to the Customer?",
                ck("Yes"),
                "Application audit logs (logins, alert views, acknowledgements, configuration changes) retained for 13 months and exportable via syslog or REST API.",
            ),
            ("ACC-09", "Is access to Customer data role-based and least-privilege?", "Yes", ""),
        ],
    ),
    (
        "IR",
        "Incident Response & Vulnerability Management",
        "Detection, response and notification of security incidents; vulnerability handling.",
        [
            (
                "IR-01",
                "Is there a documented and tested incident response plan?",
                ck("Yes"),
                "IR plan reviewed annually; tabletop exercises twice a year, one of which includes a ransomware scenario.",
            ),
            (
                "IR-02",
                "Within what time will the Customer be notified of a security incident involving Customer data?",
                "",
                "Initial notice to Customer's designated security contact within 24 hours of Tidewell's discovery of a Security Incident affecting Customer data; "
                "a written incident report within 5 business days. Breach notifications under HIPAA follow the BAA and are made without unreasonable delay.",
            ),
            (
                "IR-03",
                "Is an independent penetration test performed at least annually?",
                ck("Yes"),
                "Annual external and application penetration test by Ironfell Security. Most recent: June 2025. No critical or high findings remain open.",
            ),
            (
                "IR-04",
                "State remediation timeframes for vulnerabilities by severity.",
                "",
                "Critical: 7 days. High: 30 days. Medium: 90 days. Low: next scheduled release.",
            ),
            (
                "IR-05",
                "Do you operate a 24x7x365 in-house Security Operations Center (SOC)?",
                ck("No"),
                "Compensating control: 24x7 managed detection and response provided by Kestrel Watch, Inc., with escalation to Tidewell's on-call "
                "security engineer within 15 minutes of a high-severity alert.",
            ),
            ("IR-06", "Has the company experienced a reportable data breach in the past 36 months?", ck("No"), ""),
            (
                "IR-07",
                "Provide the contact for reporting security concerns.",
                "",
                "security@tidewell-ci.example; 24x7 hotline +1 (617) 555-0148.",
            ),
        ],
    ),
    (
        "AI",
        "AI Model Development",
        "Design, training, validation and change management of AI/ML functionality.",
        [
            (
                "AI-01",
                "Does the solution use artificial intelligence or machine learning?",
                ck("Yes"),
                "Sentinel uses a gradient-boosted decision-tree ensemble that produces a 0–100 deterioration risk score, refreshed every 15 minutes.",
            ),
            (
                "AI-02",
                "Does the in-scope solution use generative AI or large language models?",
                ck("No"),
                'Not in Sentinel v4.3. An LLM-based shift summary module ("Sentinel Brief") is in limited beta, is not part of this scope and will not be enabled for Customer without a separate agreement.',
            ),
            (
                "AI-03",
                "Describe the source and size of the data used to train the model.",
                "",
                "De-identified EHR data from 9 partner health systems, approximately 2.1 million adult inpatient encounters (2016–2023), used under data-use agreements.",
            ),
            (
                "AI-04",
                "Will Customer data be used to train, retrain or fine-tune the vendor's models?",
                ck("No"),
                "Customer data is not used to train the general Sentinel model. Optional local calibration (site-specific threshold recalibration) uses Customer's own data "
                "only inside Customer's tenant and only with Customer's written opt-in.",
            ),
            (
                "AI-05",
                "State the intended use and regulatory status of the AI functionality.",
                "",
                "Intended use: to support nurses and rapid response teams in identifying adult (18+) inpatients at risk of deterioration in the next 12 hours. "
                "Tidewell has assessed Sentinel v4.3 as non-device clinical decision support; the regulatory assessment memo is available under NDA.",
            ),
            (
                "AI-06",
                "Provide model performance metrics and the population on which they were measured.",
                "",
                "External validation at 3 health systems not used in training (2024): AUROC 0.84. At the default alert threshold (score ≥ 60): sensitivity 71%, "
                "positive predictive value 18%.",
            ),
            (
                "AI-07",
                "Is a model card or equivalent documentation available?",
                ck("Yes"),
                "Sentinel Model Facts label, version 4.3, dated 12 Mar 2025 (Attachment D).",
            ),
            (
                "AI-08",
                "How are model updates managed and communicated to the Customer?",
                "",
                "Major model versions are released at most annually. Customer receives written notice at least 60 days before a model version change and may defer "
                "adoption by one release.",
            ),
            (
                "AI-09",
                "Does a human review AI output before action is taken?",
                ck("Yes"),
                "Alerts are advisory and require nurse acknowledgement. Sentinel takes no autonomous clinical action and places no orders.",
            ),
            (
                "AI-10",
                "Does the solution explain individual predictions?",
                ck("Yes"),
                "Each alert displays the top 5 contributing factors and their trend over the prior 24 hours.",
            ),
            (
                "AI-11",
                "Has the model been validated by a party independent of the vendor?",
                ck("Yes"),
                "Retrospective validation by the Harborline University Center for Clinical Informatics, published 2024.",
            ),
            (
                "AI-12",
                "Can the Customer disable the AI functionality?",
                ck("Yes"),
                "Customer administrators can disable Sentinel per unit or enterprise-wide from the admin console; takes effect within 1 hour.",
            ),
        ],
    ),
    (
        "BIAS",
        "Bias, Fairness & Performance Monitoring",
        "Evaluation of performance across populations and ongoing monitoring in production.",
        [
            (
                "BIAS-01",
                "Has model performance been evaluated across demographic subgroups?",
                ck("Yes"),
                "Evaluated by age band, sex, race/ethnicity, preferred language and payer. The largest AUROC gap across race/ethnicity groups was 0.04.",
            ),
            (
                "BIAS-02",
                "Is the model monitored for data and performance drift after deployment?",
                ck("Yes"),
                "Input distributions monitored monthly; a population stability index (PSI) above 0.2 on any key feature triggers a review by Tidewell's Model Risk Committee. "
                "Calibration against outcomes is checked quarterly.",
            ),
            (
                "BIAS-03",
                "Will the Customer receive periodic performance reports for its own population?",
                ck("Yes"),
                "Quarterly Site Performance Report including alert rates, sensitivity, PPV and subgroup metrics for Customer's patients.",
            ),
            (
                "BIAS-04",
                "Is there a documented process for bias identification and mitigation?",
                "Yes",
                "Procedure MRM-04, Fairness Review.",
            ),
            (
                "BIAS-05",
                "Is the model intended for pediatric patients?",
                ck("N/A"),
                "Not intended for patients under 18. Scores are suppressed for patients under 18 based on date of birth.",
            ),
            (
                "BIAS-06",
                "Do you monitor alert override or dismissal rates?",
                ck("Yes"),
                "Override and dismissal rates by unit are shown in Sentinel Insights.",
            ),
            (
                "BIAS-07",
                "Has an independent third party audited the model for algorithmic bias?",
                ck("No"),
                "Compensating control: semiannual fairness review by Tidewell's internal Model Risk Committee, which includes an external clinical ethicist. "
                "An external algorithmic bias audit is planned for 2026.",
            ),
        ],
    ),
    (
        "SUB",
        "Subprocessors",
        "Third parties engaged by the vendor that store, process or access Customer data.",
        [
            (
                "SUB-01",
                "Do you use subprocessors that store, process or access Customer data?",
                ck("Yes"),
                "See Table 2, Subprocessor List.",
            ),
            (
                "SUB-02",
                "Will the Customer be notified before a new subprocessor is engaged?",
                ck("Yes"),
                "At least 30 days' advance written notice. Customer may object; if unresolved, Customer may terminate the affected service without penalty.",
            ),
            (
                "SUB-03",
                "Are all subprocessors with access to PHI bound by a BAA or equivalent?",
                ck("Yes"),
                "Downstream BAAs in place with each subprocessor that handles PHI (marked in Table 2).",
            ),
        ],
    ),
]
