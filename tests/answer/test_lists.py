"""Lists on real documents: a list split across chunks is quoted whole under the document's
own lead-in, each lead-in once; a lead-in run into another sentence never frames items; each
side of a comparison gets its slot; a hit brings the rest of its numbered item (small
synthetic documents through the real composer)."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer import Advisor
from advisor.answer.asks import Corpus, read_ask
from advisor.answer.comparison import compared_terms
from advisor.answer.guidance import SentenceIndex, compose_guidance, wants_list
from advisor.answer.quotable import continue_lists, read_units
from advisor.answer.relevance import adjust as _adjust
from advisor.answer.selection import Candidate, arrange
from advisor.chunk import Chunk
from advisor.retrieve import Hit
from advisor.testing import HashEmbedder

from .builders import indexed_settings

SECTION = "Guide > RULE 3.1 > Suggested Actions"


def _chunk(pos: int, text: str, section: str = SECTION) -> Chunk:
    return Chunk(chunk_id=f"c{pos}", text=text, source="guide.pdf", title="Guide", section=section, position=pos)


#: A list whose lead-in closes one chunk and whose items run over the next two (the chunker
#: split it where it ran long; the second chunk repeats the last item as overlap).
LEAD = _chunk(4, "Hospital AI policies should be designed to:")
FIRST = _chunk(
    5,
    "Define key terms for AI systems and their intended uses.\n"
    "- Detail model testing and validation processes.\n"
    "- Outline change management requirements.\n"
    "- Establish whistleblower policies to report serious concerns.",
)
REST = _chunk(
    6, "Establish whistleblower policies to report serious concerns.\n- Detail and test incident response plans."
)
OTHER = _chunk(
    1,
    "- Keep the cafeteria menu posted every week.\n- Keep the parking garage lit at night.",
    "Guide > RULE 9.9 > Suggested Actions",
)
ALL = [OTHER, LEAD, FIRST, REST]


def _neighbors(chunk: Chunk) -> list[Chunk]:
    return [c for c in ALL if c.section == chunk.section and abs(c.position - chunk.position) == 1]


def _compose(question: str, hits: list[Chunk], neighbors=_neighbors):
    emb = HashEmbedder("hash")
    hit_list = [Hit(c, 1.0 / (i + 1), rank=i + 1, dense=0.6) for i, c in enumerate(hits)]
    q = np.asarray(emb.embed_query(question), dtype=np.float32)
    return compose_guidance(question, hit_list, SentenceIndex(emb), q, neighbors=neighbors)


def test_items_opening_a_chunk_continue_the_list_of_the_chunk_before():
    lead, first, rest = read_units(LEAD), read_units(FIRST), read_units(REST)
    assert first[0].lead is not None and first[0].lead.framing  # alone, the chunk only has its heading
    continue_lists(lead, first)
    continue_lists(first, rest)
    assert all(u.lead is lead[0] for u in first + rest)
    assert {u.list_key for u in first} == {u.list_key for u in rest}  # one list across both chunks


def test_a_list_split_across_chunks_is_quoted_whole_under_its_own_lead_in():
    draft = _compose("What topics should hospital AI policies address?", [LEAD, OTHER, REST])
    texts = [p.text for p in draft.parts]
    assert texts[0] == "Hospital AI policies should be designed to:", texts
    assert texts.count("Hospital AI policies should be designed to:") == 1
    items = [p.text for p in draft.parts if p.bullet]
    assert items[:5] == [
        "Define key terms for AI systems and their intended uses.",
        "Detail model testing and validation processes.",
        "Outline change management requirements.",
        "Establish whistleblower policies to report serious concerns.",
        "Detail and test incident response plans.",
    ], texts
    assert not any("cafeteria" in t for t in texts)
    assert draft.parts[0].chunks[0].chunk_id == "c4" and draft.parts[1].chunks[0].chunk_id == "c5"


def test_items_of_one_section_in_two_chunks_are_shown_under_one_lead_in():
    a = _chunk(7, "- Review bypass procedures every quarter with the clinical owners.\n- Keep backups.")
    b = _chunk(8, "- Conduct root cause analysis after every deactivation event.\n- Keep logs.")
    picks = [Candidate(read_units(a)[0], 1), Candidate(read_units(b)[0], 2)]
    parts = arrange(picks)
    leads = [p.text for p in parts if not p.bullet]
    assert leads == ["The suggested actions for RULE 3.1 are:"], [p.text for p in parts]
    assert [p.bullet for p in parts] == [False, True, True]


def test_a_lead_in_run_into_another_sentence_frames_no_items():
    chunk = _chunk(
        3,
        "Documenting reported errors can enhance risk management activities., Examples include:\n\n"
        "- how errors were identified,\n- incidents related to the error,",
        "Guide > RULE 4.3 > About",
    )
    units = read_units(chunk)
    items = [u for u in units if u.listed]
    assert items and not any(u.ok for u in items)  # the heading ("About") cannot stand in for the lost lead-in


def test_comparison_terms_are_read_from_the_question():
    q = "How does the Playbook tell transparency, explainability and interpretability apart?"
    assert compared_terms(q) == ["transparency", "explainability", "interpretability"]
    assert compared_terms("How does risk tolerance differ from risk appetite?") == ["risk tolerance", "risk appetite"]
    assert compared_terms("What are the steps and who approves them?") == []


def test_each_side_of_a_comparison_gets_its_own_slot():
    about = _chunk(
        2,
        "Transparency, explainability and interpretability are distinct characteristics of AI systems. "
        "Explainable systems can be debugged and monitored more easily by explainability teams. "
        "Explainable models with transparent documentation lend themselves to audit and transparency reviews. "
        "Transparent and explainable systems support explainability and transparency goals together. "
        "Transparency can answer the question of what happened in the system. "
        "Explainability can answer the question of how a decision was made. "
        "Interpretability can answer the question of why a decision was made and its meaning to the user.",
        "Guide > RULE 2.9 > About",
    )
    draft = _compose("How does the guide tell transparency, explainability and interpretability apart?", [about], None)
    text = " ".join(p.text for p in draft.parts)
    for side in ("what happened", "how a decision", "why a decision"):
        assert side in text, text


DOC = """---
title: Hospital AI rules
---
# Hospital AI rules

## RULE 4.2

Knowledge limits of each AI tool and how clinicians oversee its output are documented.

### About

Clinicians rely on AI output only within the limits the vendor has tested.

### Suggested Actions

- Document settings and conditions that are outside the tool's intended use.
- Document dependencies on upstream data feeds.

## RULE 5.1

Vendors are reviewed every year.
"""


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("lists"), {"rules.md": DOC}))


def test_a_chunk_brings_the_rest_of_its_numbered_item(adv):
    chunks = adv.index.chunks_for_source(next(iter(adv.index.all_chunks())).source)
    about = next(c for c in chunks if c.section.endswith("RULE 4.2 > About"))
    family = Corpus(adv.retriever).family(about)
    sections = {c.section for c in family}
    assert any(s.endswith("RULE 4.2 > Suggested Actions") for s in sections), sections
    assert any(s.endswith("RULE 4.2") for s in sections), sections  # the item's own statement
    assert not any("RULE 5.1" in s for s in sections)


def test_which_asks_for_a_list_only_before_a_plural():
    assert wants_list("Which fairness metrics does the guide list?")
    assert wants_list("Which risks come first?")
    assert not wants_list("Which subcategory deals with fairness and bias evaluation?")
    assert not wants_list("Which agency enforces the rule?")
    assert wants_list("In what situations should a system be switched off?")
    assert wants_list("What conditions does the regulation put on who can be the AI officer?")
    assert wants_list("What should we document about a model's knowledge limits?")
    # what goes into a request or has to be filed is its list of items
    assert wants_list("What information has to go into an intake request for a new clinical AI tool?")
    assert wants_list("What documentation has to be completed before the committee can approve go-live?")


def _scored(question: str) -> dict[str, float]:
    chunk = _chunk(
        9,
        "- What limits has the vendor documented for the model?\n- Document the limits of the model for clinicians.",
        "Guide > RULE 6.1 > Suggested Actions",
    )
    cands = [Candidate(u, 1, score=0.5) for u in read_units(chunk)]
    _adjust(question, read_ask(question), cands, Corpus(None))
    return {c.text: c.score for c in cands}


def test_listed_questions_rank_below_statements_unless_questions_are_asked_for():
    documented = _scored("What should we document about model limits?")
    assert (
        documented["What limits has the vendor documented for the model?"]
        < documented["Document the limits of the model for clinicians."]
    )
    asked = _scored("What should we ask a vendor about model limits?")
    assert asked["What limits has the vendor documented for the model?"] == pytest.approx(
        asked["Document the limits of the model for clinicians."], abs=0.04
    )


def test_a_listed_question_with_a_sentence_run_into_it_still_ranks_below_statements():
    chunk = _chunk(
        11,
        "- Did the team test the kiosk with older patients? Asking them early shows what the kiosk must do.\n"
        "- Test the kiosk with older patients before it goes live.",
        "Guide > RULE 6.2 > Suggested Actions",
    )
    cands = [Candidate(u, 1, score=0.5) for u in read_units(chunk)]
    question = "How should we test the kiosk with older patients?"
    _adjust(question, read_ask(question), cands, Corpus(None))
    scores = {c.text[:20]: c.score for c in cands}
    assert scores["Did the team test th"] < scores["Test the kiosk with "], scores


def test_an_item_introducing_a_flattened_sub_list_is_not_quoted():
    chunk = _chunk(
        10,
        "- Establish policies for retiring AI systems. Such policies typically address:\n"
        "- Establish where and for how long retired models are stored.",
        "Guide > RULE 1.7 > Suggested Actions",
    )
    units = {u.text: u.ok for u in read_units(chunk)}
    assert units["Establish policies for retiring AI systems. Such policies typically address:"] is False
    assert units["Establish where and for how long retired models are stored."] is True


def test_lettered_items_under_a_numbered_clause_title_are_quoted_under_it():
    """Bylaws set "4.3 Patient notice." over its (a)(b)(c): the items are whole rules under that
    title, not items whose lead-in is lost."""
    text = (
        "4.1 A clinician may use only tools on the approved list.\n"
        "4.3 Patient notice.\n"
        "(a) Before the recorder is switched on, the patient is told and may refuse.\n"
        "(b) For a patient younger than 15, a parent decides."
    )
    units = read_units(_chunk(0, text, "Rules > Article 4 Use of tools"))
    items = [u for u in units if u.kind.value == "item"]
    assert [u.ok for u in items] == [True, True]
    assert items[1].lead is not None and items[1].lead.text == "Under 4.3 Patient notice:"


#: A list whose second chunk opens on the overlap: the last sentence of the item before it.
MINUTES_SECTION = "Minutes > 5. Sepsis predictor incident review"
POINTS = _chunk(
    8,
    "Key points recorded:\n"
    "- The vendor pushed version 3.2 without notice.\n"
    "- A patient developed septic shock. The patient was transferred to intensive care and has since been discharged.",
    MINUTES_SECTION,
)
AFTER = _chunk(
    9,
    "The patient was transferred to intensive care and has since been discharged.\n\n"
    "- Live alerting was switched to silent mode three days after the event.\n"
    "- Local revalidation shows a sensitivity of 0.68 at the 0.60 threshold.",
    MINUTES_SECTION,
)


def test_an_items_last_sentence_repeated_atop_the_next_chunk_is_no_lead_in():
    points, after = read_units(POINTS), read_units(AFTER)
    assert after[1].lead is after[0]  # alone, the overlap reads as the lead-in of the items below it
    continue_lists(points, after)
    assert not after[0].ok  # the overlap is quoted as part of its item, never on its own
    assert all(u.lead is points[0] for u in after[1:]), [u.lead.text if u.lead else None for u in after]
