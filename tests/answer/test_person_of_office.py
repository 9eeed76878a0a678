""" "Who is the <office>?" is answered by a name given that office (or its acronym, or the duty
asked), not by any name in the documents: a signature line's Chief of Staff is not the Chief
Medical Information Officer."""

from __future__ import annotations

import pytest

from advisor.answer.people import names_a_person
from advisor.text import tokenize

CMIO = set(tokenize("Who is the Chief Medical Information Officer at St. Aldric's?"))
CHAIR = set(tokenize("Who chairs the Clinical Algorithms Committee?"))


@pytest.mark.parametrize(
    "sentence",
    [
        "Attest: Dr. Samuel Okafor, Chief of Staff",
        "Samuel Okafor, Chief of Staff, signed the rules.",
        "The CFO is Dr. Jane Roe.",
    ],
)
def test_a_name_holding_another_office_does_not_answer(sentence):
    assert not names_a_person(sentence, CMIO)


@pytest.mark.parametrize(
    "sentence",
    [
        "Dr. Jane Roe, Chief Medical Information Officer, chairs the committee.",
        "The CMIO is Dr. Jane Roe.",
        "Jane Roe was appointed Chief Medical Information Officer in 2025.",
    ],
)
def test_a_name_given_the_office_asked_answers(sentence):
    assert names_a_person(sentence, CMIO)


def test_a_name_given_the_duty_asked_answers():
    assert names_a_person("The committee is chaired by Dr. Jane Roe, Director of Quality.", CHAIR)


RULES = """---
title: Harwick Medical Center medical staff rules
---
# Harwick Medical Center medical staff rules

## Section 5.3 Clinical Algorithms Committee

The Clinical Algorithms Committee evaluates every clinical algorithm before it is used in patient care.
Its members are: the Chief Medical Information Officer, who chairs the Committee; the Director of Clinical Analytics; the Privacy Officer; and three members of the Active Staff.

## Adoption

These rules were adopted by the Medical Executive Committee on March 10, 2026.

Attest: Dr. Samuel Okafor, Chief of Staff
"""


@pytest.fixture(scope="module")
def adv(tmp_path_factory):
    from advisor.answer import Advisor

    from .builders import indexed_settings

    return Advisor(indexed_settings(tmp_path_factory.mktemp("offices"), {"harwick-rules.md": RULES}))


def test_the_office_chairing_a_committee_answers_who_chairs_it(adv):
    # "Clinical Analytics" in the same sentence is no sibling of the "Clinical Algorithms Committee"
    ans = adv.ask("Who chairs the Clinical Algorithms Committee at Harwick?")
    assert not ans.abstained, ans.answer
    assert "Chief Medical Information Officer, who chairs the Committee" in ans.answer


def test_the_name_of_an_office_no_document_gives_is_declined(adv):
    ans = adv.ask("Who is the Chief Medical Information Officer at Harwick?")
    assert ans.abstained, ans.answer
    assert "Okafor" not in ans.answer.split("come closest")[0]
