"""The rows of a table that a question picks out by a value it names.

"Which standards become mandatory in March 2027?" asks for the rows dated March 2027, "Which
standards are only recommended?" for the rows whose status cell says Recommended: quoting the
whole table would bury the answer. Only what the question names before a negation counts ("not
mandatory", "rather than required" pick nothing out); naming no cell's value keeps every row.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ..text import tokenize
from .focus import MONTHS, years
from .populations import asked_population
from .quotable import UnitKind
from .selection import Candidate

__all__ = ["asked_rows", "ranked_rows"]

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
