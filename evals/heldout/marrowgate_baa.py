"""Schedule 4 of the Marrowgate-Quillon agreement, the business associate agreement
(`build_marrowgate.py`). Everything here is invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from docx.enum.text import WD_ALIGN_PARAGRAPH
from marrowgate_layout import clause, heading, para, schedule_title


def schedule_4(doc):
    """Schedule 4, the business associate agreement: B1 definitions and B2 permitted uses."""
    schedule_title(doc, "Schedule 4", "Business Associate Agreement")
    para(
        doc,
        "This Business Associate Agreement (\u201c**BAA**\u201d) forms part of the Agreement and is entered into to "
        "comply with the Health Insurance Portability and Accountability Act of 1996, as amended by the HITECH "
        "Act, and their implementing regulations at 45 C.F.R. Parts 160 and 164 (together, \u201c**HIPAA**\u201d). "
        "Customer is the \u201cCovered Entity\u201d and Vendor is the \u201cBusiness Associate\u201d.",
        italic=False,
    )

    heading(doc, "B1", "Definitions")
    clause(
        doc,
        "B1.1",
        "Capitalized terms used but not defined in this BAA have the meanings given in HIPAA, including "
        "\u201c**Breach**\u201d, \u201c**Unsecured Protected Health Information**\u201d, \u201c**Secretary**\u201d "
        "and \u201c**Designated Record Set**\u201d.",
        level=2,
    )

    heading(doc, "B2", "Permitted Uses and Disclosures")
    clause(
        doc,
        "B2.1",
        "Business Associate may use and disclose PHI only to perform the Services, as permitted by "
        "clause 7 of the Agreement, and as required by law. Business Associate shall not use or disclose PHI in "
        "any manner that would violate HIPAA if done by Covered Entity.",
        level=2,
    )
    clause(
        doc,
        "B2.2",
        "Business Associate may use PHI for its proper management and administration, and may "
        "de-identify PHI only as permitted by clause 7.4 of the Agreement.",
        level=2,
    )
    clause(
        doc,
        "B2.3",
        "Business Associate shall make reasonable efforts to use, disclose and request only the minimum necessary PHI.",
        level=2,
    )


def baa_3_to_5(doc):
    """B3 to B5: obligations of the business associate, breach costs, obligations of the covered entity."""
    heading(doc, "B3", "Obligations of Business Associate")
    clause(doc, "B3.1", "Business Associate shall:", level=2, keep=True)
    clause(
        doc,
        "(a)",
        "implement safeguards that comply with Subpart C of 45 C.F.R. Part 164 with respect to electronic PHI;",
        level=3,
    )
    clause(
        doc,
        "(b)",
        "report to Covered Entity any use or disclosure of PHI not provided for by this BAA within "
        "5 Business Days after becoming aware of it;",
        level=3,
    )
    clause(
        doc,
        "(c)",
        "notify Covered Entity of any Breach of Unsecured Protected Health Information without "
        "unreasonable delay and in no case later than 10 calendar days after discovery, such notice to include, "
        "to the extent known, the identity of each affected individual, a description of the Breach, the types "
        "of PHI involved and the steps taken to mitigate it;",
        level=3,
    )
    clause(
        doc,
        "(d)",
        "ensure that any subcontractor that creates, receives, maintains or transmits PHI on its behalf "
        "agrees in writing to the same restrictions and conditions that apply to Business Associate;",
        level=3,
    )
    clause(
        doc,
        "(e)",
        "make PHI in a Designated Record Set available to Covered Entity within 10 Business Days of a "
        "request, so that Covered Entity can meet its obligations under 45 C.F.R. \u00a7 164.524;",
        level=3,
    )
    clause(
        doc,
        "(f)",
        "make any amendment to PHI in a Designated Record Set directed by Covered Entity within "
        "15 Business Days of the request;",
        level=3,
    )
    clause(
        doc,
        "(g)",
        "provide the information required for an accounting of disclosures within 20 Business Days of a request; and",
        level=3,
    )
    clause(
        doc,
        "(h)",
        "make its internal practices, books and records relating to PHI available to the Secretary for "
        "purposes of determining compliance with HIPAA.",
        level=3,
    )
    clause(
        doc,
        "B3.2",
        "For the avoidance of doubt, the 48-hour notification period in clause 8.3 of the Agreement "
        "applies to every Security Incident, and the time limits in paragraph B3.1 apply in addition to it.",
        level=2,
    )

    heading(doc, "B4", "Breach Costs")
    clause(
        doc,
        "B4.1",
        "Where a Breach results from the acts or omissions of Business Associate or its subcontractors, "
        "Business Associate shall reimburse Covered Entity\u2019s reasonable costs of notification and shall "
        "offer affected individuals credit monitoring and identity protection services for a period of "
        "24 months, subject to clause 14.3 of the Agreement.",
        level=2,
    )

    heading(doc, "B5", "Obligations of Covered Entity")
    clause(
        doc,
        "B5.1",
        "Covered Entity shall notify Business Associate of any limitation in its notice of privacy "
        "practices, and of any restriction on the use or disclosure of PHI that Covered Entity has agreed to, "
        "to the extent that it may affect Business Associate\u2019s use or disclosure of PHI.",
        level=2,
    )


def baa_6(doc):
    """B6: term and termination."""
    heading(doc, "B6", "Term and Termination")
    clause(
        doc,
        "B6.1",
        "This BAA remains in effect for as long as Business Associate holds any PHI received from or "
        "created on behalf of Covered Entity.",
        level=2,
    )
    clause(
        doc,
        "B6.2",
        "If Covered Entity determines that Business Associate has violated a material term of this BAA, "
        "Covered Entity may terminate the Agreement if Business Associate fails to cure the violation within "
        "30 days after written notice.",
        level=2,
    )
    clause(
        doc,
        "B6.3",
        "On termination, Business Associate shall return or destroy all PHI in accordance with clause "
        "7.5 of the Agreement. Where return or destruction is infeasible, Business Associate shall notify "
        "Covered Entity of the conditions that make it infeasible, extend the protections of this BAA to that "
        "PHI and limit further uses and disclosures to those purposes that make the return or destruction "
        "infeasible.",
        level=2,
    )

    para(doc, "")
    para(doc, "\u2014 End of Agreement \u2014", align=WD_ALIGN_PARAGRAPH.CENTER, italic=True)
