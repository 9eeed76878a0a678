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


class Cost(StrEnum):
    """A cost band the consultant may set per recommendation (none is drafted)."""

    SMALL = "S"
    MEDIUM = "M"
    LARGE = "L"


HORIZONS: tuple[Horizon, ...] = tuple(Horizon)
STATUSES: tuple[Status, ...] = tuple(Status)
BANDS: tuple[str, ...] = tuple(Effort)  # S, M, L: the effort and cost bands
NOW = "Now"  # the label of an immediate step's milestone
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
    "Immediate steps come from the assessment's own evidence notes: a deployed model or tool nobody has "
    "reviewed, monitored or validated, an open incident, a lapsed business associate agreement or PHI in "
    "public AI tools (patterns in the roadmap rules). They come before every initiative.",
    "Horizons: recommendations that act on an immediate step or clear a blocking rule start in 0–90 days, "
    "with their prerequisites, up to the number of initiatives a Foundational or Developing organization can "
    "run at once (3 unless the consultant sets another); the rest of them start in 3–6 months. The others are "
    "split by priority (higher half 3–6 months, the rest 6–12 months); prerequisites are pulled forward so "
    "that no recommendation is scheduled before one it depends on. A prerequisite counts while it scores "
    f"below level {PREREQUISITE_LEVEL}.",
    f"Each horizon aims at the next level: level {PREREQUISITE_LEVEL} (a working practice) or the one above "
    "today's score, or the level a blocking rule needs; higher levels up to the target follow in the next "
    "horizon.",
    "Effort from the levels to climb in the recommendation's horizon (1 = S, 2–3 = M, 4 or more = L); cost "
    "bands are left to the consultant. Impact H when it clears a blocking rule or its priority is at least "
    f"{IMPACT_HIGH}; M when its priority is at least {IMPACT_MEDIUM} or it gates a blocked use case; otherwise L.",
    "Actions restate the instrument's level descriptors as work and its evidence prompts as the proof to "
    "collect; the owner is the one named in the assessment (the dimension's owner role when none is), and no "
    "action goes to a body, such as the AI governance committee, before the recommendation that creates it.",
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
    # how to label it honestly (advisor.provenance): our summary is never printed as a quote
    label: str = ""
    source_kind: str = ""  # summary | synthesis | results | document
    verbatim: bool = False
    url: str = ""  # the original's (publisher's) URL
    as_of: str = ""
    status: str = ""

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
    aim: int = 0  # the level this recommendation's horizon aims at (0: not planned)

    @classmethod
    def of(cls, g: A.Gap, aim: int = 0) -> GapRef:
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
            aim,
        )

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Milestone:
    """One step of a recommendation: the work, the horizon it lands in, and the question and
    level it reaches (none for collecting evidence or an immediate step)."""

    text: str
    horizon: Horizon
    question_id: str = ""
    level: int | None = None
    now: bool = False  # an immediate step, before the horizon's work

    @property
    def when(self) -> str:
        return NOW if self.now else str(self.horizon)

    def line(self) -> str:
        """The milestone as one line: an immediate step says "now" itself."""
        return self.text if self.now else f"{self.when}: {self.text}"

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class ImmediateStep:
    """An urgent risk from the evidence notes and the step it calls for, taken now."""

    step: str  # "Review the sepsis model's performance now"
    detail: str  # the evidence that shows the risk, with an [n] marker
    question_id: str
    owner: str
    recommendation: str  # the recommendation that fixes the process behind it ("" when none)
    risk: str  # the urgent-risk key in roadmap.yaml

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
    milestones: list[Milestone] = field(default_factory=list)  # `steps` is their text, line by line
    cost: Cost | None = None  # set by the consultant

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
    immediate: list[ImmediateStep] = field(default_factory=list)
    capacity: int | None = None  # initiatives allowed in 0–90 days (None: no limit)

    def recommendation(self, rid: str) -> Recommendation:
        return A.by_id(self.recommendations, rid)

    def citation(self, marker: int) -> ReportCitation:
        return A.by_id(self.citations, marker, attr="marker")

    def to_dict(self) -> dict[str, Any]:
        out = _plain(self)
        out["summary"] = self.summary.to_dict()
        out["recommendations"] = [r.to_dict() for r in self.recommendations]
        return out
