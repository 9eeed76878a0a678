"""What a PDF page's ruling lines say about its text.

Cell edges: in a table ruled only by horizontal lines, each cell drawing its own border, the
rules' joints are its column edges.

Struck-through text: a thin rule drawn across the middle of characters deletes them
(a bill amending a statute strikes the words it removes and underlines the words it adds; a
redline strikes what a revision dropped). PDF has no strike-through attribute: the line is a
path of its own, so it is found by where it runs. Struck characters are never read, as a Word
file's deleted tracked changes are not; an underline runs below the baseline and deletes nothing."""

from __future__ import annotations

import bisect
import ctypes
from typing import Any

import pypdfium2.raw as pdfium_c

#: Where a strike-through line runs, in ems above the baseline: through the lower-case letters'
#: middle and the figures' (x-height about 0.5 em, cap height about 0.7 em).
_LOW, _HIGH = 0.12, 0.62


class Strikes:
    """The thin horizontal lines of a page that run within a run of its text, (y, x0, x1) with y
    down from the top, by height. A strike-through never reaches past the words it strikes; a
    rule across a column, or a bar's edge over a line it half hides, does."""

    def __init__(self, lines: list[tuple[float, float, float]], texts: list[tuple[float, float, float, float]]):
        self.lines = sorted(ln for ln in lines if _within_text(ln, texts))
        self.ys = [y for y, _, _ in self.lines]

    def __bool__(self) -> bool:
        return bool(self.lines)

    def through(self, x0: float, x1: float, base: float, size: float) -> bool:
        """Does a line run through the middle of a character boxed x0..x1 on baseline `base`?"""
        mid = (x0 + x1) / 2
        lo = bisect.bisect_left(self.ys, base - _HIGH * size)
        hi = bisect.bisect_right(self.ys, base - _LOW * size)
        return any(a <= mid <= z for _, a, z in self.lines[lo:hi])


def cell_edges(hrules: list[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """(x, y) where two ruling segments at one height meet end to start: a cell's edge in a table
    ruled only by horizontal lines (each cell drawing its own border)."""
    return [(b, y) for y, _, b in hrules if any(abs(y2 - y) < 0.5 and abs(a2 - b) < 1.0 for y2, a2, _ in hrules)]


def edge_between(edges: list[tuple[float, float]], x0: float, x1: float, base: float, size: float) -> bool:
    """Does a cell's edge run between two characters of one ruled row (the row's top rule, at most
    3 sizes above the line, and a rule below meet at the same x, and the gap is wider than a word
    space)? A first cell's text that nearly fills its column ends closer to the next cell's text
    than the layout's reach for one line. A header row ruled only below has the edge right under
    it, and the rows' rules below meet at the same x again."""
    if x1 - x0 < 0.5 * size:
        return False  # a word space: a cell spanning columns runs across the rows' rule joints

    def joint_below(x: float, y: float, reach: float) -> bool:
        return any(abs(x2 - x) < 1.0 and 0 < y2 - y <= reach for x2, y2 in edges)

    return any(
        x0 < x < x1
        and (
            (0 < base - y <= 3.0 * size and joint_below(x, base, 12.0 * size))
            or (0 < y - base <= 1.5 * size and joint_below(x, y, 12.0 * size))
        )
        for x, y in edges
    )


def _within_text(line: tuple[float, float, float], texts: list[tuple[float, float, float, float]]) -> bool:
    """Does the line run over text from end to end: from a word's start to a word's end (a word
    space either side at most), across nothing wider than a word space (PDFium boxes a line's
    words one by one)?"""
    y, a, z = line
    # through the middle of the words' boxes: an underline runs along their foot
    words = sorted((x0, x1, b - t) for x0, t, x1, b in texts if t + 0.2 * (b - t) <= y <= b - 0.2 * (b - t))
    reach = None  # how far the words from the line's start cover it
    for x0, x1, height in words:
        if reach is None:
            if x0 - 0.5 * height <= a <= x1:
                reach = x1
        elif x0 <= reach + 0.5 * height:
            reach = max(reach, x1)
        if reach is not None and z <= reach + 0.5 * height:
            return True
    return False


def text_rects(tp: Any, top: float) -> list[tuple[float, float, float, float]]:
    """PDFium's boxes of the page's runs of text, word by word: (x0, y0, x1, y1), y down from the top
    (not for a page read turned: its strike-throughs are not looked for)."""
    left, up, right, down = (ctypes.c_double() for _ in range(4))
    out = []
    for i in range(pdfium_c.FPDFText_CountRects(tp, 0, -1)):
        if pdfium_c.FPDFText_GetRect(tp, i, left, up, right, down):
            out.append((left.value, top - up.value, right.value, top - down.value))
    return out
