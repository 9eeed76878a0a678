"""A study report the user added: "how many X did the study include" is answered by the
abstract's count even where the model is named only in the sentence before it, and an FAQ's
"No." stays with its own question instead of opening another answer."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.settings import Settings
from advisor.text import sentence_spans

from ..conftest import make_pdf

# Our own words about a fictional study and a fictional regulator's FAQ.
STUDY = [
    "Deploying a fall-risk model on medical wards\n\n"
    "Methods: We deployed Brackenfield FallWatch, a model that predicts in-hospital falls, on the medical "
    "wards of two hospitals of the Tennerby Health Group between 1 March 2025 and 28 February 2026. "
    "Results: Across 9,876 ward admissions, the AUROC was 0.72 and 41 falls were prevented by review.\n\n"
    "Setting\n\nBrackenfield FallWatch reads 23 variables from the nursing record, including mobility scores, "
    "sedative doses and previous falls.",
]
FAQ = [
    "Frequently asked questions\n\n"
    "Q: Must a patient sign a consent form before an AI tool is used?\n\n"
    "No. The rule requires that patients are told, not that they consent.\n\n"
    "Q: Must every patient be told individually about a monitoring tool that runs on all admissions?\n\n"
    "No. A notice displayed on the ward is enough for a tool that runs on every admission.",
]


def test_no_before_a_capitalised_sentence_ends_a_sentence():
    text = "No. The rule requires notice. See Policy No. 12 for the form."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "No.",
        "The rule requires notice.",
        "See Policy No. 12 for the form.",
    ]


@pytest.fixture
def study_advisor(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "docs"
    folder.mkdir()
    make_pdf(folder / "fallwatch-study.pdf", STUDY, title="Deploying a fall-risk model on medical wards")
    make_pdf(folder / "tennerby-faq.pdf", FAQ, title="Tennerby regulator FAQ on AI notices")
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def test_the_abstracts_count_answers_how_many(study_advisor):
    ans = study_advisor.ask("How many admissions did the Brackenfield FallWatch study include?")
    assert not ans.abstained, ans.answer
    assert "9,876" in ans.answer.split(" [")[0], ans.answer


def test_an_faq_no_is_not_quoted_as_an_answer(study_advisor):
    ans = study_advisor.ask("Under the Tennerby FAQ, do we need each patient's consent before using an AI tool?")
    assert not ans.abstained, ans.answer
    assert "told, not that they consent" in ans.answer
    assert "No. " not in ans.answer and not ans.answer.startswith("No."), ans.answer
