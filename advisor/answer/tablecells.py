"""The table passages holding the cell a question names by its row and its column.

"How much is earmarked for the lab results service in 2028?" is answered by one cell of a
budget table: row "Laboratory Results Service", column "2028". Such a table shares few words
with the question and embeds as a block of numbers, so neither search channel ranks it near the
top; its headings and row labels, looked up directly, find it.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass

from ..retrieve import Filters, Hit, Lexical, Retriever
from .cells import cell_naming, cell_words, question_words, role_headings

__all__ = ["CELL_HITS", "tables_asked"]

#: Table passages a question's named cells add to its hits at most.
CELL_HITS = 2


@dataclass(frozen=True)
class _Table:
    chunk_id: str
    header: str
    rows: tuple[str, ...]


@dataclass
class _Tables:
    tables: list[_Table]
    by_heading: dict[str, list[int]]  # a heading's word -> the tables with a column headed by it
    by_label: dict[str, list[int]]  # a word of a row's cells -> the tables with such a row


_CACHE: weakref.WeakKeyDictionary[Lexical, _Tables] = weakref.WeakKeyDictionary()
#: Tables holding the most of the question's rare words that are read row by row.
_READ = 20


def _tables(lex: Lexical) -> _Tables:
    """The keyword index's table passages with their header and rows (built once per index)."""
    have = _CACHE.get(lex)
    if have is None:
        tables: list[_Table] = []
        by_heading: dict[str, list[int]] = {}
        by_label: dict[str, list[int]] = {}
        for cid, text in lex.tables():
            lines = [ln for ln in text.split("\n") if " | " in ln]
            if len(lines) < 2:
                continue
            for word in {w for h in lines[0].split(" | ")[1:] for w in cell_words(h)}:
                by_heading.setdefault(word, []).append(len(tables))
            for word in {w for row in lines[1:] for cell in row.split(" | ") for w in cell_words(cell)}:
                by_label.setdefault(word, []).append(len(tables))
            tables.append(_Table(cid, lines[0], tuple(lines[1:])))
        have = _CACHE[lex] = _Tables(tables, by_heading, by_label)
    return have


def tables_asked(query: str, retriever: Retriever, filters: Filters, have: set[str]) -> list[Hit]:
    """Up to `CELL_HITS` table passages (not among `have`, chunk ids) admitted by `filters` with
    a row the question names by its label under a column it names by its heading, the rarest
    named words first."""
    lex = retriever.lexical()
    found = _tables(lex)
    words = question_words(query)
    n = max(len(lex.ids), 1)
    idf = {w: math.log((n + 1) / (lex.df.get(w, 0) + 0.5)) for w in words}
    # a column asked in the question's own words ("who is accountable": "Owner") is looked up too
    headed = {i for w in words | role_headings(words) for i in found.by_heading.get(w, ())}
    if not headed:
        return []
    mask = lex.mask(filters)
    admitted = {i for i in headed if (pos := lex.pos.get(found.tables[i].chunk_id)) is not None and mask[pos]}
    # only the tables holding the most of the question's rare words in their cells are read row by row
    # (among those the filters admit: another organization's tables never crowd out the user's own)
    near: dict[int, float] = {}
    for w in words:
        for i in found.by_label.get(w, ()):
            if i in admitted:
                near[i] = near.get(i, 0.0) + idf[w]
    scored: list[tuple[float, str]] = []
    for i in sorted(near, key=lambda i: (-near[i], i))[:_READ]:
        t = found.tables[i]
        if t.chunk_id in have:
            continue
        best = max((sum(idf.get(w, 0.0) for w in cell_naming(words, row, t.header)) for row in t.rows), default=0.0)
        if best > 0:
            scored.append((best, t.chunk_id))
    scored.sort(key=lambda x: (-x[0], x[1]))
    chunks = lex.chunks(cid for _, cid in scored[:CELL_HITS])
    return [Hit(chunk=chunks[cid], score=0.0) for _, cid in scored[:CELL_HITS] if cid in chunks]
