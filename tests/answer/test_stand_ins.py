"""A question in the asker's words is answered from a document that says it in its own: acronyms
and their expansions, near-synonyms, and the part of a compound question that asks for a number."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer.asks import Evidence, addressed, read_ask
from advisor.answer.paraphrase import SIMILAR_WORDS, WordMatcher, abbreviated, expands
from advisor.text import tokenize

from ..conftest import make_pdf


@pytest.mark.parametrize(
    "acronym,text,spelled",
    [
        ("EHR", "No model may be switched on in the electronic health record until it is approved.", True),
        ("CPC", "the Credentialing and Privileging Committee meets monthly", True),
        ("ONC", "rules of the Office of the National Coordinator for Health IT", True),
        ("AI", "Every artificial intelligence model is reviewed.", True),
        ("AI", "An important issue is access to imaging.", False),  # two letters: only the usual expansion
        ("EHR", "Every employee has read the policy.", False),
        ("QRB", "The quality board reviews cases.", False),
    ],
)
def test_an_acronym_is_found_spelled_out(acronym, text, spelled):
    assert expands(acronym, text) is spelled


def test_a_passage_acronym_stands_for_the_words_a_question_spells_out():
    got = abbreviated("What does the Quality Review Board decide about incidents?", "The QRB meets monthly.")
    assert set(tokenize("Quality Review Board")) <= got
    assert not set(tokenize("incidents")) & got


def _ev(text: str, section: str = "", lead: str = "") -> Evidence:
    return Evidence(
        text,
        set(tokenize(f"{lead} {text}")),
        set(tokenize(section)),
        set(tokenize(f"{section} {text}")),
        lead=lead,
        passage=f"{section}. {lead} {text}",
    )


def test_an_acronym_the_index_never_saw_is_answered_where_the_passage_spells_it_out():
    known = {t for t in tokenize("credentialing privileging committee review local validation model switched")}
    ask = read_ask(
        "Must the CPC review local validation before a model is switched on?",
        known=lambda t: t in known,
    )
    spelled = _ev(
        "The Credentialing and Privileging Committee must review the local validation before any model is switched on."
    )
    assert addressed(ask, [spelled], min_coverage=0.3, min_focus_coverage=0.5).ok
    silent = _ev("The committee must review the local validation before any model is switched on.")
    verdict = addressed(ask, [silent], min_coverage=0.3, min_focus_coverage=0.5)
    assert not verdict.ok and "CPC" in verdict.reason


def test_the_number_is_looked_for_in_the_part_that_asks_for_it():
    """ "How long ..., and can they ...?" asks the length in its first part: the sentence giving
    the term need not also answer the second part's words."""
    ask = read_ask("How long does a committee chair serve, and can the chair be reappointed indefinitely?")
    term = _ev("The chair serves a three-year term.", section="Committee chair")
    assert addressed(ask, [term], min_coverage=0.3, min_focus_coverage=0.5).ok


def test_a_hyphenated_word_counts_once():
    ask = read_ask("Can an officer be re-elected?")
    assert "re-elected" not in ask.anchors and "re" not in ask.anchors
    assert set(tokenize("elected")) <= set(ask.anchors)


def _fake_words(alike: dict[str, str]):
    """An embedding of single words: a word and the word it stands in for share a direction."""
    dims: dict[str, int] = {}

    def embed(words: list[str]) -> np.ndarray:
        out = np.zeros((len(words), 64), dtype=np.float32)
        for i, w in enumerate(words):
            key = alike.get(w, w)
            out[i, dims.setdefault(key, len(dims) % 64)] = 1.0
        return out

    return embed


def test_a_word_the_passage_says_otherwise_counts_only_with_word_similarity():
    ask = read_ask("What happens to a surgeon whose malpractice cover lapses?")
    item = _ev(
        "the practitioner fails to keep the required liability insurance in force.",
        section="Automatic relinquishment",
        lead="Privileges end automatically when:",
    )
    plain = addressed(ask, [item], min_coverage=0.3, min_focus_coverage=0.5)
    assert not plain.ok and plain.reason == "they are about something else"
    words = WordMatcher(
        _fake_words({"surgeon": "practitioner", "malpractice": "liability", "cover": "insurance", "lapses": "fails"})
    )
    assert addressed(ask, [item], min_coverage=0.3, min_focus_coverage=0.5, words=words).ok


def test_the_bundled_model_tells_stand_ins_from_neighbours(shared_corpus_advisor):
    """The threshold holds on the real model: a synonym stands in, a sibling metric does not."""
    matcher = WordMatcher(shared_corpus_advisor.embedder.embed)
    assert matcher.best(["doctor"], "the practitioner")["doctor"] >= SIMILAR_WORDS
    assert matcher.best(["sensitivity"], "its specificity")["sensitivity"] == 0.0
    assert matcher.best(["fee"], "annual dues")["fee"] == 0.0


POLICY = [
    "Harbor Valley Clinic Credentialing Policy\n\n"
    "Section 4. Lapse of professional liability insurance\n"
    "A practitioner whose professional liability insurance is not kept in force loses all clinical privileges "
    "automatically. The privileges are restored only after the Credentials Office receives proof that the "
    "insurance has been renewed.\n\n"
    "Section 5. Decision support\n"
    "No artificial intelligence model may be activated in the electronic medical record before the Clinical "
    "Algorithms Committee has reviewed the results of its local validation.",
]


@pytest.mark.slow
def test_a_users_policy_answers_questions_asked_in_other_words(corpus_advisor, tmp_path):
    """A CIO asks in their own words; the policy PDF says it in its own: the answer quotes the
    policy instead of declining."""
    pdf = make_pdf(
        tmp_path / "harbor-valley-credentialing.pdf", POLICY, title="Harbor Valley Clinic Credentialing Policy"
    )
    assert corpus_advisor.index_paths([pdf]).ok
    lapse = corpus_advisor.ask("What happens to a surgeon's privileges when their malpractice coverage lapses?")
    assert not lapse.abstained, lapse.answer
    assert "loses all clinical privileges" in lapse.answer
    assert any(c.source.endswith("harbor-valley-credentialing.pdf") for c in lapse.citations)


def test_an_identifier_with_a_hyphen_stays_whole():
    assert "600-1" in read_ask("What is the penalty under NIST AI 600-1?").anchors


def test_a_count_after_the_thing_counted_answers_how_many():
    ask = read_ask("How many peer references does an applicant need?")
    later = _ev("Peer references shall come from at least three practitioners in the same specialty.")
    assert addressed(ask, [later], min_coverage=0.3, min_focus_coverage=0.5).ok
