"""The keyword side of a search: BM25 and identifier candidates, and the texts and stored
vectors of those that may reach the top k, all of which need only the query (so a search
runs them while the query is embedded and the vector store is asked)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..chunk import Chunk
from ..index import Index
from .dense import Ranked, stored_vectors
from .lexical import Lexical

__all__ = ["KeywordSide", "keyword_side"]


@dataclass(frozen=True)
class KeywordSide:
    """One search's keyword and identifier candidates, best first, with what was read ahead."""

    lexical: Ranked
    id_hits: list[str]
    chunks: dict[str, Chunk] = field(default_factory=dict)  # texts of the likely top-k candidates
    vectors: dict[str, Any] | None = None  # their stored vectors; None when the vector store failed
    ms: float = 0.0  # time the two channels took (not the reads ahead)


def keyword_side(
    index: Index, lex: Lexical, query: str, n: int, likely: int, mask: np.ndarray, current: bool = True
) -> KeywordSide:
    """The n best keyword and identifier candidates, and the texts and vectors of the first
    `likely` of each: a single-channel hit ranked r is in the top k only if r <= k, and the
    best keyword hits' vectors check the approximate dense search. A failing channel raises;
    a failing read ahead is left to the search, which reads what it still needs itself. The
    texts are read from the keyword index only when it is the `current` generation's (an older
    one, searched while a new one is built, may hold passages since removed)."""
    t = time.perf_counter()
    lexical = lex.search(query, n, mask)
    id_hits = lex.id_search(query, mask, n)
    ms = (time.perf_counter() - t) * 1000
    ahead = list(dict.fromkeys([cid for cid, _ in lexical[:likely]] + id_hits[:likely]))
    if not ahead:
        return KeywordSide(lexical, id_hits, {}, {}, ms)
    chunks = lex.chunks(ahead) if current else {}
    unread = [cid for cid in ahead if cid not in chunks]
    try:
        chunks.update(index.get_chunks(unread) if unread else {})
    except Exception:  # the search reads the texts it needs after the dense channel, raising there as before
        pass
    return KeywordSide(lexical, id_hits, chunks, stored_vectors(index, ahead, chunks), ms)
