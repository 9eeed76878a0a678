"""Page 1 of the FICTIONAL Varrowmark SB 1184 (`build_varrowmark.py`): the bill header block (legislature,
bill number, sponsors, referral history), the long title in capitals, the Legislative Counsel's Digest
(single spaced, unnumbered, paraphrasing the bill) and the EXPLANATION legend for the amendment markup."""

from __future__ import annotations

from varrowmark_layout import DRAFT, TEXT_L, TEXT_R, VERSION, Doc, W

TITLE = (
    "AN ACT RELATING TO THE USE OF ARTIFICIAL INTELLIGENCE IN HEALTH CARE FACILITIES; "
    "AMENDING SECTIONS 44-2107 AND 44-2231, VARROWMARK REVISED STATUTES; ADDING SECTIONS "
    "44-2901 THROUGH 44-2909 TO CHAPTER 44, ARTICLE 29, VARROWMARK REVISED STATUTES; "
    "ESTABLISHING REQUIREMENTS FOR GOVERNANCE, HUMAN REVIEW, PATIENT DISCLOSURE, IMPACT "
    "ASSESSMENT, AND REPORTING; CREATING A FUND AND AN ADVISORY COUNCIL; PROVIDING PENALTIES; "
    "MAKING AN APPROPRIATION; PROVIDING FOR SEVERABILITY AND A SUNSET DATE; AND DECLARING AN "
    "EFFECTIVE DATE."
)

DIGEST = [
    "**SB 1184, as amended, Fenwright. Health care facilities: artificial intelligence.**",
    "(1) Existing law provides for the licensure and regulation of hospitals and other health care "
    "facilities by the Department of Health and Senior Services and requires each licensed hospital to "
    "maintain a quality assurance program. Existing law requires a hospital licensed for 100 or more beds "
    "to establish a clinical technology oversight committee that meets at least annually, and authorizes "
    "the department to assess a civil penalty of up to $1,000 for each day of noncompliance.",
    "This bill would lower that bed threshold to 50 beds, would require the committee to meet at least "
    "quarterly and to review the inventory, impact assessments, and monitoring results of high-risk "
    "artificial intelligence systems used by the hospital, and would increase the maximum penalty to "
    "$10,000 for each day of noncompliance. The bill would also delete the existing requirement that the "
    "department wait until a hospital has failed to correct a deficiency within 90 days after notice before "
    "assessing that penalty.",
    "(2) Existing law requires a health care facility to report a serious adverse event to the department "
    "within 14 days after the event is discovered and to submit a root cause analysis within 60 days. This "
    "bill would shorten those periods to 7 days and 45 days, respectively, and would add to the list of "
    "reportable events a death or serious physical injury associated with the use of a high-risk "
    "artificial intelligence system.",
    "(3) This bill would enact the Patient Safeguards in Clinical Algorithms Act. The bill would require a "
    "health care facility that deploys a high-risk artificial intelligence system, defined as a system that "
    "makes, or is a substantial factor in making, a consequential health care decision, to designate an "
    "accountability officer, adopt a governance policy approved by its governing body, maintain a regularly "
    "updated inventory of those systems, and train the clinicians who review system outputs. The bill would "
    "prohibit a facility from making a consequential health care decision on the basis of a system's output "
    "without review by a qualified human reviewer, subject to exceptions for emergencies and for certain "
    "devices authorized by the federal Food and Drug Administration, and would give patients a right to "
    "request reconsideration of such a decision by a different reviewer.",
    "(4) The bill would require a facility to give patients notice when a high-risk system is used in a "
    "consequential decision about them, to explain adverse decisions on request, and to label patient "
    "communications produced by generative artificial intelligence unless a licensed practitioner reviewed "
    "the communication before it was sent. The bill would require an impact assessment of each high-risk "
    "system; assessments of systems already in use would be due within 180 days after the act's effective "
    "date. The bill would require annual reports to the department beginning in 2028 and prompt notice to "
    "the department of discovered algorithmic discrimination.",
    "(5) The bill would authorize the department to enforce the act and to assess civil penalties of up to "
    "$5,000, $15,000, or $40,000 per violation, depending on the provision violated and on whether serious "
    "patient harm resulted, and up to $1,000 per affected patient for notice violations, subject to an "
    "annual limit of $500,000 for violations arising from the same system. For violations occurring before "
    "January 1, 2029, the bill would generally give facilities an opportunity to cure before a penalty is "
    "assessed. The Attorney General could seek an injunction or recover penalties upon referral by the "
    "department. The bill would create the Clinical Algorithm Oversight Fund and the Health Care Artificial "
    "Intelligence Advisory Council.",
    "(6) The bill would appropriate $2,140,000 from the General Fund to the department for the 2026\u201327 "
    "fiscal year. The new article added by the bill would be repealed on July 1, 2032. The bill would take "
    "effect January 1, 2027, except that the provisions creating the fund and the advisory council, "
    "requiring rules, and making the appropriation would take effect July 1, 2026.",
    "Vote: majority.   Appropriation: yes.   Fiscal committee: yes.   State-mandated local program: no.",
]


def _masthead(d: Doc) -> None:
    """Draw the draft code, version, state, legislature and bill number at the top of page 1."""
    c = d.c
    c.setFont("Times-Roman", 9)
    c.drawString(TEXT_L - 30, 752, DRAFT)
    c.drawRightString(TEXT_R, 752, VERSION)
    c.setFont("Times-Bold", 12)
    c.drawCentredString(W / 2, 726, "STATE OF VARROWMARK")
    c.setFont("Times-Roman", 10.5)
    c.drawCentredString(W / 2, 711, "FIFTY-EIGHTH LEGISLATURE \u2014 2026 REGULAR SESSION")
    c.setLineWidth(1.2)
    c.line(TEXT_L - 30, 700, TEXT_R, 700)
    c.setFont("Times-Bold", 20)
    c.drawCentredString(W / 2, 674, "SENATE BILL No. 1184")
    c.setLineWidth(1.2)
    c.line(TEXT_L - 30, 662, TEXT_R, 662)


def draw_page1(d: Doc) -> None:
    """Page 1: the header block, sponsors and referral history, the long title and the digest."""
    _masthead(d)
    d.set_mode("plain", size=10, lead=12.6)
    d.start_flow(646)
    d.para(
        "**Introduced by** Senator Odalys Fenwright (Principal Sponsor); Senators Tobias Marrack and "
        "Renata Quillfeather (Coauthors); Representatives Caldon Pruett and Imogen Sato-Beale (Coauthors)",
        space_after=4,
    )
    d.para(
        "January 14, 2026 \u2014 Introduced, read first time, and referred to the Committee on Health and "
        "Human Services."
    )
    d.para(
        "February 24, 2026 \u2014 Reported from the Committee on Health and Human Services with amendments; "
        "amended in Senate; read second time and re-referred to the Committee on Appropriations.",
        space_after=8,
    )
    d.set_mode("plain", size=10.5, lead=13.4)
    d.para(TITLE, space_after=8)
    d.c.setLineWidth(0.6)
    d.c.line(TEXT_L - 30, d.y + 8, TEXT_R, d.y + 8)
    d.y -= 8
    d.para("**LEGISLATIVE COUNSEL\u2019S DIGEST**", align="center", space_after=4)
    d.set_mode("plain", size=10, lead=12.4)
    for i, p in enumerate(DIGEST):
        d.para(p, first=0 if i == 0 else 14, wrap_indent=0, space_after=4)


def explanation(d: Doc) -> None:
    """The EXPLANATION legend for the markup, after the digest."""
    d.y -= 6
    d.para(
        "EXPLANATION \u2014 In sections amending existing law (Sections 12 and 13), matter underscored "
        "is new; matter stricken through is existing law proposed to be deleted. Sections 3 through 11 "
        "add new law in its entirety and are printed without underscoring.",
        space_after=4,
    )
