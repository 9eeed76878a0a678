"""A question pointing at a document ("under the bylaws", "the blueprint") is answered from the
document the user added, cited first with its page, even where a bundled guide covers the same
topic; a question naming a bundled guide ("the CHAI Blueprint") is still answered from it."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer import Advisor
from advisor.answer.docref import (
    Pointing,
    pointing,
    prefer_pointed,
    read_references,
    referenced,
    without_references,
)
from advisor.answer.quotable import Unit, UnitKind
from advisor.answer.selection import Candidate
from advisor.chunk import Chunk, DocType
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
    "Guiding principles\n\nThe blueprint rests on three guiding principles: every resident holds one "
    "lifelong health identifier; records move with the patient between providers; and data leaves a "
    "provider only through the national exchange.",
    "Exchange standards\n\nLaboratory results travel between providers as observations coded in LOINC. "
    "Diagnoses are recorded with ICD-11 codes, and medicines with the national medicines catalogue. "
    "Messages between providers use HL7 FHIR R4.",
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


def test_our_blueprint_means_the_users_blueprint_and_the_chai_blueprint_the_bundled_guide(with_user_documents):
    # a bundled coding guide speaks about diagnosis codes too: the question points at the blueprint
    users = with_user_documents.ask("What does our blueprint say about coding diagnoses?")
    assert users.citations, users.answer
    first = users.citations[0]
    assert first.source.endswith("calvera-blueprint.pdf") and first.page == 2, users.answer
    assert "ICD-11" in users.answer
    bundled = with_user_documents.ask("What are the guiding principles of the CHAI Blueprint?")
    assert bundled.citations and bundled.citations[0].source.startswith("corpus/guidance/"), bundled.answer
    assert "health identifier" not in bundled.answer


# ------------------------------------------------------------------ reading references (fast)


@pytest.mark.parametrize(
    ("question", "noun", "modifiers", "own"),
    [
        ("Who sits on the committee under the bylaws?", "bylaw", set(), False),
        (
            "Who chairs the board that reviews algorithms under the procurement framework?",
            "framework",
            {"procur"},
            False,
        ),
        ("What does Harbourview's credentialing policy say?", "polici", {"harbourview", "credenti"}, False),
        ("Under our medical staff rules, who approves AI tools?", "rule", {"medic", "staff"}, True),
        ("What does the document I uploaded say about consent?", "document", set(), True),
        ("What does the Playbook want our monitoring plan to include?", "playbook", set(), False),
        # a deck or a questionnaire is a document too, named by up to five words before its noun
        (
            "Per the Harrowgate Valley Health System board briefing, when does the rollout start?",
            "brief",
            {"harrowg", "valley", "health", "system", "board"},
            False,
        ),
        ("What does the supplier questionnaire say about uptime?", "questionnair", {"supplier"}, False),
        # after "this", a study or a report is the document itself
        ("Who funded this study?", "studi", set(), False),
        ("In this report, when is an alert counted as overridden?", "report", set(), False),
        # a society's consensus statement, as a journal prints it
        (
            "What does the Corvell consensus statement advise about interpreters?",
            "statement",
            {"corvel", "consensus"},
            False,
        ),
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
        # a document noun naming a body of people: "standards committee", "policy team"
        "Who chairs the technical standards committee, and how often does it meet?",
        "Who sits on the policy team?",
        # "that notice" is the notice the question asked about, not a document called a notice
        "How much advance notice must the vendor give, and what must that notice contain?",
        # after "the", a study or a report is a thing the document describes
        "What did the silent-mode study find about word error rates?",
        "How quickly must the incident report be filed?",
    ],
)
def test_no_reference_is_read_where_the_question_points_at_no_document(question):
    assert read_references(question) == []


def test_a_document_noun_before_a_verb_still_points_at_the_document():
    assert [r.phrase for r in read_references("Does the policy require board approval?")] == ["the policy"]
    assert [r.phrase for r in read_references("What does that policy say about scribes?")] == ["that policy"]


GUIDE = "---\ntitle: Procurement framework guide\n---\n# Procurement framework guide\n\nVendors are reviewed yearly.\n"
RULES = (
    "---\ntitle: Riverbend medical staff rules\n---\n# Riverbend medical staff rules\n\n"
    "## Orders\n\nOrders are signed within 48 hours.\n\n## Consults\n\nConsults are answered within a day.\n\n"
    "## Discharge\n\nDischarge summaries are signed within two days.\n"
)
POLICY = (
    "---\ntitle: Acceptable use policy\n---\n# Acceptable use policy\n\nStaff never paste patient data into chatbots.\n"
)


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


def test_the_pointed_search_reads_the_question_without_its_reference():
    assert without_references("Who sits on the committee under the bylaws?") == "Who sits on the committee?"
    assert without_references("Under our medical staff rules, who approves AI tools?") == "who approves AI tools?"
    assert without_references("How quickly must orders be signed?") == "How quickly must orders be signed?"


def _cand(text: str, source: str, doc_type: DocType, score: float) -> Candidate:
    chunk = Chunk(chunk_id=f"{source}-{score}", source=source, title="T", section="S", text=text, doc_type=doc_type)
    c = Candidate(Unit(text, chunk, 0, kind=UnitKind.SENTENCE), 1, vec=np.ones(2, dtype=np.float32) / np.sqrt(2))
    c.score = score
    return c


def _lead(cands: list[Candidate]) -> str:
    return max(cands, key=lambda c: c.score).chunk.source


def test_the_users_document_leads_when_it_answers_nearly_as_well_as_a_bundled_guide():
    guide = _cand(
        "A governance committee typically includes clinical and legal members.", "guide.md", DocType.GUIDANCE, 0.70
    )
    own = _cand(
        "The committee consists of the CMIO, two hospitalists and a patient advocate.", "bylaws.pdf", DocType.USER, 0.66
    )
    prefer_pointed([guide, own], Pointing())
    assert _lead([guide, own]) == "bylaws.pdf"


def test_a_much_weaker_user_passage_does_not_displace_the_guide():
    guide = _cand(
        "A governance committee typically includes clinical and legal members.", "guide.md", DocType.GUIDANCE, 0.70
    )
    own = _cand("Parking permits are renewed every January.", "bylaws.pdf", DocType.USER, 0.40)
    prefer_pointed([guide, own], Pointing())
    assert _lead([guide, own]) == "guide.md"


def test_a_question_naming_a_bundled_guide_keeps_the_guide_first():
    guide = _cand("The CHAI Blueprint sets out seven principles.", "chai-blueprint.md", DocType.GUIDANCE, 0.70)
    own = _cand("The blueprint rests on three guiding principles.", "blueprint.pdf", DocType.USER, 0.68)
    refs = tuple(read_references("What are the guiding principles of the CHAI Blueprint?"))
    prefer_pointed([guide, own], Pointing(refs, frozenset()))  # the reference named no document of the user's
    assert _lead([guide, own]) == "chai-blueprint.md"


def test_the_document_pointed_at_outranks_a_slightly_better_guide():
    guide = _cand("Committees usually meet monthly.", "guide.md", DocType.GUIDANCE, 0.70)
    own = _cand("The Committee meets monthly.", "bylaws.pdf", DocType.USER, 0.62)
    other = _cand("The council meets weekly.", "rules.pdf", DocType.USER, 0.69)
    refs = tuple(read_references("How often does the committee meet under the bylaws?"))
    prefer_pointed([guide, own, other], Pointing(refs, frozenset({"bylaws.pdf"})))
    assert _lead([guide, own, other]) == "bylaws.pdf"


def test_an_answer_the_users_document_gives_in_full_is_not_padded_with_bundled_guidance(with_user_documents):
    ans = with_user_documents.ask("How long do members of the Clinical Algorithms Committee serve, and who chairs it?")
    assert "two years" in ans.answer and "Chief Medical Information Officer" in ans.answer, ans.answer
    # the bundled guides on committee chairs and terms say nothing the bylaws have not said
    assert {c.source.rsplit("/", 1)[-1] for c in ans.citations} == {"larkspur-bylaws.pdf"}, ans.answer


# Our own words: a board's slide deck, a policy and a journal article of one fictional hospital,
# none of whose titles uses the word a question calls it by ("the deck", "the presentation").
DECK = (
    "---\ntitle: Harrowgate AI Readiness Board Briefing\n---\n# Harrowgate AI Readiness Board Briefing\n\n"
    "## Risk tiers\n\nTier 1 covers high-risk tools: those acting on care with no clinician sign-off.\n"
)
TIERS_POLICY = (
    "---\ntitle: Harrowgate clinical AI policy\n---\n# Harrowgate clinical AI policy\n\n"
    "## Risk tiers\n\nA tool is high risk when its output informs a diagnosis or a treatment decision.\n\n"
    "## Scope\n\nThe policy covers every AI tool used by Harrowgate staff.\n"
)
ARTICLE = (
    "---\ntitle: Evaluation of a deterioration model at Harrowgate\n---\n# Evaluation of a deterioration model\n\n"
    "## Funding\n\nThe work was funded by the Elmfield Trust, which had no role in the analysis.\n"
)


def test_a_kind_of_document_no_title_names_is_found_by_the_words_its_titles_use(tmp_path):
    s = indexed_settings(tmp_path, {"deck.md": DECK, "policy.md": TIERS_POLICY, "article.md": ARTICLE})
    r = Retriever(Index(s))
    source = {
        name: next(f["source"] for f in r.index.files() if f["source"].endswith(name))
        for name in ("deck.md", "policy.md", "article.md")
    }
    assert referenced("What makes a tool high risk under the deck's risk tiers?", r) == (source["deck.md"],)
    # "this study" is the article ("Evaluation of ..."); "the MVO performance study" a part of a document
    assert referenced("Who funded this study?", r) == (source["article.md"],)
    assert referenced("Who funded the MVO performance study?", r) == ()
    # a document carrying the noun itself is the one meant: its aliases are not tried
    assert referenced("What does the policy call high risk?", r) == (source["policy.md"],)
    # a document noun qualifying another ("the bill rate", "the policy template") names no document
    assert read_references("What is the bill rate for the scribe vendor?") == []
    assert read_references("Where is the policy template kept?") == []


def test_a_question_calling_a_briefing_the_deck_is_answered_from_it(tmp_path):
    adv = Advisor(indexed_settings(tmp_path, {"deck.md": DECK, "policy.md": TIERS_POLICY, "article.md": ARTICLE}))
    ans = adv.ask("Which tools count as high risk in the presentation?")
    assert not ans.abstained, ans.answer
    assert ans.citations[0].source.endswith("deck.md"), ans.answer
    assert "no clinician sign-off" in ans.answer, ans.answer


def test_a_question_naming_the_deck_exactly_is_answered_from_the_deck_alone(tmp_path):
    privacy = (
        "---\ntitle: Harrowgate privacy policy\n---\n# Harrowgate privacy policy\n\n## Scope\n\nIt covers records.\n"
    )
    docs = {"deck.md": DECK, "policy.md": TIERS_POLICY, "article.md": ARTICLE, "privacy.md": privacy}
    s = indexed_settings(tmp_path, docs)
    r = Retriever(Index(s))
    assert pointing("What makes a tool high risk under the deck's risk tiers?", r).exact
    assert pointing("What makes a tool high risk under the clinical AI policy?", r).exact
    # "the policy" names two documents: it may be what a third one (an audit) is about
    two = pointing("What does the policy say about risk tiers?", r)
    assert len(two.sources) == 2 and not two.exact
    # the noun alone names the policy, not its modifier: no exact reference ("the IHE IT
    # Infrastructure framework" is no user's "Assurance Framework")
    loose = pointing("What does the infrastructure policy say about risk tiers?", r)
    assert loose.sources and not loose.exact
    ans = Advisor(s).ask("What makes a tool high risk under the deck's risk tiers?")
    assert not ans.abstained, ans.answer
    assert "no clinician sign-off" in ans.answer, ans.answer
    # the policy's own definition of high risk scores well too, but it is not the deck's
    assert {c.source.rsplit("/", 1)[-1] for c in ans.citations} == {"deck.md"}, ans.answer


def test_every_passage_of_a_document_named_exactly_outranks_any_other_documents_when_it_answers():
    policy = _cand("Tier 3 - High | Influences diagnosis or treatment decisions", "policy.docx", DocType.USER, 0.64)
    deck_item = _cand("Approves go-live of high-risk tools", "deck.pdf", DocType.USER, 0.48)
    deck_row = _cand("Risk tier - high | Can directly change a care decision", "deck.pdf", DocType.USER, 0.40)
    refs = tuple(read_references("What makes an AI tool high-risk under the deck's risk tiers?"))
    cands = [policy, deck_item, deck_row]

    def ranked(scores: tuple[float, float, float], at: Pointing, only: bool) -> bool:
        for c, sc in zip(cands, scores, strict=True):
            c.score = sc
        prefer_pointed(cands, at, only=only)
        return min(deck_item.score, deck_row.score) > policy.score

    exact = Pointing(refs, frozenset({"deck.pdf"}), exact=True)
    assert ranked((0.64, 0.48, 0.40), exact, only=True)
    assert not ranked((0.64, 0.48, 0.40), exact, only=False)  # comparing: the other side keeps its place
    assert not ranked((0.64, 0.48, 0.40), Pointing(refs, frozenset({"deck.pdf"})), only=True)  # not exact
    assert not ranked((0.64, 0.30, 0.20), exact, only=True)  # the deck says little about it: ranking stands
