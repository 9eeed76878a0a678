"""A scanned page's running lines known from the document's text pages.

A document mixing text pages and a scanned one prints the same running header on all of them;
the text pages' reader drops it as furniture, but the scanned page alone cannot show it repeats.
Here the top and bottom margins of the text pages nearest a scanned page are read from their
text layer, and a line in the scanned page's margin that one of theirs prints (OCR's spelling
and a middle dot read as a hyphen aside) is furniture there too.
"""

from __future__ import annotations

import re
from typing import Any

#: The page's share, from the top and from the bottom, whose lines can be running heads.
TOP, BOTTOM = 0.12, 0.15
_NEAR = 6  # text pages read per scanned page, the nearest first
_TOKEN = re.compile(r"[^\W_]+")
_PAGING = re.compile(r"\bpage\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\b", re.I)  # "Page 2 of 4"

Lines = list[frozenset[str]]


def tokens(text: str) -> frozenset[str]:
    """A line's words and numbers, case, the figures of numbers and the page's numbering ignored
    (one page's footer ends "Page 2 of 4", the scan's "Page 3 of 4" or nothing)."""
    return frozenset(re.sub(r"\d+", "#", t.lower()) for t in _TOKEN.findall(_PAGING.sub(" ", text)))


def margin_lines(doc: Any, scanned: set[int], page: int, cache: dict[int, Lines]) -> list[Lines]:
    """The lines in the margins of the text pages nearest the 0-based `page` (none scanned), one
    list per page that has any."""
    near = sorted((j for j in range(len(doc)) if j not in scanned), key=lambda j: (abs(j - page), j))[:_NEAR]
    out = []
    for j in near:
        if j not in cache:
            cache[j] = _read(doc, j)
        if cache[j]:
            out.append(cache[j])
    return out


def _read(doc: Any, j: int) -> Lines:
    try:
        page = doc[j]
    except Exception:  # a damaged page: no lines
        return []
    bands: list[str] = []
    try:
        width, height = page.get_size()
        text = page.get_textpage()
        try:
            bands = [text.get_text_bounded(0, height * (1 - TOP), width, height)]
            bands.append(text.get_text_bounded(0, 0, width, height * BOTTOM))
        finally:
            text.close()
    except Exception:  # no text layer to read: no lines
        bands = []
    finally:
        page.close()
    return [t for band in bands for line in band.splitlines() if (t := tokens(line))]


def printed_elsewhere(text: str, pages: list[Lines]) -> bool:
    """The line is what the margins of most of these text pages (two at least, when there are
    two) print: its words are, to a few misread, those of some of a page's margin lines, each
    of them found in it nearly whole."""
    words = tokens(text)
    if len(words) < 2 or not pages:
        return False
    hits = 0
    for lines in pages:
        inside = [ln for ln in lines if len(ln & words) >= 0.8 * len(ln)]
        union = frozenset().union(*inside) if inside else frozenset()
        hits += len(words & union) >= 0.8 * len(words)
    return hits >= min(2, len(pages)) and 2 * hits >= len(pages)
