"""Score fusion against reciprocal-rank fusion on eval datasets: per dataset, the share of cases
whose expected page (cases with `expected_pages`) or whose key points (all cases with them)
are in the top-k passages of a plain search, and the ratio of the two.

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 ADVISOR_HOME=/tmp/fusion-home .venv/bin/python benchmarks/bench_fusion.py \
        --dataset evals/playbook-dev.jsonl --corpus corpus/guidance --corpus corpus/assessment/results \
        --corpus ../shared/realdocs/AI_RMF_Playbook.pdf [--weights 0.25,0.35,0.5]

Indexes the corpus once into ADVISOR_HOME (incremental on later runs); searches only, no answers.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from _common import ROOT  # noqa: F401  (sets the offline environment)

from advisor.evaluate.datasets import load_datasets
from advisor.index import Index
from advisor.retrieve import Retriever
from advisor.settings import Settings


def _rates(retriever: Retriever, cases: list, k: int) -> tuple[float | None, float | None]:
    """(page hit rate, key-point rate) of the top-k passages over the cases that define them."""
    pages: list[bool] = []
    points: list[float] = []
    for c in cases:
        hits = retriever.search(c.question, k=k).hits
        if c.expected_pages:
            want = [s.lower() for s in c.expected_sources]
            pages.append(
                any(h.chunk.page in c.expected_pages and any(w in h.chunk.source.lower() for w in want) for h in hits)
            )
        if c.keypoints:
            text = " ".join(f"{h.chunk.section} {h.chunk.text}".lower() for h in hits)
            points.append(sum(any(a.lower() in text for a in alts) for alts in c.keypoints) / len(c.keypoints))
    mean = lambda xs: sum(xs) / len(xs) if xs else None  # noqa: E731
    return mean(pages), mean(points)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", type=Path, action="append", required=True)
    ap.add_argument("--corpus", type=Path, action="append", required=True)
    ap.add_argument("--k", type=int, default=6)
    ap.add_argument("--weights", default="0.35", help="dense weights of score fusion to try, comma-separated")
    args = ap.parse_args()
    settings = Settings.from_env()
    ix = Index(settings)
    ix.index_paths(list(args.corpus))
    cases = [c for c in load_datasets(list(args.dataset)) if c.answerable and not c.history]
    fmt = lambda x: "n/a" if x is None else f"{x:.3f}"  # noqa: E731
    base = Retriever(ix, parallel=False)
    base.settings = dataclasses.replace(settings, fusion="rrf")
    rrf = _rates(base, cases, args.k)
    print(f"cases={len(cases)} k={args.k}")
    print(f"rrf (k={settings.rrf_k}): page hit {fmt(rrf[0])}  key points {fmt(rrf[1])}")
    for w in (float(x) for x in args.weights.split(",")):
        r = Retriever(ix, parallel=False)
        r.settings = dataclasses.replace(settings, fusion="score", dense_weight=w)
        got = _rates(r, cases, args.k)
        ratio = " ".join(
            f"{name} x{a / b:.3f}" for name, a, b in (("page", got[0], rrf[0]), ("kp", got[1], rrf[1])) if a and b
        )
        print(f"score (dense {w}): page hit {fmt(got[0])}  key points {fmt(got[1])}  vs rrf: {ratio}")


if __name__ == "__main__":
    main()
