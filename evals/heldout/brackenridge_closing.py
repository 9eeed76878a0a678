"""The Brackenridge minutes' agenda items 6 to 10, the action items table and the signature lines
(`build_brackenridge.py`). Everything here is invented."""

# run as a script (or by build.py) from this folder, so its sibling module imports by name
from brackenridge_helpers import motion, table


def item_6(doc):
    """Item 6: the ScribeLoom pilot intake and its conditions."""
    # 6
    doc.add_heading("6. New tool intake: ambient clinical documentation pilot (ScribeLoom)", level=2)
    doc.add_paragraph(
        "The Vendor Management Manager joined for this item. The Director of Clinical Informatics presented "
        "the intake review for ScribeLoom, an ambient documentation tool from Quillmarsh Systems that records "
        "the clinician–patient conversation and drafts a visit note for the clinician to edit. The proposal "
        "is a 90-day pilot starting 1 May 2025 in the Alder Street Family Medicine Clinic and the Outpatient "
        "Cardiology Clinic, with up to 40 clinicians (25 in family medicine and 15 in cardiology). The tool "
        "was assigned Tier 2 because every draft note is reviewed by a clinician before it is used and the "
        "tool makes no diagnostic or treatment recommendations. The CISO reported that the security review was "
        "completed on 28 February 2025; the vendor's SOC 2 Type II report was reviewed and two medium-severity "
        "findings remain open."
    )
    doc.add_paragraph(
        "The Committee agreed that the pilot may go live only if all of the following conditions are met:"
    )
    for b in [
        "Quillmarsh Systems signs a Business Associate Agreement before any patient audio is captured;",
        "audio recordings are deleted within 7 days after the clinician signs the note, and transcripts are "
        "kept for no longer than 30 days;",
        "the contract prohibits any use of hospital audio, transcripts or notes to train or improve the "
        "vendor's models;",
        "the patient's verbal consent is obtained before each recorded encounter and documented in the visit "
        "note, and a patient may decline without any effect on their care;",
        "the two medium-severity security findings are remediated and verified by the CISO; and",
        "the clinician reviews and signs every AI-drafted note – no note is filed automatically.",
    ]:
        doc.add_paragraph(b, style="List Bullet")
    doc.add_paragraph(
        "Success measures for the pilot are an accuracy audit of 200 randomly sampled notes at day 45, led by "
        "the Director of Clinical Informatics, and a reduction of at least 15% in after-hours documentation "
        "time in the electronic health record. The PFAC representative argued that consent should be written "
        "rather than verbal and asked that his dissent be recorded."
    )
    motion(
        doc,
        "2025-03-04",
        "That the ScribeLoom pilot be approved as a Tier 2 tool, subject to the conditions listed above.",
        "Director of Clinical Informatics",
        "Chief Information Security Officer",
        "Carried (9 in favour, 1 against – the PFAC representative, 0 abstentions).",
    )


def item_7(doc):
    """Item 7: the AI Risk Classification Standard and its tier table."""
    # 7
    doc.add_heading("7. AI Risk Classification Standard (IT-AI-004), version 2.0", level=2)
    doc.add_paragraph(
        "The Director of Clinical Informatics presented version 2.0 of the standard, which replaces version "
        "1.3 (approved June 2023). The standard keeps three risk tiers but revises the criteria, and its "
        "controls are now mapped to the four functions of the NIST AI Risk Management Framework (Govern, Map, "
        "Measure, Manage). The principal changes are set out below."
    )
    table(
        doc,
        ["Tier", "Definition (v2.0)", "Performance monitoring", "Vendor model updates"],
        [
            [
                "Tier 3 – High",
                "Output directly informs diagnosis, treatment, triage or resource allocation for an individual patient.",
                "Monthly (previously quarterly)",
                "Committee change review required before release to production.",
            ],
            [
                "Tier 2 – Moderate",
                "Generates clinical content that is reviewed by a clinician before use, or communicates directly "
                "with patients (patient-facing).",
                "Quarterly (previously semi-annual)",
                "May be approved by the Director of Clinical Informatics; reported at the next meeting.",
            ],
            [
                "Tier 1 – Low",
                "Administrative or operational use with no effect on individual patient-level clinical decisions.",
                "Annually (unchanged)",
                "Tool owner approves; logged in the AI inventory.",
            ],
        ],
        widths=[2.6, 6.6, 3.6, 4.0],
    )
    doc.add_paragraph(
        "In addition, every tool, whatever its tier, must undergo a full re-review at least every two years."
    )
    motion(
        doc,
        "2025-03-05",
        "That version 2.0 of IT-AI-004 be adopted with effect from 1 April 2025.",
        "Privacy Officer",
        "Chief Nursing Officer",
        "Carried (10 in favour, 0 against, 0 abstentions).",
    )
    p = doc.add_paragraph()
    p.add_run(
        "The Privacy Officer left the meeting at 15:40. Nine voting members remained and the meeting remained quorate."
    ).italic = True


def items_8_to_10(doc):
    """Items 8 to 10: inventory and monitoring report, other business, next meeting."""
    # 8
    doc.add_heading("8. AI inventory and performance monitoring report (Q4 2024)", level=2)
    doc.add_paragraph(
        "The Lead, Clinical Data Science presented the quarterly report, with data to 28 February 2025. "
        "The inventory held 23 AI-enabled tools at that date: 6 in Tier 3, 9 in Tier 2 and 8 in Tier 1 "
        "(classified under version 1.3 of the standard). Reclassification under version 2.0 is expected to "
        "move two tools from Tier 2 to Tier 3. Three tools, all in Tier 1, are overdue for their annual review."
    )
    doc.add_paragraph(
        "For RadTriage-PTX, the chest X-ray pneumothorax triage tool, positive predictive value fell from 0.71 "
        "in Q3 2024 to 0.64 in Q4 2024, below the floor of 0.65 set at go-live; sensitivity was stable at 0.93. "
        "The suspected cause is the portable X-ray units installed in November 2024. The tool was not "
        "suspended because a radiologist reads every image regardless of the triage flag."
    )
    motion(
        doc,
        "2025-03-06",
        "That the report be received, and that the RadTriage-PTX investigation be referred to the Lead, "
        "Clinical Data Science, to report back at the April meeting.",
        "Director of Quality and Patient Safety",
        "Chief Information Security Officer",
        "Carried (8 in favour, 1 against, 0 abstentions). The Chief Nursing Officer voted against, "
        "preferring a temporary suspension of the tool pending the investigation.",
    )

    # 9
    doc.add_heading("9. Any other business", level=2)
    doc.add_paragraph(
        "(a) The bias audit of the outpatient no-show prediction model was deferred to the April meeting in "
        "the absence of the Chief Health Equity Officer."
    )
    doc.add_paragraph(
        "(b) The CISO reported that the web filter blocked 1,318 attempts by staff in February 2025 to reach "
        "unapproved public generative AI sites. A reminder of the acceptable-use policy will appear in the "
        "next staff newsletter."
    )
    doc.add_paragraph(
        "(c) The patient-facing AI transparency notice (action A-25-02-04) was not ready and is carried over."
    )

    # 10
    doc.add_heading("10. Date of next meeting and close", level=2)
    doc.add_paragraph(
        "The next regular meeting will be held on Wednesday, 9 April 2025 at 14:00 in Harrow Pavilion, "
        "Conference Room 4B. The Chair closed the meeting at 16:10."
    )


def actions(doc):
    """The action items table."""
    # Actions
    doc.add_heading("Action items", level=2)
    table(
        doc,
        ["No.", "Action", "Owner (role)", "Due date", "Status"],
        [
            [
                "A-25-03-01",
                "Circulate internal draft of the response to letter OCTO-2025-0417 to Committee members",
                "Director of Quality and Patient Safety",
                "24 Mar 2025",
                "Open",
            ],
            [
                "A-25-03-02",
                "Submit the final response through the Department's Facility Reporting Portal",
                "Director of Quality and Patient Safety",
                "31 Mar 2025",
                "Open",
            ],
            [
                "A-25-03-03",
                "Complete local revalidation of VitalSentry v3.2 (90-day cohort) and present threshold options",
                "Director of Clinical Informatics",
                "9 Apr 2025",
                "In progress",
            ],
            [
                "A-25-03-04",
                "Negotiate a contract amendment with Tarnwell Health Analytics requiring at least 30 days' "
                "advance written notice of any model update",
                "Associate General Counsel",
                "30 Apr 2025",
                "Open",
            ],
            [
                "A-25-03-05",
                "Execute the Business Associate Agreement and no-training clause with Quillmarsh Systems",
                "Vendor Management Manager, with the Privacy Officer",
                "15 Apr 2025",
                "Open",
            ],
            [
                "A-25-03-06",
                "Verify remediation of the two medium-severity ScribeLoom security findings",
                "Chief Information Security Officer",
                "25 Apr 2025",
                "Open",
            ],
            [
                "A-25-03-07",
                "Publish IT-AI-004 v2.0 on the policy portal and notify all tool owners",
                "Committee Secretary",
                "21 Mar 2025",
                "Open",
            ],
            [
                "A-25-03-08",
                "Reclassify the AI inventory under IT-AI-004 v2.0",
                "Director of Clinical Informatics",
                "30 May 2025",
                "Open",
            ],
            [
                "A-25-03-09",
                "Complete the three overdue annual reviews (Tier 1 tools)",
                "Director of Clinical Informatics",
                "30 Apr 2025",
                "Open",
            ],
            [
                "A-25-03-10",
                "Investigate the RadTriage-PTX PPV decline and report to the April meeting",
                "Lead, Clinical Data Science",
                "9 Apr 2025",
                "Open",
            ],
            [
                "A-25-02-04",
                "Draft a patient-facing AI transparency notice (from February meeting)",
                "PFAC representative and Privacy Officer",
                "9 Apr 2025 (was 12 Mar 2025)",
                "Carried over",
            ],
            [
                "A-25-02-06",
                "Bias audit of the outpatient no-show prediction model (from February meeting)",
                "Chief Health Equity Officer",
                "9 Apr 2025",
                "Deferred",
            ],
        ],
        widths=[2.2, 7.0, 3.8, 2.4, 1.8],
    )


def signature(doc):
    """The confirmation line for the Chair's signature."""
    doc.add_paragraph()
    doc.add_paragraph("Confirmed as a true record:")
    doc.add_paragraph("______________________________          Date: ____________________")
    doc.add_paragraph("Chair, Artificial Intelligence Oversight Committee")
