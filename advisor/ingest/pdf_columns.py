"""Page columns found before anything else: a page set in two columns of running text is read
column by column, also where one column holds a table, a figure or a heading the other lacks.

Banding the whole page first (as :func:`.pdf_layout.order` does) pairs whatever sits at the same
height in the two columns: a table in the left column beside paragraphs on the right read as rows
of a table ("Results | Discussion"), and the table's own rows lost their cells to the text beside
them. Here a vertical gutter that no box crosses splits the page into its columns first, where
both sides read as running text; boxes spanning the gutter (a title, an abstract) stay where
they are, above or below the columns.
"""

from __future__ import annotations

from .pdf_boxes import Box

__all__ = ["split_columns"]

_MIN_GUTTER = 0.8  # a gutter is at least this many body font sizes wide
_SIDE = 0.25  # each column is at least this share of the text's width
_FULL = 3.0  # a line this many font sizes short of its column's edge still fills it
_PARA_LINES = 3  # boxes of this many lines are paragraphs (table cells and headings are shorter)
_MIN_LINES = 6  # a column holds at least this many lines of paragraphs


def _size(boxes: list[Box]) -> float:
    sizes = sorted(ln.size for b in boxes for ln in b.lines)
    return sizes[len(sizes) // 2]


def _gutter(boxes: list[Box]) -> tuple[float, float] | None:
    """The widest vertical gap, away from the edges, between the boxes that do not span it."""
    x0, x1 = min(b.x0 for b in boxes), max(b.x1 for b in boxes)
    width = x1 - x0
    low, high = x0 + _SIDE * width, x1 - _SIDE * width
    narrow = sorted((b.x0, b.x1) for b in boxes if b.x1 - b.x0 < (1 - _SIDE) * width)
    least = _MIN_GUTTER * _size(boxes)
    best: tuple[float, float] | None = None
    reach = x0
    for a, b in narrow:
        wider = best is None or a - reach > best[1] - best[0]
        if a - reach >= least and low <= (a + reach) / 2 <= high and wider:
            best = (reach, a)
        reach = max(reach, b)
    return best


def _prose(side: list[Box], size: float) -> bool:
    """A side of running text: enough paragraph lines, most of them reaching the column's edge."""
    edge = max(b.x1 for b in side)
    lines = [ln for b in side if len(b.lines) >= _PARA_LINES for ln in b.lines]
    if len(lines) < _MIN_LINES:
        return False
    return sum(ln.x1 >= edge - _FULL * size for ln in lines) >= 0.5 * len(lines)


def _rows_align(left: list[Box], right: list[Box], size: float) -> bool:
    """Do the two sides' boxes start on the same heights, as a table's cells do?"""
    few, many = sorted((left, right), key=len)
    tops = [b.top for b in many]
    hits = sum(any(abs(b.top - t) <= 0.3 * size for t in tops) for b in few)
    return hits >= 0.75 * len(few)  # text columns share a few heights by chance (headings side by side)


def _regions(boxes: list[Box], cut: tuple[float, float]) -> list[list[Box]]:
    """Boxes cut into runs top to bottom: each box spanning the gutter is a run of its own, between
    the runs of boxes beside the gutter above and below it."""
    g0, g1 = cut
    spanning = sorted((b for b in boxes if b.x0 < g0 and b.x1 > g1), key=lambda b: b.top)
    runs: list[list[Box]] = [[]]
    for s in spanning:
        runs += [[s], []]
    for b in boxes:
        if b.x0 < g0 and b.x1 > g1:
            continue
        middle = (b.top + b.bottom) / 2
        k = sum(middle > s.top for s in spanning)  # spanning boxes above this one
        runs[2 * k].append(b)
    return [r for r in runs if r]


def split_columns(boxes: list[Box]) -> list[list[Box]]:
    """The page's boxes in regions to be ordered one after another: a run of two columns of
    running text becomes its left column then its right one; the rest, between such runs, stays
    together as the layout would otherwise see it."""
    if len(boxes) < 4:
        return [boxes]
    cut = _gutter(boxes)
    if cut is None:
        return [boxes]
    size = _size(boxes)
    out: list[tuple[list[Box], bool]] = []
    for run in _regions(boxes, cut):
        left = [b for b in run if b.x1 <= cut[0] + 0.5]
        right = [b for b in run if b.x0 >= cut[1] - 0.5]
        if left and right and _prose(left, size) and _prose(right, size) and not _rows_align(left, right, size):
            out += [(left, True), (right, True)]
        elif out and not out[-1][1]:
            out[-1][0].extend(run)
        else:
            out.append((list(run), False))
    if not any(columns for _, columns in out):
        return [boxes]
    return [region for region, _ in out]
