"""What a search takes and returns: `Filters`, `Hit`, `SearchResult`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from ..chunk import Chunk, DocType

__all__ = ["SEARCHED_BY_DEFAULT", "Filters", "Hit", "SearchResult"]


# Searched when a filter names no doc types: framework data (controls and crosswalks as
# records) is looked up by id by the framework answers, never retrieved as prose.
SEARCHED_BY_DEFAULT = (DocType.GUIDANCE, DocType.ASSESSMENT, DocType.USER)


@dataclass(frozen=True)
class Filters:
    """Restrict a search. `org` adds that organization's private chunks to the shared ones;
    without it, no organization's chunks are searched at all. `sources` keeps only those
    documents' chunks (a question pointing at "the bylaws" searches the bylaws)."""

    org: str | None = None
    doc_types: tuple[str, ...] | None = None
    frameworks: tuple[str, ...] | None = None
    sources: tuple[str, ...] | None = None

    @property
    def searched_types(self) -> list[str]:
        """Plain strings for the stores, whether given as DocType or str."""
        return [str(t) for t in (self.doc_types or SEARCHED_BY_DEFAULT)]

    def chroma_where(self) -> dict:
        clauses: list[dict] = [{"org": {"$in": ["", self.org]}} if self.org else {"org": ""}]
        clauses.append({"doc_type": {"$in": self.searched_types}})
        if self.frameworks:
            clauses.append({"framework": {"$in": [str(f) for f in self.frameworks]}})
        if self.sources:
            clauses.append({"source": {"$in": list(self.sources)}})
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def allows(self, org: str, doc_type: str, framework: str, source: str | None = None) -> bool:
        """Does the filter admit a chunk with these fields? The source is checked when given."""
        if org and org != self.org:
            return False
        if doc_type not in self.searched_types:
            return False
        if self.sources and source is not None and source not in self.sources:
            return False
        return not (self.frameworks and framework not in self.frameworks)


@dataclass
class Hit:
    """One retrieved chunk with its fused score and per-channel evidence."""

    chunk: Chunk
    score: float
    rank: int = 0
    dense: float | None = None  # cosine similarity to the query
    lexical: float | None = None  # BM25 score
    id_match: bool = False
    channels: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        c = self.chunk
        return {
            "rank": self.rank,
            "chunk_id": c.chunk_id,
            "source": c.source,
            "title": c.title,
            "section": c.section,
            "page": c.page,
            "doc_type": c.doc_type,
            "org": c.org or None,
            "score": round(self.score, 6),
            "text": c.text,
        }


@dataclass
class SearchResult(Sequence[Hit]):
    """One search's outcome, returned per call (never kept on the shared retriever): the hits,
    best first, how long each channel took, and why the search ran degraded ("" when it did not).

    It reads as the sequence of its hits (`result[0]`, `for h in result`, `len(result)`).
    """

    hits: list[Hit] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    degraded: str = ""  # e.g. the vector search failed and only keyword results were used

    @overload
    def __getitem__(self, i: int) -> Hit: ...
    @overload
    def __getitem__(self, i: slice) -> list[Hit]: ...
    def __getitem__(self, i: int | slice) -> Hit | list[Hit]:
        return self.hits[i]

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)
