"""A table row read with its header row: as named cells, as a counting clause, as dated events;
the row an ordinal names ("the second contract year": "Contract Year 2"); and the cell a
question names by its row and its column ("the lab results service in 2028": row "Laboratory
Results Service", column "2028")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ..chunk import row_cells
from ..text import tokenize
from .focus import dated

__all__ = [
    "CELL_BONUS",
    "ORDINALS",
    "WHO",
    "asked_cell",
    "cell_naming",
    "cell_words",
    "column_named",
    "counted_row",
    "dated_row",
    "keyed_row",
    "ordinal_named",
    "question_words",
    "role_headings",
    "total_cell",
]


def _named_cells(row: str, header: str) -> list[tuple[str, str]]:
    """(column name, cell) of a table row under its header; [] when they do not have the same cells."""
    cells, names = row_cells(row), row_cells(header)
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
    cells = row_cells(header)
    return len(cells) >= 2 and all(dated(c) for c in cells) and len(row_cells(row)) == len(cells)


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


#: Score a table row gains when the question names its label and one of its columns.
CELL_BONUS = 0.3
#: A label's word a question may clip ("lab" for "laboratory") drops at least this many letters.
_CLIPPED = 3
#: Share of a row label's words the question must use to name the row.
_LABEL_SHARE = 0.6


def cell_words(cell: str) -> frozenset[str]:
    """A heading's or label's words as a question would use them: no one-letter unit ("1–4 y"),
    a range by its ends ("1–4" is "1 to 4")."""
    toks = tokenize(cell)
    have = set(toks)
    return frozenset(
        t for t in toks if not (len(t) == 1 and t.isalpha()) and not ("-" in t and set(t.split("-")) <= have)
    )


def _label_named(label: frozenset[str], words: frozenset[str]) -> frozenset[str]:
    """The question's words naming a row label's words, a clipped one ("lab") included; none
    unless they make the share that names the row, with a word of letters ("1" names no row)."""
    said: set[str] = set()
    for t in label:
        said |= {w for w in words if w == t or (len(w) >= 3 and t.startswith(w) and len(t) - len(w) >= _CLIPPED)}
    if not any(w.isalpha() for w in said):
        return frozenset()
    n = sum(1 for t in label if t in said or any(t.startswith(w) for w in said))
    return frozenset(said) if n >= _LABEL_SHARE * len(label) and (n >= 2 or len(label) == 1) else frozenset()


def _ends_named(label: str, words: frozenset[str]) -> frozenset[str]:
    """A long label named by its first and last words ("the sepsis recalibration" for "Sepsis
    early warning recalibration"): a short name keeps what it is of and what it is."""
    toks = [t for t in tokenize(label) if t in cell_words(label)]
    if len(toks) < 3 or toks[0] == toks[-1] or not (toks[0] in words and toks[-1] in words):
        return frozenset()
    return frozenset(t for t in toks if t in words)


#: Words of a cell naming its row as a title, and of one example a cell lists.
_TITLE_WORDS = 10
_EXAMPLE_WORDS = 4
#: Items of a cell listing examples ("Deterioration alerts, sepsis risk scores").
_ITEMS = re.compile(r"\s*[,;]\s*|\s+(?:and|or)\s+")


def _row_named(cells: list[str], words: frozenset[str]) -> tuple[frozenset[str], int]:
    """The question's words naming a row and the cell naming it: its label (first cell), its title
    after an ID, else an item of two words or more of another cell's list ("a sepsis risk score"
    in the row whose examples list "sepsis risk scores"); (none, 0) when the question names none."""
    label = _label_named(cell_words(cells[0]), words) or _ends_named(cells[0], words)
    if label:
        return label, 0
    # a register's title after its ID ("AIR-023 | Reliance on vendor-reported performance without
    # local validation | ..."), named nearly in full
    coded = len(ids := cell_words(cells[0])) <= 2 and any(c.isdigit() for c in cells[0])
    whole = cell_words(cells[1])
    if coded and ids and len(whole) <= _TITLE_WORDS and len(named := _label_named(whole, words)) >= 3:
        return named, 1
    for i, cell in enumerate(cells[1:], 1):
        items = _ITEMS.split(cell)  # one short example of a cell's list ("sepsis risk scores")
        for item in items if len(items) >= 2 else ():
            toks = cell_words(item)
            if 2 <= len(toks) <= _EXAMPLE_WORDS and len(named := _label_named(toks, words)) >= 2:
                return named, i
    return frozenset(), 0


#: A heading's qualifier in brackets: "Current (Q3 2026)", "Likelihood (1–5)".
_QUALIFIER = re.compile(r"\([^)]*\)")


#: Columns a register or an action plan heads in its own words, and the question's words asking
#: for them: "who is accountable" asks the "Owner (role)", "the deadline" the "Target date".
_OWNER_HEADS = frozenset(tokenize("owner accountable responsible"))
_OWNER_ASKS = frozenset(tokenize("owns owner accountable responsible"))  # ("own" alone is a stop word)
_DUE_HEADS = frozenset(tokenize("deadline due"))
_DATED = frozenset(tokenize("target due completion deadline"))  # "Target date", "Due date", "Completion date"
_DUE_ASKS = frozenset(tokenize("deadline due"))


def _role_asked(head: frozenset[str], words: frozenset[str]) -> frozenset[str]:
    """The question's words asking for what a register's column of this heading holds."""
    if head & _OWNER_HEADS:
        return words & _OWNER_ASKS if WHO in words else frozenset()
    if head & _DUE_HEADS or ("date" in head and head & _DATED):
        return words & _DUE_ASKS
    return frozenset()


#: The marker `question_words` adds for a question asking who: a register's owner is asked so.
WHO = "<who>"


@functools.lru_cache(maxsize=256)
def question_words(question: str) -> frozenset[str]:
    """A question's tokens for naming a cell, with `WHO` when it asks who ("Who is accountable
    for ...?" asks an owner; "... under the Accountability Framework" asks none)."""
    toks = frozenset(tokenize(question))
    return toks | {WHO} if re.search(r"\bwho(?:m|se)?\b", question, re.I) else toks


def role_headings(words: frozenset[str]) -> frozenset[str]:
    """The heading words of the register columns the question asks for in its own words ("who is
    accountable": "owner"; "the deadline": "date", "due", "deadline")."""
    out: set[str] = set()
    if WHO in words and words & _OWNER_ASKS:
        out |= _OWNER_HEADS
    if words & _DUE_ASKS:
        out |= _DATED | {"date"}
    return frozenset(out)


def _heading_named(heading: str, words: frozenset[str]) -> frozenset[str]:
    """The words of the question naming a column heading: all of the heading's words, or all but
    its qualifier in brackets ("the current score" names "Current (Q3 2026)"), or a word asking
    for what a register's column holds ("who is accountable": "Owner (role)", "the deadline":
    "Target date"); none when it does not name the heading."""
    for h in (cell_words(heading), cell_words(_QUALIFIER.sub(" ", heading))):
        if h and h <= words:
            return h
    head = cell_words(_QUALIFIER.sub(" ", heading))
    return _role_asked(head, words) if len(head) <= 2 else frozenset()  # a long heading says more than who or when


@functools.lru_cache(maxsize=4096)  # the verifier asks of one row once per anchor: read it once
def _asked(words: frozenset[str], row: str, header: str) -> tuple[str, str, frozenset[str]] | None:
    """The asked cell's column heading, the cell, and the question's words naming its row and column."""
    cells, names = row_cells(row), row_cells(header)
    if len(cells) < 2 or len(cells) != len(names):
        return None
    label, by = _row_named(cells, words)
    if not label:
        return None
    # the cell naming the row is not the one asked ("the sepsis early warning model" under "Model")
    named = [
        (h, n, c)
        for i, (n, c) in enumerate(zip(names, cells, strict=True))
        if i not in (0, by) and (h := _heading_named(n, words))
    ]
    if not named:
        return None
    heading, name, cell = max(named, key=lambda x: len(x[0]))
    return (name, cell, label | heading) if cell else None


def total_cell(words: frozenset[str], row: str, header: str) -> tuple[str, str] | None:
    """(column heading, cell) of a table's total row ("Total estimated cost") under the column the
    question names ("What will the department spend in FY 2027-28?"), for a question naming no
    row of its own; None for any other row, or when no column is named."""
    cells, names = row_cells(row), row_cells(header)
    label = tokenize(cells[0]) if cells else []
    if len(cells) < 2 or len(cells) != len(names) or "total" not in label[:1] + label[-1:]:
        return None
    named = [(h, n, c) for n, c in zip(names[1:], cells[1:], strict=True) if c and (h := _heading_named(n, words))]
    return max(((n, c) for h, n, c in named), key=lambda x: len(cell_words(x[0])), default=None)


def asked_cell(words: frozenset[str], row: str, header: str) -> tuple[str, str] | None:
    """(column heading, cell) of the row the question names (by its label, its title after an ID,
    or an example it lists), under the column it names by its heading ("What did data quality
    score in Q1 2026?": "Q1 2026" of row "Data quality and interoperability"); None when it names
    no such cell. `words` are the question's tokens; the most specific heading wins, and the cell
    naming the row is never the one asked."""
    found = _asked(words, row, header)
    return (found[0], found[1]) if found else None


def cell_naming(words: frozenset[str], row: str, header: str) -> frozenset[str]:
    """The question's words (of `words`) naming the row and the column of the cell it asks, none
    when it asks no cell of the row ("lab", "results", "2028" for "Laboratory Results Service"
    under "2028")."""
    found = _asked(words, row, header)
    return found[2] if found else frozenset()
