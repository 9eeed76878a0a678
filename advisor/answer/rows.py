"""The rows of a table that a question picks out by a value it names.

"Which standards become mandatory in March 2027?" asks for the rows dated March 2027, "Which
standards are only recommended?" for the rows whose status cell says Recommended, "Which risks are
flagged as overdue?" for the rows whose Status cell reads Overdue: quoting the whole table would
bury the answer, and a register's rows reading the value are searched for on their own. Only what
the question names before a negation counts ("not mandatory", "rather than required" pick nothing
out); naming no cell's value keeps every row.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from ..text import tokenize
from .focus import MONTHS, years
from .populations import asked_population
from .quotable import UnitKind
from .selection import Candidate

__all__ = ["ROW_VALUE_BONUS", "asked_rows", "holds_value", "ranked_rows", "row_values", "rows_holding"]

_MONTH_YEAR = re.compile(rf"\b{MONTHS}\s+(?:19|20)\d{{2}}\b")
_NEGATION = re.compile(
    r"\b(?:not|never|no|except|excluding|besides|other than|apart from|rather than)\b|n['’]t\b", re.I
)


def _asked_dates(question: str) -> list[str]:
    """ "March 2027" as written, else the bare years the question names."""
    named = [" ".join(m.group(0).split()).lower() for m in _MONTH_YEAR.finditer(question)]
    return named or sorted(years(question))


def _cells(c: Candidate) -> list[str]:
    return [" ".join(cell.split()).lower() for cell in c.text.split(" | ")]


def asked_rows(question: str, items: list[Candidate]) -> list[Candidate]:
    """The rows of `items` (a table's rows) carrying a date or a one-word cell value the question
    names; `items` unchanged when they are not all rows, or the question names no value that
    picks out some rows but not all."""
    if len(items) < 3 or any(c.kind is not UnitKind.ROW for c in items):
        return items
    before_negation = _NEGATION.split(question, maxsplit=1)[0]
    dates = _asked_dates(before_negation)
    words = set(tokenize(before_negation))
    cells = [_cells(c) for c in items]
    if dates:
        keep = [c for c, cs in zip(items, cells, strict=True) if any(d in cell for d in dates for cell in cs)]
    elif picked := row_values(before_negation):  # "flagged as overdue", "rated high likelihood and high impact"
        keep = [c for c in items if holds_value(c.text, picked)]
    else:
        # a cell that is one word of the question ("Recommended") in a column that repeats values
        keep = [c for c, cs in zip(items, cells, strict=True) if any(_one_word(cell) & words for cell in cs[1:])]
    return keep if 0 < len(keep) < len(items) else items


def _one_word(cell: str) -> set[str]:
    toks = tokenize(cell)
    return set(toks) if len(toks) == 1 and " " not in cell.strip() else set()


#: A superlative asking for the row at one end of a column: "the weakest sensitivity", "the highest AUROC".
_LOWEST = re.compile(r"\b(?:lowest|weakest|worst|smallest|least|poorest|minimum|fewest|shortest)\b", re.I)
_HIGHEST = re.compile(r"\b(?:highest|strongest|best|largest|greatest|most|maximum|top|longest)\b", re.I)
#: A row summing up the others ("All sites", "Total", "Overall"): no rank of its own.
_SUMMARY_ROW = re.compile(r"^\s*(?:all\b|total|overall|combined|pooled|average|mean)\b", re.I)
_FIGURE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
#: What the row summing up a table gains when a measure is asked of no group.
OVERALL_BONUS = 0.05


def overall_bonus(question: str, measure: Collection[str], c: Candidate) -> float:
    """OVERALL_BONUS for the row summing up a table ("All test images | 8,240 | ... | 71.4%") when
    the question asks a measure ("What is X's specificity?") of no group: the overall figure
    answers it before the subgroups' rows, which read as close to it; 0 otherwise."""
    if not measure or c.kind is not UnitKind.ROW or not _SUMMARY_ROW.match(c.text):
        return 0.0
    return 0.0 if any(asked_population(question)) else OVERALL_BONUS


def ranked_rows(question: str, cands: list[Candidate]) -> list[Candidate]:
    """For "which site had the weakest sensitivity?", the row of each table whose cell in the
    column the question names holds the lowest figure (the highest for "highest", "best"):
    quoting the table alone leaves the reader to find it."""
    low, high = _LOWEST.search(question), _HIGHEST.search(question)
    if bool(low) == bool(high):
        return []
    words = set(tokenize(question))
    tables: dict[int, list[Candidate]] = {}
    for c in cands:
        head = c.unit.header_row
        if head is not None and not _SUMMARY_ROW.match(c.text):
            tables.setdefault(id(head), []).append(c)
    out = []
    for rows in tables.values():
        header = rows[0].unit.header_row
        assert header is not None
        names = [set(tokenize(h)) for h in header.text.split(" | ")]
        cols = [i for i, n in enumerate(names) if i and n & words]
        if len(cols) != 1 or len(rows) < 2:
            continue
        valued = [(float(m.group(0).replace(",", "")), c) for c in rows if (m := _first_figure(c, cols[0]))]
        if len(valued) >= 2:
            out.append((min if low else max)(valued, key=lambda v: v[0])[1])
    return out


def _first_figure(c: Candidate, col: int) -> re.Match[str] | None:
    cells = c.text.split(" | ")
    return _FIGURE.search(cells[col]) if col < len(cells) else None


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
    # "with a status of Overdue", "whose priority is high", "a RAG rating of red"
    re.compile(
        r"\b(?:status|rating|rag|priority|severity|grade|result)\s+(?:of\s+|is\s+|was\s+|=\s*|:\s*)"
        r"['\"‘“]?(?P<v>" + _VALUE + r"(?:\s+(?:or|and)\s+" + _VALUE + r")?)",
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
    one of the values, whole ("Overdue", "Carried over", "RED", "High / High")?"""
    if " | " not in row:
        return False
    cells = {re.sub(r"[\s.;:*]+$", "", c.strip()).lower() for c in row.split(" | ")}
    # a rating of two parts ("High / High" under "Rating (L / I)") reads the value when both do
    parts = {c for c in cells if "/" in c and len({p.strip() for p in c.split("/")}) == 1}
    return any(v in cells or f"{v} / {v}" in parts or f"{v}/{v}" in parts for v in values)


def rows_holding(text: str, values: Iterable[str]) -> list[str]:
    """The lines of a passage that are table rows holding one of the values."""
    values = tuple(values)
    return [line for line in text.splitlines() if holds_value(line, values)]
