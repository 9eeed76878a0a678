"""The user's own documents beside the bundled guidance: the best passage when nearly as relevant,
and the primary text of a framework item a bundled guide summarises."""

from __future__ import annotations

from ..chunk import DocType
from ..text import identifiers
from .selection import Candidate

__all__ = ["with_own"]

#: The user's best sentence joins the answer when it scores at least this share of the best.
OWN_SHARE = 0.85
#: An item's own text in the user's document joins beside the bundled summary of it when its
#: best sentence scores at least this share of the best: the summary found the topic, the
#: primary text (often worded far from the question: "override decisions" for "clinicians
#: overriding the AI") says what the item asks.
PRIMARY_SHARE = 0.6
#: Items' own texts joining one answer at most.
PRIMARY_JOINS = 2


def _items(c: Candidate) -> list[str]:
    """The framework items ("MAP 3.4") a bundled sentence summarises: named in its deepest heading or its text."""
    head = c.chunk.section.split(" > ")[-1] if c.chunk.section else ""
    return [i for i in identifiers(f"{head} {c.text}") if "." in i]


def _under(c: Candidate, item: str) -> bool:
    return item in identifiers(c.chunk.section) if c.chunk.section else False


def with_own(order: list[Candidate], chosen: list[Candidate], best: float, limit: int) -> list[Candidate]:
    """`chosen` with the user's own documents speaking: their best sentence when nearly as relevant
    as the lead, else the text of an item the leading bundled sentences summarise where the
    user's document holds that item."""
    chosen = list(chosen)
    user = [c for c in order if c.chunk.doc_type == DocType.USER]
    if not user:
        return chosen
    if user[0] not in chosen and user[0].score >= OWN_SHARE * best and len(chosen) < limit:
        chosen.append(user[0])  # the user's own document speaks when it is nearly as relevant
    if any(c.chunk.doc_type == DocType.USER for c in chosen):
        return chosen  # the user's document already speaks: its item texts would crowd out what answers
    items: list[str] = []
    for c in order[:limit]:
        if c.chunk.doc_type == DocType.GUIDANCE:
            items += [i for i in _items(c) if i not in items]
    joined = 0
    for item in items:
        if joined >= PRIMARY_JOINS or len(chosen) >= limit:
            break
        own = next((d for d in user if _under(d, item) and not d.text.rstrip().endswith(":")), None)
        if own is not None and own.score >= PRIMARY_SHARE * best:
            if own not in chosen:
                chosen.append(own)
            joined += 1
    return chosen
