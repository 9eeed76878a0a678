"""A validation study the user added: the sentence that answers leads the answer even when a
scene-setting sentence naming the product ranks first, and a figure asked for a subgroup the
study never reports is declined, not answered with the subgroups it does report."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer import Advisor
from advisor.answer.asks import Evidence, read_ask
from advisor.answer.corpus import Corpus
from advisor.answer.guidance import _answer_first
from advisor.answer.populations import asked_population
from advisor.answer.properties import unstated
from advisor.answer.quotable import Unit
from advisor.answer.selection import Candidate
from advisor.chunk import Chunk
from advisor.settings import Settings
from advisor.text import tokenize

from ..conftest import make_pdf

# Our own words about a fictional study of a fictional score.
STUDY_PAGES = [
    "Validation of the Marrowgate Kidney Injury Score at Tollbridge General Hospital\n\n"
    "Background. The Marrowgate Kidney Injury Score (MKIS) is a logistic model that estimates the risk "
    "of acute kidney injury within 48 hours of admission to a surgical ward. The MKIS was built at two "
    "university hospitals and had not been tested in a district hospital.\n\n"
    "Methods. We studied 9,311 adult surgical admissions between March 2024 and February 2026. "
    "Ethics. The study was approved by the Tollbridge research ethics committee under reference number "
    "TGH-REC-2024-117, which waived individual consent.",
    "Results. Acute kidney injury occurred in 688 admissions (7.4%). The overall AUROC was 0.77. "
    "In patients aged 80 and over, the AUROC was 0.69. In patients aged 18 to 64, the AUROC was 0.81. "
    "The score overestimated risk in the top decile of predicted risk.\n\n"
    "Conclusions. The MKIS needs local recalibration before it is used to trigger nephrology review.",
]


@pytest.fixture
def advisor_with_study(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "uploads"
    folder.mkdir()
    make_pdf(folder / "mkis-validation.pdf", STUDY_PAGES, title="Validation of the Marrowgate Kidney Injury Score")
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def test_the_sentence_that_answers_leads(advisor_with_study):
    ans = advisor_with_study.ask("Which research ethics committee reference number approved the MKIS study?")
    assert not ans.abstained, ans.answer
    first = ans.answer.split("[1]")[0]
    assert "TGH-REC-2024-117" in first, ans.answer  # not the product's description first


def test_a_scene_setting_lead_gives_way_to_the_sentence_naming_what_is_asked():
    chunk = Chunk(
        chunk_id="m",
        source="mkis.pdf",
        title="Validation of the Marrowgate Kidney Injury Score",
        section="Methods",
        text="x",
        doc_type="user",
    )
    vec = np.asarray([1.0, 0.0], dtype=np.float32)
    scene = Candidate(Unit(STUDY_PAGES[0].split("\n\n")[1], chunk, 0), 1, score=0.52, vec=vec)
    ethics = Candidate(Unit(STUDY_PAGES[0].split("Ethics. ")[1], chunk, 1), 5, score=0.51, vec=vec)
    ask = read_ask("Which research ethics committee reference number approved the MKIS study?")
    assert _answer_first(ask, [scene, ethics], Corpus(None)) == [ethics, scene]
    # a lead naming what is asked keeps its place
    ask = read_ask("What kind of model is the MKIS and what does it estimate?")
    assert _answer_first(ask, [scene, ethics], Corpus(None)) == [scene, ethics]


def test_a_subgroup_the_study_never_reports_is_declined(advisor_with_study):
    ans = advisor_with_study.ask("What AUROC did the MKIS achieve in the pediatric population?")
    assert ans.abstained, ans.answer
    assert "pediatric" in ans.answer  # says which figure is missing
    reported = advisor_with_study.ask("What AUROC did the MKIS achieve in patients aged 80 and over?")
    assert not reported.abstained and "0.69" in reported.answer, reported.answer


def test_a_population_noun_marks_the_subgroup_asked():
    assert asked_population("What AUROC did X achieve in the pediatric population?")[0] == frozenset({"pediatr"})
    assert asked_population("What was the PPV in the female group?")[0] == frozenset({"femal"})
    # the whole population is no subgroup
    assert asked_population("What AUROC did X achieve in the overall population?") == (frozenset(), frozenset())


def test_a_measure_only_another_product_s_row_states_is_not_the_one_asked_about():
    rows = [
        "Brindle Sepsis Watch | Positive predictive value | 0.27",
        "Thaxby Falls Risk | AUROC | 0.71",
    ]
    head = "Tool | Measure | Result"
    evidence = [
        Evidence(
            r, set(tokenize(f"{head} {r}")), set(tokenize("Fenmoor Digital Health Review Results")), set(), lead=head
        )
        for r in rows
    ]
    ask = read_ask("What is the AUROC of Fenmoor's Brindle sepsis watch?")
    assert any("AUROC" in m for m in unstated(ask, evidence))  # the falls model's AUROC is not the sepsis watch's
    ask = read_ask("What is the AUROC of Fenmoor's Thaxby falls risk model?")
    assert not unstated(ask, evidence)
