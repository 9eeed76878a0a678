"""Minutes record a motion's vote on a line of its own ("Result: Carried (9 in favour, 0 against,
1 abstention)"), which names neither the motion nor its subject. Asked how the vote on a motion
went, or who voted against it, the answer quotes that motion's result line, not another
motion's."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from advisor.answer import Advisor

from .builders import SMALL_GUIDES, indexed_settings


def _minutes(path: Path) -> Path:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Harrowfield Medical Center — AI Oversight Committee"
    d.add_heading("AI Oversight Committee — Minutes, 9 September 2026", level=0)
    d.add_heading("1. Welcome and quorum", level=1)
    d.add_paragraph("With eleven voting members present, the Chair confirmed that the meeting was quorate.")
    d.add_heading("4. Deterioration index – recalibration", level=1)
    d.add_paragraph("The Director of Data Science reported that the recalibrated model met every agreed threshold.")
    d.add_paragraph(
        "Motion 2026-09-04: That the recalibrated deterioration index return to live alerting on all medical "
        "wards from 1 October 2026."
    )
    d.add_paragraph("Moved: Chief Nursing Officer. Seconded: Chief Medical Information Officer.")
    d.add_paragraph("Result: Carried (10 in favour, 0 against, 1 abstention – the Chief Medical Officer).")
    d.add_heading("5. Inbox reply drafting pilot", level=1)
    d.add_paragraph("The committee considered the request to pilot AI-drafted replies to patient portal messages.")
    d.add_paragraph("Motion 2026-09-05: That the inbox reply drafting pilot proceed in two primary care clinics.")
    d.add_paragraph("Moved: Director of Primary Care. Seconded: Chief Information Officer.")
    d.add_paragraph("Result: Carried (8 in favour, 3 against – the patient representative and two nurse leaders).")
    d.save(str(path))
    return path


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("votes"), SMALL_GUIDES, {"aioc-minutes.docx": _minutes}))


def test_the_vote_on_a_motion_is_quoted_from_its_result_line(advisor):
    ans = advisor.ask(
        "What was the recorded vote on the motion to put the deterioration index back into live alerting?"
    )
    assert not ans.abstained, ans.answer
    assert "10 in favour, 0 against, 1 abstention" in ans.answer, ans.answer
    assert "8 in favour" not in ans.answer, ans.answer  # the other motion's vote
    # read right after the motion it records the vote of
    motion = ans.answer.find("Motion 2026-09-04")
    assert 0 <= motion < ans.answer.find("Result: Carried (10 in favour"), ans.answer
    between = ans.answer[motion : ans.answer.find("Result: Carried (10 in favour")]
    assert between.count("[") == 1, ans.answer  # no other sentence between them


def test_who_voted_against_a_motion_is_answered_from_its_result_line(advisor):
    ans = advisor.ask("Who voted against the inbox reply drafting pilot?")
    assert not ans.abstained, ans.answer
    assert "the patient representative and two nurse leaders" in ans.answer, ans.answer
    assert "10 in favour" not in ans.answer, ans.answer


def test_voting_members_asks_who_attended_not_how_a_vote_went(advisor):
    ans = advisor.ask("How many voting members attended the Harrowfield AI Oversight Committee meeting?")
    assert not ans.abstained, ans.answer
    assert "eleven voting members" in ans.answer, ans.answer
    assert "in favour" not in ans.answer, ans.answer
