"""Records passed between the stages of a card review: text read from the card, the card's
fields, the judged items, the questions and the readiness gates."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

HTI1 = "onc-hti-1"
CHAI = "chai-model-card"


class CardFormat(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    XML = "xml"


class Status(StrEnum):
    PRESENT = "present"  # the card answers it, quoted
    PARTIAL = "partial"  # the card answers it but lacks something the item asks for
    MISSING = "missing"  # the card does not answer it


@dataclass(frozen=True)
class TextBlock:
    """A run of lines read together (one column of one region of a page, or a table cell).

    `x0`/`x1` place it horizontally (points for a PDF; a synthetic scale for a table), so a
    column that continues on the next page, or under a heading, can be found again."""

    page: int | None
    x0: float
    x1: float
    text: str
    line_starts: tuple[int, ...] = (0,)

    def overlap(self, x0: float, x1: float) -> float:
        """Share of the narrower of the two ranges that the two ranges have in common."""
        inter = min(self.x1, x1) - max(self.x0, x0)
        narrow = min(self.x1 - self.x0, x1 - x0) or 1.0
        return max(0.0, inter) / narrow


@dataclass(frozen=True)
class Span:
    """Part of a field's text on one page: an exact substring of that page's extracted text."""

    page: int | None
    text: str


@dataclass
class CardField:
    """A card field as read: its spans (in order) and, for a key-metric group, its parts."""

    id: str
    label: str  # the label as printed on the card, or the XML path
    spans: list[Span] = field(default_factory=list)
    parts: dict[str, list[Span]] = field(default_factory=dict)
    labeled: list[Span] = field(default_factory=list)  # label and text as printed ("Clinical Trial: N/A")

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.spans if s.text).strip()

    @property
    def page(self) -> int | None:
        return next((s.page for s in self.spans if s.text), None)


@dataclass
class Card:
    """A vendor model card, read: what it is, its fields and its text page by page."""

    source: str
    format: CardFormat
    fields: dict[str, CardField]
    pages: list[str]  # extracted text; one entry per PDF page, one in all for DOCX and XML

    def value(self, field_id: str) -> str:
        f = self.fields.get(field_id)
        return f.text if f else ""

    @property
    def model(self) -> str:
        return " ".join(self.value("ModelName").split())

    @property
    def developer(self) -> str:
        return " ".join(self.value("ModelDeveloper").split())

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def page_text(self, page: int | None) -> str:
        if page is None or self.format is not CardFormat.PDF:
            return self.text
        return self.pages[page - 1] if 0 < page <= len(self.pages) else ""


@dataclass(frozen=True)
class Evidence:
    page: int | None
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "quote": self.quote}


@dataclass
class Item:
    """One judged item: an HTI-1 source attribute or a CHAI card field."""

    id: str
    name: str
    framework: str
    status: Status
    evidence: list[Evidence] = field(default_factory=list)
    lacking: list[str] = field(default_factory=list)  # what the card does not state (check ids)
    asks: list[str] = field(default_factory=list)  # those things in words
    fields: list[str] = field(default_factory=list)  # card fields consulted
    placeholder: str = ""  # the card's own "N/A" / "None", when that is all it says

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "framework": self.framework,
            "status": str(self.status),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class Question:
    """A question for the vendor, citing the items it comes from."""

    text: str
    items: list[str]  # item ids, the first is the one it was written for
    template: str  # the wording filled from the template (kept when polish is refused)
    polished: bool = False


class GateKind(StrEnum):
    USE_CASE = "use_case"  # a gating question of an instrument use case the card matches
    RULE = "rule"  # a triggered blocking rule that blocks this kind of AI
    VENDOR = "vendor"  # a question every vendor model of this kind depends on


@dataclass(frozen=True)
class Gate:
    """A readiness gate of the organization's assessment that the card's use case touches."""

    kind: GateKind
    id: str  # question id or blocking-rule id
    title: str
    met: bool
    text: str  # "GOV-5 Post-deployment monitoring process scored 2/5 (needs 3): ..."
    via: str = ""  # the use case or rule it comes through
    score: int | None = None
    required: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "id": self.id,
            "title": self.title,
            "met": self.met,
            "score": self.score,
            "required": self.required,
            "via": self.via,
            "text": self.text,
        }


@dataclass
class Readiness:
    """The organization's assessment as it bears on deploying this card's model."""

    org: str
    org_name: str
    date: str
    use_cases: list[str]  # names of the instrument use cases the card matches
    kind: str  # "genai" or "predictive"
    gates: list[Gate]
    note: str = ""  # why no gates are shown, when none are

    def to_dict(self) -> dict[str, Any]:
        return {
            "org": self.org,
            "org_name": self.org_name,
            "date": self.date,
            "use_cases": self.use_cases,
            "kind": self.kind,
            "gates": [g.to_dict() for g in self.gates],
            "note": self.note,
        }


@dataclass
class CardReview:
    """A reviewed card: the items, the questions and (with an organization) the gates."""

    card: Card
    items: list[Item]
    questions: list[Question]
    readiness: Readiness | None = None
    mode: str = "offline"  # "llm" when a model polished at least one question
    warnings: list[str] = field(default_factory=list)

    @property
    def model(self) -> str:
        return self.card.model

    @property
    def developer(self) -> str:
        return self.card.developer

    def item(self, item_id: str) -> Item:
        return next(i for i in self.items if i.id == item_id)

    def counts(self) -> dict[str, dict[str, int]]:
        """{framework: {present, partial, missing}}."""
        out: dict[str, dict[str, int]] = {}
        for it in self.items:
            row = out.setdefault(it.framework, {s.value: 0 for s in Status})
            row[str(it.status)] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """The `advisor review-card --json` contract (plus `readiness` when an organization was given)."""
        out: dict[str, Any] = {
            "model": self.model,
            "developer": self.developer,
            "items": [i.to_dict() for i in self.items],
            "questions": [q.text for q in self.questions],
        }
        if self.readiness is not None:
            out["readiness"] = self.readiness.to_dict()
        return out
