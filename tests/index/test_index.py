"""Incremental, crash-safe indexing against a real persistent Chroma."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.index import Index
from advisor.retrieve import Filters, Retriever
from advisor.settings import Settings

from ..conftest import make_pdf

DOCS = {
    "inventory.md": "# AI inventory\n\n## Scope\n\nThe AI inventory lists every clinical model, its owner and its risk tier.\n",
    "monitoring.md": "# Monitoring\n\n## Drift\n\nDeployed sepsis models are checked weekly for calibration drift.\n",
    "vendors.md": "# Vendors\n\n## Contracts\n\nVendor contracts require notice of model updates within thirty days.\n",
}


def write_docs(folder, docs=DOCS):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def chroma_ids(ix: Index) -> set[str]:
    return set(ix.collection.get(include=[])["ids"])


def catalog_ids(ix: Index) -> set[str]:
    return {c.chunk_id for c in ix.all_chunks()}


def test_second_run_embeds_nothing(settings, tmp_path):
    folder = write_docs(tmp_path / "docs")
    ix = Index(settings)
    first = ix.index_paths([folder])
    assert first.ok and first.files_indexed == 3 and first.chunks_added == 3
    assert first.embeddings_computed == 3
    second = ix.index_paths([folder])
    assert second.to_dict() | {"seconds": 0} == {
        "files_seen": 3,
        "files_indexed": 0,
        "files_unchanged": 3,
        "files_removed": 0,
        "chunks_added": 0,
        "chunks_removed": 0,
        "errors": [],
        "files_skipped": [],
        "embeddings_computed": 0,
        "chunks_quarantined": 0,
        "phi_files": [],
        "vectors_reconciled": 0,
        "seconds": 0,
    }
    assert chroma_ids(ix) == catalog_ids(ix)


def test_changed_file_replaces_its_chunks(settings, tmp_path):
    folder = write_docs(tmp_path / "docs")
    ix = Index(settings)
    ix.index_paths([folder])
    before = {c.chunk_id for c in ix.chunks_for_source(str((folder / "vendors.md").resolve()))}
    (folder / "vendors.md").write_text(
        "# Vendors\n\n## Contracts\n\nVendor contracts now require notice of model updates within ten days.\n"
    )
    report = ix.index_paths([folder])
    assert (report.files_indexed, report.files_unchanged) == (1, 2)
    assert report.chunks_added == 1 and report.chunks_removed == 1 and report.embeddings_computed == 1
    after = {c.chunk_id for c in ix.chunks_for_source(str((folder / "vendors.md").resolve()))}
    assert before.isdisjoint(after)
    assert chroma_ids(ix) == catalog_ids(ix)
    hits = Retriever(ix).search("notice of model updates", k=1)
    assert "ten days" in hits[0].chunk.text


def test_files_gone_from_a_folder_are_removed(settings, tmp_path):
    folder = write_docs(tmp_path / "docs")
    ix = Index(settings)
    ix.index_paths([folder])
    (folder / "monitoring.md").unlink()
    report = ix.index_paths([folder])
    assert report.files_removed == 1 and report.chunks_removed == 1
    assert all("monitoring" not in f["source"] for f in ix.files())
    assert chroma_ids(ix) == catalog_ids(ix)


def test_bad_files_are_reported_and_the_rest_indexes(settings, tmp_path):
    good = write_docs(tmp_path / "good")
    ix = Index(settings)
    ix.index_paths([good])
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "fine.md").write_text("# Fine\n\nThe data catalog covers all clinical domains.\n")
    (batch / "empty.txt").write_text("")
    (batch / "legacy.txt").write_bytes("Caf\u00e9 \u201cnotes\u201d".encode("cp1252"))
    (batch / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (batch / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    report = ix.index_paths([batch, tmp_path / "missing.md"])
    errors = {os.path.basename(e["file"]): e["error"] for e in report.errors}
    assert set(errors) == {"empty.txt", "legacy.txt", "broken.pdf", "missing.md"}
    assert report.files_indexed == 1
    assert [os.path.basename(p) for p in report.files_skipped] == ["sheet.xlsx"]
    # the earlier index is intact and queryable, and the good new file is in it
    r = Retriever(ix)
    assert "risk tier" in r.search("AI inventory owner risk tier", k=1)[0].chunk.text
    assert "data catalog" in r.search("clinical data catalog", k=1)[0].chunk.text


def test_failed_reindex_keeps_the_previous_version(settings, tmp_path):
    folder = write_docs(tmp_path / "docs")
    ix = Index(settings)
    ix.index_paths([folder])
    (folder / "inventory.md").write_bytes(b"\xff\xfe broken bytes \x93")
    report = ix.index_paths([folder])
    assert len(report.errors) == 1 and "UTF-8" in report.errors[0]["error"]
    assert "risk tier" in Retriever(ix).search("AI inventory owner", k=1)[0].chunk.text


def test_org_scoped_chunks_never_leak(settings, tmp_path):
    a = write_docs(tmp_path / "a", {"a-plan.md": "# Plan\n\nAlpha Health will buy an ambient scribe in May.\n"})
    b = write_docs(tmp_path / "b", {"b-plan.md": "# Plan\n\nBeta Clinics will buy an ambient scribe in June.\n"})
    shared = write_docs(
        tmp_path / "shared", {"g.md": "# Guide\n\nAmbient scribes need clinician review of every note.\n"}
    )
    ix = Index(settings)
    ix.index_paths([a], org="alpha")
    ix.index_paths([b], org="beta")
    ix.index_paths([shared])
    r = Retriever(ix)
    for org, other in (("alpha", "beta"), ("beta", "alpha")):
        hits = r.search("when will we buy an ambient scribe", k=10, filters=Filters(org=org))
        assert {h.chunk.org for h in hits} == {org, ""}
        assert all(h.chunk.org != other for h in hits)
    hits = r.search("when will we buy an ambient scribe", k=10)
    assert {h.chunk.org for h in hits} == {""}
    # the org filter is inside the vector store query: Chroma alone never returns the other org
    res = ix.collection.query(
        query_embeddings=[ix.embedder.embed_query("Beta Clinics June")],
        n_results=10,
        where=Filters(org="alpha").chroma_where(),
    )
    assert all(m["org"] in ("", "alpha") for m in res["metadatas"][0])


def test_search_is_deterministic(settings, tmp_path):
    folder = write_docs(tmp_path / "docs")
    ix = Index(settings)
    ix.index_paths([folder])
    r = Retriever(ix)
    runs = [[h.chunk.chunk_id for h in r.search("model risk and drift", k=3)] for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]


@pytest.mark.slow
def test_thousands_of_small_files(settings, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"note-{i:04d}.txt").write_text(f"Meeting note {i}: topic code Z{i:04d} was reviewed.\n")
    ix = Index(settings)
    report = ix.index_paths([folder])
    assert report.ok and report.files_indexed == 2000 and report.chunks_added == 2000
    assert len(chroma_ids(ix)) == 2000
    hits = Retriever(ix).search("topic code Z1234", k=1)
    assert "Z1234" in hits[0].chunk.text


@pytest.mark.slow
def test_killed_index_run_leaves_previous_index_usable(settings, tmp_path):
    first = write_docs(tmp_path / "first")
    Index(settings).index_paths([first])
    big = tmp_path / "big"
    big.mkdir()
    n = 240  # many batches: the ONNX encoder embeds one in well under a second
    for i in range(n):
        make_pdf(
            big / f"report-{i:03d}.pdf", [f"Report {i} page {p}. " + "Data quality findings. " * 60 for p in range(4)]
        )
    env = dict(os.environ, ADVISOR_HOME=str(settings.home))
    proc = subprocess.Popen(
        [sys.executable, "-m", "advisor.cli", "index", str(big), "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    ix = Index(settings)
    deadline = time.time() + 240
    # wait until the run has committed some of the new files, then kill it hard
    while time.time() < deadline and proc.poll() is None:
        if any("report-" in f["source"] for f in ix.files()):
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the run finished before it could be killed; make the batch bigger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = sum("report-" in f["source"] for f in ix.files())
    assert 0 < partial < n
    # the previous index is intact and queryable
    ix2 = Index(Settings.from_env())
    assert "risk tier" in Retriever(ix2).search("AI inventory owner risk tier", k=1)[0].chunk.text
    # the next run completes the work without redoing what was committed
    report = ix2.index_paths([big])
    assert report.ok and report.files_indexed == n - partial and report.files_unchanged == partial
    assert chroma_ids(ix2) == catalog_ids(ix2)
    assert sum("report-" in f["source"] for f in ix2.files()) == n


def test_cli_index_json_and_exit_codes(home, tmp_path):
    folder = write_docs(tmp_path / "docs")
    runner = CliRunner()
    ok = runner.invoke(main, ["index", str(folder), "--json"])
    assert ok.exit_code == 0, ok.output
    data = json.loads(ok.stdout)
    assert {
        "files_seen",
        "files_indexed",
        "files_unchanged",
        "files_removed",
        "chunks_added",
        "chunks_removed",
        "errors",
    } <= set(data)
    (folder / "bad.txt").write_text("")
    bad = runner.invoke(main, ["index", str(folder), "--json"])
    assert bad.exit_code == 1
    assert json.loads(bad.stdout)["errors"][0]["file"].endswith("bad.txt")
    usage = runner.invoke(main, ["index", "--no-such-flag"])
    assert usage.exit_code == 2


def test_closing_an_index_leaves_its_stores_whole_on_disk(settings, tmp_path):
    # a closed index can be copied (a backup, a test's home): no write-ahead log is left for a
    # connection collected later to fold in and delete while the copy is being made
    ix = Index(settings)
    assert ix.index_paths([write_docs(tmp_path / "docs")]).ok
    ix.close()
    assert not list(settings.home.glob("*.sqlite3-wal")), list(settings.home.iterdir())
    again = Index(Settings.from_env({"ADVISOR_HOME": str(settings.home)}))
    assert again.index_paths([tmp_path / "docs"]).files_unchanged == len(list((tmp_path / "docs").iterdir()))


def test_a_renamed_heading_re_embeds_the_passage_under_it(settings, tmp_path):
    # the passage's text and place stay, so its id does; but its heading is part of what is
    # embedded, and a search by meaning must find it under the new heading, not the old
    folder = write_docs(tmp_path / "docs")
    ix = Index(settings)
    ix.index_paths([folder])
    (folder / "monitoring.md").write_text(
        "# Monitoring\n\n## Sepsis model calibration\n\nDeployed sepsis models are checked weekly for calibration drift.\n",
        encoding="utf-8",
    )
    report = ix.index_paths([folder])
    assert report.embeddings_computed == 1
    (chunk,) = [c for c in ix.all_chunks() if c.source.endswith("monitoring.md")]
    assert chunk.section.endswith("Sepsis model calibration")
    stored = ix.collection.get(ids=[chunk.chunk_id], include=["embeddings", "metadatas"])
    from advisor.index import embedding_text

    want = ix.embedder.embed([embedding_text(chunk)])[0]
    assert [round(float(x), 5) for x in stored["embeddings"][0]] == [round(float(x), 5) for x in want]
    assert stored["metadatas"][0]["section"] == chunk.section
