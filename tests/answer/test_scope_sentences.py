"""A document's scope sentence ("This notice applies to ...") answers who it covers: it is
not set aside as a sentence about the document itself. Its owner line ("Notice owner: ...")
answers who is in charge of it."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.settings import Settings

from ..conftest import make_docx

# Our own words about a fictional regulator's notice.
NOTICE = [
    (
        "About this notice",
        [
            "Issued by the Ostwick Board of Health on 2 February 2027.",
            "Notice owner: Dr. Pellam Ruskin, Director of Digital Care Standards.",
        ],
    ),
    (
        "1. Scope",
        [
            "This notice applies to covered clinics: urgent care centres, walk-in clinics and telehealth "
            "services with more than five prescribers. It covers any AI tool that suggests a triage level."
        ],
    ),
    (
        "2. Duties",
        [
            "A covered clinic must review the triage level an AI tool suggests before the patient is seen, "
            "and must keep a log of every override for two years."
        ],
    ),
]


@pytest.fixture
def notice_advisor(corpus_advisor, tmp_path) -> Advisor:
    folder = tmp_path / "docs"
    folder.mkdir()
    make_docx(folder / "ostwick-notice.docx", "Ostwick Board of Health notice on AI triage tools", NOTICE)
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def test_who_is_in_charge_is_answered_by_the_owner_line(notice_advisor):
    ans = notice_advisor.ask("Who is in charge of the Ostwick notice on AI triage tools?")
    assert not ans.abstained, ans.answer
    assert "Pellam Ruskin" in ans.answer.split(" [")[0], ans.answer


def test_who_is_covered_is_answered_by_the_scope_sentence(notice_advisor):
    ans = notice_advisor.ask("Which clinics are covered by Ostwick's notice on AI triage?")
    assert not ans.abstained, ans.answer
    assert "urgent care centres, walk-in clinics and telehealth services" in ans.answer.split(" [")[0], ans.answer
