"""The keyword channel returns the n best chunks by BM25 score (equal scores: lowest chunk id
first), whichever way it finds them: a word in a few chunks, a word in almost all, a tie at the
cut, a filter. Keyword-only hits in a search's top k carry their similarity to the query."""

from __future__ import annotations

import random

import numpy as np
import pytest

from advisor.chunk import Chunk, DocType
from advisor.index import Index
from advisor.retrieve import Filters, Retriever
from advisor.retrieve.lexical import Lexical as _Lexical
from advisor.settings import Settings
from advisor.text import tokenize

WORDS = [f"w{i}" for i in range(60)]


def _chunk(i: int, text: str, org: str = "") -> Chunk:
    return Chunk(f"c{i:04d}", text, f"doc{i // 10}.md", "Generated", doc_type=DocType.GUIDANCE, org=org)


def _expected(lex: _Lexical, query: str, n: int, mask: np.ndarray) -> list[tuple[str, float]]:
    """Every admitted chunk with a positive score, ranked by score then chunk id, cut at n."""
    scores = lex.bm25.get_scores(tokenize(query))
    ranked = sorted((-float(scores[i]), lex.ids[i]) for i in range(len(lex.ids)) if scores[i] > 0 and mask[i])
    return [(cid, -s) for s, cid in ranked[:n]]


@pytest.fixture(scope="module")
def varied() -> _Lexical:
    """600 chunks: 'common' in nearly all (the many-candidates path), the rest random words."""
    rng = random.Random(5)
    chunks = []
    for i in range(600):
        words = rng.choices(WORDS, k=rng.randrange(5, 40))
        if i % 50:
            words.append("common")
        chunks.append(_chunk(i, " ".join(words), org="acme" if i % 3 == 0 else ""))
    return _Lexical.build(chunks)


@pytest.mark.parametrize("query", ["common", "common w1", "w7 w8 w9", "w3", "nothingmatches"])
@pytest.mark.parametrize("n", [1, 5, 40])
def test_keyword_candidates_are_the_n_best_by_score(varied, query, n):
    for f in (Filters(), Filters(org="acme")):
        mask = varied.mask(f)
        got = varied.search(query, n, mask)
        assert got == _expected(varied, query, n, mask)
        if query != "nothingmatches":
            assert len(got) == n


def test_a_filter_never_lets_an_excluded_chunk_through(varied):
    mask = varied.mask(Filters())  # no organization: acme's chunks are not searched
    got = varied.search("common w1", 40, mask)
    acme = {c for c, o in zip(varied.ids, varied.orgs, strict=True) if o == "acme"}
    assert got and not acme.intersection(cid for cid, _ in got)


def test_equal_scores_at_the_cut_keep_the_lowest_chunk_ids():
    # 300 identical passages score the same: which 5 are returned must not be arbitrary
    chunks = [_chunk(i, "vendor attestation form for the model") for i in range(300)]
    chunks += [_chunk(300 + i, f"unrelated words {i}") for i in range(100)]
    lex = _Lexical.build(list(reversed(chunks)))
    got = lex.search("vendor attestation", 5, lex.mask(Filters()))
    assert [cid for cid, _ in got] == [f"c{i:04d}" for i in range(5)]
    assert len({s for _, s in got}) == 1


def test_identifier_lookup_cut_at_n_is_the_head_of_the_full_ranking():
    chunks = [
        Chunk(f"c{i:04d}", f"See GOVERN 1.{i % 3} here.", "doc.md", "T", section=f"GOVERN 1.{i % 2}")
        for i in range(200)
    ]
    lex = _Lexical.build(chunks)
    mask = lex.mask(Filters())
    full = lex.id_search("What does GOVERN 1.1 require?", mask)
    assert len(full) > 10
    assert lex.id_search("What does GOVERN 1.1 require?", mask, 10) == full[:10]


def test_keyword_only_hits_carry_their_similarity_to_the_query(tmp_path, hash_model_dir):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(40):
        (docs / f"g{i:02d}.md").write_text(
            f"# Guide {i}\n\n## Part\n\nSection {i} says the quarterly review of deployed models is owned by team {i}.\n",
            encoding="utf-8",
        )
    (docs / "rare.md").write_text(
        "# Rare\n\n## Zanamivir\n\nZanamivir dosing alerts page pharmacy.\n", encoding="utf-8"
    )
    s = Settings.from_env(
        {"ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_EMBED_MODEL": str(hash_model_dir), "ADVISOR_CANDIDATES": "2"}
    )
    ix = Index(s)
    assert ix.index_paths([docs]).ok
    r = Retriever(ix)
    result = r.search("zanamivir quarterly review", k=4)
    assert result.degraded == ""
    dense_ids = {
        cid
        for cid, _ in r._dense("zanamivir quarterly review", 2, Filters(), r.lexical(), r.lexical().mask(Filters()))[0]
    }
    keyword_only = [h for h in result if h.chunk.chunk_id not in dense_ids]
    assert any(h.chunk.source.endswith("rare.md") for h in keyword_only)
    query = np.array(ix.embedder.embed_query("zanamivir quarterly review"))
    stored = ix.collection.get(ids=[h.chunk.chunk_id for h in result], include=["embeddings"])
    vectors = dict(zip(stored["ids"], stored["embeddings"], strict=True))
    for h in result:  # every hit, from either channel, knows how close it is to the question
        assert h.dense == pytest.approx(float(np.dot(query, np.asarray(vectors[h.chunk.chunk_id]))), abs=1e-5)


def test_an_adjective_in_y_finds_the_noun_the_documents_use():
    """'Which risky models...' is asked of risk: the stemmer makes 'risky' 'riski', a word no
    passage holds, so without its noun the question's best word found nothing."""
    lex = _Lexical.build(
        [
            _chunk(1, "Inventory the high risk models first, then the rest."),
            _chunk(2, "Inventory the models used in research."),
            _chunk(3, "A faulty sensor was replaced."),
            _chunk(4, "A fault in the interface was logged."),
        ]
    )
    mask = lex.mask(Filters())
    assert next(cid for cid, _ in lex.search("which risky models", 5, mask)) == "c0001"
    # a word the documents do use is searched as it is ('faulty', not 'fault', which they use too)
    assert [cid for cid, _ in lex.search("faulty", 5, mask)] == ["c0003"]
