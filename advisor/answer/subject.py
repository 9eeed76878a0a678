"""The name a candidate's document carries in its title ("Where did the data used to develop
NeuroTrace LVO come from?" asked of NeuroTrace LVO's card): it picks the document, not the
sentence, so the card's sentences are compared with what is asked of it, the name left out."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from ..chunk import DocType
from ..text import tokenize
from .selection import Candidate

__all__ = ["named_siblings", "names", "subject_blind"]

_WORD = re.compile(r"[\w'’-]+")
#: Distinct titles read this way at most (each costs one question embedding).
_TITLES = 8


def names(question: str, cands: list[Candidate]) -> set[str]:
    """The tokens of the question's capitalised or numbered words after its first ("Quillon
    WristCheck 4"; the opening word asks) that name a subject: not carried by most of the
    candidates' distinct titles, as "AI" is by nearly every title of a library on AI."""
    words = [w for w in _WORD.findall(question)[1:] if w[:1].isupper() or any(ch.isdigit() for ch in w)]
    titles = [set(tokenize(t)) for t in {c.chunk.title for c in cands}]
    return {t for t in tokenize(" ".join(words)) if len(titles) < 3 or sum(t in ti for ti in titles) <= len(titles) / 2}


def named_siblings(question: str, cands: list[Candidate]) -> frozenset[str]:
    """The user's documents a question's words name apart from the one it asks about: siblings
    whose titles share a name with the one whose title holds every title word the question uses
    that another title holds, and more ("the adult Tidemark sepsis model" names "Tidemark Sepsis
    Adult"; "Tidemark Sepsis Paediatric", holding "Tidemark" and "sepsis" only, is its sibling).
    Empty when no title holds more than each of the others, or when it holds none of the
    question's names (`names`). A sibling's title opens with the same word as the one asked about's."""
    asked = _spellings(set(tokenize(question)))
    held = {
        c.chunk.source: _spellings(set(tokenize(c.chunk.title))) & asked
        for c in cands
        if c.chunk.doc_type == DocType.USER
    }
    if len(held) < 2:
        return frozenset()
    best = max(held, key=lambda s: len(held[s]))
    named = _spellings(names(question, cands)) & held[best]
    if not named or any(not held[best] > h for s, h in held.items() if s != best):
        return frozenset()
    # a series' titles open alike ("Tidemark Sepsis Adult", "Tidemark Sepsis Paediatric"): an FAQ
    # on the standard asked about ("Frequently asked questions: ... | CHAC") is no variant of it
    opens = {c.chunk.source: (tokenize(c.chunk.title) or [""])[0] for c in cands}
    return frozenset(s for s, h in held.items() if s != best and h & named and opens[s] == opens[best])


def _spellings(tokens: set[str]) -> set[str]:
    """Tokens with British "ae" spelled as American ("paediatric" is "pediatric")."""
    return {t.replace("ae", "e") for t in tokens}


def _without(question: str, title: set[str], named: set[str]) -> str | None:
    """The question without its names (`named`) that the title carries."""
    words = _WORD.findall(question)
    named = named & title
    if not named:
        return None
    kept = [w for w in words if not (set(tokenize(w)) & named)]
    return " ".join(kept) + "?" if len(tokenize(" ".join(kept))) >= 2 else None


def subject_blind(
    question: str, cands: list[Candidate], sims: np.ndarray, own: Callable[[str], np.ndarray]
) -> np.ndarray:
    """Similarities (`sims`: half the sentence's own, half its passage's) where, in a document
    whose title carries a name the question uses, half of each sentence's own similarity is to
    the question without that name (`own(q)`: each sentence's similarity to q alone)."""
    out = sims.copy()
    named = names(question, cands)
    variants: dict[str, str | None] = {}
    for c in cands:
        if c.chunk.title not in variants:
            variants[c.chunk.title] = (
                _without(question, set(tokenize(c.chunk.title)), named) if len(variants) < _TITLES else None
            )
    read = {rest: own(rest) for rest in set(variants.values()) if rest is not None}
    if not read:
        return out
    whole = own(question)
    for title, rest in variants.items():
        if rest is None:
            continue
        idx = np.array([i for i, c in enumerate(cands) if c.chunk.title == title])
        blind, named = read[rest][idx], whole[idx]
        # the document keeps its standing against the others (the name asked is its own), each
        # passage its similarity; only half of each sentence's own similarity is to what is asked of it
        out[idx] = sims[idx] + 0.25 * ((blind - blind.mean()) - (named - named.mean()))
    return out
