"""An organization's own contact points in a policy or a model card are business, not PHI: a page footer's address
and switchboard, a function's mailbox at its own domain ("ai-governance@"), a vendor's support line. The screen
leaves them in clear, so a CIO can see whom to call; the same shapes about a patient or a relative stay redacted.
(Invented organizations, products and people.)"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from advisor.index.phi_cli import phi
from advisor.safety.phi import PhiType, detect, redact


@pytest.mark.parametrize(
    "text",
    [
        "Harrowgate Vale Health · 418 Lindqvist Avenue, Corrinford, VL 20931 · Switchboard (555) 014-7700",
        "Tamsworth Community Hospital · 75 Orchard Street · Tel (555) 010-4420",
        "Harbourside NHS Foundation Trust · 1 Quay Road, Portmere · Switchboard 0117 496 0000",
    ],
)
def test_an_organizations_footer_keeps_its_address_and_switchboard(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Patient: Orla Fenwright · 418 Lindqvist Avenue, Corrinford · (555) 014-7700",
        "Harrowgate Vale Health · Patient: Orla Fenwright · 418 Lindqvist Avenue, Corrinford · (555) 014-7700",
        "Harrowgate Vale Health · discharged to 418 Lindqvist Avenue, Corrinford · (555) 014-7700",
        # a family's trust is no care provider
        "Lopez Family Trust · 418 Lindqvist Avenue, Corrinford, OR 97301 · (555) 014-7700",
    ],
)
def test_a_patients_address_line_of_the_same_shape_is_still_redacted(text):
    found = {f.type for f in detect(text)}
    assert {PhiType.ADDRESS, PhiType.PHONE} <= found, redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Questions about this policy: Clinical Informatics Service Desk, extension 4410, or "
        "ai-governance@harrowgatevale.org.",
        "For help with this guideline, write to privacy-office@harrowgatevale.org.",
    ],
)
def test_a_functions_mailbox_at_the_organizations_domain_stays_in_clear(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Patient Maria Lopez can be reached at maria.lopez@harrowgatevale.org",
        "Send the results to j.marlowe@harrowgatevale.org today.",
        "The patient's son can be reached at support.team@yahoo.com or (555) 013-4400.",
        "Mailbox for the patient's family: support@harrowgatevale.org",
        "Questions about the patient: call her husband at (555) 013-4400 or write to fenwright@harrowgatevale.org.",
    ],
)
def test_a_persons_or_a_patients_mailbox_is_still_redacted(text):
    assert PhiType.EMAIL in {f.type for f in detect(text)}, redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Technical support is available around the clock at support@pellucid-analytics.com or +1 (555) 017-2290.",
        "Call our help desk on (555) 013-4400 for log-in problems.",
    ],
)
def test_a_vendors_support_line_stays_in_clear(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Support person: her sister, (555) 013-4400.",
        "Social support: lives with son; son's phone (555) 013-4400.",
        "He works on the IT help desk; reach him at (555) 013-4400.",
        "Her home phone is 1-800-555-0199.",
    ],
)
def test_a_relatives_or_a_patients_phone_near_support_words_is_still_redacted(text):
    assert PhiType.PHONE in {f.type for f in detect(text)}, redact(text)


def test_scan_of_a_policy_page_reports_none_of_its_business_contacts(tmp_path):
    """A hospital's policy page as a user uploads it: its tools table, contact section and footer hold nothing
    `advisor phi scan` reports (so indexing redacts none of it)."""
    page = tmp_path / "policy.html"
    page.write_text(
        "<html><head><title>Policy: Ambient Documentation</title></head><body>"
        "<h1>Policy: Ambient Documentation</h1>"
        "<h2>5. Approved tools</h2><table><tr><th>Tool</th><th>Version</th><th>Business owner</th></tr>"
        "<tr><td>Quillnote Discharge Drafts</td><td>2.1</td><td>Dr. Rosalind Achterberg, Hospitalist Lead</td></tr>"
        "</table>"
        "<h2>8. Contacts</h2><p>Questions about this policy: Clinical Informatics Service Desk, extension 4410, or "
        "ai-governance@harrowgatevale.org.</p>"
        "<footer><p>Harrowgate Vale Health · 418 Lindqvist Avenue, Corrinford, VL 20931 · Switchboard "
        "(555) 014-7700</p></footer></body></html>",
        encoding="utf-8",
    )
    res = CliRunner().invoke(phi, ["scan", str(page)])
    assert res.exit_code == 0, res.output
    assert "0 findings" in res.output, res.output


@pytest.mark.parametrize(
    "text",
    [
        "Tool | Version | Business owner | Status\nQuillnote Discharge Drafts | 2.1 | Maria Lopez | Pilot",
        "Tool | Clinical lead | Status\nQuillnote | Dr. Maria Lopez | Approved",
        "System | Executive sponsor | Go-live\nQuillnote | Maria Lopez, RN | 1 March 2027",
    ],
)
def test_a_name_under_a_governance_tables_owner_column_stays_in_clear(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Name | Ward | Responsible clinician\nMaria Lopez | 4B | Dr. Ivo Stenberg",
        "Patient | Bed | Case manager\nMaria Lopez | 4B | Ivo Stenberg",
        "Resident | Room | Next of kin\nIvo Stenberg | 12 | Maria Lopez (daughter)",
        "Tool | Business owner\nQuillnote | Maria Lopez, DOB 04/11/1951",
    ],
)
def test_a_patient_or_relative_in_a_table_is_still_redacted(text):
    assert "Lopez" not in redact(text), redact(text)


MASTHEAD = (
    "Policy number HVH-CLN-0311 · Version 3.1 · Approved by the Clinical Governance Committee on 2 September 2026 · "
    "Effective 1 October 2026 · Next review 1 October 2027"
)


def test_a_policy_mastheads_own_number_stays_in_clear():
    assert redact(MASTHEAD) == MASTHEAD


@pytest.mark.parametrize(
    "text",
    [
        "Insurance policy number W12345678 · Effective 1 January 2024 · Member: Maria Lopez",
        "Policy number W12345678 · Effective 01/01/2024 · Aetna Choice PPO",
    ],
)
def test_a_members_policy_number_of_the_same_shape_is_still_redacted(text):
    assert "W12345678" not in redact(text), redact(text)
