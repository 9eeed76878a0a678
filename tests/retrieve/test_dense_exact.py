"""The same question ranks the same passages in every process. Chroma's approximate (HNSW)
graph is rebuilt from its log in parallel when a process opens it, so two processes' graphs
miss different neighbours; a library of up to EXACT_UP_TO passages is ranked by its exact
similarities instead, whatever graph the process happens to hold."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.index import Index
from advisor.retrieve import Filters, Retriever
from advisor.retrieve import dense as dense_module

from ..lossy_graph import LossyGraph
from .guides import guide_settings

QUERY = "who reviews the deployed model's drift alerts each quarter"


@pytest.fixture
def index(tmp_path, hash_model_dir) -> Index:
    s, docs = guide_settings(tmp_path, hash_model_dir)
    ix = Index(s)
    assert ix.index_paths([docs]).ok
    return ix


def _exact_ranking(ix: Index, n: int) -> list[str]:
    """Every passage ranked by its stored vector's similarity to the query (ties by id)."""
    got = ix.collection.get(include=["embeddings"])
    q = np.asarray(ix.embedder.embed_query(QUERY), dtype=np.float32)
    sims = {
        cid: round(float(np.dot(q, np.asarray(v, dtype=np.float32))), 6)
        for cid, v in zip(got["ids"], got["embeddings"], strict=True)
    }
    return sorted(sims, key=lambda cid: (-sims[cid], cid))[:n]


def _in_process_whose_graph_lost(ix: Index, monkeypatch, lost: set[str]) -> Retriever:
    monkeypatch.setattr(
        type(ix), "collection", property(lambda self, real=ix.vectors: LossyGraph(real.collection, lost))
    )
    return Retriever(ix)


def test_the_dense_channel_ranks_by_exact_similarity_whatever_the_graph_missed(index, monkeypatch):
    exact = _exact_ranking(index, 8)
    r = _in_process_whose_graph_lost(index, monkeypatch, {exact[0], exact[5]})
    lex = r.lexical()
    dense, degraded = r._dense(r.expand(QUERY), 8, Filters(), lex, lex.mask(Filters()))
    assert not degraded
    assert [cid for cid, _ in dense] == exact


def test_two_processes_with_different_graphs_return_the_same_hits(index, monkeypatch):
    exact = _exact_ranking(index, 8)
    first = _in_process_whose_graph_lost(index, monkeypatch, set(exact[:4])).search(QUERY, k=6)
    second = _in_process_whose_graph_lost(index, monkeypatch, set(exact[4:])).search(QUERY, k=6)
    assert [(h.chunk.chunk_id, h.score, h.dense) for h in first.hits] == [
        (h.chunk.chunk_id, h.score, h.dense) for h in second.hits
    ]


def test_a_library_over_the_exact_limit_still_searches_the_approximate_graph(index, monkeypatch):
    monkeypatch.setattr(dense_module, "EXACT_UP_TO", 10)
    exact = _exact_ranking(index, 8)
    r = _in_process_whose_graph_lost(index, monkeypatch, {exact[0]})
    lex = r.lexical()
    dense, _ = r._dense(r.expand(QUERY), 8, Filters(), lex, lex.mask(Filters()))
    assert exact[0] not in [cid for cid, _ in dense]  # what the graph lost stays lost: the exact path was off
