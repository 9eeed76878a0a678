"""Table rows as every loader writes them: one line per row, cells joined by " | ", the header row
first, so the answer composer reads a table the same way from Markdown, HTML, DOCX and PDF."""

from __future__ import annotations

import re

from ..chunk import CELL_SEP

__all__ = ["EMPTY_CELL", "markdown_cells", "markdown_row", "table_row"]

#: What an empty cell between filled ones reads as: the columns after it stay under their headings.
EMPTY_CELL = "\u2014"
_PIPE = re.compile(r"\s*\|\s*")
_RULE_CELL = re.compile(r"^:?-{1,}:?$")


def _cell(text: str) -> str:
    # a "|" inside a cell would read as a column break
    return _PIPE.sub(" / ", " ".join(text.split())).strip(" /") if "|" in text else " ".join(text.split())


def table_row(cells: list[str]) -> str:
    """One row's text: cells joined by " | "; an empty cell between filled ones reads EMPTY_CELL,
    empty cells at the row's end are dropped; a row with one filled cell (a label spanning the
    table) is that cell's text alone; "" when every cell is empty."""
    texts = [_cell(c) for c in cells]
    while texts and not texts[-1]:
        texts.pop()
    filled = [t for t in texts if t]
    if len(filled) <= 1:
        return filled[0] if filled else ""
    return CELL_SEP.join(t or EMPTY_CELL for t in texts)


def markdown_row(line: str) -> bool:
    """A line of a pipe table ("| a | b |", or "a | b" in a table without outer pipes)."""
    s = line.strip()
    return s.startswith("|") or (s.count("|") - s.count("\\|") >= 1 and not s.startswith(("```", "~~~")))


def markdown_cells(line: str) -> list[str] | None:
    """The cells of a Markdown pipe-table row (escaped "\\|" stays in its cell); None for the
    delimiter row ("|---|:---:|")."""
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells = [c.replace("\\|", "|").strip() for c in re.split(r"(?<!\\)\|", s)]
    if cells and all(_RULE_CELL.match(c) for c in cells):
        return None
    return cells
