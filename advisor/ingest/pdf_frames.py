"""Call-out boxes: text a drawn frame sets apart from the page's running text (a box beside a
section, "Call-out: small providers", "Case study"), found from the page's ruling lines.

A box's own title heads the box only: the text after the box goes on under the section the box
interrupted. The frames found here are carried to each piece read inside them, and the sections
(:mod:`.pdf_read`) put the section back when the box ends.
"""

from __future__ import annotations

from .pdf_boxes import Box

__all__ = ["callouts"]

Rect = tuple[float, float, float, float]  # x0, top, x1, bottom

_NEAR = 2.0  # points: a frame's sides meet at its corners this closely
_MIN_WIDTH = 60.0  # points: a frame narrower than this is a cell or a mark, not a box of text
_MAX_SHARE = 0.6  # a frame holding this share of the page's lines is the page's border
_MIN_WORDS = 12  # words the box's text holds besides its first line (a banner's title and subtitle hold fewer)


def _frames(hrules: list[tuple[float, float, float]], vrules: list[tuple[float, float, float]]) -> list[Rect]:
    """Rectangles drawn by rules: two vertical sides of one height, a rule along the top and the
    foot between them (a stroked or filled rectangle, or a border drawn side by side)."""
    out: list[Rect] = []
    sides = sorted(vrules)
    for i, (xa, ta, ba) in enumerate(sides):
        for xb, tb, bb in sides[i + 1 :]:
            if xb - xa < _MIN_WIDTH or abs(ta - tb) > _NEAR or abs(ba - bb) > _NEAR:
                continue
            top, bottom = min(ta, tb), max(ba, bb)
            edges = [
                y
                for y, a, b in hrules
                if a <= xa + _NEAR and b >= xb - _NEAR and (abs(y - top) <= _NEAR or abs(y - bottom) <= _NEAR)
            ]
            if any(abs(y - top) <= _NEAR for y in edges) and any(abs(y - bottom) <= _NEAR for y in edges):
                rect = (xa, top, xb, bottom)
                if rect not in out:
                    out.append(rect)
    return out


def _inside(b: Box, r: Rect) -> bool:
    x0, top, x1, bottom = r
    return b.x0 >= x0 - 1 and b.x1 <= x1 + 1 and b.top >= top - 1 and b.bottom <= bottom + 1


def _stacked(boxes: list[Box]) -> bool:
    """No two boxes side by side: text read top to bottom, not a table's cells or a form."""
    return not any(a.top < b.bottom and b.top < a.bottom for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def callouts(
    boxes: list[Box], hrules: list[tuple[float, float, float]], vrules: list[tuple[float, float, float]]
) -> dict[int, int]:
    """{id of a box: its call-out's number on the page (1, 2, ...)}: boxes of text inside a drawn
    frame that holds text read top to bottom (a title and a paragraph at least), while running
    text goes on outside it. A table's ruled cells, a banner over a heading and a border round
    the whole page are no call-outs."""
    if len(boxes) < 3 or not vrules:
        return {}
    total = sum(len(b.lines) for b in boxes)
    found: dict[int, int] = {}
    for rect in sorted(_frames(hrules, vrules), key=lambda r: (r[2] - r[0]) * (r[3] - r[1])):  # innermost first
        inner = [b for b in boxes if _inside(b, rect) and id(b) not in found]
        if len(inner) < 2 or len(inner) == len(boxes) or not _stacked(inner):
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
