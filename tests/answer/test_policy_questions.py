"""Questions about a hospital's own AI policy: a period stated in a sentence that says "It" for
the office named in the sentence before ("It completes triage within 7 business days") answers a
question naming the office and saying "finish" for "complete"; a question about a vendor using
"our" data "to improve its models" is about the policy, not our assessment (fictional health
system, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.settings import Settings

from ..conftest import make_docx


@pytest.fixture
def advisor_with_policy(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "uploads"
    folder.mkdir()
    make_docx(
        folder / "pellworth-ai-policy.docx",
        "Pellworth Health Policy AI-22: Clinical AI Tools",
        [
            (
                "5.1 Intake request",
                [
                    "A clinical sponsor sends each request for a new AI tool to the AI Program Office (AIPO).",
                    "The AIPO acknowledges each request within 2 business days. It completes triage, a completeness "
                    "check and a preliminary risk tier, within 7 business days of receiving a complete request.",
                ],
            ),
            (
                "7.3 Secondary use of data",
                [
                    "A vendor may use de-identified Pellworth patient data to improve its models only with the "
                    "written approval of the Privacy Officer.",
                ],
            ),
        ],
    )
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def test_a_period_in_a_sentence_saying_it_for_the_office_answers_a_question_naming_the_office(advisor_with_policy):
    ans = advisor_with_policy.ask(
        "Once the AI Program Office has a complete intake request, how many business days does it have to finish "
        "triage?"
    )
    assert not ans.abstained, ans.answer
    assert "7 business days" in ans.answer, ans.answer


def test_a_vendor_improving_its_models_with_our_data_is_answered_from_the_policy(advisor_with_policy):
    ans = advisor_with_policy.ask("Is a vendor allowed to use our de-identified patient data to improve its models?")
    assert not ans.abstained, ans.answer
    assert "Privacy Officer" in ans.answer, ans.answer
