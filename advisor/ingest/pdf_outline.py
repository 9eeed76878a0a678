"""A PDF's outline (bookmarks): its entries' title paths and the pages they point at, checked
against the pages.

Some tools write an outline whose every entry points at the first page (a generator that
bookmarks before it knows where a heading will land). Taken at its word, such an outline puts
every section on the cover and the last entry ("Annex A") over the whole document. When most
entries' titles are not printed on the page they point at, each entry is placed instead on the
first page at or after the previous entry's that prints its title, contents pages (which print
them all) left out.
"""

from __future__ import annotations

from typing import Any

from .pdf_chars import Page

Outline = list[tuple[int, tuple[str, ...]]]  # (0-based page, title path), in document order

#: Entries times pages a broken outline may have to be placed by its titles: a 300-page report
#: with 600 bookmarks, far more than a real document has, placed in about a second.
MAX_PLACING = 200_000


def read_outline(doc: Any) -> Outline:
    """Flattened outline: (0-based page index, title path), in document order."""
    out: Outline = []
    path: list[str] = []
    try:
        for item in doc.get_toc(max_depth=12):
            dest = item.get_dest()
            page = dest.get_index() if dest is not None else None
            title = " ".join((item.get_title() or "").split())
            path = path[: item.level]
            path += [""] * (item.level - len(path))
            path.append(title)
            if page is not None and page >= 0 and title:
                out.append((page, tuple(t for t in path if t)))
    except Exception:  # a damaged outline: fall back to headings found on the pages
        return []
    return out


def placed(outline: Outline, pages: list[Page]) -> Outline:
    """The outline as it is when most entries' titles are printed on their pages; else each
    entry moved to the page that prints its title (entries printed nowhere dropped)."""
    if len(outline) < 4:
        return outline
    texts = [_flat(" ".join(f.text for f in p.frags)) for p in pages]
    titles = [_flat(t[-1]) for _, t in outline]
    if (
        sum(1 for (page, _), t in zip(outline, titles, strict=True) if page < len(texts) and t in texts[page])
        >= len(outline) / 2
    ):
        return outline
    if len(outline) * len(texts) > MAX_PLACING:
        return []  # too large a broken outline to place (a hostile file's): the printed headings section it
    listing = {i for i, text in enumerate(texts) if sum(1 for t in titles if t in text) > len(titles) / 3}
    out: Outline = []
    at = 0
    for (_, path), title in zip(outline, titles, strict=True):
        found = next((i for i in range(at, len(texts)) if i not in listing and title in texts[i]), None)
        if found is not None:
            out.append((found, path))
            at = found
    return out


def _flat(text: str) -> str:
    return " ".join(text.split()).lower()
