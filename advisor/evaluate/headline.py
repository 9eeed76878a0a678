"""The one-line verdict of a run, told honestly: which gates passed, which targets and
published bars were not met. A run is shown as a plain PASS only when nothing was missed."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    PASS = "pass"  # every gate passed, every target and published bar met
    GATES_PASSED = "gates passed, targets missed"  # nothing failed the run, but something was missed
    FAIL = "fail"  # a gate failed: the run exits 1


@dataclass
class Headline:
    """The verdict, a title for it and the lines that explain it (gates, then what was missed)."""

    verdict: Verdict
    title: str
    gates: str  # which gates passed or failed
    failed: list[str] = field(default_factory=list)  # failed gates, one line each
    missed: list[str] = field(default_factory=list)  # missed targets and unmet bars, one line each
    profiles: list[str] = field(default_factory=list)  # each published-bar profile's verdict


def _label(t: dict[str, Any]) -> str:
    scope = t.get("scope") or "all"
    where = "" if scope == "all" else f" [{scope}]"
    return f"{t.get('name')}{where}: {t.get('message')}"


def headline(summary_doc: dict[str, Any]) -> Headline:
    """The headline of a run from its summary.json (works on stored runs too)."""
    th = summary_doc.get("thresholds") or []
    gates = [t for t in th if t.get("kind") == "gate"]
    failed = [_label(t) for t in gates if t.get("status") == "fail"]
    passed = sum(1 for t in gates if t.get("status") == "pass")
    skipped = sum(1 for t in gates if t.get("status") == "skipped")
    regression = summary_doc.get("regression") or None
    regressed = list((regression or {}).get("regressed") or [])
    failed += [f"regression gate: {name} got significantly worse than the baseline" for name in regressed]
    profiles = summary_doc.get("profiles") or []
    for p in profiles:
        if p.get("gating") and p.get("status") != "met":
            failed.append(f"gating profile {p.get('title')}: {p.get('status')}")
    missed = [f"release target {_label(t)}" for t in th if t.get("status") == "missed"]
    n_targets = len(missed)
    for p in profiles:
        if not p.get("gating") and p.get("status") == "not met":
            bad = [b for b in p.get("bars") or [] if b.get("status") == "not met"]
            missed.append(f"published bar {p.get('title')}: " + "; ".join(f"{b['metric']} {b['message']}" for b in bad))
    gate_line = f"{passed} of {len(gates)} gate thresholds passed" + (
        f" ({skipped} skipped: no value)" if skipped else ""
    )
    if regression is not None:
        gate_line += "; regression gate: " + (
            f"{len(regressed)} metric(s) regressed"
            if regressed
            else f"no significant regression ({regression.get('n_paired', 0)} paired cases)"
        )
    lines = [f"{p.get('title')}: {p.get('status')}" for p in profiles]
    if failed:
        return Headline(Verdict.FAIL, f"FAIL — {len(failed)} gate(s) failed", gate_line, failed, missed, lines)
    if missed:
        parts = [f"{n_targets} release target(s) missed"] if n_targets else []
        parts += [f"{len(missed) - n_targets} published bar(s) not met"] if len(missed) > n_targets else []
        title = "Gates passed — " + " and ".join(parts)
        return Headline(Verdict.GATES_PASSED, title, gate_line, [], missed, lines)
    return Headline(Verdict.PASS, "PASS — every gate, release target and published bar met", gate_line, [], [], lines)
