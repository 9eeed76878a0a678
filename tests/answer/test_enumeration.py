"""A sentence announcing how many things there are ("organised in four functions.") is quoted
with the sentences that name them, when those are asked about."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.enumeration import announced

from .builders import indexed_settings

FRAMEWORK = """---
title: Tessora AI assurance framework
---
# Tessora AI assurance framework

## 3 The framework core

The Core is organised in four functions. PREPARE sets the roles, policies and inventory an agency needs before it
buys or builds an AI system. ASSESS measures each system's accuracy, fairness and security against its intended use.
ASSURE decides whether the evidence is enough for the system's risk level and records the decision. SUSTAIN keeps
the system under watch once it is live and retires it when it no longer performs.

Each function is broken into categories and outcomes, listed in Table 1.

## 4 Risk levels

Every system is given one of three risk levels. A system that could affect a person's health, liberty or livelihood
is high risk.
"""


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("enum"), {"tessora.md": FRAMEWORK}))


@pytest.mark.parametrize(
    "question", ["What are the four functions of the Tessora framework?", "What functions make up the core?"]
)
def test_the_announced_functions_are_all_quoted(adv, question):
    ans = adv.ask(question)
    assert not ans.abstained, ans.answer
    for name in ("PREPARE sets", "ASSESS measures", "ASSURE decides", "SUSTAIN keeps"):
        assert name in ans.answer


def test_a_paragraph_too_short_for_its_count_adds_nothing(adv):
    ans = adv.ask("What risk levels are there?")
    assert "one of three risk levels" in ans.answer
    assert "SUSTAIN keeps" not in ans.answer


def test_what_announces_a_count():
    assert announced("The Core is organised in four functions.") == (4, "function")
    assert announced("The model card has 3 required sections.") == (3, "section")
    assert announced("Every report is triaged within five business days.") is None  # a measure
    assert announced("Four functions organise the Core, each with its categories.") is None
