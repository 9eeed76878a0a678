"""What a passage states as the figure a question asks for: a length of time with its unit, and
an FDA submission's number (shared by the bonus for stating it and the search for lines stating it)."""

from __future__ import annotations

import re

__all__ = ["CLEARANCE_ASKED", "CLEARANCE_ID", "LENGTH_OF_TIME", "TIME_STATED"]

#: The focus of a question asking for a length of time (`focus.Focus.DURATION`), and a length of
#: time a line states with its unit.
LENGTH_OF_TIME = "length of time"
TIME_STATED = re.compile(
    r"(?<!aged )(?<!age )\b\d+(?:\.\d+)?\s?(?:(?:business|working|calendar|clear|consecutive)\s)?"  # "15 Business Days"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|h|hrs?|mins?|wks?|yrs?)\b"
    r"(?!\s+(?:old|of age|and older|and over|or older|or over))",
    re.I,
)
#: A question asking for an FDA submission's number, and the number as the FDA writes it: K and six
#: digits for a 510(k), DEN for a De Novo request, P for a premarket approval.
CLEARANCE_ASKED = re.compile(
    r"\b(?:510\s*\(k\)|k-?number|de novo|premarket approval|pma|clearance|approval)\s+(?:number|no\.?|id|code)\b"
    r"|\b(?:number|no\.?|id|code)\s+(?:of|for)\s+(?:the\s+|its\s+)?(?:510\s*\(k\)|fda|clearance)\b"
    r"|\bclearance\s+number\b",
    re.I,
)
CLEARANCE_ID = re.compile(r"\b(?:K|DEN|P)\d{6}\b")
