"""Words that say how a sentence stands to the question: pointing at text the answer will not
show ("the criteria below"), or stating how a date or figure was revised ("moved from Dec 2026 to
Mar 2027") when the question asks what it was before."""

from __future__ import annotations

import re

__all__ = ["DEICTIC", "POINTS_AT_TABLE", "REVISION_BONUS", "asks_earlier", "states_revision"]

#: "above 20%", "below the baseline", "5 points above the rate": a comparison, no pointer.
_COMPARED = (
    r"[-\s]*(?:[-−\d$£€]|(?:the|an?|its|their|th[ia]t|these|those|any|all|each|zero|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|twenty|fifty|hundred|baseline|threshold|target|average|normal|expected|benchmark)\b)"
)
#: "the criteria below", "as follows", "see Table 3": text elsewhere the answer does not show.
DEICTIC = re.compile(
    rf"\b(?:(?:below|above)(?!{_COMPARED})|as follows|the following|see (?:section|table|figure))\b", re.I
)

#: A sentence pointing at a table it names no number of: "handled according to the table below",
#: "every condition in the first row", "as the following table shows".
POINTS_AT_TABLE = re.compile(
    r"\b(?:the|this|following) table\b|\btable (?:below|above)\b|\b(?:first|second|third|last|top|bottom) (?:row|column)\b",
    re.I,
)

#: "what was the original deadline?", "the earlier target date", "what was it before it moved?"
_EARLIER = re.compile(
    r"\b(?:original(?:ly)?|earlier(?!\s+than)|previous(?:ly)?|formerly|first (?:set|planned|scheduled)|used to be"
    r"|before (?:it|the|that|this) (?:was |were )?(?:changed|amended|moved|revised|postponed|delayed|extended))\b",
    re.I,
)
#: "moved from Dec 2026 to Mar 2027", "by striking out '31 March 2027' and substituting ...",
#: "As originally made, ...", "previously 45 days".
_REVISED = re.compile(
    r"\b(?:moved|changed|revised|amended|postponed|delayed|deferred|extended|shifted|slipped|rescheduled|pushed back|"
    r"brought forward|raised|lowered|reduced|increased) from\b|\bstriking out\b|\bsubstitut(?:ing|ed)\b"
    r"|\b(?:as )?originally\b|\bpreviously\b|\bformerly\b|\bwas (?:initially|originally)\b|\bearlier target\b|→",
    re.I,
)
#: What a sentence stating a revision gains when the question asks what was there before.
REVISION_BONUS = 0.08


def asks_earlier(question: str) -> bool:
    """Does the question ask what a date, figure or rule was before it was changed?"""
    return bool(_EARLIER.search(question))


def states_revision(text: str) -> bool:
    """Does the sentence say what a date, figure or rule was changed from?"""
    return bool(_REVISED.search(text))
