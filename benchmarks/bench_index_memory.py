"""Indexing memory against corpus size: peak RSS of one indexing run per corpus size.

    .venv/bin/python benchmarks/bench_index_memory.py --passages 10000 30000 [--keep DIR]
        [--trace] [--batch-chunks 512] [--backend sqlite|server]

Each corpus is the generated one of bench_scale.py (same generator, same derived vectors put in
the embedding cache first, so the run measures parse, chunk, screen, cache, Chroma and catalog
without computing 100k embeddings; likewise the sentences the injection scanner embeds, see
`seed_scanner`). With --keep the corpus and its seeded embedding cache are
kept under DIR/<passages>/ and reused by later runs. Each indexing run is a fresh process on a
fresh ADVISOR_HOME (a copy of the seeded cache), with the embedding model loaded before the run
starts, so the figures separate the fixed cost (interpreter, torch, model) from what indexing
adds. RSS is sampled every 20 ms from /proc; the run reports RSS after model load, at each
quarter of the files, and the peak. --trace adds tracemalloc's largest allocation sites still
alive between the first and the last quarter (slow; for finding what grows).

`--backend server` indexes into a throwaway PostgreSQL cluster and a `chroma run` server (as
tests/deploy does), fresh for each size, with the seeded embedding cache copied into PostgreSQL
first: the indexing process's RSS is then the advisor's own, and the Chroma server's RSS (sampled
the same way, with its kernel-reported high-water mark) is reported separately.

Prints one JSON object per corpus size, then the growth per 1,000 passages between sizes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from _common import ROOT
from bench_scale import generate, seed_cache, sentence_pool

CHILD = r"""
import ctypes, gc, json, resource, sys, threading, time, tracemalloc
from pathlib import Path
from advisor.index import Index
from advisor.settings import Settings

corpus, batch, trace, no_vectors = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4] == "1"
if no_vectors:  # diagnosis: what the pipeline holds without the vector store's own memory
    from advisor.index.vectors import VectorStore
    VectorStore.upsert = lambda self, ids, embeddings, documents, metadatas: None
peak = [0]
stop = threading.Event()

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

def heap():
    # glibc's view: bytes in use by malloc (Python's large objects, native libraries) and free in its heap
    try:
        m = ctypes.CDLL("libc.so.6").mallinfo2
        m.restype = MallInfo2
        i = m()
        return {"malloc_in_use_mb": round((i.uordblks + i.hblkhd) / 2**20), "malloc_free_mb": round(i.fordblks / 2**20)}
    except (OSError, AttributeError):
        return {}

def sample():
    while not stop.is_set():
        peak[0] = max(peak[0], rss_mb())
        time.sleep(0.02)

ix = Index(Settings.from_env())
_ = ix.embedder.model  # the fixed cost, outside what indexing adds
_ = ix.collection
out = {"rss_before_mb": round(rss_mb())}
threading.Thread(target=sample, daemon=True).start()
marks, snaps, stats = {}, {}, {}
def progress(i, n, path):
    q = (4 * i) // max(n, 1)
    if q not in marks:
        marks[q] = round(rss_mb())
        stats[q] = {"rss_mb": marks[q], "python_blocks": sys.getallocatedblocks(), "gc_objects": len(gc.get_objects()),
                    **heap(), **({"traced_mb": round(tracemalloc.get_traced_memory()[0] / 2**20)} if trace else {})}
        if trace and q in (1, 3):
            snaps[q] = tracemalloc.take_snapshot()
if trace:
    tracemalloc.start(6)
t = time.perf_counter()
rep = ix.index_paths([corpus], progress=progress, batch_chunks=batch)
out["seconds"] = round(time.perf_counter() - t, 1)
stop.set()
out["rss_at_quarters_mb"] = [marks[k] for k in sorted(marks)]
out["at_quarters"] = [stats[k] for k in sorted(stats)]
out["rss_after_mb"] = round(rss_mb())
out["peak_rss_mb"] = round(max(peak[0], rss_mb()))
out["ru_maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
out["chunks"] = rep.chunks_added
out["texts_embedded_by_model"] = ix.embedder.texts_embedded
out["errors"] = len(rep.errors)
if trace and 1 in snaps and 3 in snaps:
    diff = sorted(snaps[3].compare_to(snaps[1], "traceback"), key=lambda d: -d.size_diff)
    out["grew_between_quarters"] = [
        {"kb": round(d.size_diff / 1024), "count": d.count_diff,
         "where": [f"{f.filename.split('site-packages/')[-1]}:{f.lineno}" for f in d.traceback[-6:]]}
        for d in diff[:8]
    ]
print("RESULT " + json.dumps(out))
"""


def seed_scanner(settings, corpus: Path) -> int:
    """Vectors for the sentences the injection scanner embeds in each (uploaded) passage, put in
    the embedding cache: real ones for the recombined corpus sentences, one shared vector for
    each passage's unique "Document N, control SCALE-X" sentence (embedding 100k of those with
    the model would take hours here, and their values do not change what indexing holds)."""
    from advisor.index import Index
    from advisor.index.sources import doc_type_for, source_for
    from advisor.ingest import load_chunks
    from advisor.safety.normalize import normalize
    from advisor.text import sentence_spans

    ix = Index(settings)
    seen: Counter[str] = Counter()
    for p in sorted(corpus.glob("*.md")):
        for c in load_chunks(p, source_for(p), doc_type=doc_type_for(p), org="", chunk_size=1000, overlap=120):
            text = normalize(c.text).text
            seen.update(text[s:e] for s, e in sentence_spans(text))
    shared = [t for t, n in seen.items() if n > 1]
    unique = [t for t, n in seen.items() if n == 1]
    ix.embed_cache.embed(shared, ix.embedder)
    generic = ix.embedder.embed(unique[:1])[0] if unique else []
    for i in range(0, len(unique), 5000):
        part = unique[i : i + 5000]
        ix.embed_cache.store(part, [generic] * len(part))
    return len(seen)


def prepare(base: Path, n: int, pool: dict) -> tuple[Path, Path]:
    """The corpus folder and its seeded embedding cache (built once per size under `base`)."""
    from advisor.settings import Settings

    where = base / str(n)
    corpus, cache = where / "corpus", where / "embed-cache.sqlite3"
    if cache.exists():
        return corpus, cache
    shutil.rmtree(where, ignore_errors=True)
    corpus.mkdir(parents=True)
    made = generate(corpus, n, pool)
    home = where / "seed-home"
    settings = Settings.from_env({"ADVISOR_HOME": str(home)})
    seed_cache(settings, corpus, made)
    seed_scanner(settings, corpus)
    shutil.copy(home / "embed-cache.sqlite3", cache)
    shutil.rmtree(home, ignore_errors=True)
    return corpus, cache


def copy_cache(cache: Path, database_url: str) -> int:
    """The seeded embedding cache's rows (already keyed) copied into PostgreSQL's cache."""
    from advisor.index.embedcache import EmbeddingCache
    from advisor.settings import Settings

    target = EmbeddingCache(Settings.from_env({"ADVISOR_DATABASE_URL": database_url}), "seeded")
    src = sqlite3.connect(cache)
    rows = src.execute("SELECT key, vector FROM vectors").fetchall()
    src.close()
    for i in range(0, len(rows), 2000):
        target.db.executemany(
            "INSERT INTO vectors (key, vector) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", rows[i : i + 2000]
        )
    return len(rows)


class RssSampler:
    """Peak RSS of another process (the Chroma server), sampled every 20 ms from /proc."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.first = pid, 0.0, _status_mb(pid, "VmRSS")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _status_mb(self.pid, "VmRSS"))
            time.sleep(0.02)

    def finish(self) -> dict:
        self._stop.set()
        self._thread.join()
        return {
            "server_rss_before_mb": round(self.first),
            "server_peak_rss_mb": round(max(self.peak, _status_mb(self.pid, "VmRSS"))),
            "server_hwm_mb": round(_status_mb(self.pid, "VmHWM")),
        }


def _status_mb(pid: int, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def child_pid(marker: str) -> int:
    """The pid of this process's child whose command line holds `marker` (the server we started)."""
    me = os.getpid()
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == me and marker in cmd:
            return int(d.name)
    raise SystemExit(f"no child process runs {marker!r}")


def run_server(corpus: Path, cache: Path, batch: int, trace: bool) -> dict:
    """One indexing run into a fresh PostgreSQL cluster and Chroma server."""
    from tests.deploy.servers import chroma_server, postgres_cluster

    where = Path(tempfile.mkdtemp(prefix="bench-index-mem-server-"))
    try:
        with postgres_cluster(durable=True) as pg, chroma_server(where / "chroma") as chroma:
            copied = copy_cache(cache, pg)
            sampler = RssSampler(child_pid(str(where / "chroma")))
            out = run(corpus, cache, batch, trace, extra_env={"ADVISOR_DATABASE_URL": pg, "ADVISOR_CHROMA_URL": chroma})
            return {**out, **sampler.finish(), "cache_rows_copied": copied}
    finally:
        shutil.rmtree(where, ignore_errors=True)


def run(
    corpus: Path,
    cache: Path,
    batch: int,
    trace: bool,
    no_vectors: bool = False,
    extra_env: dict[str, str] | None = None,
) -> dict:
    home = Path(tempfile.mkdtemp(prefix="bench-index-mem-"))
    if not extra_env:
        shutil.copy(cache, home / "embed-cache.sqlite3")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ADVISOR_", "OPENAI_"))}
    env.update(ADVISOR_HOME=str(home), PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1", **(extra_env or {}))
    r = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus), str(batch), "1" if trace else "0", "1" if no_vectors else "0"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    shutil.rmtree(home, ignore_errors=True)
    lines = [x for x in r.stdout.splitlines() if x.startswith("RESULT ")]
    if r.returncode or not lines:
        raise SystemExit(r.stderr[-3000:])
    return json.loads(lines[-1][len("RESULT ") :])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, nargs="+", default=[10000, 30000])
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the generated corpora here")
    ap.add_argument("--batch-chunks", type=int, default=512)
    ap.add_argument("--trace", action="store_true", help="tracemalloc: what grows during the run (slow)")
    ap.add_argument(
        "--no-vectors", action="store_true", help="diagnosis: skip the Chroma writes (separates Chroma's own memory)"
    )
    ap.add_argument("--backend", choices=["sqlite", "server"], default="sqlite")
    a = ap.parse_args()
    if a.backend == "server" and a.no_vectors:
        ap.error(
            "--no-vectors is a diagnosis of the embedded store; with --backend server the vectors live in the server"
        )
    base = a.keep or Path(tempfile.mkdtemp(prefix="bench-index-mem-corpus-"))
    pool = sentence_pool()
    results = []
    for n in a.passages:
        corpus, cache = prepare(base, n, pool)
        if a.backend == "server":
            r = {"passages": n, "backend": "server", **run_server(corpus, cache, a.batch_chunks, a.trace)}
        else:
            r = {"passages": n, "backend": "sqlite", **run(corpus, cache, a.batch_chunks, a.trace, a.no_vectors)}
        r["added_by_indexing_mb"] = r["peak_rss_mb"] - r["rss_before_mb"]
        print(json.dumps(r), flush=True)
        results.append(r)
    for lo, hi in itertools.pairwise(results):
        per_k = (hi["peak_rss_mb"] - lo["peak_rss_mb"]) / ((hi["passages"] - lo["passages"]) / 1000)
        print(f"peak RSS {lo['passages']} -> {hi['passages']} passages: {per_k:+.2f} MB per 1,000 passages")
        if "server_peak_rss_mb" in hi:
            srv = (hi["server_peak_rss_mb"] - lo["server_peak_rss_mb"]) / ((hi["passages"] - lo["passages"]) / 1000)
            print(f"Chroma server peak RSS: {srv:+.2f} MB per 1,000 passages")
    if not a.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
