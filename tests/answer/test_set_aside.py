"""A question that sets an option aside ("X is too heavy. How else ...?") is answered with the
alternatives, and the set-aside option's words are not what the answer must be about."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.persona import set_aside
from advisor.answer.relevance import negated as _negated

from .builders import indexed_settings

DOCS = {
    "review.md": """---
title: Model review guide
---
# Model review guide

## Reviewing models

Large systems route every model through a central committee with separate members for each review stage.
A small clinic can have two clinicians sign off each model after a one-week shadow trial.
Clinic managers can ask the vendor for the model's validation report before go-live.
Quarterly audits by an outside firm check that each model still performs as validated.
""",
}


def test_the_option_set_aside_and_what_is_asked_for():
    rejected, wanted = set_aside("A central committee is too slow for us. How else can we review models?")
    assert (
        {"centra", "commit"} <= rejected and "slow" not in rejected and "review" in wanted and "review" not in rejected
    )
    rejected, wanted = set_aside("What can we use instead of a vendor audit to check model drift?")
    assert rejected == {"vendor", "audit"} and "drift" in wanted
    assert set_aside("How else can we review models?") == (set(), set())  # no premise
    assert set_aside("How do we review models?") == (set(), set())


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("aside"), DOCS))


def test_a_how_else_question_gets_the_alternatives_not_the_option_set_aside(adv):
    ans = adv.ask(
        "A central committee with separate members for each review stage is too heavy for our small clinic. "
        "How else can we review models?"
    )
    assert not ans.abstained, ans.answer
    assert "two clinicians" in ans.answer
    assert "central committee" not in ans.answer


def test_a_question_about_what_is_not_done_finds_the_verb_negated():
    pat = _negated("What should we do about risks that we decide not to measure?")
    assert pat is not None
    assert pat.search("Risks that will not – or cannot – be measured are documented.")
    assert pat.search("Document the justification for non-measurement.")
    assert not pat.search("Measure every risk each quarter.")  # the verb, but not negated
    assert _negated("How do we measure risks?") is None


def test_a_negated_verb_is_found_past_an_adverb():
    pat = _negated("What can go wrong if a triage model was never properly validated?")
    assert pat is not None
    assert pat.search("A model that is not validated may give unreliable scores.")
    assert not pat.search("Validate every model before use.")
    assert _negated("Does the rule apply not only to vendors but to us?") is None
