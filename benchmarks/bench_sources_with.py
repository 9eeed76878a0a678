"""`Lexical.sources_with(token)`: the documents holding a token, before (a scan of every
document's vocabulary per call) and after (a token -> documents index built once).

    .venv/bin/python benchmarks/bench_sources_with.py [--passages 10000 100000] [--tokens 300]
        [--keep-root DIR]

The corpus is bench_scale's generated one (see `_scale_chunks.py`), kept under DIR/<passages>
(a `bench_scale.py --keep` folder of that size can be linked there). The keyword index is built
once per size; then each of `--tokens` tokens (every 1/t-th of the vocabulary in frequency
order, common and rare alike) is looked up with the old scan and with the index, and the answers
are checked equal. Prints one JSON object: per size, the build time of the keyword index and of
the token index, per-call mean / p95 of both ways with the ratio, and a search's keyword work
(BM25, identifiers, acronyms) per bench_scale question at that size.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import ROOT, pct
from _scale_chunks import scale_chunks

sys.path.insert(0, str(ROOT))


def scan_sources_with(lex, vocab_pos: dict[str, int], token: str) -> list[str]:
    """The previous `sources_with`: every document's token ids compared with the token's."""
    pos = vocab_pos.get(token)
    if pos is None:
        return []
    at = np.nonzero(lex.doc_token_ids == pos)[0]
    owners = np.searchsorted(lex.doc_offsets, at, side="right") - 1
    names = list(lex.doc_sources)
    return [names[int(i)] for i in sorted(set(owners.tolist()))]


def measure(passages: int, keep: Path, n_tokens: int) -> dict:
    from advisor.retrieve import Lexical

    chunks = scale_chunks(passages, keep)
    t, c = time.perf_counter(), time.process_time()
    lex = Lexical.build(chunks)
    build_s, build_cpu = time.perf_counter() - t, time.process_time() - c
    t = time.perf_counter()
    lex.holders()
    holders_ms = (time.perf_counter() - t) * 1000
    by_df = sorted(lex.df, key=lambda w: (-lex.df[w], w))
    tokens = by_df[:: max(1, len(by_df) // n_tokens)][:n_tokens]
    vocab_pos = {w: i for i, w in enumerate(lex.df)}
    old, new = [], []
    for tok in tokens:
        t = time.perf_counter()
        a = scan_sources_with(lex, vocab_pos, tok)
        old.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        b = lex.sources_with(tok)
        new.append((time.perf_counter() - t) * 1000)
        if a != b:
            raise SystemExit(f"different documents for {tok!r}: {len(a)} scanned, {len(b)} indexed")
    return {
        "keyword_side_ms": keyword_side(lex),
        "chunks": len(lex.ids),
        "documents": len(lex.doc_sources),
        "vocabulary": len(lex.df),
        "doc_token_entries": len(lex.doc_token_ids),
        "keyword_index_build_s": round(build_s, 1),
        "keyword_index_build_cpu_s": round(build_cpu, 1),
        "token_index_build_ms": round(holders_ms, 1),
        "tokens_looked_up": len(tokens),
        "scan_ms": {"mean": round(statistics.fmean(old), 3), "p95": round(pct(old, 95), 3)},
        "indexed_ms": {"mean": round(statistics.fmean(new), 4), "p95": round(pct(new, 95), 4)},
        "speedup_mean": round(statistics.fmean(old) / statistics.fmean(new), 1),
    }


def keyword_side(lex) -> dict:
    """Per bench_scale question, a search's keyword work on this index (BM25, identifiers, the
    acronym look-up), p50/p95 in ms: the part of a search that grows with the keyword index."""
    from bench_scale import QUESTIONS

    from advisor.retrieve import Filters, _shortened

    mask = lex.mask(Filters())
    qs = QUESTIONS + [f"{w} SCALE-{i}.{i % 20}" for i, w in enumerate(["oversight", "vendor", "drift"] * 4)]
    times = []
    for _ in range(3):
        for q in qs:
            t = time.perf_counter()
            lex.search(q, 60, mask)
            lex.id_search(q, mask, 60)
            _shortened(q, lex.acronyms_by_start(), lex.df)
            times.append((time.perf_counter() - t) * 1000)
    return {"p50": round(pct(times, 50), 2), "p95": round(pct(times, 95), 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--tokens", type=int, default=300)
    ap.add_argument("--keep-root", type=Path, help="keep (or reuse) each size's corpus under DIR/<passages>")
    args = ap.parse_args()
    root = args.keep_root or Path(tempfile.mkdtemp(prefix="sources-with-"))
    out = {}
    for n in args.passages:
        keep = root / str(n)
        keep.mkdir(parents=True, exist_ok=True)
        out[str(n)] = measure(n, keep, args.tokens)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
