"""A table row a page break cut: the words of its cells that go on atop the next page, under the
table's repeated header row, move back into the cells they finish ("... we automatically track the
clinician edit" / "rate for each note section. ..."), so no answer opens on a cell's back half
read as a paragraph of its own under the header's words."""

from __future__ import annotations

from ..chunk import CELL_SEP, row_cells
from .chunking import header_row
from .document import BlockKind
from .pdf_furniture import CONTINUED, Piece

__all__ = ["mend_table_break"]


def mend_table_break(page: list[Piece], nxt: list[Piece], carried: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Move the next page's continuation of the page's last table row back into that row; return
    the header row's cells of the table the page ends on, to be `carried` to the next page.

    The next page opens on the table's header row again, read cell by cell, and the continuation
    under the header cell of its column; the header's copy is dropped (the row it heads is whole on
    the page before). A page whose rows go on from the page before without a header row of their
    own has the `carried` one. (A header's copy read as a row is left alone: the PDF reader keeps
    no empty cells, so the row under it cannot be told by column.)"""
    shown = [p for p in page if p.kind.indexed and not p.hidden and not p.note and p.text]
    # (the header's copy may already be furniture: the same words atop every page)
    after = sorted((p for p in nxt if _read(p) and not p.hidden and p.text), key=lambda p: (p.top, p.x0))
    if not shown or shown[-1].kind != BlockKind.TABLE:
        return ()
    run = _table_run(shown)
    if header_row(run[0].text):
        names, run = tuple(row_cells(run[0].text)), run[1:]
    elif len(run) == len(shown) or all(p.heading for p in shown[: len(shown) - len(run)]):
        names = carried  # the table goes on from the page before, under its header's copy
    else:
        return ()
    if not run or len(row_cells(run[-1].text)) != len(names):
        return names
    n = len(names)
    start = next((i for i in range(min(len(after), 4)) if _repeats(after[i : i + n], list(names))), None)
    if start is None or any(not (p.heading or CONTINUED.search(p.text) or not p.indexed) for p in after[:start]):
        return names  # only a heading ("Section 3 (continued)", a running title) comes before the header's copy
    _rejoin_under_names(run[-1], after[start:], list(names))
    return names


def _read(p: Piece) -> bool:
    return p.kind.indexed or p.kind == BlockKind.FURNITURE


def _repeats(pieces: list[Piece], names: list[str]) -> bool:
    """Are these pieces the header row again, its cells one by one?"""
    return all(p.kind != BlockKind.TABLE for p in pieces) and [p.text.strip() for p in pieces] == names


def _table_run(shown: list[Piece]) -> list[Piece]:
    """The page's last run of table rows, its header row first."""
    run: list[Piece] = []
    for p in reversed(shown):
        if p.kind != BlockKind.TABLE:
            break
        run.insert(0, p)
        if header_row(p.text):
            break
    return run


def _rejoin_under_names(last: Piece, after: list[Piece], names: list[str]) -> None:
    """The header's copy read cell by cell on one baseline, then text under it in columns other
    than the first: each piece finishes its column's cell. A new row would fill its first column
    ("3.10"); a cell's back half never does, whatever it opens on (the break may fall between two
    of the cell's sentences or paragraphs)."""
    top = after[0]
    heads = [p for p in after[: len(names)] if abs(p.top - top.top) <= 0.5 * max(top.size, 1.0)]
    if not _repeats(heads, names):
        return
    cells = row_cells(last.text)
    moved: list[tuple[int, Piece]] = []
    for p in after[len(names) :]:
        k = min(range(len(heads)), key=lambda i: abs(heads[i].x0 - p.x0))
        if p.kind != BlockKind.TEXT or k == 0 or not cells[k]:
            break
        moved.append((k, p))
    if not moved:
        return
    for k, p in moved:
        cells[k] = f"{cells[k]} {' '.join(p.text.split())}"
        p.text, p.breaks = "", []
    last.text = CELL_SEP.join(cells)
    for p in heads:
        p.kind = BlockKind.FURNITURE  # the repeated header: its row is whole on the page before
