"""A search runs its keyword side in a worker while the calling thread embeds the query and asks
the vector store. Users see the same hits either way, the same error when a channel fails, and
the same hits when many sessions search one shared retriever at once."""

from __future__ import annotations

import random
import threading

import pytest

from advisor import retrieve
from advisor.errors import StoreError
from advisor.index import Index
from advisor.retrieve import Filters, Lexical, Retriever
from advisor.settings import Settings

TOPICS = ["inventory", "drift", "vendor", "sepsis", "consent", "bias", "audit", "privacy", "equity", "training"]
QUERIES = [
    "who owns the AI inventory",
    "how do we monitor drift in deployed models",
    "GOVERN 1.6 inventory",
    "vendor contract questions about bias",
    "MAP 2.3 sepsis alert",
    "zanamivir",
    "privacy and consent for training data",
    "quarterly equity audit of the sepsis model",
]
FILTERS = [Filters(), Filters(org="acme"), Filters(org="acme", doc_types=("user",))]


@pytest.fixture(scope="module")
def index(tmp_path_factory, hash_model_dir) -> Index:
    """Shared guidance with identifiers, and one organization's private documents."""
    base = tmp_path_factory.mktemp("concurrency")
    rng = random.Random(3)
    shared, private = base / "shared", base / "acme"
    shared.mkdir()
    private.mkdir()
    for d in range(24):
        parts = [f"# Guide {d}\n"]
        for s in range(4):
            words = rng.sample(TOPICS, 3)
            ident = ["GOVERN 1.6", "MAP 2.3", "MEASURE 4.1", "MANAGE 3.2"][(d + s) % 4]
            parts.append(
                f"\n## {ident} {words[0]} part {s}\n\nThe {words[0]} review covers {words[1]} and {words[2]}; "
                f"team {d} owns the {words[0]} register and reports it quarterly.\n"
            )
        (shared / f"guide{d:02d}.md").write_text("".join(parts), encoding="utf-8")
    (shared / "rare.md").write_text("# Rare\n\n## Zanamivir\n\nThe zanamivir sepsis alert pages pharmacy.\n")
    for d in range(6):
        (private / f"acme{d}.md").write_text(
            f"# Acme policy {d}\n\n## Drift\n\nAcme checks drift and bias of model {d} every month.\n",
            encoding="utf-8",
        )
    s = Settings.from_env({"ADVISOR_HOME": str(base / "home"), "ADVISOR_EMBED_MODEL": str(hash_model_dir)})
    ix = Index(s)
    assert ix.index_paths([shared]).ok
    assert ix.index_paths([private], org="acme").ok
    return ix


def _view(result) -> list[tuple]:
    return [(h.chunk.chunk_id, h.rank, h.score, h.dense, h.lexical, h.id_match) for h in result]


def _all(r: Retriever) -> dict[tuple, list[tuple]]:
    return {(q, k, f): _view(r.search(q, k=k, filters=f)) for q in QUERIES for k in (3, 6, 12) for f in FILTERS}


@pytest.fixture(scope="module")
def sequential(index) -> dict[tuple, list[tuple]]:
    return _all(Retriever(index, parallel=False))


def test_hits_are_identical_with_and_without_the_worker(index, sequential):
    assert _all(Retriever(index)) == sequential
    hits = [h for views in sequential.values() for h in views]
    # the comparison covers every kind of hit: dense-only, keyword-only and identifier matches
    assert all(h[3] is not None for h in hits)  # every hit knows its similarity to the query
    assert any(h[4] is None for h in hits) and any(h[4] is not None for h in hits)
    assert any(h[5] for h in hits)


def test_hits_are_identical_with_and_without_the_worker_when_the_store_filters(index, monkeypatch):
    monkeypatch.setattr(retrieve, "_UNFILTERED_SHARE", 2.0)  # every dense query names its filter (`where`)
    assert _all(Retriever(index)) == _all(Retriever(index, parallel=False))


def test_a_failed_read_ahead_changes_nothing(index, sequential, monkeypatch):
    real = Index.get_chunks

    def fails_in_the_worker(self, ids):
        if threading.current_thread().name.startswith("advisor-keyword"):
            raise StoreError("catalog busy")
        return real(self, ids)

    monkeypatch.setattr(Index, "get_chunks", fails_in_the_worker)
    assert _all(Retriever(index)) == sequential


@pytest.mark.parametrize("parallel", [False, True])
def test_a_failing_keyword_channel_is_the_error_the_caller_sees(index, monkeypatch, parallel):
    def broken(self, query, n, mask):
        raise StoreError("the keyword index under ADVISOR_HOME/bm25 is unreadable; run `advisor index`")

    monkeypatch.setattr(Lexical, "search", broken)
    r = Retriever(index, parallel=parallel)
    with pytest.raises(StoreError, match="keyword index under ADVISOR_HOME/bm25 is unreadable"):
        r.search("who owns the AI inventory")
    # when the query cannot be embedded either, the keyword channel's error still comes first
    monkeypatch.setattr(index.embedder, "embed_query", _raise_runtime)
    with pytest.raises(StoreError, match="keyword index"):
        r.search("who owns the drift register")


@pytest.mark.parametrize("parallel", [False, True])
def test_a_query_that_cannot_be_embedded_raises_the_embedders_error(index, monkeypatch, parallel):
    monkeypatch.setattr(index.embedder, "embed_query", _raise_runtime)
    with pytest.raises(RuntimeError, match="model file truncated"):
        Retriever(index, parallel=parallel).search("an unseen question about vendor bias")


def _raise_runtime(text: str) -> list[float]:
    raise RuntimeError("model file truncated")


def test_concurrent_searches_on_one_retriever_each_get_their_own_hits(index, sequential):
    r = Retriever(index)
    keys = list(sequential)
    barrier = threading.Barrier(6)
    got: list[dict] = [{} for _ in range(6)]
    errors: list[BaseException] = []

    def run(i: int) -> None:
        order = keys[:]
        random.Random(i).shuffle(order)
        try:
            barrier.wait(timeout=60)
            for q, k, f in order:
                got[i][(q, k, f)] = _view(r.search(q, k=k, filters=f))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors
    assert all(g == sequential for g in got)
