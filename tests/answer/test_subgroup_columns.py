"""A model card's performance table heads its subgroup columns by age ("≥ 65 y"): a question
asking a figure "for patients 65 and older" is answered from the row under that header, and a
subgroup the table has no column for is still declined; a length of time a data sheet gives in its
short unit ("Median 5.8 h") answers "how much warning" (fictional product, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.asks import read_ask
from advisor.answer.focus import gives

from .builders import with_uploads

CARD = """---
title: Fellgate Deterioration Index 2.0 – Model Facts
---
# Fellgate Deterioration Index 2.0 – Model Facts

## Performance

Table 3 gives performance in the external validation cohort of 61,480 encounters.

| Metric | Overall | 18–44 y | 45–64 y | ≥ 65 y | Female | Male |
|---|---|---|---|---|---|---|
| Sensitivity | 71.2% | 66.0% | 70.4% | 74.9% | 70.1% | 72.3% |
| PPV | 18.4% | 12.7% | 17.2% | 22.3% | 17.6% | 19.3% |
| Alerts per 100 patient-days | 3.1 | 1.8 | 2.9 | 4.6 | 3.0 | 3.3 |

## Key facts at a glance

WARNING AHEAD OF ONSET: Median 5.8 h

ALERT VOLUME: 3.1 alerts per 100 patient-days

## Intended use

The index estimates the risk that an adult ward patient will need intensive care within the next 24 hours.
The score is hidden for the first 6 hours after ward admission and is recalculated every 15 minutes.
"""


@pytest.fixture
def advisor_with_card(corpus_advisor, tmp_path) -> Advisor:
    return with_uploads(corpus_advisor, tmp_path / "uploads", {"fellgate-model-facts.md": CARD})


@pytest.mark.parametrize(
    "question",
    [
        "What PPV does Fellgate have for patients 65 and older?",
        "What PPV does the Fellgate index achieve for patients aged 65 and over?",
    ],
)
def test_a_figure_for_an_age_group_is_read_from_the_column_headed_by_that_age(advisor_with_card, question):
    ans = advisor_with_card.ask(question)
    assert not ans.abstained, ans.answer
    assert "22.3%" in ans.answer and "≥ 65 y" in ans.answer, ans.answer


def test_an_age_group_the_table_has_no_column_for_is_declined(advisor_with_card):
    ans = advisor_with_card.ask("What PPV does Fellgate have for patients under 18?")
    assert ans.abstained, ans.answer


def test_a_length_of_time_in_short_units_answers_how_much_warning(advisor_with_card):
    ans = advisor_with_card.ask("Roughly how much warning before deterioration does the Fellgate index give?")
    assert not ans.abstained, ans.answer
    assert "5.8 h" in ans.answer, ans.answer


@pytest.mark.parametrize("line", ["WARNING AHEAD OF ONSET: Median 5.8 h", "Lead time: 24 hrs", "Time to alert: 90 min"])
def test_short_time_units_state_a_length_of_time(line):
    assert gives(read_ask("How much warning does the index give before onset?"), line)
