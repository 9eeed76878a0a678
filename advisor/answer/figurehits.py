"""Passages stating a figure for the measure asked that retrieval did not reach: read in the card
of the product asked about (`figure_hits`), not its sibling's that ranked first by naming it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from ..chunk import Chunk
from ..retrieve import Hit
from ..retrieve.spelled import initial_runs
from ..text import tokenize
from .asks import Ask
from .focus import Focus, gives
from .properties import (
    _COMPARES,
    Asked,
    _Line,
    _measures,
    _states_figure,
    _telling_names,
)
from .spans import asks_span, states_span
from .stated import CLEARANCE_ASKED, CLEARANCE_ID, LENGTH_OF_TIME, TIME_STATED

__all__ = ["figure_hits", "spelled_in"]


def figure_hits(
    ask: Ask, hits: Sequence[Hit], chunks_of: Callable[[str], list[Chunk]], sources: Sequence[str]
) -> list[Hit]:
    """`_figure_hits` in the document of the best candidates that fits the question best (in a
    comparison, the first two): one whose title holds every name asked, else the one whose words
    cover most of the question's. The card of the product asked about is read, not its sibling's
    that ranked first by naming it (a 510(k) summary naming its predicate device)."""
    docs = {src: chunks_of(src) for src in list(dict.fromkeys(sources))[:_FIGURE_DOCS]}
    if _COMPARES.search(ask.question):
        wanted = sorted(docs, key=lambda src: _fit(ask, docs[src])[1], reverse=True)[:2]
    else:
        wanted = [max(docs, key=lambda src: _fit(ask, docs[src]))] if docs else []
    return [h for src in wanted for h in _figure_hits(ask, hits, docs[src])]


#: How many of the best candidates' documents a figure is looked for in.
_FIGURE_DOCS = 3


def _fit(ask: Asked, chunks: Sequence[Chunk]) -> tuple[bool, float]:
    """How well a document fits the question: its title holds every name asked; the weight of the
    question's words its text uses (words the question spells an acronym of its title out with,
    "medium vessel occlusion" for "NeuroTriage MVO", count as used)."""
    if not chunks:
        return False, 0.0
    names = _telling_names(ask)
    words = {t for c in chunks for t in tokenize(f"{c.title} {c.section} {c.text}")}
    words |= spelled_in(ask.question, chunks[0].title)
    return bool(names) and names <= set(tokenize(chunks[0].title)), sum(w for t, w in ask.anchors.items() if t in words)


_TITLE_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")


def spelled_in(question: str, title: str) -> set[str]:
    """The question's word stems that spell out an acronym of the title: "medium vessel occlusion"
    for the "MVO" of "Halvard NeuroTriage MVO"."""
    return {
        t
        for acr in _TITLE_ACRONYM.findall(title)
        for run in initial_runs(question, acr.lower())
        for t in tokenize(" ".join(run))
    }


def _figure_hits(ask: Ask, hits: Sequence[Hit], chunks: Iterable[Chunk], limit: int = 2) -> list[Hit]:
    """Passages of a document that no hit holds, stating a figure for the measure asked (for
    the population asked), or a count of the thing a "how many" counts, as hits ranked with the
    best: the card retrieval found may keep its metrics table in a chunk the question's paraphrase
    did not reach ("Specificity | 96.8%"), an audit its tally in an executive summary every other
    chunk outranks on "findings" ("We identified nine findings: three rated High, ...")."""
    number = bool(CLEARANCE_ASKED.search(ask.question))
    timed = ask.focus == LENGTH_OF_TIME  # "How quickly does X send its alert?": "... was 4.6 minutes"
    counting = ask.focus is Focus.COUNT and bool(ask.counted)
    ranged = ask.focus is Focus.DATE and asks_span(ask.question)
    if not (_measures(ask) or number or timed or counting or ranged) or not hits:
        return []
    have = {h.chunk.chunk_id for h in hits}
    out: list[Hit] = []
    for c in chunks:
        if c.chunk_id in have or c.quarantine or len(out) >= limit:
            continue
        lines = c.text.split("\n")
        header = lines[0] if " | " in lines[0] else ""
        ctx = set(tokenize(f"{c.title} {c.section}"))
        for line in lines:
            # the FDA number asked for may sit in a line retrieval did not reach (a page header's)
            if (
                (number and CLEARANCE_ID.search(line))
                or (timed and TIME_STATED.search(line))
                or (counting and gives(ask, line) and _names_all(ask, f"{header} {line}", ctx))
                or (ranged and states_span(line) and _names_all(ask, f"{header} {line}", ctx))
                or (
                    _measures(ask)
                    and _states_figure(ask, _Line(line, set(tokenize(f"{header} {line}")), ctx, lead=header))
                )
            ):
                out.append(Hit(c, 0.0, hits[0].rank, hits[0].dense))
                break
    return out


def _names_all(ask: Ask, line: str, context: set[str]) -> bool:
    """Does the line, under its headings, name every name the question does ("in Q1 2026": not
    "1 near miss in Q2")?"""
    return set(ask.entities) <= set(tokenize(line)) | context
