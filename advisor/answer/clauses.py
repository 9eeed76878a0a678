"""A sentence's clauses as the figure checks read them: split at commas, semicolons, dashes and
inner full stops, except that a run of verbs sharing one object stays one clause ("trained,
tuned, and validated on over 10,000 scans" says what all three were done on)."""

from __future__ import annotations

import re

__all__ = ["CLAUSE", "clauses"]

#: Where a clause ends.
CLAUSE = re.compile(r",\s+|;\s*|\s[—–]\s|\.\s+(?=[A-Z])")
#: A part this short ("tuned") is one item of a list of verbs, not a clause of its own.
_LISTED_WORDS = 2


def clauses(text: str) -> list[str]:
    """The text's clauses, a part of `_LISTED_WORDS` words or fewer joined with its neighbours."""
    parts = CLAUSE.split(text)
    out: list[str] = []
    for i, part in enumerate(parts):
        if out and (len(part.split()) <= _LISTED_WORDS or len(parts[i - 1].split()) <= _LISTED_WORDS):
            out[-1] += f", {part}"
        else:
            out.append(part)
    return out
