"""Calibrate abstention on the dev splits (never on test).

    ADVISOR_HOME=... .venv/bin/python evals/calibrate.py \
        --dataset evals/dev.jsonl --dataset evals/playbook-dev.jsonl --dataset evals/cards-dev.jsonl \
        --dataset evals/unanswerable-dev.jsonl \
        --corpus ../shared/realdocs/AI_RMF_Playbook.pdf --corpus ../shared/realdocs/chai-model-cards

Answers every case once with every abstention check off, recording for each guidance answer:
its confidence (best sentence score + 0.3 x the top passages' coverage of the question), and
whether the drafted answer addresses what was asked (`advisor.answer.asks`): the weighted
share of the question's anchors its sentences name (coverage) and, for questions asking for an
amount, a count, a date or a rate, the same share for the best sentence stating one (focus
coverage). It then sweeps the three thresholds and prints the false-abstain rate (answerable
cases that would abstain) and the false-answer rate (unanswerable cases that would be answered),
and the settings in use. Out-of-scope refusals and assessment answers do not depend on the
thresholds and are reported separately; so are the names a question asks about that no
answer document uses (a fixed rule of `asks.addressed`, not a threshold).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
from pathlib import Path
from typing import Any

from advisor.answer import Advisor
from advisor.answer import guidance as G
from advisor.answer.asks import Verdict
from advisor.evaluate import default_corpus, eval_settings_for
from advisor.index import Index
from advisor.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _recording(log: list[Verdict]):
    """`asks.addressed` that records the verdict and lets every draft through."""
    real = G.addressed

    def addressed(ask, evidence, *, min_coverage: float, min_focus_coverage: float, words=None) -> Verdict:
        verdict = real(ask, evidence, min_coverage=0.0, min_focus_coverage=0.0, words=words)
        log.append(verdict)
        return verdict

    return addressed


def _answer_all(adv: Advisor, datasets: list[Path]) -> list[dict[str, Any]]:
    rows = []
    log: list[Verdict] = []
    G.addressed = _recording(log)  # type: ignore[assignment]
    for line in (ln for d in datasets for ln in d.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        case = json.loads(line)
        log.clear()
        ans = adv.ask(case["question"], org=case.get("org"), history=case.get("history") or None)
        verdict = log[-1] if log else None
        rows.append(
            {
                "id": case["id"],
                "answerable": case.get("answerable", True),
                "kind": str(ans.kind),
                "abstained": ans.abstained,
                "confidence": ans.confidence,
                "coverage": verdict.coverage if verdict else None,
                "focus": verdict.focus_coverage if verdict else None,
                # with both thresholds at 0 only the fixed rules (names) decline
                "declined_by": verdict.reason if verdict and not verdict.ok else "",
            }
        )
    return rows


def _rates(rows: list[dict[str, Any]], t: float, c: float, f: float) -> tuple[float, float, int, int]:
    """False-abstain and false-answer rates over threshold-dependent rows, with the counts."""
    fa = fn = n_ans = n_un = 0
    for r in rows:
        declines = (
            bool(r["declined_by"])
            or r["confidence"] < t
            or (r["coverage"] is not None and (r["coverage"] < c or r["focus"] < f))
        )
        if r["answerable"]:
            n_ans += 1
            fa += declines
        else:
            n_un += 1
            fn += not declines
    return fa / max(n_ans, 1), fn / max(n_un, 1), n_ans, n_un


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", type=Path, action="append", help="default: evals/dev.jsonl")
    ap.add_argument("--corpus", type=Path, action="append", help="extra documents to index (e.g. the Playbook PDF)")
    ap.add_argument("--out", type=Path, help="write the per-case rows here (JSONL)")
    args = ap.parse_args()
    datasets = args.dataset or [ROOT / "evals" / "dev.jsonl"]
    base = eval_settings_for(Settings.from_env())
    Index(base).index_paths(default_corpus() + (args.corpus or []))
    adv = Advisor(dataclasses.replace(base, abstain_threshold=0.0))
    rows = _answer_all(adv, datasets)
    if args.out:
        args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    scored = [r for r in rows if r["confidence"] is not None]
    fixed = [r for r in rows if r["confidence"] is None]
    named = [r for r in scored if r["declined_by"]]
    print(
        "declined for names no answer document uses: "
        f"{sum(not r['answerable'] for r in named)} unanswerable, {sum(r['answerable'] for r in named)} answerable "
        f"{[r['id'] for r in named if r['answerable']]}"
    )
    print(f"cases: {len(rows)}; threshold-dependent: {len(scored)}; fixed (refusal/assessment/clarify): {len(fixed)}")
    wrong_fixed = [r["id"] for r in fixed if r["abstained"] == r["answerable"]]
    print(f"fixed cases answered wrongly (not affected by the thresholds): {wrong_fixed}")
    now = (base.abstain_threshold, G.MIN_COVERAGE, G.MIN_FOCUS_COVERAGE)
    fa, fn, n_ans, n_un = _rates(scored, *now)
    print(
        f"in use: threshold {now[0]:.2f}, coverage {now[1]:.2f}, focus {now[2]:.2f} -> "
        f"false-abstain {fa:.3f} ({n_ans} answerable), false-answer {fn:.3f} ({n_un} unanswerable)"
    )
    print("threshold  coverage  focus  false_abstain  false_answer")
    grid = itertools.product(
        [x / 100 for x in range(50, 71, 2)], [x / 20 for x in range(4, 15)], [x / 20 for x in range(2, 13)]
    )
    results = [(t, c, f, *_rates(scored, t, c, f)[:2]) for t, c, f in grid]
    # the fewest false answers with false abstentions at or under 3%: a wrongly declined
    # answerable question costs more than a weakly supported answer to an unanswerable one
    ok = sorted((r for r in results if r[3] <= 0.03), key=lambda r: (r[4], r[3], -r[1], -r[2]))
    for t, c, f, fa, fn in ok[:15]:
        print(f"  {t:.2f}      {c:.2f}      {f:.2f}   {fa:.3f}          {fn:.3f}")


if __name__ == "__main__":
    main()
