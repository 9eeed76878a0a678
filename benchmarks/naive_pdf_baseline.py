"""The naive baseline of the product brief: keyword search over PDF pages, top page as the answer.

    .venv/bin/python benchmarks/naive_pdf_baseline.py [--pdf PATH] [--dataset FILE]

BM25 (bm25s) over the raw text of each page, tokenized with `advisor.text.tokenize`; no
embeddings, no chunking. For each answerable case the "answer" is the whole text of the top-1
page and the "citation" is that page. Prints page accuracy (top page in `expected_pages`),
keypoint coverage (share of keypoint groups found in the page text, matched like `advisor eval`)
and the all-keypoints pass rate.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import bm25s
import pypdf

from advisor.evaluate.metrics import keypoint_coverage
from advisor.text import tokenize

ROOT = Path(__file__).resolve().parents[1]


def page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(str(pdf)).pages]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdf", type=Path, default=ROOT.parent / "shared/realdocs/AI_RMF_Playbook.pdf")
    ap.add_argument(
        "--dataset",
        type=Path,
        action="append",
        help="default: evals/playbook-dev.jsonl and evals/playbook-test.jsonl",
    )
    args = ap.parse_args()
    datasets = args.dataset or [ROOT / "evals/playbook-dev.jsonl", ROOT / "evals/playbook-test.jsonl"]

    pages = page_texts(args.pdf)
    bm25 = bm25s.BM25()
    bm25.index([tokenize(t) or ["\u2205"] for t in pages], show_progress=False)
    cases = [json.loads(line) for d in datasets for line in d.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = [c for c in cases if c.get("answerable", True)]

    hits: list[bool] = []
    coverage: list[float] = []
    passed: list[bool] = []
    for case in cases:
        ids, _ = bm25.retrieve([tokenize(case["question"])], k=1, show_progress=False)
        top = int(ids[0][0])  # 0-based index; pages are cited 1-based
        hits.append(top + 1 in case.get("expected_pages", []))
        report = keypoint_coverage(pages[top], case.get("keypoints"))
        coverage.append(report.value)
        passed.append(not report.missing)
        status = "ok " if hits[-1] else "MISS"
        print(
            f"{case['id']:<8} {status} cited p.{top + 1:<4} expected {case.get('expected_pages')}  kp {report.value:.2f}"
        )

    n = len(cases)
    print(f"\n{n} answerable cases from {', '.join(d.name for d in datasets)}, {len(pages)} pages of {args.pdf.name}")
    print(f"page accuracy     {sum(hits) / n:.3f}  ({sum(hits)}/{n})")
    print(f"keypoint coverage {sum(coverage) / n:.3f}")
    print(f"keypoints pass    {sum(passed) / n:.3f}  ({sum(passed)}/{n})")


if __name__ == "__main__":
    main()
