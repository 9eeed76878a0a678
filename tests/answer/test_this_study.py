"""A question "Who funded this study?" about an evaluation the user added is answered with its
funders, from that evaluation: "this study" points at the document (an article titled
"Evaluation of ..."), and "who funded" asks for a funder by name, which "supported by the ...
Foundation" states and "the funders had no role" does not."""

from __future__ import annotations

from advisor.answer import Advisor
from advisor.answer.asks import read_ask
from advisor.answer.focus import Focus, gives
from advisor.settings import Settings

from ..conftest import make_pdf

# Our own words about fictional organisations.
EVALUATION = [
    "Evaluation of the Harlow sepsis alert in four hospitals\n\n"
    "Methods. The alert was run in four hospitals of the Harlow network for twelve months, and every alert "
    "was reviewed by a nurse within thirty minutes.",
    "Funding. This work was supported by the Tamsin Foundation for Patient Safety (grant TF-2023-41) and by "
    "the Harlow Quality Fund. The funders had no role in the design of the study or the decision to "
    "publish.\n\nConflicts of interest. One author reports consulting fees from Orrin Analytics for work "
    "unrelated to this study.",
]
MINUTES = [
    "Clinical AI Committee minutes, 4 June 2025\n\n"
    "Declarations. The data science lead declared that the vendor partly funded an earlier validation "
    "study of the alert. The committee noted the declaration and agreed she may take part.",
]


def test_who_funded_asks_for_a_funder_by_name():
    ask = read_ask("Who funded this study?")
    assert ask.focus is Focus.NAMED
    assert gives(ask, "This work was supported by the Tamsin Foundation for Patient Safety.")
    assert not gives(ask, "The funders had no role in the design of the study.")


def test_this_study_is_answered_from_the_evaluation_with_its_funders(corpus_advisor, tmp_path):
    folder = tmp_path / "uploads"
    folder.mkdir()
    make_pdf(folder / "harlow-alert-evaluation.pdf", EVALUATION, title="Evaluation of the Harlow sepsis alert")
    make_pdf(folder / "committee-minutes.pdf", MINUTES, title="Clinical AI Committee minutes")
    assert corpus_advisor.index.index_paths([folder]).ok
    answer = Advisor(Settings.from_env()).ask("Who funded this study?")
    assert answer.citations and answer.citations[0].source.endswith("harlow-alert-evaluation.pdf")
    assert "Tamsin Foundation" in answer.answer.split("\n")[0]
