"""Organization-aware chat: answers from the selected organization's assessment that read like a
person wrote them (organization and date once, no engine-speak, actions first), follow-ups that
keep the organization and the topic and never repeat an earlier answer, and closing a gap.

Runs over the small indexed fixture home of the UI tests (hashing embedder, three guidance
documents, Meridian and Northbridge results), so it is fast; every answer is still checked
sentence by sentence against its cited chunks."""

from __future__ import annotations

import re

import pytest

from advisor import assessment
from advisor.answer import Advisor
from advisor.settings import Settings
from advisor.text import marked_sentences, strip_markers

from .grounding import assert_grounded

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home (indexed fixture home), hash_model_dir

NB = "northbridge-academic"
NB_NAME = "Northbridge University Medical Center"
NB_DATE = "2026-10-15"
# engine-speak the answers must not show: raw comparisons, two-decimal averages, rule ids as the first step
ENGINE = re.compile(r"\b[A-Z]{2,6} dimension \d|\b[A-Z]{2,6} \d\.\d\d\b|\d\.\d\d/5| < \d|Clear blocking rule")


@pytest.fixture
def adv(ui_home) -> Advisor:
    return Advisor(Settings.from_env())


@pytest.fixture(scope="module")
def nb_card():
    inst = assessment.load_instrument()
    path = next(p for p in assessment.discover_results() if p.name.startswith(NB))
    return assessment.score(assessment.load_results(path, inst), inst)


def _sentences(text: str) -> set[str]:
    return {strip_markers(s) for line in text.splitlines() for s in marked_sentences(line.removeprefix("- "))}


def _turns(*pairs) -> list[dict]:
    out = []
    for q, a in pairs:
        out += [{"role": "user", "content": q}, {"role": "assistant", "content": a.answer}]
    return out


def test_fix_first_answers_from_the_assessment_with_actions(adv, nb_card):
    ans = adv.ask("What should we fix first?", org=NB)
    assert ans.kind == "assessment" and not ans.abstained
    text = ans.answer
    # the organization and the date are stated once, not in every bullet
    assert text.count(NB_NAME) == 1 and text.count(NB_DATE) == 1
    for b in nb_card.blocking:
        assert b.id in text
    # the first actions are work to do, in the dashboard's gap order, each cited to its question
    inst = assessment.load_instrument()
    bullets = [ln for ln in text.splitlines() if ln.startswith("- ")]
    for g, line in zip(nb_card.gaps[:3], bullets, strict=False):
        q = inst.question(g.question_id)
        assert line.startswith(f"- {q.action}: {g.question_id} is at level {g.score} of 5"), line
    assert not ENGINE.search(text), ENGINE.search(text)
    kinds = {c.trust for c in ans.citations}
    assert kinds == {"organization", "curated"}, "cites the assessment and the guidance its top gap links to"
    assert all(NB in c.source for c in ans.citations if c.trust == "organization")
    assert_grounded(adv, ans)


def test_fix_first_as_a_follow_up_never_repeats_the_previous_answer(adv, nb_card):
    first = adv.ask("What should we fix first?", org=NB)
    again = adv.ask("What should we fix first?", org=NB, history=_turns(("What should we fix first?", first)))
    assert again.answer != first.answer
    assert not _sentences(first.answer) & _sentences(again.answer), "no sentence repeated word for word"
    # it moves on to the next actions by priority
    said = {g.question_id for g in nb_card.gaps[:3]}
    nxt = [g.question_id for g in nb_card.gaps if g.question_id not in said][:1]
    assert nxt and nxt[0] in again.answer
    assert_grounded(adv, again)


def test_short_follow_up_keeps_the_organization_and_the_topic(adv, nb_card):
    first = adv.ask("What should we fix first?", org=NB)
    data = adv.ask("And what about data?", org=NB, history=_turns(("What should we fix first?", first)))
    assert data.kind == "assessment"
    dim = nb_card.dimension("DATA")
    assert f"Data readiness (DATA) scored {dim.score:.1f}/5 for {NB_NAME}" in data.answer
    assert all(NB in c.source for c in data.citations)
    # and a chain of follow-ups keeps it: "and security?" swaps the dimension, same question
    sec = adv.ask(
        "And security?",
        org=NB,
        history=_turns(("What should we fix first?", first), ("And what about data?", data)),
    )
    assert f"Security & privacy (SEC) scored {nb_card.dimension('SEC').score:.1f}/5" in sec.answer
    assert_grounded(adv, data)
    assert_grounded(adv, sec)


def test_closing_a_gap_walks_the_next_level_the_evidence_and_the_linked_guidance(adv, nb_card):
    inst = assessment.load_instrument()
    q = inst.question("GOV-2")
    score = nb_card.question_scores["GOV-2"]
    ans = adv.ask("How do we close our GOV-2 gap?", org=NB)
    text = strip_markers(ans.answer)
    assert f"Level {score + 1} of GOV-2, the next level, means: {q.level(score + 1)}" in text
    assert f"Level {q.target} of GOV-2, the target, means:" in text
    assert q.evidence_prompt in text
    assert q.action in text
    guidance = [c for c in ans.citations if c.trust == "curated"]
    linked = {r.document for r in q.references}
    assert guidance and all(c.source.split("/")[-1].removesuffix(".md") in linked for c in guidance)
    assert text.count(NB_NAME) == 1
    assert_grounded(adv, ans)


def test_blocking_rules_are_explained_in_words(adv, nb_card):
    ans = adv.ask("Which blocking rules hold us back?", org=NB)
    gov = nb_card.dimension("GOV").score
    assert (
        f"Blocking rule B1 (Governance before scale): Governance & risk averages {gov:.1f} of 5; level 3 is needed"
        in (ans.answer)
    )
    assert not ENGINE.search(ans.answer)
    assert_grounded(adv, ans)


def test_a_question_named_by_topic_or_by_id_answers_from_the_organization(adv, nb_card):
    topic = adv.ask("What did we score on our AI inventory?", org=NB)
    assert topic.answer.startswith(f"GOV-2 (Governance & risk) scored {nb_card.question_scores['GOV-2']}/5")
    # an instrument question id is the assessment's, not a framework's: no "we" needed
    by_id = adv.ask("What did Northbridge score on GOV-5?", org=NB)
    assert by_id.kind == "assessment"
    assert by_id.answer.startswith(f"GOV-5 (Governance & risk) scored {nb_card.question_scores['GOV-5']}/5")
    assert_grounded(adv, topic)
    assert_grounded(adv, by_id)


def test_use_case_readiness_names_the_work_that_must_come_first(adv):
    ans = adv.ask("Are we ready to roll out ambient documentation?", org=NB)
    assert "is not yet ready" in ans.answer and "B1" in ans.answer
    first = next(ln for ln in ans.answer.splitlines() if "What must come first" in ln)
    assert "build and maintain an AI system inventory (GOV-2)" in first
    assert not ENGINE.search(ans.answer)
    assert_grounded(adv, ans)


def test_result_chunks_read_as_prose_without_engine_speak():
    inst = assessment.load_instrument()
    for path in assessment.discover_results():
        results = assessment.load_results(path, inst)
        for c in assessment.result_chunks(results, inst):
            assert not ENGINE.search(c.text), (c.section, ENGINE.search(c.text))
            # the organization is named once per chunk: in its opening sentence
            assert c.text.count(results.org_name) == 1, c.section
