"""How one organization's readiness changed between two assessments."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any

from ..errors import AssessmentError
from .instrument import Instrument
from .phrasing import rule_key
from .schema import load_instrument
from .scoring import Scorecard


class TierChange(StrEnum):
    UP = "up"
    DOWN = "down"
    SAME = "same"


@dataclass
class DimensionDelta:
    id: str
    name: str
    before: float | None
    after: float | None
    delta: float | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class QuestionDelta:
    question_id: str
    before: int | None
    after: int | None
    delta: int | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Trend:
    org: str
    org_name: str
    earlier_date: str
    later_date: str
    index_before: float | None
    index_after: float | None
    index_delta: float | None
    tier_before: str
    tier_after: str
    tier_change: TierChange
    dimensions: list[DimensionDelta]
    questions: list[QuestionDelta]  # every question answered in either assessment, instrument order
    blocking_resolved: list[str]
    blocking_new: list[str]
    blocking_persisting: list[str]
    use_cases_now_ready: list[str]
    use_cases_now_blocked: list[str]

    @property
    def improved(self) -> list[str]:
        return [q.question_id for q in self.questions if q.delta is not None and q.delta > 0]

    @property
    def declined(self) -> list[str]:
        return [q.question_id for q in self.questions if q.delta is not None and q.delta < 0]

    def to_dict(self) -> dict[str, Any]:
        """The fields, with the improved and declined question ids after the question deltas."""
        out: dict[str, Any] = {}
        for key, value in asdict(self).items():
            out[key] = value
            if key == "questions":
                out["improved"] = self.improved
                out["declined"] = self.declined
        return out


def trend(earlier: Scorecard, later: Scorecard, instrument: Instrument | None = None) -> Trend:
    """Change between two assessments of the same organization (earlier first)."""
    _check_pair(earlier, later)
    inst = instrument or load_instrument()
    idx_delta = round(later.index - earlier.index, 1) if later.index is not None and earlier.index is not None else None
    rb, ra = inst.tier_rank(earlier.tier), inst.tier_rank(later.tier)
    change = TierChange.UP if ra > rb else TierChange.DOWN if ra < rb else TierChange.SAME
    before_b, after_b = set(earlier.blocking_ids), set(later.blocking_ids)
    ready_before = {u.id for u in earlier.use_cases if u.ready}
    ready_after = {u.id for u in later.use_cases if u.ready}
    order = [u.id for u in inst.use_cases]
    return Trend(
        org=later.org,
        org_name=later.org_name,
        earlier_date=earlier.date,
        later_date=later.date,
        index_before=earlier.index,
        index_after=later.index,
        index_delta=idx_delta,
        tier_before=earlier.tier,
        tier_after=later.tier,
        tier_change=change,
        dimensions=_dimension_deltas(earlier, later),
        questions=_question_deltas(earlier, later, inst),
        blocking_resolved=sorted(before_b - after_b, key=rule_key),
        blocking_new=sorted(after_b - before_b, key=rule_key),
        blocking_persisting=sorted(before_b & after_b, key=rule_key),
        use_cases_now_ready=[u for u in order if u in ready_after - ready_before],
        use_cases_now_blocked=[u for u in order if u in ready_before - ready_after],
    )


def _check_pair(earlier: Scorecard, later: Scorecard) -> None:
    if earlier.org != later.org:
        raise AssessmentError(
            later.source,
            [
                f"trend compares one organization over time, but the files are for "
                f"{earlier.org!r} and {later.org!r}; pick two assessments of the same org"
            ],
        )
    if earlier.date > later.date:
        raise AssessmentError(
            later.source,
            [
                f"the earlier assessment ({earlier.date}) is dated after the later one "
                f"({later.date}); pass them oldest first"
            ],
        )


def _dimension_deltas(earlier: Scorecard, later: Scorecard) -> list[DimensionDelta]:
    after_dims = {d.id: d for d in later.dimensions}
    out = []
    for d in earlier.dimensions:
        a = after_dims.get(d.id)
        b_val, a_val = d.score, a.score if a else None
        delta = round(a_val - b_val, 2) if a_val is not None and b_val is not None else None
        out.append(DimensionDelta(d.id, d.name, b_val, a_val, delta))
    return out


def _question_deltas(earlier: Scorecard, later: Scorecard, inst: Instrument) -> list[QuestionDelta]:
    out = []
    for qid in inst.question_ids:
        b_s, a_s = earlier.question_scores.get(qid), later.question_scores.get(qid)
        if b_s is None and a_s is None:
            continue
        out.append(QuestionDelta(qid, b_s, a_s, a_s - b_s if a_s is not None and b_s is not None else None))
    return out
