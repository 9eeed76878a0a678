"""The exact dense matrix is saved per index generation under ADVISOR_HOME: a fresh retriever
on the same home (a new process, another app replica) loads it instead of reading every stored
vector from the vector store again (11 s at 100,000 passages), and a file that is not exactly
this generation's is never used."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from advisor.index import Index
from advisor.retrieve import Filters, Retriever
from advisor.retrieve import dense as dense_module
from advisor.retrieve.densefile import Stamp, load
from advisor.settings import Settings

from .guides import guide_settings

QUERY = "who reviews the deployed model's drift alerts each quarter"
PASSAGES = 40


class _Counted:
    """The real collection, counting the stored vectors read through `get`."""

    def __init__(self, collection, reads: VectorReads):
        self._collection, self._reads = collection, reads

    def __getattr__(self, name):
        return getattr(self._collection, name)

    def get(self, **kw):
        got = self._collection.get(**kw)
        if "embeddings" in (kw.get("include") or ()):
            self._reads.rows += len(got["ids"])
        return got


class VectorReads:
    """How many stored vectors every Index of the test has read from its vector store."""

    def __init__(self, monkeypatch):
        self.rows = 0
        monkeypatch.setattr(Index, "collection", property(lambda ix: _Counted(ix.vectors.collection, self)))


ROOT = Path(__file__).resolve().parents[2]
# a new process on the same home: its dense ranking, and how many stored vectors it read
_CHILD = """
import json, os, pytest
from advisor.index import Index
from advisor.retrieve import Retriever
from advisor.settings import Settings
from advisor.testing import use_hash_embedder
from tests.retrieve.test_dense_saved import VectorReads, _dense
reads = VectorReads(pytest.MonkeyPatch())
with use_hash_embedder(os.environ["ADVISOR_EMBED_MODEL"]):
    dense = _dense(Retriever(Index(Settings.from_env())))
print(json.dumps({"dense": dense, "reads": reads.rows}))
"""


@pytest.fixture
def settings(tmp_path, hash_model_dir) -> Settings:
    s, docs = guide_settings(tmp_path, hash_model_dir, PASSAGES)
    assert Index(s).index_paths([docs]).ok
    return s


def _dense(r: Retriever) -> list[tuple[str, float]]:
    lex = r.lexical()
    dense, degraded = r._dense(QUERY, 8, Filters(), lex, lex.mask(Filters()))
    assert not degraded
    return dense


def _stored(ix: Index, ids: list[str]) -> np.ndarray:
    got = ix.vectors.collection.get(ids=ids, include=["embeddings"])
    rows = dict(zip(got["ids"], got["embeddings"], strict=True))
    return np.asarray([rows[cid] for cid in ids], dtype=np.float32)


def _exact_ranking(ix: Index) -> list[str]:
    got = ix.vectors.collection.get(include=["embeddings"])
    q = np.asarray(ix.embedder.embed_query(QUERY), dtype=np.float32)
    sims = {
        cid: round(float(np.dot(q, np.asarray(v, dtype=np.float32))), 6)
        for cid, v in zip(got["ids"], got["embeddings"], strict=True)
    }
    return sorted(sims, key=lambda cid: (-sims[cid], cid))[:8]


def test_a_fresh_retriever_loads_the_saved_matrix_without_reading_the_vector_store(settings, monkeypatch):
    reads = VectorReads(monkeypatch)
    built = _dense(Retriever(Index(settings)))
    assert reads.rows == PASSAGES  # the first one read every stored vector (and saved them)
    reads.rows = 0
    second = Retriever(Index(settings))
    assert _dense(second) == built
    assert reads.rows == 0
    lex = second.lexical()
    loaded = dense_module.matrix(second.index, lex)
    assert loaded is not None and loaded.dtype == np.float32
    # bitwise the rows the vector store holds, in the keyword index's order
    assert loaded.tobytes() == _stored(second.index, lex.ids).tobytes()


def test_a_new_process_ranks_the_same_from_the_saved_matrix(settings, hash_model_dir):
    built = _dense(Retriever(Index(settings)))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update(
        ADVISOR_HOME=str(settings.home),
        ADVISOR_EMBED_MODEL=str(hash_model_dir),
        ADVISOR_CANDIDATES="8",
        PYTHONPATH=str(ROOT),
    )
    run = subprocess.run([sys.executable, "-c", _CHILD], env=env, cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    child = json.loads(run.stdout.strip().splitlines()[-1])
    assert [tuple(x) for x in child["dense"]] == built
    assert child["reads"] == 0


@pytest.mark.parametrize(
    "damage", ["another generation", "other ids", "fewer rows", "truncated", "empty", "stamp unreadable"]
)
def test_a_saved_matrix_that_is_not_this_generations_is_ignored_and_replaced(settings, monkeypatch, damage):
    expected = _dense(Retriever(Index(settings)))
    folder = settings.home / "dense"
    [stamp] = folder.glob("*.json")
    npy = stamp.with_suffix(".npy")
    meta = json.loads(stamp.read_text())
    if damage == "another generation":
        meta["generation"] -= 1
    elif damage == "other ids":
        meta["ids"] = "0" * 64
    if damage in ("another generation", "other ids"):
        stamp.write_text(json.dumps(meta))
    elif damage == "fewer rows":
        np.save(npy, np.load(npy)[:-1])  # the stamp still says 40 rows
    elif damage == "truncated":
        npy.write_bytes(npy.read_bytes()[:300])
    elif damage == "empty":
        npy.write_bytes(b"")
    else:
        stamp.write_text("{not json")
    reads = VectorReads(monkeypatch)
    fresh = Retriever(Index(settings))
    assert _dense(fresh) == expected
    assert reads.rows == PASSAGES  # read again from the vector store...
    lex = fresh.lexical()
    saved = load(folder, Stamp.of(fresh.index.catalog_id, fresh.index.generation, lex.ids))
    assert saved is not None and saved.shape == (PASSAGES, saved.shape[1])  # ...and saved again, whole


def test_a_removed_passage_is_never_returned_and_its_generation_is_saved_without_it(settings, monkeypatch):
    ix = Index(settings)
    r = Retriever(ix)
    top = _dense(r)[0][0]
    ix.remove_sources([ix.get_chunks([top])[top].source])
    after = _dense(r)
    assert top not in [cid for cid, _ in after]
    assert top not in [h.chunk.chunk_id for h in r.search(QUERY, k=8).hits]
    reads = VectorReads(monkeypatch)
    fresh = Retriever(Index(settings))
    assert _dense(fresh) == after
    assert reads.rows == 0  # this generation's file, which has no row for it
    lex = fresh.lexical()
    assert top not in lex.ids
    loaded = dense_module.matrix(fresh.index, lex)
    assert loaded is not None and loaded.shape[0] == len(lex.ids) == PASSAGES - 1


def test_a_background_rebuild_swaps_in_the_new_generation_with_its_matrix(settings, monkeypatch):
    ix = Index(settings)
    r = Retriever(ix, background_from=1)  # the rebuild after a change runs in a thread
    top = _dense(r)[0][0]
    ix.remove_sources([ix.get_chunks([top])[top].source])
    # meanwhile the previous generation answers, and the removed passage is not among the hits
    assert top not in [h.chunk.chunk_id for h in r.search(QUERY, k=8).hits]
    assert r.wait_for_rebuild(120)
    reads = VectorReads(monkeypatch)
    after = _dense(r)
    assert reads.rows == 0  # the matrix was built before the swap: no search waits for it
    assert top not in [cid for cid, _ in after]
    assert [cid for cid, _ in after] == _exact_ranking(ix)


def test_a_home_where_nothing_can_be_saved_searches_from_memory(settings, monkeypatch):
    blocked = settings.home / "dense"
    blocked.write_text("a file where the folder should be")  # as a read-only home: every save fails
    reads = VectorReads(monkeypatch)
    r = Retriever(Index(settings))
    first = _dense(r)
    assert _dense(r) == first
    assert [cid for cid, _ in first] == _exact_ranking(r.index)
    assert reads.rows == PASSAGES  # read once, kept in memory
    blocked.unlink()  # writable again: the next process saves, the one after loads
    assert _dense(Retriever(Index(settings))) == first
    assert _dense(Retriever(Index(settings))) == first
    assert reads.rows == 2 * PASSAGES


def test_a_library_over_the_product_limit_ranks_by_row_dots_from_memory_and_file_alike(settings, monkeypatch):
    monkeypatch.setattr(dense_module, "PRODUCT_UP_TO", 0)  # as a library of more than 20,000 passages
    built = _dense(Retriever(Index(settings)))  # read from the vector store, in memory
    loaded = _dense(Retriever(Index(settings)))  # memory-mapped from the saved file
    assert built == loaded
    assert [cid for cid, _ in built] == _exact_ranking(Index(settings))


def test_only_the_last_two_generations_files_are_kept(settings):
    ix = Index(settings)
    r = Retriever(ix)
    for _ in range(3):  # three generations, each searched (and its matrix saved)
        top = _dense(r)[0][0]
        ix.remove_sources([ix.get_chunks([top])[top].source])
    _dense(r)
    stamps = sorted((settings.home / "dense").glob("*.json"))
    assert len(stamps) == 2 == len(list((settings.home / "dense").glob("*.npy")))
    assert f"{ix.catalog_id}-{ix.generation}.json" in {p.name for p in stamps}


def test_a_process_building_a_generation_another_is_building_waits_and_loads_its_file(settings, monkeypatch):
    expected = _dense(Retriever(Index(settings)))
    folder = settings.home / "dense"
    [stamp] = folder.glob("*.json")
    files = {p: p.read_bytes() for p in (stamp.with_suffix(".npy"), stamp)}
    for p in files:
        p.unlink()  # as before the other process saved it
    reads = VectorReads(monkeypatch)
    with open(folder / f".{stamp.stem}.lock", "a+b") as other:
        fcntl.flock(other, fcntl.LOCK_EX)  # the other process's build, under way
        got: dict = {}
        waiting = threading.Thread(target=lambda: got.update(dense=_dense(Retriever(Index(settings)))))
        waiting.start()
        time.sleep(1.0)  # long enough to reach the lock: without it, the store would be read by now
        for p, data in files.items():
            p.write_bytes(data)  # the other process saves, then ends its build
        fcntl.flock(other, fcntl.LOCK_UN)
    waiting.join(60)
    assert got["dense"] == expected
    assert reads.rows == 0


def test_after_advisor_index_and_remove_a_new_process_builds_nothing_before_its_first_search(
    tmp_path, hash_model_dir, monkeypatch
):
    """`advisor index` saves the changed library's keyword index and dense matrix, so the app
    started after it answers at once (at 100k passages it read every vector first, tens of
    seconds); so does `advisor remove`."""
    from click.testing import CliRunner

    from advisor.cli import main
    from advisor.retrieve.lexical import Lexical

    s, docs = guide_settings(tmp_path, hash_model_dir, PASSAGES)
    for name, value in (("ADVISOR_HOME", s.home), ("ADVISOR_EMBED_MODEL", hash_model_dir), ("ADVISOR_CANDIDATES", 8)):
        monkeypatch.setenv(name, str(value))

    def first_search_after(*args: str) -> int:
        res = CliRunner().invoke(main, list(args))
        assert res.exit_code == 0, res.output
        built: list[int] = []
        with pytest.MonkeyPatch.context() as mp:
            reads = VectorReads(mp)
            mp.setattr(Lexical, "build", classmethod(lambda cls, chunks: built.append(1)))
            got = _dense(Retriever(Index(Settings.from_env())))
        assert not built and got
        return reads.rows

    assert first_search_after("index", str(docs)) == 0
    assert first_search_after("remove", str(docs / "g03.md"), "--keep-file") == 0


def test_the_matrix_read_page_by_page_holds_each_passage_in_its_row(settings, monkeypatch):
    """Pages of the vector store are copied into their rows as they arrive (a page smaller than
    the library here); a passage missing from the store (a write under way) gives no matrix."""
    monkeypatch.setattr(dense_module, "_PAGE", 7)
    ix = Index(settings)
    lex = Retriever(ix).lexical()
    got = dense_module._read(ix, lex)
    assert got is not None and got.shape == (PASSAGES, _stored(ix, lex.ids[:1]).shape[1])
    assert got.tobytes() == _stored(ix, lex.ids).tobytes()
    assert not got.flags.writeable
    ix.vectors.collection.delete(ids=[lex.ids[9]])
    assert dense_module._read(ix, lex) is None


def test_advisor_index_with_nothing_changed_saves_missing_search_indexes(settings, hash_model_dir, monkeypatch):
    """A home whose saved search indexes are gone (a new machine, a cleaned cache) gets them back
    from `advisor index`, though no document changed."""
    import shutil

    from click.testing import CliRunner

    from advisor.cli import main

    for name, value in (("ADVISOR_HOME", settings.home), ("ADVISOR_EMBED_MODEL", hash_model_dir)):
        monkeypatch.setenv(name, str(value))
    shutil.rmtree(settings.home / "bm25", ignore_errors=True)
    shutil.rmtree(settings.home / "dense", ignore_errors=True)
    res = CliRunner().invoke(main, ["index", str(settings.home.parent / "docs"), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["chunks_added"] == 0
    ix = Index(settings)
    assert (settings.home / "bm25" / "generation").read_text().endswith(f":{ix.generation}")
    assert (
        load(settings.home / "dense", Stamp.of(ix.catalog_id, ix.generation, Retriever(ix).lexical().ids)) is not None
    )


def test_advisor_index_still_succeeds_when_the_search_indexes_cannot_be_saved(settings, hash_model_dir, monkeypatch):
    """The library is indexed whatever happens to the search indexes afterwards: one warning line
    on stderr says what failed and that the first search builds them; stdout stays the JSON report."""
    from click.testing import CliRunner

    from advisor.cli import main

    def full_disk(self):
        raise OSError(28, "No space left on device")

    for name, value in (("ADVISOR_HOME", settings.home), ("ADVISOR_EMBED_MODEL", hash_model_dir)):
        monkeypatch.setenv(name, str(value))
    monkeypatch.setattr(Retriever, "prepare", full_disk)
    res = CliRunner().invoke(main, ["index", str(settings.home.parent / "docs"), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["files_seen"] == PASSAGES
    assert res.stderr.strip().splitlines() == [
        "Warning: the search indexes were not saved (OSError: [Errno 28] No space left on device); "
        "the first search builds them."
    ]
