"""Minutes and reports keep their business facts through the PHI screen: who attended (with any role, guests
too), who presented, moved, opposed or abstained, the dates of the meeting's own business (the meeting approved,
a go-live, an expiry, a rollout wave) and a byline's authors with their degrees. A patient named or dated in the
same minutes, or anywhere a patient's identity is given, is still redacted."""

from __future__ import annotations

import pytest

from advisor.safety.phi import PhiType, detect, product_terms, redact

# Invented organizations and people throughout.
ATTENDANCE = (
    "Name | Role | Status\n"
    "Dr. Odile Brannigan | Chief Nursing Officer (Chair) | Present\n"
    "Dr. Casimir Okonkwo-Reyes | Visiting data ethicist, Harbourline College (guest) | Guest\n"
    "Linnea Farquharson | Patient and Family Advisory Council representative | Present\n"
    "Mr. Thaddeus Pryce | Solutions architect, Quillmark Systems | Absent (apologies)"
)


def test_everyone_in_an_attendance_table_is_kept_whatever_their_role():
    assert redact(ATTENDANCE) == ATTENDANCE


def test_a_patient_or_relative_in_an_attendance_table_is_still_redacted():
    rows = ATTENDANCE + "\nMrs. Greta Halloway | Patient's daughter | Present\nMr. Ivo Halloway | Patient | Present"
    out = redact(rows)
    assert out.startswith(ATTENDANCE)
    assert "Greta" not in out and "Ivo" not in out and "Halloway" not in out


VOTES = (
    "Motion: Retire the legacy triage score. Moved by Dr. Brannigan; seconded by L. Farquharson. "
    "Carried 5–1 (Dr. Okonkwo-Reyes opposed, preferring a phased retirement; Mr. Pryce abstained).\n\n"
    "Dr. Okonkwo-Reyes presented the quarterly fairness audit of the triage score. "
    "Ms. Farquharson asked that the audit be summarised in plain language. "
    "Mr. Pryce gave a short demonstration of the new dashboard and left the meeting at 16:05."
)


def test_members_named_by_their_votes_and_presentations_in_minutes_are_kept():
    assert redact(VOTES) == VOTES


def test_a_member_not_yet_present_at_a_vote_is_kept():
    line = (
        "Motion: Approve the October minutes. Moved by T. Brannigan. Carried 6–0 (Dr. Okonkwo-Reyes not yet present)."
    )
    assert redact(line) == line


def test_a_minutes_documents_title_tells_its_members_from_patients_in_a_passage_without_a_vote():
    passage = (
        "Mr. Pryce described how the scribe drops a bystander's speech. "
        "Dr. Okonkwo-Reyes shared pilot data on word-error rates by first language."
    )
    minutes = product_terms("Harbourline Quality Council — Minutes of the January Meeting")
    assert detect(passage, not_names=minutes) == []
    # the same passage in a document that is no meeting's record is screened as before
    assert {f.text for f in detect(passage)} >= {"Pryce", "Okonkwo-Reyes"}


@pytest.mark.parametrize(
    "text, hidden",
    [
        # a patient's identity in the minutes: no one named there is taken for a member
        (
            "Motion carried 5–0. The committee reviewed the fall of Mr. Walter Greaves (DOB 2 June 1949); "
            "Mr. Greaves opposed the transfer.",
            ["Greaves", "2 June 1949"],
        ),
        # a patient's event in the sentence
        (
            "Motion carried 5–0. Mr. Ivo Halloway presented to the emergency department on 3 March 2027.",
            ["Halloway", "3 March 2027"],
        ),
        (
            "Motion carried 5–0. Patient Ivo Halloway was discharged on 4 May 2027 after the pilot.",
            ["Halloway", "4 May 2027"],
        ),
    ],
)
def test_a_patient_in_minutes_is_still_redacted(text, hidden):
    out = redact(text)
    for value in hidden:
        assert value not in out, out


@pytest.mark.parametrize(
    "note",
    [
        "Range of motion: full. Mr. Ivo Halloway described sharp pain in the left knee since 3 March 2027.",
        "Mr. Ivo Halloway abstained from alcohol since 3 March 2027.",
        "Symptoms began within minutes of the injection. Mrs. Greta Halloway noted that the rash spread on 4 May 2027.",
        "Motion carried 5–0. Mr. Ivo Halloway, 67 years old, described chest pain on 3 March 2027.",
    ],
)
def test_a_clinical_note_using_a_meetings_words_is_still_redacted(note):
    out = redact(note)
    assert "Halloway" not in out and "2027" not in out, out


MM_MINUTES = product_terms("Morbidity and Mortality Review — Minutes")


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Walter Greaves described worsening chest pain for three days.",
        "Mr. Walter Greaves gave a history of two falls at home.",
        "Mrs. Greta Halloway asked that her daughter be called before any change.",
        "Mr. Walter Greaves reported that his medication had run out.",
    ],
)
def test_a_patients_story_in_case_review_minutes_is_still_redacted(sentence):
    found = {f.text for f in detect(sentence, not_names=MM_MINUTES)}
    assert found & {"Walter Greaves", "Greta Halloway"}, found


MEETING_DATES = [
    "The Chair opened the meeting. The minutes of the 12 January 2027 meeting were approved with one correction: "
    "the go-live date for the discharge-summary drafting pilot was 2 February, not 9 February.",
    "Motion: Approve the rollout in two waves — wave one to 40 nurses from 1 May 2027. Moved by Dr. Brannigan. "
    "Carried 5–1 (Mr. Pryce opposed).",
    "Security: Mr. Pryce noted that the vendor's SOC 2 Type II report expires on 30 April 2027; "
    "the Chair asked for a bridge letter.",
]


@pytest.mark.parametrize("text", MEETING_DATES)
def test_the_dates_of_a_meetings_own_business_are_kept(text):
    assert redact(text) == text


def test_a_patients_dates_in_the_same_minutes_are_still_redacted():
    text = (
        "The minutes of the 12 January 2027 meeting were approved. The committee reviewed the case of a patient "
        "admitted on 3 January 2027 and discharged on 9 January 2027."
    )
    out = redact(text)
    assert "12 January 2027 meeting" in out
    assert "3 January 2027" not in out and "9 January 2027" not in out


BYLINES = [
    "Ysolde Carrick, MD ; Benedek Ferenczi, PhD ; Maelis Ortolan, RN, MSN; Teodric Vannier, MS",
    # a PDF's text may break the last author's degree onto a line of its own
    "Ysolde Carrick, MD ; Benedek Ferenczi, PhD ; Maelis Ortolan, RN, MSN; Teodric Vannier,\n\nMS\n\n"
    "1Department of Medicine, Fernhollow Hospital",
]


@pytest.mark.parametrize("byline", BYLINES)
def test_a_bylines_last_author_with_a_degree_that_is_also_a_state_code_is_kept(byline):
    assert redact(byline) == byline


def test_a_town_in_mississippi_is_still_an_address():
    assert [f.type for f in detect("She moved back to her home in Tupelo, MS.")] == [PhiType.ADDRESS]
    assert "[ADDRESS]" in redact("Patient Teodric Vannier, MD; lives in Tupelo, MS.")
