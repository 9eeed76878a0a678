"""A document's own number is not PHI: a policy's number in its document-control block or running footer survives
redaction, while the same label on a patient's or member's coverage ("Policy Number", "Member ID") stays redacted."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.chunk import Chunk, DocType
from advisor.index.screening import screen
from advisor.safety.phi import PhiType, detect, redact

# A hospital policy's control block as OCR joins it onto one line (invented hospital and people).
CONTROL_LINE = (
    "Policy Title: Monitoring and Drift Response for Clinical AI Models  Policy Number: IT-AI-207  "
    "Effective Date: March 15, 2026  Next Review Date: March 15, 2028  Owner: Tobias Rennard, Director of "
    "Clinical Informatics  Approved By: Dr. Priyanka Vasquell, Chief Medical Information Officer"
)


@pytest.mark.parametrize(
    "text",
    [
        CONTROL_LINE,
        # the chunk the probe's index stored: title and number only
        "Policy Title: Monitoring and Drift Response for Clinical AI Models Policy Number: IT-AI-207",
        # one field a line, the block followed by the policy's first heading
        "Policy Title: Patient Identification Before Procedures\nPolicy No. PC-ID-012\nEffective Date: 1 May 2026\n"
        "Owner: Director of Nursing\n\n1. PURPOSE",
        "Policy #: RX-4471 | Version: 3 | Effective Date: 1 May 2026 | Owner: Pharmacy and Therapeutics",
        "Plan Title: Clinical AI Deployment Plan\nPlan Number: QIP-2026-04\nVersion: 1.2",
        # a running footer
        "Cedar Hollow Regional Medical Center | Policy No. IT-AI-207 | Page 1 of 2",
        "IT-AI-207 Monitoring and Drift Response Page 2 of 9",
    ],
)
def test_a_policys_own_number_in_its_control_block_or_footer_is_kept(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("Member ID: XJ4-559-201\nEffective Date: 01/01/2024\nPlan: Gold PPO", "Member ID: [HEALTH_PLAN]"),
        (
            "Intake note: patient reports insurance policy number 88-4471-3 with Aetna.",
            "insurance policy number [HEALTH_PLAN] with",
        ),
        (
            "Patient: Mary Jones\nDOB: 02/03/1960\nPolicy Number: 88-4471-3\nEffective Date: 01/01/2024",
            "Policy Number: [HEALTH_PLAN]",
        ),
        ("Subscriber: John Roe\nPolicy Number: W88-4471-3\nEffective Date: 01/01/2024", "Policy Number: [HEALTH_PLAN]"),
        ("Insurance: Aetna  Policy Number: W123456789  Effective Date: 01/01/2024", "Policy Number: [HEALTH_PLAN]"),
        # a patient named in the same passage, even with control-like fields beside the number
        (
            "Jane Roe was admitted on 3 March 2025.\nPolicy Number: 88-4471-3\nEffective Date: 01/01/2024",
            "Policy Number: [HEALTH_PLAN]",
        ),
        ("Patient Jane Roe | Policy No. 88-4471-3 | Page 1 of 2", "Policy No. [HEALTH_PLAN]"),
        # a policy number with no document-control field beside it may be a member's
        ("Policy Number: 88-4471-3 (Blue Cross Blue Shield)", "Policy Number: [HEALTH_PLAN]"),
        ("Mrs. Roe's policy number is 88-4471-3.", "policy number is [HEALTH_PLAN]"),
    ],
)
def test_a_patients_or_members_policy_number_is_still_redacted(text, redacted):
    assert redacted in redact(text)


def test_a_policy_number_does_not_make_the_control_blocks_dates_a_patients():
    # the title mentions patients; the number is the policy's, so its effective date is the policy's too
    text = "Policy Title: Use of AI in Patient Care Policy Number: IT-AI-210 Effective Date: March 15, 2026"
    assert redact(text) == text


def test_screening_a_policys_control_block_stores_its_number_and_counts_no_phi():
    chunk = Chunk("c1", CONTROL_LINE, "policy.pdf", "Clinical AI monitoring policy", doc_type=DocType.USER)
    screened = screen(Path("policy.pdf"), [chunk], embedder=None, redact_phi=True)
    assert screened.chunks[0].text == CONTROL_LINE
    assert not screened.phi
    # a member's card further on in the same text keeps its numbers and name redacted
    card = "Member ID: XJ4-559-201\nGroup No.: 55012\nSubscriber: John Roe"
    text = CONTROL_LINE + "\n\n1. PURPOSE\nThis policy sets out how staff watch deployed models.\n\n" + card
    assert [f.type for f in detect(text)] == [
        PhiType.HEALTH_PLAN,
        PhiType.HEALTH_PLAN,
        PhiType.NAME,
    ]


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        # a coverage's effective date in a member's or patient's block of fields is theirs, not a document's
        (
            "Member ID: XJ4-559-201\nEffective Date: 01/01/2024\nPlan: Gold PPO",
            "Member ID: [HEALTH_PLAN]\nEffective Date: [DATE]\nPlan: Gold PPO",
        ),
        (
            "Patient: Mary Jones\nDOB: 02/03/1960\nPolicy Number: 88-4471-3\nEffective Date: 01/01/2024",
            "Patient: [NAME]\nDOB: [DATE]\nPolicy Number: [HEALTH_PLAN]\nEffective Date: [DATE]",
        ),
        # ... while a policy's control block keeps its dates, whatever its title or the paragraph after it says
        (
            "Policy Title: Patient Identification\nEffective Date: 1 May 2026\nNext Review Date: 1 May 2028\n"
            "This policy applies to all patient care areas.",
            None,
        ),
    ],
)
def test_a_coverage_date_in_a_members_fields_is_redacted_and_a_policys_dates_are_kept(text, redacted):
    assert redact(text) == (text if redacted is None else redacted)


@pytest.mark.parametrize(
    "text",
    [
        "Debian Python Policy 0.12.0.0 documentation",  # a manual's title with its four-part version
        "The scoring engine was upgraded to release 2.1.0.3 on 4 May 2026.",
        "Infusion pump firmware version 4.2.1.7 is installed on every ward.",
        "Build v3.4.0.1 of the interface engine passed validation.",
    ],
)
def test_a_four_part_version_number_is_no_ip_address(text):
    assert redact(text) == text


def test_a_hosts_address_is_still_redacted_beside_a_version():
    text = "Version 2.1 of the portal logged a login from 73.14.201.9 at 03:12."
    assert "73.14.201.9" not in redact(text) and "Version 2.1" in redact(text)
