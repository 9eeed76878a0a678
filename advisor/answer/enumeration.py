"""Prose enumerations: "The Core is organised in four functions." followed by one sentence per
function. Asked about the functions, the answer quotes all four sentences, not the count alone
or the two that scored best."""

from __future__ import annotations

import re

from ..text import tokenize
from .quotable import UnitKind
from .selection import Candidate

__all__ = ["announced", "enumerated"]

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
#: "in four functions.", "has three tiers.", "five core principles.": a small count of a plural
#: noun closing the sentence (a count inside it, "within five business days of", announces nothing).
_ANNOUNCES = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|[2-9])\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][\w-]*s)"
    r"[\"'”’)]*\.$",
    re.I,
)
#: Counted things that are measures, not members of a list.
_MEASURES = frozenset(
    tokenize("seconds minutes hours days weeks months years times percent points members votes pages copies")
)


def announced(sentence: str) -> tuple[int, str] | None:
    """The count and the counted noun's stem a sentence ends by announcing, or None."""
    m = _ANNOUNCES.search(sentence.strip())
    if m is None:
        return None
    noun = tokenize(m.group("noun"))
    if not noun or noun[-1] in _MEASURES:
        return None
    n = m.group("n").lower()
    return (_COUNTS[n] if n in _COUNTS else int(n)), noun[-1]


def enumerated(question: str, chosen: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """The sentences that enumerate what a chosen sentence announces, when the question asks
    about the announced thing: the next that many sentences of the same paragraph, each
    quotable, none already chosen. A paragraph too short to hold them all adds nothing."""
    asked = set(tokenize(question))
    out: list[Candidate] = []
    for c in chosen:
        said = announced(c.text) if c.kind is UnitKind.SENTENCE else None
        if said is None or said[1] not in asked:
            continue
        n = said[0]
        after = {
            d.unit.position: d
            for d in cands
            if d.chunk.chunk_id == c.chunk.chunk_id and d.kind is UnitKind.SENTENCE and d.position > c.position
        }
        run: list[Candidate] = []
        end = c.unit.end
        while len(run) < n and (d := after.get(c.position + len(run) + 1)) is not None:
            if "\n\n" in c.chunk.text[end : d.unit.start]:
                break  # the paragraph ended
            run.append(d)
            end = d.unit.end
        if len(run) == n:
            out += [d for d in run if d not in chosen and d not in out]
    return out
