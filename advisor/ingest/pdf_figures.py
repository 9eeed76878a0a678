"""Figures' text. A big figure over its small label ("2.1 h" / "median earlier recognition") is
read as one statement. A chart drawn as vector graphics keeps its values and categories in the
text layer as short lines ("12%", "2022"), which read alone as stray numbers and are dropped:
gathered under the caption ("Figure 1 data labels: 2022: 12%; 2023: 19%"), they can be quoted."""

from __future__ import annotations

import re

from .document import BlockKind
from .pdf_furniture import FIGURE, Piece
from .pdf_mend import overlap, prose

_FIGURE_CAPTION = re.compile(r"^(?P<label>(?:figure|fig\.|chart|graph|exhibit)\s+[A-Z]?\d+(?:\.\d+)*)[.:]?\s", re.I)
_MAX_LABEL = 30  # characters: an axis or data label, not a line of text


def _label(p: Piece) -> bool:
    text = p.text.strip()
    short = 0 < len(text) <= _MAX_LABEL and "\n" not in text and len(text.split()) <= 4
    return (
        p.kind == BlockKind.TEXT
        and not p.heading
        and not p.hidden
        and not p.note
        and short
        and not re.search(r"[.;:!?]$", text)
    )


def _columns(labels: list[Piece]) -> list[list[Piece]]:
    """Labels grouped by the column they stand in (their horizontal extents overlap), left to right."""
    cols: list[list[Piece]] = []
    for p in sorted(labels, key=lambda q: (q.x0 + q.x1) / 2):
        col = cols[-1] if cols else None
        if col and min(p.x1, max(q.x1 for q in col)) > max(p.x0, min(q.x0 for q in col)):
            col.append(p)
        else:
            cols.append([p])
    return [sorted(c, key=lambda q: q.top) for c in cols]


def _reading(labels: list[Piece]) -> str:
    cols = _columns(labels)
    size = max(max(p.size for p in labels), 1.0)
    bottoms = [c[-1].top for c in cols]
    # a bar chart: each column a category under its values, the categories on one line
    even = len(cols) >= 2 and len({len(c) for c in cols}) == 1 and len(cols[0]) >= 2
    if even and max(bottoms) - min(bottoms) <= 0.5 * size:
        return "; ".join(f"{c[-1].text.strip()}: {', '.join(q.text.strip() for q in c[:-1])}" for c in cols)
    ordered = sorted(labels, key=lambda q: (round(q.top / size), q.x0))
    return "; ".join(q.text.strip() for q in ordered)


def chart_labels(page: list[Piece]) -> None:
    """The short labels between a figure's caption and the text above it are read with the caption."""
    for cap in [p for p in page if p.kind == BlockKind.TEXT and not p.heading and not p.hidden]:
        m = _FIGURE_CAPTION.match(cap.text.strip())
        if m is None:
            continue
        above = [p for p in page if p is not cap and p.kind.indexed and p.top < cap.top]
        floor = max((p.bottom for p in above if not _label(p)), default=0.0)
        labels = [p for p in above if _label(p) and p.top > floor]
        if len(labels) < 2 or not any(re.search(r"\d", p.text) for p in labels):
            continue
        cap.text = f"{cap.text.rstrip()}\n{m['label']} data labels: {_reading(labels)}."
        cap.breaks = sorted({0, *cap.breaks})  # the figure is a passage of its own, not the text's tail
        for p in labels:
            p.text, p.kind = "", BlockKind.FURNITURE


def figure_labels(page: list[Piece]) -> list[Piece]:
    """A big figure over its small label (a results slide's "2.1 h" above "median earlier
    recognition") is one statement: the figure opens its label's text. A word the printer split
    around the figure ("re" before "18%", "lative drop" under it) is joined back. Figures set
    side by side over their labels read as two table rows; each pair becomes one statement."""
    out: list[Piece] = []
    skip: set[int] = set()
    for i, p in enumerate(page):
        if i in skip:
            continue
        below = [(j, q) for j, q in enumerate(page[i + 1 :], start=i + 1) if 0 <= q.top - p.bottom <= p.size]
        if p.kind == BlockKind.TABLE and below and below[0][1].kind == BlockKind.TABLE:
            j, labels = below[0]
            notes = _notes_row(labels, page[j + 1 : j + 2])
            pairs = _figure_row(p, labels, notes)
            if pairs:
                skip |= {j, j + 1} if notes else {j}
                for text in pairs:
                    piece = Piece(p.page, BlockKind.TEXT, text, False, "", p.top, 1, p.x0, p.x1, [])
                    piece.size, piece.bottom = labels.size, labels.bottom
                    out.append(piece)
                continue
        m = FIGURE.match(p.text.strip()) if prose(p) else None
        label = _label_under(p, [q for _, q in below])
        if m is None or label is None:
            out.append(p)
            continue
        cut = m["cut"] or ""
        joined = (
            f"{m['figure']} {cut}{label.text}" if cut and label.text[:1].islower() else f"{p.text.strip()} {label.text}"
        )
        if label.heading:  # a dashboard tile: the figure, its label set bold, and a note in small type under it
            label.heading = False
            note = _tile_note(label, below)
            if note is not None:
                skip.add(note[0])
                joined = f"{joined} ({note[1].text.strip()})"
        label.breaks = [b + len(joined) - len(label.text) for b in label.breaks]
        label.text, label.top, label.x0, label.x1 = joined, p.top, min(p.x0, label.x0), max(p.x1, label.x1)
    return out


def _label_under(figure: Piece, below: list[Piece]) -> Piece | None:
    """The label a big figure stands over: the first piece of text under it in its column, in
    smaller type; a short bold label (a dashboard tile's "Tier 1 (high-risk) models") counts."""
    for q in below:
        if not q.text.strip() or q.kind != BlockKind.TEXT or q.hidden or q.note or overlap(figure, q) < 0.5:
            continue
        if q.size * 1.4 > figure.size:
            return None
        if prose(q) or (q.heading and len(q.text.split()) <= 8 and not q.text.rstrip().endswith(":")):
            return q
        return None
    return None


def _tile_note(label: Piece, below: list[tuple[int, Piece]]) -> tuple[int, Piece] | None:
    """The small note right under a tile's label ("quarterly monitoring required"), with its index."""
    for j, q in below:
        if q is label or not q.text.strip() or q.top < label.bottom:
            continue
        close = 0 <= q.top - label.bottom <= 1.5 * label.size and overlap(label, q) >= 0.5
        if close and prose(q) and q.size <= label.size and len(q.text) <= 80 and "\n" not in q.text.strip():
            return j, q
        return None
    return None


def _notes_row(labels: Piece, nxt: list[Piece]) -> Piece | None:
    """The row of small notes right under a row of tiles' labels, one per label."""
    if not nxt or nxt[0].kind != BlockKind.TABLE or nxt[0].size > labels.size:
        return None
    note = nxt[0]
    close = 0 <= note.top - labels.bottom <= 1.5 * labels.size
    return note if close and len(note.text.split(" | ")) == len(labels.text.split(" | ")) else None


def _figure_row(figures: Piece, labels: Piece, notes: Piece | None = None) -> list[str]:
    """Each figure with the label under it (and the note under that), when a row of big figures
    sits over a row of labels."""
    tops, bottoms = figures.text.split(" | "), labels.text.split(" | ")
    if len(tops) != len(bottoms) or len(tops) < 2 or labels.size * 1.4 > figures.size:
        return []
    if not all(FIGURE.match(t.strip()) for t in tops) or any(FIGURE.match(b.strip()) for b in bottoms):
        return []
    under = [f" ({n.strip()})" if n.strip() else "" for n in notes.text.split(" | ")] if notes else [""] * len(tops)
    return [f"{t.strip()} {b.strip()}{n}" for t, b, n in zip(tops, bottoms, under, strict=True)]
