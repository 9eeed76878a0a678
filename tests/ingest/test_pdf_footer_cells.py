"""A footer that prints its own separators ("Program Update | Quality Committee | 18 September
2026") reads as one line on most pages and, on a page where its parts sit apart, as the cells of a
row beside the page number: that row is the footer too, not a table row to quote. The document's
title, which the running head repeats, stays a heading on the title page (pieces as the reader
assembles them, our own words)."""

from __future__ import annotations

from advisor.ingest.document import BlockKind
from advisor.ingest.pdf_furniture import Piece, mark_running_heads

FOOTER = "Program Update | Quality Committee | 18 September 2026"
HEAD = "Harbourne Health | Readiness Review for Clinical AI"
CONFIDENTIAL = "Confidential – for committee use only."


def _page(n: int, footer_row: bool) -> list[Piece]:
    head = Piece(n, BlockKind.TEXT, HEAD, top=20, x0=40, x1=500)
    topic = ["inventory", "validation", "monitoring", "training", "contracts", "incidents", "budget"][n - 1]
    body = Piece(n, BlockKind.TEXT, f"This page reports on the program's {topic} work.", top=300, x0=40, x1=500)
    if footer_row:
        feet = [Piece(n, BlockKind.TABLE, f"{CONFIDENTIAL} | {FOOTER} | {n}", top=780, x0=40, x1=560)]
    else:  # the mark and the footer line apart, the page number too
        feet = [
            Piece(n, BlockKind.TEXT, CONFIDENTIAL, top=780, x0=40, x1=200),
            Piece(n, BlockKind.TEXT, FOOTER, top=780, x0=220, x1=480),
            Piece(n, BlockKind.TEXT, str(n), top=780, x0=540, x1=548),
        ]
    pieces = [head, body, *feet]
    for p in pieces:
        p.size, p.bottom = 9.0, p.top + 10
    return pieces


def test_a_footer_read_as_a_row_of_its_own_parts_is_furniture_and_the_title_page_keeps_its_title():
    pages = [_page(n, footer_row=n == 5) for n in range(1, 8)]
    title = Piece(1, BlockKind.TEXT, "Readiness Review for Clinical AI", heading=True, top=120, x0=40, x1=500)
    title.size, title.bottom = 24.0, 150.0
    pages[0].insert(1, title)
    mark_running_heads(pages, set(), [842.0] * len(pages), 9.0)
    row = pages[4][-1]
    assert row.kind is BlockKind.FURNITURE, row.text
    assert title.kind is BlockKind.TEXT  # the title page's title is no running head
    assert all(p[1 if i else 2].kind is BlockKind.TEXT for i, p in enumerate(pages))
