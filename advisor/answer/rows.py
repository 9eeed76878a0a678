"""The rows of a table that a question picks out by a value it names.

"Which standards become mandatory in March 2027?" asks for the rows dated March 2027, "Which
standards are only recommended?" for the rows whose status cell says Recommended: quoting the
whole table would bury the answer. Only what the question names before a negation counts ("not
mandatory", "rather than required" pick nothing out); naming no cell's value keeps every row.
"""

from __future__ import annotations

import re

from ..text import tokenize
from .focus import MONTHS, years
from .quotable import UnitKind
from .selection import Candidate

__all__ = ["asked_rows"]

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
