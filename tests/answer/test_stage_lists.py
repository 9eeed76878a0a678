"""A procedure numbered in two levels whose levels were lost (Word renders "3. Review." then
"1. The panel ..." again from 1): each step is quoted under its own stage, never under the
sentence printed before the list, and a stage's bare title is quoted only when the stages
themselves are asked for. A question framed "what are we supposed to do" is answered, not
declined for the word "supposed"."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.quotable import read_units
from advisor.chunk import Chunk, DocType
from advisor.settings import Settings

from ..conftest import make_docx

# Our own words about a fictional clinic's procedure.
STEPS = [
    "Every change to a radiology AI tool at Fernhollow Clinic passes through the stages below.",
    "1. Request.",
    "1. The radiologist in charge files a change request with the Imaging Informatics Office.",
    "2. The Imaging Informatics Office answers each change request within five working days.",
    "2. Shadow testing.",
    "1. The changed tool runs in shadow mode on Fernhollow studies for at least six weeks.",
    "Shadow results are compared with the radiologists' own reads by the quality physicist.",
    "3. Release.",
    "1. The Imaging Safety Panel approves the release and the clinical director signs the release note.",
    "2. Technologists complete a ten-minute briefing before the release date.",
]


def test_steps_hang_from_their_stage_and_titles_are_not_items():
    text = "\n\n".join(STEPS)
    chunk = Chunk("c1", text, "fernhollow.docx", "Change procedure", "2. Stages", doc_type=DocType.USER)
    units = {u.text: u for u in read_units(chunk)}
    signs = units["The Imaging Safety Panel approves the release and the clinical director signs the release note."]
    assert signs.ok and signs.lead is not None and signs.lead.text == "Under 3. Release:"
    assert not units["Release."].ok and not units["Shadow testing."].ok
    assert units["Shadow testing."].lead.text.startswith("Every change to a radiology AI tool")
    # the sentence printed between two stages introduces nothing
    briefing = units["Technologists complete a ten-minute briefing before the release date."]
    assert briefing.lead is not None and "Shadow results" not in briefing.lead.text


@pytest.fixture
def procedure_advisor(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "docs"
    folder.mkdir()
    faq = [
        "Q: What should staff do if a patient objects to an AI tool being used?",
        "Offer a route that does not use the tool where one is reasonably available and record the objection "
        "in the patient's chart.",
    ]
    make_docx(
        folder / "fernhollow-change.docx",
        "Fernhollow Clinic radiology AI change procedure",
        [("Stages", STEPS), ("Patient objections", faq)],
    )
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def test_a_step_is_quoted_under_its_stage(procedure_advisor):
    ans = procedure_advisor.ask("At Fernhollow, who signs off the release of a changed radiology AI tool?")
    assert not ans.abstained, ans.answer
    assert "Imaging Safety Panel approves the release" in ans.answer
    assert "- Request [" not in ans.answer and "- Shadow testing [" not in ans.answer, ans.answer


def test_supposed_to_do_is_asked_as_a_duty(procedure_advisor):
    ans = procedure_advisor.ask(
        "A Fernhollow patient says they don't want AI used on their scan. What are we supposed to do?"
    )
    assert not ans.abstained, ans.answer
    assert "record the objection" in ans.answer
