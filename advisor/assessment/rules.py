"""Blocking rules: which checks an organization fails, and how far they cap its tier."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .instrument import Check, CheckKind, Instrument, Reference, Tier
from .phrasing import num


@dataclass
class BlockingIssue:
    id: str
    name: str
    message: str
    cap_tier: str | None
    failed: list[str]  # human-readable failed checks, e.g. "GOV dimension 1.61 < 3"
    questions: list[str]  # questions that must improve to clear the rule
    blocks: list[str]
    references: list[Reference]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def triggered_rules(
    inst: Instrument, scores: dict[str, int], dim_score: dict[str, float | None]
) -> list[BlockingIssue]:
    """The blocking rules with at least one failed check."""
    blocking: list[BlockingIssue] = []
    for rule in inst.blocking_rules:
        failed: list[str] = []
        involved: list[str] = []
        for chk in rule.checks:
            f, inv = eval_check(chk, inst, scores, dim_score)
            failed += f
            involved += [q for q in inv if q not in involved]
        if failed:
            blocking.append(
                BlockingIssue(
                    rule.id,
                    rule.name,
                    rule.message,
                    rule.cap_tier,
                    failed,
                    sorted(involved, key=inst.order),
                    list(rule.blocks),
                    list(rule.references),
                )
            )
    return blocking


def capped_tier(inst: Instrument, tier: Tier, blocking: list[BlockingIssue]) -> Tier:
    """The index's tier, lowered to the lowest cap of any triggered rule."""
    for b in blocking:
        if b.cap_tier and inst.tier_rank(b.cap_tier) < inst.tier_rank(tier.id):
            tier = inst.tier(b.cap_tier)
    return tier


def eval_check(
    chk: Check, inst: Instrument, scores: dict[str, int], dim_score: dict[str, float | None]
) -> tuple[list[str], list[str]]:
    """(failed descriptions, involved question ids) for one check."""
    failed: list[str] = []
    involved: list[str] = []

    def dim_check(did: str) -> None:
        v = dim_score.get(did)
        if v is None:
            failed.append(f"{did} dimension unanswered (needs >= {num(chk.min)})")
            involved.extend(q.id for q in inst.dimension(did).questions)
        elif v < chk.min:
            failed.append(f"{did} dimension {v:.2f} < {num(chk.min)}")
            involved.extend(q.id for q in inst.dimension(did).questions if q.id in scores and scores[q.id] < chk.min)

    if chk.kind == CheckKind.DIMENSION:
        dim_check(chk.target)
    elif chk.kind == CheckKind.ALL_DIMENSIONS:
        for d in inst.dimensions:
            dim_check(d.id)
    else:
        qs = [inst.question(chk.target)] if chk.kind == CheckKind.QUESTION else inst.questions_with_tag(chk.target)
        for q in qs:
            s = scores.get(q.id)
            if s is None:
                failed.append(f"{q.id} unanswered (needs >= {num(chk.min)})")
                involved.append(q.id)
            elif s < chk.min:
                failed.append(f"{q.id} {s} < {num(chk.min)}")
                involved.append(q.id)
    return failed, involved
