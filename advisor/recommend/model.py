"""The report's records: horizons, statuses and the dataclasses a drafted roadmap is made of."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from .. import assessment as A


class Horizon(StrEnum):
    """When a recommendation is scheduled (equal to its label)."""

    FIRST = "0–90 days"
    SECOND = "3–6 months"
    THIRD = "6–12 months"


class Status(StrEnum):
    """The consultant's decision on a recommendation."""

    DRAFT = "draft"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Mode(StrEnum):
    """How the wording was produced: offline rules only, or polished by a chat model."""

    OFFLINE = "offline"
    LLM = "llm"


class CitationKind(StrEnum):
    """What a reference quotes: bundled guidance or the organization's assessment."""

    GUIDANCE = "guidance"
    ASSESSMENT = "assessment"


class Effort(StrEnum):
    SMALL = "S"
    MEDIUM = "M"
    LARGE = "L"


class Impact(StrEnum):
    HIGH = "H"
    MEDIUM = "M"
    LOW = "L"


HORIZONS: tuple[Horizon, ...] = tuple(Horizon)
STATUSES: tuple[Status, ...] = tuple(Status)
EXPORT_EXTENSIONS: tuple[str, ...] = (".docx", ".md")

#: A prerequisite question holds another back only while it scores below this level (level 3
#: is where the instrument describes a working practice, e.g. "a maintained inventory").
PREREQUISITE_LEVEL = 3
#: Above this many recommendations in 0-90 days, the summary says how to sequence them.
FIRST_HORIZON_CAPACITY = 8
#: Impact thresholds on a recommendation's summed gap priority.
IMPACT_HIGH = 0.06
IMPACT_MEDIUM = 0.03
#: Guidance passages cited per gap (one per gap in recommendations that close three or more gaps).
GUIDANCE_PER_GAP = 2
SEARCH_K = 12

METHOD: tuple[str, ...] = (
    "Gap priority = normalized question weight × dimension weight × (target − score), × 1.5 when the "
    "question keeps a triggered blocking rule open (the assessment's scoring rules).",
    "Related gaps in one dimension are grouped into one recommendation; its priority is the sum of its gaps' priorities.",
    "Horizons: recommendations that clear a blocking rule land in 0–90 days; the others are split by priority "
    "(higher half 3–6 months, the rest 6–12 months); prerequisites are then pulled forward so that no "
    "recommendation is scheduled before one it depends on. A prerequisite counts while it scores below "
    f"level {PREREQUISITE_LEVEL}. For a blocking-rule fix, 0–90 days is when the level the rule needs should be "
    "reached; the full target may take longer.",
    "Effort from the points to close (1 = S, 2–3 = M, 4 or more = L). Impact H when it clears a blocking rule "
    f"or its priority is at least {IMPACT_HIGH}; M when its priority is at least {IMPACT_MEDIUM} or it gates a "
    "blocked use case; otherwise L.",
    "Actions and success measures restate the instrument's level descriptors and evidence prompts; owners "
    "come from a dimension-to-role map, with the owner named in the assessment alongside.",
    "Every [n] marker points to the References: the organization's assessment results and the bundled "
    "governance guidance, quoted exactly as indexed.",
)


def _plain(obj: Any, *, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """The record as plain data (nested records included), without the working fields in `drop`."""
    out = asdict(obj)
    for name in drop:
        out.pop(name, None)
    return out


@dataclass
class ReportCitation:
    marker: int
    chunk_id: str
    source: str
    title: str
    section: str
    page: int | None
    quote: str
    kind: CitationKind

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class GapRef:
    question_id: str
    title: str
    dimension: str
    dimension_name: str
    score: int
    target: int
    gap: int
    priority: float
    rules: list[str]
    evidence: str = ""
    owner: str = ""

    @classmethod
    def of(cls, g: A.Gap) -> GapRef:
        return cls(
            g.question_id,
            g.title,
            g.dimension,
            g.dimension_name,
            g.score,
            g.target,
            g.gap,
            g.priority,
            list(g.rules),
            g.evidence,
            g.owner,
        )

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Recommendation:
    id: str
    key: str  # theme key or question id: stable across runs and orgs
    title: str
    dimension: str
    dimension_name: str
    gaps: list[GapRef]
    rationale: list[str]  # why: assessment evidence and guidance quotes, with [n] markers (not editable)
    action: str  # what to do, with [n] markers (editable)
    steps: list[str]
    owner: str
    assessment_owners: list[str]
    effort: Effort
    impact: Impact
    horizon: Horizon
    horizon_reason: str
    dependencies: list[str]
    success_measure: str
    priority: float
    clears: list[str]  # blocking rules this recommendation clears on its own
    contributes: list[str]  # blocking rules it helps clear with other recommendations
    unblocks: list[str]  # names of blocked use cases it gates
    citations: list[int]
    status: Status = Status.DRAFT
    note: str = ""
    # framework controls the gaps' questions evidence ("NIST AI RMF GOVERN 2.3"), per the
    # instrument-to-framework map in corpus/frameworks/crosswalks/instrument-evidence.yaml
    controls: list[str] = field(default_factory=list)
    draft_action: str = ""  # the offline wording, before any polish or edit

    @property
    def question_ids(self) -> list[str]:
        return [g.question_id for g in self.gaps]

    def to_dict(self) -> dict[str, Any]:
        return _plain(self, drop=("draft_action",))


@dataclass
class BlockingItem:
    id: str
    name: str
    message: str
    failed: list[str]
    recommendations: list[str]
    text: str  # with [n] markers

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class UseCasePlan:
    id: str
    name: str
    kind: str
    ready: bool
    text: str  # with [n] markers
    first: list[str]  # what must come first (the assessment's list)
    recommendations: list[str]
    earliest: Horizon | None  # latest horizon among the recommendations that must come first

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class DimensionRow:
    """One dimension of the scorecard with the recommendations that work on it."""

    id: str
    name: str
    score: float | None
    weight: float
    gaps: int
    recommendations: list[str]


@dataclass
class ExecutiveSummary:
    org: str
    org_name: str
    date: str
    index: float | None
    tier: str
    tier_name: str
    index_tier_name: str
    capped: bool
    provisional: bool
    text: str  # headline paragraph with [n] markers (the LLM may polish it)
    top_risks: list[str]
    blocking: list[BlockingItem]
    trend: str | None
    dimensions: list[DimensionRow]
    unanswered: list[str]
    draft_text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self, drop=("draft_text",))


@dataclass
class Report:
    org: str
    org_name: str
    date: str
    assessor: str
    source: str
    sources: list[str]
    instrument_version: str
    mode: Mode
    summary: ExecutiveSummary
    recommendations: list[Recommendation]
    use_cases: list[UseCasePlan]
    citations: list[ReportCitation]
    method: list[str] = field(default_factory=lambda: list(METHOD))
    warnings: list[str] = field(default_factory=list)
    polish: dict[str, int] = field(default_factory=dict)

    def recommendation(self, rid: str) -> Recommendation:
        return A.by_id(self.recommendations, rid)

    def citation(self, marker: int) -> ReportCitation:
        return A.by_id(self.citations, marker, attr="marker")

    def to_dict(self) -> dict[str, Any]:
        out = _plain(self)
        out["summary"] = self.summary.to_dict()
        out["recommendations"] = [r.to_dict() for r in self.recommendations]
        return out
