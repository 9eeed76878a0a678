"""Footnotes read with the sentence that marks them: a note at the page foot ("2 The loss of a
device ... counts as a breach ...") moves, without its mark, to just after the paragraph or table
row carrying that mark, so it shares that paragraph's section and chunk and is cited with it."""

from __future__ import annotations

import re
from dataclasses import replace

from .document import BlockKind
from .pdf_chars import SUPERSCRIPTS
from .pdf_furniture import Piece
from .pdf_layout import NOTE_LABEL

__all__ = ["attach_across_pages", "attach_notes", "join_marks", "split_notes", "table_notes"]

_OPENING = re.compile(
    r"^(?:(?P<mark>\d{1,3}|[*\u2020\u2021])\s+|(?P<sup>[\u00b9\u00b2\u00b3\u2070-\u2079]{1,3})\s*)(?=\S)"
)
#: How far outside a piece's box a mark may sit (points): a mark hangs just after the last word.
_SLACK = 12.0


_BARE_MARK = re.compile(r"^(?:\d{1,3}|[*\u2020\u2021]|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,3})$")


def join_marks(pieces: list[Piece], body: float) -> None:
    """A note's mark set as a box of its own (a superscript "8" in the margin left of the note's
    first line) opens the note it stands beside: "8 The CAOC Terms of Reference ...". So the note
    is read as one, and it is known for a footnote."""
    out: list[Piece] = []
    for p in pieces:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _BARE_MARK.match(prev.text.strip())
            and 0 < prev.size <= 0.85 * body
            and p.kind == BlockKind.TEXT
            and 0 < p.size <= 0.9 * body
            and abs(p.top - prev.top) <= 1.5 * p.size
            and prev.x0 - 1 <= p.x0 <= prev.x1 + 3 * p.size  # beside the note's first line, or over its margin
        ):
            p.text, p.x0, p.top = f"{prev.text.strip()} {p.text}", prev.x0, min(p.top, prev.top)
            out[-1] = p
            continue
        out.append(p)
    pieces[:] = out


def split_notes(text: str) -> list[tuple[str, str]]:
    """(mark, text) of each note in a footnote piece: a paragraph opening with a mark starts a
    note, paragraphs without one go on with the note before them."""
    out: list[tuple[str, str]] = []
    for para in text.split("\n"):
        m = _OPENING.match(para)
        if m is not None:
            out += _run_on((m["mark"] or m["sup"]).translate(SUPERSCRIPTS), para[m.end() :].strip())
        elif out and para.strip():
            out[-1] = (out[-1][0], f"{out[-1][1]} {para.strip()}")
    return out


def _run_on(mark: str, text: str) -> list[tuple[str, str]]:
    """Notes set one a line but read as one paragraph ("1 Achieved in 2024. 2 Subject to ..."):
    split where a sentence's end is followed by the next mark in sequence."""
    if not mark.isdigit():
        return [(mark, text)]
    nxt = str(int(mark) + 1)
    m = re.search(rf"(?<=[.!?)])\s+{nxt}\s+(?=[A-Z(])", text)
    if m is None:
        return [(mark, text)]
    return [(mark, text[: m.start()].strip()), *_run_on(nxt, text[m.end() :].strip())]


def _after_table(pieces: list[Piece], owner: Piece) -> Piece:
    """Where a note marked in a table row goes: after the table's last row (between two rows
    it would cut the table in two)."""
    if owner.kind != BlockKind.TABLE:
        return owner
    at = next(i for i, q in enumerate(pieces) if q is owner)
    while at + 1 < len(pieces) and (pieces[at + 1].kind == BlockKind.TABLE or pieces[at + 1].table_note):
        at += 1
    return pieces[at]


def table_notes(pieces: list[Piece], marks: list[tuple[str, float, float]] | None = None) -> None:
    """The note and source lines set right under a table's rows ("Note: ...", "Source: ...",
    "* Figures are estimates", "1 Approved ..." for a mark "1" dropped on the page), in type no
    larger than the rows', are the table's notes: each is read as a paragraph after the rows,
    under the table's caption, its mark dropped as a moved footnote's is, and never as a
    footnote of the page or a list item."""
    digits = {m for m, _, _ in marks or [] if m.isdigit()}  # the marks set in the page's text
    opening = re.compile(_MARK.pattern + (rf"|^(?:{'|'.join(sorted(digits))})\s+(?=[A-Z(])" if digits else ""))
    rows: Piece | None = None  # the table's last row, or the last note under it
    size = top = 0.0  # the rows' type size, the table's top
    for p in pieces:
        if p.kind == BlockKind.TABLE and not p.hidden:
            top = top if rows is not None and rows.kind == BlockKind.TABLE else p.top
            rows, size = p, max(p.size, 1.0)
            continue
        under = rows is not None and 0 <= p.top - rows.bottom <= 3.0 * max(p.size, size)
        if not under or p.kind != BlockKind.TEXT or p.heading or p.hidden or p.size > 1.05 * size:
            rows = None
            continue
        paras = [q for para in p.text.split("\n") for q in _NEXT_NOTE.split(para) if q.strip()]
        paras = [q for para in paras for q in _split_at(para, digits)]
        if not (NOTE_LABEL.match(paras[0]) or opening.match(paras[0])) or _marked_elsewhere(paras[0], marks, top, p):
            rows = None
            continue
        p.table_note, rows = True, p
        p.text = "\n".join(opening.sub("", para, count=1) for para in paras)
        p.breaks = []


def _marked_elsewhere(para: str, marks: list[tuple[str, float, float]] | None, top: float, under: Piece) -> bool:
    """Does the note's mark stand in the page's text only outside the table above it (a page's
    footnotes, set right under a table closing the page, marked in the paragraphs)?"""
    m = _OPENING.match(para)
    mark = (m["mark"] or m["sup"]).translate(SUPERSCRIPTS) if m else ""
    ys = [y for k, _, y in marks or [] if k == mark]
    return bool(ys) and not any(top - _SLACK <= y <= under.top for y in ys)


#: A note's mark opening its line (kept by the layout only for notes in small type).
_MARK = re.compile(r"^(?:[*\u2020\u2021\u00a7]|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,2})\s*(?=\S)")
#: A table's next note run on after a sentence's end ("... 2025. * Provisional approval.").
_NEXT_NOTE = re.compile(r"(?<=[.!?)])\s+(?=(?:[*\u2020\u2021\u00a7]|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,2})\s*[A-Z(])")


def _split_at(para: str, digits: set[str]) -> list[str]:
    """A paragraph split before each mark of `digits` run on after a sentence's end."""
    if not digits:
        return [para]
    marks = "|".join(sorted(digits))
    return [q for q in re.split(rf"(?<=[.!?)])\s+(?=(?:{marks})\s+[A-Z(])", para) if q.strip()]


def _marking(pieces: list[Piece], mark: str, marks: list[tuple[str, float, float]]) -> Piece | None:
    """The one body piece whose box holds a dropped mark `mark`; None when none or several do."""
    found: list[Piece] = []
    held: list[Piece] = []  # those whose lines hold the mark's baseline (not a row above or below it)
    for text, x, y in marks:
        if text != mark:
            continue
        for p in pieces:
            if p.note or p.heading or p.hidden or not p.kind.indexed or p.kind == BlockKind.REFERENCES:
                continue
            if p.x0 - _SLACK <= x <= p.x1 + _SLACK and p.top - _SLACK <= y <= p.bottom + _SLACK and p not in found:
                found.append(p)
                if p.top - 1 <= y <= p.bottom + 1:
                    held.append(p)
    if len(found) > 1 and all(p.kind == BlockKind.TABLE for p in found):
        found = held  # rows of a table sit closer than the slack
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
            table = owner.kind == BlockKind.TABLE  # a row's note is read with its table
            moved = replace(p, text=text, breaks=[], kind=BlockKind.TEXT, table_note=table)
            after.setdefault(id(_after_table(pieces, owner)), []).append(moved)
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
                table, owner = owner.kind == BlockKind.TABLE, _after_table(pages[k], owner)
                at = next(i for i, q in enumerate(pages[k]) if q is owner) + 1
                while at < len(pages[k]) and pages[k][at].note and not pages[k][at].apart:
                    at += 1  # after the notes already read with it
                moved = replace(p, text=text, breaks=[], kind=BlockKind.TEXT, apart=False, table_note=table)
                pages[k].insert(at, moved)
            if left and len(left) < len(notes):
                p.text = "\n".join(left)
            elif not left:
                page[:] = [q for q in page if q is not p]
