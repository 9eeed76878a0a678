"""Committee business is not PHI: a sign-off table's signatories and dates, a meeting's chair, minute-taker,
attendees and voters, the owners and due dates of action items, and an article's byline survive redaction,
while a patient's name, birth date and record number discussed at the same meeting do not."""

from __future__ import annotations

import pytest

from advisor.safety.phi import PhiType, chunk_findings, detect, redact

# An approval table at the end of a hospital policy (invented people).
SIGN_OFF = (
    "Role | Name | Signature | Date\n"
    "Medical Director | Dr. Harriet Colebrook, MD | Signed | 3 March 2026\n"
    "Head of Pharmacy Services | Dr. Tobias Wren, PharmD | Signed | 5 March 2026\n"
    "Chair, Quality Committee | Dr. Miriam Stadler | Signed | 9 March 2026"
)


def test_a_sign_off_tables_signatories_and_dates_are_kept():
    assert redact(SIGN_OFF) == SIGN_OFF


def test_a_patients_consent_table_next_to_a_sign_off_table_is_still_redacted():
    consent = "\n\nPatient | DOB | Signature | Date\nMargaret Ellison | 04/12/1948 | signed | 3 March 2026"
    out = redact(SIGN_OFF + consent)
    assert out.startswith(SIGN_OFF)
    assert "Ellison" not in out and "04/12/1948" not in out
    assert out.endswith("[NAME] | [DATE] | signed | [DATE]")


ATTENDEES = (
    "Name | Title | Voting | Present\n"
    "Dr. Farida Osterhout | Chief Quality Officer (Chair) | Yes | Yes\n"
    "Dr. Neil Ambrose | Director of Surgery | Yes | No (apologies)\n"
    "Priya Hollis | Committee Coordinator | No | Yes"
)


def test_an_attendee_tables_members_are_kept():
    assert redact(ATTENDEES) == ATTENDEES


def test_a_relative_in_a_family_meeting_table_is_still_redacted():
    text = (
        "Name | Role | Present\n"
        "Dr. Neil Ambrose | Director of Surgery | Yes\n"
        "Dr. Rose Whitcombe | Daughter of the patient; finance manager | Yes\n"
        "Dr. Amos Pike | Patient | Yes"
    )
    out = redact(text)
    assert "Dr. Neil Ambrose | Director of Surgery" in out
    assert "Whitcombe" not in out and "Pike" not in out


MINUTES = (
    "- Chair: Dr. Farida Osterhout, Chief Quality Officer\n"
    "- Minutes taken by: Priya Hollis, Committee Coordinator\n"
    "The motion was moved by Dr. Adaeze Kimathi and seconded by Martin Oyelaran.\n"
    "The only vote against the motion was cast by Dr. Felix Arden, who wanted more data.\n"
    "Against: Dr. Felix Arden, Dr. Una Baird"
)


def test_a_meetings_chair_minute_taker_movers_and_voters_are_kept():
    assert redact(MINUTES) == MINUTES


def test_a_patient_case_discussed_at_the_meeting_is_still_redacted():
    case = (
        "\nThe committee reviewed the fall of patient Walter Greaves (date of birth 2 June 1949, MRN 7734120) "
        "on the surgical ward."
    )
    out = redact(MINUTES + case)
    assert out.startswith(MINUTES)  # the members and voters stay readable
    assert "Greaves" not in out and "2 June 1949" not in out and "7734120" not in out
    assert "patient [NAME] (date of birth [DATE], MRN [MRN])" in out


def test_a_patient_or_relative_on_an_attendee_list_is_still_redacted():
    out = redact("Attendees: Dr. Una Baird, patient Joan Marsh and her daughter Beth Marsh")
    assert "Joan" not in out and "Beth" not in out


ACTIONS = (
    "- [ ] Update the discharge summary template — Priya Hollis — due 20 January 2027\n"
    "- [x] Send the fall audit to the board — Martin Oyelaran — done 4 December 2026\n"
    "Decision: approved. Owner: Martin Oyelaran. Due: new admission checklist live by 1 February 2027."
)


def test_action_items_keep_their_owners_and_due_dates():
    assert redact(ACTIONS) == ACTIONS


@pytest.mark.parametrize(
    "text, hidden",
    [
        # a patient's own call-back on a checklist: their birth date makes the line theirs
        (
            "- [ ] Call back patient Joan Marsh, DOB 3/14/1952 — due 12 January 2027",
            ["Marsh", "3/14/1952", "12 January 2027"],
        ),
        # a screening due date in a patient's note is the patient's
        ("Pt Joan Marsh, 71 y/o. Mammogram due 5 May 2025.", ["Marsh", "5 May 2025"]),
    ],
)
def test_a_patients_due_dates_are_still_redacted(text, hidden):
    out = redact(text)
    for value in hidden:
        assert value not in out, out


def test_an_articles_byline_with_degrees_and_affiliations_is_kept():
    byline = "Sarah Johnson, MD, MPH 1; David Miller, PhD 2; Anna Berg, RN, MSN 1,3"
    assert redact(byline) == byline
    assert detect("Hanna Lorimer, MD, MPH 1 ; Osric Pell, PhD 2") == []  # 'MD' is a degree, not Maryland


def test_a_titled_officer_with_a_degree_is_no_place_in_maryland():
    # a vendor questionnaire's answer: "Dr. X, MD" or "X, MD, Chief Medical Officer" names an officer
    for text in (
        "Dr. Imani Castellano, MD, Chief Medical Officer. She chairs the Clinical Safety Review Board.",
        "Accountable: Imani Castellano, MD, Chief Medical Officer, who reports to the board.",
        "Signed by Prof. Alder Quine, PA, Director of Physician Assistant Services.",
    ):
        assert not [f for f in detect(text) if f.type is PhiType.ADDRESS], text
        assert "[ADDRESS]" not in redact(text), redact(text)


def test_a_place_in_maryland_and_a_patient_with_a_degree_are_still_redacted():
    assert [f.type for f in detect("She lives in Towson, MD, with her son.")][:1] == [PhiType.ADDRESS]
    out = redact("Patient Sarah Johnson, MD 1, was admitted on 3/4/2024.")
    assert "Johnson" not in out and "3/4/2024" not in out


def test_a_report_presented_to_a_committee_keeps_its_date():
    # a report is presented to a committee; a patient presents to a department
    text = (
        "A governance coordinator has been assigned, and the first annual report will be presented to the "
        "Quality and Safety Committee in June 2026. The recalibration will be presented to the CAOC by 30 September 2026."
    )
    assert not [f for f in chunk_findings(text) if f.type is PhiType.DATE]
    assert not chunk_findings("Final report issued: 14 April 2026\nPlanned follow-up review: November 2026")
    patient = "Mrs Alder presented to the ED on 3 June 2026 with chest pain."
    assert [f.text for f in chunk_findings(patient) if f.type is PhiType.DATE] == ["3 June 2026"]
    seen = "Mr Tolland was seen in clinic for his follow-up review on 9 May 2026."
    assert [f.text for f in chunk_findings(seen) if f.type is PhiType.DATE] == ["9 May 2026"]


def test_a_board_decks_presenter_owners_and_schedule_are_not_a_patients():
    # a title slide's presenter, a roadmap's moved date and a status table's accountable leads
    deck = (
        "Presented by Marcus Delacroix-Reyes, Chief Digital & Information Officer (CDIO)\n"
        "Sepsis recalibration | Dr. Tomasz Lindqvist, Director, Clinical Data Science | Red | "
        "recalibrated go-live moved from Dec 2026 to Mar 2027"
    )
    assert chunk_findings(deck) == []
    assert not chunk_findings("Presented by Marcus Delacroix-Reyes")
    # a patient who presents, or who moved to a town, is still one
    case = "Case presented by Dr. Lee: Marcus Delacroix-Reyes, 67, presented with fever."
    assert "Marcus Delacroix-Reyes" in [f.text for f in chunk_findings(case)]
    assert [f.text for f in chunk_findings("The patient moved from Dover in 2019.")] == ["Dover"]
    # a town that begins like a month is still a place
    assert [f.text for f in chunk_findings("She recently moved to Maryborough to be near her son.")] == ["Maryborough"]
