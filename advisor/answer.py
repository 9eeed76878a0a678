"""Answering: the Advisor facade and the Answer contract."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .index import Index, IndexReport
from .retrieve import Filters, Hit, Retriever
from .settings import Settings


@dataclass
class Citation:
    marker: int
    chunk_id: str
    source: str
    title: str
    section: str
    page: int | None
    quote: str
    publisher: str = ""
    doc_type: str = ""

    def to_dict(self) -> dict:
        return {
            "marker": self.marker,
            "chunk_id": self.chunk_id,
            "source": self.source,
            "title": self.title,
            "section": self.section,
            "page": self.page,
            "quote": self.quote,
        }


@dataclass
class Answer:
    """An answer in the contract shape (see PRODUCT.md, "Answer JSON")."""

    question: str
    query: str
    answer: str
    abstained: bool
    mode: str
    citations: list[Citation] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    timings_ms: dict = field(default_factory=dict)
    notice: str = ""
    hits: list[Hit] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "query": self.query,
            "answer": self.answer,
            "abstained": self.abstained,
            "mode": self.mode,
            "citations": [c.to_dict() for c in self.citations],
            "unsupported": list(self.unsupported),
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }


def citation_for(marker: int, hit_chunk, quote: str) -> Citation:
    c = hit_chunk
    return Citation(
        marker=marker,
        chunk_id=c.chunk_id,
        source=c.source,
        title=c.title,
        section=c.section,
        page=c.page,
        quote=quote,
        publisher=c.publisher,
        doc_type=c.doc_type,
    )


class Advisor:
    """The public entry point: index, search and ask.

    >>> adv = Advisor.from_env()
    >>> adv.ask("What does GOVERN 1.6 require?").to_dict()
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        self.index = Index(settings)
        self.retriever = Retriever(self.index)

    @classmethod
    def from_env(cls) -> Advisor:
        return cls(Settings.from_env())

    def index_paths(self, paths: list[Path] | None = None, *, org: str = "", progress=None) -> IndexReport:
        return self.index.index_paths(paths, org=org, progress=progress)

    def ensure_index(self, progress=None) -> IndexReport | None:
        """Index the bundled corpus when the index is empty (first start)."""
        if self.index.is_empty():
            return self.index.index_paths(None, progress=progress)
        return None

    def search(self, query: str, k: int | None = None, org: str | None = None) -> list[Hit]:
        return self.retriever.search(query, k=k, filters=Filters(org=org or None))

    def ask_stream(self, question: str, org: str | None = None, history: list[dict] | None = None):
        """Events for a UI: ("token", text) while an LLM writes, then ("answer", Answer)."""
        yield ("answer", self.ask(question, org=org, history=history))

    def ask(self, question: str, org: str | None = None, history: list[dict] | None = None) -> Answer:
        """Answer a question with citations; see PRODUCT.md for the JSON shape."""
        t0 = time.perf_counter()
        query = question.strip()
        hits = self.search(query, org=org)
        t1 = time.perf_counter()
        parts, cites = [], []
        for i, h in enumerate(hits[:3], start=1):
            first = h.chunk.text.strip().split("\n")[0][:400]
            parts.append(f"{first} [{i}]")
            cites.append(citation_for(i, h.chunk, first))
        abstained = not hits
        text = "\n".join(parts) if parts else "I could not find evidence for this in the indexed documents."
        return Answer(
            question=question,
            query=query,
            answer=text,
            abstained=abstained,
            mode="offline",
            citations=cites,
            timings_ms={"retrieve": (t1 - t0) * 1000, "compose": (time.perf_counter() - t1) * 1000},
            hits=hits,
        )
