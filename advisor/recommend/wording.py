"""Small wording helpers the drafted sentences share."""

from __future__ import annotations

from ..chunk import Chunk
from ..text import split_sentences


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or identifier (CDS, HIPAA, EHR)."""
    first = text.split(" ", 1)[0]
    if not first or (len(first) > 1 and not first[1:].islower()):
        return text
    return text[0].lower() + text[1:]


def strip_period(text: str) -> str:
    return text.rstrip().rstrip(".")


def join(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def fmt1(x: float | None) -> str:
    return "unscored" if x is None else f"{x:.1f}"


def first_sentence(chunk: Chunk) -> str:
    s = split_sentences(chunk.text)
    return s[0] if s else chunk.text.strip()


def rec_number(rid: str) -> int:
    """The number of a recommendation id ("R12" -> 12), for sorting ids."""
    return int(rid[1:])
