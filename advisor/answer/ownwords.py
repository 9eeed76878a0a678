"""A bundled guide's sentence restating a sentence of a document the user added gives way to
the user's own words, citing both."""

from __future__ import annotations

from ..chunk import DocType
from ..text import identifiers
from .quotable import UnitKind
from .selection import Candidate, fingerprint

__all__ = ["prefer_own_words"]

#: A sentence restating another's claim: this share of the shorter one's words recur in it,
#: and at least RESTATES_MIN_SHARED of them (sentence embeddings weigh a guide's framing,
#: "MANAGE 1.1 in the NIST AI RMF calls for ...", as much as the claim, so words decide).
RESTATES_WORDS = 0.75
RESTATES_MIN_SHARED = 8


def _restates(a: Candidate, b: Candidate) -> bool:
    fa, fb = fingerprint(a.text), fingerprint(b.text)
    shared = len(fa & fb)
    return shared >= RESTATES_MIN_SHARED and shared / min(len(fa), len(fb)) >= RESTATES_WORDS


def prefer_own_words(chosen: list[Candidate], cands: list[Candidate]) -> None:
    """A chosen sentence of a bundled guide that restates a sentence of a document the user
    added gives way to the user's own words, citing both: the user asks about their document,
    and its text (with its page) is what the answer should quote. When the guide's sentence
    names an identifier the user's lacks, its words stay and the user's document is cited too."""
    taken = {id(c) for c in chosen}
    for i, c in enumerate(chosen):
        if c.chunk.doc_type == DocType.USER or c.kind is not UnitKind.SENTENCE:
            continue
        for d in cands:
            if id(d) in taken or d.chunk.doc_type != DocType.USER or d.kind is not UnitKind.SENTENCE:
                continue
            if d.score >= c.score - 0.1 and _restates(c, d):
                taken.add(id(d))
                if set(identifiers(c.text)) <= set(identifiers(d.text)):
                    d.also.append(c)
                    chosen[i] = d
                else:  # the guide's words name the item ("GOVERN 2.2 calls for"): keep them, cite both
                    c.also.append(d)
                break
