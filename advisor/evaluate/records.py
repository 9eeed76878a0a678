"""Records a run passes between scoring, the gates and the reports: per-case results and checked thresholds.

Each ``to_dict`` is the JSON written to ``cases.jsonl`` / ``summary.json``; metric values stay
``UNDEFINED`` until the writer turns them into ``null``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from .config import Threshold, ThresholdStatus, case_metric_names
from .datasets import EvalCase
from .metrics import UNDEFINED, Sentence, SentenceSupport


@dataclass
class UnsupportedSentence:
    """A claim sentence no evidence supports, with its best support and the checker's diagnosis."""

    sentence: str
    best_support: float
    threshold: float
    checker_reason: str | None = None  # None: the checker gave no details
    closest_evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if v is not None}
        d["best_support"] = round(self.best_support, 4)
        return d


@dataclass
class CaseEvidence:
    """Why each metric of a case has its value. A field is None when its metric does not apply."""

    missing_keypoints: list[list[str]] | None = None
    forbidden_found: list[str] | None = None
    forbidden_in_quotes: list[str] | None = None
    injection_signs: list[str] | None = None
    marker_problems: list[str] | None = None
    sentences: list[Sentence] | None = None
    citation_support: list[SentenceSupport] | None = None
    unsupported: list[UnsupportedSentence] | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if v is not None}
        if self.citation_support is not None:  # scores rounded, markers as JSON keys
            d["citation_support"] = [s.to_dict() for s in self.citation_support]
        if self.unsupported is not None:
            d["unsupported"] = [u.to_dict() for u in self.unsupported]
        return d


@dataclass
class CaseScore:
    """Every per-case metric (or UNDEFINED, with the reason in `undefined`), pass/fail and why."""

    metrics: dict[str, Any] = field(default_factory=dict)
    undefined: dict[str, str] = field(default_factory=dict)  # metric -> why it does not apply
    passed: bool = True
    reasons: list[str] = field(default_factory=list)  # why the case failed
    warnings: list[str] = field(default_factory=list)  # noteworthy, never failing
    evidence: CaseEvidence = field(default_factory=CaseEvidence)

    @classmethod
    def failed(cls, error: str, k: int) -> CaseScore:
        """The score of a case whose answering or scoring raised: every metric undefined, failed."""
        names = case_metric_names(k)
        return cls(
            metrics=dict.fromkeys(names, UNDEFINED) | {"pass_rate": 0.0},
            undefined=dict.fromkeys([n for n in names if n != "pass_rate"], error),
            passed=False,
            reasons=[f"error: {error}"],
        )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = self.evidence.to_dict()
        return d


class RankingSource(StrEnum):
    """Where a case's ranked passages come from (the retrieval metrics rank these)."""

    HITS = "hits"  # the passages the answer retrieved
    CITATIONS = "citations"  # an answer without hits: its citations, in order


@dataclass(frozen=True)
class RankedPassage:
    """One passage of a case's ranking, as the report lists it."""

    rank: int
    source: str
    page: int | None
    chunk_id: str | None = None  # retrieved hits only
    score: float | None = None  # retrieved hits only

    def to_dict(self) -> dict[str, Any]:
        if self.chunk_id is None:
            return {"rank": self.rank, "source": self.source, "page": self.page}
        score = round(float(self.score), 6) if self.score is not None else None
        return {"rank": self.rank, "chunk_id": self.chunk_id, "source": self.source, "page": self.page, "score": score}


@dataclass
class CaseResult:
    """One case of a run: the case, the answer JSON, its ranking and its score (a cases.jsonl line)."""

    id: str
    split: str
    case: EvalCase
    answer: dict[str, Any]  # the answer JSON of PRODUCT.md ({} when asking raised)
    score: CaseScore
    retrieved: list[RankedPassage] = field(default_factory=list)
    retrieved_from: RankingSource = RankingSource.HITS
    wall_ms: float = 0.0
    error: str | None = None  # the exception, when answering or scoring raised

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "split": self.split,
            "case": self.case.to_dict(),
            "answer": self.answer,
            "retrieved": [r.to_dict() for r in self.retrieved],
            "retrieved_from": str(self.retrieved_from),
            **self.score.to_dict(),
            "wall_ms": self.wall_ms,
            "error": self.error,
        }


@dataclass(frozen=True)
class ThresholdResult(Threshold):
    """A threshold checked against a run: the value in scope, the status and a one-line message."""

    value: Any = UNDEFINED
    status: ThresholdStatus = ThresholdStatus.SKIPPED
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "scope": self.scope,
            "kind": str(self.kind),
            **self.bounds(),
            "value": self.value,
            "status": str(self.status),
            "message": self.message,
        }
