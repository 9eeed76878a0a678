"""A body named with a word saying how it acts ("a formal committee review", "the relevant board")
is any such body: the passage need not repeat the qualifier, while a word saying which body ("the
wound-care committee") must still be named (fictional study report, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.objects import thing_words

from .builders import indexed_settings

REPORT = (
    "---\ntitle: Fernhollow deterioration model - one-year evaluation\n---\n# Fernhollow deterioration model\n\n"
    "## Oversight after go-live\n\nThe oversight committee reviews the model whenever its monthly sensitivity "
    "falls below 80%, whenever alert volume doubles within a week, or whenever a clinician reports a missed "
    "deterioration that the model scored as low risk. The committee may recalibrate the model, restrict its use "
    "or retire it.\n\n## Results\n\nThe model alerted a median of 5.1 hours before a rapid response call.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("bodies"), {"fernhollow.md": REPORT}))


def test_a_qualifier_before_a_body_need_not_be_repeated_by_the_answer(advisor):
    ans = advisor.ask("What would trigger a formal committee review of the deterioration model?")
    assert not ans.abstained, ans.answer
    assert "falls below 80%" in ans.answer, ans.answer


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("What would trigger a formal committee review?", set()),
        ("Which is the relevant board for complaints?", set()),
        ("Who chairs the wound-care committee?", {"wound-care", "wound", "care"}),
        ("When must the national immunisation registry be updated?", {"immunis"}),
    ],
)
def test_which_words_before_a_body_say_which_body(question, words):
    assert thing_words(question) == words
