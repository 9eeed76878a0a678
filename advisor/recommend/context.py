"""What every part of the draft reads: the assessment, the plan, citations and guidance; and
the use cases' unmet gates as records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .. import assessment as A
from ..chunk import Chunk
from ..library import ScoredAssessment
from .evidence import Citations, Guidance
from .model import CitationKind
from .plan import Plan
from .roadmap import Roadmap
from .wording import first_sentence


@dataclass
class Drafting:
    """What every part of the draft reads: the assessment, the plan and the shared citations."""

    card: A.Scorecard
    inst: A.Instrument
    plans: list[Plan]
    rid: dict[str, str]  # plan key -> recommendation id
    latest: ScoredAssessment
    cites: Citations
    guidance: Guidance
    roadmap: Roadmap
    capacity: int | None = None  # initiatives allowed in the first horizon

    @property
    def capacity_note(self) -> str:
        """Why a first-horizon candidate waits (the capacity rule, in words)."""
        return (
            f"starts after the first 90 days, which hold at most {self.capacity} initiatives for a "
            f"{self.card.tier_name} organization"
        )

    @property
    def rec_of_q(self) -> dict[str, str]:
        """Question id -> the recommendation that closes its gap."""
        return {g.question_id: self.rid[p.key] for p in self.plans for g in p.gaps}

    def cite_result(self, chunk: Chunk | None) -> int | None:
        """The marker citing an assessment-results chunk by its first sentence (None without one)."""
        return self.cites.cite(chunk, first_sentence(chunk), CitationKind.ASSESSMENT) if chunk is not None else None

    def question_marker(self, qid: str) -> int | None:
        return self.cite_result(self.latest.chunks.questions.get(qid))

    def plan_of(self, qid: str) -> Plan | None:
        return next((p for p in self.plans if any(g.question_id == qid for g in p.gaps)), None)


# --------------------------------------------------------------------------- unmet gates


class GateKind(StrEnum):
    """What keeps a use case blocked: a blocking rule, a gating question or a dimension."""

    RULE = "rule"
    QUESTION = "question"
    DIMENSION = "dimension"


@dataclass(frozen=True)
class Gate:
    """One unmet gate of a blocked use case."""

    kind: GateKind
    id: str


def gates(u: A.UseCaseReadiness) -> list[Gate]:
    """The use case's unmet gates as records (the assessment states them as {"type", "id", ...})."""
    return [Gate(GateKind(_field(x, "type")), str(_field(x, "id"))) for x in u.unmet]


def _field(x: Any, name: str) -> Any:
    return x[name] if isinstance(x, Mapping) else getattr(x, name)
