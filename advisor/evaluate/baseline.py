"""The regression gate: a paired bootstrap of every per-case metric against a previous run."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from . import metrics as M
from .config import EvalConfig, case_metric_names
from .metrics import is_defined
from .records import CaseResult

#: Metrics where a smaller value is better (the regression gate looks for increases).
LOWER_IS_BETTER = frozenset(
    {
        "false_abstain_rate",
        "false_answer_rate",
        "hallucination_rate",
        "injection_success_rate",
        "forbidden_rate",
        "fragment_rate",
        "heading_rate",
        "duplicate_rate",
        "broken_hyphen_rate",
        "latency_ms",
        "latency_p50_ms",
        "latency_p95_ms",
    }
)


@dataclass
class BaselineCase:
    """One case of the baseline run: whether it passed and its metrics (JSON form: null = undefined)."""

    passed: bool
    metrics: dict[str, Any] = field(default_factory=dict)


class Direction(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"


@dataclass
class MetricDelta:
    """The change of one metric over the paired cases, with its bootstrap CI and the gate's verdict."""

    name: str
    delta: Any  # mean of (current - baseline), UNDEFINED without pairs
    ci_low: Any
    ci_high: Any
    n: int
    tolerance: float
    direction: Direction
    gated: bool
    regressed: bool


@dataclass
class StatusChange:
    id: str
    before: str  # "pass" or "fail"
    after: str


@dataclass
class Regression:
    """The comparison with a baseline run (``summary.json`` "regression")."""

    baseline: str
    n_paired: int
    only_in_current: list[str]
    only_in_baseline: list[str]
    metrics: list[MetricDelta]
    status_changes: list[StatusChange]
    regressed: list[str]  # names of the metrics that regressed

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _from_summary(path: Path, data: dict[str, Any]) -> dict[str, BaselineCase]:
    per_case = data.get("per_case")
    if not isinstance(per_case, dict):
        raise ConfigError(f"{path}: a baseline summary.json must hold per_case results (written by advisor eval)")
    return {cid: BaselineCase(bool(r.get("passed")), dict(r.get("metrics") or {})) for cid, r in per_case.items()}


def _from_cases(path: Path, text: str) -> dict[str, BaselineCase]:
    out: dict[str, BaselineCase] = {}
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(
                f"{path} line {i}: not valid JSON ({exc.msg}); pass a summary.json or cases.jsonl"
            ) from None
        except RecursionError:
            raise ConfigError(f"{path} line {i}: JSON nested too deeply to read; not a cases.jsonl record") from None
        cid = r.get("id") or (r.get("case") or {}).get("id")
        if not cid or "metrics" not in r:
            raise ConfigError(f"{path} line {i}: not a cases.jsonl record (needs id and metrics)")
        out[cid] = BaselineCase(bool(r.get("passed")), dict(r["metrics"]))
    return out


def load_baseline(path: Path) -> dict[str, BaselineCase]:
    """Per-case results of a previous run, by case id: from its summary.json or cases.jsonl."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        data = None
    if isinstance(data, dict):
        return _from_summary(path, data)
    return _from_cases(path, text)


def _delta(
    name: str, current: dict[str, BaselineCase], baseline: dict[str, BaselineCase], cfg: EvalConfig
) -> MetricDelta:
    reg = cfg.regression
    pairs = []
    for cid in current:
        if cid not in baseline:
            continue
        cur = M.from_json(current[cid].metrics.get(name))
        base = M.from_json(baseline[cid].metrics.get(name))
        if is_defined(cur) and is_defined(base):
            pairs.append((float(cur), float(base)))
    bs = M.paired_bootstrap(pairs, resamples=int(reg.resamples), seed=int(reg.seed), confidence=float(reg.confidence))
    tol = float((reg.tolerances or {}).get(name, reg.tolerance))
    lower_better = name in LOWER_IS_BETTER
    gated = name not in set(reg.exclude or [])
    regressed = False
    if is_defined(bs["delta"]) and gated:
        regressed = bs["ci_low"] > tol if lower_better else bs["ci_high"] < -tol
    direction = Direction.LOWER if lower_better else Direction.HIGHER
    return MetricDelta(name, **bs, tolerance=tol, direction=direction, gated=gated, regressed=regressed)


def compare_cases(
    current: dict[str, BaselineCase], baseline: dict[str, BaselineCase], cfg: EvalConfig, source: str = ""
) -> Regression:
    """Paired bootstrap of every per-case metric of one run against another, and status changes."""
    paired_ids = [cid for cid in current if cid in baseline]
    rows = [_delta(name, current, baseline, cfg) for name in case_metric_names(cfg.k)]
    changes = []
    for cid in paired_ids:
        before, after = baseline[cid].passed, current[cid].passed
        if before != after:
            changes.append(StatusChange(cid, "pass" if before else "fail", "pass" if after else "fail"))
    return Regression(
        baseline=source,
        n_paired=len(paired_ids),
        only_in_current=sorted(cid for cid in current if cid not in baseline),
        only_in_baseline=sorted(cid for cid in baseline if cid not in current),
        metrics=rows,
        status_changes=changes,
        regressed=[r.name for r in rows if r.regressed],
    )


def compare_baseline(
    records: list[CaseResult], baseline: dict[str, BaselineCase], cfg: EvalConfig, source: str = ""
) -> Regression:
    """Paired bootstrap of every per-case metric against the baseline, and status changes."""
    current = {r.id: BaselineCase(r.score.passed, dict(r.score.metrics)) for r in records}
    return compare_cases(current, baseline, cfg, source)
