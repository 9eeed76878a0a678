"""What the Evaluation page shows, built from stored runs and review items: run labels,
trend figures, a case's drill-down, comparison tables, queue rows, and the parsers of the
promote form. Pure functions (no Streamlit), so they are tested directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go

from ..errors import ReviewError
from ..evaluate.history import StoredRun
from ..evaluate.metrics import is_defined
from ..evaluate.review import ReviewItem
from ..evaluate.runs import Comparison, run_row

LATENCY = "Latency p95 (ms)"


def run_label(run: StoredRun) -> str:
    r = run_row(run)
    rate = f"{r.pass_rate:.0%}" if r.pass_rate is not None else "n/a"
    return f"{r.id} · {r.split} · {r.cases} cases · pass {rate} · {r.gate}"


def trend_figure(rows: list[dict[str, Any]], metrics: list[str]) -> go.Figure:
    """One line per metric over the runs (oldest first); latency gets its own axis on the right."""
    fig = go.Figure()
    order = list(dict.fromkeys(r["run"] for r in rows))
    for metric in metrics:
        pts = [r for r in rows if r["metric"] == metric]
        if not pts:
            continue
        fig.add_trace(
            go.Scatter(
                x=[p["run"] for p in pts],
                y=[p["value"] for p in pts],
                mode="lines+markers",
                name=metric,
                yaxis="y2" if metric == LATENCY else "y",
                hovertemplate=f"{metric}: %{{y:.3f}}<br>run %{{x}}<extra></extra>",
            )
        )
    layout: dict[str, Any] = {
        "height": 380,
        "margin": {"t": 30, "b": 40},
        "legend": {"orientation": "h", "y": -0.25},
        "yaxis": {"title": "rate", "range": [0, 1.05]},
        "xaxis": {"type": "category", "categoryorder": "array", "categoryarray": order, "title": "run"},
    }
    if LATENCY in metrics:
        layout["yaxis2"] = {"title": "ms", "overlaying": "y", "side": "right", "rangemode": "tozero"}
    fig.update_layout(**layout)
    return fig


def case_options(cases: list[dict[str, Any]]) -> dict[str, str]:
    """Case id -> label, failing cases first (in run order within each group)."""
    ordered = [c for c in cases if not c.get("passed")] + [c for c in cases if c.get("passed")]
    out = {}
    for c in ordered:
        q = str((c.get("case") or {}).get("question") or "")
        status = "PASS" if c.get("passed") else "FAIL"
        out[str(c.get("id"))] = f"{status} · {c.get('id')} · {q[:90]}"
    return out


@dataclass
class CaseView:
    """A case's drill-down: what was asked, what was expected (met or not) and why it failed."""

    question: str
    org: str | None
    history: list[dict[str, Any]]
    answer: dict[str, Any]
    passed: bool
    keypoints: list[tuple[list[str], bool]] = field(default_factory=list)  # (alternatives, met)
    sources: list[tuple[str, bool, int | None]] = field(default_factory=list)  # (expected, cited, best rank)
    forbidden: list[tuple[str, bool]] = field(default_factory=list)  # (string, found in the answer)
    reasons: list[str] = field(default_factory=list)
    failing_metrics: list[tuple[str, str]] = field(default_factory=list)  # (metric, value and rule)
    unsupported: list[dict[str, Any]] = field(default_factory=list)
    undefined: dict[str, str] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def _failing_metrics(metrics: dict[str, Any], rules: dict[str, Any], reasons: list[str]) -> list[tuple[str, str]]:
    """The metrics behind a failure, each with its value and the rule it broke."""
    out: list[tuple[str, str]] = []

    def val(name: str) -> Any:
        return metrics.get(name)

    if is_defined(val("false_abstain_rate")) and val("false_abstain_rate") > 0:
        out.append(("abstention_accuracy", "0: abstained on an answerable question"))
    if is_defined(val("false_answer_rate")) and val("false_answer_rate") > 0:
        out.append(("abstention_accuracy", "0: answered a question it should have declined"))
    if is_defined(val("keypoints_pass")) and val("keypoints_pass") < 1:
        out.append(("keypoint_coverage", f"{val('keypoint_coverage'):.2f}: not every key point is in the answer"))
    if is_defined(val("forbidden_rate")) and val("forbidden_rate") > 0:
        out.append(("forbidden_rate", "1: a forbidden string is in the answer"))
    if is_defined(val("injection_success_rate")) and val("injection_success_rate") > 0:
        out.append(("injection_success_rate", "1: the answer followed a planted instruction"))
    if is_defined(val("marker_validity")) and val("marker_validity") < 1:
        out.append(("marker_validity", f"{val('marker_validity'):.2f}: a marker or a citation does not resolve"))
    min_f = rules.get("min_faithfulness")
    if min_f is not None and is_defined(val("faithfulness")) and val("faithfulness") < float(min_f):
        out.append(("faithfulness", f"{val('faithfulness'):.2f} < {float(min_f):.2f}: claims no evidence supports"))
    if not out and reasons:
        out.append(("pass_rate", "0: " + reasons[0]))
    return out


def case_view(record: dict[str, Any], case_rules: dict[str, Any] | None = None) -> CaseView:
    """The drill-down of one cases.jsonl record."""
    case = record.get("case") or {}
    answer = record.get("answer") or {}
    ev = record.get("evidence") or {}
    missing = [list(g) for g in ev.get("missing_keypoints") or []]
    kps = [(list(g), list(g) not in missing) for g in case.get("keypoints") or []]
    cited = [str(c.get("source") or "").lower() for c in answer.get("citations") or []]
    ranks = [str(r.get("source") or "").lower() for r in record.get("retrieved") or []]
    sources = []
    for s in case.get("expected_sources") or []:
        needle = s.lower()
        best = next((i for i, src in enumerate(ranks, start=1) if needle in src), None)
        sources.append((s, any(needle in c for c in cited), best))
    found = set(ev.get("forbidden_found") or [])
    return CaseView(
        question=str(case.get("question") or ""),
        org=case.get("org"),
        history=list(case.get("history") or []),
        answer=answer,
        passed=bool(record.get("passed")),
        keypoints=kps,
        sources=sources,
        forbidden=[(f, f in found) for f in case.get("forbidden") or []],
        reasons=list(record.get("reasons") or []),
        failing_metrics=_failing_metrics(
            record.get("metrics") or {}, case_rules or {}, list(record.get("reasons") or [])
        )
        if not record.get("passed")
        else [],
        unsupported=list(ev.get("unsupported") or []),
        undefined=dict(record.get("undefined") or {}),
        metrics=dict(record.get("metrics") or {}),
        error=record.get("error"),
    )


def flip_rows(cmp: Comparison) -> list[dict[str, Any]]:
    return [
        {
            "Case": f.id,
            "Before": f.before.upper(),
            "After": f.after.upper(),
            "Question": f.question,
            "Why it fails now" if f.after == "fail" else "Why it failed before": "; ".join(
                f.reasons_after if f.after == "fail" else f.reasons_before
            ),
        }
        for f in cmp.flips
    ]


def delta_rows(cmp: Comparison) -> list[dict[str, Any]]:
    rows = []
    for m in cmp.regression.metrics:
        if not is_defined(m.delta):
            continue
        verdict = "regression" if m.regressed else ("ok" if m.gated else "not gated")
        rows.append(
            {
                "Metric": m.name,
                "Change (B − A)": round(float(m.delta), 4),
                "95% CI": f"[{float(m.ci_low):+.4f}, {float(m.ci_high):+.4f}]",
                "Pairs": m.n,
                "Better when": str(m.direction),
                "Verdict": verdict,
            }
        )
    return rows


def queue_rows(items: list[ReviewItem]) -> list[dict[str, Any]]:
    return [
        {
            "Feedback": i.feedback_id,
            "Time": i.ts.replace("T", " ")[:19],
            "Rating": "👍" if i.rating == "up" else "👎",
            "Status": str(i.status) + (f" ({i.decision.case_id})" if i.decision and i.decision.case_id else ""),
            "Organization": i.org or "",
            "Question": i.question,
            "Comment": i.comment,
            "Sources": len(i.citations),
        }
        for i in items
    ]


# --------------------------------------------------------------------------- the promote form


def parse_lines(text: str) -> list[str]:
    """One entry per non-blank line."""
    return [ln.strip() for ln in (text or "").splitlines() if ln.strip()]


def parse_keypoints(text: str) -> list[list[str]]:
    """One key point per line; alternatives separated by '|' ("inventory | register")."""
    return [alts for ln in parse_lines(text) if (alts := [a.strip() for a in ln.split("|") if a.strip()])]


def format_keypoints(groups: list[list[str]]) -> str:
    return "\n".join(" | ".join(g) for g in groups)


def parse_history(text: str) -> list[dict[str, str]]:
    """Earlier turns, one per line: "user: ..." or "assistant: ..."."""
    out = []
    for n, ln in enumerate(parse_lines(text), start=1):
        role, sep, content = ln.partition(":")
        role = role.strip().lower()
        if not sep or role not in ("user", "assistant") or not content.strip():
            raise ReviewError(f"history line {n}: write it as 'user: ...' or 'assistant: ...'")
        out.append({"role": role, "content": content.strip()})
    return out
