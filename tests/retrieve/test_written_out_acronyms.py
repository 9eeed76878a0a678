"""A guideline spells a role out once ("Clinical Safety Officer (CSO)") and then writes only "the
CSO": a question writing the words out in full finds the passages using the letters, in the
keyword search too, and an answer quotes them, unless other documents write the words out
(fictional guideline, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.retrieve import _abbreviations

from ..answer.builders import SMALL_GUIDES, indexed_settings

GUIDELINE = """<html><head><title>Pellworth Health Board guideline on clinical AI roles</title></head><body><main>
<h1>Pellworth Health Board guideline on clinical AI roles</h1>
<h2>1 Roles</h2>
<p>Each tool has a Clinical Safety Officer (CSO), a registered clinician trained in clinical risk management,
and a Responsible Clinician for AI (RCAI), who holds day-to-day responsibility for the tool's safe use.</p>
<h2>2 Hazard log</h2>
<p>The hazard log lists every hazard the tool could cause, with its likelihood, severity and controls.</p>
<h2>3 Keeping the assessment independent</h2>
<p>The CSO for a tool must never also be its RCAI: one person may not both run a tool day to day and sign
the assessment of its hazards. A board with a single qualified person asks a neighbouring board for a CSO.</p>
<h2>4 Training</h2>
<p>The CSO completes refresher training in clinical risk management every three years.</p>
</main></body></html>
"""

#: A guide on the same roles in other words (it never names a clinical safety officer), which
#: says nothing of who may hold both.
GUIDE = (
    "---\ntitle: Clinical AI roles guide\nframework: test-guide\n---\n# Clinical AI roles guide\n\n"
    "## The safety lead\n\nA safety lead is a senior clinician who reviews the safety case for a clinical AI "
    "tool and signs it off before the tool is used for patient care.\n\n"
    "## Senior clinicians and AI tools\n\nA senior clinician accountable for an AI tool should understand the "
    "clinical pathway in which it is used and act as the first point of contact for its users.\n\n"
    "## Training the safety lead\n\nThe safety lead for an AI tool completes training in clinical risk "
    "management and keeps it current.\n\n"
    "## The same tool at several sites\n\nWhen the same AI tool is used at several sites, each site names a "
    "senior clinician as its day to day contact for the tool.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "roles-guide.md": GUIDE, "pellworth-roles.html": GUIDELINE}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("written-out"), docs))


QUESTION = (
    "Can the senior clinician who is responsible for an AI tool day to day also act as the clinical safety "
    "officer for that same tool?"
)


def test_words_written_out_in_full_are_searched_with_the_letters_the_documents_use(advisor):
    assert advisor.retriever.expand(QUESTION).endswith("(CSO)")
    hits = advisor.retriever.search(QUESTION, k=4).hits
    assert any("must never also be its RCAI" in h.chunk.text for h in hits), [h.chunk.section for h in hits]


def test_the_answer_quotes_the_rule_written_with_the_letters(advisor):
    ans = advisor.ask(QUESTION)
    assert not ans.abstained, ans.answer
    assert "must never also be its RCAI" in ans.answer, ans.answer


def test_only_words_one_acronym_spells_out_where_every_document_writing_them_abbreviates_are_shortened():
    by_phrase = {
        "clinical safety officer": frozenset({"cso"}),
        "marrowby valley": frozenset({"mv"}),
        "medical executive committee": frozenset({"mec", "mexc"}),  # two readings: neither
    }
    asked = "Who is the Clinical Safety Officer at Marrowby Valley, and does the medical executive committee agree?"
    assert _abbreviations(asked, by_phrase, lambda words, key: True) == ["cso", "mv"]
    # a guide writing "clinical safety officer" out where one guideline writes "CSO": not shortened
    assert _abbreviations(asked, by_phrase, lambda words, key: key != "cso") == ["mv"]
