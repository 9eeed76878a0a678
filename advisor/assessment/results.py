"""One organization's results on one date, and the rules every results value must follow.

The file formats are read by :mod:`.jsonfile` and :mod:`.csvfile`; :mod:`.reader` picks one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date as _date
from enum import StrEnum
from typing import Any

from ..errors import AssessmentError, Problem
from ..safety.cells import formula_problem, name_problem
from .instrument import SCORE_MAX, SCORE_MIN, Instrument
from .schema import SLUG

CSV_COLUMNS = ("org", "org_name", "assessment_date", "assessor", "question_id", "score", "evidence", "owner")
CSV_REQUIRED = ("org", "assessment_date", "question_id", "score")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ResultsFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


@dataclass
class Answer:
    """One scored question in a results file."""

    question_id: str
    score: int
    evidence: str = ""
    owner: str = ""
    location: str = ""  # "row 5" (CSV) or "results[3]" (JSON)
    index: int | None = None  # the CSV row (as a spreadsheet numbers it) or the JSON results index


@dataclass
class Results:
    """One organization's assessment on one date, validated against an instrument."""

    org: str
    org_name: str
    date: str
    assessor: str
    instrument_version: str
    source: str
    format: ResultsFormat
    answers: dict[str, Answer]
    missing: list[str]
    warnings: list[str] = field(default_factory=list)

    def score_of(self, qid: str) -> int | None:
        a = self.answers.get(qid)
        return a.score if a else None


@dataclass
class Header:
    """The file-level values of a results file (one organization, one date)."""

    org: str = ""
    org_name: str = ""
    date: str = ""
    assessor: str = ""
    version: str = ""
    #: every value a CSV file gives a file-level column, with the row it first appears on
    #: ({"org": {"riverside-health": 2}}); empty for JSON, whose header holds one value a field
    rows: dict[str, dict[str, int]] = field(default_factory=dict)

    def values(self, key: str, value: str) -> list[tuple[str, int | None]]:
        """The values given for a header field, each with its CSV row (None in JSON)."""
        seen = self.rows.get(key)
        if seen:
            return sorted(seen.items(), key=lambda kv: kv[1])
        return [(value, None)] if value else []


# ------------------------------------------------------------------ value rules


def qid_suggestion(raw: str, inst: Instrument) -> str:
    """How to fix an unknown question id: the closest id, and the ids its dimension has."""
    ids = inst.question_ids
    close = difflib.get_close_matches(raw.upper(), ids, n=1, cutoff=0.5)
    prefix = raw.upper().split("-")[0]
    same_dim = [q for q in ids if q.startswith(prefix + "-")]
    scope = (
        f"{prefix} has {same_dim[0]} to {same_dim[-1]}"
        if same_dim
        else "dimensions are " + ", ".join(d.id for d in inst.dimensions)
    )
    return f"did you mean {close[0]}? ({scope})" if close else f"use an instrument question id ({scope})"


def parse_score(raw: Any) -> tuple[int | None, str | None]:
    """(score, problem). score None and problem None means unanswered (blank)."""
    if raw is None:
        return None, None
    if isinstance(raw, bool):
        return None, f"{str(raw).lower()} is not a score; use an integer 1-5"
    if isinstance(raw, float):
        if not raw.is_integer():
            return None, f"{raw:g} is not a whole number; use an integer 1-5"
        raw = int(raw)
    if isinstance(raw, int):
        if not SCORE_MIN <= raw <= SCORE_MAX:
            return None, f"{raw} is out of range; use an integer 1-5"
        return raw, None
    s = str(raw).strip()
    if s == "":
        return None, None
    if re.fullmatch(r"[+-]?\d+(\.0+)?", s):
        v = int(float(s))
        if not SCORE_MIN <= v <= SCORE_MAX:
            return None, f"{s} is out of range; use an integer 1-5"
        return v, None
    return None, f"{s!r} is not an integer; use a whole number 1-5 (leave it blank if not assessed)"


def check_date(raw: str) -> str | None:
    """What is wrong with an assessment date, or None."""
    if not _DATE.match(raw):
        return f"{raw!r} is not a date in YYYY-MM-DD form; write it like 2026-09-30"
    try:
        _date.fromisoformat(raw)
    except ValueError:
        return f"{raw!r} is not a valid calendar date; write it like 2026-09-30"
    return None


def check_org(raw: str) -> str | None:
    """What is wrong with an organization id, or None."""
    if not SLUG.match(raw):
        slug = re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-") or "riverside-health"
        return f"{raw!r} is not an id slug; use lowercase letters, digits and hyphens, e.g. {slug}"
    return None


def finish(
    name: str,
    fmt: ResultsFormat,
    inst: Instrument,
    problems: list[Problem],
    warnings: list[str],
    header: Header,
    answers: dict[str, Answer],
) -> Results:
    """The validated Results, or AssessmentError listing every problem found.

    The checks of values (organization id, date, names, evidence and owner cells) live here, so a
    JSON file and a CSV file holding the same values get the same problems, worded alike.
    """
    problems.extend(_value_problems(name, fmt, header, answers))
    problems.sort(key=_reading_order)  # in the order a user reads the file (stable within a place)
    if not header.org_name:
        warnings.append(f"{_where(fmt, 'org_name', None)} is empty; the org id is used as the name")
    if not answers and not problems:
        problems.append(Problem(file=name, message="no scored questions; add one entry per question with a score 1-5"))
    if problems:
        raise AssessmentError(name, problems)
    if header.version and header.version != inst.version:
        warnings.append(
            f"instrument_version {header.version!r} differs from the instrument's {inst.version!r}; "
            "scores were matched by question id"
        )
    missing = [q for q in inst.question_ids if q not in answers]
    return Results(
        org=header.org,
        org_name=header.org_name or header.org,
        date=header.date,
        assessor=header.assessor,
        instrument_version=header.version or inst.version,
        source=name,
        format=fmt,
        answers=dict(sorted(answers.items(), key=lambda kv: inst.question_ids.index(kv[0]))),
        missing=missing,
        warnings=warnings,
    )


#: Header fields checked for every file, with the check each value must pass.
_HEADER_CHECKS = (
    ("org", check_org),
    ("assessment_date", check_date),
    ("org_name", name_problem),  # shown in every list of organizations and on the dashboard
    ("assessor", name_problem),
)


def _where(fmt: ResultsFormat, key: str, at: int | None) -> str:
    """Where a value is, as a user finds it: "row 4, column org" (CSV) or "field 'org'" (JSON)."""
    if fmt is ResultsFormat.CSV:
        return f"row {at}, column {key}" if at is not None else f"column {key}"
    return f"results[{at}], field {key}" if at is not None else f"field '{key}'"


def _problem(name: str, fmt: ResultsFormat, key: str, at: int | None, detail: str) -> Problem:
    csv_row = fmt is ResultsFormat.CSV and at is not None
    return Problem(
        file=name,
        rows=(at,) if csv_row and at is not None else (),
        result_index=at if fmt is ResultsFormat.JSON else None,
        field=key,
        message=f"{_where(fmt, key, at)}: {detail}",
    )


def _reading_order(problem: Problem) -> tuple[int, int]:
    """Whole-file and header problems first, then by CSV row or JSON results index."""
    if problem.rows:
        return (1, problem.rows[0])
    return (0, 0) if problem.result_index is None else (1, problem.result_index)


def _header_problems(name: str, fmt: ResultsFormat, header: Header) -> list[Problem]:
    """Problems with the file-level values: a bad id slug, date, organization or assessor name."""
    given = {"org": header.org, "assessment_date": header.date, "org_name": header.org_name}
    given["assessor"] = header.assessor
    out = []
    for key, check in _HEADER_CHECKS:
        for value, row in header.values(key, given[key]):
            if detail := check(value):
                out.append(_problem(name, fmt, key, row, detail))
    return out


def _value_problems(name: str, fmt: ResultsFormat, header: Header, answers: dict[str, Answer]) -> list[Problem]:
    """Every problem with the values of a parsed file, whichever format it came in."""
    out = _header_problems(name, fmt, header)
    for qid, answer in list(answers.items()):
        bad = False
        for key, value in (("evidence", answer.evidence), ("owner", answer.owner)):
            if detail := formula_problem(value):  # a spreadsheet would run it when the results are exported
                out.append(_problem(name, fmt, key, answer.index, detail))
                bad = True
        if bad:
            del answers[qid]
    return out
