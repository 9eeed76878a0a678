"""Clause numbers set in a margin column beside their text, as regulations, bylaws and frameworks
print them ("8.2" in the margin, "The CARO must report ..." indented beside it): each number is
put at the start of the clause it numbers, so the clauses read as numbered paragraphs, not as
the rows of a two-column table whose first cell piles up the numbers ("11.1 11.2 11.3 | ...")."""

from __future__ import annotations

import re
from dataclasses import replace

from .pdf_boxes import Box, Line

__all__ = ["CLAUSE_NO", "hang_labels"]

#: A clause's number alone: "8.2", "1.2.1", "12.", "(a)", "(iv)", "B.", "§ 4".
CLAUSE_NO = re.compile(
    r"^(?:§\s?)?(?:[1-9]\d{0,2}(?:\.\d{1,3}){0,4}\.?|\([a-z]{1,3}\)|\([A-Z]\)|[A-Z]\.|\(?[ivx]{1,5}[.)])$"
)
#: Most space between a number and its clause's text, in type sizes (a wider gap is another column).
_GAP = 6.0


def hang_labels(boxes: list[Box]) -> list[Box]:
    """The boxes with each margin number joined to the clause beside it: the clause's first line
    on the number's baseline, in a box of running text with nothing to its right (a table's cells
    keep their row numbers to themselves)."""
    marks: dict[int, dict[int, Line]] = {}  # id of a text box -> {index of its line: the number}
    taken: set[int] = set()  # ids of the number lines joined
    for b in boxes:
        for ln in b.lines:
            if not CLAUSE_NO.match(ln.text.strip()) or ln.x1 - ln.x0 > 4.0 * ln.size:
                continue
            hit = _beside(ln, b, boxes)
            if hit is not None:
                box, j = hit
                marks.setdefault(id(box), {})[j] = ln
                taken.add(id(ln))
    if not taken:
        return boxes
    out: list[Box] = []
    for b in boxes:
        if id(b) in marks:
            out += _split(b.lines, marks[id(b)])
            continue
        lines = [ln for ln in b.lines if id(ln) not in taken]
        if lines:
            out.append(b if len(lines) == len(b.lines) else Box(lines))
    return out


def _beside(number: Line, home: Box, boxes: list[Box]) -> tuple[Box, int] | None:
    """The box of running text whose line starts just right of the number on its baseline, and
    that line's index; None when there is none, or when another box sits to that box's right."""
    size = number.size
    if any(o is not home and o.x1 <= number.x0 and _on(o, number.base, size) for o in boxes):
        return None  # a figure in a table row's last cell, not a number in the margin
    for b in boxes:
        if b is home or b.x1 - b.x0 < 15.0 * size:
            continue
        # the clause's first line, just right of the number (a sub-clause may sit indented in the
        # box of the clause it belongs to)
        j = next((i for i, ln in enumerate(b.lines) if abs(ln.base - number.base) <= 0.3 * size), None)
        if j is None or not 0.8 * size <= b.lines[j].x0 - number.x1 <= _GAP * size:
            continue
        if CLAUSE_NO.match(b.lines[j].text.strip()):
            continue
        if any(o is not b and o.x0 >= b.x1 - 1.0 and o.top < b.bottom and o.bottom > b.top for o in boxes):
            return None  # a cell of a table row: its number is the row's first cell
        return b, j
    return None


def _on(box: Box, base: float, size: float) -> bool:
    """Has the box a line on this baseline?"""
    return any(abs(ln.base - base) <= 0.3 * size for ln in box.lines)


def _split(lines: list[Line], numbers: dict[int, Line]) -> list[Box]:
    """A text box cut before each numbered line, the number opening that line."""
    out: list[Box] = []
    current: list[Line] = []
    for i, ln in enumerate(lines):
        no = numbers.get(i)
        if no is not None:
            if current:
                out.append(Box(current))
            ln = replace(ln, text=f"{no.text.strip()} {ln.text}", x0=no.x0)
            current = []
        current.append(ln)
    if current:
        out.append(Box(current))
    return out
