"""The assessment instrument as records: dimensions of questions, tiers, blocking rules, use cases.

Built and validated from ``corpus/assessment/instrument.yaml`` by :mod:`.schema`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from ..chunk import DocType
from .phrasing import num

ASSESSMENT_DIR = Path(__file__).resolve().parents[2] / "corpus" / "assessment"
DEFAULT_INSTRUMENT = ASSESSMENT_DIR / "instrument.yaml"
DEFAULT_RESULTS_DIR = ASSESSMENT_DIR / "results"
GUIDANCE_DIR = ASSESSMENT_DIR.parent / "guidance"

FRAMEWORK = "readiness-assessment"
DOC_TYPE = DocType.ASSESSMENT
SCORE_MIN, SCORE_MAX = 1, 5


class UseCaseKind(StrEnum):
    """What kind of AI a use case deploys; blocking rules block by kind."""

    GENAI = "genai"
    PREDICTIVE = "predictive"


USE_CASE_KINDS: tuple[UseCaseKind, ...] = tuple(UseCaseKind)
#: A blocking rule's `blocks` entry that blocks every kind of use case.
BLOCKS_ALL = "all"


class CheckKind(StrEnum):
    """What one condition of a blocking rule looks at."""

    DIMENSION = "dimension"
    ALL_DIMENSIONS = "all_dimensions"
    QUESTION = "question"
    TAG = "tag"


T = TypeVar("T")


def by_id(items: Iterable[T], key: Any, attr: str = "id") -> T:
    """The item whose `attr` equals key; KeyError when there is none."""
    for item in items:
        if getattr(item, attr) == key:
            return item
    raise KeyError(key)


def known_guidance() -> tuple[str, ...]:
    """Guidance documents (file stems under corpus/guidance/) that instrument references may cite."""
    return tuple(sorted(p.stem for p in GUIDANCE_DIR.glob("*.md")))


@dataclass(frozen=True)
class Reference:
    """A pointer into the bundled guidance: document stem and section id."""

    document: str
    section: str

    def to_dict(self) -> dict[str, str]:
        return {"document": self.document, "section": self.section}

    def label(self) -> str:
        return f"{self.section} ({self.document})"


@dataclass
class Question:
    """One scored question; `action` names the work that closes a gap on it ("" when unset)."""

    id: str
    dimension: str
    title: str
    text: str
    levels: tuple[str, ...]
    evidence_prompt: str
    weight: float
    target: int
    tags: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    action: str = ""

    def level(self, score: int) -> str:
        """Descriptor of maturity level `score` (1..5)."""
        return self.levels[score - 1]


def keyword_alternative(keyword: str) -> str:
    """Regex for one instrument keyword: literal words; a trailing `*` matches any word ending."""
    if keyword.endswith("*"):
        return re.escape(keyword[:-1]) + r"\w*"
    return re.escape(keyword)


@dataclass
class Dimension:
    """A dimension of readiness.

    `keywords` are the words a question uses to mean this dimension ("data", "cyber*");
    `owner_role` is who owns the work in it (the assessment's named owner is shown alongside).
    """

    id: str
    name: str
    weight: float
    description: str
    questions: tuple[Question, ...]
    keywords: tuple[str, ...] = ()
    owner_role: str = ""

    @property
    def question_weight_total(self) -> float:
        return sum(q.weight for q in self.questions)

    @property
    def keyword_pattern(self) -> str:
        """The keywords as one regex alternation (no word boundaries; "" when there are none)."""
        return "|".join(keyword_alternative(k) for k in self.keywords)

    def mentioned_in(self, text: str) -> bool:
        """Whether text names this dimension by one of its keywords (whole words, any case)."""
        pattern = self.keyword_pattern
        return bool(pattern) and re.search(rf"\b(?:{pattern})\b", text, re.I) is not None


@dataclass(frozen=True)
class Check:
    """One condition of a blocking rule."""

    kind: CheckKind
    target: str
    min: float

    def describe(self) -> str:
        if self.kind == CheckKind.DIMENSION:
            return f"{self.target} dimension >= {num(self.min)}"
        if self.kind == CheckKind.ALL_DIMENSIONS:
            return f"every dimension >= {num(self.min)}"
        if self.kind == CheckKind.QUESTION:
            return f"{self.target} >= {num(self.min)}"
        return f"questions tagged '{self.target}' >= {num(self.min)}"


@dataclass
class BlockingRule:
    id: str
    name: str
    message: str
    checks: tuple[Check, ...]
    cap_tier: str | None
    blocks: tuple[str, ...]  # use-case kinds, or BLOCKS_ALL
    references: tuple[Reference, ...] = ()

    def blocks_kind(self, kind: str) -> bool:
        return BLOCKS_ALL in self.blocks or kind in self.blocks


@dataclass
class UseCase:
    id: str
    name: str
    kind: UseCaseKind
    description: str
    questions: dict[str, int]
    dimensions: dict[str, float]
    aliases: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class Tier:
    id: str
    name: str
    min_index: float


@dataclass
class Instrument:
    version: str
    title: str
    path: str
    dimensions: tuple[Dimension, ...]
    tiers: tuple[Tier, ...]
    blocking_rules: tuple[BlockingRule, ...]
    use_cases: tuple[UseCase, ...]
    incomplete_below: float = 0.6
    blocking_boost: float = 1.5
    _questions: dict[str, Question] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._questions = {q.id: q for d in self.dimensions for q in d.questions}

    @property
    def questions(self) -> list[Question]:
        """All questions in instrument order."""
        return [q for d in self.dimensions for q in d.questions]

    @property
    def question_ids(self) -> list[str]:
        return [q.id for q in self.questions]

    def question(self, qid: str) -> Question:
        return self._questions[qid]

    def order(self, qid: str) -> int:
        """Position of a question in instrument order (the deterministic tie-breaker)."""
        return self.question_ids.index(qid) if qid in self._questions else len(self._questions)

    def has_question(self, qid: str) -> bool:
        return qid in self._questions

    def dimension(self, did: str) -> Dimension:
        return by_id(self.dimensions, did)

    def tier(self, tid: str) -> Tier:
        return by_id(self.tiers, tid)

    def tier_rank(self, tid: str) -> int:
        return [t.id for t in self.tiers].index(tid)

    def tier_for_index(self, index: float | None) -> Tier:
        chosen = self.tiers[0]
        if index is None:
            return chosen
        for t in self.tiers:
            if index >= t.min_index:
                chosen = t
        return chosen

    def rule(self, rid: str) -> BlockingRule:
        return by_id(self.blocking_rules, rid)

    def use_case(self, uid: str) -> UseCase:
        return by_id(self.use_cases, uid)

    def questions_with_tag(self, tag: str) -> list[Question]:
        return [q for q in self.questions if tag in q.tags]

    def normalized_weight(self, qid: str) -> float:
        """Question weight as a share of its dimension's total question weight."""
        q = self.question(qid)
        return q.weight / self.dimension(q.dimension).question_weight_total

    def dimensions_mentioned(self, text: str) -> list[str]:
        """Ids of the dimensions text names by keyword, in instrument order."""
        return [d.id for d in self.dimensions if d.mentioned_in(text)]
