"""Questions a guideline's reader asks: a recommendation's grade, printed under it without a verb,
is quoted after the recommendation; and a question naming the guideline ("under the Quessany
guideline") is not answered by some other period the guideline states, because its name is on
every page of it, not in the answer (fictional guideline, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.settings import Settings

from ..conftest import make_docx


@pytest.fixture
def advisor_with_guideline(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "uploads"
    folder.mkdir()
    make_docx(
        folder / "quessany-guideline.docx",
        "Quessany National Guideline on Clinical AI Tools",
        [
            (
                "3.3 Silent running",
                [
                    "In a silent run the tool reads live patient data but its output is hidden from the care team "
                    "and compared afterwards with what happened.",
                    "Recommendation 5",
                    "Run high-risk tools silently on live data before clinicians see their output. "
                    "Conditional recommendation, low-certainty evidence",
                ],
            ),
            (
                "4.5 Supplier requirements",
                [
                    "Before a documentation tool is approved, the hospital confirms that the product keeps an edit "
                    "log of every note, retained for at least 2 years.",
                    "Raw audio is deleted within 72 hours of the note being signed.",
                ],
            ),
        ],
    )
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def test_a_recommendations_grade_is_quoted_after_the_recommendation(advisor_with_guideline):
    ans = advisor_with_guideline.ask(
        "How strongly does the Quessany guideline recommend running a tool silently before clinicians see its "
        "output, and how good is the evidence behind that?"
    )
    assert not ans.abstained, ans.answer
    grade = ans.answer.find("Conditional recommendation, low-certainty evidence")
    assert grade > ans.answer.find("Run high-risk tools silently") >= 0, ans.answer


def test_a_period_the_guideline_states_of_something_else_does_not_answer_a_question_naming_it(
    advisor_with_guideline,
):
    ans = advisor_with_guideline.ask(
        "For how many years must a hospital keep its AI panel's meeting minutes under the Quessany guideline?"
    )
    assert ans.abstained, ans.answer
