"""The Marrowgate-Quillon agreement's Schedules 1 to 3 (`build_marrowgate.py`): the service level
agreement, the fee schedule and the AI addendum. Everything here is invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from marrowgate_layout import clause, heading, para, schedule_title, table


def schedule_1(doc):
    """Schedule 1, the service level agreement: measurement, maintenance and severity levels."""
    schedule_title(doc, "Schedule 1", "Service Level Agreement")
    para(
        doc,
        "1.  **Measurement.** \u201c**Platform Availability**\u201d means the percentage of minutes in a calendar "
        "month during which the Services are able to receive Customer\u2019s data feeds, compute risk scores and "
        "deliver them to Customer\u2019s electronic health record, excluding Scheduled Maintenance, measured by "
        "Vendor\u2019s monitoring tools and verifiable by Customer\u2019s interface engine logs.",
    )
    para(
        doc,
        "2.  **Scheduled Maintenance** means maintenance that is (a) notified to Customer at least 5 Business Days "
        "in advance, (b) performed within the window of Sunday 01:00 to 05:00 Customer local time, and (c) does "
        "not exceed 8 hours in total in any calendar month. Maintenance outside these limits counts as "
        "unavailability.",
    )
    para(
        doc,
        "3.  **Severity levels.** \u201cSeverity 1\u201d means the Services are unavailable, or risk scores are not "
        "being delivered or are demonstrably incorrect, at one or more Facilities. \u201cSeverity 2\u201d means a "
        "material function (such as the clinician dashboard or alert routing) is degraded but risk scores are "
        "being delivered. \u201cSeverity 3\u201d means any other fault or request.",
    )
    para(
        doc,
        "4.  **Service level table.** Service Credits are calculated as a percentage of the Monthly Fee for the "
        "month in which the failure occurs:",
        space_after=6,
    ).paragraph_format.keep_with_next = True


def service_level_table(doc):
    """Schedule 1, continued: the service level table and the notes under it."""
    sla_rows = [
        [
            "1",
            "Platform Availability",
            "\u2265 99.9% per calendar month",
            "Monthly, excluding Scheduled Maintenance",
            "99.5% to < 99.9%: **5%**\n99.0% to < 99.5%: **10%**\n< 99.0%: **15%**",
        ],
        [
            "2",
            "Risk score latency",
            "95% of risk scores delivered to the EHR within 5 minutes of receipt of the triggering data",
            "Monthly, per Facility",
            "**5%** if target missed at any Facility",
        ],
        [
            "3",
            "Severity 1 \u2013 response",
            "Response by an engineer within 30 minutes, 24 hours a day, 7 days a week",
            "Per incident",
            "**3%** per incident missed",
        ],
        [
            "4",
            "Severity 1 \u2013 resolution or workaround",
            "Within 4 hours of the incident being logged",
            "Per incident",
            "**5%** per incident missed",
        ],
        [
            "5",
            "Severity 2 \u2013 response",
            "Within 2 business hours (07:00\u201319:00 Monday to Friday)",
            "Per incident",
            "**2%** per incident missed",
        ],
        ["6", "Severity 2 \u2013 resolution", "Within 2 Business Days", "Per incident", "**1%** per incident missed"],
        ["7", "Severity 3 \u2013 response", "Within 1 Business Day", "Monthly, 90% of incidents", "None"],
        [
            "8",
            "Model performance report",
            "Delivered by the 10th Business Day of each month (see paragraph AI-5 of Schedule 3)",
            "Monthly",
            "**2%**",
        ],
        [
            "9",
            "Recovery point objective (RPO)",
            "No more than 15 minutes of data loss following a disaster",
            "Per event; tested annually",
            "**10%**",
        ],
        [
            "10",
            "Recovery time objective (RTO)",
            "Services restored within 8 hours following a disaster",
            "Per event; tested annually",
            "**10%**",
        ],
        [
            "11",
            "Security Incident notification",
            "Within 48 hours of awareness (clause 8.3)",
            "Per incident",
            "**5%** (without prejudice to clauses 12.2 and 14.3)",
        ],
    ]
    table(
        doc,
        ["No.", "Metric", "Target", "Measurement period", "Service Credit (% of Monthly Fee)"],
        sla_rows,
        [0.4, 1.35, 2.15, 1.25, 1.35],
        font=8.5,
    )
    para(doc, "")
    para(
        doc,
        "5.  **Notes to the table.** (a) Where a single event causes failures under more than one row, only the "
        "highest applicable Service Credit applies. (b) Service Credits are subject to the monthly cap in clause "
        "5.2. (c) Unavailability caused by Customer\u2019s network, Customer\u2019s electronic health record "
        "vendor or a failure of Customer\u2019s data feeds is excluded, provided Vendor notifies Customer of the "
        "cause within 1 Business Day. (d) Customer must claim a Service Credit within 60 days after receipt of "
        "the monthly service level report; otherwise the credit is waived.",
        size=9.5,
    )
    para(
        doc,
        "6.  **Support.** Vendor shall operate a 24/7 support line for Severity 1 incidents. Customer\u2019s "
        "service desk is the single point of contact for logging incidents.",
        size=9.5,
    )


def schedule_2(doc):
    """Schedule 2, the fee schedule."""
    # ================================================================= SCHEDULE 2 FEES
    schedule_title(doc, "Schedule 2", "Fee Schedule")
    para(
        doc,
        "1.  All fees are in United States dollars (USD), exclusive of any applicable taxes (see clause 4.6), and "
        "are payable within 45 days after receipt of an undisputed invoice in accordance with clause 4.3.",
    )
    para(
        doc,
        "2.  The Annual Subscription Fee covers all three Facilities listed at the Effective Date, unlimited "
        "Authorized Users at those Facilities, hosting, support, the monthly model performance report and the "
        "annual bias audit described in paragraph AI-7 of Schedule 3.",
        space_after=6,
    ).paragraph_format.keep_with_next = True

    fee_rows = [
        [
            "A",
            "Implementation fee (one-time)",
            "185,000",
            "50% on signature of this Agreement; 50% on the Go-Live Date",
            "Net 45",
        ],
        [
            "B",
            "Annual Subscription Fee \u2013 Contract Year 1",
            "412,000",
            "Annually in advance on the Go-Live Date",
            "Net 45",
        ],
        [
            "C",
            "Annual Subscription Fee \u2013 Contract Year 2",
            "424,360",
            "Annually in advance on the first anniversary of the Go-Live Date",
            "Net 45",
        ],
        [
            "D",
            "Annual Subscription Fee \u2013 Contract Year 3",
            "437,090",
            "Annually in advance on the second anniversary of the Go-Live Date",
            "Net 45",
        ],
        [
            "E",
            "Onboarding of an additional Facility (clause 2.4)",
            "38,500 per Facility",
            "On the date the additional Facility goes live",
            "Net 45",
        ],
        ["F", "Clinical informaticist (professional services)", "245 per hour", "Monthly in arrears", "Net 45"],
        ["G", "Integration engineer (professional services)", "210 per hour", "Monthly in arrears", "Net 45"],
        [
            "H",
            "Transition assistance (clause 13.5)",
            "At rates F and G, capped at 60,000 in total",
            "Monthly in arrears",
            "Net 45",
        ],
        [
            "I",
            "Additional Local Validation requested by Customer (beyond those in paragraph AI-3)",
            "18,000 per validation",
            "On delivery of the validation report",
            "Net 45",
        ],
    ]
    table(
        doc,
        ["Item", "Description", "Amount (USD)", "Invoicing", "Payment terms"],
        fee_rows,
        [0.45, 2.2, 1.3, 1.85, 0.8],
        font=8.5,
    )
    para(doc, "")
    para(
        doc,
        "3.  The Annual Subscription Fees for Contract Years 2 and 3 reflect a fixed uplift of 3% per year on the "
        "preceding Contract Year and are not subject to any further indexation during the Initial Term.",
        size=9.5,
    )
    para(
        doc,
        "4.  Professional services are chargeable only against a written work order approved by Customer\u2019s "
        "project lead. Travel expenses are not chargeable unless approved in writing in advance and are then "
        "reimbursed in accordance with Customer\u2019s travel policy.",
        size=9.5,
    )
    para(
        doc,
        "5.  Invoices shall quote the agreement reference MHP-QPI-MSA-2025-017 and Customer\u2019s purchase order "
        "number and be sent to Customer\u2019s accounts payable department.",
        size=9.5,
    )


def schedule_3(doc):
    """Schedule 3, the AI addendum: AI-1 intended use and AI-2 model documentation."""
    schedule_title(doc, "Schedule 3", "AI Addendum")
    para(
        doc,
        "This AI Addendum forms part of the Agreement. Paragraph numbers in this Schedule are prefixed \u201cAI-\u201d.",
        italic=True,
    )

    heading(doc, "AI-1", "Intended Use")
    clause(
        doc,
        "AI-1.1",
        "The Model is intended to estimate, every 15 minutes, the risk that an adult inpatient or "
        "emergency department patient aged 18 years or older is developing sepsis, and to alert the "
        "responsible care team when the risk score reaches the Alert Threshold (the \u201c**Intended "
        "Use**\u201d).",
        level=2,
    )
    clause(
        doc,
        "AI-1.2",
        "The Model is not intended for, and Customer shall configure the Services so that no risk scores "
        "are displayed for: (a) patients under 18 years of age; (b) patients who are pregnant or within 6 weeks "
        "postpartum (obstetric patients); or (c) patients receiving comfort-care-only treatment.",
        level=2,
    )
    clause(
        doc,
        "AI-1.3",
        "The outputs of the Model are advisory only. The Model does not diagnose sepsis, does not "
        "recommend a treatment and shall not be used to delay or withhold care.",
        level=2,
    )

    heading(doc, "AI-2", "Model Documentation")
    clause(
        doc,
        "AI-2.1",
        "No later than 30 days before the start of the Local Validation, Vendor shall deliver a Model "
        "Card for the version of the Model to be deployed, which shall describe at least:",
        level=2,
        keep=True,
    )
    clause(doc, "(a)", "the source, date range and size of the training and test data sets;", level=3)
    clause(doc, "(b)", "the input variables and how missing values are handled;", level=3)
    clause(
        doc,
        "(c)",
        "overall discrimination (AUROC) and calibration, and the sensitivity and positive predictive "
        "value at the default Alert Threshold;",
        level=3,
    )
    clause(doc, "(d)", "performance by age band, sex, race and ethnicity, and payer type; and", level=3)
    clause(doc, "(e)", "known limitations and populations in which the Model has not been validated.", level=3)
    clause(
        doc,
        "AI-2.2",
        "Vendor shall update the Model Card with every Material Model Change and at least once a year.",
        level=2,
    )


def ai_3_to_4(doc):
    """AI-3 and AI-4: local validation and alert threshold, model change notification."""
    heading(doc, "AI-3", "Local Validation and Alert Threshold")
    clause(
        doc,
        "AI-3.1",
        "Before the Go-Live Date, the Model shall run in silent mode (scores computed but not shown to "
        "clinicians) on Customer\u2019s live data at each Facility for a period of at least 60 days (the "
        "\u201c**Local Validation**\u201d).",
        level=2,
    )
    clause(
        doc,
        "AI-3.2",
        "The Local Validation is passed only if, measured against sepsis cases identified by "
        "Customer\u2019s chart-review criteria, the Model achieves at each Facility: (a) an AUROC of at least "
        "0.80; and (b) a sensitivity of at least 0.75 at the proposed Alert Threshold, with no more than "
        "8 alerts per 100 patient-days.",
        level=2,
    )
    clause(
        doc,
        "AI-3.3",
        "If the Model fails the Local Validation, Vendor shall recalibrate the Model at its own cost "
        "within 45 days and a second Local Validation shall be run. If the Model fails the second Local "
        "Validation, Customer may terminate under clause 13.3(c) and Vendor shall refund the implementation fee "
        "in full.",
        level=2,
    )
    clause(
        doc,
        "AI-3.4",
        "The Alert Threshold for each Facility shall be proposed by Vendor on the basis of the Local "
        "Validation and approved by the AI Governance Committee. Vendor shall not change an approved Alert "
        "Threshold without that committee\u2019s written approval.",
        level=2,
    )

    heading(doc, "AI-4", "Model Change Notification")
    clause(
        doc,
        "AI-4.1",
        "Vendor shall give Customer written notice of any Material Model Change at least 60 days "
        "before the changed Model is deployed to Customer\u2019s production environment.",
        level=2,
    )
    clause(doc, "AI-4.2", "Each notice under paragraph AI-4.1 shall include:", level=2, keep=True)
    notice_items = [
        "a plain-language description of the change and the reason for it;",
        "an updated Model Card and the validation results for the changed Model;",
        "an estimate of the impact on alert volume at each Facility, based on a retrospective run on "
        "Customer\u2019s data from the preceding 90 days;",
        "any change required to Customer\u2019s data feeds, workflows or clinician training; and",
        "a rollback plan enabling reversion to the prior version within 24 hours.",
    ]
    for i, item in enumerate(notice_items):
        clause(doc, f"({'i' * (i + 1) if i < 3 else ['iv', 'v'][i - 3]})", item, level=4)
    clause(
        doc,
        "AI-4.3",
        "Changes that are not Material Model Changes (for example, bug fixes or performance "
        "optimizations that do not alter scores) shall be listed in the monthly release notes. Where Vendor "
        "must deploy a Material Model Change urgently to correct a patient-safety or security defect, Vendor "
        "may deploy it without the notice period in paragraph AI-4.1, provided that it notifies Customer within "
        "24 hours after deployment and provides the information in paragraph AI-4.2 within 10 Business Days.",
        level=2,
    )
    clause(
        doc,
        "AI-4.4",
        "Customer may object to a Material Model Change by written notice within 30 days after "
        "receiving the notice under paragraph AI-4.1. If Customer objects, Vendor shall continue to make the "
        "prior version of the Model available to Customer, on the same terms, for at least 12 months after the "
        "date of the objection. If Vendor is unable or unwilling to do so, Customer may terminate under clause "
        "13.3(a).",
        level=2,
    )


def ai_5_to_8(doc):
    """AI-5 to AI-8: monitoring and drift, human oversight, bias audit, generative AI."""
    heading(doc, "AI-5", "Performance Monitoring and Drift")
    clause(
        doc,
        "AI-5.1",
        "Vendor shall deliver to the AI Governance Committee a monthly model performance report by the "
        "10th Business Day of each month, showing for each Facility: alert volume, alert rate per 100 "
        "patient-days, sensitivity, positive predictive value, AUROC on a rolling 90-day window, and the same "
        "measures broken down by the subgroups listed in paragraph AI-2.1(d).",
        level=2,
    )
    clause(
        doc,
        "AI-5.2",
        "A \u201c**Performance Degradation Event**\u201d occurs if, at any Facility, (a) the AUROC on a "
        "rolling 90-day window falls below 0.75; (b) the alert rate per 100 patient-days differs by more than "
        "25% from the baseline established in the Local Validation; or (c) sensitivity for any subgroup listed "
        "in paragraph AI-2.1(d) falls more than 0.10 below the overall sensitivity.",
        level=2,
    )
    clause(
        doc,
        "AI-5.3",
        "Vendor shall notify Customer of a Performance Degradation Event within 5 Business Days after "
        "detecting it, and shall deliver a written root-cause analysis and remediation plan within 15 Business "
        "Days after that notice. If the event is not remedied within 60 days after the notice, Customer may "
        "suspend the Model at the affected Facility and the Annual Subscription Fee shall be reduced pro rata "
        "for the suspension period.",
        level=2,
    )

    heading(doc, "AI-6", "Human Oversight")
    clause(
        doc,
        "AI-6.1",
        "Every alert shall be routed to a named clinical role designated by Customer (at the Effective "
        "Date, the charge nurse of the unit, with escalation to the rapid response team). Vendor shall ensure "
        "the dashboard records the clinician\u2019s acknowledgment of each alert.",
        level=2,
    )
    clause(
        doc,
        "AI-6.2",
        "Customer may at any time, and without liability, switch the Model off at one or more "
        "Facilities for patient-safety reasons. Such suspension shall not count as unavailability.",
        level=2,
    )

    heading(doc, "AI-7", "Bias Audit and Transparency")
    clause(
        doc,
        "AI-7.1",
        "Vendor shall commission, at its own cost, an independent bias audit of the Model as deployed "
        "for Customer once in each Contract Year, conducted by an auditor reasonably acceptable to Customer.",
        level=2,
    )
    clause(
        doc,
        "AI-7.2",
        "Vendor shall provide the full audit report to Customer within 30 days after its completion, "
        "together with a corrective action plan for any material disparity identified.",
        level=2,
    )
    clause(
        doc,
        "AI-7.3",
        "Vendor shall answer reasonable written questions from Customer about the Model\u2019s "
        "functioning, data sources and limitations within 10 Business Days, to support Customer\u2019s own "
        "AI inventory and its alignment with the NIST AI Risk Management Framework.",
        level=2,
    )

    heading(doc, "AI-8", "Generative AI and New Features")
    clause(
        doc,
        "AI-8.1",
        "Vendor shall not introduce any generative AI or large language model functionality into the "
        "Services provided to Customer unless the Parties have first agreed a written amendment under clause "
        "16.7, which shall address the data-use restrictions in clause 7.",
        level=2,
    )


def ai_9(doc):
    """AI-9: regulatory status."""
    heading(doc, "AI-9", "Regulatory Status")
    clause(
        doc,
        "AI-9.1",
        "Vendor represents that, at the Effective Date, it has assessed the Services as clinical "
        "decision support software and shall keep that assessment under review.",
        level=2,
    )
    clause(
        doc,
        "AI-9.2",
        "Vendor shall notify Customer within 10 Business Days after receiving any communication from "
        "the U.S. Food and Drug Administration concerning the regulatory status of the Model. If the Model "
        "becomes subject to a premarket requirement that Vendor has not met, or if Vendor withdraws the Model "
        "from the market, Customer may terminate under clause 13.3(e).",
        level=2,
    )
