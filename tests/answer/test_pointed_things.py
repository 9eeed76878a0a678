"""A first question that points back at a thing ("Can we use this product on children?") names
nothing: it is asked which one is meant, instead of answered from whatever documents mention
children. In a conversation that named the product, the follow-up is answered."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.routing import unresolved_reference
from advisor.answer.types import AnswerKind

from .builders import indexed_settings

PAGE = """<html><head><title>Quellon StrokeSort product page</title></head><body><main>
<h1>Quellon StrokeSort</h1>
<h2>Contraindications</h2>
<p>Quellon StrokeSort is not intended for patients younger than 18 years and was not evaluated on children.</p>
<h2>About Quellon Imaging</h2>
<p>Quellon Imaging builds stroke triage software used by 40 hospitals and employs 85 people.</p>
<h2>Intended use</h2>
<p>Quellon StrokeSort flags head CT angiography scans with a suspected large vessel occlusion.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("pointed"), {"quellon-strokesort.html": PAGE}))


def test_a_first_question_pointing_at_this_product_is_asked_which(advisor):
    ans = advisor.ask("Can we use this product on children?")
    assert ans.kind is AnswerKind.CLARIFY, ans.answer
    assert "this product" in ans.answer and not ans.citations, ans.answer


def test_a_follow_up_in_a_conversation_naming_it_is_answered(advisor):
    history = [
        {"role": "user", "content": "What is Quellon StrokeSort intended for?"},
        {"role": "assistant", "content": "Quellon StrokeSort flags head CT angiography scans [1]."},
    ]
    ans = advisor.ask("Can we use this product on children?", history=history)
    assert ans.kind is not AnswerKind.CLARIFY and "younger than 18" in ans.answer, ans.answer


def test_what_points_back_and_what_names():
    assert unresolved_reference("Does this tool need FDA clearance?") == "this tool"
    assert unresolved_reference("Can we use this product, Quellon StrokeSort, on children?") == ""
    assert unresolved_reference("What makes this approach work?") == ""
    # the question describes the thing before pointing back at it: nothing to ask about
    question = "We already run a sepsis prediction model. How long do we have to assess that model?"
    assert unresolved_reference(question) == ""
    assert unresolved_reference("We bought a scheduling tool. Does that model need review?") == "that model"
    # a later part points at what an earlier part asks for: the answer to it says which
    question = "What LLM sits underneath the note generator, and does any of our data go to that model's maker?"
    assert unresolved_reference(question) == ""
    assert unresolved_reference("What is this tool for?") == "this tool"


def test_where_a_company_is_located_needs_a_place_stated(advisor):
    ans = advisor.ask("Where is Quellon Imaging, the maker of StrokeSort, headquartered?")
    assert ans.abstained and "place" in ans.answer, ans.answer  # the page never says where
