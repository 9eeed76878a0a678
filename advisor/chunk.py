"""The citable passage every stage passes along: `Chunk`, its kinds, and its stable ids.

A leaf module: it imports nothing from the package, so ingestion, assessment and the index
can all build chunks without importing each other.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

__all__ = [
    "BUNDLED_PREFIX",
    "CELL_SEP",
    "Chunk",
    "DocType",
    "Fact",
    "ResultKind",
    "Trust",
    "content_hash",
    "fact_meta",
    "make_chunk_id",
    "row_cells",
    "unsafe_spans",
]


class DocType(StrEnum):
    """Where a passage comes from: bundled guidance, an organization's results, a user's upload."""

    GUIDANCE = "guidance"
    ASSESSMENT = "assessment"
    USER = "user"
    FRAMEWORK = "framework"  # frameworks and crosswalks as data (corpus/frameworks/*.yaml)


class Trust(StrEnum):
    """How far a passage is trusted: curated guidance bundled with the product, an
    organization's own assessment results, or a document a user added."""

    CURATED = "curated"
    ORGANIZATION = "organization"
    USER = "user"


class ResultKind(StrEnum):
    """What an assessment-results chunk states (stored as `meta["kind"]`)."""

    SUMMARY = "summary"
    DIMENSION = "dimension"
    QUESTION = "question"
    USE_CASE = "use_case"
    COVERAGE = "coverage"  # how the assessment covers one framework


class Fact(StrEnum):
    """A named fact an assessment summary chunk states; its sentence is found by span, never
    by searching the prose for a phrase."""

    INDEX = "index"  # index and tier
    CAPPED = "capped"  # blocking rules cap the tier
    DIMENSION_SCORES = "dimension_scores"
    BLOCKING = "blocking"  # the blocking rules triggered (or that none is)
    TOP_GAPS = "top_gaps"
    READY_USE_CASES = "ready_use_cases"
    BLOCKED_USE_CASES = "blocked_use_cases"
    UNANSWERED = "unanswered"
    ASSESSOR = "assessor"
    COVERAGE = "coverage"  # covered / gap / uncovered counts against one framework
    COVERED = "covered"
    COVERAGE_GAPS = "coverage_gaps"
    UNCOVERED = "uncovered"


_FACT_KEY = "fact_"


def fact_meta(spans: dict[Fact, tuple[int, int]]) -> dict[str, str]:
    """Chunk metadata recording where each fact's sentence sits ("start:end", flat for Chroma)."""
    return {f"{_FACT_KEY}{fact.value}": f"{s}:{e}" for fact, (s, e) in spans.items()}


DOC_TYPES = tuple(t.value for t in DocType)

# Sources of the bundled corpus are project-relative paths under this folder.
BUNDLED_PREFIX = "corpus/"


def content_hash(text: str) -> str:
    """Stable hash of a chunk's text (whitespace-normalised)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def make_chunk_id(source: str, position: int, text: str) -> str:
    """Deterministic id: readable stem + source hash + position + content hash."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(source).stem.lower()).strip("-")[:40] or "doc"
    src = hashlib.sha256(source.encode("utf-8")).hexdigest()[:6]
    return f"{stem}-{src}-{position:04d}-{content_hash(text)[:10]}"


@dataclass(frozen=True)
class Chunk:
    """One citable passage with its provenance."""

    chunk_id: str
    text: str
    source: str
    title: str
    section: str = ""
    page: int | None = None
    framework: str = ""
    doc_type: str = DocType.GUIDANCE
    org: str = ""
    position: int = 0
    publisher: str = ""
    # why the passage is quarantined ("" when it is not): indexed and listed, but never quoted
    # and never sent to a model until an admin releases it
    quarantine: str = ""
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def fact(self, fact: Fact) -> str | None:
        """The sentence stating a named fact, when this chunk records one."""
        span = self.meta.get(f"{_FACT_KEY}{fact.value}")
        if not span:
            return None
        start, end = (int(x) for x in str(span).split(":"))
        return self.text[start:end]

    @property
    def trust(self) -> Trust:
        """Bundled guidance is curated; results belong to an organization; anything else a user added."""
        if self.doc_type == DocType.ASSESSMENT:
            return Trust.ORGANIZATION
        if self.doc_type in (DocType.GUIDANCE, DocType.FRAMEWORK) and self.source.startswith(BUNDLED_PREFIX):
            return Trust.CURATED
        return Trust.USER

    @property
    def result_kind(self) -> ResultKind | None:
        """The kind of an assessment-results chunk; None for any other passage."""
        kind = self.meta.get("kind")
        return ResultKind(kind) if isinstance(kind, str) and kind in ResultKind._value2member_map_ else None


def unsafe_spans(chunk: Chunk) -> list[tuple[int, int]]:
    """Character spans of the chunk the extractor marked unsafe to quote (e.g. words OCR read
    with low confidence): `meta["uncertain"]` as "start:end" pairs separated by commas or
    semicolons (flat, as the vector store keeps metadata), or as a list of pairs."""
    raw = chunk.meta.get("uncertain")
    if not raw:
        return []
    pairs: list[tuple[int, int]] = []
    items = raw if isinstance(raw, list | tuple) else re.split(r"[,;\s]+", str(raw))
    for item in items:
        try:
            s, e = (int(x) for x in (item.split(":") if isinstance(item, str) else item))
        except (TypeError, ValueError):
            continue
        pairs.append((s, e))
    return pairs


#: How a table row's cells are joined in a passage's text: every loader writes rows this way.
CELL_SEP = " | "


def row_cells(row: str) -> list[str]:
    """A table row's cells, each stripped of surrounding space."""
    return [c.strip() for c in row.split(CELL_SEP)]
