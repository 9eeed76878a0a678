"""The exact dense matrix: time to a process's first search, and after a catalog change, with the
matrix read from the vector store (what every process did before it was saved) or loaded from
the file saved for the generation; and search latency with the exact matrix against the HNSW graph.

    .venv/bin/python benchmarks/bench_dense_load.py --home /work/bench100k/home-sqlite [--queries 40]

`--home` is an ADVISOR_HOME built by `bench_scale.py --keep DIR` (DIR/home-sqlite). Each phase
runs in a fresh interpreter. The catalog change adds one small document (3 passages, embedded by
the real model) and removes it again at the end, so the library is the one bench_scale built
(two generations later). Prints one JSON object. The machine is shared and loaded: compare ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, pct

sys.path.insert(0, str(ROOT))

QUESTION = "How should we monitor deployed models for drift?"
PROBE = "What does the dense load probe committee review?"  # finds the added document once it is searched
ADDED = "# Dense load probe\n\n" + "\n\n".join(
    f"## Probe section {i}\n\nThe probe committee reviews drift alerts of deployed models every {p}; "
    f"owner {i} signs off and records the review in the model inventory."
    for i, p in enumerate(["week", "month", "quarter"])
)


def _retriever():
    from advisor.index import Index
    from advisor.retrieve import Retriever
    from advisor.settings import Settings

    return Retriever(Index(Settings.from_env()))


def child_store() -> dict:
    """The old first search's extra cost: every stored vector read from the vector store."""
    from advisor.retrieve import dense

    r = _retriever()
    t = time.perf_counter()
    lex = r.lexical()
    lex_s = time.perf_counter() - t
    t = time.perf_counter()
    m = dense._read(r.index, lex)
    assert m is not None
    return {"keyword_index_s": lex_s, "store_read_s": time.perf_counter() - t, "rows": m.shape[0], "dim": m.shape[1], "mb": m.nbytes / 2**20}  # fmt: skip


def child_first_search() -> dict:
    """A fresh process's first search (the keyword index loaded first, timed apart)."""
    r = _retriever()
    t = time.perf_counter()
    r.lexical()
    lex_s = time.perf_counter() - t
    r.index.embedder.embed_query("warm the model up")  # the model's load is not the matrix's
    t = time.perf_counter()
    res = r.search(QUESTION, k=8)
    return {"keyword_index_s": lex_s, "first_search_s": time.perf_counter() - t, "dense_ms": res.timings["dense_ms"]}


def child_change() -> dict:
    """A catalog change under a running retriever: the searches meanwhile, the background
    rebuild (keyword index and matrix) and the first search after the swap."""
    r = _retriever()
    r.search(QUESTION, k=8)
    folder = Path(tempfile.mkdtemp(prefix="dense-probe-"))
    (folder / "dense-probe.md").write_text(ADDED, encoding="utf-8")
    t = time.perf_counter()
    assert r.index.index_paths([folder]).ok
    out: dict = {"index_change_s": time.perf_counter() - t}
    t = time.perf_counter()
    r.search(QUESTION, k=8)
    out["search_during_rebuild_s"] = time.perf_counter() - t
    out["during_rebuild_sees_probe"] = _sees_probe(r)
    t = time.perf_counter()
    r.wait_for_rebuild()
    out["rebuild_left_s"] = time.perf_counter() - t
    t = time.perf_counter()
    r.search(QUESTION, k=8)
    out["first_search_after_swap_s"] = time.perf_counter() - t
    out["after_swap_sees_probe"] = _sees_probe(r)
    return out


def _sees_probe(r) -> bool:
    return any("dense-probe" in h.chunk.source for h in r.search(PROBE, k=8).hits)


def child_remove() -> dict:
    """Remove the probe document and build the restored library's matrix (saved for the next run)."""
    r = _retriever()
    srcs = [f["source"] for f in r.index.files() if "dense-probe" in f["source"]]
    r.index.remove_sources(srcs)
    t = time.perf_counter()
    r.lexical()  # no process has this generation's keyword index yet: built here
    lex_s = time.perf_counter() - t
    t = time.perf_counter()
    r.search(QUESTION, k=8)
    return {"removed": srcs, "keyword_index_s": lex_s, "first_search_s": time.perf_counter() - t}


def child_latency(queries: int) -> dict:
    """Search latency, exact matrix against HNSW graph, interleaved query by query in alternating order."""
    from bench_scale import QUESTIONS

    from advisor.retrieve import dense

    r = _retriever()
    r.search(QUESTION, k=8)
    emb = r.index.embedder
    limit = dense.EXACT_UP_TO
    times: dict[str, list[float]] = {"exact": [], "hnsw": [], "exact_dense": [], "hnsw_dense": []}
    for i in range(queries):
        q = QUESTIONS[i % len(QUESTIONS)]
        for name in ("exact", "hnsw") if i % 2 == 0 else ("hnsw", "exact"):
            dense.EXACT_UP_TO = limit if name == "exact" else -1
            emb._query_cache.clear()
            t = time.perf_counter()
            res = r.search(q, k=8)
            times[name].append((time.perf_counter() - t) * 1000)
            times[name + "_dense"].append(res.timings["dense_ms"])
    dense.EXACT_UP_TO = limit
    return {k: {"p50": round(pct(v, 50), 1), "p95": round(pct(v, 95), 1)} for k, v in times.items()}


def run_child(home: Path, name: str, queries: int = 0) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ADVISOR_", "OPENAI_"))}
    env.update({"ADVISOR_HOME": str(home), "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"})
    cmd = [sys.executable, __file__, "--home", str(home), "--child", name, "--queries", str(queries)]
    r = subprocess.run(cmd, env=env, cwd=ROOT / "benchmarks", capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(r.stderr[-3000:])
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        fns = {"store": child_store, "first": child_first_search, "change": child_change, "remove": child_remove}
        out = child_latency(args.queries) if args.child == "latency" else fns[args.child]()
        print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}))
        return
    home = args.home.resolve()
    res: dict = {"home": str(home), "store": run_child(home, "store")}
    saved = home / "dense"
    shutil.rmtree(saved, ignore_errors=True)  # no saved matrix: the first search reads the store (and saves)
    res["first_search_no_file"] = run_child(home, "first")
    res["first_search_from_file"] = run_child(home, "first")
    res["change"] = run_child(home, "change")
    res["first_search_new_process_after_change"] = run_child(home, "first")
    res["remove_probe"] = run_child(home, "remove")
    if args.queries:
        res["latency_ms"] = run_child(home, "latency", args.queries)
    old = res["first_search_no_file"]["first_search_s"]
    res["first_search_ratio_file_vs_store"] = round(res["first_search_from_file"]["first_search_s"] / old, 3)
    if args.queries:
        lat = res["latency_ms"]
        res["exact_vs_hnsw_p50"] = round(lat["exact"]["p50"] / lat["hnsw"]["p50"], 2)
        res["exact_vs_hnsw_p95"] = round(lat["exact"]["p95"] / lat["hnsw"]["p95"], 2)
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
