"""Table rows from the boxes of one row band: cells per column, a borderless grid split line by
line, a spanning cell's rows split at its neighbours' (see :func:`.pdf_layout.page_items`)."""

from __future__ import annotations

import dataclasses
import itertools
import re

from .pdf_boxes import Box, Line


def spans(items: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Merged intervals of a projection."""
    merged: list[list[float]] = []
    for a, b in sorted(items):
        if merged and a <= merged[-1][1] + tol:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def group(boxes: list[Box], intervals: list[tuple[float, float]], key) -> list[list[Box]]:
    groups: list[list[Box]] = [[] for _ in intervals]
    for b in boxes:
        v = key(b)
        i = next((i for i, (a, z) in enumerate(intervals) if a <= v <= z), len(intervals) - 1)
        groups[i].append(b)
    return [g for g in groups if g]


def extent(boxes: list[Box]) -> tuple[float, float]:
    return min(b.x0 for b in boxes), max(b.x1 for b in boxes)


def line_rows(cells: list[list[Line]]) -> list[list[list[Line]]]:
    """A borderless grid set line by line (an abbreviations list: "AI" beside "Artificial
    intelligence", one term a line) is one row per line, not one row of stacked cells: every
    cell has as many lines, line k of each sits on one baseline, and each first-column line
    opens a new entry (a capital or a digit, not a wrapped lower-case word)."""
    n = len(cells[0])
    # two lines a cell are two rows when a column holds a figure a line ("2023" over "2024"):
    # a figure is never wrapped; else they may be one row's wrapped cells
    figures = any(all(_FIGURE_CELL.match(ln.text) for ln in c) for c in cells)
    if any(len(c) != n for c in cells):
        return figure_rows(cells) or [cells]
    if n < (2 if figures else 3):
        return [cells]
    for k in range(n):
        if any(abs(c[k].base - cells[0][k].base) > 0.3 * cells[0][k].size for c in cells):
            return [cells]
    if not all(re.match(r"[A-Z0-9]", ln.text) for ln in cells[0]):
        return [cells]
    return [[[c[k]] for c in cells] for k in range(n)]


#: A cell holding a figure only ("2024", "0.84", "12.5%", "3,412", "0.85–0.89", "1,104 (5.2)",
#: "0.842 (0.830–0.853)"; "n/a" is none).
_FIGURE_CELL = re.compile(
    r"^[<>≤≥~±$€£(+-]?\d[\d.,]*(?:\s*[%‰)]|\s*[-–]\s*\d[\d.,]*%?)?(?:\s*\([\d.,%\s–—−-]+\))?(?:[*†‡]|\s[a-h])?$"
)
#: How far (in type sizes) a row's figures may sit from its baseline: a raised note mark ("0.764 a")
#: sets its line a little lower.
_BASE_SLACK = 0.5


def figure_rows(cells: list[list[Line]]) -> list[list[list[Line]]] | None:
    """An unruled table of figures whose first column's labels may wrap: the figure columns, one
    value a line on shared baselines (under a heading line, maybe), set its rows; each label line
    joins the row whose baseline is nearest (a two-line label's figures sit between its lines)."""
    labels, rest = cells[0], [_unwrapped([ln for ln in c if not mark_only(ln)]) for c in cells[1:]]
    m = len(rest[0]) if rest else 0
    if m < 3 or any(len(c) != m for c in rest) or len(labels) < m:
        return None
    if not all(_FIGURE_CELL.match(ln.text) for c in rest for ln in c[1:]):  # under a heading line, maybe
        return None
    anchors = [min(c[k].base for c in rest) for k in range(m)]
    if any(abs(c[k].base - anchors[k]) > _BASE_SLACK * c[k].size for c in rest for k in range(m)):
        return None
    rows: list[list[Line]] = [[] for _ in range(m)]
    for ln in labels:
        k = min(range(m), key=lambda i: abs(anchors[i] - ln.base))
        if abs(anchors[k] - ln.base) > 1.5 * ln.size:
            return None
        rows[k].append(ln)
    if any(not r for r in rows):
        return None
    return [[rows[k], *[[c[k]] for c in rest]] for k in range(m)]


def _unwrapped(cell: list[Line]) -> list[Line]:
    """A column's lines with a figure wrapped in a narrow column joined back ("24 (12–" over
    "41)": a median and its range), on the baseline of its first line."""
    out: list[Line] = []
    for ln in cell:
        prev = out[-1].text if out else ""
        if prev and (prev.count("(") > prev.count(")") or prev.endswith(("–", "-"))):
            out[-1] = dataclasses.replace(out[-1], text=f"{prev}{ln.text}")
        else:
            out.append(ln)
    return out


def sub_rows(row: list[Box], hrules: list[tuple[float, float, float]]) -> list[list[list[Line]]] | None:
    """A row whose first cell spans several rows of the others (a framework core: one category
    beside its outcome rows) is one row per outcome; the spanning cell opens the first. The
    column with the most stacked boxes sets the rows when a ruling line or another column's box
    tops mark the same breaks; None when nothing says the stacked boxes are rows."""
    strips = group(row, spans([(b.x0, b.x1) for b in row], 1.0), lambda b: (b.x0 + b.x1) / 2)
    strips = [sorted(s, key=lambda b: b.top) for s in strips]
    key = max(strips, key=len)
    if len(key) < 2:
        return None
    size = key[0].lines[0].size
    x0, x1 = extent(key)
    breaks = [b.top for b in key[1:]]
    ruled = all(
        any(prev.bottom - 1 <= y <= nxt.top + 1 and min(x1, b) - max(x0, a) > 0.8 * (x1 - x0) for y, a, b in hrules)
        for prev, nxt in itertools.pairwise(key)
    )
    lined = any(
        s is not key
        and len(s) == len(key)
        and all(abs(p.top - q.top) <= 0.6 * size for p, q in zip(s, key, strict=True))
        for s in strips
    )
    if not (ruled or lined):
        return None
    rows: list[list[list[Line]]] = [[[] for _ in strips] for _ in key]
    tops = [key[0].top, *breaks]
    for col, s in enumerate(strips):
        for b in s:
            # a box of one line a row (two cells of a column run together where a raised note
            # mark pushed a line nearer the next row's) is split at the rows; a cell spanning
            # several rows, its lines at its own leading or going on in lower case, stays whole
            each = (
                len(b.lines) > 1
                and all(any(abs(ln.top - t) <= 0.6 * size for t in tops) for ln in b.lines)
                and not any(ln.text[:1].islower() for ln in b.lines[1:])
            )
            for part in [[ln] for ln in b.lines] if each else [b.lines]:
                k = sum(part[0].top >= y - 0.6 * size for y in breaks)
                rows[k][col] += part
    for col in range(len(strips)):
        # the spanning cell's own label ("GOVERN 1") heads the rows it spans, so each row says
        # what it belongs to and its cells stay under their columns
        first = rows[0][col]
        label = _LABEL.match(first[0].text) if first and all(not row[col] for row in rows[1:]) else None
        for row in rows[1:] if label else ():
            row[col] = [dataclasses.replace(first[0], text=label[1])]
    return [[c for c in row if c] for row in rows if sum(bool(c) for c in row) >= 1]


_LABEL = re.compile(r"^([A-Z][\w.-]*(?: [\w.-]+){0,2}):\s")


def cell_lines(row: list[Box]) -> list[list[Line]]:
    """Boxes of a table row merged per column (a cell may hold several boxes)."""
    strips = group(row, spans([(b.x0, b.x1) for b in row], 1.0), lambda b: (b.x0 + b.x1) / 2)
    return [[ln for b in sorted(s, key=lambda b: b.top) for ln in b.lines] for s in strips]


def shared_baselines(strips: list[list[Box]]) -> bool:
    """Side-by-side strips beside a first one (its labels), two or more, whose lines are figures set
    on the same baselines line for line: an unruled table's columns of one-line cells, each column
    read down as one box or a stack of them (however many rows), never columns of text."""
    values = [[ln for b in sorted(s, key=lambda b: b.top) for ln in b.lines if not mark_only(ln)] for s in strips[1:]]
    if len(values) < 2 or len(values[0]) < 3 or any(len(v) != len(values[0]) for v in values):
        return False
    lines = [ln for v in values for ln in v[1:]]  # under a heading line, maybe
    if sum(bool(_FIGURE_CELL.match(ln.text)) for ln in lines) < 0.8 * len(lines):
        return False
    anchors = [min(v[k].base for v in values) for k in range(len(values[0]))]
    return all(abs(ln.base - a) <= _BASE_SLACK * ln.size for v in values for ln, a in zip(v, anchors, strict=True))


def mark_only(ln: Line) -> bool:
    """A raised note mark set apart from its figure ("a" after "0.747")."""
    return bool(re.fullmatch(r"[a-h*†‡]", ln.text.strip()))


def top_aligned(strips: list[list[Box]]) -> bool:
    """Three or more side-by-side strips whose first lines share a baseline, the first a narrow
    label of a line or two ("3.3", "AIR-004"): a numbered table row of tall cells (a questionnaire's
    long answer beside its number and its question), however many lines it holds."""
    if len(strips) < 3:
        return False
    (x0, x1), (l0, l1) = extent([b for s in strips for b in s]), extent(strips[0])
    if sum(len(b.lines) for b in strips[0]) > 2 or l1 - l0 > 0.15 * (x1 - x0):
        return False
    firsts = [min((b.lines[0] for b in s), key=lambda ln: ln.top) for s in strips]
    return max(f.base for f in firsts) - min(f.base for f in firsts) <= _BASE_SLACK * min(f.size for f in firsts)
