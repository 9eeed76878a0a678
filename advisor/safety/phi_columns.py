"""Identifiers in a table's columns: a row's cells under a header naming what they hold.

A patient list exported to a table ("Patient name | MRN | DOB | Phone") carries its labels once,
in the header row; each row's cells are bare values ("Eleanor Roe | 00844120"), which the
labelled patterns and the name cues of running text do not see. Here the header row says what
each column is, and every cell under a column of identifiers is one. A "Name" column is a
person's only in a table that also holds a patient identifier column (a sign-off or attendee
table lists names and offices, not record numbers).
"""

from __future__ import annotations

import re

from .phi_types import Finding, PhiType

__all__ = ["column_findings"]

_COLUMNS: list[tuple[re.Pattern[str], PhiType]] = [
    (
        re.compile(
            r"^(?:patient|member|subscriber|resident|client|enrollee)(?:'s)?(?: full| legal)? name$|^patient$", re.I
        ),
        PhiType.NAME,
    ),
    (
        re.compile(
            r"^(?:mrn|medical record(?: number| no\.?| #)?|record (?:number|no\.?|#)|chart (?:number|no\.?|#))$", re.I
        ),
        PhiType.MRN,
    ),
    (re.compile(r"^(?:dob|d\.o\.b\.?|date of birth|birth ?date)$", re.I), PhiType.DATE),
    (re.compile(r"^(?:ssn|social security(?: number| no\.?| #)?)$", re.I), PhiType.SSN),
    (
        re.compile(
            r"^(?:phone|telephone|tel\.?|mobile|cell(?: phone)?|contact (?:number|phone))(?: number| no\.?| #)?$", re.I
        ),
        PhiType.PHONE,
    ),
    (re.compile(r"^(?:home |street |mailing )?address$", re.I), PhiType.ADDRESS),
    (
        re.compile(r"^(?:member|subscriber|insurance|beneficiary|medicaid|medicare)(?: id| number| no\.?| #)$", re.I),
        PhiType.HEALTH_PLAN,
    ),
    (re.compile(r"^(?:account|acct\.?|billing account)(?: number| no\.?| #)?$", re.I), PhiType.ACCOUNT),
    (re.compile(r"^e-?mail(?: address)?$", re.I), PhiType.EMAIL),
]
_NAME_COLUMN = re.compile(r"^(?:full |legal )?name$", re.I)
#: Columns that make a table a patient list, so that its plain "Name" column names patients.
_PATIENT_KEYS = frozenset({PhiType.MRN, PhiType.SSN, PhiType.HEALTH_PLAN})
_EMPTY = re.compile(r"^[\s\-–—/.]*$|^(?:n/?a|none|unknown|not recorded|redacted|\[\w+\])$", re.I)
_PERSON = re.compile(r"^[A-Z][\w'’.-]*(?:,?\s+[A-Z][\w'’.-]*){1,3}$")


def _cells(line: str) -> list[tuple[int, int]]:
    """Each cell's span in the line, stripped ("a | b" -> [(0, 1), (4, 5)])."""
    out, pos = [], 0
    body = line
    for part in body.split("|"):
        lead = len(part) - len(part.lstrip())
        out.append((pos + lead, pos + len(part.rstrip())))
        pos += len(part) + 1
    if line.lstrip().startswith("|"):
        out = out[1:]
    if line.rstrip().endswith("|"):
        out = out[:-1]
    return out


def _kinds(header: str) -> dict[int, PhiType]:
    cells = [header[a:b] for a, b in _cells(header)]
    kinds = {i: kind for i, c in enumerate(cells) for pattern, kind in _COLUMNS if pattern.match(c.strip())}
    if _PATIENT_KEYS & set(kinds.values()):
        kinds.update({i: PhiType.NAME for i, c in enumerate(cells) if _NAME_COLUMN.match(c.strip())})
    return kinds


def column_findings(text: str) -> list[Finding]:
    """Identifiers in the cells of table rows under a header row naming their columns."""
    out: list[Finding] = []
    kinds: dict[int, PhiType] = {}
    width = 0
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if "|" not in line:
            kinds, width = {}, 0  # the table ended
            continue
        spans = _cells(line)
        if not kinds or len(spans) != width:
            kinds, width = _kinds(line), len(spans)  # a header row (or a row of another table)
            continue
        for i, kind in kinds.items():
            a, b = spans[i]
            value = line[a:b]
            if _EMPTY.match(value) or (kind is PhiType.NAME and not _PERSON.match(value)):
                continue
            out.append(Finding(kind, start + a, start + b, value, 0.95))
    return out
