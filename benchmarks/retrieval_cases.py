"""Retrieval-only run of an eval dataset: recall@5, MRR and the first expected document's page per case.

Indexes the corpus once into a kept ADVISOR_HOME (incremental on later runs), then searches each
case the way a guidance answer does (`search_guidance`), without composing answers: seconds
instead of the full eval's minutes, for tuning retrieval on a dev set.

    PYTHONPATH=$PWD HF_HUB_OFFLINE=1 ADVISOR_HOME=/tmp/rc-home .venv/bin/python benchmarks/retrieval_cases.py \
        --dataset evals/playbook-dev.jsonl --corpus corpus/guidance --corpus corpus/assessment/results \
        --corpus ../shared/realdocs/AI_RMF_Playbook.pdf [--show-misses] [--json out.jsonl]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from _common import ROOT  # noqa: F401  (sets the offline environment)

from advisor.answer.lookup import search_guidance
from advisor.chunk import DocType
from advisor.evaluate import metrics as M
from advisor.evaluate.datasets import load_datasets
from advisor.evaluate.runner import stale_sources
from advisor.index import Index
from advisor.retrieve import Retriever
from advisor.settings import Settings


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", type=Path, action="append", required=True)
    ap.add_argument("--corpus", type=Path, action="append", required=True)
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    settings = Settings.from_env()
    ix = Index(settings)
    ix.index_paths(list(args.corpus))
    stale = stale_sources(ix.files(), list(args.corpus))
    if stale:
        ix.remove_sources(stale)
    retriever = Retriever(ix)
    users = ix.has_doc_type(DocType.USER)
    cases = [c for c in load_datasets(list(args.dataset)) if c.expected_sources and not c.history]
    ranked = []
    for c in cases:
        hits = search_guidance(retriever, c.question, k=settings.top_k, org=c.org, user_documents=users).hits
        ranked.append([M.Retrieved(h.chunk.source, h.chunk.page) for h in hits])
    scores = M.retrieval_metrics(
        [(r, c.expected_sources, c.expected_pages or None) for r, c in zip(ranked, cases, strict=True)], k=args.k
    )
    rows = []
    for c, r, s in zip(cases, ranked, scores, strict=True):
        want = [x.lower() for x in c.expected_sources]
        first = next((x.page for x in r if any(w in x.source.lower() for w in want)), None)
        rows.append({"id": c.id, f"recall@{args.k}": s[f"recall@{args.k}"], "mrr": s["mrr"], "first_page": first})
        if args.show_misses and s[f"recall@{args.k}"] < 1:
            top = [(Path(x.source).stem[:22], x.page) for x in r[: args.k + 1]]
            print(f"{c.id} R={s[f'recall@{args.k}']:.2f} mrr={s['mrr']:.2f} want={c.expected_pages} {c.question}")
            print(f"    {top}")
    rec = statistics.fmean(x[f"recall@{args.k}"] for x in rows)
    mrr = statistics.fmean(x["mrr"] for x in rows)
    print(f"cases={len(rows)} recall@{args.k}={rec:.3f} mrr={mrr:.3f}")
    if args.json:
        args.json.write_text("".join(json.dumps(x) + "\n" for x in rows))
    ix.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
