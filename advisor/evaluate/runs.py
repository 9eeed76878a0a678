"""Reading the run history: list rows, trend series, a run's text view and the comparison of two runs.

Shared by `advisor eval --list/--show` and the Evaluation page, over stored runs
(:class:`advisor.evaluate.history.StoredRun`), so both show the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .baseline import BaselineCase, Regression, compare_cases
from .config import EvalConfig, RegressionSettings
from .headline import headline
from .history import StoredRun
from .metrics import is_defined

#: The trend charts of the Evaluation page: (label, summary metric). Metrics that other
#: engineers add (red-team success, PHI recall) are charted when a run has them; the readability
#: rates (advisor.evaluate.readability) are in every run's summary from 2026-11-30 on.
TREND_METRICS: list[tuple[str, str]] = [
    ("Key points", "keypoint_coverage"),
    ("Citation precision", "citation_precision"),
    ("Citation recall", "citation_recall"),
    ("Faithfulness", "faithfulness"),
    ("Hallucination rate", "hallucination_rate"),
    ("Abstention accuracy", "abstention_accuracy"),
    ("Pass rate", "pass_rate"),
    ("Red-team success", "redteam_success_rate"),
    ("PHI recall", "phi_recall"),
    ("Fragment rate", "fragment_rate"),
    ("Heading/TOC-line rate", "heading_rate"),
    ("Duplicate-sentence rate", "duplicate_rate"),
    ("Broken-hyphen rate", "broken_hyphen_rate"),
    ("Words per answer", "words_per_answer"),
    ("Output stability", "stability_exact_match"),
    ("Latency p95 (ms)", "latency_p95_ms"),
]


def metric_value(summary: dict[str, Any], name: str) -> float | None:
    """A summary metric's value, or None when the run lacks it (older runs, metrics added later).

    Looks in ``metrics`` first, then in top-level blocks other features add to summary.json
    (e.g. ``{"redteam": {"metrics": {...}}}`` or ``{"phi": {"recall": 0.97}}``).
    """
    block = (summary.get("metrics") or {}).get(name)
    if isinstance(block, dict) and is_defined(block.get("value")):
        return float(block["value"])
    for section in summary.values():
        if not isinstance(section, dict):
            continue
        inner = section.get("metrics") if isinstance(section.get("metrics"), dict) else section
        v = inner.get(name)
        if isinstance(v, dict):
            v = v.get("value")
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return float(v)
    return None


def gate_result(run: StoredRun) -> str:
    """The honest one-word verdict of a stored run."""
    return str(headline(run.summary_doc).verdict)


@dataclass
class RunRow:
    """One line of the run list."""

    id: str
    started: str
    source: str
    split: str
    cases: int
    pass_rate: float | None
    gate: str
    corpus_version: str
    dataset_version: str
    mode: str
    checker: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "Run": self.id,
            "Started (UTC)": self.started.replace("T", " ")[:19],
            "From": self.source,
            "Split": self.split,
            "Cases": self.cases,
            "Pass rate": self.pass_rate,
            "Gate result": self.gate,
            "Corpus version": self.corpus_version,
            "Dataset version": self.dataset_version,
            "Mode / model": self.mode,
            "Checker": self.checker,
        }


def run_row(run: StoredRun) -> RunRow:
    m = run.manifest
    mode = str(m.get("mode") or "")
    if m.get("model"):
        mode += f" / {m['model']}"
    return RunRow(
        id=run.id,
        started=run.started,
        source=run.source,
        split=str(m.get("split") or "all"),
        cases=int(run.summary.get("n_cases") or 0),
        pass_rate=metric_value(run.summary, "pass_rate"),
        gate=gate_result(run),
        corpus_version=str(m.get("corpus_version") or ""),
        dataset_version=str(m.get("dataset_version") or ""),
        mode=mode,
        checker=str((m.get("checker") or {}).get("name") or ""),
    )


def trend_rows(runs: list[StoredRun]) -> list[dict[str, Any]]:
    """Long-form trend data, oldest run first: {run, started, metric, value} for every metric a run has."""
    rows = []
    for run in sorted(runs, key=lambda r: (r.started, r.id)):
        for label, name in TREND_METRICS:
            v = metric_value(run.summary, name)
            if v is not None:
                rows.append({"run": run.id, "started": run.started, "metric": label, "value": v})
    return rows


def list_text(runs: list[StoredRun]) -> str:
    """`advisor eval --list`: one line per run, newest first."""
    if not runs:
        return "No evaluation run is recorded yet; run `advisor eval`."
    lines = [
        f"{'run':<18}{'started (UTC)':<21}{'split':<6}{'cases':>6}{'pass':>8}  {'result':<30}{'dataset':<9}{'corpus':<14}mode"
    ]
    for r in map(run_row, runs):
        rate = f"{r.pass_rate:.3f}" if r.pass_rate is not None else "n/a"
        lines.append(
            f"{r.id:<18}{r.started.replace('T', ' ')[:19]:<21}{r.split:<6}{r.cases:>6}{rate:>8}  {r.gate:<30}"
            f"{r.dataset_version:<9}{r.corpus_version[:13]:<14}{r.mode}"
        )
    return "\n".join(lines)


def show_text(run: StoredRun, cases: list[dict[str, Any]]) -> str:
    """`advisor eval --show RUN`: the manifest, the honest headline, every metric, the failing cases."""
    m, s = run.manifest, run.summary
    h = headline(run.summary_doc)
    lines = [
        f"run {run.id} ({run.source}) started {run.started}, {m.get('duration_s')} s, reports in {run.out_dir or 'n/a'}",
        f"commit {m.get('git_commit') or 'n/a'} · corpus {m.get('corpus_version')} · dataset {m.get('dataset_version')} "
        f"· split {m.get('split')} · mode {m.get('mode')}{' / ' + str(m['model']) if m.get('model') else ''} "
        f"· checker {(m.get('checker') or {}).get('name')}",
        f"{h.title} — {h.gates}",
        *(f"  FAILED {x}" for x in h.failed),
        *(f"  missed {x}" for x in h.missed),
        *(f"  {x}" for x in h.profiles),
        "",
        f"{'metric':<26}{'value':>12}{'n':>6}",
    ]
    for name, block in (s.get("metrics") or {}).items():
        v = block.get("value")
        lines.append(f"{name:<26}{(f'{v:.4g}' if is_defined(v) else 'undefined'):>12}{block.get('n_defined', 0):>6}")
    lines.append(f"cases: {s.get('n_cases')}, passed: {s.get('n_passed')}, errors: {s.get('n_errors')}")
    for c in cases:
        if not c.get("passed"):
            lines.append(f"  FAIL {c.get('id')}: " + "; ".join(c.get("reasons") or [])[:300])
    return "\n".join(lines)


# --------------------------------------------------------------------------- comparison


def _baseline_cases(run: StoredRun) -> dict[str, BaselineCase]:
    return {cid: BaselineCase(bool(r.get("passed")), dict(r.get("metrics") or {})) for cid, r in run.per_case.items()}


@dataclass
class Flip:
    """A case whose pass/fail changed between two runs, with why it fails now (or failed before)."""

    id: str
    before: str
    after: str
    question: str = ""
    reasons_before: list[str] = field(default_factory=list)
    reasons_after: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    """Run B against run A (the baseline): flipped cases first, then the paired bootstrap per metric."""

    a: StoredRun
    b: StoredRun
    regression: Regression
    flips: list[Flip]

    @property
    def verdict(self) -> str:
        r = self.regression
        if not r.n_paired:
            return "no cases in common: nothing to compare"
        if r.regressed:
            return f"significant regression in {', '.join(r.regressed)} (paired bootstrap, {r.n_paired} cases)"
        better = [m.name for m in r.metrics if m.gated and is_defined(m.delta) and _improved(m)]
        tail = f"; significantly better: {', '.join(better)}" if better else ""
        return f"no significant regression (paired bootstrap, {r.n_paired} cases){tail}"


def _improved(m: Any) -> bool:
    if str(m.direction) == "lower":
        return bool(m.ci_high < -m.tolerance)
    return bool(m.ci_low > m.tolerance)


def _regression_settings(run: StoredRun) -> RegressionSettings:
    raw = run.manifest.get("regression") or {}
    known = RegressionSettings.__dataclass_fields__
    return RegressionSettings(**{k: v for k, v in raw.items() if k in known})


def compare_runs(
    a: StoredRun, b: StoredRun, cases_a: list[dict[str, Any]], cases_b: list[dict[str, Any]]
) -> Comparison:
    """Compare run B with baseline run A using the regression gate's paired bootstrap (B's settings)."""
    cfg = EvalConfig(k=int(b.manifest.get("k") or 5), regression=_regression_settings(b))
    reg = compare_cases(_baseline_cases(b), _baseline_cases(a), cfg, source=f"run {a.id}")
    by_a = {c.get("id"): c for c in cases_a}
    by_b = {c.get("id"): c for c in cases_b}
    flips = []
    for ch in reg.status_changes:
        ca, cb = by_a.get(ch.id) or {}, by_b.get(ch.id) or {}
        flips.append(
            Flip(
                ch.id,
                ch.before,
                ch.after,
                str((cb.get("case") or ca.get("case") or {}).get("question") or ""),
                list(ca.get("reasons") or []),
                list(cb.get("reasons") or []),
            )
        )
    flips.sort(key=lambda f: (f.after != "fail", f.id))  # new failures first
    return Comparison(a, b, reg, flips)
