"""Padding from another document: a sentence that shares nothing with the question but the
names it gives ("CVH" in a procurement table's row, quoted under an answer about retiring a
tool) says nothing the asker wanted, however close its passage sits to the question."""

from __future__ import annotations

from ..text import tokenize
from .asks import Ask
from .comparison import asks_to_compare, compared_terms
from .selection import Candidate

__all__ = ["drop_padding"]


def _said(c: Candidate) -> set[str]:
    """The words a quoted unit says, with what frames it: its lead-in or header row, its heading."""
    lead = c.unit.lead.text if c.unit.lead is not None else ""
    header = c.unit.header_row.text if c.unit.header_row is not None else ""
    return set(tokenize(f"{c.text} {lead} {header} {c.chunk.section.split(' > ')[-1]}"))


def drop_padding(ask: Ask, chosen: list[Candidate]) -> list[Candidate]:
    """The chosen units without those from another document than the first that name none of
    the question's plain words (its anchors but names and light verbs)."""
    # "AI" is every document's topic here, whether or not the question capitalises it
    plain = {t for t in set(ask.anchors) - ask.entities - ask.light if len(t) > 2}
    # one plain word ("who sits on the CAC": "sits") is too little to judge a sentence by
    if len(chosen) < 2 or len(plain) < 2 or compared_terms(ask.question) or asks_to_compare(ask.question):
        return chosen  # "what do Article 14 and MAP 3.5 have in common": each side from its own document
    first = chosen[0].chunk.source
    kept = [c for c in chosen if c.chunk.source == first or plain & _said(c)]
    return chosen if len(kept) == len(chosen) else kept
