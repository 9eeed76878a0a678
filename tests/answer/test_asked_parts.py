"""The part of a question that asks for the fact decides what the stating sentence must name: a
condition opening the question ("If an AI tool contributes to a death, how long ...?"), the
other part of a two-part question, a product named only as a kind ("a ChatGPT-style
assistant"), and the light words of a count ("how many people sit on ...") need not be in it."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.unsaid import asked_clause
from advisor.settings import Settings

from ..conftest import make_pdf

# Our own words about a fictional national framework.
PAGES = [
    "Republic of Quessany - Office for Clinical Software Safety\nClinical Software Safety Framework\n\n"
    "1. Scope\n\nThe framework applies to every hospital that uses clinical software with a learned model. "
    "General-purpose conversational assistants that clinicians use to answer clinical questions are in scope "
    "and belong in Class II or higher.\n\n"
    "2. Review board\n\nThe National Software Review Board is set up by the Office. The Board has eleven "
    "members appointed by the Minister for four years, and the Chief Safety Adviser chairs it.",
    "3. Classes\n\nClass III systems, such as sepsis scores and deterioration alerts, get a full review every "
    "12 months. The Hospital Safety Group approves Class III systems.\n\n"
    "4. Incidents\n\nThe responsible officer must report every serious incident to the Office within 48 hours "
    "of becoming aware of it. An incident is serious if it contributed to a death or to permanent harm.",
]


@pytest.fixture
def advisor_with_framework(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "uploads"
    folder.mkdir()
    make_pdf(folder / "quessany-framework.pdf", PAGES, title="Clinical Software Safety Framework")
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


@pytest.mark.parametrize(
    "question, fact",
    [
        ("If a software tool contributes to a patient's death, how long do we have to tell the Office?", "48 hours"),
        (
            "For a sepsis score, how often is a full review required, and which body signs off its approval?",
            "every 12 months",
        ),
        (
            "If our doctors use a ChatGPT-style assistant for clinical questions, is it covered by the framework?",
            "in scope",
        ),
        ("How many people sit on the review board?", "eleven members"),
    ],
)
def test_the_fact_is_stated_without_the_words_of_the_rest_of_the_question(advisor_with_framework, question, fact):
    ans = advisor_with_framework.ask(question)
    assert not ans.abstained, ans.answer
    assert fact in ans.answer, ans.answer
    assert any(c.source.endswith("quessany-framework.pdf") for c in ans.citations), ans.answer


def test_a_question_opening_with_a_condition_asks_what_follows_it():
    assert asked_clause("If a tool fails, how long do we have to report it?") == "how long do we have to report it?"
    assert asked_clause("When a model drifts, who decides whether to retire it?") == "who decides whether to retire it?"
    # no condition, or a condition with no question after it: the question as asked
    assert asked_clause("How long do we have to report a serious incident?") == (
        "How long do we have to report a serious incident?"
    )
    assert asked_clause("When, under the rules, is a review due?") == "When, under the rules, is a review due?"
