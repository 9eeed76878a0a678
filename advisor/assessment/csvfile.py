"""Reading a CSV results file: a header row, then one row per question.

Rows are numbered as a spreadsheet shows them (header = row 1), so every problem points at
the row a user sees in Excel. Only the sheet's shape is checked here (columns, rows, one value a
file-level column); the values' rules, shared with JSON files, are applied by
:func:`.results.finish`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from ..errors import AssessmentError, Problem
from .instrument import Instrument
from .results import (
    CSV_COLUMNS,
    CSV_REQUIRED,
    Answer,
    Header,
    Results,
    ResultsFormat,
    finish,
    parse_score,
    qid_suggestion,
)

#: Columns that hold one value for the whole file (one organization, one date).
_FILE_COLUMNS = ("org", "org_name", "assessment_date", "assessor", "instrument_version")
_FIXES = {
    "org": "fill in the organization id (a slug such as riverside-health) on every row",
    "assessment_date": "fill in the assessment date as YYYY-MM-DD on every row",
    "question_id": "fill in the question id (e.g. DATA-3) or delete the row",
}


def csv_records(text: str) -> list[tuple[int, list[str]]]:
    """Non-blank CSV rows numbered as a spreadsheet shows them (header = row 1); the delimiter
    (comma, semicolon from European Excel, or tab) is detected from the header. Raises csv.Error."""
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delim = ","
    if first_line.count(";") > first_line.count(",") and first_line.count(";") >= 3:
        delim = ";"
    elif first_line.count("\t") > first_line.count(",") and first_line.count("\t") >= 3:
        delim = "\t"
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    return [(i + 1, r) for i, r in enumerate(records) if any(c.strip() for c in r)]


def rows_label(rows: list[int] | tuple[int, ...]) -> str:
    """Where rows are, as a user reads it: "row 4", or "rows 3, 4, 9" (the first five, then how many more)."""
    shown = ", ".join(str(r) for r in rows[:5])
    more = f" (and {len(rows) - 5} more)" if len(rows) > 5 else ""
    return f"row {shown}" if len(rows) == 1 else f"rows {shown}{more}"


@dataclass
class _Sheet:
    """What reading the data rows of one CSV file has found so far."""

    file: str
    columns: list[str]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    empty: dict[str, list[int]] = field(default_factory=lambda: {c: [] for c in CSV_REQUIRED})
    values: dict[str, dict[str, int]] = field(default_factory=lambda: {c: {} for c in _FILE_COLUMNS})
    answers: dict[str, Answer] = field(default_factory=dict)
    first_seen: dict[str, int] = field(default_factory=dict)

    def add(self, rows: list[int] | tuple[int, ...], column: str, detail: str) -> None:
        """A problem at rows (and column); the message starts with where it is, as a user sees it."""
        where = rows_label(rows) + (f", column {column}" if column else "")
        self.problems.append(Problem(file=self.file, rows=tuple(rows), field=column, message=f"{where}: {detail}"))

    def cell(self, rec: list[str], col: str) -> str:
        j = self.columns.index(col) if col in self.columns else None
        return rec[j].strip() if j is not None and j < len(rec) else ""


def parse_csv(text: str, name: str, inst: Instrument) -> Results:
    """Validate a CSV results file; AssessmentError lists every problem found, in row order."""
    try:
        numbered = csv_records(text)
    except csv.Error as exc:
        raise AssessmentError(name, [f"not a readable CSV: {exc}; re-export it as CSV UTF-8"]) from None
    if not numbered:
        raise AssessmentError(name, ["file is empty; expected a header row and one row per question"])
    sheet = _header(numbered[0], text, name)
    data_rows = numbered[1:]
    if not data_rows:
        sheet.problems.append(Problem(file=name, message="no data rows under the header; add one row per question"))
    for rownum, rec in data_rows:
        _row(sheet, rownum, rec, inst)
    for col in ("org", "assessment_date", "question_id"):
        if sheet.empty[col]:
            sheet.add(sheet.empty[col], col, f"empty; {_FIXES[col]}")
    header = _file_values(sheet)
    return finish(name, ResultsFormat.CSV, inst, sheet.problems, sheet.warnings, header, sheet.answers)


def _header(first: tuple[int, list[str]], text: str, name: str) -> _Sheet:
    """The sheet's columns from the header row; AssessmentError when a required one is missing."""
    header_row, header = first
    cols = [c.strip().lower().lstrip("\ufeff") for c in header]
    missing_cols = [c for c in CSV_REQUIRED if c not in cols]
    if missing_cols:
        hint = " (the file looks like JSON; give it a .json extension)" if text.lstrip().startswith("{") else ""
        message = (
            f"row {header_row} (header): missing column(s) {', '.join(missing_cols)}; the header must be "
            f"{','.join(CSV_COLUMNS)}{hint}"
        )
        raise AssessmentError(name, [Problem(file=name, rows=(header_row,), message=message)])
    sheet = _Sheet(name, cols)
    dup_cols = sorted({c for c in cols if c and cols.count(c) > 1})
    if dup_cols:
        message = f"row {header_row} (header): column(s) {', '.join(dup_cols)} appear more than once; keep one of each"
        sheet.problems.append(Problem(file=name, rows=(header_row,), message=message))
    extra = [c for c in cols if c and c not in CSV_COLUMNS and c != "instrument_version"]
    if extra:
        sheet.warnings.append(f"row {header_row} (header): ignored unknown column(s) {', '.join(extra)}")
    return sheet


def _row(sheet: _Sheet, rownum: int, rec: list[str], inst: Instrument) -> None:
    """Check one data row; record its answer when it has no problem."""
    ncols = len(sheet.columns)
    if len(rec) > ncols and any(c.strip() for c in rec[ncols:]):
        sheet.add(
            [rownum],
            "",
            f"{len(rec)} values but the header has {ncols} columns; put evidence containing commas in double quotes",
        )
        return
    for col in _FILE_COLUMNS:
        v = sheet.cell(rec, col)
        if v:
            sheet.values[col].setdefault(v, rownum)
    for col in ("org", "assessment_date"):
        if not sheet.cell(rec, col):
            sheet.empty[col].append(rownum)
    raw_q = sheet.cell(rec, "question_id")
    if not raw_q:
        sheet.empty["question_id"].append(rownum)
        return
    qid = raw_q.upper()
    ok = True
    if not inst.has_question(qid):
        sheet.add([rownum], "question_id", f"unknown question {raw_q!r}; {qid_suggestion(raw_q, inst)}")
        ok = False
    elif qid in sheet.first_seen:
        sheet.add([rownum], "question_id", f"{qid} repeats row {sheet.first_seen[qid]}; keep one row per question")
        ok = False
    else:
        sheet.first_seen[qid] = rownum
    sc, msg = parse_score(sheet.cell(rec, "score"))
    if msg:
        sheet.add([rownum], "score", msg)
        ok = False
    if not ok:
        return
    if sc is None:
        sheet.warnings.append(f"row {rownum}: {qid} has no score; reported as unanswered")
        return
    evidence, owner = " ".join(sheet.cell(rec, "evidence").split()), " ".join(sheet.cell(rec, "owner").split())
    sheet.answers[qid] = Answer(qid, sc, evidence, owner, f"row {rownum}", rownum)


def _single(sheet: _Sheet, col: str, label: str) -> str:
    """The one value a file-level column holds (first by row); a problem for each other value."""
    seen = sheet.values[col]
    if len(seen) > 1:
        (v1, r1), *rest = sorted(seen.items(), key=lambda kv: kv[1])
        for v, r in rest:
            sheet.add(
                [r],
                col,
                f"{v!r} differs from {v1!r} in row {r1}; one file holds one {label}, so use the same value on every row",
            )
    return _first(seen)


def _first(seen: dict[str, int]) -> str:
    return next(iter(sorted(seen.items(), key=lambda kv: kv[1])), ("", 0))[0]


def _file_values(sheet: _Sheet) -> Header:
    """The organization, date, assessor and version the rows agree on."""
    org = _single(sheet, "org", "organization's assessment")
    org_name = _single(sheet, "org_name", "organization's assessment")
    when = _single(sheet, "assessment_date", "assessment date")
    assessors = sheet.values["assessor"]
    assessor = _first(assessors)
    if len(assessors) > 1:
        sheet.warnings.append(
            f"column assessor has {len(assessors)} different values; the first ({assessor!r}) is reported"
        )
    version = next(iter(sheet.values["instrument_version"]), "")
    rows = {"org": sheet.values["org"], "assessment_date": sheet.values["assessment_date"]}
    rows |= {"org_name": sheet.values["org_name"], "assessor": assessors}
    return Header(org, org_name, when, assessor, version, rows)
