"""Scoring validated results: dimension scores, the readiness index and tier, blocking rules,
gaps and strengths (rules: ``corpus/assessment/README.md``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .gates import UseCaseReadiness, use_case_readiness
from .instrument import Instrument, Reference, by_id
from .results import Answer, Results
from .rules import BlockingIssue, capped_tier, triggered_rules
from .schema import load_instrument


@dataclass
class DimensionScore:
    id: str
    name: str
    weight: float
    score: float | None  # weighted mean 1..5, 2 decimals; None when nothing answered
    answered: int
    total: int
    complete: bool
    missing: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Gap:
    question_id: str
    dimension: str
    dimension_name: str
    title: str
    score: int
    target: int
    gap: int
    priority: float
    boosted: bool
    rules: list[str]
    evidence: str = ""
    owner: str = ""
    references: list[Reference] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Strength:
    question_id: str
    dimension: str
    dimension_name: str
    title: str
    score: int
    target: int
    margin: int
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Scorecard:
    org: str
    org_name: str
    date: str
    assessor: str
    source: str
    instrument_version: str
    index: float | None  # 0..100, 1 decimal
    index_tier: str  # tier from the index alone
    tier: str  # after blocking-rule caps
    tier_name: str
    provisional: bool  # True when any dimension is incomplete
    dimensions: list[DimensionScore]
    gaps: list[Gap]
    strengths: list[Strength]
    blocking: list[BlockingIssue]
    use_cases: list[UseCaseReadiness]
    missing: list[str]
    question_scores: dict[str, int]
    warnings: list[str] = field(default_factory=list)

    @property
    def capped(self) -> bool:
        return self.tier != self.index_tier

    def dimension(self, did: str) -> DimensionScore:
        return by_id(self.dimensions, did)

    def use_case(self, uid: str) -> UseCaseReadiness:
        return by_id(self.use_cases, uid)

    @property
    def blocking_ids(self) -> list[str]:
        return [b.id for b in self.blocking]

    def to_dict(self) -> dict[str, Any]:
        """The fields, with `capped` placed after the tier it qualifies."""
        out: dict[str, Any] = {}
        for key, value in asdict(self).items():
            out[key] = value
            if key == "tier_name":
                out["capped"] = self.capped
        return out


def score(results: Results, instrument: Instrument | None = None) -> Scorecard:
    """Score validated results against the instrument (rules: corpus/assessment/README.md)."""
    inst = instrument or load_instrument()
    answers = {qid: a for qid, a in results.answers.items() if inst.has_question(qid)}
    scores = {qid: a.score for qid, a in answers.items()}
    dims, raw_dim = _dimension_scores(inst, scores)
    dim_score = {d.id: d.score for d in dims}
    index = _index(inst, raw_dim)
    index_tier = inst.tier_for_index(index)
    blocking = triggered_rules(inst, scores, dim_score)
    tier = capped_tier(inst, index_tier, blocking)
    gaps, strengths = _gaps_and_strengths(inst, answers, blocking)
    use_cases = [use_case_readiness(u, inst, scores, dim_score, blocking) for u in inst.use_cases]
    return Scorecard(
        org=results.org,
        org_name=results.org_name,
        date=results.date,
        assessor=results.assessor,
        source=results.source,
        instrument_version=results.instrument_version,
        index=index,
        index_tier=index_tier.id,
        tier=tier.id,
        tier_name=tier.name,
        provisional=any(not d.complete for d in dims),
        dimensions=dims,
        gaps=gaps,
        strengths=strengths,
        blocking=blocking,
        use_cases=use_cases,
        missing=[q for q in inst.question_ids if q not in scores],
        question_scores=dict(scores),
        warnings=list(results.warnings) + _incomplete_warnings(inst, dims),
    )


def _dimension_scores(inst: Instrument, scores: dict[str, int]) -> tuple[list[DimensionScore], dict[str, float]]:
    """Each dimension's weighted mean of its answered questions, and the unrounded means."""
    dims: list[DimensionScore] = []
    raw_dim: dict[str, float] = {}
    for d in inst.dimensions:
        answered = [q for q in d.questions if q.id in scores]
        missing = [q.id for q in d.questions if q.id not in scores]
        value: float | None = None
        if answered:
            wsum = sum(q.weight for q in answered)
            raw = sum(q.weight * scores[q.id] for q in answered) / wsum
            raw_dim[d.id] = raw
            value = round(raw, 2)
        complete = len(answered) / len(d.questions) >= inst.incomplete_below
        dims.append(DimensionScore(d.id, d.name, d.weight, value, len(answered), len(d.questions), complete, missing))
    return dims, raw_dim


def _index(inst: Instrument, raw_dim: dict[str, float]) -> float | None:
    """The readiness index 0-100 over the scored dimensions (unscored ones do not count)."""
    if not raw_dim:
        return None
    wsum = sum(inst.dimension(did).weight for did in raw_dim)
    return round(sum(inst.dimension(did).weight * (v - 1) / 4 * 100 for did, v in raw_dim.items()) / wsum, 1)


def _gaps_and_strengths(
    inst: Instrument, answers: dict[str, Answer], blocking: list[BlockingIssue]
) -> tuple[list[Gap], list[Strength]]:
    """Answered questions below target (highest priority first) and at or above it (strongest first)."""
    rule_questions: dict[str, list[str]] = {}
    for b in blocking:
        for q in b.questions:
            rule_questions.setdefault(q, []).append(b.id)
    gaps: list[Gap] = []
    strengths: list[Strength] = []
    for q in inst.questions:
        a = answers.get(q.id)
        if a is None:
            continue
        s = a.score
        dim = inst.dimension(q.dimension)
        if s < q.target:
            gap = q.target - s
            rules = rule_questions.get(q.id, [])
            boost = inst.blocking_boost if rules else 1.0
            priority = round(inst.normalized_weight(q.id) * dim.weight * gap * boost, 6)
            gaps.append(
                Gap(
                    q.id,
                    dim.id,
                    dim.name,
                    q.title,
                    s,
                    q.target,
                    gap,
                    priority,
                    bool(rules),
                    list(rules),
                    a.evidence,
                    a.owner,
                    list(q.references),
                )
            )
        else:
            strengths.append(Strength(q.id, dim.id, dim.name, q.title, s, q.target, s - q.target, a.evidence))
    gaps.sort(key=lambda g: (-g.priority, inst.order(g.question_id)))
    strengths.sort(
        key=lambda s: (
            -s.score,
            -s.margin,
            -round(inst.normalized_weight(s.question_id) * inst.dimension(s.dimension).weight, 6),
            inst.order(s.question_id),
        )
    )
    return gaps, strengths


def _incomplete_warnings(inst: Instrument, dims: list[DimensionScore]) -> list[str]:
    return [
        f"{d.id} ({d.name}) is incomplete: {d.answered} of {d.total} questions answered "
        f"(at least {inst.incomplete_below:.0%} needed); the index is provisional"
        for d in dims
        if not d.complete
    ]
