"""A document's status lines, which state a fact in a few words without a full stop: a
masthead's segments ("Issued 14 May 2026 · Effective 1 July 2026 · Supersedes Bulletin HQB-7"),
a short dated status ("Effective October 1, 2026."), a running header's code ("Doc. Control No.
MSR-7")."""

from __future__ import annotations

import itertools
import re

from .focus import MONTHS

__all__ = ["coded_line", "graded_line", "masthead_spans", "status_line"]

#: A short sentence dating the document's own status: "Effective October 1, 2026.", "Adopted on
#: 3 March 2025.", "Next review due October 2029." (too short for a whole sentence, but a fact).
_DATED = re.compile(
    rf"^[A-Z][a-z]+(?: [a-z]+){{0,2}} (?:(?:on|from|as of|in|until|by) )?(?:\d{{1,2}} )?{MONTHS}(?: \d{{1,2}},?)? \d{{4}}\.$"
)


_CODED_LINE = re.compile(r"[A-Za-z]{3,}.*\d|\d.*[A-Za-z]{3,}")


#: A masthead's separator: "Bulletin HQB-7 · Issued 14 May 2026 · Effective 1 July 2026".
_MASTHEAD_DOT = re.compile(r" [·•] ")
#: A status a masthead or cover states in a few words: "Effective 1 January 2027", "Supersedes Bulletin HQB-2024-052".
_STATUS = re.compile(
    r"^(?:Effective|Issued|Adopted|Approved|Published|Revised|Updated|Reissued|Supersedes|Replaces|Expires|"
    r"Next review(?: due)?|Review date|Version|Rev\.)\b[^.;:]{0,60}?"
    # what it states: a date, a document's code ("HQB-2024-052") or a version number
    rf"(?:\b\d{{1,2}} {MONTHS} \d{{4}}|\b{MONTHS}(?: \d{{1,2}},?)? \d{{4}}|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|"
    r"\b[A-Z]{2,}[A-Z0-9]*-\d[\w-]*|^Version \d[\d.]*)[^.;:]{0,40}\.?$"
)


def masthead_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A one-line span of status segments split at its separators, each a fact of its own."""
    line = text[s:e]
    if "\n" in line.strip() or not _MASTHEAD_DOT.search(line):
        return [(s, e)]
    cuts = [s, *(s + m.start() for m in _MASTHEAD_DOT.finditer(line)), e]
    spans = [(a + (3 if i else 0), b) for i, (a, b) in enumerate(itertools.pairwise(cuts))]
    return spans if any(_STATUS.match(text[a:b].strip()) for a, b in spans) else [(s, e)]


def status_line(text: str) -> bool:
    """Does the text state the document's own status in a few words ("Effective 1 January 2027")?"""
    return _DATED.match(text) is not None or _STATUS.match(text) is not None


def coded_line(text: str) -> bool:
    """Does a running header's or footer's line hold a code (words and a number)?"""
    return _CODED_LINE.search(text) is not None


#: A recommendation's grade, set under it as a guideline prints it ("Strong recommendation,
#: moderate-certainty evidence", "Conditional recommendation; low quality of evidence").
_GRADED = re.compile(
    r"^(?:strong|conditional|weak|discretionary|qualified)\s+recommendation\b[^.]{0,80}?"
    r"\b(?:evidence|certainty|quality)\b[^.]{0,30}\.?$",
    re.I,
)


def graded_line(text: str) -> bool:
    """Does the line grade the recommendation before it? A fact without a verb, true only of
    that recommendation: it is quoted after it, never alone."""
    return _GRADED.match(text.strip()) is not None
