"""Call-out boxes: text a drawn frame sets apart from the page's running text (a box beside a
section, "Call-out: small providers", "Case study"), found from the page's ruling lines.

A box's own title heads the box only: the text after the box goes on under the section the box
interrupted. The frames found here are carried to each piece read inside them, and the sections
(:mod:`.pdf_read`) put the section back when the box ends.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from .pdf_boxes import Box

__all__ = ["Rect", "callouts", "frames", "frames_apart"]

Rect = tuple[float, float, float, float]  # x0, top, x1, bottom

_NEAR = 2.0  # points: a frame's sides meet at its corners this closely
_MIN_WIDTH = 60.0  # points: a frame narrower than this is a cell or a mark, not a box of text
_MAX_SHARE = 0.6  # a frame holding this share of the page's lines is the page's border
_MIN_WORDS = 8  # words the box's text holds besides its first line (a banner's title and subtitle hold fewer)


Rules = list[tuple[float, float, float]]


def frames(hrules: Rules, vrules: Rules) -> tuple[list[Rect], list[Rect]]:
    """The page's drawn frames and its rows of cells, found in one pass over its rules.

    A frame: two vertical sides of one height, next to each other (a side between them would split
    the frame into a table's cells), a rule along the top and the foot between them (a stroked or
    filled rectangle, or a border drawn side by side). A row of cells: in one band, two or more
    rectangles each sharing a side with the next and ruled along the top and the foot all the way
    (a table row shaded as a whole, with a cell of its own colour in it: reportlab's ROWBACKGROUNDS
    under a status cell's BACKGROUND). The frames inside one row are its cells, never panels apart
    (`frames_apart`); panels side by side leave a gap no rule crosses."""
    sides: dict[tuple[int, int], list[float]] = {}
    for x, top, bottom in vrules:
        sides.setdefault((round(top), round(bottom)), []).append(x)
    across: dict[int, list[tuple[float, float]]] = {}
    for y, a, b in hrules:
        across.setdefault(round(y), []).append((a, b))

    def ruled(y: int, xa: float, xb: float) -> bool:
        near = (s for k in range(y - 2, y + 3) for s in across.get(k, ()))
        return any(a <= xa + _NEAR and b >= xb - _NEAR for a, b in near)

    rects: list[Rect] = []
    rows: list[Rect] = []
    for (top, bottom), xs in sides.items():
        xs = sorted(xs)
        edges = [x for i, x in enumerate(xs) if i == 0 or x - xs[i - 1] > _NEAR]  # one side drawn twice: once
        closed = [ruled(top, xa, xb) and ruled(bottom, xa, xb) for xa, xb in pairwise(edges)]
        rects += [
            (xa, float(top), xb, float(bottom))
            for (xa, xb), shut in zip(pairwise(edges), closed, strict=True)
            if shut and xb - xa >= _MIN_WIDTH
        ]
        start = 0
        for i in range(len(closed) + 1):
            if i == len(closed) or not closed[i]:
                if i - start >= 2:
                    rows.append((edges[start], float(top), edges[i], float(bottom)))
                start = i + 1
    return rects, rows


def _inside(b: Box, r: Rect) -> bool:
    """The box's text inside the frame (its last baseline: a box cut by a page break is framed
    to the foot of its last line)."""
    x0, top, x1, bottom = r
    return b.x0 >= x0 - 1 and b.x1 <= x1 + 1 and b.top >= top - 1 and b.lines[-1].base <= bottom + 1


def _stacked(boxes: list[Box]) -> bool:
    """No two boxes side by side: text read top to bottom, not a table's cells or a form."""
    return not any(a.top < b.bottom and b.top < a.bottom for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def callouts(boxes: list[Box], rects: list[Rect]) -> dict[int, int]:
    """{id of a box: its call-out's number on the page (1, 2, ...)}: boxes of text inside a drawn
    frame that holds text read top to bottom (a title and a paragraph at least), while running
    text goes on outside it. A table's ruled cells, a banner over a heading and a border round
    the whole page are no call-outs."""
    if len(boxes) < 3 or not rects:
        return {}
    total = sum(len(b.lines) for b in boxes)
    found: dict[int, int] = {}
    for rect in sorted(rects, key=lambda r: (r[2] - r[0]) * (r[3] - r[1])):  # innermost first
        inner = [b for b in boxes if _inside(b, rect) and id(b) not in found]
        if not inner or len(inner) == len(boxes) or not _stacked(inner):
            continue
        if sum(len(b.lines) for b in inner) > _MAX_SHARE * total:
            continue
        inner.sort(key=lambda b: b.top)
        words = sum(len(ln.text.split()) for b in inner for ln in b.lines) - len(inner[0].lines[0].text.split())
        if words < _MIN_WORDS or not any(len(b.lines) >= 2 for b in inner):
            continue
        number = len(set(found.values())) + 1
        found.update({id(b): number for b in inner})
    return found


def frames_apart(region: list[Box], rects: list[Rect], rows: list[Rect] | None = None) -> list[list[Box]]:
    """The region as regions read one after another where drawn frames stand side by side, apart:
    the text above them, each frame left to right, the text below. Panels of key facts drawn
    beside each other are two lists, not the cells of one table (a label in one lines up with a
    value in the other only by chance); a table's cells share their sides and stay one table, and
    so do the cells of one of the `rows` (`frames`), however far apart."""
    held = [(r, [b for b in region if _inside(b, r)]) for r in rects]
    held = [(r, boxes) for r, boxes in held if len(boxes) >= 2]
    beside = [
        (r, boxes)
        for r, boxes in held
        if any(
            o is not r and _apart(r, o) and not _one_row(r, o, rows or []) and not _rows_align(boxes, others)
            for o, others in held
        )
    ]
    if not beside:
        return [region]
    inner = {id(b) for _, boxes in beside for b in boxes}
    top = min(r[1] for r, _ in beside)
    rest = [b for b in region if id(b) not in inner]
    above = [b for b in rest if b.top < top]
    below = [b for b in rest if b.top >= top]
    panels = [
        _labels_joined(sorted(boxes, key=lambda b: b.top))
        for _, boxes in sorted(beside, key=lambda rb: (rb[0][0], rb[0][1]))
    ]
    return [part for part in (above, *panels, below) if part]


def _one_row(a: Rect, b: Rect, rows: list[Rect]) -> bool:
    """Are both frames cells of one row of cells drawn side by side?"""

    def within(r: Rect, row: Rect) -> bool:
        return (
            r[0] >= row[0] - _NEAR
            and r[2] <= row[2] + _NEAR
            and abs(r[1] - row[1]) <= _NEAR
            and abs(r[3] - row[3]) <= _NEAR
        )

    return any(within(a, row) and within(b, row) for row in rows)


#: Share of a frame's blocks level with blocks of the frame beside it that makes the two one
#: table's columns (a table drawn as a frame per column), not panels read one after the other.
_LEVEL = 0.6


def _rows_align(a: list[Box], b: list[Box]) -> bool:
    """Do the two frames' blocks start level, row by row, in one style, as a table's columns do?
    A label level with a value of the other panel (a wrapped line shifted the stack) is no row."""
    starts = [(x.top, _style(x)) for x in b]
    level = sum(any(abs(x.top - t) <= 0.3 * x.lines[0].size and _style(x) == s for t, s in starts) for x in a)
    return level >= _LEVEL * len(a)


def _style(b: Box) -> tuple[float, bool]:
    return round(b.lines[0].size, 1), b.lines[0].bold


#: Points between two frames side by side that are panels apart, not a table's adjoining cells.
_APART = 6.0


def _apart(a: Rect, b: Rect) -> bool:
    """Do two frames share a band of the page, side by side with a gap between them?"""
    side_by_side = a[1] < b[3] and b[1] < a[3]
    return side_by_side and (b[0] - a[2] >= _APART or a[0] - b[2] >= _APART)


#: Words a panel's label over its value holds at most ("WARNING AHEAD OF ONSET").
_LABEL_WORDS = 6


def _labels_joined(boxes: list[Box]) -> list[Box]:
    """A panel's capital labels over their values read as fields, the way a table of labels and
    values is: "POPULATION" over "Adults aged 18 ..." is "POPULATION: Adults aged 18 ...", a
    fact with its label, not a heading over a line."""
    out: list[Box] = []
    for b in boxes:
        last = out[-1] if out else None
        if last is not None and _label_over(last, b):
            first = replace(b.lines[0], text=f"{last.lines[0].text}: {b.lines[0].text}", x0=last.x0, label=True)
            out[-1] = Box([first, *b.lines[1:]])
        else:
            out.append(b)
    return out


def _label_over(a: Box, b: Box) -> bool:
    """Is `a` a label alone (one short line in capitals, no larger than the value) right over `b`?"""
    label, value = a.lines[0], b.lines[0]
    text = label.text.strip()
    return (
        len(a.lines) == 1
        and 0 < len(text.split()) <= _LABEL_WORDS
        and text.upper() == text
        and any(ch.isalpha() for ch in text)
        and not text.endswith((".", ":"))
        and label.size <= value.size + 0.1
        and not (value.text.upper() == value.text and len(b.lines) == 1)  # two labels: no value yet
        and 0 <= b.top - a.bottom <= value.size
    )
