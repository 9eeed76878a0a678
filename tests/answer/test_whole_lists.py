"""List questions get the whole list: when the best passage is a list's lead-in or a table's
header, every item (or row) is quoted, not only those sharing the question's words; and the
user's own list is not displaced by a bundled guide's general sentence (small fictional
documents through the real composer and model)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.index import Index

from .builders import indexed_settings

CREDENTIALS = """---
title: Harbourview Clinic medical staff rules
---
# Harbourview Clinic medical staff rules

## Applications for appointment

An applicant for appointment submits the form to the Medical Staff Office.
The Medical Staff Office verifies the following before an application is complete:

- the applicant's current licence to practise, checked with the issuing board;
- two letters of reference from peers who observed the applicant's recent work;
- proof of malpractice insurance held for the coming year;
- a signed statement listing any pending disciplinary proceedings;
- evidence of immunisation against hepatitis B and influenza.

Incomplete applications are returned to the applicant within ten days.
"""

REGISTRY = """---
title: Lakemont digital health blueprint
---
# Lakemont digital health blueprint

## Core registries

The blueprint rests on three core registries kept by the Lakemont Health Authority.

| Registry | Contents |
| --- | --- |
| Patient Register | a unique number, name, birth date and home district for every resident |
| Facility Register | the licence, location and bed count of every clinic and hospital |
| Practitioner Register | the qualification, speciality and licence status of every clinician |

Each registry is updated nightly from the district offices.
"""

DEVICES = """---
title: Corvale software device rule
---
# Corvale software device rule

## Registration

Before a clinical software product is sold, its developer must register it with the Agency and submit:

- a plain-language description of the intended purpose;
- the results of the validation study on local patients;
- the name of a contact person who answers safety reports;
- a plan for monitoring performance after release.

The Agency publishes each registration on its website.
"""

_STANDARDS = [
    ("Patient identification", "National patient number with a check digit", "January 2026"),
    ("Facility codes", "Facility Register code for every site", "January 2026"),
    ("Transport security", "TLS 1.3 on every connection between systems", "January 2026"),
    ("Message exchange", "HL7 FHIR Release 4 interface with national profiles", "July 2026"),
    ("User sign-on", "OpenID Connect against the national identity service", "July 2026"),
    ("Audit trail", "IHE ATNA audit records sent to the national log", "July 2026"),
    ("Legacy messaging", "HL7 version 2.5.1 messages, accepted until retired", "December 2027"),
    ("Diagnoses", "ICD-11 for every coded diagnosis", "January 2027"),
    ("Laboratory tests", "LOINC codes for laboratory orders and results", "July 2027"),
    ("Medicines", "Lakemont Medicines Dictionary mapped to ATC", "July 2027"),
    ("Clinical findings", "SNOMED CT with the national extension", "January 2028"),
    ("Medical imaging", "DICOM with DICOMweb for image retrieval", "January 2028"),
    ("Consent records", "FHIR Consent resource with the national profile", "No date set"),
]
STANDARDS = (
    "---\ntitle: Lakemont interoperability catalogue\n---\n# Lakemont interoperability catalogue\n\n"
    "## Interoperability standards\n\nSystems connecting to the Lakemont exchange meet the standards listed here.\n\n"
    "| Domain | Standard | Required from |\n|---|---|---|\n"
    + "\n".join(f"| {a} | {b} | {c} |" for a, b, c in _STANDARDS)
    + "\n\nA vendor may ask the Authority for an exemption of up to twelve months.\n"
)

DOCS = {"credentials.md": CREDENTIALS, "registry.md": REGISTRY, "devices.md": DEVICES, "standards.md": STANDARDS}


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("whole-lists"), DOCS))


def _quoted(adv: Advisor, question: str) -> str:
    return adv.ask(question).answer


def test_a_lead_in_answer_quotes_every_item_of_its_list(adv):
    text = _quoted(adv, "What does the office verify before an application counts as complete?")
    for item in ("licence to practise", "letters of reference", "malpractice insurance", "disciplinary", "hepatitis B"):
        assert item in text, (item, text)


def test_a_lead_in_ending_in_a_verb_brings_its_items(adv):
    text = _quoted(adv, "What must a developer submit when registering a clinical software product?")
    for item in ("intended purpose", "validation study", "contact person", "monitoring performance"):
        assert item in text, (item, text)


def test_a_table_introduced_by_a_sentence_answers_with_every_row(adv):
    # the sentence before the table ranks first; the rows share few of the question's words
    for question in (
        "What are the core registries in the Lakemont blueprint and what does each contain?",
        "Which registers does the Lakemont blueprint keep, and what is in each?",
    ):
        text = _quoted(adv, question)
        assert "Registry | Contents" in text, text  # the header row introduces the rows
        for row in ("Patient Register |", "Facility Register |", "Practitioner Register |"):
            assert row in text, (question, row, text)


def test_a_long_table_split_across_passages_is_listed_whole(adv):
    text = _quoted(adv, "List the interoperability standards Lakemont systems must meet.")
    assert text.count("Domain | Standard | Required from") == 1, text  # one header over all rows
    for domain, _, _ in _STANDARDS:
        assert f"{domain} |" in text, (domain, text)


def test_a_single_fact_question_does_not_recite_the_list(adv):
    text = _quoted(adv, "How soon are incomplete applications returned?")
    assert "ten days" in text, text
    assert "hepatitis B" not in text, text


GUIDE = """---
title: Credentialing guide
framework: test-guide
---
# Credentialing guide

## Completeness

A credentials office should confirm that an application is complete before the committee reviews it.
"""


def test_the_users_own_list_is_not_displaced_by_a_guides_general_sentence(tmp_path):
    s = indexed_settings(tmp_path, {"guide.md": GUIDE})
    own = tmp_path / "own"
    own.mkdir()
    (own / "credentials.md").write_text(CREDENTIALS, encoding="utf-8")
    assert Index(s).index_paths([own], org="harbourview").ok
    text = Advisor(s).ask("What does the office verify before an application counts as complete?", org="harbourview")
    for item in ("licence to practise", "letters of reference", "malpractice insurance", "disciplinary", "hepatitis B"):
        assert item in text.answer, (item, text.answer)
