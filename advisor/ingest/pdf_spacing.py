"""Word spaces versus gutters: the widely spaced words of a justified line joined into one fragment.

Justification widens every word space on a line, and a sparse line (few or long words) can space
its words further apart than layout's reach for one line, so each word would read as a box of
its own and a sentence would fall apart. A column gutter or a table's cell gap is told from such
a word space in two ways: it is much wider than the line's typical word space, or the lines right
next to it have a text edge on the same spot (columns and cells line up; word spaces do not).
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise
from statistics import median_low

from .pdf_chars import Frag, Page
from .pdf_rules import edge_between

REACH = 0.9  # gaps up to this many font sizes are word spaces already (the layout's own reach)
GUTTER_RATIO = 2.0  # a gap this many times the line's typical word space is a gutter
UNEVEN = 1.3  # wide gaps differing this much between one line's words are no justified word spaces
ALIGN_PT = 0.5  # columns and cells are placed exactly; word edges meet this closely only by chance
SUPPORT = 2  # neighbouring lines with an edge on the gap make it a gutter
_PITCH = 3.0  # neighbouring lines are at most this many font sizes apart


def _base(f: Frag) -> float:
    return f.top + 0.8 * f.size


class _Lines:
    """The page's visible fragments grouped by baseline, top to bottom, each left to right."""

    def __init__(self, frags: list[Frag]):
        self.lines: list[list[Frag]] = []
        self.bases: list[float] = []
        self.index: dict[int, int] = {}  # id of a fragment -> its line
        for f in sorted((f for f in frags if not f.hidden), key=_base):
            if not (self.lines and _base(f) - self.bases[-1] <= 0.3 * f.size):
                self.lines.append([])
                self.bases.append(_base(f))
            self.lines[-1].append(f)
            self.index[id(f)] = len(self.lines) - 1
        for line in self.lines:
            line.sort(key=lambda f: f.x0)

    def supporting(self, base: float, left: Frag, right: Frag) -> int:
        """How many lines right above and below this gap (up to SUPPORT) have a text edge lined up with it."""
        i = self.index.get(id(left))
        if i is None:  # hidden text: placed among the visible lines by its baseline
            i = min(bisect.bisect_left(self.bases, base), len(self.bases) - 1)
        found = 0
        for step, start in ((-1, i - 1), (1, i + 1)):
            prev, j = base, start
            # stops at SUPPORT: a page of one-word table cells costs a few lines per gap, not the page
            while found < SUPPORT and 0 <= j < len(self.lines) and abs(self.bases[j] - prev) <= _PITCH * left.size:
                if all(f.x1 <= left.x1 + ALIGN_PT for f in self.lines[j]):
                    prev, j = self.bases[j], j + step  # a cell's wrapped line left of the gap: no word on it
                    continue
                if not _edge_at(self.lines[j], left, right):
                    break
                found += 1
                prev, j = self.bases[j], j + step
        return found


def _edge_at(line: list[Frag], left: Frag, right: Frag) -> bool:
    """Whether the line has a wide blank with text on both sides whose edges line up with the gap's."""
    for h, g in pairwise(line):
        if g.x0 - h.x1 <= REACH * g.size:
            continue
        # the left edge of the text after the gap or the right edge of the text before it; not the
        # right edge after it: every justified line ends on the margin, whatever its word spaces
        if abs(g.x0 - right.x0) <= ALIGN_PT or abs(h.x1 - left.x1) <= ALIGN_PT:
            return True
    return False


def _rows(frags: list[Frag]) -> list[list[Frag]]:
    """Stream-consecutive fragments on one baseline, left to right, in one size and visibility."""
    rows: list[list[Frag]] = []
    for f in frags:
        if rows:
            p = rows[-1][-1]
            size = max(p.size, f.size)
            same = abs(_base(f) - _base(p)) <= 0.45 * size and abs(f.size - p.size) <= 0.12 * size
            if same and f.hidden == p.hidden and f.x0 >= p.x1 - 0.3 * size:
                rows[-1].append(f)
                continue
        rows.append([f])
    return rows


def _merge(frags: list[Frag]) -> Frag:
    first = frags[0]
    text = " ".join(f.text for f in frags)
    bold = not first.label and sum(len(f.text) for f in frags if f.bold) * 2 > len(text)
    gaps = [g for f in frags for g in f.gaps] + [b.x0 - a.x1 for a, b in pairwise(frags)]
    return Frag(
        text=text,
        x0=first.x0,
        x1=max(f.x1 for f in frags),
        top=first.top,
        bottom=first.bottom,
        size=first.size,
        bold=bold,
        color=first.color,
        hidden=first.hidden,
        seq=first.seq,
        gaps=tuple(gaps),
        label=first.label,
        mono=sum(len(f.text) for f in frags if f.mono) * 2 > len(text),
    )


def _vrule_between(page: Page, x0: float, x1: float, base: float) -> bool:
    return any(x0 < x < x1 and top <= base <= bottom for x, top, bottom in page.vrules)


def join_spaced_words(page: Page, frags: list[Frag]) -> list[Frag]:
    """Fragments in stream order with each line's widely spaced words joined (gutters kept)."""
    rows = _rows(frags)
    if all(len(r) == 1 for r in rows):
        return frags
    lines = _Lines(page.frags)
    out: list[Frag] = []
    for row in rows:
        for segment in _split_at_gutters(page, lines, row):
            out += [_merge(words) if len(words) > 1 else words[0] for words in _split_at_wide_gaps(segment)]
    return out


def _split_at_gutters(page: Page, lines: _Lines, row: list[Frag]) -> list[list[Frag]]:
    """A row cut where a ruling line, a ruled cell's edge or the neighbouring lines' text edges
    mark a gutter (a row of two cells has one gap only, which no typical word space can tell)."""
    segments = [[row[0]]]
    for a, b in pairwise(row):
        gap, base = b.x0 - a.x1, _base(a)
        size = max(a.size, b.size)
        if gap > REACH * size and (
            _vrule_between(page, a.x1, b.x0, base)
            or (page.edges and edge_between(page.edges, a.x1, b.x0, base, size))
            or lines.supporting(base, a, b) >= SUPPORT
        ):
            segments.append([])
        segments[-1].append(b)
    return segments


#: A figure alone ("11.5", "1,104 (5.2)", "0.842 (0.830–0.853)", "27%", "$1.2M"): a table cell's value.
#: A sentence's figure closes on its punctuation ("July 1, 2026. Surveys ..."): none is a cell's.
_FIGURE = re.compile(r"^[-+−–$€£(]?\d[\d.,%]*[A-Za-z%]{0,2}(?:\s*\([\d.,–—−-]+%?\))?(?<![.,])$")


def _split_at_wide_gaps(segment: list[Frag]) -> list[list[Frag]]:
    """A segment cut at gaps much wider than its typical word space (the layout decides on those)."""
    pairs = list(pairwise(segment))
    if not pairs:
        return [segment]
    typical = median_low([g for f in segment for g in f.gaps] + [b.x0 - a.x1 for a, b in pairs])
    # justification spaces a line's words evenly: wide gaps of unequal widths between every
    # fragment are a row of cells ("Owner   Key mitigation      Due")
    between = [b.x0 - a.x1 for a, b in pairs]
    uneven = (
        len(between) > 1
        and all(g > REACH * max(a.size, b.size) for g, (a, b) in zip(between, pairs, strict=True))
        and max(between) > UNEVEN * min(between)
    )
    parts = [[segment[0]]]
    for a, b in pairs:
        gap = b.x0 - a.x1
        # figures spaced wide apart are a row's cells ("11.5   9.7   9.6"): no justified line of text is only figures
        figures = bool(_FIGURE.match(a.text) and _FIGURE.match(b.text))
        # nor is a figure far after a label ("Medicare      23,198"): a row's first value, however
        # wide the row's other gaps make its typical space
        figures = figures or bool(_FIGURE.match(b.text) and gap > _CELL_GAP * max(a.size, b.size))
        if uneven or figures or not REACH * max(a.size, b.size) < gap <= GUTTER_RATIO * typical:
            parts.append([])
        parts[-1].append(b)
    return parts


#: A gap this many type sizes wide before a figure parts a label from its value.
_CELL_GAP = 3.0

#: A space this much narrower than the run's widest is letter-spacing, not a word space.
_LETTER_RATIO = 0.4


def close_letter_spacing(frags: list[Frag]) -> None:
    """Letter-spaced capitals ("REPUBLIC OF VALMERA" set with CSS letter-spacing) have gaps inside
    words that kerning widens past the space test ("O F VA L MERA", or "K E Y F I N D I N G S"
    when every letter is set apart): those gaps are closed (`_letter_gaps`), the word spaces kept."""
    for f in frags:
        letters = [c for c in f.text if c.isalpha()]
        # letter-spacing sets capitals apart (a cover's issuer line): running text keeps its spaces
        if (
            len(f.gaps) < 2
            or f.text.count(" ") != len(f.gaps)
            or len(letters) < 2
            or sum(c.isupper() for c in letters) < 0.9 * len(letters)
        ):
            continue
        words = f.text.split(" ")
        small = _letter_gaps(f, words)
        if not any(small):
            continue
        text, gaps = words[0], []
        for word, gap, join in zip(words[1:], f.gaps, small, strict=True):
            text += word if join else " " + word
            if not join:
                gaps.append(gap)
        f.text, f.gaps = text, tuple(gaps)


#: Share of a run's tokens that are single letters for the run to be a word spelled out letter
#: by letter (CSS letter-spacing so wide that PDFium writes a space between every two letters).
_SPELLED = 0.75


def _letter_gaps(f: Frag, words: list[str]) -> list[bool]:
    """Which of a capitals run's spaces are letter-spacing. Where PDFium spaced every letter
    ("K E Y F I N D I N G S"), the spaces clearly narrower than the widest are (the word space is
    the letter-spacing plus a space: "KEY FINDINGS"), and a run of one word spaced evenly is one
    word ("C O P Y"); elsewhere, gaps under a fifth of the type size and well under the widest."""
    wide = max(f.gaps)
    if sum(len(w) == 1 and w.isalpha() for w in words) < _SPELLED * len(words):
        small = [g <= 0.2 * f.size and g <= _LETTER_RATIO * wide for g in f.gaps]
        return small if not all(small) else [False] * len(small)
    small = [g <= 0.6 * f.size and g <= 0.5 * wide for g in f.gaps]
    if not any(small) and wide <= 0.6 * f.size and wide <= 1.3 * min(f.gaps):
        return [True] * len(f.gaps)
    return small
