"""Indexing throughput beside the raw encode throughput of the same model on the same chunks.

    .venv/bin/python benchmarks/bench_index.py [--no-playbook] [--seed]

Indexes the bundled corpus (and the AI RMF Playbook when present) into a fresh ADVISOR_HOME,
then encodes exactly the same chunk texts with the bare model, and prints both rates and
their ratio (how much of indexing time is embedding), in wall-clock time and in CPU seconds (on
a shared host the wall-clock ratio follows the other jobs' load; the CPU one much less). Every
chunk is embedded unless `--seed` lets the bundled corpus use its shipped embeddings (what a first
start does).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from _common import PLAYBOOK, scratch_home

from advisor.index import Index, embedding_text
from advisor.settings import Settings


def _cpu() -> float:
    """CPU seconds of this process (every thread) and of its finished children (the PDF parser's
    worker): on a shared host the wall-clock rates follow the other jobs' load, CPU time much less."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-playbook", action="store_true")
    ap.add_argument(
        "--seed",
        action="store_true",
        help="use the embeddings shipped with the bundled corpus (off: every chunk is embedded)",
    )
    args = ap.parse_args()
    home = scratch_home("bench-index-")
    s = Settings.from_env({"ADVISOR_HOME": str(home)})
    ix = Index(s, seed=args.seed)  # shipped vectors would make indexing look faster than encoding
    t = time.perf_counter()
    _ = ix.embedder.model  # load outside the timed region: both rates exclude model load
    load_s = time.perf_counter() - t
    paths = None
    t, c = time.perf_counter(), _cpu()
    r1 = ix.index_paths(paths)
    r2 = ix.index_paths([PLAYBOOK]) if PLAYBOOK.exists() and not args.no_playbook else None
    index_s, index_cpu = time.perf_counter() - t, _cpu() - c
    chunks = list(ix.all_chunks())
    n = len(chunks)
    texts = [embedding_text(c) for c in chunks]
    t, c = time.perf_counter(), _cpu()
    ix.embedder.model.encode(texts, batch_size=16, normalize_embeddings=True, show_progress_bar=False)
    encode_s, encode_cpu = time.perf_counter() - t, _cpu() - c
    t = time.perf_counter()
    again = ix.index_paths(None)
    reindex_s = time.perf_counter() - t
    print(f"model load: {load_s:.1f} s; shipped embeddings {'used' if args.seed else 'not used'}")
    print(f"files: {r1.files_indexed + (r2.files_indexed if r2 else 0)}; chunks: {n}")
    print(f"indexing: {index_s:.1f} s = {n / index_s:.1f} chunks/s (parse + chunk + embed + store)")
    print(f"raw encode of the same {n} chunks: {encode_s:.1f} s = {n / encode_s:.1f} chunks/s")
    print(f"ratio indexing/raw-encode throughput: {(n / index_s) / (n / encode_s):.2f}")
    print(
        f"CPU: indexing {index_cpu:.1f} s, raw encode {encode_cpu:.1f} s; "
        f"ratio raw-encode/indexing CPU: {encode_cpu / index_cpu:.2f}"
    )
    print(
        f"re-index unchanged corpus: {reindex_s:.2f} s, {again.chunks_added} chunks added, {again.embeddings_computed} embeddings"
    )
    print(f"(home: {home})", file=sys.stderr)


if __name__ == "__main__":
    main()
