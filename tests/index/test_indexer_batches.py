"""Indexing in bounded batches: the stored index does not depend on the batch size, and a run
stopped midway leaves what was stored before intact (each file old or new, never half)."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.index import Index
from advisor.index.indexer import Indexer
from advisor.retrieve import Retriever
from advisor.settings import Settings


def section(doc: int, n: int, version: str) -> str:
    body = " ".join(
        f"Control {doc}.{n} ({version}) requires the data steward to review model inputs for drift, bias and "
        f"missing values every {n + 2} weeks, and to record the review in the AI inventory."
        for _ in range(3)
    )
    return f"## Control {doc}.{n}\n\n{body}\n"


def write_corpus(folder, version: str = "v1", files: int = 6, sections: int = 4):
    folder.mkdir(parents=True, exist_ok=True)
    for d in range(files):
        text = f"# Policy {d}\n\n" + "\n".join(section(d, n, version) for n in range(sections))
        (folder / f"policy-{d}.md").write_text(text, encoding="utf-8")
    return folder


def stored(ix: Index) -> dict:
    """Everything indexing stores, minus the time it ran: catalog files and chunks, vectors."""
    files = [{k: v for k, v in f.items() if k not in ("indexed_at", "path")} for f in ix.files()]
    chunks = [(c.chunk_id, c.source, c.position, c.section, c.text, c.quarantine) for c in ix.all_chunks()]
    got = ix.collection.get(include=["embeddings", "metadatas", "documents"])
    order = np.argsort(got["ids"])
    vectors = {
        "ids": [got["ids"][i] for i in order],
        "documents": [got["documents"][i] for i in order],
        "metadatas": [got["metadatas"][i] for i in order],
        "embeddings": np.asarray(got["embeddings"])[order],
    }
    return {"files": files, "chunks": chunks, "vectors": vectors}


def assert_same(a: dict, b: dict) -> None:
    assert a["files"] == b["files"]
    assert a["chunks"] == b["chunks"]
    va, vb = a["vectors"], b["vectors"]
    assert va["ids"] == vb["ids"] and va["documents"] == vb["documents"] and va["metadatas"] == vb["metadatas"]
    assert np.allclose(va["embeddings"], vb["embeddings"], atol=1e-6)


def test_tiny_batches_store_exactly_the_same_index(tmp_path, monkeypatch):
    corpus = write_corpus(tmp_path / "corpus")
    results = []
    for name, batch in (("one", 1), ("three", 3), ("default", 512)):
        monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / name))
        ix = Index(Settings.from_env())
        report = ix.index_paths([corpus], batch_chunks=batch)
        assert report.ok and report.files_indexed == 6 and report.chunks_added == len(list(ix.all_chunks()))
        results.append(stored(ix))
        ix.close()
    assert len(results[0]["chunks"]) >= 24  # several chunks per file, so tiny batches split files' runs
    assert_same(results[0], results[2])
    assert_same(results[1], results[2])


class Stop(Exception):
    """The run is killed here."""


def test_run_stopped_midway_keeps_what_was_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    corpus = write_corpus(tmp_path / "corpus", "v1")
    ix = Index(Settings.from_env())
    assert ix.index_paths([corpus]).ok
    before = stored(ix)
    old_text = {c[0]: c[4] for c in before["chunks"]}

    write_corpus(tmp_path / "corpus", "v2")  # every file changes
    real = Indexer.upsert
    calls = {"n": 0}

    def dying_upsert(self, chunks):
        calls["n"] += 1
        if calls["n"] == 3:  # two batches are stored, the third is being written when the run dies
            raise Stop()
        return real(self, chunks)

    monkeypatch.setattr(Indexer, "upsert", dying_upsert)
    with pytest.raises(Stop):
        ix.index_paths([corpus], batch_chunks=4)
    monkeypatch.setattr(Indexer, "upsert", real)

    ix2 = Index(Settings.from_env())
    versions = {}
    for f in ix2.files():
        texts = [c.text for c in ix2.chunks_for_source(f["source"])]
        assert len(texts) == f["chunks"] == 4  # every file keeps all its passages
        kinds = {"v2" if "(v2)" in t else "v1" for t in texts}
        assert len(kinds) == 1, f"{f['source']} mixes old and new passages"
        versions[f["source"]] = kinds.pop()
    assert len(versions) == 6
    assert "v2" in versions.values() and "v1" in versions.values()  # stopped midway, not before or after
    # the files not reached yet are exactly as stored before, and still found by search
    kept = [c for c in ix2.all_chunks() if "(v1)" in c.text]
    assert kept and all(old_text[c.chunk_id] == c.text for c in kept)
    hit = Retriever(ix2).search(kept[0].text[:120], k=3)
    assert any(h.chunk.chunk_id == kept[0].chunk_id for h in hit)

    # the next run finishes the work: all new, and vectors agree with the catalog
    report = ix2.index_paths([corpus])
    assert report.ok
    after = stored(ix2)
    assert all("(v2)" in c[4] for c in after["chunks"]) and len(after["chunks"]) == 24
    assert after["vectors"]["ids"] == sorted(c[0] for c in after["chunks"])
