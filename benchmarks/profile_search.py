"""Where a hybrid search's and an offline answer's time goes, on bench_scale's generated library.

    .venv/bin/python benchmarks/profile_search.py --keep DIR [--passages 100000] [--queries 60]
        [--top 25] [--sort cumulative|tottime]

DIR is a `bench_scale.py --keep DIR` folder: its SQLite home (DIR/home-sqlite) is profiled as it
is; when DIR holds none, `bench_scale.py --passages N --backend sqlite --keep DIR --direct` builds
it first (the generated corpus: real sentences recombined, vectors derived from the real model's;
see bench_scale's docstring). The questions are bench_scale's (plain ones and identifier ones).

The search runs its keyword side in the calling thread (`parallel=False`, the same results) so
one profiler sees all of it; each question is embedded afresh (the query cache is cleared), as
in bench_scale. Prints p50/p95 of searches and offline answers, each search's own split
(keyword side, dense channel), and the top functions of each by cProfile (pyinstrument, when
installed and `--pyinstrument` is given, prints its call tree instead).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import subprocess
import sys
import time
from pathlib import Path

from _common import ROOT, pct

sys.path.insert(0, str(ROOT))


def ensure_home(keep: Path, passages: int) -> Path:
    """DIR/home-sqlite, built by bench_scale when missing."""
    home = keep / "home-sqlite"
    if not (keep / "index-sqlite.json").exists():
        cmd = [sys.executable, str(ROOT / "benchmarks" / "bench_scale.py"), "--passages", str(passages)]
        cmd += ["--backend", "sqlite", "--queries", "10", "--keep", str(keep), "--direct"]
        subprocess.run(cmd, check=True, cwd=ROOT)
    return home


def questions(n: int) -> list[str]:
    """bench_scale's questions: its fixed ones and generated-heading ones with an identifier."""
    from bench_scale import QUESTIONS, sentence_pool

    rng = random.Random(11)
    heads = [f"{k.replace('-', ' ')} SCALE-{rng.randrange(997)}.{rng.randrange(20)}" for k in sorted(sentence_pool())]
    both = QUESTIONS + heads
    return [both[i % len(both)] for i in range(n)]


def profiled(name: str, fn, qs: list[str], clear, args) -> list[float]:
    """Run fn over the questions under the profiler; print its report; the per-call times."""
    times: list[float] = []
    prof = None
    if args.pyinstrument:
        from pyinstrument import Profiler

        prof = Profiler(interval=0.0005)
        prof.start()
    else:
        prof = cProfile.Profile()
        prof.enable()
    for q in qs:
        clear()
        t = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - t) * 1000)
    if args.pyinstrument:
        prof.stop()
        print(f"\n===== {name}: pyinstrument =====")
        print(prof.output_text(unicode=False, color=False, show_all=False))
    else:
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats(args.sort).print_stats(args.top)
        print(f"\n===== {name}: cProfile, top {args.top} by {args.sort} (profiler overhead included) =====")
        print(out.getvalue())
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, required=True, help="a bench_scale --keep folder (built when empty)")
    ap.add_argument("--passages", type=int, default=100000, help="the size to build when --keep holds none")
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--sort", choices=["cumulative", "tottime"], default="cumulative")
    ap.add_argument("--pyinstrument", action="store_true", help="pyinstrument's call tree instead of cProfile")
    args = ap.parse_args()
    home = ensure_home(args.keep.resolve(), args.passages)

    from advisor.answer import Advisor
    from advisor.settings import Settings

    t = time.perf_counter()
    adv = Advisor(Settings.from_env({"ADVISOR_HOME": str(home)}))
    adv.retriever.parallel = False  # one thread: the profiler sees the keyword side too
    adv.search("warm up")
    adv.ask("warm up question about governance")
    print(f"advisor ready and warm in {time.perf_counter() - t:.1f} s; {len(adv.retriever.lexical().ids)} passages")
    qs = questions(args.queries)
    emb = adv.index.embedder
    clear = emb._query_cache.clear

    # unprofiled first: the times a user sees, and each search's own split
    split: dict[str, list[float]] = {"search": [], "lexical_ms": [], "dense_ms": [], "ask": []}
    for q in qs:
        clear()
        t = time.perf_counter()
        res = adv.retriever.search(q, k=8)
        split["search"].append((time.perf_counter() - t) * 1000)
        split["lexical_ms"].append(res.timings["lexical_ms"])
        split["dense_ms"].append(res.timings["dense_ms"])
    for q in qs:
        clear()
        t = time.perf_counter()
        adv.ask(q)
        split["ask"].append((time.perf_counter() - t) * 1000)
    print("\nunprofiled, ms (search = Retriever.search in one thread; ask = offline answer):")
    for k, v in split.items():
        print(f"  {k:10s} p50 {pct(v, 50):7.1f}  p95 {pct(v, 95):7.1f}  max {max(v):7.1f}")

    profiled("hybrid search", lambda q: adv.retriever.search(q, k=8), qs, clear, args)
    profiled("offline answer", adv.ask, qs, clear, args)


if __name__ == "__main__":
    main()
