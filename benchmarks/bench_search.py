"""`advisor search` and offline `ask` latency, p50/p95 over 100 queries (model load excluded).

    .venv/bin/python benchmarks/bench_search.py [--home DIR]

Builds (or reuses, with --home) an index of the bundled corpus plus the AI RMF Playbook.
Queries are built from the corpus's own section headings and a fixed list of questions, in a
fixed order, so runs are comparable.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

from _common import PLAYBOOK, ROOT, scratch_home, summary

from advisor.answer import Advisor
from advisor.settings import Settings

QUESTIONS = [
    "What does GOVERN 1.6 require?",
    "Is the NIST AI RMF mandatory?",
    "What are the seven trustworthiness characteristics?",
    "What does HTI-1 require for predictive decision support interventions?",
    "What are the ten GMLP principles?",
    "What should a health system ask an AI vendor?",
    "How should we monitor deployed models for drift?",
    "What does Section 1557 require of covered entities?",
    "What is TEFCA?",
    "What are the Kahn data quality categories?",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", type=Path)
    ap.add_argument("--n", type=int, default=100)
    args = ap.parse_args()
    home = args.home or scratch_home("bench-search-")
    adv = Advisor(Settings.from_env({"ADVISOR_HOME": str(home)}))
    adv.ensure_index()
    if PLAYBOOK.exists():
        adv.index_paths([PLAYBOOK])
    sections = sorted({c.section.split(" > ")[-1] for c in adv.index.all_chunks() if c.section and not c.org})
    rng = random.Random(7)
    queries = (QUESTIONS * 2 + rng.sample(sections, min(len(sections), args.n)))[: args.n]
    adv.search("warm up")  # model load and keyword index load, excluded
    search_ms = []
    for q in queries:
        t = time.perf_counter()
        adv.search(q, k=8)
        search_ms.append((time.perf_counter() - t) * 1000)
    ask_ms = []
    for q in queries:
        t = time.perf_counter()
        adv.ask(q)
        ask_ms.append((time.perf_counter() - t) * 1000)
    print(f"index: {adv.index.chunk_count()} chunks")
    print(summary("search (in-process)", search_ms))
    print(summary("ask offline (in-process, first pass)", ask_ms))
    warm = []
    for q in queries:
        t = time.perf_counter()
        adv.ask(q)
        warm.append((time.perf_counter() - t) * 1000)
    print(summary("ask offline (repeat, caches warm)", warm))
    cli = []
    for q in QUESTIONS[:5]:
        t = time.perf_counter()
        subprocess.run(
            [str(Path(sys.executable).parent / "advisor"), "search", q, "--json"],
            env={"ADVISOR_HOME": str(home), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        cli.append((time.perf_counter() - t) * 1000)
    print(summary("`advisor search` CLI end to end (includes process start + model load)", cli))


if __name__ == "__main__":
    main()
