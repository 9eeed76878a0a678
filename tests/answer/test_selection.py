"""Direct answers before lists, lead-ins only for list questions, near-duplicates judged by
words as well as meaning (the composer on a small document set, and its parts)."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer import Advisor
from advisor.answer.asks import read_ask
from advisor.answer.quotable import Unit, UnitKind
from advisor.answer.selection import Candidate, collapse_duplicates, repeats, whole_list
from advisor.chunk import Chunk

from .builders import indexed_settings

DOCS = {
    "characteristics.md": """---
title: Trustworthy AI characteristics
---
# Trustworthy AI characteristics

## Telling them apart

Transparency, explainability and interpretability are distinct characteristics that support each other.
Transparency can answer the question of what happened in the system.
Explainability can answer the question of how a decision was made in the system.
Interpretability can answer the question of why a decision was made by the system and its meaning or context to the user.
""",
    "culture.md": """---
title: Risk culture guide
---
# Risk culture guide

## Building a risk culture

Smaller hospitals can build a strong risk culture without separate lines of defense.
Leaders build a risk culture by inviting effective challenge of AI design decisions by clinicians.

## Committee readiness checklist

A hospital has an AI committee ready to meet when each of these can be checked:

- A committee charter approved by the board of directors.
- A meeting calendar published for the coming twelve months.
- Minutes template agreed with the compliance office.
- A secretary named to keep the committee records.
""",
}


def _cand(text: str, vec: list[float]) -> Candidate:
    chunk = Chunk(chunk_id="c1", source="doc.md", title="Doc", section="S", text=text)
    v = np.asarray(vec, dtype=np.float32)
    return Candidate(Unit(text, chunk, 0), 1, vec=v / np.linalg.norm(v))


def test_parallel_sentences_about_different_things_are_not_near_duplicates():
    how = _cand("Explainability can answer the question of how a decision was made in the system.", [1, 0.3])
    why = _cand(
        "Interpretability can answer the question of why a decision was made by the system and its meaning.", [1, 0.8]
    )
    assert float(how.vec @ why.vec) > 0.86  # close in meaning: the old filter dropped one of them
    assert not repeats(why, how, float(why.vec @ how.vec))


def test_sentences_with_the_same_words_are_near_duplicates():
    a = _cand("Overrides are logged and reviewed by the AI governance committee every month.", [1, 0.3])
    b = _cand("Overrides are logged and reviewed by the governance committee every month.", [1, 0.32])
    assert repeats(b, a, float(a.vec @ b.vec))
    far = _cand("Overrides are logged and reviewed by the AI governance committee every month.", [0, 1])
    assert repeats(far, a, float(a.vec @ far.vec))  # word for word, whatever the embedding says


def test_two_definitions_naming_different_harms_are_both_facts():
    glossary = _cand(
        "Serious AI incident: An event in which the output of an AI model contributed, or could have contributed, "
        "to death, serious deterioration in health, or a major disruption of care.",
        [1, 0.3],
    )
    framework = _cand(
        "A serious AI incident is one in which the output of an AI system contributed, or could have contributed, "
        "to the death of a patient, to serious harm, or to a patient receiving or missing a treatment.",
        [1, 0.31],
    )
    assert float(glossary.vec @ framework.vec) > 0.95  # the model reads them as one sentence
    assert not repeats(framework, glossary, float(framework.vec @ glossary.vec))
    reworded = _cand(
        "A serious AI incident is an event in which the output of an AI model contributed, or could have "
        "contributed, to death, serious deterioration in health or a major disruption of care.",
        [1, 0.31],
    )
    assert repeats(reworded, glossary, float(reworded.vec @ glossary.vec))


def test_per_and_topics_frame_the_question_and_are_not_what_it_is_about():
    ask = read_ask("What topics should our AI risk management policies address, per the Playbook?")
    assert "per" not in ask.anchors and "topic" not in ask.anchors
    assert {"polici", "address"} <= set(ask.anchors) or {"policies", "address"} <= set(ask.anchors)


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("selection"), DOCS))


def test_each_of_three_parallel_definitions_is_quoted(adv):
    ans = adv.ask("How does the guide tell transparency, explainability and interpretability apart?")
    assert not ans.abstained, ans.answer
    for point in ("what happened", "how a decision", "why a decision"):
        assert point in ans.answer, ans.answer


def test_a_question_that_asks_for_no_list_gets_no_whole_list(adv):
    ans = adv.ask("How else can leaders of a small hospital build a strong risk culture?")
    assert not ans.abstained, ans.answer
    assert "effective challenge" in ans.answer, ans.answer
    listed = [ln for ln in ans.answer.splitlines() if ln.startswith("- ")]
    assert len(listed) <= 1, ans.answer


def _in(source: str, text: str, score: float = 1.0) -> Candidate:
    chunk = Chunk(chunk_id=source, source=source, title=source, section="S", text=text)
    c = Candidate(Unit(text, chunk, 0), 1, vec=np.asarray([1.0, 0.0], dtype=np.float32))
    c.score = score
    return c


@pytest.mark.parametrize(
    "other",
    [
        "Vendors must report a model change to the hospital within 60 days of release.",  # another figure
        "Vendors may report a model change to the hospital within 30 days of release.",  # may, not must
    ],
)
def test_two_documents_stating_different_values_are_both_kept(other):
    mine = _in("a.md", "Vendors must report a model change to the hospital within 30 days of release.")
    theirs = _in("b.md", other)
    chosen = [mine, theirs]
    collapse_duplicates(chosen, chosen)
    assert chosen == [mine, theirs] and not mine.also  # two rules, not one cited twice


def test_the_same_rule_in_two_documents_is_quoted_once_citing_both():
    mine = _in("a.md", "Vendors must report a model change to the hospital within 30 days of release.")
    theirs = _in("b.md", "Vendors must report any model change to the hospital within 30 days of release.")
    chosen = [mine, theirs]
    collapse_duplicates(chosen, chosen)
    assert chosen == [mine] and mine.also == [theirs]


def _list(source: str, lead_text: str, items: list[str], scores: list[float], *, framing: bool) -> list[Candidate]:
    """Candidates for one document's list under a lead-in (written from its heading when `framing`)."""
    chunk = Chunk(chunk_id=source, source=source, title=source, section="S", text="\n".join([lead_text, *items]))
    lead = Unit(lead_text, chunk, 0, framing=framing)
    out = []
    for i, (text, score) in enumerate(zip(items, scores, strict=True)):
        unit = Unit(text, chunk, chunk.text.index(text), UnitKind.ITEM, position=i + 1, lead=lead, group=0)
        out.append(Candidate(unit, 1, score=score, vec=np.asarray([1.0, 0.0], dtype=np.float32)))
    return out


ACTIONS = ["Fit training to each group of staff.", "Cover the socio-technical side of AI risk.", "Refresh it yearly."]


def test_a_list_question_keeps_the_leading_documents_list_over_another_documents():
    # the Playbook's "suggested actions" (a lead-in written from its heading) had been swapped
    # for a bundled checklist under its own lead-in that scored nearly as well
    mine = _list("playbook.pdf", "The suggested actions for TRAIN 2.2 are", ACTIONS, [0.70, 0.66, 0.5], framing=True)
    theirs = _list(
        "checklist.md",
        "Staff are ready when:",
        ["Training is tracked.", "Roles are trained."],
        [0.68, 0.4],
        framing=False,
    )
    cands = mine + theirs
    order = sorted(cands, key=lambda c: -c.score)
    assert [c.text for c in whole_list(order, cands, order[0].score)] == ACTIONS


def test_a_list_under_the_documents_own_lead_in_wins_within_that_document():
    framed = _list(
        "rule.md", "The items listed under Section 7 are", ["(a) Assess.", "(b) File."], [0.70, 0.6], framing=True
    )
    own = _list("rule.md", "An assessment shall include:", ["(1) purpose;", "(2) data;"], [0.68, 0.6], framing=False)
    for c in own:  # another chunk of the same document
        c.unit.chunk = Chunk(
            chunk_id="rule.md#2", source="rule.md", title="rule.md", section="S", text=c.unit.chunk.text
        )
    cands = framed + own
    order = sorted(cands, key=lambda c: -c.score)
    assert [c.text for c in whole_list(order, cands, order[0].score)] == ["(1) purpose;", "(2) data;"]


def test_a_list_question_takes_the_list_whose_members_answer_not_the_one_sharing_a_word():
    # "List the standards in the national catalogue": one registry row mentioning "each catalogue
    # release" scored best, and its registry table was listed instead of the standards table
    registry = _list(
        "blueprint.pdf",
        "Registries:",
        ["Client Registry | one record per person", "Terminology Registry | with each catalogue release"],
        [0.30, 0.57],
        framing=False,
    )
    standards = _list(
        "blueprint.pdf",
        "Systems must meet these standards:",
        ["Exchange | HL7 FHIR R4", "Sign-on | OpenID Connect", "Diagnoses | ICD-11", "Laboratory | LOINC"],
        [0.50, 0.49, 0.48, 0.47],
        framing=False,
    )
    for c in registry:
        c.unit.kind = UnitKind.ROW  # a table's rows
    for c in standards:
        c.unit.group = 1
    cands = registry + standards
    order = sorted(cands, key=lambda c: -c.score)
    assert [c.text for c in whole_list(order, cands, order[0].score)] == [c.text for c in standards]

    # a bullet list is not given up for one standout item: its other items share its heading's topic
    for c in registry:
        c.unit.kind = UnitKind.ITEM
    assert [c.text for c in whole_list(order, cands, order[0].score)] == [c.text for c in registry]
