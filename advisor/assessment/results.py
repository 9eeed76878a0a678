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
    """The validated Results, or AssessmentError listing every problem found."""
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
