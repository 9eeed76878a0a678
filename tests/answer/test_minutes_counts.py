"""Minutes name their organization only in the page header and date the meeting once, on top:
a count asked "at <organization>'s meeting in <month year>" is answered from the quorum line,
which names neither; a count the minutes date otherwise is not."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from advisor.answer import Advisor

from .builders import SMALL_GUIDES, indexed_settings


def _minutes(path: Path) -> Path:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Tarnwick General Hospital — Digital Ethics Board — Internal"
    d.add_heading("Digital Ethics Board — Minutes of the Regular Meeting", level=0)
    d.add_paragraph("Date: Tuesday, 13 October 2026, 14:00–15:45. Chair: Dr. Elsa Brandvold, Chief Medical Officer.")
    d.add_heading("Attendance", level=1)
    d.add_paragraph("Quorum: 6 of 8 voting members present; quorum (5) confirmed by the Chair at 14:05.")
    d.add_heading("1. Discharge summary drafting tool", level=1)
    d.add_paragraph("The board approved a pilot of the discharge summary drafting tool on two medical wards.")
    d.add_paragraph("Motion: Approve the drafting tool pilot on wards 4A and 4B for ninety days.")
    d.add_paragraph("Moved by Dr. Kofi Mensah-Larbi; seconded by R. Ellingsworth. Carried 6–0.")
    d.add_heading("3. Radiology worklist triage", level=1)
    d.add_paragraph("Staff reported that the triage tool reorders chest CT studies without showing why.")
    d.add_paragraph("Motion: Suspend worklist triage for chest CT until the vendor explains its ordering.")
    d.add_paragraph("Moved by J. Okonjo-Price; seconded by Dr. Vera Lindqvist. Carried 5–1.")
    d.add_heading("2. Annual review", level=1)
    d.add_paragraph("In 2025 the board reviewed 14 AI tools, and it rejected 3 of them.")
    d.save(str(path))
    return path


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("minutes"), SMALL_GUIDES, {"board-minutes.docx": _minutes}))


def test_a_count_at_the_named_meeting_is_answered_from_the_quorum_line(advisor):
    ans = advisor.ask("How many voting members attended the Tarnwick ethics board meeting in October 2026?")
    assert not ans.abstained and "6 of 8" in ans.answer, ans.answer


def test_a_count_the_minutes_date_otherwise_is_not_given_for_the_year_asked(advisor):
    ans = advisor.ask("How many AI tools did the Tarnwick ethics board review in 2024?")
    assert ans.abstained and "14 AI tools" not in ans.answer, ans.answer


def test_who_proposed_and_backed_a_motion_is_answered_from_its_moved_by_line(advisor):
    ans = advisor.ask("Who proposed halting the chest CT worklist triage, and who backed the proposal?")
    assert not ans.abstained and "Okonjo-Price" in ans.answer and "Lindqvist" in ans.answer, ans.answer
    assert "Mensah-Larbi" not in ans.answer, ans.answer  # the other motion's mover
