"""A big library's keyword index is rebuilt in the background after a change: searches keep
answering from the previous index (never waiting for the rebuild, never returning a passage
since removed) until the new one is swapped in; a small library sees a change at once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from advisor.index import Index
from advisor.retrieve import Lexical, Retriever
from advisor.settings import Settings

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
def library(tmp_path, hash_model_dir) -> tuple[Settings, Path]:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "inventory.md").write_text(INVENTORY, encoding="utf-8")
    (docs / "sepsis.md").write_text(SEPSIS, encoding="utf-8")
    s = Settings.from_env({"ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_EMBED_MODEL": str(hash_model_dir)})
    assert Index(s).index_paths([docs / "inventory.md"]).ok
    return s, docs


@pytest.fixture
def hold_builds(monkeypatch):
    """Call to make keyword-index builds from then on wait until the returned event is set (a
    rebuild that takes long); the other event is set when one starts."""
    release, started = threading.Event(), threading.Event()
    real = Lexical.build.__func__  # type: ignore[attr-defined]

    def build(cls, chunks):
        started.set()
        assert release.wait(30), "the test never released the build"
        return real(cls, chunks)

    def hold() -> tuple[threading.Event, threading.Event]:
        monkeypatch.setattr(Lexical, "build", classmethod(build))
        return release, started

    yield hold
    release.set()


def _sources(hits) -> list[str]:
    return [h.chunk.source.rsplit("/", 1)[-1] for h in hits]


def test_search_during_a_rebuild_answers_from_the_old_index_then_from_the_new(library, hold_builds):
    s, docs = library
    ix = Index(s)
    r = Retriever(ix, background_from=1)
    before = r.search("AI inventory review", k=3).hits
    assert _sources(before)[:1] == ["inventory.md"] and before[0].lexical
    release, started = hold_builds()
    assert Index(s).index_paths([docs / "sepsis.md"]).ok  # another Index object, as the app's indexing thread
    # the rebuild is held: this search cannot wait for it, and answers from the previous index
    during = r.search("zanamivir sepsis alert", k=3).hits
    assert started.wait(10)
    assert "sepsis.md" not in _sources(during)
    old = r.search("AI inventory review", k=3).hits
    assert [(h.chunk.chunk_id, h.lexical) for h in old] == [(h.chunk.chunk_id, h.lexical) for h in before]
    assert not r.wait_for_rebuild(timeout=0.2)  # still held
    release.set()
    assert r.wait_for_rebuild(timeout=30)
    after = r.search("zanamivir sepsis alert", k=3).hits
    assert _sources(after)[0] == "sepsis.md" and after[0].lexical


def test_a_passage_removed_is_not_returned_while_the_old_index_still_holds_it(library, hold_builds):
    s, docs = library
    assert Index(s).index_paths([docs / "sepsis.md"]).ok
    ix = Index(s)
    r = Retriever(ix, background_from=1)
    assert _sources(r.search("zanamivir sepsis alert", k=3).hits)[0] == "sepsis.md"
    release, _ = hold_builds()
    src = next(f["source"] for f in ix.files() if f["source"].endswith("sepsis.md"))
    Index(s).remove_sources([src])
    # the old keyword index still scores the removed passage: its text is not served
    assert "sepsis.md" not in _sources(r.search("zanamivir sepsis alert", k=3).hits)
    release.set()
    assert r.wait_for_rebuild(timeout=30)
    assert "sepsis.md" not in _sources(r.search("zanamivir sepsis alert", k=3).hits)
    assert r.lexical().document_words(src) is None


def test_a_small_library_sees_a_change_at_the_next_search(library):
    s, docs = library
    r = Retriever(Index(s))  # the default threshold: two documents are rebuilt inline
    assert "sepsis.md" not in _sources(r.search("zanamivir sepsis alert", k=3).hits)
    assert Index(s).index_paths([docs / "sepsis.md"]).ok
    hits = r.search("zanamivir sepsis alert", k=3).hits
    assert _sources(hits)[0] == "sepsis.md" and hits[0].lexical


def test_sources_with_lists_each_document_holding_a_token_in_index_order(library):
    s, docs = library
    assert Index(s).index_paths([docs / "sepsis.md"]).ok
    lex = Retriever(Index(s)).lexical()
    names = list(lex.doc_sources)
    for token in list(lex.df)[:200]:
        expected = [n for n in names if token in (lex.document_words(n) or frozenset())]
        assert lex.sources_with(token) == expected
    assert [n.rsplit("/", 1)[-1] for n in lex.sources_with("zanamivir")] == ["sepsis.md"]
    assert len(lex.sources_with("alert")) == 1 and len(lex.sources_with("inventori")) == 1
    assert lex.sources_with("no-such-token") == []
