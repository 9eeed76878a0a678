"""A question asking for a span of dates ("start and end dates", "over what period") is answered
by the sentence stating one ("from 2 May 2024 through 30 April 2025"), even when every other
passage outranks it on the question's words and some of them state single dates."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.focus import Focus, focus_of
from advisor.answer.spans import asks_span, states_span

from .builders import SMALL_GUIDES, indexed_settings

REPORT = (
    "---\ntitle: Prospective evaluation of the Harrowfield sepsis alert\n---\n"
    "# Prospective evaluation of the Harrowfield sepsis alert\n\n"
    "## Abstract\n\n"
    "Methods: Prospective cohort study of adult emergency department visits from 2 May 2024 through "
    "30 April 2025 at three hospitals. The alert paged the sepsis nurse when the score reached 40.\n\n"
    "## Conclusions\n\n"
    "During its first year of live use, the sepsis alert identified deteriorating patients earlier than "
    "the paper screening tool, at an alert volume the nurses judged manageable. Alert models should be "
    "evaluated hospital by hospital after go-live.\n\n"
    "## Silent period\n\n"
    "The interface mapping for laboratory results was corrected on 14 March 2024, before any alert was shown.\n\n"
    "## Governance\n\n"
    "The evaluation was approved by the Harrowfield research board on 9 January 2024.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("spans"), {**SMALL_GUIDES, "evaluation.md": REPORT}))


def test_a_span_of_dates_is_asked_and_stated():
    assert asks_span("What were the start and end dates of the pilot?")
    assert asks_span("Over what period was the audit carried out?")
    assert not asks_span("When was the audit carried out?")
    assert focus_of("What were the start and end dates of the pilot?") is Focus.DATE
    assert focus_of("What is the contract end date?") is Focus.DATE
    assert states_span("between 1 March 2023 and 29 February 2024")
    assert states_span("from March 2023 – February 2024")
    assert not states_span("corrected on 14 March 2024, before go-live in May 2024")


def test_the_period_asked_is_answered_by_the_sentence_stating_it(advisor):
    ans = advisor.ask("For what period was the sepsis alert evaluated in live use (start and end dates)?")
    assert not ans.abstained, ans.answer
    assert "2 May 2024" in ans.answer and "30 April 2025" in ans.answer, ans.answer
