"""A document's scope sentence ("This notice applies to ...") answers who it covers: it is
not set aside as a sentence about the document itself."""

from __future__ import annotations

from advisor.answer import Advisor
from advisor.settings import Settings

from ..conftest import make_docx

# Our own words about a fictional regulator's notice.
NOTICE = [
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


def test_who_is_covered_is_answered_by_the_scope_sentence(corpus_advisor, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    make_docx(folder / "ostwick-notice.docx", "Ostwick Board of Health notice on AI triage tools", NOTICE)
    assert corpus_advisor.index.index_paths([folder]).ok
    ans = Advisor(Settings.from_env()).ask("Which clinics are covered by Ostwick's notice on AI triage?")
    assert not ans.abstained, ans.answer
    assert "urgent care centres, walk-in clinics and telehealth services" in ans.answer.split(" [")[0], ans.answer
