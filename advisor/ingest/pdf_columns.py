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

__all__ = ["continued_rows", "split_columns"]

_MIN_GUTTER = 0.8  # a gutter is at least this many body font sizes wide
_SIDE = 0.25  # each column is at least this share of the text's width
_COLUMN = 0.5  # a column's boxes are at most this share of the text's width
_FULL = 3.0  # a line this many font sizes short of its column's edge still fills it
_PARA_LINES = 3  # boxes of this many lines are paragraphs (table cells and headings are shorter)
_MIN_LINES = 3  # a column holds at least this many lines of paragraphs
_MAX_DEPTH = 2  # a side split again at most this often: up to four columns
_MARGIN = 0.05  # share of the page's height at its top and foot where running heads and feet sit


def _size(boxes: list[Box]) -> float:
    sizes = sorted(ln.size for b in boxes for ln in b.lines)
    return sizes[len(sizes) // 2]


def _gutter(boxes: list[Box], size: float) -> tuple[float, float] | None:
    """The widest vertical gap, away from the edges, between boxes no wider than a column (a
    title or an abstract across both columns spans the gap: it is placed above them); `size` is
    the page's body type size. A wider box reaching into the gap from one side (a paragraph
    beside a floated box, wider than half the text) narrows it: no box is cut by the gutter."""
    x0, x1 = min(b.x0 for b in boxes), max(b.x1 for b in boxes)
    width = x1 - x0
    low, high = x0 + _SIDE * width, x1 - _SIDE * width
    # a page number set in the gutter ("216" at a journal page's foot) is no column of its own
    narrow = sorted((b.x0, b.x1) for b in boxes if b.x1 - b.x0 <= _COLUMN * width and not _mark_box(b))
    if len(narrow) < 2:
        return None
    least = _MIN_GUTTER * size
    best: tuple[float, float] | None = None
    reach = narrow[0][1]
    for a, b in narrow[1:]:
        gap = _clear(boxes, reach, a) if a - reach >= least else None
        wider = gap is not None and (best is None or gap[1] - gap[0] > best[1] - best[0])
        if gap is not None and gap[1] - gap[0] >= least and low <= (gap[0] + gap[1]) / 2 <= high and wider:
            best = gap
        reach = max(reach, b)
    return best


def _mark_box(b: Box) -> bool:
    """A box of one short line: a page number or a mark, not text a column is made of."""
    return len(b.lines) == 1 and len(b.lines[0].text.strip()) <= 4


def _clear(boxes: list[Box], g0: float, g1: float) -> tuple[float, float] | None:
    """The gap from `g0` to `g1` narrowed by the boxes reaching into it from one side with text
    beside them on the other (a paragraph wrapping round a floated box); a box with nothing
    beside it (a short line above the columns) cuts across them instead, and one inside the gap
    with text on both sides leaves no gutter."""
    for b in boxes:
        if b.x1 <= g0 or b.x0 >= g1 or (b.x0 <= g0 and b.x1 >= g1):
            continue
        beside = [o for o in boxes if o is not b and o.top < b.bottom and o.bottom > b.top]
        left = any(o.x1 <= b.x0 for o in beside)
        right = any(o.x0 >= b.x1 for o in beside)
        if b.x0 <= g0 and right:
            g0 = b.x1
        elif b.x1 >= g1 and left:
            g1 = b.x0
        elif left and right:
            return None
    return (g0, g1) if g1 > g0 else None


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


def _cross_heading(b: Box, own: list[Box], other: list[Box], size: float) -> bool:
    """A heading set at one side of the gutter that heads both columns: nothing beside it, and
    both columns start right below it, about level ("1. Purpose and scope" over a section in two
    columns; a list's first item may sit a little lower than a paragraph's first line). A heading within a column has the other column's text beside it, or below it only
    its own paragraph."""
    if not _heading_like(b, size):
        return False  # a sentence's last line carried over to the next column is no heading
    beside = [o for o in own + other if o is not b and o.top < b.bottom and o.bottom > b.top]
    if beside:  # text beside it: the other column's, or the cells of its table row
        return False
    below = [
        min((o for o in side if o.top >= b.bottom - 1.0), key=lambda o: o.top, default=None) for side in (own, other)
    ]
    if below[0] is None or below[1] is None:
        return False
    if _heading_like(below[1], size) and below[1].lines[0].size >= 0.95 * b.lines[0].size:
        return False  # the other column opens a section of its own there, as high a heading as this one
    return abs(below[0].top - below[1].top) <= 1.5 * size and below[0].top - b.bottom <= 3.5 * size


def _heading_after(b: Box, other: list[Box], size: float) -> bool:
    """A heading below the end of the other column (a section opening after a short run of two
    columns, its own text too short to reach across the gutter): it comes after both columns."""
    return bool(other) and _heading_like(b, size) and b.top >= max(o.bottom for o in other) - 0.5


def _heading_like(b: Box, size: float) -> bool:
    """One or two lines, bold or larger than the body, not ending as a sentence or a clause does."""
    first = b.lines[0]
    return (
        len(b.lines) <= 2
        and not first.text.rstrip().endswith((".", ",", ";"))
        and (first.bold or first.size > 1.1 * size)
    )


def _ruled_across(
    hrules: list[tuple[float, float, float]], cut: tuple[float, float], top: float, bottom: float
) -> bool:
    """A ruling line (or the cells' own segments of one, at one height) runs across the gutter
    inside the run from `top` to `bottom`: a table spans both sides."""
    heights: dict[int, tuple[float, float]] = {}
    for y, a, z in hrules:
        if top + 2 < y < bottom - 2:  # within the run: a banner's edge just above it spans nothing of it
            lo, hi = heights.get(round(y), (a, z))
            heights[round(y)] = (min(lo, a), max(hi, z))
    return any(lo < cut[0] - 1 and hi > cut[1] + 1 for lo, hi in heights.values())


def _regions(
    boxes: list[Box], cut: tuple[float, float], hrules: list[tuple[float, float, float]], height: float, size: float
) -> list[list[Box]]:
    """Boxes cut into runs top to bottom at what runs across both columns: a box spanning the
    gutter, a heading heading both columns, a ruling line across the gutter, or a line in the
    page's top or bottom margin (a running head or foot and its page number). Each box that
    cuts is a run of its own, between the runs of boxes beside the gutter above and below it."""
    g0, g1 = cut
    left = [b for b in boxes if b.x1 <= g0 + 0.5]
    right = [b for b in boxes if b.x0 >= g1 - 0.5]
    margin = _MARGIN * height
    cuts: list[tuple[float, list[Box]]] = [
        (b.top, [b])
        for b in boxes
        # a box on neither side (across the gutter, or reaching into it) is read where it stands
        if (b.x1 > g0 + 0.5 and b.x0 < g1 - 0.5) or (height and (b.bottom < margin or b.top > height - margin))
    ]
    cuts += [(b.top, [b]) for b in left if _cross_heading(b, left, right, size) or _heading_after(b, right, size)]
    cuts += [(b.top, [b]) for b in right if _cross_heading(b, right, left, size) or _heading_after(b, left, size)]
    cuts += [(y, []) for y, a, z in hrules if a < g0 - 1.0 and z > g1 + 1.0]
    cuts.sort(key=lambda c: (c[0], c[1][0].x0 if c[1] else 0.0))
    cutting = {id(b) for _, sep in cuts for b in sep}
    runs: list[list[Box]] = [[]]
    for _, sep in cuts:
        runs += [sep, []]
    for b in boxes:
        if id(b) not in cutting:
            middle = (b.top + b.bottom) / 2
            runs[2 * sum(middle > y for y, _ in cuts)].append(b)
    return [r for r in runs if r]


def _sides(
    side: list[Box],
    hrules: list[tuple[float, float, float]] | None,
    height: float,
    vrules: list[tuple[float, float, float]] | None,
    depth: int,
) -> list[list[Box]]:
    """One side of a gutter, split again at its own gutter when it holds columns too."""
    return split_columns(side, hrules, height, vrules, depth + 1) if depth < _MAX_DEPTH else [side]


def split_columns(
    boxes: list[Box],
    hrules: list[tuple[float, float, float]] | None = None,
    height: float = 0.0,
    vrules: list[tuple[float, float, float]] | None = None,
    depth: int = 0,
) -> list[list[Box]]:
    """The page's boxes in regions to be ordered one after another: a run of two columns of
    running text becomes its left column then its right one; the rest, between such runs, stays
    together as the layout would otherwise see it."""
    if len(boxes) < 4:
        return [boxes]
    size = _size(boxes)  # the page's body type size, measured once
    cut = _gutter(boxes, size)
    if cut is None:
        return [boxes]
    out: list[tuple[list[Box], bool]] = []
    for run in _regions(boxes, cut, hrules or [], height, size):
        left = [b for b in run if b.x1 <= cut[0] + 0.5]
        right = [b for b in run if b.x0 >= cut[1] - 0.5]
        # one column of running text is enough: the other may be short (a column's last lines,
        # a heading and its paragraph) as long as the two do not line up row by row as a table's
        top, bottom = min(b.top for b in run), max(b.bottom for b in run)
        # a ruling line down the gutter, under rules across it, is a table's column rule (its cells may be
        # centred in their rows); a table's or a figure's frame at a column's edge is not
        ruled = any(
            cut[0] + 1 < x < cut[1] - 1 and a < bottom and z > top for x, a, z in vrules or []
        ) and _ruled_across(hrules or [], cut, top, bottom)
        if (
            left
            and right
            and len(left) + len(right) == len(run)  # every box on one side: none is lost
            and not ruled
            and (_prose(left, size) or _prose(right, size))
            and not _rows_align(left, right, size)
        ):
            # a side may itself hold two columns (a page set in three, as a federal register is)
            out += [(region, True) for side in (left, right) for region in _sides(side, hrules, height, vrules, depth)]
        elif out and not out[-1][1]:
            out[-1][0].extend(run)
        else:
            out.append((list(run), False))
    if not any(columns for _, columns in out):
        return [boxes]
    return [region for region, _ in out]


def continued_rows(regions: list[list[list[Box]]]) -> list[list[Box]]:
    """The regions' ordered groups as one list, where a column opening with the last row of the
    table that closed the column before it (the row the page's flow carried over) reads that
    row as a row: its cells sit at the table's column offsets, on one band."""
    out: list[list[Box]] = []
    for groups in regions:
        if out and len(out[-1]) > 1:
            row = _carried_row(out[-1], groups)
            if row:
                out.append(row)
                groups = groups[len(row) :]
        out += groups
    return out


def _carried_row(last: list[Box], groups: list[list[Box]]) -> list[Box] | None:
    """The boxes opening `groups` that make a row of `last`'s table, or None."""
    n = len(last)
    head = groups[:n]
    if len(head) < n or any(len(g) != 1 for g in head):
        return None
    boxes = sorted((g[0] for g in head), key=lambda b: b.x0)
    size = max(ln.size for b in boxes for ln in b.lines)
    if max(b.top for b in boxes) - min(b.top for b in boxes) > 0.5 * size:
        return None  # not one band
    cells = sorted(last, key=lambda b: b.x0)
    width = max(b.x1 for b in cells) - cells[0].x0
    tol = max(3.0, 0.02 * width)
    offsets = [(b.x0 - boxes[0].x0) - (c.x0 - cells[0].x0) for b, c in zip(boxes, cells, strict=True)]
    return boxes if all(abs(d) <= tol for d in offsets) else None
