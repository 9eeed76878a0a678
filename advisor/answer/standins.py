"""Words of a question a sentence states in other words: a bound ("the maximum": "no more than
5"), notice ("how much notice": "at least 60 days before the change"), a ratio ("what ratio":
"1 per 15 users") or a share ("what proportion": "47.9%")."""

from __future__ import annotations

import re

from ..text import tokenize
from .focus import Focus, states_period

__all__ = ["BOUNDS", "said_otherwise"]

#: A bound a question asks for ("the maximum number"), and how a rule states it ("no more than 5").
_AT_MOST = re.compile(r"\b(?:no|not) more than\b|\bup to\b|\bat most\b|\bmaxim|\bexceed|\bcapped\b|\blimit", re.I)
_AT_LEAST = re.compile(r"\bat least\b|\b(?:no|not) (?:fewer|less) than\b|\bminim", re.I)
_FEW = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)"
#: A ratio stated as one thing per so many others: "1 per 15 scribe users", "one nurse to every 4", "1:8".
_RATIO = re.compile(
    rf"\b{_FEW}\s+(?:[a-z-]+\s+){{0,2}}(?:per|for every|to every|in every|to each|for each)\s+(?:{_FEW}|[a-z])"
    r"|\b1\s?:\s?\d+\b(?!\s?[ap]\.?m)",
    re.I,
)
#: A share stated as a percentage or a fraction: "47.9%", "12 per cent", "two in five", "half of".
_SHARE = re.compile(
    rf"\d\s?%|\bper ?cent\b|\b{_FEW}\s+(?:in|out of)\s+{_FEW}\b"
    r"|\b(?:half|a third|a quarter|two thirds|three quarters)\s+of\b",
    re.I,
)
_STATED = {"maximum": _AT_MOST, "max": _AT_MOST, "minimum": _AT_LEAST, "min": _AT_LEAST}
BOUNDS = frozenset(_STATED)
_STATED.update({t: _RATIO for t in tokenize("ratio ratios")})
_STATED.update({t: _SHARE for t in tokenize("proportion proportions percentage percentages share fraction")})
_NOTICE = frozenset(tokenize("notice warning"))
#: Advance warning stated without the word "notice": "at least 60 days before the change",
#: "in advance", "prior written", "notify ... beforehand".
_NOTICE_STATED = re.compile(
    r"\b(?:in advance|beforehand|advance (?:notice|warning|notification)|prior (?:written )?(?:notice|notification)|"
    r"notif(?:y|ies|ied|ication)|inform(?:s|ed)?|warn(?:s|ed|ing)?|before|prior to|ahead of)\b",
    re.I,
)


def said_otherwise(token: str, focus: Focus, sentence: str) -> bool:
    """Does the sentence state what the question's word asks for in words of its own: "maximum"
    as "no more than 5", "ratio" as "1 per 15", "proportion" as "47.9%", and, asked how long,
    "notice" as "inform the hospital at least 60 days before any change"?"""
    if token in _NOTICE:
        return focus is Focus.DURATION and bool(_NOTICE_STATED.search(sentence)) and states_period(sentence)
    phrase = _STATED.get(token)
    return bool(phrase and phrase.search(sentence))
