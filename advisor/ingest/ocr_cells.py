"""A ruled table's cells read one by one.

Read as part of the page, a table confuses Tesseract's line finding: a one-line cell beside a
wrapped one sits between the wrapped cell's two lines, and Tesseract joins them into one line,
reading the same words twice with the wrong baseline ("Office of General Counsel . PP ve . y
deviation"). Here each cell's ink is cut out and the cells are stacked on a sheet of their own,
apart, one under the other; the sheet is read once, and each word goes back to its cell at its
place on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from PIL import Image

from .ocr_layout import _DARK, Grid, Word

_MARGIN = 24  # white round the sheet's cells
_GAP = 48  # white between two cells on the sheet: never one line
_KEY = 1_000_000  # cells' Tesseract blocks numbered apart from the page's
_TALLEST = 20_000  # pixels: a sheet's height, well under what Tesseract's image library takes


@dataclass
class Slot:
    """A cell's ink on the sheet (`box`), and how far it moved from the page (`dx`, `dy`)."""

    grid: int
    row: int
    col: int
    box: tuple[int, int, int, int]
    dx: int
    dy: int


def cell_sheet(image: Image.Image, grids: list[Grid]) -> tuple[Image.Image | None, list[Slot]]:
    """The cells of the tables `grids` that hold ink, cut from the page (its rules erased) and
    stacked on one sheet, with where each went; None when no cell holds any."""
    page = np.asarray(image.convert("L"))
    cuts: list[tuple[Slot, np.ndarray]] = []
    y = _MARGIN
    for g, grid in enumerate(grids):
        table, y_at = [], y
        for r in range(len(grid.ys) - 1):
            for c in range(len(grid.xs) - 1):
                box = _ink(page, grid.xs[c] + 3, grid.ys[r] + 3, grid.xs[c + 1] - 3, grid.ys[r + 1] - 3)
                if box is None:
                    continue
                x0, y0, x1, y1 = box
                slot = Slot(g, r, c, (_MARGIN, y, _MARGIN + x1 - x0, y + y1 - y0), x0 - _MARGIN, y0 - y)
                table.append((slot, page[y0:y1, x0:x1]))
                y += y1 - y0 + _GAP
        if y > _TALLEST:  # a sheet Tesseract may refuse: this table and those after keep the page's reading
            y = y_at
            break
        cuts += table
    if not cuts:
        return None, []
    width = max(s.box[2] for s, _ in cuts) + _MARGIN
    sheet = np.full((y - _GAP + _MARGIN, width), 255, dtype=np.uint8)
    for slot, pixels in cuts:
        x0, y0, x1, y1 = slot.box
        sheet[y0:y1, x0:x1] = pixels
    return Image.fromarray(sheet), [s for s, _ in cuts]


def _ink(page: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> tuple[int, int, int, int] | None:
    """The box round the ink inside a cell (a few pixels of white kept about it), None if blank."""
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(page.shape[1], x1), min(page.shape[0], y1)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    dark = page[y0:y1, x0:x1] < _DARK
    if dark.sum() < 12:  # a speck or a rule's remnant, no word
        return None
    rows, cols = np.flatnonzero(dark.any(axis=1)), np.flatnonzero(dark.any(axis=0))
    pad = 6
    return (
        max(x0, x0 + int(cols[0]) - pad),
        max(y0, y0 + int(rows[0]) - pad),
        min(x1, x0 + int(cols[-1]) + 1 + pad),
        min(y1, y0 + int(rows[-1]) + 1 + pad),
    )


def cell_words(words: list[Word], slots: list[Slot]) -> dict[int, list[Word]]:
    """The sheet's words back on the page, per table: each moved to where its cell's ink is on the
    page, its line kept apart from the page's lines."""
    out: dict[int, list[Word]] = {}
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2
        slot = next((s for s in slots if s.box[0] <= cx <= s.box[2] and s.box[1] <= cy <= s.box[3]), None)
        if slot is None:
            continue
        b, p, ln = w.key
        moved = replace(
            w, x0=w.x0 + slot.dx, x1=w.x1 + slot.dx, y0=w.y0 + slot.dy, y1=w.y1 + slot.dy, key=(_KEY + b, p, ln)
        )
        out.setdefault(slot.grid, []).append(moved)
    return out


def with_cells(words: list[Word], grids: list[Grid], cells: dict[int, list[Word]]) -> list[Word]:
    """The page's words with those inside each table replaced by its cells' words, read on their
    own, where the table came in the page's reading order (a table the page read nothing of comes
    before the first line below it)."""
    out: list[Word] = []
    placed: set[int] = set()
    for w in words:
        g = next((g for g, grid in enumerate(grids) if grid.cell(w) is not None), None)
        if g is None:
            for k, grid in enumerate(grids):
                if k not in placed and k in cells and w.y0 > grid.ys[-1]:
                    out += cells[k]
                    placed.add(k)
            out.append(w)
        elif g not in cells:
            out.append(w)  # its cells held no ink the sheet could show: the page's reading kept
        elif g not in placed:
            out += cells[g]
            placed.add(g)
    for k in sorted(set(cells) - placed):
        out += cells[k]
    return out
