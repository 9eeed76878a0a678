"""A dashboard's or slide's tile: a figure over its label on a line of its own ("42 models in
inventory (incl. vendor-embedded AI)", "5.6 minutes saved per encounter", "10 Tier 1 (high-risk)
models"). It counts something, whole without a verb, and says of what only with its slide."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TypeVar

from ..text import tokenize
from .fields import CUT
from .leads import SMALL_WORDS
from .unit import Quoted

_C = TypeVar("_C", bound=Quoted)

__all__ = ["figure_tile", "off_slide", "tile_lacks"]

#: A label opening on a capital must name an acronym or a numbered class and count a plural noun,
#: so a numbered heading ("5 Roles and responsibilities", "4 AI risk management") is no tile.
_TILE = re.compile(
    r"^[$€£]?\d[\d,.]*%?\s+"
    r"(?:[a-z][\w-]*|(?=(?:\S+\s+){1,4}[a-z][\w-]*[a-rt-z]s\b)(?:[A-Z]{2,}[\w-]*|[A-Z][a-z]+\s+\d+\w*))"
    r"(?:\s+[\w().%/·,–-]+){2,}$"
)


def figure_tile(line: str) -> bool:
    """Is the line a figure over its label, not cut off mid-clause?"""
    words = line.split()
    if not words or len(words) > 20:
        return False
    cut = CUT.search(line) is not None or words[-1].lower() in SMALL_WORDS or line.endswith((",", "-", "–"))
    return _TILE.match(line) is not None and not cut


#: Where a question's clauses part: "How much time does X save per encounter, and in which specialties ...".
_CLAUSE = re.compile(r",\s*(?:and|or|but)\s+|[?;]\s+")


def tile_lacks(question: str, anchors: Collection[str], text: str, lead: str, *slide: str) -> bool:
    """Is `text` a tile whose slide (its title, headings and passage, given as `slide`) lacks a
    word of each clause of the question? A tile says of what only with its slide ("5.6 minutes
    saved per encounter" under "Ambient documentation results"): a word asked it lacks is
    another place, party or measure, so the tile states no figure of what is asked. A list item
    under its `lead` ("Note quality: audit of 600 notes" / "2.3% with a significant error") is
    framed by it, no tile."""
    if lead.strip() or not figure_tile(" ".join(text.split())):
        return False
    said = set(tokenize(" ".join((text, *slide))))
    clauses = [w for c in _CLAUSE.split(question) if (w := set(tokenize(c)) & set(anchors))] or [set(anchors)]
    return not any(words <= said for words in clauses)


def off_slide(question: str, anchors: Collection[str], candidates: list[_C]) -> list[_C]:
    """The candidates (`selection.Candidate`) but the tiles whose slide lacks a word asked."""
    out = []
    for c in candidates:
        lead = c.unit.lead.text if c.unit.lead is not None else ""
        if not tile_lacks(question, anchors, c.text, lead, c.chunk.title, c.chunk.section, c.chunk.text):
            out.append(c)
    return out
