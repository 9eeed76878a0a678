"""Running heads that change with the chapter ("Chapter 2: Handling 3" atop two pages, then
"Chapter 3: Utilities 6"): too few pages carry any one of them for the document-wide repetition
test, but each sits in a margin band that prints the page number, and repeats on the next page
(or the one after, when left and right pages differ) with the number moved on by as many pages."""

from __future__ import annotations

import re

from .document import BlockKind
from .pdf_furniture import LONG, PAGE_NO, Piece, edge, norm, paged

#: A heading's own number closing a line ("Terms of Article 4", "Table 3"): no page's.
_HEADING_NO = re.compile(
    r"\b(?:article|section|part|chapter|step|table|figure|fig\.|appendix|annex|schedule|rule|clause|item|"
    r"phase|stage|level|tier|module|unit|lesson|week|day)\s+\d{1,4}$",
    re.I,
)
#: Pages a running head's number may run ahead of the page before it: the next page, or the one
#: after it (a book's left and right pages carry different heads).
_SPAN = 2
#: How far a running head's line may sit from its slot on other pages (points), and its type size.
_SLOT_TOP, _SLOT_SIZE = 1.5, 0.5


def _band(p: Piece, height: float) -> str:
    """ "top" or "bottom" for a line in the page's top or bottom margin, else ""."""
    if not edge(p, height):
        return ""
    return "top" if p.top < 0.5 * height else "bottom"


def _number(text: str) -> int | None:
    """An arabic page number standing alone ("3", "Page 3", "- 3 -")."""
    if not PAGE_NO.match(text.strip()):
        return None
    digits = re.search(r"\d{1,4}", text)
    return int(digits.group(0)) if digits else None


def _words(p: Piece) -> tuple[str, int | None] | None:
    """A margin line's words (numbers ignored) and the page number it prints at one end, if any;
    None for a line of fewer than two words or one whose end number is a heading's own."""
    line = " ".join(p.text.replace(" | ", " ").split())
    text, number = (line, None) if _HEADING_NO.search(line) else paged(line)
    if len(re.findall(r"[^\W\d_]{2,}", text)) < 2 or len(text) >= LONG:
        return None
    return norm(text), number


def mark_chapter_heads(pages: list[list[Piece]], heights: list[float]) -> None:
    """Lines in a numbered margin band that repeat on a page close after, the band's page number
    moved on by as many pages, become furniture; so do lines in the same slot (position and
    type) on other numbered pages, once at least three pages show such a running head."""
    seen: list[dict[str, list[tuple[Piece, str, int | None]]]] = []
    for pieces, height in zip(pages, heights, strict=True):
        bands: dict[str, list[tuple[Piece, str, int | None]]] = {}
        numbers: dict[str, int] = {}
        for p in pieces:
            band = _band(p, height)
            if not band or p.hidden or p.lines > 2 or (not p.kind.indexed and p.kind != BlockKind.FURNITURE):
                continue
            n = _number(p.text)
            if n is not None:
                numbers[band] = n
                continue
            words = _words(p)
            if words is not None:
                bands.setdefault(band, []).append((p, *words))
        # a line's own number, else the number printed elsewhere in its band
        seen.append(
            {
                b: [(p, key, n if n is not None else numbers.get(b)) for p, key, n in lines]
                for b, lines in bands.items()
                if any(n is not None for _, _, n in lines) or b in numbers
            }
        )
    marked: dict[int, Piece] = {}
    for i, page in enumerate(seen):
        for step in range(1, _SPAN + 1):
            if i + step >= len(seen):
                break
            for band, lines in page.items():
                later = {key: (q, m) for q, key, m in seen[i + step].get(band, [])}
                for p, key, n in lines:
                    if key in later and n is not None and later[key][1] == n + step:
                        marked.update({id(p): p, id(later[key][0]): later[key][0]})
    _mark(marked, seen)


def _mark(marked: dict[int, Piece], seen: list[dict[str, list[tuple[Piece, str, int | None]]]]) -> None:
    """Mark the running heads found, and the lines in their slots on other numbered pages."""
    if len({p.page for p in marked.values()}) < 3:
        return
    slots = {(p.top, p.size) for p in marked.values()}
    for page in seen:
        for lines in page.values():
            for p, _, _ in lines:
                if id(p) in marked or any(
                    abs(p.top - top) <= _SLOT_TOP and abs(p.size - size) <= _SLOT_SIZE for top, size in slots
                ):
                    p.kind = BlockKind.FURNITURE
