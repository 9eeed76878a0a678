"""Caches that make a search fast follow the index: a document indexed after the keyword index,
the document vocabularies and the generation were cached is found at once in this process, and
by another process after at most GENERATION_TTL; section neighbours read together are the
neighbours read one by one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from advisor.answer import Advisor
from advisor.index import Index, embedding_text
from advisor.index import catalog as catalog_module
from advisor.retrieve import Retriever
from advisor.settings import Settings
from advisor.text import tokenize

ROOT = Path(__file__).resolve().parents[2]

INVENTORY = (
    "---\ntitle: AI inventory guide\n---\n# AI inventory guide\n\n## Purpose\n\n"
    "GOVERN 1.6 calls for mechanisms to inventory AI systems, resourced according to organizational risk "
    "priorities.\n\n## Review\n\nThe AI governance committee reviews the inventory every quarter.\n"
)
SEPSIS = (
    "---\ntitle: Sepsis alert runbook\n---\n# Sepsis alert runbook\n\n## Zanamivir\n\n"
    "The zanamivir sepsis alert pages the rapid response nurse within four minutes of a positive screen.\n"
)


@pytest.fixture
def home(tmp_path, hash_model_dir) -> tuple[Settings, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "inventory.md").write_text(INVENTORY, encoding="utf-8")
    s = Settings.from_env({"ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_EMBED_MODEL": str(hash_model_dir)})
    assert Index(s).index_paths([docs / "inventory.md"]).ok
    return s, docs


def _sources(hits) -> list[str]:
    return [h.chunk.source.rsplit("/", 1)[-1] for h in hits]


def test_document_indexed_by_another_index_object_is_found_at_once(home):
    s, docs = home
    r = Retriever(Index(s))
    assert "sepsis.md" not in _sources(r.search("zanamivir sepsis alert", k=3))
    assert r.document_words(str(docs / "sepsis.md")) is None
    (docs / "sepsis.md").write_text(SEPSIS, encoding="utf-8")
    # another Index (another Advisor, the app's indexing thread) of this process writes ...
    assert Index(s).index_paths([docs / "sepsis.md"]).ok
    # ... and the searching one sees it without waiting for the generation to be reread
    hits = r.search("zanamivir sepsis alert", k=3)
    assert _sources(hits)[0] == "sepsis.md" and hits[0].lexical
    words = r.document_words(hits[0].chunk.source)
    assert words is not None and {"zanamivir", "runbook"} <= words


def test_document_vocabulary_is_the_whole_documents_tokens(home):
    s, _ = home
    ix = Index(s)
    src = ix.files()[0]["source"]
    expected = {t for c in ix.chunks_for_source(src) for t in tokenize(f"{c.title} {c.section} {c.text}")}
    assert Retriever(ix).document_words(src) == frozenset(expected)


def test_removed_document_is_no_longer_found_or_listed(home):
    s, _ = home
    r = Retriever(Index(s))
    src = Index(s).files()[0]["source"]
    assert r.search("inventory of AI systems", k=3).hits
    Index(s).remove_sources([src])
    assert not r.search("inventory of AI systems", k=3).hits
    assert r.document_words(src) is None


def test_change_by_another_process_is_seen_within_the_generation_ttl(home):
    s, docs = home
    ix = Index(s)
    r = Retriever(ix)
    assert "sepsis.md" not in _sources(r.search("zanamivir sepsis alert", k=3))
    gen = ix.generation
    (docs / "sepsis.md").write_text(SEPSIS, encoding="utf-8")
    code = textwrap.dedent(
        f"""
        from pathlib import Path
        from advisor.index import Index
        from advisor.settings import Settings
        from advisor.testing import use_hash_embedder
        s = Settings.from_env({{"ADVISOR_HOME": {str(s.home)!r}, "ADVISOR_EMBED_MODEL": {str(s.embed_model)!r}}})
        with use_hash_embedder(s.embed_model):
            assert Index(s).index_paths([Path({str(docs / "sepsis.md")!r})]).ok
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT, timeout=120)
    time.sleep(catalog_module.GENERATION_TTL)
    assert ix.generation == gen + 1
    assert _sources(r.search("zanamivir sepsis alert", k=3))[0] == "sepsis.md"


def test_passages_read_before_are_not_returned_once_another_index_object_removes_them(home):
    s, _ = home
    ix = Index(s)
    ids = [c.chunk_id for c in ix.all_chunks()]
    assert set(ix.get_chunks(ids)) == set(ids)  # read once: now kept for this generation
    Index(s).remove_sources([ix.files()[0]["source"]])  # another catalog object (as another process)
    time.sleep(catalog_module.GENERATION_TTL)
    assert ix.get_chunks(ids) == {}
    assert not Retriever(ix).search("inventory of AI systems", k=3).hits


def test_kept_passages_are_the_stored_ones_in_the_order_asked(home):
    s, _ = home
    ix = Index(s)
    ids = [c.chunk_id for c in ix.all_chunks()]
    first = ix.get_chunks(list(reversed(ids)) + ["no-such-id"])
    again = ix.get_chunks(list(reversed(ids)))
    assert list(first) == list(again) == list(reversed(ids))
    assert first == again == Index(s).get_chunks(ids)


def test_generation_is_not_reread_for_every_call_within_the_ttl(home, monkeypatch):
    s, _ = home
    cat = Index(s).catalog
    reads = []
    real = cat.db.one
    monkeypatch.setattr(cat.db, "one", lambda sql, *a: reads.append(sql) or real(sql, *a))
    monkeypatch.setattr(catalog_module, "GENERATION_TTL", 60.0)
    gens = {cat.generation for _ in range(50)}
    assert len(gens) == 1 and len(reads) == 1
    monkeypatch.setattr(catalog_module, "GENERATION_TTL", 0.0)
    assert cat.generation in gens and len(reads) == 2


def test_neighbours_read_together_equal_neighbours_read_one_by_one(tmp_path, hash_model_dir):
    doc = tmp_path / "long.md"
    body = " ".join(f"Sentence {i} of the long monitoring section explains drift checks." for i in range(80))
    doc.write_text(
        f"# Long guide\n\n## Monitoring\n\n{body}\n\n## Other\n\nA short closing section.\n", encoding="utf-8"
    )
    s = Settings.from_env({"ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_EMBED_MODEL": str(hash_model_dir)})
    ix = Index(s)
    assert ix.index_paths([doc]).ok
    chunks = ix.chunks_for_source(ix.files()[0]["source"])
    assert len(chunks) >= 4
    together = ix.neighbors_many(chunks)
    assert together == {c.chunk_id: ix.catalog.neighbors(c) for c in chunks}
    assert any(together.values())


def test_answers_use_the_new_document_after_indexing(home):
    s, docs = home
    adv = Advisor(s)
    before = adv.ask("When does the zanamivir sepsis alert page the rapid response nurse?")
    assert not any("sepsis.md" in h.chunk.source for h in before.hits)
    (docs / "sepsis.md").write_text(SEPSIS, encoding="utf-8")
    assert Index(s).index_paths([docs / "sepsis.md"]).ok
    after = adv.ask("When does the zanamivir sepsis alert page the rapid response nurse?")
    # (the hash embedder has no semantics, so the answer may abstain: it then names its evidence)
    assert "sepsis.md" in after.hits[0].chunk.source
    quoted = any("sepsis.md" in c.source for c in after.citations) and "four minutes" in after.answer
    assert quoted or "Sepsis alert runbook" in after.answer


def test_vectors_read_again_come_from_memory_and_equal_the_stored_ones(home, monkeypatch):
    s, _ = home
    ix = Index(s)
    texts = [embedding_text(c) for c in ix.all_chunks()]
    first = ix.embed_cache.lookup(texts)
    assert set(first) == set(texts)
    reads = []
    real = ix.embed_cache.db.query
    monkeypatch.setattr(ix.embed_cache.db, "query", lambda sql, *a: reads.append(sql) or real(sql, *a))
    again = ix.embed_cache.lookup(texts)
    assert not reads
    assert all(np.array_equal(first[t], again[t]) for t in texts)
    fresh = Index(s).embed_cache.lookup(texts)  # another object reads the store
    assert all(np.array_equal(fresh[t], again[t]) for t in texts)


def test_hits_are_the_catalogs_passages_without_reading_the_catalog(home, monkeypatch):
    s, docs = home
    (docs / "sepsis.md").write_text(SEPSIS, encoding="utf-8")
    assert Index(s).index_paths([docs / "sepsis.md"]).ok
    for fresh in (False, True):  # the keyword index just built, then the one saved and mapped again
        ix = Index(s)
        r = Retriever(ix)
        if fresh:
            r.lexical()  # read from ADVISOR_HOME/bm25
        stored = {c.chunk_id: c for c in ix.all_chunks()}
        reads: list[list[str]] = []
        real = ix.catalog._read_chunks
        monkeypatch.setattr(
            ix.catalog, "_read_chunks", lambda ids, reads=reads, real=real: reads.append(ids) or real(ids)
        )
        hits = r.search("zanamivir sepsis alert inventory committee", k=5).hits
        assert len(hits) >= 3 and not any(reads)  # no catalog round trip on the search's path
        for h in hits:
            want = stored[h.chunk.chunk_id]
            assert h.chunk == want and h.chunk.meta == want.meta and h.chunk.content_hash == want.content_hash
