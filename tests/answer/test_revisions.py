"""What a date or rule was before it changed: a statute's amendment note ("by striking out '31
March 2027' and substituting '30 June 2027'") or a status line ("go-live moved from Dec 2026 to Mar
2027") answers "what was the original deadline?", and is quoted whole."""

from __future__ import annotations

from advisor.answer import Advisor
from advisor.answer.cues import asks_earlier, states_revision
from advisor.text import sentence_spans

from .builders import indexed_settings

REGULATION = (
    "---\ntitle: Orrin Health Facilities AI Regulation, 2026\n---\n# Orrin Health Facilities AI Regulation, 2026\n\n"
    "## 9. Pre-deployment assessment\n\n"
    "(1) Before deploying a high-impact AI system, an operator shall complete a local validation, a bias review "
    "and a privacy impact assessment.\n\n"
    "## 14. Material changes\n\n"
    "Before putting back into use a high-impact system that has undergone a material change, the operator shall "
    "repeat the local validation and update the monitoring plan.\n\n"
    "## 22. Systems deployed before commencement\n\n"
    "(1) An operator shall enter every AI system deployed before 1 July 2026 in its inventory by 31 December 2026.\n\n"
    "(2) The operator shall complete the pre-deployment assessment under section 9 for a high-impact system "
    "deployed before 1 July 2026 by 30 June 2027, and may continue to use the system in the meantime.\n\n"
    "Subsection 22(2) amended by O.R. 153/26, s. 8, by striking out \u201c31 March 2027\u201d and substituting "
    "\u201c30 June 2027\u201d.\n"
)


def test_a_statutes_section_abbreviation_before_its_number_ends_no_sentence():
    text = "Subsection 22(2) amended by O.R. 153/26, s. 8, by striking out the date. Sections 13 and 15 apply."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Subsection 22(2) amended by O.R. 153/26, s. 8, by striking out the date.",
        "Sections 13 and 15 apply.",
    ]
    decade = "Adoption grew in the 2010s. 15 hospitals now use it."  # a plural's "s." is no abbreviation
    assert [decade[a:b] for a, b in sentence_spans(decade)] == [
        "Adoption grew in the 2010s.",
        "15 hospitals now use it.",
    ]


def test_asking_what_was_there_before_a_change_is_told_from_asking_the_date():
    assert asks_earlier("What was the original deadline?")
    assert asks_earlier("When is it expected to go live, and what was the earlier target date?")
    assert not asks_earlier("Is the vendor's notice given earlier than 30 days?")
    assert not asks_earlier("What is the deadline for the assessment?")
    assert states_revision("Recalibrated go-live moved from Dec 2026 to Mar 2027.")
    assert states_revision("Subsection 22(2) amended by striking out 31 March 2027 and substituting 30 June 2027.")
    assert not states_revision("The recalibrated model goes live in March 2027.")


def test_the_original_deadline_is_answered_by_the_amendment_note_quoted_whole(tmp_path):
    adv = Advisor(indexed_settings(tmp_path, {"orrin-regulation.md": REGULATION}))
    ans = adv.ask(
        "For systems deployed before the regulation started, what is the deadline to complete the "
        "pre-deployment assessment for high-impact ones, and what was the original deadline?"
    )
    assert not ans.abstained, ans.answer
    assert "30 June 2027" in ans.answer and "31 March 2027" in ans.answer, ans.answer
    assert "Subsection 22(2) amended by O.R. 153/26, s. 8, by striking out" in ans.answer, ans.answer


PAYER = (
    "---\ntitle: Harrowby Health Plan Policy UM-12\n---\n# Policy UM-12: Prior authorization algorithms\n\n"
    "## D.3 Auto-approval and routing\n\n"
    "Each request scored by an algorithm is handled according to the table below. A request is auto-approved "
    "only when every condition in the first row is met.\n\n"
    "| Algorithm result | Handling | Who decides |\n|---|---|---|\n"
    "| Confidence score of 0.91 or higher, all criteria met from structured data, and the provider is in network "
    "| Auto-approved | System (no denial possible) |\n"
    "| Confidence score of 0.60 to 0.909 | Routed to the nurse queue | Registered nurse reviewer |\n"
    "| Confidence score below 0.60 | Routed to the physician queue | Physician reviewer |\n\n"
    "A nurse reviewer may approve a routed request but may not deny one.\n\n"
    "## D.4 Decision timeframes\n\n"
    "Requests received by fax are not eligible for auto-approval. Standard requests are decided within 7 days.\n"
)


def test_a_sentence_pointing_at_the_table_below_is_answered_with_the_tables_rows(tmp_path):
    adv = Advisor(indexed_settings(tmp_path, {"harrowby-um12.md": PAYER}))
    ans = adv.ask("What has to be true for a prior authorization request to be auto-approved by the algorithm?")
    assert not ans.abstained, ans.answer
    assert "0.91 or higher" in ans.answer, ans.answer  # the first row the pointer means, not only the pointer
