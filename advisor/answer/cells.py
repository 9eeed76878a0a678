"""A table row read with its header row: as named cells, as a counting clause, as dated events;
and the row an ordinal names ("the second contract year": "Contract Year 2")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text import tokenize
from .focus import dated

__all__ = ["ORDINALS", "column_named", "counted_row", "dated_row", "keyed_row", "ordinal_named"]


def _named_cells(row: str, header: str) -> list[tuple[str, str]]:
    """(column name, cell) of a table row under its header; [] when they do not have the same cells."""
    cells, names = [c.strip() for c in row.split(" | ")], [c.strip() for c in header.split(" | ")]
    return list(zip(names, cells, strict=True)) if len(cells) >= 2 and len(cells) == len(names) else []


def keyed_row(row: str, header: str) -> str:
    """A table row read with its header's column names ("Hours per developer: 480; Developers:
    412"), or "" when the row and the header do not have the same cells."""
    pairs = _named_cells(row, header)
    return "; ".join(f"{n}: {c}" if n else c for n, c in pairs) + "." if pairs else ""


def counted_row(row: str, header: str) -> str:
    """A table row read as one clause, each number before its column's name and each other cell
    after it ("Function OPERATE Purpose Monitor ... 4 Categories 14 Outcomes"), as a sentence
    counts; "" when the row and the header do not have the same cells."""
    read = (f"{c} {n}" if re.fullmatch(r"\d[\d,.]*", c) else f"{n} {c}" for n, c in _named_cells(row, header))
    return re.sub(r"[,;.—–]+(?=\s|$)", "", " ".join(read))


def dated_row(row: str, header: str) -> bool:
    """Is a table row dated by its header ("Jan 2027 | Mar 2027 | Sep 2027" over the events of
    each)? Every header cell a date, and the row one cell per date."""
    cells = [c.strip() for c in header.split(" | ")]
    return len(cells) >= 2 and all(dated(c) for c in cells) and len(row.split(" | ")) == len(cells)


def column_named(header: str, anchors: Iterable[str]) -> bool:
    """Is one of a table's columns (its header row) what the question asks about (its `anchors`)?"""
    return " | " in header and any(set(tokenize(h)) & set(anchors) for h in header.split(" | ")[1:])


_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
#: "the second phase" is row "2." of a phases table (by token).
ORDINALS = {tokenize(t)[0]: str(n) for n, t in enumerate(_ORDINAL_WORDS, 1)}
_ORDINAL_NOUN = re.compile(rf"\b({'|'.join(_ORDINAL_WORDS)})\s+((?:[\w-]+\s+){{0,2}}[\w-]+)", re.I)


def ordinal_named(question: str, text: str) -> bool:
    """Does the text name by its number what the question names by an ordinal ("the second
    contract year": "Contract Year 2", "2nd year"), not merely repeat the ordinal ("on the second
    anniversary")?"""
    for m in _ORDINAL_NOUN.finditer(question):
        n = str(_ORDINAL_WORDS.index(m.group(1).lower()) + 1)
        for noun in m.group(2).split():
            w = re.escape(noun.rstrip("s"))
            if re.search(rf"\b{w}s?\s+{n}\b|\b{n}(?:st|nd|rd|th)\s+{w}", text, re.I):
                return True
    return False
