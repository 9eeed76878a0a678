"""A governance document's public facts are not PHI: the official named on its "for further information" line
with their office and work phone, a guideline group's chair, deputy chair, secretary and members (a clinician
given with a specialty in brackets as much as one called "Professor"), and the month a document sets for its own
next review. A patient's name, phone and dates in the same kind of sentence are still redacted."""

from __future__ import annotations

import pytest

from advisor.safety.phi import PhiType, detect, redact

# Invented people and offices throughout.
CONTACT_LINES = [
    "FOR FURTHER INFORMATION CONTACT: Wendeline Arkwright, Division of Health Data Standards, "
    "Bureau of Clinical Software Oversight, (301) 555-0199, or by e-mail at wendeline.arkwright@example.gov.",
    "For more information, contact Edmund Thorne, Office of Clinical Quality, at 410-555-0123.",
    "Media contact: Edmund Thorne, (410) 555-0123.",
    "FOR FURTHER INFORMATION CONTACT: Wendeline Arkwright, (301) 555-0199, for questions on certification. "
    "Corentin Abernathy, (301) 555-0142, for questions on the information collection.",
    "Author: Jane Roe, Clinical Informatics Lead, tel. (555) 555-0100.",
]


@pytest.mark.parametrize("line", CONTACT_LINES)
def test_a_documents_public_contact_keeps_the_officials_name_and_work_line(line):
    assert redact(line) == line


@pytest.mark.parametrize(
    "line",
    [
        "Contact: Rosalind Achterberg (daughter), (617) 555-0143.",
        "Emergency contact: Rosalind Achterberg, (617) 555-0143.",
        "For further information contact: Rosalind Achterberg (daughter), (617) 555-0143.",
        "For further information contact the patient's daughter, Rosalind Achterberg, at (617) 555-0143.",
        "Patient Margaret Hughes, Department of Cardiology, bed 4, (617) 555-0188.",
        "Margaret Hughes, Department of Cardiology, was admitted on 14 March 2026 and can be reached at (617) 555-0188.",
    ],
)
def test_a_patients_or_relatives_name_and_phone_in_a_contact_line_are_still_redacted(line):
    kinds = {f.type for f in detect(line)}
    assert {PhiType.NAME, PhiType.PHONE} <= kinds
    out = redact(line)
    assert "555-01" not in out and "Achterberg" not in out and "Hughes" not in out


def test_an_office_holders_home_phone_is_still_redacted():
    line = "For more information, contact Edmund Thorne, Office of Clinical Quality, home phone (410) 555-0123."
    assert "[PHONE]" in redact(line)


@pytest.mark.parametrize(
    "line",
    [
        "The committee reviews this procedure every two years. The next scheduled review is March 2028.",
        "This policy will be reviewed in November 2027.",
        "Next planned review: June 2028.",
        "This procedure takes effect on 1 April 2027.",
    ],
)
def test_a_documents_own_review_date_is_kept(line):
    assert redact(line) == line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Her next scheduled review is September 2027.", "Her next scheduled review is [DATE]."),
        ("Admitted September 2026, discharged October 2026.", "Admitted [DATE], discharged [DATE]."),
        (
            "The next scheduled review of the patient's wound is 3 June 2026.",
            "The next scheduled review of the patient's wound is [DATE].",
        ),
    ],
)
def test_a_patients_review_and_stay_dates_are_still_redacted(line, expected):
    assert redact(line) == expected


GROUP = (
    "The panel was chaired by Dr. Corentin Abernathy (nephrology) with Professor Saoirse Lindgren "
    "(nursing informatics) as vice-chair and Ms Petra Kowalczyk (pharmacy) as secretary. Members included "
    "Dr. Jonas Eriksen (cardiology) and two patient representatives."
)


def test_a_guideline_groups_chair_deputy_secretary_and_members_are_all_kept():
    assert redact(GROUP) == GROUP


@pytest.mark.parametrize("title", ["Dr.", "Professor"])
def test_a_deputy_chair_named_with_a_specialty_is_kept_whatever_the_title(title):
    line = f"The group was chaired by Professor Ilse Marchetti with {title} Hugo Tanaka-Ries (emergency medicine) as deputy chair."
    assert redact(line) == line


@pytest.mark.parametrize("title", ["Dr.", "Professor"])
def test_a_clinician_who_is_a_patient_is_still_redacted_whatever_the_title(title):
    line = f"{title} Hugo Tanaka-Ries (emergency medicine) was admitted on 2 May 2026 with chest pain."
    out = redact(line)
    assert out == f"{title} [NAME] (emergency medicine) was admitted on [DATE] with chest pain."


def test_a_committees_member_list_split_by_semicolons_is_kept():
    line = "Committee members: Dr. Corentin Abernathy (nephrology); Ms Petra Kowalczyk (pharmacy)."
    assert redact(line) == line


def test_a_patient_named_on_a_member_list_is_still_redacted():
    line = "Members: Margaret Hughes, John Hughes (son), DOB 04/05/1950."
    assert redact(line) == "Members: [NAME], [NAME] (son), DOB [DATE]."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Dr. Ilse Marchetti, Director of Nursing, reported that the family can be reached at (617) 555-0143.",
            "Dr. Ilse Marchetti, Director of Nursing, reported that the family can be reached at [PHONE].",
        ),
        (
            "Edmund Thorne, Director of Nursing, said the caller could be reached at (617) 555-0143.",
            "Edmund Thorne, Director of Nursing, said the caller could be reached at [PHONE].",
        ),
        (
            "Ward list: Margaret Hughes, Department of Medicine, bed 12.",
            "Ward list: [NAME], Department of Medicine, bed 12.",
        ),
        ("Wound scheduled for review on 3 May 2026.", "Wound scheduled for review on [DATE]."),
    ],
)
def test_an_office_holder_does_not_clear_someone_elses_phone_and_a_ward_is_no_agency(line, expected):
    assert redact(line) == expected


def test_a_legislatures_chamber_after_the_is_no_persons_name():
    line = "(9) One member of the House of Representatives appointed by the Speaker of the House, who serves as a nonvoting member."
    assert redact(line) == line
    # the same word after a title is a person's name
    assert [f.text for f in detect("We met Ms. House, who reported chest pain.") if f.type is PhiType.NAME] == ["House"]


@pytest.mark.parametrize(
    "line",
    [
        # an assessment's question IDs after a compound noun ending in a record label
        "Build reusable datasets on a common data model: DATA-7 is at level 1 of 5.",
        "Define success metrics for each use case: VALUE-2 is at level 2 of 5.",
        # a staff member presenting a report, not a patient presenting to a clinic
        "The Lead, Clinical Data Science presented the quarterly report, with data to 28 February 2025.",
        # an owner, not a place of residence
        "Audio is deleted after 30 days; the signed note lives in the Customer\u2019s EHR.",
        # a firm's name, not a consultation
        "Expert determination by Calloway Statistical Consulting, LLC. It was last renewed in September 2024.",
    ],
)
def test_governance_wording_like_a_record_label_a_visit_or_a_residence_is_kept(line):
    assert detect(line) == [], [(f.type, line[f.start : f.end]) for f in detect(line)]
    assert redact(line) == line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Pump model: X200-45 was implanted in 2023.", PhiType.DEVICE),
        ("Case: 2024-00123 was reviewed by the panel.", PhiType.OTHER_ID),
        ("Patient care record: 12345678 was opened on the ward.", PhiType.MRN),
        ("He presented to the emergency department on 3 March 2024 with chest pain.", PhiType.DATE),
        ("Seen by the consultant on 4 May 2024 for review.", PhiType.DATE),
        ("The patient lives in Springfield with her daughter.", PhiType.ADDRESS),
    ],
)
def test_the_patient_details_those_wordings_resemble_are_still_redacted(line, expected):
    assert expected in {f.type for f in detect(line)}, line
