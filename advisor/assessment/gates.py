"""Use-case readiness: whether an organization may roll out a use case, and what must come first."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from .instrument import BLOCKS_ALL, Instrument, Reference, UseCase, UseCaseKind
from .phrasing import mid, num
from .rules import BlockingIssue
from .schema import load_instrument


class UseCaseStatus(StrEnum):
    READY = "ready"
    BLOCKED = "blocked"


@dataclass
class UseCaseReadiness:
    id: str
    name: str
    kind: UseCaseKind
    ready: bool
    status: UseCaseStatus
    why: str
    reasons: list[str]  # the clauses of `why` when blocked
    first: list[str]  # what must come first, most important first
    unmet: list[dict[str, Any]]  # {"type": "rule" | "question" | "dimension", "id", ...}
    references: list[Reference] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def use_case_readiness(
    u: UseCase,
    inst: Instrument,
    scores: dict[str, int],
    dim_score: dict[str, float | None],
    blocking: list[BlockingIssue],
) -> UseCaseReadiness:
    """Ready when no triggered rule blocks its kind and every gating question and dimension is met."""
    rule_hits = [b for b in blocking if BLOCKS_ALL in b.blocks or u.kind in b.blocks]
    q_unmet = _question_gaps(u, inst, scores)
    d_unmet = _dimension_gaps(u, inst, dim_score)
    first = [f"Clear blocking rule {b.id} ({b.name}): {'; '.join(b.failed)}." for b in rule_hits]
    first += [_question_step(x) for x in q_unmet]
    first += [
        f"Raise the {x['title']} dimension ({x['id']}) from {_dim_value(x['actual'], 'unscored')} "
        f"to at least {num(x['required'])}."
        for x in d_unmet
    ]
    unmet: list[dict[str, Any]] = [
        {"type": "rule", "id": b.id, "name": b.name, "detail": "; ".join(b.failed)} for b in rule_hits
    ]
    unmet += q_unmet + d_unmet
    ready = not unmet
    parts = [] if ready else _blocked_clauses(u, rule_hits, q_unmet, d_unmet)
    if ready:
        n_gates = len(u.questions) + len(u.dimensions)
        why = (
            f"All {n_gates} gating conditions for {mid(u.name)} are met and no triggered blocking rule applies "
            f"to {u.kind} use cases."
        )
    else:
        why = f"{u.name} is blocked by " + "; ".join(parts) + "."
    status = UseCaseStatus.READY if ready else UseCaseStatus.BLOCKED
    return UseCaseReadiness(u.id, u.name, u.kind, ready, status, why, parts, first, unmet, list(u.references))


def _question_gaps(u: UseCase, inst: Instrument, scores: dict[str, int]) -> list[dict[str, Any]]:
    """Gating questions below threshold, the largest shortfall first."""
    out = []
    for qid, need in u.questions.items():
        s = scores.get(qid)
        if s is None or s < need:
            out.append(
                {"type": "question", "id": qid, "title": inst.question(qid).title, "required": need, "actual": s}
            )
    out.sort(key=lambda x: (-(x["required"] - (x["actual"] or 0)), inst.order(x["id"])))
    return out


def _dimension_gaps(u: UseCase, inst: Instrument, dim_score: dict[str, float | None]) -> list[dict[str, Any]]:
    out = []
    for did, need in u.dimensions.items():
        v = dim_score.get(did)
        if v is None or v < need:
            out.append(
                {"type": "dimension", "id": did, "title": inst.dimension(did).name, "required": need, "actual": v}
            )
    return out


def _question_step(x: dict[str, Any]) -> str:
    if x["actual"] is None:
        return f"Assess {x['id']} ({x['title']}); it is unanswered and must reach level {x['required']}."
    return f"Raise {x['id']} ({x['title']}) from {x['actual']} to at least {x['required']}."


def _dim_value(v: float | None, missing: str) -> str:
    return missing if v is None else f"{v:.2f}"


def _blocked_clauses(
    u: UseCase,
    rule_hits: list[BlockingIssue],
    q_unmet: list[dict[str, Any]],
    d_unmet: list[dict[str, Any]],
) -> list[str]:
    """Why a use case is blocked, one clause per kind of unmet gate."""
    parts: list[str] = []
    if rule_hits:
        parts.append(
            "blocking rule" + ("s " if len(rule_hits) > 1 else " ") + ", ".join(f"{b.id} ({b.name})" for b in rule_hits)
        )
    if q_unmet:
        parts.append(
            f"{len(q_unmet)} of {len(u.questions)} gating questions below threshold: "
            + ", ".join(
                f"{x['id']} {'unanswered' if x['actual'] is None else str(x['actual']) + '/5'} (needs {x['required']})"
                for x in q_unmet
            )
        )
    if d_unmet:
        parts.append(
            "dimensions below threshold: "
            + ", ".join(
                f"{x['id']} {_dim_value(x['actual'], 'unscored')} (needs {num(x['required'])})" for x in d_unmet
            )
        )
    return parts


def match_use_case(text: str, instrument: Instrument | None = None) -> UseCase | None:
    """The use case a question is about ("are we ready for ambient documentation?"), if any."""
    inst = instrument or load_instrument()
    low = " ".join(text.lower().split())
    best: tuple[int, UseCase] | None = None
    for u in inst.use_cases:
        for phrase in (u.id.replace("-", " "), u.name.lower(), *u.aliases):
            hit = bool(phrase) and re.search(r"\b" + re.escape(phrase) + r"\b", low) is not None
            if hit and (best is None or len(phrase) > best[0]):
                best = (len(phrase), u)
    return best[1] if best else None
