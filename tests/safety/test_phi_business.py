"""Business facts are not PHI: an organization's officers, a document's authors and signatories, and the dates of
clearances, approvals and revisions survive redaction, while a patient's name and dates beside them do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.chunk import Chunk, DocType
from advisor.index.screening import screen
from advisor.safety.phi import PhiType, detect, redact

# A vendor's answers in a due-diligence questionnaire (invented vendor, product and people).
VENDOR_ROWS = (
    "Question ID | Question | Vendor response\n"
    "REG-1 | Is the product a regulated device? | Harbourline Sepsis Watch is cleared by the FDA under 510(k). "
    "The clearance was granted on 14 August 2024. It covers adults only.\n"
    "REG-2 | Who is accountable for safety? | Our Chief Medical Officer, Dr. Ingrid Halvorsen, is accountable for "
    "clinical safety. Dr. Halvorsen reports to the Chief Executive Officer."
)


def test_a_vendors_clearance_date_and_officer_are_kept():
    assert redact(VENDOR_ROWS) == VENDOR_ROWS


def test_a_patient_case_in_the_same_vendor_answer_is_still_redacted():
    text = (
        VENDOR_ROWS + "\nCASE-1 | Describe a reported incident. | Patient Rosalind Achterberg, MRN 00912345, "
        "was admitted on 3 March 2025 after a missed alert."
    )
    out = redact(text)
    assert out.startswith(VENDOR_ROWS)  # the business rows are untouched
    assert "Achterberg" not in out and "00912345" not in out and "3 March 2025" not in out
    assert "Patient [NAME], MRN [MRN], was admitted on [DATE]" in out


REVISION_TABLE = (
    "Version | Date | Author | Summary of changes\n"
    "1.0 | 2 February 2023 | Dr K. Whitcombe, CCIO | First issue.\n"
    "2.0 | 19 June 2024 | Dr K. Whitcombe, CCIO | Added Tier D.\n"
    "2.1 | 5 May 2025 | T. Osei, Clinical Safety Officer | Patient representative added to the committee."
)


def test_a_revision_history_keeps_its_dates_and_authors():
    assert redact(REVISION_TABLE) == REVISION_TABLE


def test_a_revision_history_keeps_its_dates_even_when_the_policy_mentions_identifiers():
    # words like "DOB" and "MRN" make a text look like a patient's; a revision row is still a document's
    text = "Staff must remove identifiers such as DOB and MRN before sharing.\n" + REVISION_TABLE
    assert redact(text) == text


def test_a_patient_table_still_has_its_dates_redacted():
    text = "Patient | DOB | Admitted\nMary Johnson | 04/11/1951 | 3 March 2025"
    assert redact(text) == "Patient | DOB | Admitted\n[NAME] | [DATE] | [DATE]"


@pytest.mark.parametrize(
    "text",
    [
        "Approved: Dr Helen Marsh, Chief Medical Officer Date: 12 January 2026",
        "Approved by the Trust Board on 9 September 2026. Next review due: 30 September 2027. "
        "Policy owner: Dr Helen Marsh, CCIO.",
        "Presented by Dr. Okonkwo Adeyemi, Chief Medical Information Officer · 2 October 2026",
        "Signature: /s/ Theodora Kasprzak | Date: 3 November 2026\nName: Theodora Kasprzak\n"
        "Title: Chief Operating Officer, Quillmoor Analytics, Inc.\nWitness: Samuel Achterberg, General Counsel",
        "The next review of the framework is scheduled for March 2028.",
        "Prepared by: Samuel Achterberg\nDate: 12 March 2026",
        # a signature table whose line breaks were lost in extraction: each office still ends at the glued "Date"
        "Dr. Rowena Fairclough, Chief of StaffDate: 6 March 2026 | Dmitri Halloran, Chair, Board of TrusteesDate: "
        "20 March 2026",
        "Dr. Amara Lindqvist, Minister of Health",
    ],
)
def test_a_documents_approvers_signatories_and_dates_are_kept(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        # an office does not make a patient or a relative any less identifiable
        (
            "Patient: John Roe, CEO of Acme Corp, was admitted on 03/04/2024.",
            "Patient: [NAME], CEO of Acme Corp, was admitted on [DATE].",
        ),
        (
            "Mr. Lindqvist, Chief Executive of Acme, presented with chest pain on 3 May 2024.",
            "Mr. [NAME], Chief Executive of Acme, presented with chest pain on [DATE].",
        ),
        (
            "Her daughter, Jane Doe, Director of Nursing at Mercy, called on 3/5/2024.",
            "Her daughter, [NAME], Director of Nursing at Mercy, called on [DATE].",
        ),
        (
            "Jane Roe is the CEO of Acme Corp. She was admitted on 3/4/2024 with chest pain.",
            "[NAME] is the CEO of Acme Corp. She was admitted on [DATE] with chest pain.",
        ),
        ("Emergency contact: Tomasz Brightwell, Chief Executive.", "Emergency contact: [NAME], Chief Executive."),
        # a clinician's name in care stays redacted as before
        ("Seen by Dr. Okafor on 3 May 2024.", "Seen by Dr. [NAME] on [DATE]."),
        ("Patient signature: /s/ Mary Jones", "Patient signature: /s/ [NAME]"),
    ],
)
def test_a_patient_or_relative_with_an_office_is_still_redacted(text, redacted):
    assert redact(text) == redacted


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        # a business word does not clear a date that belongs to a patient's record
        (
            "DOB: 01/02/1950. Insurance coverage effective 01/01/2024.",
            "DOB: [DATE]. Insurance coverage effective [DATE].",
        ),
        (
            "Patient John Smith. Discharge summary revised on 3 May 2024.",
            "Patient [NAME]. Discharge summary revised on [DATE].",
        ),
        (
            "Pt Mary Jones, DOB 02/03/1960. Her prior authorization was approved on 4 April 2025.",
            "Pt [NAME], DOB [DATE]. Her prior authorization was approved on [DATE].",
        ),
    ],
)
def test_a_patients_dates_after_business_words_are_still_redacted(text, redacted):
    assert redact(text) == redacted


def test_screening_a_vendor_questionnaire_stores_its_facts_and_counts_no_phi():
    chunk = Chunk("c1", VENDOR_ROWS, "questionnaire.pdf", "Vendor questionnaire", doc_type=DocType.USER)
    screened = screen(Path("questionnaire.pdf"), [chunk], embedder=None, redact_phi=True)
    assert screened.chunks[0].text == VENDOR_ROWS
    assert not screened.phi
    assert [f.type for f in detect(VENDOR_ROWS + " Patient Jane Roe, DOB 02/03/1960.")] == [
        PhiType.NAME,
        PhiType.DATE,
    ]
