"""Spans of time: a question asking when something ran from and to ("start and end dates", "over
what period"), and a sentence stating one ("from 1 March 2023 through 29 February 2024")."""

from __future__ import annotations

import re

from .focus import MONTHS

__all__ = ["asks_span", "states_span", "unspanned"]

_SPAN_ASKED = re.compile(
    r"\b(?:start and end|begin(?:ning)? and end|(?:over|for|during|in|across) what (?:time )?period|"
    r"which period|date range|time ?frame)\b",
    re.I,
)
_DAY = rf"(?:\d{{1,2}} )?{MONTHS} (?:\d{{1,2}}, )?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
_SPAN = re.compile(rf"(?:{_DAY})\s*(?:to|through|until|and|[–—-])\s*(?:{_DAY})", re.I)


def asks_span(question: str) -> bool:
    """Does the question ask for a span of dates ("start and end dates", "over what period")?"""
    return _SPAN_ASKED.search(question) is not None


def states_span(text: str) -> bool:
    """Does the text state a span of dates ("between March 2023 and February 2024")?"""
    return _SPAN.search(text) is not None


def unspanned(question: str) -> str:
    """The question without the words asking for a span ("start and end", "over what period"):
    they ask the kind of fact, as "when" does, and no sentence stating the span repeats them."""
    return _SPAN_ASKED.sub(" when ", question)
