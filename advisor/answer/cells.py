"""A table row read with its header row: as named cells, as a counting clause, as dated events;
the row an ordinal names ("the second contract year": "Contract Year 2"); and the rows a
question picks by a cell's value ("Which risks are flagged as overdue?": the rows whose Status
cell reads "Overdue")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text import tokenize
from .focus import dated

__all__ = [
    "ORDINALS",
    "ROW_VALUE_BONUS",
    "column_named",
    "counted_row",
    "dated_row",
    "holds_value",
    "keyed_row",
    "ordinal_named",
    "row_values",
]


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


#: How much a table row gains whose cell holds the value a question picks rows by.
ROW_VALUE_BONUS = 0.3
_VALUE = r"[A-Za-z][\w-]*(?:\s+(?:over|out|up|back|off|on\s+hold|in\s+progress))?"
#: The value a question picks rows by: "flagged as overdue", "rated Red", "marked 'not started'"
#: (what follows a verb of labelling), or the state a list question ends on ("Which initiatives
#: are paused?", "Which actions were carried over or deferred?").
_PICKED = (
    re.compile(
        r"\b(?:flagged|marked|rated|listed|shown|recorded|labell?ed|classed|classified|categori[sz]ed|coded|"
        r"tagged|scored|graded|set)\s+(?:as\s+)?(?:being\s+)?['\"‘“]?(?P<v>"
        + _VALUE
        + r"(?:\s+(?:or|and)\s+"
        + _VALUE
        + r")?)",
        re.I,
    ),
    re.compile(
        r"^\s*(?:which\b[^?]*?\b(?:are|is|were|was)|what\s+(?:[\w-]+\s+){0,3}?[\w-]+s\s+(?:are|were))\s+"
        r"(?:currently\s+|now\s+|still\s+)?"
        r"(?P<v>" + _VALUE + r"(?:\s+(?:or|and)\s+" + _VALUE + r")?)"
        r"(?:\s+(?:at|in|on|by|during|for|as\s+of|since|after|before)\s+[^?]*)?\s*\?\s*$",
        re.I,
    ),
)
#: Words after a labelling verb that are no value ("rated by the board", "listed in the table").
_NOT_VALUE = frozenset(
    re.findall(
        r"\w+",
        "a an the by in on at for of to with from under as than their its our this that these those there "
        "being been how what which who when where why any all each every more most less least very "
        # the labelling verbs themselves ("Which risks are listed in the register?")
        "flagged marked rated listed shown recorded labelled labeled classed classified coded tagged scored",
    )
)


def row_values(question: str) -> tuple[str, ...]:
    """The values a list question picks table rows by, in lower case ("Which AI risks are flagged
    as overdue?" -> ("overdue",)); () when it picks none."""
    if not re.match(r"^\s*(?:which|what|list|show)\b", question, re.I):
        return ()
    for pattern in _PICKED:
        m = pattern.search(question)
        if m is None:
            continue
        values = [v.strip().lower() for v in re.split(r"\s+(?:or|and)\s+", m.group("v"))]
        values = [v for v in values if v.split()[0] not in _NOT_VALUE and not v[0].isdigit()]
        if values:
            return tuple(values)
    return ()


def holds_value(row: str, values: Iterable[str]) -> bool:
    """Does a table row ("AIR-012 | ... | Mitigate | 15-Sep-2025 | Overdue") have a cell reading
    one of the values, whole ("Overdue", "Carried over", "RED")?"""
    if " | " not in row:
        return False
    cells = {re.sub(r"[\s.;:*]+$", "", c.strip()).lower() for c in row.split(" | ")}
    return any(v in cells for v in values)


def rows_holding(text: str, values: Iterable[str]) -> list[str]:
    """The lines of a passage that are table rows holding one of the values."""
    values = tuple(values)
    return [line for line in text.splitlines() if holds_value(line, values)]
