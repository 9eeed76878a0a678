"""Tables with no rules on a scanned page, found in the gaps between its words.

A table printed without rules (or with rules too faint to scan, or carried over a page break
with one rule left) reads, line by line, as sentences run across its columns ("Output that
informs diagnosis, triage or Deterioration alerts, imaging Local AI Safety Every 12"). Its
columns show as gaps that no word in a run of lines crosses, each wider than a word space; a
row starts on a line with words in the first column. Such a table becomes a `Grid`, read cell by
cell as a ruled one is.
"""

from __future__ import annotations

import itertools

import numpy as np

from .ocr_layout import _RULE_TOKEN, Grid, Word

_CELL_GAP = 1.5  # word heights: a gap this wide inside a line parts two cells (a word space is far less)
_GUTTER = 1.0  # word heights: the narrowest gap a column leaves down the whole table
_LEADING = 2.0  # word heights between two lines of one table at most
_PADDED = 1.25  # a line pitch this much over the table's tightest starts a row (rows set apart)


def gutter_grids(words: list[Word], grids: list[Grid]) -> list[Grid]:
    """Tables of three columns or more that no rule marks: runs of lines, two or more of them
    parted into three cells or more, whose words leave two or more gaps clear from top to
    bottom (a two-column page, or clause numbers beside their text, leave one)."""
    free = [w for w in words if not _RULE_TOKEN.match(w.text) and all(g.cell(w) is None for g in grids)]
    if len(free) < 6:
        return []
    height = float(np.median([w.y1 - w.y0 for w in free]))
    lines = _lines(free)
    out: list[Grid] = []
    i = 0
    while i < len(lines):
        found = _table_at(lines, i, height)
        if found is None:
            i += 1
            continue
        grid, used = found
        out.append(grid)
        i += used
    return out


def _lines(words: list[Word]) -> list[list[Word]]:
    """The words in lines as they lie on the page (a table's cells may be Tesseract blocks of
    their own), top to bottom, each left to right."""
    out: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.y0 + w.y1) / 2):
        mid = (w.y0 + w.y1) / 2
        if out:
            line = out[-1]
            top, bottom = np.median([v.y0 for v in line]), np.median([v.y1 for v in line])
            if top <= mid <= bottom:
                line.append(w)
                continue
        out.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in out]


def _cells(line: list[Word], height: float) -> int:
    """How many cells the line's gaps part it into."""
    return 1 + sum(1 for a, b in itertools.pairwise(line) if b.x0 - a.x1 > _CELL_GAP * height)


def _gutters(lines: list[list[Word]], height: float) -> list[tuple[int, int]]:
    """The gaps (x0, x1) no word of `lines` crosses, inside their span and wide enough to part columns."""
    x0 = min(w.x0 for ln in lines for w in ln)
    x1 = max(w.x1 for ln in lines for w in ln)
    cover = np.zeros(x1 - x0, dtype=bool)
    for ln in lines:
        for w in ln:
            cover[w.x0 - x0 : w.x1 - x0] = True
    free = np.flatnonzero(~cover)
    if not len(free):
        return []
    cuts = np.flatnonzero(np.diff(free) > 1)
    starts = np.concatenate(([free[0]], free[cuts + 1]))
    ends = np.concatenate((free[cuts], [free[-1]]))
    return [(x0 + int(a), x0 + int(b) + 1) for a, b in zip(starts, ends, strict=True) if b + 1 - a >= _GUTTER * height]


def _table_at(lines: list[list[Word]], i: int, height: float) -> tuple[Grid, int] | None:
    """The table starting at line `i` and how many lines it takes, or None."""
    if _cells(lines[i], height) < 3:
        return None
    run = [lines[i]]
    for line in lines[i + 1 :]:
        if min(w.y0 for w in line) - max(w.y1 for w in run[-1]) > _LEADING * height:
            break
        if len(_gutters([*run, line], height)) < 2:
            break  # a line across the columns: the text after the table
        run.append(line)
    parted = sum(1 for ln in run if _cells(ln, height) >= 3)
    if parted < 2 or parted < 0.4 * len(run):
        return None
    gutters = _gutters(run, height)
    left = min(w.x0 for ln in run for w in ln)
    right = max(w.x1 for ln in run for w in ln)
    pad = int(0.25 * height)
    xs = [left - pad, *[(a + b) // 2 for a, b in gutters], right + pad]
    return Grid(xs, _row_edges(run, xs[1], pad), ruled=False), len(run)


def _row_edges(run: list[list[Word]], first_col_end: int, pad: int) -> list[int]:
    """Row edges down the table: a row starts on a line with words in the first column, set
    apart from the line above where the table sets its rows apart (a first cell wrapped over two
    lines is one row)."""
    mids = [float(np.median([(w.y0 + w.y1) / 2 for w in ln])) for ln in run]
    pitches = [b - a for a, b in itertools.pairwise(mids)]
    tight = min(pitches, default=0.0)
    padded = any(p > _PADDED * tight for p in pitches)
    ys = [min(w.y0 for w in run[0]) - pad]
    for k in range(1, len(run)):
        opens = any((w.x0 + w.x1) / 2 < first_col_end for w in run[k])
        if opens and (not padded or pitches[k - 1] > _PADDED * tight):
            ys.append((max(w.y1 for w in run[k - 1]) + min(w.y0 for w in run[k])) // 2)
    ys.append(max(w.y1 for w in run[-1]) + pad)
    return ys
