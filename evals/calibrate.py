"""Calibrate the abstention threshold on the dev split (never on test).

    ADVISOR_HOME=... .venv/bin/python evals/calibrate.py \
        --dataset evals/dev.jsonl --dataset evals/playbook-dev.jsonl --corpus ../shared/realdocs/AI_RMF_Playbook.pdf

Answers every case once with the threshold at 0 (nothing abstains on evidence), records
each guidance answer's confidence, then sweeps thresholds and prints the false-abstain rate
(answerable cases that would abstain) and the false-answer rate (unanswerable cases that
would be answered). Out-of-scope refusals and assessment answers do not depend on the
threshold and are reported separately.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from advisor.answer import Advisor
from advisor.evaluate import default_corpus, eval_settings_for
from advisor.index import Index
from advisor.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--dataset", type=Path, action="append", help="default: evals/dev.jsonl (+ playbook-dev with --corpus)"
    )
    ap.add_argument("--corpus", type=Path, action="append", help="extra documents to index (e.g. the Playbook PDF)")
    args = ap.parse_args()
    datasets = args.dataset or [ROOT / "evals" / "dev.jsonl"]
    base = eval_settings_for(Settings.from_env())
    Index(base).index_paths(default_corpus() + (args.corpus or []))
    adv = Advisor(dataclasses.replace(base, abstain_threshold=0.0))
    rows = []
    for line in (ln for d in datasets for ln in d.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        case = json.loads(line)
        ans = adv.ask(case["question"], org=case.get("org"), history=case.get("history") or None)
        rows.append((case, ans))
    scored = [(c.get("answerable", True), a.confidence) for c, a in rows if a.confidence is not None]
    fixed = [(c.get("answerable", True), a.abstained, a.kind) for c, a in rows if a.confidence is None]
    print(f"cases: {len(rows)}; threshold-dependent: {len(scored)}; fixed (refusal/assessment/clarify): {len(fixed)}")
    n_ans = sum(1 for ok, _ in scored if ok) or 1
    n_un = sum(1 for ok, _ in scored if not ok) or 1
    print("threshold  false_abstain  false_answer")
    best = None
    for i in range(40, 91, 2):
        t = i / 100
        fa = sum(1 for ok, conf in scored if ok and conf < t) / n_ans
        fn = sum(1 for ok, conf in scored if not ok and conf >= t) / n_un
        print(f"  {t:.2f}      {fa:.3f}          {fn:.3f}")
        # the highest threshold that keeps false abstentions at or under 1%: a wrongly declined
        # answerable question costs more than a weakly supported answer to an unanswerable one
        if fa <= 0.01:
            best = (t, fa, fn)
    if best:
        print(f"chosen: {best[0]:.2f} (false-abstain {best[1]:.3f}, false-answer {best[2]:.3f})")


if __name__ == "__main__":
    main()
