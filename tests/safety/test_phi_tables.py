"""A patient list set as a table names its identifiers once, in the header row: every cell under
an identifier column is redacted (a red-team DOCX and Markdown table had left names and record
numbers in clear), while a sign-off table's names and a results table's figures stay."""

from __future__ import annotations

from advisor.safety.phi import redact

PATIENTS = (
    "Patient name | MRN | DOB | Phone | Predicted risk | Readmitted\n"
    "Marguerite Olander | 00731944 | 1948-07-02 | 508-555-0142 | 0.07 | yes\n"
    "Desmond Achebe-Kray | 00730581 | 1959-03-14 | 508-555-0177 | 0.12 | no"
)


def test_every_cell_under_an_identifier_column_is_redacted():
    out = redact(PATIENTS)
    for value in ("Marguerite Olander", "00731944", "1948-07-02", "Desmond Achebe-Kray", "00730581"):
        assert value not in out, out
    assert "[NAME] | [MRN] | [DATE] | [PHONE] | 0.07 | yes" in out
    assert out.startswith("Patient name | MRN | DOB | Phone")  # the header row is no identifier


def test_a_plain_name_column_is_a_patient_s_only_beside_a_record_number():
    chart = "Name | Medical record number | Delay (h)\nTobias Frenwick | 4471902 | 5"
    assert redact(chart) == "Name | Medical record number | Delay (h)\n[NAME] | [MRN] | 5"
    signoff = "Name | Role | Date signed\nHarriet Quell | Chief Nursing Officer | 3 March 2026"
    assert "Harriet Quell" in redact(signoff)  # who signed the document, in what office


def test_tables_without_identifier_columns_are_untouched():
    results = "Model | Metric | Value\nBrindle Sepsis Watch | Positive predictive value | 0.27"
    assert redact(results) == results
    empty = "Patient | MRN | Outcome\n— | n/a | pending"
    assert redact(empty) == empty


def test_a_relative_named_through_the_patient_s_possessive_is_redacted():
    out = redact("Follow-up calls reached Marguerite Olander's daughter at 508-555-0101.")
    assert "Olander" not in out and "[NAME] daughter" in out, out
    assert redact("The vendor's partner network grew.") == "The vendor's partner network grew."
