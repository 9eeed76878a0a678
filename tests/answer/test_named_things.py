"""A question naming a register, service or committee by what it is for ("the national cancer
registry"), or a target by its measure ("the 2030 target for user satisfaction"), is declined when
the passages found never use that word, however many other registries or targets they give; the
ones they do give are still answered (fictional country, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import with_uploads

BLUEPRINT = """---
title: Ostravel National Digital Health Blueprint
---
# Ostravel National Digital Health Blueprint

## 6 Health Practitioner Registry

The Health Practitioner Registry is owned by the Ostravel Council of Health Professions. The Professional
Registers Committee reviews its performance every twenty-four months.

## 5 Citizen Health App

Table 12: Key performance indicators for the Citizen Health App

| KPI | Baseline 2025 | Target 2028 | Target 2030 |
|---|---|---|---|
| Monthly active users (million) | 0.3 | 2.2 | 4.5 |
| Languages supported (number) | 2 | 4 | 6 |
| Teleconsultations booked in the app per month | 1,200 | 9,000 | 20,000 |

## 7 Health Facility Registry

The Health Facility Registry is owned by the Directorate of Hospital Services. The Facilities Committee
reviews its performance every twelve months.
"""


@pytest.fixture
def advisor_with_blueprint(corpus_advisor, tmp_path) -> Advisor:
    return with_uploads(corpus_advisor, tmp_path / "uploads", {"ostravel-blueprint.md": BLUEPRINT})


def test_a_registry_the_documents_never_name_is_declined(advisor_with_blueprint):
    ans = advisor_with_blueprint.ask("Who owns the national cancer registry and how often is it reviewed?")
    assert ans.abstained, ans.answer


def test_a_registry_the_documents_describe_is_answered(advisor_with_blueprint):
    ans = advisor_with_blueprint.ask("Who owns the national practitioner registry and how often is it reviewed?")
    assert not ans.abstained, ans.answer
    assert "Ostravel Council of Health Professions" in ans.answer, ans.answer


def test_a_target_for_a_measure_the_table_lacks_is_declined(advisor_with_blueprint):
    ans = advisor_with_blueprint.ask("What is the 2030 target for user satisfaction with the citizen app?")
    assert ans.abstained, ans.answer


def test_a_target_for_a_measure_a_compound_word_names_is_answered(advisor_with_blueprint):
    ans = advisor_with_blueprint.ask("What is the 2030 target for consultations booked in the citizen app?")
    assert not ans.abstained, ans.answer
    assert "20,000" in ans.answer, ans.answer
