"""A name asked in its possessive ("St. Aldric's", "Children's") finds the documents that write
it so: the question is answered, not declined as naming something no document mentions."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.text import tokenize

from .builders import indexed_settings

RULES = """---
title: St. Aldric's Regional Medical Center medical staff rules
---
# St. Aldric's Regional Medical Center medical staff rules

## Admission

The attending practitioner shall see every newly admitted patient within 12 hours of admission, and within 4 hours when the patient is admitted to a critical care unit.

## Medical records

A record that remains incomplete 14 days after discharge is a delinquent record.
"""


def test_a_possessive_is_its_name_with_either_apostrophe():
    assert tokenize("St. Aldric's rules") == tokenize("St. Aldric’s rules") == tokenize("St. Aldric rules")
    assert "o'neil" in tokenize("Dr. O'Neil")  # an apostrophe inside a name stays


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("possessive"), {"st-aldrics-rules.md": RULES}))


@pytest.mark.parametrize("name", ["St. Aldric's", "St Aldric’s"])
def test_a_question_naming_the_hospital_in_its_possessive_is_answered(adv, name):
    ans = adv.ask(f"How soon must the attending see a patient admitted to a critical care unit at {name}?")
    assert not ans.abstained, ans.answer
    assert "4 hours" in ans.answer
