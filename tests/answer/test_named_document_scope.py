"""A name only the user's own document uses ("Harrowgate") says where the answer is: its passages
compete even when the question's words are far from the document's and a bundled guide shares
more of them. A question setting a condition ("what must we do if ...") is answered by the
sentence stating the duty under that condition."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.docref import documents_naming, without_names
from advisor.answer.lookup import search_guidance

from .builders import SMALL_GUIDES, indexed_settings

GUIDE = (
    "---\ntitle: Clinician disagreement with algorithms\nframework: test-guide\n---\n"
    "# Clinician disagreement with algorithms\n\n"
    "## When a doctor disagrees with an algorithm\n\n"
    "A doctor who disagrees with what an algorithm suggests should be able to say so quickly. "
    "Disagreement between doctors and algorithms is a useful signal for the model's owner. "
    "Health systems should review how often doctors disagree with each algorithm and why. "
    "Written feedback on algorithm suggestions helps vendors improve their models.\n"
)

RULES = """<html><head><title>rules.html</title></head><body><main>
<h1>Harrowgate Infirmary Medical Staff Rules, Part XI: Decision Support Software</h1>
<h2>Article 1 Scope</h2>
<p>1.1 This Part applies to every member of the medical staff, every resident and every advanced practice
provider when decision support software contributes to a patient's care.</p>
<h2>Article 2 Oversight</h2>
<p>2.1 The Software Oversight Panel approves each tool before its first clinical use.</p>
<p>2.2 The Panel meets every month and keeps the register of approved tools.</p>
<h2>Article 3 Use</h2>
<p>3.1 A practitioner may use only tools on the register, in the units the register names.</p>
<p>3.2 Where the output of a decision support tool conflicts with the practitioner's clinical judgement, the
practitioner's judgement prevails, and the override is entered in the chart within 24 hours.</p>
<p>3.3 Drafts produced by documentation tools are read and corrected before they are signed.</p>
<h2>Article 4 Monitoring</h2>
<p>4.1 Each tool has a baseline sensitivity measured on the infirmary's own patients before go-live.</p>
<p>4.2 Where measured sensitivity falls more than eight points below that baseline, the Panel must suspend the
tool within three working days and tell the Medical Director.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "disagreement.md": GUIDE, "rules.html": RULES}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("scope"), docs))


def test_a_name_only_the_rule_book_uses_scopes_a_search_to_it(advisor):
    named = documents_naming("At Harrowgate, whose decision stands when a doctor disagrees?", advisor.retriever)
    assert [n.rsplit("/", 1)[-1] for n in named] == ["rules.html"]
    # a name no document uses says nothing about where to look
    assert documents_naming("What does Quorvane say about drift?", advisor.retriever) == ()


def test_inside_the_named_document_the_name_is_left_out(advisor):
    # every passage of the rule book carries "Harrowgate": within it, the rest of the question tells them apart
    asked = "What does the Harrowgate rule book say about overrides?"
    assert without_names(asked, advisor.retriever) == "What does the rule book say about overrides?"
    # a name no document uses stays, and so does a question that would be left under three words
    assert (
        without_names("What does Quorvane say about drift?", advisor.retriever) == "What does Quorvane say about drift?"
    )
    assert without_names("Harrowgate overrides?", advisor.retriever) == "Harrowgate overrides?"


def test_the_named_documents_passage_is_searched_whatever_the_words(advisor):
    found = search_guidance(
        advisor.retriever,
        "At Harrowgate, when a doctor disagrees with what the algorithm suggests, whose decision stands?",
        k=3,
        org=None,
        user_documents=True,
    )
    assert any("judgement prevails" in h.chunk.text for h in found.hits)


def test_a_condition_asked_is_answered_by_the_duty_under_it(advisor):
    ans = advisor.ask("What do we have to do if a tool's sensitivity drops well below its baseline?")
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("Where measured sensitivity falls"), ans.answer
