"""A framework's tiers, levels and maturity stages are explained by the guidance; only a
question about the organization's own grade goes to its assessment."""

from __future__ import annotations

import pytest

from advisor.answer import AnswerPath, route
from advisor.answer.routing import asks_about_levels, own_level
from advisor.guard import ScopeGuard

RULES_ONLY = ScopeGuard()  # no embedding model: the scope rules alone
ORG = "meridian-health"


@pytest.mark.parametrize(
    "query",
    [
        "What are the NIST CSF implementation tiers?",
        "What is the NIST CSF implementation tier for a hospital with no formal risk process?",
        "What does Tier 3 mean in the AI RMF profile?",
        "What distinguishes Tier 2 from Tier 4 in the Cybersecurity Framework?",
        "Which maturity level requires a documented AI inventory?",
        "How many maturity levels does CMMI have?",
        "What are the HIMSS EMRAM stages?",
        "What maturity stage should we aim for in the HIMSS analytics model?",
        "What risk tier should an ambient scribe get?",
        "Which tier do we need for a sepsis prediction model?",
        "What does Level C mean under the assurance framework?",
        "How often must a high-risk Tier 3 system be re-reviewed?",
        "Which review level applies to a chatbot that answers patients' billing questions?",
        "What tier does the intake policy give a tool that acts without a human check?",
    ],
)
@pytest.mark.parametrize("org", [ORG, None])
def test_a_frameworks_tiers_are_answered_from_guidance(query, org):
    assert asks_about_levels(query, org)
    assert route(query, org, RULES_ONLY).path is AnswerPath.GUIDANCE


@pytest.mark.parametrize(
    "query",
    [
        "What tier are we at?",
        "What is our maturity level?",
        "What is our current readiness tier?",
        "How mature are we?",
        "Are we at tier 2 yet?",
        "Which NIST CSF tier are we in?",
        "Have we reached Ready to pilot?",
        "What level are we on data governance?",
        "Which gaps keep us from the next tier?",
        "What is our overall AI readiness index and tier in the 2026-03-31 assessment?",
    ],
)
def test_the_organizations_own_grade_goes_to_its_assessment(query):
    assert not asks_about_levels(query, ORG)
    assert route(query, ORG, RULES_ONLY).path is AnswerPath.ASSESSMENT
    assert route(query, None, RULES_ONLY).path is AnswerPath.NEEDS_ORG  # "we": the asker's organization


@pytest.mark.parametrize(
    "query", ["What tier is Meridian in?", "Which tier is the organization's AI program at?", "What is the tier?"]
)
def test_a_named_or_unqualified_tier_with_an_organization_selected_is_its_own(query):
    assert route(query, ORG, RULES_ONLY).path is AnswerPath.ASSESSMENT


def test_an_assessment_questions_levels_are_not_a_frameworks():
    # GOV-2 is a question of the assessment instrument: its levels 1-5 are the assessment's
    assert not asks_about_levels("What does level 3 of GOV-2 require?", ORG)
    assert not asks_about_levels("What do we need to reach level 4 on GOV-2?", ORG)


@pytest.mark.parametrize(
    "query",
    [
        "the CMS and ONC rules on decision support",
        "Who in the hospital's leadership is answerable to the board for how we use AI?",
        "Are we in breach of the HIPAA Security Rule?",
    ],
)
def test_no_grade_asked_is_no_grade_question(query):
    assert not own_level(query, ORG) and not asks_about_levels(query, ORG)


@pytest.mark.slow
def test_a_tier_question_with_an_organization_selected_cites_the_guidance(shared_corpus_advisor):
    ans = shared_corpus_advisor.ask("What risk tier should a sepsis prediction model get?", org=ORG)
    assert ans.kind == "guidance" and not ans.abstained, ans.answer
    assert any(c.source.endswith("operating-model-intake-risk-tiering.md") for c in ans.citations), ans.citations
    assert "meridian" not in ans.answer.lower() and "readiness index" not in ans.answer.lower(), ans.answer


@pytest.mark.slow
def test_a_maturity_stage_question_saying_we_is_answered_from_the_guidance(shared_corpus_advisor):
    ans = shared_corpus_advisor.ask("What maturity stage should we aim for in the HIMSS analytics model?", org=ORG)
    assert ans.kind == "guidance" and not ans.abstained, ans.answer
    assert "Stage 7" in ans.answer, ans.answer
    assert any(c.source.endswith("readiness-models-overview.md") for c in ans.citations), ans.citations


@pytest.mark.slow
def test_our_own_tier_is_still_the_assessments(shared_corpus_advisor):
    ans = shared_corpus_advisor.ask("What tier are we at?", org=ORG)
    assert ans.kind == "assessment" and not ans.abstained, ans.answer
    assert "Developing" in ans.answer, ans.answer  # Meridian's latest tier
