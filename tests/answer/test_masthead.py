"""The names a document prints atop its first page ("REPUBLIC OF TARNE · MINISTRY OF HEALTH")
frame all of its sentences: a question naming them is answered by the sentence that answers it,
not by the one introductory sentence that happens to repeat the country's name."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer import Advisor
from advisor.answer.quotable import Unit, UnitKind
from advisor.answer.relevance import score
from advisor.answer.selection import Candidate
from advisor.chunk import Chunk, DocType

from .builders import SMALL_GUIDES, indexed_settings

GUIDELINE = """<html><head><title>TMH-2026/03</title></head><body><main>
<p>REPUBLIC OF TARNE · MINISTRY OF HEALTH</p>
<h1>Guideline on software triage in community clinics</h1>
<h2>1 Introduction</h2>
<p>Community clinics across Tarne increasingly rely on commercial software for triage, scheduling and
note drafting, and patients meet it before they meet a nurse.</p>
<h2>2 Urgent care</h2>
<p>Recommendation 2.1: A triage program must never be the only way to book a same-day visit; every clinic
keeps a staffed telephone line as well.</p>
<p>Recommendation 2.2: Each clinic reviews the triage program's urgent-case log every month.</p>
<h2>3 Records</h2>
<p>Recommendation 3.1: Clinics keep the triage program's outputs for seven years.</p>
<p>Recommendation 3.2: When software drafts a referral letter, the clinician tells the patient and gives them
a copy on request.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "tarne-guideline.html": GUIDELINE}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("masthead"), docs))


def test_a_name_framing_the_document_gives_no_sentence_an_edge():
    """Scored alone, the one sentence repeating the country's name outranks the answer on that
    word; framed by the masthead, every sentence of the document names the country."""
    chunk = Chunk("g1", "x", "tarne.html", "Guideline", "Guideline > 2 Urgent care", doc_type=DocType.USER)
    intro = "Community clinics across Tarne increasingly rely on software for triage and scheduling."
    rule = "A triage program must never be the only way to book a same-day visit."
    question = "In Tarne, may software be the only way to book a same-day visit?"
    sims = np.array([0.5, 0.5])

    def scores(frame: str) -> list[float]:
        cands = [
            Candidate(Unit(t, chunk, 0, UnitKind.SENTENCE, i), 1, frame=frame) for i, t in enumerate((intro, rule))
        ]
        return score(question, cands, sims)

    bare, framed = scores(""), scores("REPUBLIC OF TARNE MINISTRY OF HEALTH")
    assert framed[1] - framed[0] > bare[1] - bare[0]


def test_a_count_asked_of_the_organisation_the_masthead_names_is_answered(advisor):
    ans = advisor.ask("How many years must Tarne's community clinics keep the triage program's outputs?")
    assert not ans.abstained, ans.answer
    assert "seven years" in ans.answer


def test_the_answer_leads_with_the_sentence_answering_not_the_one_naming_the_country(advisor):
    ans = advisor.ask("What does Tarne's guideline say a triage program must never be for same-day visits?")
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("Recommendation 2.1"), ans.answer
