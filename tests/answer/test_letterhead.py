"""A letter's letterhead or address block, read as one sentence because it ends on "Tel." or a
stop ("Office of Clinical Technology Oversight Division of ... Port Alder, WM 98021 - Tel."), is
where to write to, not a fact: quoted only when the question asks whom to contact."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.letterhead import letterhead
from advisor.answer.quotable import read_units
from advisor.chunk import Chunk

from .builders import indexed_settings

LETTERHEAD = "Office of Clinical Technology Oversight Division of Health Care Facility Quality [ADDRESS] - Port Alder, WM 98021 - Tel."
LETTER = f"""# Department of Public Health: adverse event OCTO-2025-0417

{LETTERHEAD} [PHONE]

Brackenridge Valley Medical Center, 1200 Ferncastle Road, Millbrook Falls, WM 98307.

## Request for information

The Office of Clinical Technology Oversight acknowledges the adverse event report on the delayed sepsis alert.
The Office requests that the Facility submit a root cause analysis of the sepsis alert event and a corrective
action plan no later than April 2, 2025.
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("letter"), {"octo-letter.md": LETTER}))


def test_letterhead_and_address_block_are_contact_lines_not_facts():
    text = f"{LETTERHEAD} [PHONE]\n\nBrackenridge Valley Medical Center, 1200 Ferncastle Road, Millbrook Falls, WM 98307.\n\n"
    text += "The Office's staff may be reached by phone at the number on the letterhead."
    units = {u.text.split()[0]: u for u in read_units(Chunk("c1", text, "letter.pdf", "Letter", "Letter"))}
    assert not units["Office"].ok and units["Office"].contact
    assert not units["Brackenridge"].ok and units["Brackenridge"].contact
    assert units["The"].ok  # a sentence with a verb that mentions a phone is a fact


def test_a_question_about_the_letter_is_not_answered_with_its_letterhead(advisor):
    ans = advisor.ask("Which office wrote about the sepsis alert event, and what did it ask the facility to submit?")
    assert not ans.abstained, ans.answer
    assert "root cause analysis" in ans.answer, ans.answer
    assert "98021" not in ans.answer and "Tel" not in ans.answer and "98307" not in ans.answer, ans.answer


@pytest.mark.parametrize(
    ("line", "is_letterhead"),
    [
        ("Brackenridge Valley Medical Center, 1200 Ferncastle Road, Millbrook Falls, WM 98307.", True),
        ("Privacy Office, PO Box 4410, Springfield, IL 62701.", True),
        ("Clinical Software Desk - Orrin Valley Health Authority - Tel. (555) 010-4400.", True),
        # a sentence with a verb states a fact even where it names an address or a phone
        ("Call the Clinical AI Safety Desk on Tel. 555-0100 within 24 hours.", False),
        ("The vendor is based in Austin, TX 78701 and must report within 72 hours.", False),
        ("Phone and fax numbers are never stored in the register.", False),
        # capitalised words without an address are a heading's business, not this rule's
        ("Office of Clinical Technology Oversight Annual Report.", False),
    ],
)
def test_what_counts_as_a_letterhead(line, is_letterhead):
    assert letterhead(line) is is_letterhead
