"""PHI detector: each Safe Harbor kind, redaction, the scan command, and quiet guidance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.errors import IngestError
from advisor.index.phi_cli import phi
from advisor.safety.phi import HIGH_PRECISION, PhiType, contains_phi, detect, redact, scan_files

ROOT = Path(__file__).resolve().parents[2]

# (kind, text, the identifier that must be found with that kind)
CASES = [
    (PhiType.NAME, "Patient: Maria Gonzalez was seen today.", "Maria Gonzalez"),
    (PhiType.NAME, "Mrs. Okonkwo reports improved sleep.", "Okonkwo"),
    (PhiType.NAME, "Name: Smith, John A   MRN 00482913", "Smith, John A"),
    (PhiType.NAME, "Contact: Agnes Nnamani (daughter) called.", "Agnes Nnamani"),
    (PhiType.DATE, "DOB: 03/14/1956", "03/14/1956"),
    (PhiType.DATE, "She was admitted on March 3, 2024 with pneumonia.", "March 3, 2024"),
    (PhiType.AGE, "A 93-year-old man presented with a fall.", "93-year-old"),
    (PhiType.PHONE, "The patient can be reached at (617) 555-0143.", "(617) 555-0143"),
    (PhiType.PHONE, "Cell 6175550143 after 5pm.", "6175550143"),
    (PhiType.FAX, "Fax: 617-555-0199", "617-555-0199"),
    (PhiType.EMAIL, "Her e-mail is ann.lee@example.org.", "ann.lee@example.org"),
    (PhiType.SSN, "SSN 219-45-6781 on file.", "219-45-6781"),
    (PhiType.SSN, "Social security number: 219456781", "219456781"),
    (PhiType.MRN, "MRN: E1234567", "E1234567"),
    (PhiType.MRN, "Medical Record Number 004829131", "004829131"),
    (PhiType.HEALTH_PLAN, "Member ID: W123456789", "W123456789"),
    (PhiType.HEALTH_PLAN, "Medicare MBI 1EG4TE5MK73 verified.", "1EG4TE5MK73"),
    (PhiType.ACCOUNT, "Billing account number 5512398712 was updated.", "5512398712"),
    (PhiType.LICENSE, "Driver's license D1234567 copied.", "D1234567"),
    (PhiType.LICENSE, "NPI 1234567893 for the ordering physician.", "1234567893"),
    (PhiType.VEHICLE, "VIN 1HGCM82633A004352 involved.", "1HGCM82633A004352"),
    (PhiType.DEVICE, "Pacemaker serial number PX-99812-A interrogated.", "PX-99812-A"),
    (PhiType.DEVICE, "Wearable MAC 58:66:d3:f8:b6:d4 paired.", "58:66:d3:f8:b6:d4"),
    (PhiType.URL, "Patient's page is https://www.facebook.com/jdoe1970.", "https://www.facebook.com/jdoe1970"),
    (PhiType.IP, "Portal login from IP 73.14.201.9 was flagged.", "73.14.201.9"),
    (
        PhiType.ADDRESS,
        "He lives at 141 Hodges Mountains, Kramerville, NM 04216.",
        "141 Hodges Mountains, Kramerville, NM",
    ),
    (PhiType.ADDRESS, "She recently moved to Springfield to be near family.", "Springfield"),
    (PhiType.ZIP, "He lives at 141 Hodges Mountains, Kramerville, NM 04216.", "04216"),
    (PhiType.OTHER_ID, "Claim #CLM480501265 was denied.", "CLM480501265"),
]


@pytest.mark.parametrize(("kind", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_safe_harbor_kind_is_detected(kind, text, expected):
    found = detect(text)
    assert any(f.type == kind and f.text == expected for f in found), [(f.type, f.text) for f in found]
    for f in found:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "text",
    [
        "Take metformin 500 mg twice daily; A1c 7.2%, BP 128/82, HR 72.",
        "A 67-year-old woman with type 2 diabetes (E11.9) was counselled.",  # ages under 90 are not identifiers
        "HTI-1 was published on 9 January 2024 (89 FR 1192) under 45 CFR 170.315(b)(11).",
        "ISO/IEC 42001 defines 38 controls; the AI RMF 1.0 was released on 26 January 2023.",
    ],
)
def test_clinical_values_and_governance_facts_are_not_identifiers(text):
    assert detect(text) == []


def test_redaction_replaces_each_identifier_with_its_typed_placeholder():
    text = "Pt John Smith, SSN 219-45-6781, MRN: E1234567, call (617) 555-0143."
    assert redact(text) == "Pt [NAME], SSN [SSN], MRN: [MRN], call [PHONE]."


def test_redaction_leaves_text_without_identifiers_unchanged():
    text = "Organizations should keep an inventory of AI systems and review it quarterly."
    assert redact(text) == text
    assert not contains_phi(text)


def test_detect_can_be_limited_to_kinds():
    text = "Jane Roe, SSN 219-45-6781, phone (617) 555-0143"
    assert [f.type for f in detect(text, {PhiType.SSN})] == [PhiType.SSN]
    assert contains_phi(text)


def test_whole_bundled_guidance_has_fewer_than_five_high_precision_findings():
    from evals.phi.measure import guidance_false_positives

    found = guidance_false_positives(HIGH_PRECISION)
    assert len(found) < 5, found


def test_scan_files_reads_files_and_names_a_missing_one(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("MRN: E1234567\nDOB: 03/14/1956\n", encoding="utf-8")
    [result] = scan_files([note])
    assert result.file == str(note)
    assert [f.type for f in result.findings] == [PhiType.MRN, PhiType.DATE]
    with pytest.raises(IngestError, match=r"missing\.txt"):
        scan_files([tmp_path / "missing.txt"])


def test_phi_scan_command_prints_the_contract_json_from_stdin_and_files(tmp_path):
    note = tmp_path / "n.txt"
    note.write_text("Member ID: W123456789", encoding="utf-8")
    res = CliRunner().invoke(phi, ["scan", "-", str(note), "--json"], input="SSN 219-45-6781\n")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data == [
        {"file": "-", "findings": [{"type": "ssn", "start": 4, "end": 15, "text": "219-45-6781"}]},
        {"file": str(note), "findings": [{"type": "health_plan", "start": 11, "end": 21, "text": "W123456789"}]},
    ]


def test_phi_scan_command_exits_1_with_one_line_for_a_missing_file(tmp_path):
    res = CliRunner().invoke(phi, ["scan", str(tmp_path / "nope.txt")])
    assert res.exit_code == 1
    assert "nope.txt" in res.output and "Traceback" not in res.output


@pytest.mark.parametrize(
    "row",
    [
        "User sign-on | OpenID Connect with the national identity service | Mandatory | July 2026",
        "Resident identifier | 14-digit number issued at birth | Mandatory | January 2027",
    ],
)
def test_a_policy_tables_effective_dates_are_not_phi(row):
    # a cue word in another cell ("birth", "service") does not make a rule's date a patient's
    assert not [f for f in detect(row) if f.type == PhiType.DATE]


def test_a_date_after_its_own_cue_still_is():
    assert [f for f in detect("Date of service: March 3, 2025") if f.type == PhiType.DATE]
    assert [f for f in detect("Seen in clinic on March 3, 2025 for follow-up.") if f.type == PhiType.DATE]
    assert [f for f in detect("Pt seen in clinic. Surgery on 3 March 2025.") if f.type == PhiType.DATE]


def test_a_cue_word_in_the_sentence_before_does_not_make_a_rules_date_a_patients():
    text = (
        "Adoption is voluntary for day-procedure centres and general practices. From 1 July 2027 it becomes "
        "a condition of funding for public hospitals."
    )
    assert not [f for f in detect(text) if f.type == PhiType.DATE]


@pytest.mark.parametrize(
    "text",
    [
        # a hospital's bylaws and a vendor's model card: a month after a day, colour and race words after a count
        "9.2 A member whose dues remain unpaid on 30 June is deemed to have resigned voluntarily from the Medical Staff.",
        "Demographics of validation cohort. 52 percent female; median age 64 years; 19 percent Black, 63 percent White, "
        "11 percent Hispanic, 4 percent Asian, 3 percent other or unknown.",
        "Of the cohort, 19% Black, 63% White; followed by Black, 19 percent, and Asian, 4 percent.",
        "The deadline in June is final, and the next review is due on 1 April.",
    ],
)
def test_month_names_and_demographic_words_in_public_text_are_not_names(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        (
            "June Smith was admitted on 30 June; June reports nausea.",
            "[NAME] was admitted on [DATE]; [NAME] reports nausea.",
        ),
        ("Seen by John Smith June 3.", "Seen by [NAME] [DATE]."),
        (
            "Mr. White, 63, was admitted. His daughter April visited.",
            "Mr. [NAME], 63, was admitted. His daughter [NAME] visited.",
        ),
        (
            "Mrs. May reports pain; May was seen by Dr. Black on 3 May.",
            "Mrs. [NAME] reports pain; [NAME] was seen by Dr. [NAME] on [DATE].",
        ),
    ],
)
def test_a_patients_name_beside_a_month_or_colour_word_is_still_redacted(text, redacted):
    assert redact(text) == redacted


@pytest.mark.parametrize(
    "text",
    [
        "Developer: Corvane Analytics, Inc., 77 Foundry Lane, Suite 400, Brackenridge, OH 45010",
        "Support line: +1 (614) 555-0182, available 24 hours a day, 7 days a week for priority 1 incidents",
        "Customer support | 1-800-555-0199 | weekdays 8 am to 6 pm",
    ],
)
def test_a_model_cards_maker_and_support_line_keep_their_contact_details(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("Employer: Acme Corp, 12 Main Street, Springfield, IL 62701", "Employer: Acme Corp, [ADDRESS] [ZIP]"),
        ("Support person: wife, (617) 555-0143", "Support person: wife, [PHONE]"),
        (
            "Called the support line at 617-555-0143 about his pump.",
            "Called the support line at [PHONE] about his pump.",
        ),
        (
            "Manufacturer: Boston Scientific. He lives at 12 Oak Street, Springfield, IL 62701.",
            "Manufacturer: Boston Scientific. He lives at [ADDRESS] [ZIP].",
        ),
    ],
)
def test_a_patients_employer_contact_and_home_are_still_redacted(text, redacted):
    assert redact(text) == redacted


def test_an_office_is_no_persons_name():
    text = "Each Tier 3 system has one named Senior Responsible Owner (SRO) who is accountable for its risks."
    assert [f for f in detect(text) if f.type == PhiType.NAME] == []
    assert [f.text for f in detect("The patient named John Smith was seen.") if f.type == PhiType.NAME] == [
        "John Smith"
    ]
