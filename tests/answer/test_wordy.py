"""Questions asked the way a CIO or consultant asks them about their own document: who is asking
("As the CIO of ...,") is not what the answer must cover; "the top of the organization" ranks
nothing; a non-list question quotes the few items of a list that answer it, not just one; and a
question the document does not answer is still declined, however it is dressed."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.asks import read_ask
from advisor.answer.comparison import sides
from advisor.answer.persona import asked_part, core_question
from advisor.answer.quotable import read_units
from advisor.answer.selection import Candidate
from advisor.chunk import Chunk

from .builders import indexed_settings

DOCS = {
    "lifecycle.md": """---
title: Regional AI lifecycle policy
---
# Regional AI lifecycle policy

## Retiring AI systems

Retired AI systems are decommissioned through a documented phase-out plan that keeps a fallback workflow ready.
Model outputs of a retired AI system are preserved for seven years so that past decisions can be reviewed.

## Accountability

Executive leadership takes responsibility for decisions about the risks of AI systems.
The board audit committee receives a quarterly report on AI risk.

## Impact assessments

Suggested actions:

- Establish impact assessment procedures for every AI system the hospital uses.
- Use impact assessments to inform broader evaluations of AI system risk.
- Repeat impact assessments on a regular basis as the AI system changes.
- Keep the cafeteria menu posted in the staff lounge every week.

## Security and resilience

Security and resilience are related but distinct characteristics of an AI system.
Resilience relates to robustness against unexpected or adversarial use of the model or data.
Security testing of AI systems uses red-team exercises every quarter.
Security controls for AI systems include authentication and throttling.
While resilience is the ability to return to normal function after an unexpected adverse event, security also covers protocols to avoid, protect against and recover from attacks.
Resilience targets are agreed with the clinical engineering team.

## Clinical Algorithms Committee

The Clinical Algorithms Committee shall:

- review each tool before it is used in patient care, including a local validation on a sample of the hospital's patients;
- approve a monitoring plan for each tool, naming an accountable clinical owner and the level of performance that triggers review;
- review the performance of every tool in use at least quarterly, by age and sex where the data allow;
- recommend to the executive committee that a tool be suspended when its performance falls below the agreed level; and
- keep a current inventory of all tools in use and the date of their last review.

## Parking

Visitor parking is free on weekends.
""",
}


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("wordy"), DOCS))


def test_the_askers_self_description_is_set_apart_from_the_question():
    assert (
        core_question("As the CIO of a regional health system, what does the policy say about retiring AI systems?")
        == "What does the policy say about retiring AI systems?"
    )
    assert (
        core_question("I'm a consultant helping a hospital set up governance; how are AI systems retired?")
        == "How are AI systems retired?"
    )
    assert core_question("From the perspective of a chief nursing officer, who owns AI risk?") == "Who owns AI risk?"
    # a source quoted, or what the organization is, stays part of the question
    assert core_question("As the FDA notes, devices need clearance. What is a 510(k)?").startswith("As the FDA notes")
    kept = "We are a small clinic without a governance program. How can we handle AI failures?"
    assert core_question(kept) == kept
    assert core_question("As a nurse manager, what?") == "As a nurse manager, what?"  # nothing left to ask


def test_a_cio_asking_about_their_document_gets_the_answer_not_an_abstention(adv):
    ans = adv.ask(
        "Our board has asked me, as the CIO of a regional health system, to explain how the policy says "
        "we should decommission AI systems when they are retired."
    )
    assert not ans.abstained, ans.answer
    assert "phase-out plan" in ans.answer or "preserved for seven years" in ans.answer


def test_a_persona_does_not_make_an_unanswerable_question_answerable(adv):
    ans = adv.ask("As the CIO of a regional health system, how much did the vendor charge us for the sepsis model?")
    assert ans.abstained, ans.answer


def test_the_top_of_the_organization_is_not_a_superlative():
    assert not read_ask("Who at the top of the organization should own decisions about AI risk?").superlative
    assert not read_ask("What is the best way to retire an AI system?").superlative
    assert read_ask("Which vendor has the most FDA clearances?").superlative
    assert read_ask("Which are the top three risks?").superlative


def test_who_at_the_top_of_the_organization_owns_ai_risk_is_answered(adv):
    ans = adv.ask("Who at the top of the organization should own decisions about AI risk?")
    assert not ans.abstained, ans.answer
    assert "Executive leadership takes responsibility" in ans.answer


def test_a_how_question_quotes_each_list_item_that_answers_it(adv):
    ans = adv.ask("How should impact assessments be used for our AI systems?")
    assert not ans.abstained, ans.answer
    quoted = [
        s
        for s in (
            "Establish impact assessment procedures",
            "inform broader evaluations of AI system risk",
            "Repeat impact assessments on a regular basis",
        )
        if s in ans.answer
    ]
    assert len(quoted) >= 2, ans.answer
    assert "cafeteria" not in ans.answer  # an item of the same list that answers nothing stays out


def test_how_two_things_differ_quotes_the_sentence_that_contrasts_them(adv):
    ans = adv.ask("How do security and resilience differ for an AI system?")
    assert not ans.abstained, ans.answer
    assert "While resilience is the ability to return to normal function" in ans.answer


def test_the_scene_set_before_a_question_is_not_what_is_asked():
    assert (
        asked_part("We run twelve hospitals in the Midwest on Epic. How are retired AI systems decommissioned?")
        == "How are retired AI systems decommissioned?"
    )
    assert (
        asked_part("Our auditors keep asking: how long are model outputs kept?") == "how long are model outputs kept?"
    )
    both = "What is drift? How do we detect it?"
    assert asked_part(both) == both  # two questions: neither is scene-setting


def test_names_in_the_scene_setting_do_not_make_the_answer_abstain(adv):
    ans = adv.ask(
        "We run twelve hospitals in the Midwest on Epic with a small data science team. "
        "How does the policy say retired AI systems are decommissioned?"
    )
    assert not ans.abstained, ans.answer
    assert "phase-out plan" in ans.answer


def test_filler_words_in_a_wordy_question_do_not_make_the_answer_abstain(adv):
    anchors = read_ask("What should we simply do right now with risks we cannot measure?").anchors
    assert not {"simpli", "now", "cannot"} & set(anchors) and {"risk", "measur"} <= set(anchors)
    ans = adv.ask("Honestly, what should we simply do right now with the model outputs of a retired AI system?")
    assert not ans.abstained, ans.answer
    assert "preserved for seven years" in ans.answer


def _ranked(*texts: str) -> list[Candidate]:
    chunk = Chunk(chunk_id="c1", text=" ".join(texts), source="g.md", title="Guide", section="S", position=0)
    units = [u for u in read_units(chunk) if u.ok]
    return [Candidate(u, 1, score=1.0 - 0.1 * i) for i, u in enumerate(units)]


def test_only_a_comparison_question_gets_the_sentence_contrasting_terms():
    order = _ranked(
        "Security and resilience are related characteristics.",
        "Committees should connect to existing boards rather than duplicate them.",
        "While resilience is the ability to recover, security also covers protocols against attacks.",
    )
    picked = sides(["security", "resilience"], order, [order[0]], order[0].score)
    assert picked and picked[0].text.startswith("While resilience")
    assert sides([], order, [order[0]], order[0].score) == []  # "rather than" alone compares nothing


def test_a_short_list_mostly_quoted_is_quoted_whole(adv):
    ans = adv.ask("Before an AI tool can be used on patients, what has to happen?")
    assert not ans.abstained, ans.answer
    # quoting three of the committee's five duties would read as all of them
    for duty in ("review each tool", "approve a monitoring plan", "at least quarterly", "be suspended", "inventory"):
        assert duty in ans.answer, ans.answer
