"""Shared helpers for benchmarks: a scratch ADVISOR_HOME and percentile maths."""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parent.parent
PLAYBOOK = ROOT.parent / "shared" / "realdocs" / "AI_RMF_Playbook.pdf"


def scratch_home(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))


def pct(values: list[float], p: float) -> float:
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summary(name: str, ms: list[float]) -> str:
    return (
        f"{name}: n={len(ms)} p50={pct(ms, 50):.1f} ms p95={pct(ms, 95):.1f} ms "
        f"mean={statistics.fmean(ms):.1f} ms max={max(ms):.1f} ms"
    )
