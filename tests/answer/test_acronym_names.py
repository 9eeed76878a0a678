"""A body named in full once and by its acronym after ("the AI Review Board (AIRB)"): a count
the acronym's sentence states answers a question naming the body in full."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import SMALL_GUIDES, indexed_settings

RULES = (
    "---\ntitle: Pellham Clinics rules on AI-drafted notes\n---\n# Pellham Clinics rules on AI-drafted notes\n\n"
    "## Oversight\n\nThe AI Review Board (AIRB) is a standing committee of the medical staff. It has seven "
    "voting members.\n\n"
    "## Audit\n\nEach quarter the AIRB audits a random sample of 25 AI-drafted notes from every clinical "
    "department and reports what it finds to the medical staff.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("acronyms"), {**SMALL_GUIDES, "rules.md": RULES}))


def test_a_count_stated_under_the_acronym_answers_the_full_name(advisor):
    ans = advisor.ask("How many AI-drafted notes does the AI Review Board audit per department each quarter?")
    assert not ans.abstained, ans.answer
    assert "25" in ans.answer
