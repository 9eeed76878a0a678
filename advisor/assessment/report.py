"""The scorecard report `advisor assess FILE` prints (JSON or text), and scoring a whole folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .instrument import Instrument
from .reader import discover_results, load_results
from .results import Results
from .schema import load_instrument
from .scoring import Scorecard, score


def report(path: str | Path, instrument: Instrument | None = None, top: int = 10) -> dict[str, Any]:
    """Validate and score one results file; the JSON printed by `advisor assess FILE --json`."""
    inst = instrument or load_instrument()
    card = score(load_results(path, inst), inst)
    return {
        "org": card.org,
        "org_name": card.org_name,
        "date": card.date,
        "assessor": card.assessor,
        "source": card.source,
        "instrument_version": card.instrument_version,
        "index": card.index,
        "tier": card.tier,
        "tier_name": card.tier_name,
        "index_tier": card.index_tier,
        "capped": card.capped,
        "provisional": card.provisional,
        "dimensions": [d.to_dict() for d in card.dimensions],
        "top_gaps": [g.to_dict() for g in card.gaps[:top]],
        "strengths": [s.to_dict() for s in card.strengths[:top]],
        "blocking": [b.to_dict() for b in card.blocking],
        "use_cases": [u.to_dict() for u in card.use_cases],
        "missing": list(card.missing),
        "warnings": list(card.warnings),
    }


def format_report(rep: dict[str, Any]) -> str:
    """Human-readable text of a report() dict."""
    sections = (_heading, _dimensions, _blocking, _gaps, _strengths, _use_cases)
    lines: list[str] = []
    for i, section in enumerate(sections):
        if i > 1:
            lines.append("")
        lines += section(rep)
    lines += _missing_and_warnings(rep)
    return "\n".join(lines)


def _heading(rep: dict[str, Any]) -> list[str]:
    idx = rep.get("index")
    tier = rep.get("tier_name") or rep.get("tier")
    tier_line = f"Readiness index: {idx:.1f}/100 — {tier}" if idx is not None else f"Readiness index: n/a — {tier}"
    if rep.get("capped"):
        tier_line += f" (capped by blocking rules; index alone: {rep.get('index_tier')})"
    if rep.get("provisional"):
        tier_line += " [provisional: incomplete dimensions]"
    title = f"{rep.get('org_name') or rep.get('org')} ({rep.get('org')}) — readiness assessment {rep.get('date')}"
    return [title, tier_line, ""]


def _dimensions(rep: dict[str, Any]) -> list[str]:
    lines = ["Dimensions:"]
    for d in rep.get("dimensions", []):
        sc = "  n/a" if d.get("score") is None else f"{d['score']:.2f}"
        flag = "" if d.get("complete", True) else "  INCOMPLETE"
        lines.append(f"  {d['id']:<6} {d['name']:<34} {sc}/5  ({d['answered']}/{d['total']} answered){flag}")
    return lines


def _blocking(rep: dict[str, Any]) -> list[str]:
    blocking = rep.get("blocking", [])
    lines = ["Blocking rules triggered:" if blocking else "Blocking rules triggered: none"]
    for b in blocking:
        cap = f" [caps tier at {b['cap_tier']}]" if b.get("cap_tier") else ""
        lines.append(f"  {b['id']} {b['name']}{cap}: {'; '.join(b['failed'])}")
        lines.append(f"     {b['message']}")
    return lines


def _gaps(rep: dict[str, Any]) -> list[str]:
    gaps = rep.get("top_gaps", [])
    lines = ["Top gaps (priority order):"]
    for i, g in enumerate(gaps, 1):
        star = " *" if g.get("boosted") else ""
        lines.append(
            f"  {i:>2}. {g['question_id']:<8} {g['title']}: {g['score']}/5 -> target {g['target']} "
            f"(priority {g['priority']:.4f}){star}"
        )
    if any(g.get("boosted") for g in gaps):
        lines.append("      * involved in a triggered blocking rule (priority boosted)")
    if not gaps:
        lines.append("  none — every answered question meets its target")
    return lines


def _strengths(rep: dict[str, Any]) -> list[str]:
    lines = ["Strengths:"]
    for s in rep.get("strengths", []):
        lines.append(f"  {s['question_id']:<8} {s['title']}: {s['score']}/5 (target {s['target']})")
    if not rep.get("strengths"):
        lines.append("  none at or above target")
    return lines


def _use_cases(rep: dict[str, Any]) -> list[str]:
    lines = ["Use cases:"]
    for u in rep.get("use_cases", []):
        lines.append(f"  {u['name']}: {u['status'].upper()}")
        if not u.get("ready"):
            for step in u.get("first", [])[:4]:
                lines.append(f"     - {step}")
            if len(u.get("first", [])) > 4:
                lines.append(f"     - ... and {len(u['first']) - 4} more")
    return lines


def _missing_and_warnings(rep: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    if rep.get("missing"):
        lines += ["", f"Unanswered questions: {', '.join(rep['missing'])}"]
    if rep.get("warnings"):
        lines += ["", "Warnings:"]
        lines += [f"  - {w}" for w in rep["warnings"]]
    return lines


def load_all(folder: str | Path | None = None, instrument: Instrument | None = None) -> list[tuple[Results, Scorecard]]:
    """Load and score every results file under folder (default: bundled samples), oldest first per org."""
    inst = instrument or load_instrument()
    out = []
    for p in discover_results(folder):
        r = load_results(p, inst)
        out.append((r, score(r, inst)))
    out.sort(key=lambda rs: (rs[0].org, rs[0].date, rs[0].source))
    return out
