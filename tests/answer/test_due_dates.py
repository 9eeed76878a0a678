""" "When is conformance due?" asks a date: a table row dated under its "Conformance by" column
answers it, though no cell says "due"."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import indexed_settings

GUIDE = """---
title: Orvale national interoperability guideline
---
# Orvale national interoperability guideline

## National standards

| Identifier | Standard | Status | Conformance by |
|---|---|---|---|
| OR-INT-01 | HL7 FHIR Release 4.0.1 with the Orvale Core guide | Mandatory | 1 July 2027 |
| OR-AUD-06 | Orvale Audit Event Profile 1.1 | Mandatory | 1 January 2028 |
| OR-AI-07 | Clinical AI Product Label 1.0 | Recommended | 31 December 2027 |
"""


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("due"), {"orvale-guideline.md": GUIDE}))


def test_a_rows_date_under_its_column_answers_when_it_is_due(adv):
    ans = adv.ask("What is standard OR-AUD-06 and when is conformance due?")
    assert not ans.abstained, ans.answer
    assert "1 January 2028" in ans.answer and "Audit Event Profile" in ans.answer


FRAMEWORK = """---
title: Delmar clinical AI assurance framework
---
# Delmar clinical AI assurance framework

## Structure

The framework is organised in four functions, each divided into categories and numbered outcomes (46 outcomes in total).

| Function | Purpose | Categories | Outcomes |
|---|---|---|---|
| PREP | Establish governance, inventory and acquisition controls. | 4 | 15 |
| VERIFY | Confirm that a system performs safely on the local population. | 3 | 11 |
| OPERATE | Monitor performance, manage incidents and control changes. | 4 | 14 |
| RETIRE | Decommission systems safely and keep the records. | 2 | 6 |
"""


@pytest.fixture(scope="module")
def framework(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("counts"), {"delmar-framework.md": FRAMEWORK}))


def test_a_rows_count_under_its_column_answers_how_many(framework):
    ans = framework.ask("How many outcomes are in the OPERATE function of the Delmar framework?")
    assert not ans.abstained, ans.answer
    assert "OPERATE" in ans.answer and "14" in ans.answer
