"""Line numbers printed in a page's margin: a bill, a pleading or a draft for review numbers every
line of its text (1 to 25 or so, often afresh on each page) in a column of its own beside the
text. They are no part of what the text says: read with it they open every line ("31 (c) Each
hospital ...") and break each sentence into numbered lines, and a numbered clause into as many
paragraphs. A column of bare numbers counting up by one, one on nearly every line of text beside
it, is taken off the page; a table's numbered rows (a row of several lines has one number) and
a list's labels ("1." "2.") are not such a column."""

from __future__ import annotations

import re
from itertools import pairwise

from .pdf_chars import Frag

_NUMBER = re.compile(r"^\d{1,3}$")
#: The fewest numbered lines that make a column of line numbers.
_LEAST = 8
#: Of the lines of text beside the column, the share that must carry a number.
_COVER = 0.85
#: The share of the page's height at its top and at its foot that running lines are set in.
_EDGE = 0.08


def drop_line_numbers(frags: list[Frag], height: float) -> list[Frag]:
    """The page's fragments without a margin column of line numbers, if it has one."""
    numbers = [f for f in frags if not f.hidden and _NUMBER.match(f.text)]
    if len(numbers) < _LEAST:
        return frags
    for column in _columns(numbers):
        if _line_numbers(column, frags, height):
            dropped = {id(f) for f in column}
            return [f for f in frags if id(f) not in dropped]
    return frags


def _columns(numbers: list[Frag]) -> list[list[Frag]]:
    """The numbers right-aligned on one edge (within a point and a half), top to bottom."""
    out: list[list[Frag]] = []
    for f in sorted(numbers, key=lambda f: f.x1):
        if out and f.x1 - out[-1][0].x1 <= 1.5:
            out[-1].append(f)
        else:
            out.append([f])
    return [sorted(c, key=lambda f: f.top) for c in out if len(c) >= _LEAST]


def _line_numbers(column: list[Frag], frags: list[Frag], height: float) -> bool:
    """The column counts up by one (almost throughout), numbers nearly every line of the text to
    its right within its span, each number the first thing on its line, and the page has no
    other text than its running lines outside that span (a table's numbered rows sit between
    unnumbered paragraphs)."""
    values = [int(f.text) for f in column]
    steps = [b - a for a, b in pairwise(values)]
    if any(s <= 0 for s in steps) or sum(s == 1 for s in steps) < 0.9 * len(steps):
        return False
    top, bottom, right = column[0].top, column[-1].bottom, max(f.x1 for f in column)
    beside = [f for f in frags if f not in column and top - 1 <= f.top and f.bottom <= bottom + 1]
    body = [f for f in frags if _EDGE * height < f.top and f.bottom < (1 - _EDGE) * height]
    if len(_lines([f for f in body if f.bottom < top - 1 or f.top > bottom + 1])) > 1:
        return False
    if any(f.x0 < right for f in beside):
        return False  # text starting left of the numbers: the numbers sit inside the text (a table)
    lines = _lines(beside)
    numbered = sum(any(abs(n.bottom - y) <= 0.5 * n.size for n in column) for y in lines)
    return bool(lines) and numbered >= _COVER * len(lines)


def _lines(frags: list[Frag]) -> list[float]:
    """The baselines (bottoms) of the lines the fragments make."""
    lines: list[float] = []
    for f in sorted(frags, key=lambda f: f.bottom):
        if not lines or f.bottom - lines[-1] > 0.5 * f.size:
            lines.append(f.bottom)
    return lines
