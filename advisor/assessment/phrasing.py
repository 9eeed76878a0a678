"""Small wording helpers shared by scoring, trend and narrative texts."""

from __future__ import annotations

import re

_RULE_ID = re.compile(r"B(\d+)$")
QID = re.compile(r"^([A-Z]+)-(\d+)$")


def num(x: float) -> str:
    """A threshold as written in prose: 3 not 3.0, 2.5 as is."""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def mid(name: str) -> str:
    """A name placed mid-sentence: lower-case its first letter unless it starts an acronym (AI-drafted)."""
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def sentence(text: str) -> str:
    """Text as one sentence: whitespace collapsed, a full stop added when it has no end mark."""
    t = " ".join(text.split()).strip()
    if t and t[-1] not in ".!?":
        t += "."
    return t


def fmt1(x: float | None) -> str:
    """A score with one decimal, or "unscored"."""
    return "unscored" if x is None else f"{x:.1f}"


def rule_key(rid: str) -> tuple[int, str]:
    """Sort key for blocking-rule ids: B2 before B10; anything else last."""
    m = _RULE_ID.match(rid)
    return (int(m.group(1)), rid) if m else (10**6, rid)


def question_key(qid: str) -> tuple[str, int]:
    """(dimension, number) of a question id, so DATA-10 sorts after DATA-9."""
    m = QID.match(qid)
    return (m.group(1), int(m.group(2))) if m else (qid, 0)
