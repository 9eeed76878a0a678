"""The Brackenridge minutes' title block, attendance table and agenda items 1 to 5
(`build_brackenridge.py`). Everything here is invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from brackenridge_helpers import add_deletion, motion, para, table
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor


def title_and_attendance(doc):
    """The title block, meeting details and the attendance table with merged section rows."""
    # Title block
    t = doc.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = t.add_run("MINUTES\nArtificial Intelligence Oversight Committee")
    r.bold = True
    r.font.size = Pt(16)
    r.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    s = doc.add_paragraph()
    s.alignment = WD_ALIGN_PARAGRAPH.CENTER
    s.add_run("Regular meeting no. 2025-03").italic = True

    for k, v in [
        ("Date: ", "Wednesday, 12 March 2025"),
        ("Time: ", "14:00 – 16:10"),
        ("Venue: ", "Harrow Pavilion, Conference Room 4B, and by video link"),
        ("Chair: ", "Dr. Imelda Quarrington, Chief Medical Information Officer"),
        ("Minutes taken by: ", "Judith Pellingham, Committee Secretary"),
        ("Status: ", "Draft – to be confirmed at the meeting of 9 April 2025"),
    ]:
        p = para(doc, v, bold_prefix=k)
        p.paragraph_format.space_after = Pt(0)

    # Attendance
    doc.add_heading("Attendance", level=2)
    table(
        doc,
        ["Role", "Name", "Attendance"],
        [
            "Voting members",
            ["Chief Medical Information Officer (Chair)", "Dr. Imelda Quarrington", "Present"],
            ["Chief Nursing Officer (Vice-Chair)", "Rosalind Averdeen", "Present"],
            ["Chief Information Security Officer (CISO)", "Tobias Wrenfield", "Present"],
            ["Director of Clinical Informatics", "Dr. Anselm Pickergill", "Present"],
            ["Privacy Officer", "Marguerite Solvane", "Present (left 15:40, after item 7)"],
            ["Director of Quality and Patient Safety", "Dr. Felicity Ormsdale", "Present"],
            ["Associate General Counsel (delegate of the General Counsel)", "Cornelius Thrapp", "Present"],
            ["Chief Health Equity Officer", "Dr. Oyelaran Bexley", "Apologies"],
            ["Pharmacy Informatics Lead", "Priya Vantongeren", "Present"],
            ["Director of Biomedical Engineering", "Hollis Brandvold", "Apologies"],
            ["Lead, Clinical Data Science", "Dr. Kestrel Ambrose", "Present"],
            ["Patient and Family Advisory Council (PFAC) representative", "Walter Esquibel-Hart", "Present"],
            "In attendance (non-voting)",
            ["Emergency Department Medical Director", "Dr. Lucan Fairweather", "Present (items 4–5 only)"],
            ["Vendor Management Manager", "Sunniva Okonkwo-Lund", "Present (item 6 only)"],
            ["Committee Secretary", "Judith Pellingham", "Present"],
        ],
        widths=[8.0, 4.8, 4.0],
    )


def items_1_to_3(doc):
    """Items 1 to 3: quorum, declarations of interest, previous minutes."""
    # 1
    doc.add_heading("1. Welcome, apologies and quorum", level=2)
    doc.add_paragraph(
        "The Chair opened the meeting at 14:02 and welcomed members. Apologies were received from the "
        "Chief Health Equity Officer and the Director of Biomedical Engineering. Under section 4.3 of the "
        "Committee's charter a quorum is a majority of the voting members, i.e. seven of twelve. "
        "With ten voting members present, the Chair confirmed that the meeting was quorate."
    )

    # 2
    doc.add_heading("2. Declarations of interest", level=2)
    doc.add_paragraph(
        "The Lead, Clinical Data Science declared that she is a co-author of a 2023 peer-reviewed external "
        "validation study of an earlier release (version 2.4) of the VitalSentry Sepsis Predictor, which was "
        "partly funded by the vendor, Tarnwell Health Analytics. The Committee agreed that she may take part "
        "in the discussion under item 5 but will not vote on any motion under that item. No other interests "
        "were declared."
    )

    # 3
    doc.add_heading("3. Minutes of the previous meeting (12 February 2025)", level=2)
    doc.add_paragraph(
        "One correction was requested: item 6 of the February minutes recorded the number of tools in the "
        "AI inventory as 21; the correct figure at that date was 22."
    )
    motion(
        doc,
        "2025-03-01",
        "That the minutes of the meeting held on 12 February 2025, as corrected, be approved as a true record.",
        "Chief Nursing Officer",
        "Pharmacy Informatics Lead",
        "Carried (10 in favour, 0 against, 0 abstentions).",
    )


def item_4(doc):
    """Item 4: the Westmarch Department of Public Health letter."""
    # 4
    doc.add_heading("4. Correspondence: letter from the Westmarch Department of Public Health", level=2)
    doc.add_paragraph(
        "The Chair tabled a letter dated 3 March 2025 from the Office of Clinical Technology Oversight of the "
        "Westmarch Department of Public Health (reference OCTO-2025-0417). The letter was received by the "
        "Office of the President on 6 March 2025 and concerns the hospital's report of adverse event "
        "BV-2025-0112 (see item 5). The Director of Quality and Patient Safety summarised the request: the "
        "Department requires a written response by 2 April 2025 comprising a root cause analysis, a corrective "
        "action plan, a description of how the hospital reviews vendor changes to clinical AI software, and the "
        "results of any local validation of the current software version. The Associate General Counsel noted "
        "that the letter expressly states that it is not a finding of noncompliance."
    )
    p = doc.add_paragraph()
    p.add_run("Decision: ").bold = True
    p.add_run(
        "The Director of Quality and Patient Safety will lead the response. An internal draft will be "
        "circulated to Committee members by 24 March 2025, and the final response will be submitted through "
        "the Department's Facility Reporting Portal no later than 31 March 2025, two days ahead of the "
        "Department's deadline."
    )
    motion(
        doc,
        "2025-03-02",
        "That approval of the final response to the Department be delegated to the Chair, acting jointly "
        "with the President and Chief Executive Officer.",
        "Director of Quality and Patient Safety",
        "Associate General Counsel",
        "Carried (10 in favour, 0 against, 0 abstentions).",
    )


def item_5(doc):
    """Item 5: the VitalSentry incident review, with a tracked deletion and a reviewer's comment."""
    # 5
    doc.add_heading("5. VitalSentry Sepsis Predictor – incident review and status (Tier 3)", level=2)
    doc.add_paragraph(
        "The Emergency Department Medical Director joined for this item. The Director of Clinical Informatics "
        "presented the incident review for adverse event BV-2025-0112. Key points recorded:"
    )
    doc.add_paragraph(
        "Tarnwell Health Analytics deployed version 3.2 of the model to its hosted environment on 9 January "
        "2025. The hospital's 2022 contract requires the vendor to give notice of model updates only at or "
        "after release, and no advance notice was received.",
        style="List Bullet",
    )
    doc.add_paragraph(
        "Version 3.2 raised the default alert threshold from a risk score of 0.45 to 0.60. Alert volume fell "
        "by about 38% over the following five days.",
        style="List Bullet",
    )
    doc.add_paragraph(
        "On 14 January 2025 a patient in the Emergency Department developed septic shock. Retrospective "
        "scoring showed that the version 3.1 threshold would have produced an alert approximately 3 hours "
        "10 minutes earlier. The patient was transferred to the intensive care unit and has since been "
        "discharged.",
        style="List Bullet",
    )
    p = doc.add_paragraph(style="List Bullet")
    p.add_run(
        "Live alerting was switched to silent mode (scores are calculated and logged but not shown to clinicians) on "
    )
    add_deletion(
        p, "21 January 2025, at the vendor's recommendation, ", "Judith Pellingham", "2025-03-13T09:14:00Z", 901
    )
    p.add_run(
        "17 January 2025, three days after the event, on the instruction of the Chief Medical "
        "Information Officer. The event was reported to the Department on 24 January 2025."
    )
    doc.add_paragraph(
        "While the tool is silent, sepsis screening relies on the manual nursing protocol NP-221, performed "
        "every 4 hours in the Emergency Department and every 8 hours on inpatient wards.",
        style="List Bullet",
    )
    doc.add_paragraph(
        "Local revalidation on a 90-day retrospective cohort (approximately 11,400 Emergency Department "
        "encounters) is under way. Preliminary results: at the 0.60 threshold, sensitivity 0.68 and positive "
        "predictive value (PPV) 0.22; at the 0.45 threshold, sensitivity 0.83 and PPV 0.14.",
        style="List Bullet",
    )
    doc.add_paragraph(
        "In discussion, the Emergency Department Medical Director cautioned that the 0.45 threshold had "
        "generated significant alert fatigue in 2024. The Chief Nursing Officer asked that any re-activation "
        "be accompanied by refresher training for ED and ward nursing staff. The Pharmacy Informatics Lead "
        "asked that the order set linked to the alert be reviewed at the same time."
    )
    _p3, res = motion(
        doc,
        "2025-03-03",
        "That the VitalSentry Sepsis Predictor remain in silent mode until (a) local revalidation shows a "
        "sensitivity of at least 0.80 together with a PPV of at least 0.15 at the selected threshold, and "
        "(b) the Committee approves re-activation at a subsequent meeting; and that the Department be "
        "notified in writing at least 14 calendar days before live alerts are re-enabled, as its letter requires.",
        "Chief Nursing Officer",
        "Director of Quality and Patient Safety",
        "Carried (9 in favour, 0 against, 1 abstention – the Lead, Clinical Data Science, having declared "
        "an interest under item 2).",
    )
    cmt = doc.add_comment(
        res,
        text="My notes have this as 8 in favour with 2 abstentions – can the Secretary check the recording "
        "before these minutes go out?",
        author="Tobias Wrenfield",
        initials="TW",
    )
    cmt._comment_elm.set(qn("w:date"), "2025-03-13T08:41:00Z")
