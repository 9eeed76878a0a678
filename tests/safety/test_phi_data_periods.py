"""A data set's or a study's period ("encounters admitted between 1 January 2019 and 31 December 2023") is when a
model's data were gathered, not a patient's admission date; and a "Hospitalist Lead" named in a governance table is
a clinician with a job, not a hospitalized patient. The screen leaves both in clear, so a CIO can read a model card's
training window and a tool's business owner; one patient's admission dates and a hospitalized patient stay redacted.
(Invented organizations, products and people.)"""

from __future__ import annotations

import pytest

from advisor.safety.phi import chunk_findings, redact


@pytest.mark.parametrize(
    "text",
    [
        "The model was trained on 208,415 inpatient encounters admitted between 1 March 2018 and 28 February 2022 "
        "at nine hospitals.",
        "External validation used 33,870 encounters at four hospitals that contributed no training data, admitted "
        "between 1 April 2022 and 31 October 2023.",
        "Patients admitted from 1 July 2020 to 30 June 2021 formed the validation cohort.",
        "Data were collected between January 2019 and December 2023 from 14 hospitals.",
        "Patients discharged between 1 May 2023 and 31 May 2023 were surveyed (n = 412).",
        # a model card that lists the record number among its inputs is still no patient's note
        "Inputs: MRN, age, vital signs.\nThe development cohort held 120,554 admissions discharged between "
        "1 January 2017 and 31 December 2021.",
    ],
)
def test_a_data_sets_collection_period_stays_in_clear(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Mr Aldous Penhale was admitted between 3 May 2024 and 9 May 2024.",
        "She was admitted between 3 May 2024 and 9 May 2024 with pneumonia.",
        "Maria Lopez was admitted on 3 May 2024 and discharged on 9 May 2024.",
        # a note about one patient: plural visits are still theirs
        "MRN 40291177. Visits between 3 May 2024 and 9 June 2024: three.",
        # a passage of a note with no identifier of its own
        "Visits between 3 May 2024 and 9 June 2024 were uneventful.",
        # many visits, but one named person's
        "Patient Maria Lopez had 214 visits between 1 May 2019 and 31 May 2024.",
        "Maria Lopez had 214 visits between 1 May 2019 and 31 May 2024.",
    ],
)
def test_one_patients_admission_dates_are_still_redacted(text):
    out = redact(text)
    assert "May 2024" not in out and "[DATE]" in out, out


TOOLS = (
    "Tool | Version | Business owner | Status\n"
    "Quillnote Discharge Drafts | 2.1 | Dr. Rosalind Achterberg, Hospitalist Lead | Pilot until 30 April 2027"
)


def test_a_hospitalist_lead_named_in_a_tools_table_stays_in_clear():
    # "Hospitalist" is a clinician's job, not a patient's hospitalization
    assert redact(TOOLS) == TOOLS


@pytest.mark.parametrize(
    "text",
    [
        "Patient | Ward | Attending\nMaria Lopez | 4B | Dr. Ivo Stenberg, Hospitalist Lead",
        "Maria Lopez was hospitalized on 3 May 2024.",
    ],
)
def test_a_hospitalized_patient_is_still_redacted(text):
    assert "Lopez" not in redact(text), redact(text)


def test_a_model_cards_training_window_is_kept_when_screened_as_indexing_does():
    text = (
        "4. Training data\nThe model was developed on retrospective records from 11 hospitals, covering inpatient "
        "encounters admitted between 1 January 2019 and 31 December 2023."
    )
    assert chunk_findings(text, "Model card: Pellucid SepsisWatch 2", "Pellucid Analytics Inc.") == []
