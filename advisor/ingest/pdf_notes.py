"""Footnotes read with the sentence that marks them: a note at the page foot ("2 The loss of a
device ... counts as a breach ...") moves, without its mark, to just after the paragraph or table
row carrying that mark, so it shares that paragraph's section and chunk and is cited with it."""

from __future__ import annotations

import re
from dataclasses import replace

from .document import BlockKind
from .pdf_chars import SUPERSCRIPTS
from .pdf_furniture import Piece

__all__ = ["attach_across_pages", "attach_notes", "split_notes"]

_OPENING = re.compile(
    r"^(?:(?P<mark>\d{1,3}|[*\u2020\u2021])\s+|(?P<sup>[\u00b9\u00b2\u00b3\u2070-\u2079]{1,3})\s*)(?=\S)"
)
#: How far outside a piece's box a mark may sit (points): a mark hangs just after the last word.
_SLACK = 12.0


def split_notes(text: str) -> list[tuple[str, str]]:
    """(mark, text) of each note in a footnote piece: a paragraph opening with a mark starts a
    note, paragraphs without one go on with the note before them."""
    out: list[tuple[str, str]] = []
    for para in text.split("\n"):
        m = _OPENING.match(para)
        if m is not None:
            out.append(((m["mark"] or m["sup"]).translate(SUPERSCRIPTS), para[m.end() :].strip()))
        elif out and para.strip():
            out[-1] = (out[-1][0], f"{out[-1][1]} {para.strip()}")
    return out


def _marking(pieces: list[Piece], mark: str, marks: list[tuple[str, float, float]]) -> Piece | None:
    """The one body piece whose box holds a dropped mark `mark`; None when none or several do."""
    found = []
    for text, x, y in marks:
        if text != mark:
            continue
        for p in pieces:
            if p.note or p.heading or p.hidden or not p.kind.indexed or p.kind == BlockKind.REFERENCES:
                continue
            if p.x0 - _SLACK <= x <= p.x1 + _SLACK and p.top - _SLACK <= y <= p.bottom + _SLACK and p not in found:
                found.append(p)
    return found[0] if len(found) == 1 else None


def attach_notes(pieces: list[Piece], marks: list[tuple[str, float, float]]) -> list[Piece]:
    """The page's pieces with each footnote placed right after the piece that marks it (as a
    paragraph of its own, without its mark); a note whose mark is not found stays where it is."""
    if not marks or not any(p.note for p in pieces):
        return [replace(p, apart=True) if p.note else p for p in pieces]
    after: dict[int, list[Piece]] = {}
    out: list[Piece] = []
    for p in pieces:
        if not p.note or p.hidden:
            out.append(p)
            continue
        notes = split_notes(p.text)
        left = []
        for mark, text in notes:
            owner = _marking(pieces, mark, marks) if text else None
            if owner is None:
                left.append(f"{mark} {text}")
                continue
            # still a note (never joined to the prose around it), now read with its sentence
            moved = replace(p, text=text, breaks=[], kind=BlockKind.TEXT)
            after.setdefault(id(owner), []).append(moved)
        if left:  # as printed when none of its notes moved
            text = p.text if len(left) == len(notes) else "\n".join(left)
            out.append(replace(p, text=text, breaks=[], apart=True))
    placed: list[Piece] = []
    for p in out:
        placed.append(p)
        placed += after.get(id(p), [])
    return placed


def _marked_on(marks: list[tuple[str, float, float]], mark: str) -> bool:
    return any(m == mark for m, _, _ in marks)


def attach_across_pages(
    pages: list[list[Piece]], marks: list[list[tuple[str, float, float]]], noted: list[set[str]]
) -> None:
    """Notes a page prints for marks on an earlier page (a short document's notes set once, after
    its last section): each goes right after the piece on the nearest earlier page that carries
    its mark, still a note of its own page, so it is read under that piece's section rather than
    with the last passage above it. Not when its own page has that mark, nor when the earlier
    page prints a note of that mark itself (notes numbered afresh on every page)."""
    for n, page in enumerate(pages):
        for p in [p for p in page if p.note and p.apart and not p.hidden]:
            left, notes = [], split_notes(p.text)
            for mark, text in notes:
                k = next((k for k in range(n - 1, -1, -1) if _marked_on(marks[k], mark)), None)
                owner = None
                if k is not None and text and mark not in noted[k] and not _marked_on(marks[n], mark):
                    owner = _marking(pages[k], mark, marks[k])
                if owner is None:
                    left.append(f"{mark} {text}")
                    continue
                at = next(i for i, q in enumerate(pages[k]) if q is owner) + 1
                while at < len(pages[k]) and pages[k][at].note and not pages[k][at].apart:
                    at += 1  # after the notes already read with it
                pages[k].insert(at, replace(p, text=text, breaks=[], kind=BlockKind.TEXT, apart=False))
            if left and len(left) < len(notes):
                p.text = "\n".join(left)
            elif not left:
                page[:] = [q for q in page if q is not p]
