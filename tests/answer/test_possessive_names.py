"""A name asked in its possessive ("St. Aldric's", "Children's") finds the documents that write
it so: the question is answered, not declined as naming something no document mentions."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.objects import holds_name
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


def test_a_possessive_holds_its_name():
    assert holds_name("aldric", set(tokenize("St. Aldric's rules")))
    assert holds_name("aldric", set(tokenize("St. Aldric’s rules")))
    assert not holds_name("aldric", set(tokenize("St. Alda's rules")))


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("possessive"), {"st-aldrics-rules.md": RULES}))


@pytest.mark.parametrize("name", ["St. Aldric's", "St Aldric’s"])
def test_a_question_naming_the_hospital_in_its_possessive_is_answered(adv, name):
    ans = adv.ask(f"How soon must the attending see a patient admitted to a critical care unit at {name}?")
    assert not ans.abstained, ans.answer
    assert "4 hours" in ans.answer
