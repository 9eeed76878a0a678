"""A list is quoted under the line that introduces it: the sentence before it only when that
sentence introduces it (a colon, "the following", a count), else the section's heading; a
paragraph's closing remark never heads the list after it. A question a document lists ranks
below the statements that answer (small synthetic documents through the real composer)."""

from __future__ import annotations

import numpy as np

from advisor.answer.guidance import SentenceIndex, compose_guidance
from advisor.answer.leads import section_lead
from advisor.answer.quotable import introduces, read_units
from advisor.chunk import Chunk
from advisor.retrieve import Hit
from advisor.testing import HashEmbedder

REMARK = "Policies that only address data security leave most review criteria ungoverned."
EVIDENCE = (
    "RULE 1.2 calls for the review criteria to be written into the AI policy. "
    "For a clinic, RULE 1.2 means every criterion has a check in the intake review. " + REMARK + "\n\n"
    "- An AI policy that references each review criterion.\n"
    "- Intake templates with a section per review criterion.\n"
    "- Evidence that review decisions cite the criteria."
)


def _chunk(text: str, section: str, pos: int = 0) -> Chunk:
    return Chunk(chunk_id=f"c{pos}", text=text, source="guide.md", title="Guide", section=section, position=pos)


def lead(section: str) -> str:
    """The lead-in written from a heading path for the list under it."""
    unit = section_lead(_chunk("- submits the request;\n- presents the tool.", section))
    assert unit is not None
    return unit.text


def _answer(question: str, chunks: list[Chunk]) -> str:
    """The answer as a reader sees it: lead-ins and sentences as lines, items as bullets."""
    emb = HashEmbedder("hash")
    hits = [Hit(c, 1.0 / (i + 1), rank=i + 1, dense=0.6) for i, c in enumerate(chunks)]
    q = np.asarray(emb.embed_query(question), dtype=np.float32)
    draft = compose_guidance(question, hits, SentenceIndex(emb), q)
    return "\n".join(f"- {p.text}" if p.bullet else p.text for p in draft.parts)


def test_a_closing_remark_does_not_head_the_list_after_it():
    chunk = _chunk(EVIDENCE, "Guide > RULE 1 — Policies > RULE 1.2 — Review criteria in policy")
    shown = _answer("What evidence shows intake templates with a section per review criterion?", [chunk])
    assert "Intake templates with a section per review criterion." in shown, shown
    assert "ungoverned:" not in shown, shown
    assert "The items listed under RULE 1.2 — Review criteria in policy are:\n- " in shown, shown


def test_without_a_heading_the_items_of_a_closing_remark_are_not_quoted():
    units = read_units(_chunk(EVIDENCE, ""))
    assert not any(u.ok for u in units if u.listed)
    shown = _answer("What evidence shows intake templates with a section per review criterion?", [_chunk(EVIDENCE, "")])
    assert "ungoverned:" not in shown and "Intake templates" not in shown, shown


def test_a_sentence_announcing_the_list_still_heads_it():
    text = (
        "The committee meets monthly. Each request passes three reviews before go-live.\n\n"
        "- A clinical safety review by the patient safety officer.\n"
        "- A privacy review by the privacy office.\n"
        "- A security review by the security team."
    )
    shown = _answer("What reviews does a request pass before go-live?", [_chunk(text, "Guide > Reviews")])
    assert "Each request passes three reviews before go-live:\n- " in shown, shown


def test_what_introduces_a_list():
    assert introduces("Vendors must provide the following documents.")
    assert introduces("The plan covers four areas.")
    assert introduces("Examples of such controls include:")
    assert introduces("The steps are set out below.")
    assert introduces("Reviewers check each system.", alone=True)  # a paragraph of one sentence heads its list
    assert not introduces(REMARK)
    assert not introduces("A vendor's figures from other sites do not substitute for this.")
    assert not introduces("Alerts go out within five days of a finding.")
    assert not introduces("Could the system expose people to harm?", alone=True)


def test_a_listed_question_ranks_below_the_statements_that_answer():
    actions = _chunk(
        "- Separate the teams that test AI systems from the teams that build them.\n"
        "- Have testers report through risk management to senior executives.",
        "Guide > RULE 2.1 > Suggested Actions",
        1,
    )
    questions = _chunk(
        "- To what extent can the people who test AI systems give feedback to the teams?\n"
        "- Who tests AI systems before they are deployed?",
        "Guide > RULE 2.1 > Questions to document",
        2,
    )
    shown = _answer(
        "Should the people who test AI systems report to the managers who build them?", [questions, actions]
    )
    first = shown.split("\n- ", 1)[1]
    assert first.startswith("Separate the teams") or first.startswith("Have testers"), shown
    asked = _answer("What questions should we ask about who tests AI systems?", [questions, actions])
    assert "?" in asked, asked  # asked for questions, the listed questions are the answer


def test_an_item_closing_on_a_relative_clause_is_quoted_with_its_list():
    text = (
        "Before an AI service is connected to the Exchange, its developer must register it and submit:\n\n"
        "- a description of its intended purpose and the users it is meant for;\n"
        "- the evidence of its performance, including results for the age groups it will serve;\n"
        "- a plan for monitoring its performance after deployment; and\n"
        "- the name of a person accountable for its safe use."
    )
    answer = _answer("What must a developer submit to register an AI service?", [_chunk(text, "5 AI services")])
    assert "- a description of its intended purpose and the users it is meant for" in answer
    assert "- a plan for monitoring its performance after deployment" in answer


def test_a_lead_in_written_from_a_heading_never_doubles_its_article_or_repeats_its_parent():
    # a run-in heading "The Clinical Sponsor" under "4.2 Clinical Sponsor" once read "The the clinical sponsor for ..."
    assert lead("4. Roles > 4.2 Clinical Sponsor > The Clinical Sponsor") == (
        "The items listed under 4.2 Clinical Sponsor are:"
    )
    assert lead("Intake > 5.1 Intake request > The Required Documents") == (
        "The required documents for 5.1 Intake request are:"
    )
    # a statute's or bill's provision number ends no sentence of the lead-in: its title names the items
    assert lead("ARTICLE 29. AI IN HEALTH CARE > 44-2903. Human review of decisions") == (
        "The items listed under Human review of decisions are:"
    )
    assert lead("SENATE BILL > Sec. 14. Appropriation") == "The items listed under Appropriation are:"


def test_a_lead_in_giving_a_time_of_day_still_leads_its_list():
    from advisor.answer.fields import field_line
    from advisor.answer.quotable import read_units
    from advisor.chunk import Chunk

    # a memo's "With effect from 08:00 on ...:" is no "Label: value" field: the time's colon is no label's
    text = (
        "With effect from 08:00 on Monday 16 June 2025, and until further notice:\n\n"
        "1. Ambient AI scribes must not be used in consultations with patients aged under 16.\n\n"
        "2. The clinician must sign the scribe-drafted note within 4 hours of the end of the consultation."
    )
    assert not field_line("With effect from 08:00 on Monday 16 June 2025, and until further notice:")
    chunk = Chunk("m-1", text, "memo.pdf", "Interim restriction", "Ref: CMO/2025/031", page=1)
    items = [u for u in read_units(chunk) if u.kind.value == "item"]
    assert items and all(u.lead is not None and "16 June 2025" in u.lead.text for u in items), [
        (u.text, u.lead) for u in items
    ]


def test_a_paragraph_opening_a_passage_over_its_list_is_prose_not_an_item_cut_from_its_marker():
    text = (
        "The 14 recommendations below reached consensus in the final round. The figure after each is the share "
        "of the panel that agreed.\n1. Govern every generative AI tool through one committee. Agreement 97%\n"
        "2. Keep a register of every approved tool. Agreement 94%"
    )
    units = read_units(_chunk(text, "Statement > 7. Recommendations"))
    first = units[0]
    assert first.kind.value == "sentence" and first.text.startswith("The 14 recommendations below")
    assert next(u.text for u in units if u.kind.value == "item").startswith("Govern every generative AI tool")
    assert introduces("The recommendations below reached consensus.")


def test_a_lead_in_never_stops_on_its_heading_s_number_or_frames_a_figure_as_the_items():
    # "The items listed under 2. Methods are:" reads as two sentences, the first cut off
    assert lead("Evaluation study > 2. Methods > Participating hospitals") == (
        "The participating hospitals for Methods are:"
    )
    assert lead("SB 1184 > ARTICLE 29. ARTIFICIAL INTELLIGENCE IN HEALTH CARE FACILITIES > Costs") == (
        "The costs for ARTICLE 29, ARTIFICIAL INTELLIGENCE IN HEALTH CARE FACILITIES are:"
    )
    # a heading stating a figure ("Agreement 95%") names no items: "The agreement 95% for ... is:" said nothing
    assert lead("Consensus statement > 7. Recommendations > Agreement 95%") == (
        "The items listed under Recommendations are:"
    )
    assert lead("Governance > GOVERN 1 > GOVERN 1.5").startswith("The items listed under GOVERN 1.5")
    # a field heading ending on dates is a title, not a figure: it still frames as itself
    assert lead("Board briefing > Ready to scale > Proposed: 4-phase scale-up, Oct 2026 to Dec 2028") == (
        "Under Proposed: 4-phase scale-up, Oct 2026 to Dec 2028:"
    )
