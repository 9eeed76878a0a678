"""A question pointing at a document ("under the bylaws", "the blueprint") is answered from the
document the user added, cited first with its page, even where a bundled guide covers the same
topic; a question naming a bundled guide ("the CHAI Blueprint") is still answered from it."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.docref import read_references, referenced
from advisor.index import Index
from advisor.retrieve import Filters, Retriever
from advisor.settings import Settings

from ..conftest import make_pdf
from .builders import indexed_settings

# Our own words about a fictional hospital. The committee's members are named on page 2 only.
BYLAWS_PAGES = [
    "Larkspur Valley Hospital\nMedical Staff Bylaws\nAdopted by the Board of Directors, 3 March 2026.\n\n"
    "Article 1. Name and purpose. These Bylaws organise the medical staff of Larkspur Valley Hospital "
    "and set out how its committees are formed.",
    "Article 6. Clinical Algorithms Committee.\n\n"
    "Section 6.1 The Clinical Algorithms Committee oversees every clinical algorithm and AI tool used in "
    "patient care at Larkspur Valley Hospital.\n\n"
    "Section 6.2 The Clinical Algorithms Committee consists of the Chief Medical Information Officer, who "
    "chairs it, two hospitalists elected by the medical staff, the Director of Pharmacy, a patient "
    "advocate and the Chief Information Security Officer.\n\n"
    "Section 6.3 Members serve terms of two years and may be reappointed once.",
]

BLUEPRINT_PAGES = [
    "Republic of Calvera - Ministry of Health\nNational Digital Health Blueprint\nEdition 2026\n\n"
    "1. Guiding principles. The blueprint rests on three guiding principles: every resident holds one "
    "lifelong health identifier; records move with the patient between providers; and data leaves a "
    "provider only through the national exchange.",
]


@pytest.fixture
def with_user_documents(corpus_advisor, tmp_path) -> Advisor:
    """The bundled corpus plus a hospital's bylaws and a national blueprint, as a user adds them."""
    folder = tmp_path / "uploads"
    folder.mkdir()
    make_pdf(folder / "larkspur-bylaws.pdf", BYLAWS_PAGES, title="Larkspur Valley Hospital Medical Staff Bylaws")
    make_pdf(folder / "calvera-blueprint.pdf", BLUEPRINT_PAGES, title="National Digital Health Blueprint")
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())


def test_a_question_pointing_at_the_bylaws_cites_them_first_with_their_page(with_user_documents):
    ans = with_user_documents.ask("Who sits on the committee under the bylaws?")
    assert ans.citations, ans.answer
    first = ans.citations[0]
    assert first.source.endswith("larkspur-bylaws.pdf"), ans.answer
    assert first.page == 2
    assert "Director of Pharmacy" in ans.answer


def test_the_blueprint_means_the_users_blueprint_but_the_chai_blueprint_the_bundled_guide(with_user_documents):
    users = with_user_documents.ask("What are the guiding principles of the blueprint?")
    assert users.citations and users.citations[0].source.endswith("calvera-blueprint.pdf"), users.answer
    assert "health identifier" in users.answer
    bundled = with_user_documents.ask("What are the guiding principles of the CHAI Blueprint?")
    assert bundled.citations and bundled.citations[0].source.endswith("chai-blueprint.md"), bundled.answer


# ------------------------------------------------------------------ reading references (fast)


@pytest.mark.parametrize(
    ("question", "noun", "modifiers", "own"),
    [
        ("Who sits on the committee under the bylaws?", "bylaw", set(), False),
        ("Who chairs the board that reviews algorithms under the procurement framework?", "framework", {"procur"}, False),
        ("What does Harbourview's credentialing policy say?", "polici", {"harbourview", "credenti"}, False),
        ("Under our medical staff rules, who approves AI tools?", "rule", {"medic", "staff"}, True),
        ("What does the document I uploaded say about consent?", "document", set(), True),
        ("What does the Playbook want our monitoring plan to include?", "playbook", set(), False),
    ],
)
def test_a_document_reference_is_read_from_the_question(question, noun, modifiers, own):
    refs = read_references(question)
    assert [(r.noun, set(r.modifiers), r.own) for r in refs] == [(noun, modifiers, own)]


@pytest.mark.parametrize(
    "question",
    [
        "What are the guiding principles of health AI?",  # "guiding" is no guide
        "Who sits on the board that reviews algorithms?",  # no document noun
        "Which code systems are used for lab results?",
    ],
)
def test_no_reference_is_read_where_the_question_points_at_no_document(question):
    assert read_references(question) == []


GUIDE = "---\ntitle: Procurement framework guide\n---\n# Procurement framework guide\n\nVendors are reviewed yearly.\n"
RULES = (
    "---\ntitle: Riverbend medical staff rules\n---\n# Riverbend medical staff rules\n\n"
    "## Orders\n\nOrders are signed within 48 hours.\n\n## Consults\n\nConsults are answered within a day.\n\n"
    "## Discharge\n\nDischarge summaries are signed within two days.\n"
)
POLICY = "---\ntitle: Acceptable use policy\n---\n# Acceptable use policy\n\nStaff never paste patient data into chatbots.\n"


def test_a_reference_resolves_to_the_users_documents_whose_name_carries_it(tmp_path):
    s = indexed_settings(tmp_path, {"rules.md": RULES, "policy.md": POLICY, "guide.md": GUIDE})
    r = Retriever(Index(s))
    rules = next(f["source"] for f in r.index.files() if f["source"].endswith("rules.md"))
    policy = next(f["source"] for f in r.index.files() if f["source"].endswith("policy.md"))
    assert referenced("How soon are orders signed under the rules?", r) == (rules,)
    assert referenced("What does our policy say about chatbots?", r) == (policy,)
    assert referenced("How quickly must orders be signed?", r) == ()  # no reference: nothing changes
    assert referenced("What does the handbook say?", r) == ()  # no document answers to it


def test_a_search_restricted_to_sources_returns_only_their_passages(tmp_path):
    s = indexed_settings(tmp_path, {"rules.md": RULES, "policy.md": POLICY, "guide.md": GUIDE})
    r = Retriever(Index(s))
    rules = next(f["source"] for f in r.index.files() if f["source"].endswith("rules.md"))
    assert len(list(r.index.all_chunks())) > 3  # more passages than documents
    hits = r.search("orders chatbots vendors reviewed", k=5, filters=Filters(sources=(rules,))).hits
    assert hits and {h.chunk.source for h in hits} == {rules}
