"""The Marrowgate-Quillon agreement's cover, parties and recitals and clauses 1 to 7
(`build_marrowgate.py`). Everything here is invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Inches
from marrowgate_layout import clause, defn, heading, para, table


def cover(doc):
    """The cover: title, parties, reference table and the contents list."""
    # ================================================================= COVER
    para(doc, "MASTER SERVICES AGREEMENT", align=WD_ALIGN_PARAGRAPH.CENTER, size=18, bold_all=True, space_after=4)
    para(
        doc,
        "for the Quillon EarlySignal\u2122 Sepsis Risk Prediction Service",
        align=WD_ALIGN_PARAGRAPH.CENTER,
        size=12,
        italic=True,
        space_after=18,
    )
    para(doc, "between", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "MARROWGATE HEALTH PARTNERS", align=WD_ALIGN_PARAGRAPH.CENTER, size=12, bold_all=True, space_after=2)
    para(doc, "(\u201cCustomer\u201d)", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "and", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "QUILLON PREDICTIVE, INC.", align=WD_ALIGN_PARAGRAPH.CENTER, size=12, bold_all=True, space_after=2)
    para(doc, "(\u201cVendor\u201d)", align=WD_ALIGN_PARAGRAPH.CENTER, space_after=18)

    table(
        doc,
        ["Agreement reference", "Effective Date", "Version"],
        [["MHP-QPI-MSA-2025-017", "1 March 2025", "Execution version 4.2 (clean)"]],
        [2.2, 1.8, 2.4],
        font=9.5,
    )
    para(doc, "")

    para(doc, "CONTENTS", size=11, bold_all=True, space_after=4)
    contents = [
        "1.  Definitions and Interpretation",
        "2.  Services and Implementation",
        "3.  Term and Renewal",
        "4.  Fees and Payment",
        "5.  Service Levels",
        "6.  Customer Responsibilities",
        "7.  Data Ownership and Data-Use Restrictions",
        "8.  Information Security",
        "9.  Intellectual Property",
        "10. Confidentiality",
        "11. Warranties",
        "12. Indemnities",
        "13. Termination",
        "14. Limitation of Liability",
        "15. Insurance",
        "16. General",
        "Schedule 1 \u2013 Service Level Agreement",
        "Schedule 2 \u2013 Fee Schedule",
        "Schedule 3 \u2013 AI Addendum",
        "Schedule 4 \u2013 Business Associate Agreement",
    ]
    for c in contents:
        p = para(doc, c, space_after=0)
        p.paragraph_format.left_indent = Inches(0.4)


def parties(doc):
    """The parties and the recitals."""
    # ================================================================= PARTIES / RECITALS
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    r = p.add_run("THIS MASTER SERVICES AGREEMENT")
    r.bold = True
    p.add_run(" (the \u201c")
    r = p.add_run("Agreement")
    r.bold = True
    p.add_run("\u201d) is made with effect from the Effective Date stated on the cover page.")

    para(doc, "**BETWEEN:**")
    clause(
        doc,
        "(1)",
        "**MARROWGATE HEALTH PARTNERS**, a not-for-profit integrated health system whose administrative "
        "offices are at 400 Lantern Hill Road, Ashbury, and which operates Marrowgate General Hospital, "
        "St. Brennan Community Hospital and Kestrel Point Medical Center (\u201c**Customer**\u201d); and",
        level=2,
    )
    clause(
        doc,
        "(2)",
        "**QUILLON PREDICTIVE, INC.**, a corporation whose principal place of business is at Suite 1200, "
        "88 Foundry Wharf, Port Emsworth (\u201c**Vendor**\u201d),",
        level=2,
    )
    para(doc, "each a \u201c**Party**\u201d and together the \u201c**Parties**\u201d.")
    para(doc, "**BACKGROUND:**")
    clause(
        doc,
        "(A)",
        "Vendor has developed and operates a cloud-hosted machine-learning service that estimates the "
        "risk that an adult hospitalized patient is developing sepsis and delivers risk scores and alerts into "
        "an electronic health record system.",
        level=2,
    )
    clause(
        doc,
        "(B)",
        "Customer wishes to subscribe to that service for use across its hospitals, subject to the "
        "governance, data-use and model-change controls set out in this Agreement and, in particular, in "
        "Schedule 3 (AI Addendum).",
        level=2,
    )
    clause(
        doc,
        "(C)",
        "In performing the Services Vendor will create, receive, maintain or transmit Protected Health "
        "Information on behalf of Customer and is therefore a business associate of Customer; the Parties have "
        "accordingly entered into the Business Associate Agreement set out in Schedule 4.",
        level=2,
    )
    para(doc, "**IT IS AGREED** as follows:")


def clause_1(doc):
    """Clause 1, definitions and interpretation: the first defined terms."""
    heading(doc, "1.", "Definitions and Interpretation")
    clause(doc, "1.1", "In this Agreement the following words and expressions have the following meanings:", keep=True)
    defn(
        doc,
        "Affiliate",
        "means any entity that directly or indirectly controls, is controlled by, or is under common "
        "control with a Party, where \u201ccontrol\u201d means ownership of more than 50% of the voting interests.",
    )
    defn(
        doc,
        "AI Governance Committee",
        "means Customer\u2019s multidisciplinary committee, chaired by Customer\u2019s "
        "Chief Medical Information Officer, that approves the deployment, monitoring and retirement of clinical "
        "algorithms.",
    )
    defn(
        doc,
        "Alert Threshold",
        "means the risk-score cut-off at or above which the Model generates an alert to "
        "clinicians, as configured for each Facility in accordance with paragraph AI-3 of Schedule 3.",
    )
    defn(
        doc,
        "Authorized User",
        "means an employee, medical staff member or contractor of Customer or its Affiliates "
        "who is permitted by Customer to access the Services.",
    )
    defn(doc, "Business Day", "means a day other than a Saturday, Sunday or a public holiday observed by Customer.")
    defn(
        doc,
        "Customer Data",
        "means all data, including Protected Health Information, submitted to or made available "
        "to the Services by or on behalf of Customer, and all outputs, risk scores and alerts generated by the "
        "Services from such data.",
    )
    defn(
        doc,
        "De-identified Data",
        "means Customer Data that has been de-identified in accordance with clause 7.4(b) "
        "and which Vendor has no reasonable basis to believe can be used to identify an individual.",
    )
    defn(
        doc,
        "Facility",
        "means each hospital listed in paragraph (1) of the parties section above and any additional "
        "hospital added under clause 2.4.",
    )
    defn(
        doc,
        "Go-Live Date",
        "means the date on which the Model first delivers risk scores into Customer\u2019s "
        "production electronic health record for clinical use at the first Facility, following successful "
        "completion of the Local Validation under paragraph AI-3 of Schedule 3.",
    )
    defn(doc, "Initial Term", "has the meaning given in clause 3.1.")
    defn(
        doc,
        "Material Model Change",
        "means any of the following changes to the Model: (a) retraining or "
        "recalibration of the Model on a new or materially expanded data set; (b) any change to the model "
        "architecture or learning algorithm; (c) the addition or removal of any input variable; (d) any change to "
        "the default Alert Threshold; or (e) any other change that Vendor reasonably expects to change the "
        "Model\u2019s sensitivity or positive predictive value by more than 2 percentage points, or the alert "
        "volume at any Facility by more than 10%.",
    )
    defn(
        doc,
        "Model",
        "means the sepsis risk prediction model or models made available as part of the Services, "
        "including all versions, updates and recalibrations of them.",
    )
    defn(doc, "Model Card", "means the written documentation of the Model described in paragraph AI-2 of Schedule 3.")
    defn(
        doc,
        "Monthly Fee",
        "means one-twelfth of the Annual Subscription Fee payable for the Contract Year in which "
        "the relevant month falls, as set out in Schedule 2.",
    )
    defn(
        doc,
        "Protected Health Information",
        "or \u201c**PHI**\u201d has the meaning given to that term in 45 C.F.R. "
        "\u00a7 160.103, limited to information created, received, maintained or transmitted by Vendor on behalf "
        "of Customer.",
    )
    defn(doc, "Scheduled Maintenance", "has the meaning given in Schedule 1.")


def clause_1_continued(doc):
    """Clause 1, continued: the last defined terms and the rules of interpretation."""
    defn(
        doc,
        "Security Incident",
        "means any actual or reasonably suspected unauthorized access to, or use, "
        "disclosure, modification or destruction of, Customer Data, or any interference with the systems used to "
        "provide the Services that affects Customer Data.",
    )
    defn(
        doc,
        "Service Credit",
        "means the amount calculated in accordance with Schedule 1 and credited against Customer\u2019s next invoice.",
    )
    defn(
        doc,
        "Services",
        "means the Quillon EarlySignal\u2122 sepsis risk prediction service, including the Model, "
        "the hosting environment, the EHR integration, the clinician-facing dashboard, support and the "
        "professional services described in Schedule 2.",
    )
    defn(doc, "Subprocessor", "means any third party engaged by Vendor that processes Customer Data.")
    clause(
        doc,
        "1.2",
        "In this Agreement: (a) clause, Schedule and paragraph headings do not affect interpretation; "
        "(b) references to clauses are to clauses of this Agreement and references to paragraphs are to "
        "paragraphs of the relevant Schedule; (c) the words \u201cincluding\u201d and \u201cin particular\u201d "
        "are illustrative and do not limit the generality of the preceding words; and (d) a reference to "
        "\u201cdays\u201d is to calendar days unless Business Days are specified.",
    )
    clause(
        doc,
        "1.3",
        "If there is any conflict or inconsistency between the parts of this Agreement, they shall "
        "prevail in the following order: (a) Schedule 4 (Business Associate Agreement); (b) Schedule 3 "
        "(AI Addendum); (c) clauses 1 to 16; (d) Schedules 1 and 2; and (e) any order form or statement of "
        "work, unless the order form expressly identifies the clause it is intended to override and is "
        "signed by Customer\u2019s Chief Financial Officer.",
    )


def clauses_2_to_3(doc):
    """Clauses 2 and 3: services and implementation, term and renewal."""
    heading(doc, "2.", "Services and Implementation")
    clause(
        doc,
        "2.1",
        "Vendor shall provide the Services to Customer and its Authorized Users throughout the Term in "
        "accordance with this Agreement, Schedule 1 and the documentation.",
    )
    clause(
        doc,
        "2.2",
        "Vendor shall carry out the implementation of the Services at the Facilities in accordance with "
        "the implementation plan agreed by the Parties\u2019 project leads. The Parties\u2019 target Go-Live "
        "Date is 16 June 2025. Any delay caused solely by Vendor that extends beyond 30 days after the target "
        "Go-Live Date entitles Customer to a credit of USD 2,500 for each further week of delay, up to a maximum "
        "of USD 25,000.",
    )
    clause(
        doc,
        "2.3",
        "The Services shall not include, and Vendor shall not enable, any feature that writes orders, "
        "medication changes or documentation into the patient record without the action of an Authorized User.",
    )
    clause(
        doc,
        "2.4",
        "Customer may add further hospitals operated by Customer or its Affiliates as Facilities by "
        "giving Vendor at least 90 days\u2019 written notice. The one-time onboarding fee for each additional "
        "Facility is set out in Schedule 2 and the Annual Subscription Fee shall be adjusted on a pro rata basis.",
    )

    # ================================================================= 3 TERM
    heading(doc, "3.", "Term and Renewal")
    clause(
        doc,
        "3.1",
        "This Agreement commences on the Effective Date and, unless terminated earlier in accordance with "
        "clause 13, continues until the end of the period of 36 months beginning on the Go-Live Date (the "
        "\u201c**Initial Term**\u201d).",
    )
    clause(
        doc,
        "3.2",
        "On expiry of the Initial Term this Agreement shall renew automatically for successive periods "
        "of 12 months (each a \u201c**Renewal Term**\u201d and, together with the Initial Term, the "
        "\u201c**Term**\u201d) unless either Party gives the other written notice of non-renewal at least "
        "90 days before the end of the Initial Term or the then-current Renewal Term.",
    )
    clause(
        doc,
        "3.3",
        "Fees for any Renewal Term shall be as set out in a renewal quotation which Vendor shall deliver "
        "to Customer no later than 150 days before the end of the Initial Term or then-current Renewal Term. "
        "If Vendor fails to deliver a renewal quotation by that date, the fees in force during the last Contract "
        "Year shall continue to apply for the following Renewal Term.",
    )
    clause(
        doc,
        "3.4",
        "\u201c**Contract Year**\u201d means each successive period of 12 months beginning on the "
        "Go-Live Date or an anniversary of it.",
    )

    # ================================================================= 4 FEES


def clause_4(doc):
    """Clause 4: fees and payment."""
    heading(doc, "4.", "Fees and Payment")
    clause(
        doc,
        "4.1",
        "In consideration of the Services, Customer shall pay the fees set out in Schedule 2, subject to "
        "any Service Credits due under clause 5.",
    )
    clause(
        doc,
        "4.2",
        "Vendor shall invoice the Annual Subscription Fee annually in advance on the Go-Live Date and on "
        "each anniversary of it. All other fees shall be invoiced monthly in arrears.",
    )
    clause(
        doc,
        "4.3",
        "Customer shall pay each undisputed invoice within 45 days after receipt of a valid and "
        "correctly addressed invoice. All amounts are stated and payable in United States dollars (USD).",
    )
    clause(
        doc,
        "4.4",
        "If Customer disputes any invoice in good faith, it shall notify Vendor in writing, giving "
        "reasons, within 20 Business Days of receipt. The Parties shall attempt to resolve the dispute under "
        "clause 16.6 and Customer shall pay the undisputed portion in accordance with clause 4.3.",
    )
    clause(
        doc,
        "4.5",
        "Undisputed amounts not paid when due shall bear interest at the rate of 1% per month, or the "
        "maximum rate permitted by applicable law if lower, from the due date until the date of payment.",
    )
    clause(
        doc,
        "4.6",
        "Customer is a tax-exempt organization and shall provide Vendor with a copy of its exemption "
        "certificate on request. Vendor is responsible for all taxes on its own income.",
    )


def clauses_5_to_6(doc):
    """Clauses 5 and 6: service levels, customer responsibilities."""
    heading(doc, "5.", "Service Levels")
    clause(
        doc,
        "5.1",
        "Vendor shall meet or exceed the service levels set out in Schedule 1. Vendor shall provide a "
        "service level report to Customer by the 10th Business Day of each month covering the previous month.",
    )
    clause(
        doc,
        "5.2",
        "If Vendor fails to meet a service level, Vendor shall credit the applicable Service Credit to "
        "Customer. The total Service Credits for any month shall not exceed 20% of the Monthly Fee for that "
        "month.",
    )
    clause(
        doc,
        "5.3",
        "Service Credits are a price adjustment reflecting the reduced value of the Services and are "
        "not an estimate of Customer\u2019s loss. Subject to clause 13.3(b) and clause 14.4, Service Credits "
        "are Customer\u2019s sole financial remedy for a failure to meet a service level, but they do not "
        "limit Customer\u2019s other rights and remedies for any Security Incident or any breach of clause 7.",
    )
    clause(
        doc,
        "5.4",
        "A \u201c**Chronic SLA Failure**\u201d occurs if Platform Availability (as defined in Schedule 1) "
        "falls below 99.0% in any 3 months within a rolling 6-month period, or if Vendor fails to meet the "
        "Severity 1 resolution target on 4 or more occasions in any Contract Year.",
    )

    # ================================================================= 6 CUSTOMER
    heading(doc, "6.", "Customer Responsibilities")
    clause(doc, "6.1", "Customer shall:", keep=True)
    clause(
        doc,
        "(a)",
        "provide the HL7 v2 and FHIR data feeds described in the implementation plan, and notify Vendor "
        "at least 15 Business Days before any planned change to those feeds;",
        level=3,
    )
    clause(
        doc,
        "(b)",
        "ensure that the Services are used only by Authorized Users who have completed Vendor\u2019s "
        "clinician orientation module;",
        level=3,
    )
    clause(
        doc,
        "(c)",
        "maintain its AI Governance Committee and ensure that the deployment of the Model, any change to "
        "the Alert Threshold, and any Material Model Change are approved by that committee; and",
        level=3,
    )
    clause(
        doc,
        "(d)",
        "retain sole responsibility for clinical decisions made by its clinicians, who shall exercise "
        "independent professional judgment and shall not rely on the Services as the sole basis for diagnosis "
        "or treatment.",
        level=3,
    )

    # ================================================================= 7 DATA


def clause_7(doc):
    """Clause 7: data ownership and data-use restrictions."""
    heading(doc, "7.", "Data Ownership and Data-Use Restrictions")
    clause(
        doc,
        "7.1",
        "As between the Parties, Customer owns all right, title and interest in the Customer Data. "
        "Vendor acquires no rights in the Customer Data other than the limited rights expressly granted in this "
        "clause 7.",
    )
    clause(
        doc,
        "7.2",
        "Vendor may use Customer Data only to the extent necessary: (a) to provide, support and "
        "secure the Services for Customer; (b) to monitor and report on the performance of the Model at the "
        "Facilities under paragraph AI-5 of Schedule 3; and (c) as required by law, subject to clause 7.6.",
    )
    clause(
        doc,
        "7.3",
        "Subject to clause 7.4, Vendor shall not, and shall ensure that its Subprocessors do not:",
        keep=True,
    )
    clause(
        doc,
        "(a)",
        "use Customer Data to train, retrain, fine-tune, benchmark or otherwise develop any model, "
        "product or service other than the Model as deployed for Customer;",
        level=3,
    )
    clause(
        doc,
        "(b)",
        "sell, license, rent or otherwise make Customer Data (including De-identified Data) available to "
        "any third party for that third party\u2019s own purposes;",
        level=3,
    )
    clause(
        doc,
        "(c)",
        "attempt to re-identify any individual from De-identified Data, or link De-identified Data with "
        "any other data set in a way that could enable re-identification;",
        level=3,
    )
    clause(
        doc,
        "(d)",
        "store, process or access Customer Data from any location outside the United States of America "
        "without Customer\u2019s prior written consent; or",
        level=3,
    )
    clause(
        doc,
        "(e)",
        "use Customer Data for marketing, advertising or the creation of benchmarking publications "
        "naming Customer or any Facility.",
        level=3,
    )
    clause(
        doc,
        "7.4",
        "Vendor may use De-identified Data derived from Customer Data to improve the Model generally, only if:",
        keep=True,
    )
    clause(
        doc,
        "(a)",
        "Customer\u2019s Chief Data Officer has given prior written consent, which may be given or "
        "withheld at Customer\u2019s sole discretion and may be withdrawn on 30 days\u2019 notice;",
        level=3,
    )
    clause(
        doc,
        "(b)",
        "the data has been de-identified using the Expert Determination method under 45 C.F.R. "
        "\u00a7 164.514(b)(1), and a copy of the expert\u2019s written determination has been provided to "
        "Customer before any use; and",
        level=3,
    )
    clause(
        doc,
        "(c)",
        "Vendor maintains a register of each data set derived from Customer Data, which it shall make "
        "available to Customer on request,",
        level=3,
    )


def clause_7_continued(doc):
    """Clause 7, continued: the proviso after 7.4, return and deletion of data."""
    para(
        doc,
        "provided that withdrawal of consent under clause 7.4(a) shall not require Vendor to retrain any version "
        "of the Model trained before the date of withdrawal.",
    ).paragraph_format.left_indent = Inches(0.5)
    clause(
        doc,
        "7.5",
        "Within 30 days after expiry or termination of this Agreement, Vendor shall return all Customer "
        "Data to Customer in FHIR R4 bulk-export format (or CSV where FHIR R4 is not practicable). Within 60 "
        "days after expiry or termination, Vendor shall securely delete all remaining copies of Customer Data "
        "(other than De-identified Data retained in accordance with clause 7.4) and deliver to Customer a "
        "certificate of deletion signed by an officer of Vendor.",
    )
    clause(
        doc,
        "7.6",
        "If Vendor is required by law or court order to disclose Customer Data, Vendor shall (where "
        "legally permitted) notify Customer promptly and in any event within 3 Business Days of receiving the "
        "request, so that Customer may seek a protective order.",
    )
    clause(
        doc,
        "7.7",
        "Vendor shall give Customer at least 30 days\u2019 written notice before engaging any new "
        "Subprocessor. Customer may object on reasonable data-protection grounds within 15 Business Days of the "
        "notice, in which case the Parties shall discuss the objection in good faith. The Subprocessors approved "
        "at the Effective Date are listed in the implementation plan.",
    )
