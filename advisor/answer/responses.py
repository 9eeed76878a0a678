"""A commenter's position quoted from a rule's preamble brings the issuer's response to it."""

from __future__ import annotations

import re

from .selection import Candidate

__all__ = ["responses"]

#: A commenter's position in a rule's preamble ("Comment: Many developers asked ...") and the
#: issuer's answer to it ("Response: We disagree. ...").
_COMMENT = re.compile(r"^(?:Comments?|Commenters?)\s*[:.]", re.I)
_RESPONSE = re.compile(r"^Responses?\s*[:.]", re.I)


def responses(chosen: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """For each commenter's position quoted, the issuer's response that follows it (alone, the
    comment reads as the rule): the "Response:" sentence and, when it only agrees or disagrees
    ("Response: We agree in part."), the sentence after it; never past the next comment."""
    out: list[Candidate] = []
    for c in chosen:
        if not _COMMENT.match(c.text):
            continue
        after = sorted(
            (d for d in cands if d.chunk.source == c.chunk.source and c.unit.order < d.unit.order),
            key=lambda d: d.unit.order,
        )[:4]
        started, taken = False, 0
        for d in after:
            if _COMMENT.match(d.text):
                break
            started = started or bool(_RESPONSE.match(d.text))
            if started and d not in out:
                d.follows = c  # arrange() reads it right after the comment
                out.append(d)
                taken += 1
                if len(d.text.split()) >= 8 or taken >= 2:
                    break
    return out
