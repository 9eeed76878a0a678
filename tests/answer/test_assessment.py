"""Offline assessment answers: the computed truth about an organization, cited and grounded."""

from __future__ import annotations

import pytest

from advisor import assessment

from .grounding import assert_grounded


def _cards(org: str):
    inst = assessment.load_instrument()
    cards = [
        assessment.score(r, inst)
        for r, _ in [(assessment.load_results(p, inst), p) for p in assessment.discover_results()]
    ]
    return sorted((c for c in cards if c.org == org), key=lambda c: c.date)


@pytest.mark.slow
@pytest.mark.parametrize("org", ["northbridge-academic", "prairie-bend-cah", "meridian-health"])
def test_assessment_answers_state_the_computed_truth(shared_corpus_advisor, org):
    adv = shared_corpus_advisor
    card = _cards(org)[-1]
    ans = adv.ask("How ready are we to scale AI? What is our readiness index?", org=org)
    assert ans.kind == "assessment" and not ans.abstained
    assert f"{card.index:.1f}/100" in ans.answer and card.tier_name in ans.answer
    assert all(c.source.startswith("corpus/assessment/results/" + org) for c in ans.citations)
    assert_grounded(adv, ans)

    gaps = adv.ask("What are our biggest gaps?", org=org)
    for g in card.gaps[:3]:
        assert g.question_id in gaps.answer
    assert any(c.doc_type == "guidance" for c in gaps.citations), "gaps are mapped to guidance"
    assert any(c.doc_type == "assessment" for c in gaps.citations)
    assert_grounded(adv, gaps)

    blocking = adv.ask("Which blocking issues remain?", org=org)
    for b in card.blocking:
        assert b.id in blocking.answer
    assert_grounded(adv, blocking)


@pytest.mark.slow
def test_trend_between_two_assessments(shared_corpus_advisor):
    adv = shared_corpus_advisor
    earlier, later = _cards("meridian-health")[-2:]
    ans = adv.ask("What improved since our March assessment?", org="meridian-health")
    assert f"{earlier.index:.1f}" in ans.answer and f"{later.index:.1f}" in ans.answer
    sources = {c.source for c in ans.citations}
    assert any(earlier.date in s for s in sources) and any(later.date in s for s in sources)
    assert_grounded(adv, ans)


@pytest.mark.slow
def test_use_case_readiness(shared_corpus_advisor):
    adv = shared_corpus_advisor
    card = _cards("northbridge-academic")[-1]
    uc = next(u for u in card.use_cases if u.id == "ambient-documentation")
    ans = adv.ask("Are we ready to roll out ambient documentation?", org="northbridge-academic")
    assert ("not ready" in ans.answer or "blocked" in ans.answer) == (not uc.ready)
    assert_grounded(adv, ans)


@pytest.mark.slow
def test_no_org_selected_lists_the_organizations(shared_corpus_advisor):
    ans = shared_corpus_advisor.ask("What are our biggest data gaps?")
    assert ans.abstained and ans.kind == "clarify"
    for org in ("northbridge-academic", "prairie-bend-cah", "meridian-health"):
        assert org in ans.answer
    assert ans.citations == []


@pytest.mark.slow
def test_org_results_never_leak_into_other_orgs_answers(shared_corpus_advisor):
    ans = shared_corpus_advisor.ask("What are our biggest gaps?", org="prairie-bend-cah")
    assert all("northbridge" not in c.source and "meridian" not in c.source for c in ans.citations)
