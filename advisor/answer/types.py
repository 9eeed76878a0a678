"""The records answering passes between its steps: drafts before citation, answers after."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from pathlib import PurePath

from ..chunk import Chunk
from ..provenance import FLAGGED_STATUSES, provenance
from ..retrieve import Hit

__all__ = ["Answer", "AnswerKind", "AnswerMode", "Citation", "Draft", "Part", "citation_for"]


class AnswerKind(StrEnum):
    """What an answer is, for display (not part of the answer JSON)."""

    GUIDANCE = "guidance"
    ASSESSMENT = "assessment"
    REFUSAL = "refusal"  # out of scope
    ABSTAIN = "abstain"  # in scope, but the evidence is too weak
    CLARIFY = "clarify"  # the question needs an organization (or another one)


class AnswerMode(StrEnum):
    """Who wrote the answer: the offline composer or a language model."""

    OFFLINE = "offline"
    LLM = "llm"


@dataclass
class Part:
    """One sentence of an answer and the chunks that support it."""

    text: str
    chunks: list[Chunk]
    bullet: bool = False
    quotes: list[str] = field(default_factory=list)  # exact spans, one per chunk when known


@dataclass
class Draft:
    """An answer before markers are assigned."""

    parts: list[Part]
    kind: AnswerKind  # guidance | assessment | clarify
    evidence: float = 0.0  # strength of the best evidence, for abstention
    note: str = ""
    covered: float = 0.0  # weighted share of what is asked its sentences name (words standing in count)
    addressed: bool = False  # judged to be about what was asked (`asks.addressed`)


_STATUS_WORDS = {"proposed": "Proposed rule", "superseded": "Superseded"}

# Citation fields shown in the app and exports but not part of the answer JSON.
_CITATION_DISPLAY_ONLY = (
    "publisher",
    "doc_type",
    "source_url",
    "label",
    "source_kind",
    "verbatim",
    "trust",
    "as_of",
    "status",
    "ocr",
)


@dataclass
class Citation:
    """One cited passage. `quote` (the JSON contract's name) is the exact span of the passage
    the answer used; whether that span is the cited document's own words is `verbatim`: the
    bundled guidance is our summary, so its citations say "summary", never "quote"."""

    marker: int
    chunk_id: str
    source: str
    title: str
    section: str
    page: int | None
    quote: str
    publisher: str = ""
    doc_type: str = ""
    source_url: str = ""  # the original's (publisher's) URL
    label: str = ""  # honest label: "Readiness Advisor summary of <document> (<section>)"
    source_kind: str = ""  # summary | synthesis | results | document (advisor.provenance.SourceKind)
    verbatim: bool = False  # the passage is the cited document's own text
    trust: str = ""  # curated | organization | user
    as_of: str = ""  # when the source's facts were last checked (YYYY-MM-DD)
    status: str = ""  # final | proposed | superseded | guidance
    ocr: bool = False  # the passage was read by OCR from a scanned page

    @property
    def url(self) -> str:
        return self.source_url

    @property
    def flagged(self) -> bool:
        """A proposed rule or a superseded version: shown with a badge, and said in the answer."""
        return self.status in FLAGGED_STATUSES

    @property
    def where(self) -> str:
        """ "p. 12", "p. 12, scanned (OCR)" or "" (no page): how a citation names its page."""
        page = f"p. {self.page}" if self.page else ""
        return ", ".join(x for x in (page, "scanned (OCR)" if self.ocr else "") if x)

    @property
    def status_word(self) -> str:
        """ "Proposed rule" / "Superseded" for a source that is not final, else ""."""
        return _STATUS_WORDS.get(self.status, "")

    def heading(self) -> str:
        """ "Readiness Advisor summary of <document> (<section>) · p. 12 · as of 2026-11-30 · Proposed rule":
        whose words, where in the document, how current (falls back to title and section)."""
        bits = [self.label] if self.label else [self.title or self.source, *self.section.split(" > ")[-1:]]
        bits.append(self.where)
        if self.as_of:
            bits.append(f"as of {self.as_of}")
        if self.status_word:
            bits.append(self.status_word)
        return " · ".join(b for b in bits if b)

    def origin(self) -> str:
        """Where the original lives: the publisher's URL, else a user document's own name (never a path)."""
        if self.source_url:
            return self.source_url
        if self.trust in ("curated", "organization") or not self.source:
            return ""
        return PurePath(self.source).name

    def to_dict(self) -> dict:
        """The citation JSON (PRODUCT.md): every field but the display-only ones."""
        d = asdict(self)
        for name in _CITATION_DISPLAY_ONLY:
            del d[name]
        return d


# Answer fields for display and evaluation, not part of the answer JSON.
_ANSWER_DISPLAY_ONLY = ("notice", "kind", "confidence", "hits")


@dataclass
class Answer:
    """An answer in the contract shape (see PRODUCT.md, "Answer JSON").

    `kind` (guidance, assessment, refusal, abstain, clarify) and `notice` (e.g. the LLM failed
    and the answer was composed offline) are for display and are not part of the JSON.
    """

    question: str
    query: str
    answer: str
    abstained: bool
    mode: AnswerMode
    citations: list[Citation] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    timings_ms: dict = field(default_factory=dict)
    notice: str = ""
    kind: AnswerKind = AnswerKind.GUIDANCE
    confidence: float | None = None  # evidence score the abstention threshold was applied to
    hits: list[Hit] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict:
        """The answer JSON: `asdict` of the contract fields, with plain-string mode, citations
        in their JSON shape and timings rounded to 0.1 ms."""
        d = asdict(replace(self, hits=[]))  # the retrieved hits are not part of the JSON: skip copying them
        for name in _ANSWER_DISPLAY_ONLY:
            del d[name]
        d["mode"] = str(self.mode)
        d["citations"] = [c.to_dict() for c in self.citations]
        d["timings_ms"] = {k: round(v, 1) for k, v in self.timings_ms.items()}
        return d


def citation_for(marker: int, chunk: Chunk, quote: str) -> Citation:
    """A citation of `quote` (an exact span of the chunk), labelled by the chunk's provenance."""
    p = provenance(chunk)
    return Citation(
        marker=marker,
        chunk_id=chunk.chunk_id,
        source=chunk.source,
        title=chunk.title,
        section=chunk.section,
        page=chunk.page,
        quote=quote,
        publisher=p.publisher,
        doc_type=chunk.doc_type,
        source_url=p.url,
        label=p.label,
        source_kind=str(p.kind),
        verbatim=p.verbatim,
        trust=str(p.trust),
        as_of=p.as_of,
        status=p.status,
        ocr=bool(chunk.meta.get("ocr")),
    )
