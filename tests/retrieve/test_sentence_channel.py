"""A long passage (a list of suggested actions, a long paragraph) has one vector averaging all
its sentences: a question about one of them is found by that sentence's own vector, which the
index-time screen already stored in the embedding cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.index import Index
from advisor.retrieve import Filters, Retriever
from advisor.retrieve import sentences as sentences_module
from advisor.retrieve.sentences import best_sentences, sentence_matrix
from advisor.safety.injection import screened_sentences
from advisor.settings import Settings

QUERY = "should the testers report to the same managers as the developers who build the models"
ANSWER = "Testers report to the risk managers, independently of the developers who build the models."
OTHER = [
    "Retain the audit logs for seven years in the records archive.",
    "Vendor contracts name a security contact and a breach notice window.",
    "Patients are told when an algorithm informs their care plan.",
    "The inventory lists every deployed algorithm with its owner.",
    "Drift dashboards are reviewed at the monthly quality meeting.",
    "Fairness metrics are computed per race, sex and age band.",
    "Incident tickets are triaged within one business day.",
    "Training data lineage is recorded for each release.",
    "Clinicians can override any recommendation without penalty.",
    "Decommissioned models are archived with their validation reports.",
    "Consent language is reviewed by the ethics board each year.",
    "Network segmentation isolates the inference servers from the internet.",
]
DECOYS = [
    "Managers approve the budget for the models the developers build.",
    "The developers build the models in the sandbox.",
    "Testers write test plans for the models.",
    "Managers report the same figures to the board.",
    "The developers report defects to their managers.",
    "Testers build the test data with the developers.",
]


def _index(tmp_path: Path, hash_model_dir: Path, org: str = "") -> Index:
    """Shared notes, and the long list of actions (one organization's, when `org` is given)."""
    notes, actions = tmp_path / "notes", tmp_path / "actions"
    notes.mkdir()
    actions.mkdir()
    body = " ".join([*OTHER[:6], ANSWER, *OTHER[6:]])
    (actions / "actions.md").write_text(f"# Suggested actions\n\n## Actions\n\n{body}\n", encoding="utf-8")
    for i, text in enumerate(DECOYS):
        (notes / f"note{i}.md").write_text(f"# Note {i}\n\n## Note {i}\n\n{text}\n", encoding="utf-8")
    s = Settings.from_env(
        {
            "ADVISOR_HOME": str(tmp_path / "home"),
            "ADVISOR_EMBED_MODEL": str(hash_model_dir),
            "ADVISOR_CANDIDATES": "20",
            # the sentence channel at the weight measured on the Playbook (it ships off)
            "ADVISOR_SENTENCE_WEIGHT": "2",
        }
    )
    ix = Index(s)
    assert ix.index_paths([notes]).ok
    assert ix.index_paths([actions], org=org).ok
    return ix


def _sources(result) -> list[str]:
    return [Path(h.chunk.source).name for h in result.hits]


@pytest.fixture
def index(tmp_path, hash_model_dir) -> Index:
    return _index(tmp_path, hash_model_dir)


def test_a_passage_whose_one_sentence_answers_ranks_though_its_vector_is_diluted(index):
    got = Retriever(index, parallel=False).search(QUERY, k=3)
    assert "actions.md" in _sources(got)


def test_no_sentence_is_embedded_at_search_time(index):
    embedder = index.embedder
    before = embedder.texts_embedded
    Retriever(index, parallel=False).search(QUERY, k=3)
    assert embedder.texts_embedded == before


def test_a_passage_the_filter_excludes_is_never_returned_by_its_sentences(tmp_path, hash_model_dir):
    ix = _index(tmp_path, hash_model_dir, org="acme")
    r = Retriever(ix, parallel=False)
    assert "actions.md" in _sources(r.search(QUERY, k=3, filters=Filters(org="acme")))
    other = r.search(QUERY, k=10, filters=Filters(org="globex"))
    assert other.hits and "actions.md" not in _sources(other)  # another organization sees only shared notes
    assert "actions.md" not in _sources(r.search(QUERY, k=10))  # nor does a search for no organization
    lex = r.lexical()
    sm = sentence_matrix(ix, lex)
    assert sm is not None
    q = ix.embedder.embed_query(QUERY)
    acme = {cid for cid in lex.ids if lex.chunks([cid])[cid].org == "acme"}
    assert acme and acme.isdisjoint(cid for cid, _ in best_sentences(sm, q, 10, lex, lex.mask(Filters(org="globex"))))


def test_sentences_without_a_cached_vector_are_skipped_and_counted(index):
    r = Retriever(index, parallel=False)
    lex = r.lexical()
    cid = next(cid for cid, c in lex.chunks(lex.ids).items() if Path(c.source).name == "actions.md")
    sentences = screened_sentences(lex.chunks([cid])[cid].text)
    dropped = [s for s in sentences if s != ANSWER][:3]
    cache = index.embed_cache
    keys = [cache._key(s) for s in dropped]
    cache.db.executemany("DELETE FROM vectors WHERE key = ?", [(k,) for k in keys])
    cache._kept.clear()
    sm = sentence_matrix(index, lex)
    assert sm is not None
    assert sm.missing == 3
    assert len(sm.vectors) == sm.sentences - 3


def test_ties_and_order_are_deterministic(index):
    r = Retriever(index, parallel=False)
    first = [(h.chunk.chunk_id, h.score) for h in r.search(QUERY, k=5).hits]
    second = [(h.chunk.chunk_id, h.score) for h in Retriever(index, parallel=False).search(QUERY, k=5).hits]
    assert first == second


def test_the_channel_is_off_above_its_limit(index, monkeypatch):
    monkeypatch.setattr(sentences_module, "SENTENCES_UP_TO", 2)
    r = Retriever(index, parallel=False)
    assert sentence_matrix(index, r.lexical()) is None
    r.search(QUERY, k=3)  # the search runs on the passage vectors alone
