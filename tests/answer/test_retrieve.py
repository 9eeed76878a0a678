"""Search results travel per call: timings and degradation are never left on the shared retriever."""

from __future__ import annotations

import json
import threading

import pytest

from advisor import retrieve
from advisor.answer import Advisor
from advisor.index import Index
from advisor.retrieve import Filters, Retriever, SearchResult, dense
from advisor.settings import Settings

from .builders import SMALL_GUIDES, indexed_settings


@pytest.fixture(scope="module")
def small_settings(tmp_path_factory) -> Settings:
    return indexed_settings(tmp_path_factory.mktemp("retrieve"), SMALL_GUIDES)


class FlakyStore:
    """The vector store, failing the queries that name one organization (as a store being
    written by another process does), optionally holding every query until `parties` arrive."""

    def __init__(self, real, fail_org: str | None, parties: int = 0):
        self.real = real
        self.fail_org = fail_org
        self.barrier = threading.Barrier(parties) if parties else None

    def query(self, **kw):
        if self.barrier is not None:
            self.barrier.wait(timeout=60)  # both searches are inside the store at once
        if self.fail_org is None or self.fail_org in json.dumps(kw.get("where")):
            raise RuntimeError("store busy")
        return self.real.query(**kw)

    def __getattr__(self, name):
        return getattr(self.real, name)


def flaky(monkeypatch, ix: Index, store: FlakyStore) -> None:
    monkeypatch.setattr(Index, "collection", property(lambda self: store if self is ix else store.real))
    monkeypatch.setattr(retrieve, "_UNFILTERED_SHARE", 2.0)  # every query names its filter (`where`)
    # the store's nearest-neighbour query is what fails: a library over the exact-search limit asks it
    monkeypatch.setattr(dense, "EXACT_UP_TO", 0)


def test_search_result_reads_as_its_hits(small_settings):
    result = Retriever(Index(small_settings)).search("who reviews the AI inventory", k=2)
    assert isinstance(result, SearchResult)
    assert result.degraded == ""
    assert set(result.timings) == {"lexical_ms", "dense_ms"}
    assert len(result) == len(result.hits) == 2
    assert result[0] is result.hits[0] and list(result) == result.hits
    assert "every quarter" in result[0].chunk.text


def test_concurrent_searches_each_report_their_own_degradation(small_settings, monkeypatch):
    ix = Index(small_settings)
    ix.embedder.embed_query("warm up")  # load the model before the race
    store = FlakyStore(ix.collection, fail_org="broken", parties=2)
    flaky(monkeypatch, ix, store)
    r = Retriever(ix)
    r.lexical()
    results: dict[str, SearchResult] = {}
    errors: list[BaseException] = []

    def run(name: str, org: str | None) -> None:
        try:
            results[name] = r.search("who reviews the AI inventory", k=2, filters=Filters(org=org))
        except BaseException as exc:  # surfaced below with the test's assertion
            errors.append(exc)

    threads = [threading.Thread(target=run, args=a) for a in (("broken", "broken"), ("healthy", None))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert "vector search failed" in results["broken"].degraded and "store busy" in results["broken"].degraded
    assert results["healthy"].degraded == ""
    # the degraded search still answers, from keywords
    assert results["broken"].hits and "every quarter" in results["broken"][0].chunk.text
    assert results["healthy"].hits and results["healthy"][0].dense is not None
    assert not hasattr(r, "degraded") and not hasattr(r, "last_timings")


def test_a_degraded_search_notice_stays_with_its_answer(small_settings, monkeypatch):
    adv = Advisor(small_settings)
    store = FlakyStore(adv.index.collection, fail_org=None)
    flaky(monkeypatch, adv.index, store)
    degraded = adv.ask("Who reviews the AI inventory, and how often?")
    assert degraded.notice.startswith("Search ran in a degraded mode: vector search failed")
    assert "every quarter" in degraded.answer  # answered from keyword results
    monkeypatch.setattr(Index, "collection", property(lambda self: store.real))
    healthy = adv.ask("Who reviews the AI inventory, and how often?")
    assert healthy.notice == "" and "every quarter" in healthy.answer
