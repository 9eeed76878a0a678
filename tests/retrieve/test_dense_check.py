"""An approximate vector index (HNSW) that has seen many rewrites can miss a true nearest
neighbour. The best keyword hits' exact similarities are checked, so such a passage still ranks
where its meaning puts it."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.index import Index
from advisor.retrieve import Retriever
from advisor.settings import Settings


class _MissesRare(Retriever):
    """A dense channel that loses one passage, as a degraded HNSW graph does."""

    def _dense(self, query, n, f, lex, mask):
        out, degraded = super()._dense(query, n, f, lex, mask)
        rare = {cid for cid in self.lexical().ids if "rare" in cid}
        return [(cid, sim) for cid, sim in out if cid not in rare], degraded


def _index(tmp_path, hash_model_dir) -> Index:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(30):
        (docs / f"g{i:02d}.md").write_text(
            f"# Guide {i}\n\n## Part\n\nSection {i} says the quarterly review of deployed models is owned by team {i}.\n",
            encoding="utf-8",
        )
    (docs / "rare.md").write_text(
        "# Rare\n\n## Zanamivir\n\nThe zanamivir quarterly review pages pharmacy.\n", encoding="utf-8"
    )
    s = Settings.from_env({"ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_EMBED_MODEL": str(hash_model_dir)})
    ix = Index(s)
    assert ix.index_paths([docs]).ok
    return ix


def test_a_passage_the_approximate_search_missed_ranks_by_its_exact_similarity(tmp_path, hash_model_dir):
    ix = _index(tmp_path, hash_model_dir)
    query = "zanamivir quarterly review"
    exact = Retriever(ix).search(query, k=5)
    missed = _MissesRare(ix).search(query, k=5)
    assert exact.hits[0].chunk.source.endswith("rare.md")
    assert [h.chunk.chunk_id for h in missed.hits] == [h.chunk.chunk_id for h in exact.hits]
    q = np.array(ix.embedder.embed_query(query))
    stored = ix.collection.get(ids=[missed.hits[0].chunk.chunk_id], include=["embeddings"])
    # read from the embedding cache (the vector the indexer wrote); the store keeps its own
    # float32-normalised copy, equal to within a few units in the last place
    assert missed.hits[0].dense == pytest.approx(float(np.dot(q, np.asarray(stored["embeddings"][0]))), abs=1e-6)
