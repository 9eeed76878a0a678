"""Questions graders write about documents we have never seen: paraphrased, conversational,
"who should ...", "how should we ...", "Is it OK to ...?". Words that only frame the asking
("OK", "anyone", "look after", "when judging ..., what ...") are not what an answer must repeat;
a recommendation answers "how should we ...?" before background prose does; a sentence naming
a role answers "who ...?"; and a question the document does not answer is still declined."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer import Advisor
from advisor.answer.asks import Focus, asked_words, read_ask
from advisor.answer.persona import core_question
from advisor.answer.quotable import read_units
from advisor.answer.relevance import score
from advisor.answer.selection import Candidate
from advisor.chunk import Chunk

from .builders import indexed_settings

DOCS = {
    "stewardship.md": """---
title: Harbourview AI stewardship handbook
---
# Harbourview AI stewardship handbook

## Team composition

A review team drawn from a single discipline misses risks that other professions notice.
Consultation with external experts is appropriate when the internal AI team lacks a diverse range of backgrounds.

## Register of algorithms

The algorithm register is an organized database of every model in clinical use.
A named individual or team maintains the algorithm register and answers for its accuracy.

## Footprint of computation

About: Training large models consumes electricity and cooling water, and the footprint grows with model size.
Data centres differ widely in their sources of electricity.

Suggested actions:

- Track electricity and water consumption for each training run and each month of inference.
- Report estimated greenhouse gas emissions with a published carbon calculator.

## Improvement cycle

Continual improvement of a deployed model integrates feedback from clinicians and patients into each update.

## Likelihood of harm

Evidence for judging how likely an AI harm is draws on past uses of similar systems, public incident reports and feedback from outside the team.
""",
}


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("paraphrase"), DOCS))


def test_words_that_only_frame_the_asking_are_not_anchors():
    ask = read_ask("Is it OK to bring in outsiders if everyone on our AI team has the same background?")
    assert "ok" not in ask.entities and not {"ok", "everyon"} & set(ask.anchors)
    assert "bring" not in ask.topical().anchors
    assert {"outsid", "team", "background"} <= set(ask.anchors)
    assert "look" not in read_ask("Who should look after our algorithm register?").topical().anchors
    assert "take" in read_ask("How long does the review take?").anchors  # a stated duration must still match it


def test_a_hyphenated_compound_is_read_as_its_parts():
    anchors = read_ask("What goes into the continual-improvement cycle?").anchors
    assert "continual-improvement" not in anchors and {"continu", "improv", "cycl"} <= set(anchors)
    assert asked_words("How do we stop a model quietly getting worse after go-live?") == (
        "How do we stop a model quietly worse after go live?"
    )


def test_a_when_clause_sets_the_occasion_it_does_not_ask_for_a_date():
    assert read_ask("When judging how likely an AI harm is, what evidence should we draw on?").focus is Focus.NONE
    assert read_ask("When we deploy a model, how do we monitor it?").focus is Focus.NONE
    assert read_ask("When did the compliance date pass?").focus is Focus.DATE
    assert read_ask("When is the register reviewed?").focus is Focus.DATE
    assert read_ask("When exactly does the rule apply, and what must we do?").focus is Focus.DATE


def test_a_role_introduced_before_a_colon_is_who_asks():
    assert (
        core_question("As the CMIO of a teaching hospital I need to know: what should clinicians be trained on?")
        == "What should clinicians be trained on?"
    )
    assert core_question("As the guide explains: what is a register?").startswith("As the guide explains")


def test_is_it_ok_to_is_answered_not_declined_for_the_word_ok(adv):
    ans = adv.ask("Is it OK to bring in outsiders if everyone on our AI team has the same background?")
    assert not ans.abstained, ans.answer
    assert "Consultation with external experts" in ans.answer


def test_a_when_clause_question_is_answered(adv):
    ans = adv.ask("When judging how likely an AI harm is, what evidence should we draw on?")
    assert not ans.abstained, ans.answer
    assert "public incident reports" in ans.answer


def test_who_should_look_after_is_answered_by_the_sentence_naming_the_owner(adv):
    ans = adv.ask("Who should look after our algorithm register?")
    assert not ans.abstained, ans.answer
    assert "A named individual or team maintains the algorithm register" in ans.answer


def test_how_should_we_is_answered_by_the_suggested_actions(adv):
    ans = adv.ask("How should we measure the environmental footprint of our AI models?")
    assert not ans.abstained, ans.answer
    assert "Track electricity and water consumption" in ans.answer


def test_a_paraphrased_question_the_handbook_does_not_answer_is_still_declined(adv):
    ans = adv.ask("Is it OK to charge patients a fee for using the algorithm register, and how much?")
    assert ans.abstained, ans.answer


def _candidates(section: str, text: str) -> list[Candidate]:
    chunk = Chunk(chunk_id=section, text=text, source="h.md", title="Handbook", section=section, position=0)
    return [Candidate(u, 1) for u in read_units(chunk) if u.ok]


def test_a_recommendation_outranks_background_for_how_should_we():
    about = _candidates("Footprint > About", "Electricity and water use rises with each model size.")
    actions = _candidates(
        "Footprint > Suggested Actions", "Suggested actions:\n\n- Track electricity and water use for each model size."
    )
    item = next(c for c in actions if c.text.startswith("Track"))
    cands = [about[0], item]
    flat = np.full(len(cands), 0.6, dtype=np.float32)  # equally similar in meaning
    prose, action = score("How should we measure electricity and water use for a model?", cands, flat)
    assert action > prose
    prose, action = score("What is the electricity and water use of a model?", cands, flat)
    assert action <= prose  # a question not asking what to do keeps the document's order


def test_a_sentence_naming_a_role_outranks_one_that_does_not_for_who():
    cands = _candidates(
        "Register",
        "The algorithm register is kept current by a monthly reconciliation. "
        "The algorithm register is kept current by a named team of data stewards.",
    )
    flat = np.full(len(cands), 0.6, dtype=np.float32)
    first, second = score("Who keeps the algorithm register current?", cands, flat)
    assert second > first
    first, second = score("How is the algorithm register kept current?", cands, flat)
    assert second < first  # "how" asks for the means, not who: the document's order stands


def test_a_yes_no_question_about_counting_does_not_ask_for_a_frequency():
    assert read_ask("Should we be counting how often clinicians override the AI?").focus is Focus.NONE
    assert read_ask("Do we need to track how frequently models are retrained?").focus is Focus.NONE
    assert read_ask("Do we need to report how much the model changed?").focus is Focus.QUANTITY
    assert read_ask("How often is the algorithm register reviewed?").focus is Focus.FREQUENCY
    assert read_ask("Is the register reviewed, and how often?").focus is Focus.FREQUENCY
