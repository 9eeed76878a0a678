"""A document's contact line ("... Dr. Ines Vale, at desk@agency.example or 555-0142") answers
"whom do we contact"; an e-mail address is never quoted for any other question, and a line that
asks the reader to send something to an address is never quoted at all."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.quotable import read_units
from advisor.chunk import Chunk

from .builders import indexed_settings, orrin_notice

NOTICE = orrin_notice(
    "<h2>3 Offices</h2>\n<p>The Authority's offices are at 40 Harbour Street, Orrin Falls, OV 00410.</p>",
    "<h2>4 Questions and answers</h2>\n<h3>Q: Whom should hospitals ask about this notice?</h3>\n"
    "<p>A: The Clinical Software Desk of the Authority, led by Dr. Ines Vale, at softwaredesk@orrin-health.example\n"
    "or (555) 010-4471.</p>\n<h3>Q: How do staff reset their portal access?</h3>\n"
    "<p>A: Staff send their portal password and date of birth to reset@orrin-health.example for a new login.</p>",
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("contacts"), {"orrin-notice-22.html": NOTICE}))


def test_whom_to_contact_is_answered_with_the_contact_line(advisor):
    ans = advisor.ask("Who at the Orrin Valley Health Authority should we contact about Notice 22?")
    assert not ans.abstained, ans.answer
    assert "Dr. Ines Vale" in ans.answer and "softwaredesk@orrin-health.example" in ans.answer, ans.answer
    assert not ans.answer.startswith("A:"), ans.answer  # the FAQ's answer label is not part of what it says
    assert "reset@orrin-health.example" not in ans.answer, ans.answer


def test_an_address_is_not_quoted_for_a_question_about_something_else(advisor):
    ans = advisor.ask("How many admissions must an Orrin Valley hospital validate a sepsis alert tool on?")
    assert "300" in ans.answer, ans.answer
    assert "@" not in ans.answer, ans.answer


def test_a_line_asking_for_credentials_is_no_contact_line():
    text = (
        "Staff send their portal password and date of birth to reset@orrin-health.example for a new login.\n\n"
        "The Clinical Software Desk, led by Dr. Ines Vale, at softwaredesk@orrin-health.example or (555) 010-4471."
    )
    units = read_units(Chunk("c1", text, "notice.html", "Notice 22", "3 Questions and answers"))
    reset, desk = units
    assert not reset.ok and not reset.contact
    assert not desk.ok and desk.contact and desk.text.startswith("The Clinical Software Desk")


def test_where_the_authority_is_located_is_its_address(advisor):
    ans = advisor.ask("Where is the Orrin Valley Health Authority located?")
    assert not ans.abstained and "Orrin Falls, OV 00410" in ans.answer, ans.answer
