"""Asked for a deadline, the answer quotes the date something is due ("Target date: 31 August 2026",
"no later than ..."), not a date on which something was counted or happened."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.focus import states_limit

from .builders import indexed_settings

REPORT = """# Internal audit report IA-2026-07: clinical algorithms

## Finding 1: the algorithm register is incomplete

The Clinical Algorithm Register listed 61 algorithms at 31 December 2025, and a reconciliation found
a further 17 algorithms in clinical use that had never been registered. The incomplete register was
last reviewed for completeness on 14 March 2024. The accountable owner last updated the register
on 2 February 2026.

Management action: the Chief Medical Information Officer is accountable for fixing the incomplete register:
registering and tiering the 17 algorithms and performing the annual completeness review.

Owner: Chief Medical Information Officer

Target date: 31 August 2026
"""


FAQ = """# Accreditation standard revisions: frequently asked questions

## Comments on the 2025 edition

The accreditor received 1,140 comments on the revisions to its standard, and published its summary
of the comments submitted on 3 March 2025.

## The 2027 revisions

The accreditor expects to propose revisions to the standard for its 2027 edition. A public comment
period on those revisions will be announced later.
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {"audit-report.md": REPORT, "standard-faq.md": FAQ}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("deadline"), docs))


def test_a_deadline_asked_is_answered_with_the_date_due(advisor):
    ans = advisor.ask("Who is accountable for fixing the incomplete algorithm register, and what is the deadline?")
    assert not ans.abstained, ans.answer
    assert "31 August 2026" in ans.answer and "Chief Medical Information Officer" in ans.answer, ans.answer


def test_a_deadline_no_document_sets_is_not_answered_with_a_date_something_happened(advisor):
    ans = advisor.ask("What is the deadline for submitting comments on the accreditor's 2027 revisions?")
    assert "3 March 2025" not in ans.answer, ans.answer


def test_a_target_date_states_a_time_limit_and_a_count_date_does_not():
    assert states_limit("Target date: 31 August 2026") and states_limit("Due date: 1 May 2027")
    assert not states_limit("The Clinical Algorithm Register listed 61 algorithms at 31 December 2025.")
    # the end of a period is when it is done by; a figure after "to" is no date
    assert states_limit("Phase 2 runs from March 2027 to August 2028.") and states_limit(
        "Pilot: January 2026 – June 2026"
    )
    assert not states_limit("Alerts were reduced to 8 per day.") and not states_limit("Released on 3 May 2023.")
