"""The Marrowgate-Quillon agreement's clauses 8 to 16 and its signature block
(`build_marrowgate.py`). Everything here is invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Inches, Pt
from marrowgate_layout import clause, heading, para


def clauses_8_to_10(doc):
    """Clauses 8 to 10: information security, intellectual property, confidentiality."""
    heading(doc, "8.", "Information Security")
    clause(
        doc,
        "8.1",
        "Vendor shall implement and maintain administrative, physical and technical safeguards that "
        "are no less protective than those described in the HIPAA Security Rule and in Vendor\u2019s security "
        "exhibit, including encryption of Customer Data at rest (AES-256) and in transit (TLS 1.2 or higher).",
    )
    clause(
        doc,
        "8.2",
        "Vendor shall obtain, at its own cost, a SOC 2 Type II report covering the Services at least "
        "once in every 12-month period and shall provide a copy to Customer within 30 days after issue. Vendor "
        "shall also commission an independent penetration test of the Services at least annually and share an "
        "executive summary of the findings and remediation status.",
    )
    clause(
        doc,
        "8.3",
        "Vendor shall notify Customer\u2019s Chief Information Security Officer of any Security "
        "Incident without undue delay and in any event within 48 hours after Vendor becomes aware of it. This "
        "clause 8.3 is in addition to, and does not limit, Vendor\u2019s reporting obligations under "
        "Schedule 4.",
    )
    clause(
        doc,
        "8.4",
        "Customer may, on 20 Business Days\u2019 notice and not more than once in any Contract Year "
        "(except following a Security Incident), audit Vendor\u2019s compliance with this clause 8 and clause 7.",
    )

    # ================================================================= 9 IP
    heading(doc, "9.", "Intellectual Property")
    clause(
        doc,
        "9.1",
        "Vendor retains all intellectual property rights in the Services and the Model. Nothing in this "
        "Agreement transfers ownership of the Model to Customer.",
    )
    clause(
        doc,
        "9.2",
        "Vendor grants Customer and its Affiliates a non-exclusive, non-transferable right during the "
        "Term to access and use the Services for the internal clinical and operational purposes of the "
        "Facilities.",
    )
    clause(
        doc,
        "9.3",
        "Customer grants Vendor a limited licence to use Customer Data solely for the purposes permitted by clause 7.",
    )

    # ================================================================= 10 CONF
    heading(doc, "10.", "Confidentiality")
    clause(
        doc,
        "10.1",
        "Each Party shall keep the other Party\u2019s Confidential Information confidential and use it "
        "only to perform its obligations or exercise its rights under this Agreement. \u201c**Confidential "
        "Information**\u201d includes the terms of this Agreement, the Model Card, validation results, "
        "Customer Data and each Party\u2019s business and technical information.",
    )
    clause(
        doc,
        "10.2",
        "The obligations in this clause 10 continue for 5 years after expiry or termination of this "
        "Agreement, except that obligations relating to trade secrets and to Customer Data continue for as long "
        "as the information remains a trade secret or remains in Vendor\u2019s possession.",
    )

    # ================================================================= 11 WARRANTIES


def clauses_11_to_12(doc):
    """Clauses 11 and 12: warranties and indemnities."""
    heading(doc, "11.", "Warranties")
    clause(doc, "11.1", "Vendor warrants that:", keep=True)
    clause(
        doc,
        "(a)",
        "the Services will perform materially in accordance with the documentation and the Model Card;",
        level=3,
    )
    clause(
        doc,
        "(b)",
        "the Services will be provided with reasonable skill and care by suitably qualified personnel;",
        level=3,
    )
    clause(doc, "(c)", "it has not knowingly introduced any virus or malicious code into the Services; and", level=3)
    clause(
        doc,
        "(d)",
        "it has, and will maintain, all regulatory authorizations required for the Services, and will "
        "act in accordance with paragraph AI-9 of Schedule 3 if the regulatory status of the Model changes.",
        level=3,
    )
    clause(
        doc,
        "11.2",
        "Except as expressly stated in this Agreement, all other warranties are excluded to the extent "
        "permitted by law. Vendor does not warrant that the Model will identify every patient who develops "
        "sepsis.",
    )

    # ================================================================= 12 INDEMNITIES
    heading(doc, "12.", "Indemnities")
    clause(
        doc,
        "12.1",
        "Vendor shall defend and indemnify Customer and its Affiliates against all losses arising from "
        "any third-party claim that the Services infringe that third party\u2019s intellectual property rights "
        "(an \u201c**IP Claim**\u201d).",
    )
    clause(
        doc,
        "12.2",
        "Vendor shall indemnify Customer against all costs of notifying individuals and regulators, "
        "call-center support, credit monitoring and regulatory fines and penalties to the extent arising from a "
        "Security Incident or a breach of clause 7 or Schedule 4 by Vendor or its Subprocessors, subject to "
        "clause 14.3.",
    )
    clause(
        doc,
        "12.3",
        "The indemnified Party shall notify the indemnifying Party promptly of any claim, allow it to "
        "control the defence, and provide reasonable cooperation at the indemnifying Party\u2019s cost.",
    )


def clause_13(doc):
    """Clause 13: termination."""
    heading(doc, "13.", "Termination")
    clause(
        doc,
        "13.1",
        "**Termination for convenience.** Customer may terminate this Agreement for convenience at any "
        "time after the first anniversary of the Go-Live Date by giving Vendor not less than 180 days\u2019 "
        "written notice. If Customer terminates under this clause 13.1 during the Initial Term, Customer shall "
        "pay an early termination fee equal to 25% of the Annual Subscription Fees that would have been "
        "payable for the remainder of the Initial Term after the termination date.",
    )
    clause(
        doc,
        "13.2",
        "**Termination for cause.** Either Party may terminate this Agreement with immediate effect by "
        "written notice if the other Party:",
        keep=True,
    )
    clause(
        doc,
        "(a)",
        "commits a material breach of this Agreement which is not remedied within 30 days after "
        "receipt of written notice specifying the breach; or",
        level=3,
    )
    clause(
        doc,
        "(b)",
        "becomes insolvent, makes an assignment for the benefit of creditors, or has a receiver or "
        "trustee appointed over all or substantially all of its assets.",
        level=3,
    )
    para(
        doc,
        "Vendor may not terminate for non-payment unless an undisputed amount remains unpaid for more than 60 "
        "days after its due date and Vendor has given Customer a further 15 Business Days\u2019 written notice "
        "referring to this paragraph.",
    ).paragraph_format.left_indent = Inches(0.5)
    clause(
        doc,
        "13.3",
        "**Additional Customer termination rights.** Customer may terminate this Agreement, in whole or "
        "in respect of any Facility, by giving Vendor not less than 30 days\u2019 written notice, without "
        "liability for any early termination fee, if:",
        keep=True,
    )
    clause(
        doc,
        "(a)",
        "Customer has objected to a Material Model Change under paragraph AI-4.4 of Schedule 3 and "
        "Vendor does not maintain the prior version of the Model as required by that paragraph;",
        level=3,
    )
    clause(doc, "(b)", "a Chronic SLA Failure occurs;", level=3)
    clause(
        doc, "(c)", "the Model fails the Local Validation a second time under paragraph AI-3.3 of Schedule 3;", level=3
    )
    clause(
        doc,
        "(d)",
        "Vendor undergoes a change of control in favor of a person that operates or controls a health "
        "system competing with Customer in any county in which a Facility is located; or",
        level=3,
    )
    clause(
        doc,
        "(e)",
        "the regulatory status of the Model changes in the manner described in paragraph AI-9.2 of Schedule 3.",
        level=3,
    )
    clause(
        doc,
        "13.4",
        "**Refund.** On any termination under clause 13.3 or by Customer under clause 13.2, Vendor shall "
        "refund the portion of any prepaid Annual Subscription Fee relating to the period after the termination "
        "date.",
    )
    clause(
        doc,
        "13.5",
        "**Transition assistance.** For up to 90 days after expiry or termination, Vendor shall provide "
        "reasonable transition assistance at the rates set out in Schedule 2, including continued provision of "
        "the Services on a month-to-month basis at the Monthly Fee then in force.",
    )
    clause(doc, "13.6", "Clauses 7.5, 10, 12, 14 and 16 and Schedule 4 survive expiry or termination.")

    # ================================================================= 14 LIABILITY


def clause_14(doc):
    """Clause 14: limitation of liability."""
    heading(doc, "14.", "Limitation of Liability")
    clause(
        doc,
        "14.1",
        "Subject to clause 14.4, neither Party shall be liable for any loss of profits, loss of revenue, "
        "loss of goodwill or any indirect, special or consequential loss.",
    )
    clause(
        doc,
        "14.2",
        "Subject to clauses 14.3 and 14.4, each Party\u2019s total aggregate liability arising under or in "
        "connection with this Agreement in any Contract Year shall not exceed the total fees paid and payable "
        "by Customer under this Agreement in the 12 months immediately preceding the event giving rise to the "
        "claim (the \u201c**General Cap**\u201d).",
    )
    clause(
        doc,
        "14.3",
        "Vendor\u2019s total aggregate liability for losses arising from any Security Incident or any "
        "breach of clause 7 or Schedule 4 shall not exceed the greater of (a) three times the fees paid and "
        "payable in the 12 months immediately preceding the event giving rise to the claim and (b) "
        "USD 5,000,000 (the \u201c**Data Protection Cap**\u201d). The Data Protection Cap is separate from, and "
        "in addition to, the General Cap.",
    )
    clause(
        doc,
        "14.4",
        "Nothing in this Agreement limits or excludes liability for: (a) death or personal injury caused "
        "by negligence; (b) fraud or fraudulent misrepresentation; (c) gross negligence or willful misconduct; "
        "(d) Vendor\u2019s obligations under clause 12.1 (IP Claims); or (e) Customer\u2019s obligation to pay "
        "undisputed fees.",
    )


def clauses_15_to_16(doc):
    """Clauses 15 and 16: insurance and general terms."""
    # ================================================================= 15 INSURANCE
    heading(doc, "15.", "Insurance")
    clause(
        doc,
        "15.1",
        "Vendor shall maintain throughout the Term and for 3 years afterwards, with insurers rated A- or "
        "better by A.M. Best:",
        keep=True,
    )
    clause(
        doc,
        "(a)",
        "cyber liability and network security insurance of not less than USD 10,000,000 per claim and "
        "in the aggregate;",
        level=3,
    )
    clause(
        doc, "(b)", "technology errors and omissions insurance of not less than USD 5,000,000 per claim; and", level=3
    )
    clause(doc, "(c)", "commercial general liability insurance of not less than USD 2,000,000 per occurrence.", level=3)
    clause(
        doc,
        "15.2",
        "Vendor shall provide certificates of insurance on request and shall give Customer at least "
        "30 days\u2019 notice of cancellation or material reduction of any required policy.",
    )

    # ================================================================= 16 GENERAL
    heading(doc, "16.", "General")
    clause(
        doc,
        "16.1",
        "**Notices.** Notices under this Agreement shall be in writing and delivered by hand, by "
        "courier or by email with confirmation of receipt, to Customer marked for the attention of the General "
        "Counsel, and to Vendor marked for the attention of the Legal Department, at the addresses given in "
        "the parties section above. Notices of breach or termination sent by email must also be sent by "
        "courier.",
    )
    clause(
        doc,
        "16.2",
        "**Assignment.** Neither Party may assign this Agreement without the other Party\u2019s prior "
        "written consent, except that Customer may assign it to an Affiliate on written notice.",
    )
    clause(
        doc,
        "16.3",
        "**Subcontracting.** Vendor remains responsible for the acts and omissions of its "
        "subcontractors and Subprocessors as if they were its own.",
    )
    clause(
        doc,
        "16.4",
        "**Force majeure.** Neither Party is liable for delay caused by events beyond its reasonable "
        "control, provided that a force majeure event does not excuse Vendor\u2019s obligations to maintain "
        "backups, to operate its disaster recovery plan or to notify Security Incidents. If a force majeure "
        "event prevents the provision of the Services for more than 30 consecutive days, Customer may terminate "
        "this Agreement on written notice.",
    )
    clause(
        doc,
        "16.5",
        "**Entire agreement.** This Agreement, including its Schedules, constitutes the entire agreement "
        "between the Parties relating to its subject matter. No purchase-order terms shall apply.",
    )
    clause(
        doc,
        "16.6",
        "**Dispute escalation.** Any dispute shall first be referred to the Parties\u2019 project "
        "leads. If not resolved within 10 Business Days, it shall be escalated to Customer\u2019s Chief Medical "
        "Information Officer and Vendor\u2019s Chief Operating Officer, and if not resolved within a further "
        "15 Business Days, either Party may propose non-binding mediation. Nothing in this clause prevents "
        "either Party from seeking urgent injunctive relief.",
    )
    clause(
        doc,
        "16.7",
        "**Amendment.** No variation of this Agreement is effective unless in writing and signed by "
        "authorized representatives of both Parties.",
    )
    clause(doc, "16.8", "**Counterparts.** This Agreement may be executed in counterparts and by electronic signature.")


def signatures(doc):
    """The two-column signature table."""
    # ================================================================= SIGNATURES
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(14)
    p.paragraph_format.keep_with_next = True
    r = p.add_run("EXECUTED by the duly authorized representatives of the Parties on the dates set out below.")
    r.bold = True
    sig = doc.add_table(rows=1, cols=2)
    sig.alignment = WD_TABLE_ALIGNMENT.CENTER
    blocks = [
        (
            "SIGNED for and on behalf of\nMARROWGATE HEALTH PARTNERS",
            [
                ("Theresa M. Vandersloot", "Executive Vice President and Chief Financial Officer", "24 February 2025"),
                ("Dr. Rajan Pellegrini-Osei", "Chief Medical Information Officer", "24 February 2025"),
            ],
        ),
        (
            "SIGNED for and on behalf of\nQUILLON PREDICTIVE, INC.",
            [
                ("Marcus D. Ellingford", "Chief Executive Officer", "21 February 2025"),
                ("Priya Santhanam-Kell", "General Counsel and Corporate Secretary", "21 February 2025"),
            ],
        ),
    ]
    for i, (hdr, people) in enumerate(blocks):
        c = sig.rows[0].cells[i]
        c.text = ""
        pp = c.paragraphs[0]
        rr = pp.add_run(hdr)
        rr.bold = True
        rr.font.size = Pt(9.5)
        for name, title, date in people:
            for line in [
                "",
                "Signature: ________________________",
                f"Name: {name}",
                f"Title: {title}",
                f"Date: {date}",
            ]:
                q = c.add_paragraph(line)
                q.paragraph_format.space_after = Pt(1)
                for rn in q.runs:
                    rn.font.size = Pt(9.5)
