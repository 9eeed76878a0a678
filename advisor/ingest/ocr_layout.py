"""The layout of a scanned page: straightening it, finding its ruled tables, and putting
Tesseract's words back into paragraphs, headings and table rows.

Tesseract reads words well but not structure: a ruled table comes out with its rules read as
"|" and its wrapped cells as lines of their own, a wrapped sentence split where Tesseract saw two
blocks, a heading run into the paragraph above. Here the page is deskewed, long rules are found
in the pixels (a grid of them is a table: its cells are the rectangles between the rules) and
erased before OCR, and the words are then put in order: a word inside a grid goes to its cell,
other lines are joined into paragraphs by their geometry (same left edge, small gap, no sentence
end), and a short numbered or capitalised line alone starts a section.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageFilter

from .ocr_fills import invert_fills

#: Skews tried when straightening a page, in degrees (a scanner's feed rarely errs by more).
_ANGLES = [a / 10 for a in sorted(range(-30, 31), key=abs)]
_DARK = 140  # grey level below which a pixel is ink


@dataclass
class Word:
    text: str
    conf: float
    x0: int
    y0: int
    x1: int
    y1: int
    key: tuple[int, int, int] = (0, 0, 0)  # Tesseract's block, paragraph and line
    weight: float = 0.0  # its strokes' width in pixels (bold type's are wider), 0 if not measured


@dataclass
class Grid:
    """A ruled table: column edges `xs` and row edges `ys` (pixels), outer rules included."""

    xs: list[int]
    ys: list[int]
    ruled: bool = True  # False: found in the words' gaps (`ocr_gutters`), its rows by their lines

    def cell(self, w: Word) -> tuple[int, int] | None:
        cx, cy = (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2
        if not (self.xs[0] <= cx <= self.xs[-1] and self.ys[0] <= cy <= self.ys[-1]):
            return None
        row = max(i for i, y in enumerate(self.ys[:-1]) if y <= cy)
        col = max(j for j, x in enumerate(self.xs[:-1]) if x <= cx)
        return row, col


@dataclass
class Para:
    """One unit of a page: a paragraph (its lines), a heading line, or a table row (its cells,
    each a list of lines). `fields` holds the indexes of lines that open a field ("Owner: X")."""

    kind: str  # "text", "heading" or "row"
    lines: list[list[Word]] = field(default_factory=list)
    cells: list[list[list[Word]]] = field(default_factory=list)
    fields: list[int] = field(default_factory=list)

    @property
    def words(self) -> list[Word]:
        return [w for ln in self.lines for w in ln] + [w for c in self.cells for ln in c for w in ln]

    @property
    def top(self) -> int:
        return min((w.y0 for w in self.words), default=0)

    @property
    def bottom(self) -> int:
        return max((w.y1 for w in self.words), default=0)

    @property
    def x0(self) -> int:
        return min((w.x0 for w in self.words), default=0)

    @property
    def x1(self) -> int:
        return max((w.x1 for w in self.words), default=0)


def parse_tsv(tsv: str) -> list[Word]:
    """The words of Tesseract's TSV output, in its reading order."""
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        try:
            conf = float(row["conf"])
            x, y, w, h = (int(row[k]) for k in ("left", "top", "width", "height"))
            key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        except (TypeError, ValueError, KeyError):
            conf, x, y, w, h, key = 0.0, 0, 0, 1, 1, (0, 0, 0)
        words.append(Word(text, conf, x, y, x + w, y + h, key))
    return words


# -- the page image ------------------------------------------------------------------------


def straighten(image: Image.Image) -> Image.Image:
    """The page turned upright: the skew under which its rows of ink are sharpest (the
    projection profile of the ink, sheared by each angle tried)."""
    small = image.convert("L")
    small.thumbnail((800, 800))
    ys, xs = np.nonzero(np.asarray(small) < _DARK)
    if len(ys) < 50:
        return image

    def sharpness(angle: float) -> float:
        rows = np.bincount(np.round(ys + xs * np.tan(np.radians(angle)) + len(xs)).astype(np.int64) - len(xs) + 800)
        return float(np.sum(np.diff(rows.astype(np.float64)) ** 2))

    scores = {a: sharpness(a) for a in _ANGLES}
    angle = max(_ANGLES, key=lambda a: (scores[a], -abs(a)))
    if abs(angle) < 0.1 or scores[angle] <= scores[0.0] * 1.02:
        return image
    return image.rotate(-angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def _runs(line: np.ndarray, min_len: int, gap: int = 3) -> list[tuple[int, int]]:
    """Runs of ink at least `min_len` long along a row of pixels (gaps of `gap` bridged)."""
    idx = np.flatnonzero(line)
    if len(idx) < min_len:
        return []
    cuts = np.flatnonzero(np.diff(idx) > gap + 1)
    starts = np.concatenate(([idx[0]], idx[cuts + 1]))
    ends = np.concatenate((idx[cuts], [idx[-1]]))
    return [(int(a), int(b) + 1) for a, b in zip(starts, ends, strict=True) if b + 1 - a >= min_len]


def _rules(dark: np.ndarray, min_len: int) -> list[tuple[int, int, int, int]]:
    """Horizontal rules (y0, y1, x0, x1): long runs of ink in consecutive rows, thin."""
    thick = dark.copy()
    thick[1:] |= dark[:-1]
    thick[:-1] |= dark[1:]
    open_: list[list[int]] = []  # [y0, y1, x0, x1]
    done: list[list[int]] = []
    for y in range(thick.shape[0]):
        segs = _runs(thick[y], min_len)
        still = []
        for a, b in segs:
            hit = next((r for r in [*still, *open_] if _meets(r, y, a, b)), None)
            if hit is None:
                still.append([y, y + 1, a, b])
                continue
            hit[1], hit[2], hit[3] = y + 1, min(hit[2], a), max(hit[3], b)
            if all(hit is not s for s in still):
                still.append(hit)
        done += [r for r in open_ if all(r is not s for s in still)]
        open_ = still
    done += open_
    # a rule is thin; a block of ink (a photo, a redaction bar) is no rule
    return _mend_rules([(r[0], r[1], r[2], r[3]) for r in done if r[1] - r[0] <= 14])


def _mend_rules(rules: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Pieces of one rule a speck of white broke (dust on a scan, worse once blurred) joined
    again: pieces on the same height, the gap between them a few pixels, so each row's rule
    spans the table as its neighbours' do and the table keeps its rows."""
    out: list[list[int]] = []
    for y0, y1, x0, x1 in sorted(rules, key=lambda r: (r[2], r[0])):
        mid = (y0 + y1) / 2
        prev = next((r for r in out if abs((r[0] + r[1]) / 2 - mid) <= 3 and 0 <= x0 - r[3] <= _SPECK_GAP), None)
        if prev is None:
            out.append([y0, y1, x0, x1])
        else:
            prev[0], prev[1], prev[3] = min(prev[0], y0), max(prev[1], y1), max(prev[3], x1)
    return [(r[0], r[1], r[2], r[3]) for r in out]


_SPECK_GAP = 12  # pixels (at the OCR resolution): a break in a rule no wider than a speck of dust


def _meets(rule: list[int], y: int, a: int, b: int) -> bool:
    """A run of row `y` goes on with a rule reaching that row or the one above it (a slightly
    skewed rule steps from row to row), sharing most of the run's width."""
    return rule[1] in (y, y + 1) and min(b, rule[3]) - max(a, rule[2]) > 0.5 * min(b - a, rule[3] - rule[2])


def _grids(hrules: list[tuple[int, int, int, int]], vrules: list[tuple[int, int, int, int]], tol: int) -> list[Grid]:
    """Tables: three or more horizontal rules of one width, with the vertical rules between their
    ends running from the first to the last as column edges (none: the columns are found in the
    words, `columns`); the rows are the bands between. Rules of one width framed at their ends
    are as many tables as the frame has parts (two tables of a page's text width, one under the
    other, are two)."""
    grids = []
    rest = sorted(hrules)
    while rest:
        # the first rule's full width: its own, or a wider rule's it is a cut-short piece of
        first = max((r for r in rest if _same_width(rest[0], r, tol)), key=lambda r: (r[3] - r[2], -r[0]))
        group = [r for r in rest if _same_width(r, first, tol)]
        rest = [r for r in rest if r not in group]
        x0, x1 = first[2], first[3]
        for ys in _framed(_merge([(r[0] + r[1]) // 2 for r in group], tol), x0, x1, vrules, tol):
            if len(ys) < 3:
                continue
            inner = [
                (v[2] + v[3]) // 2
                for v in vrules
                if x0 + tol < (v[2] + v[3]) / 2 < x1 - tol and v[0] <= ys[0] + tol and v[1] >= ys[-1] - tol
            ]
            grids.append(Grid([x0, *_merge(inner, tol), x1], ys))
    return grids


def _same_width(r: tuple[int, int, int, int], first: tuple[int, int, int, int], tol: int) -> bool:
    """A rule as wide as `first`, or one starting or ending with it that a speck cut short
    (nine tenths of its width left): a row's rule of the same table."""
    if abs(r[2] - first[2]) <= tol and abs(r[3] - first[3]) <= tol:
        return True
    one_end = abs(r[2] - first[2]) <= tol or abs(r[3] - first[3]) <= tol
    inside = r[2] >= first[2] - tol and r[3] <= first[3] + tol
    return one_end and inside and r[3] - r[2] >= 0.9 * (first[3] - first[2])


def _framed(ys: list[int], x0: int, x1: int, vrules: list[tuple[int, int, int, int]], tol: int) -> list[list[int]]:
    """The rules `ys` (of one width, x0 to x1) cut at each band no vertical rule at either end
    joins that borders a framed table (two bands joined, or more): each part a table, a lone
    rule above or below one (under a running header) none. Rules with no frame, or framed only
    in part (a boxed header over rows ruled across), stay one table."""
    ends = [v for v in vrules if min(abs((v[2] + v[3]) / 2 - x0), abs((v[2] + v[3]) / 2 - x1)) <= tol]
    joined = [any(v[0] <= a + tol and v[1] >= b - tol for v in ends) for a, b in itertools.pairwise(ys)]

    def framed(band: range) -> bool:  # the bands in `band` are all joined, two at least
        return len(band) >= 2 and all(0 <= k < len(joined) and joined[k] for k in band)

    parts = [ys[:1]]
    for k, b in enumerate(ys[1:]):
        if not joined[k] and (framed(range(k - 2, k)) or framed(range(k + 1, k + 3))):
            parts.append([b])
        else:
            parts[-1].append(b)
    return parts


def columns(words: list[Word], grid: Grid) -> Grid | None:
    """The grid with column edges where a table ruled only across has none: in the middle of each
    wide gap no word inside the table crosses (wider than a line is high); None when the words
    leave no such gap (a box around a paragraph, not a table) or the bands are too tall for rows
    (a header row is short; a table ruled only above and below its header may have a long body).
    Rules above the table of the same width (a section heading's underline, the rule under a
    running head) are no part of it: leading bands too tall for a row, or whose words leave the
    columns no gap (a paragraph or a caption), are dropped."""
    if len(grid.xs) > 2:
        return grid
    inside = [w for w in words if grid.cell(w) is not None and not _RULE_TOKEN.match(w.text)]
    if len(inside) < 4:
        return None
    height = float(np.median([w.y1 - w.y0 for w in inside]))
    ys = list(grid.ys)
    while len(ys) > 3 and ys[1] - ys[0] > 8 * height:
        ys = ys[1:]
    while True:
        found = _edges(words, Grid(grid.xs, ys), height)
        if found is not None or len(ys) <= 3:
            return found
        ys = ys[1:]


def _edges(words: list[Word], grid: Grid, height: float) -> Grid | None:
    """`columns` for the grid as it stands."""
    inside = [w for w in words if grid.cell(w) is not None and not _RULE_TOKEN.match(w.text)]
    if len(inside) < 4:
        return None
    x0 = min(w.x0 for w in inside)
    cover = np.zeros(max(w.x1 for w in inside) - x0 + 1, dtype=bool)
    for w in inside:
        cover[w.x0 - x0 : w.x1 - x0] = True
    bands = [b - a for a, b in itertools.pairwise(grid.ys)]
    if bands[0] > 5 * height or (len(bands) > 2 and max(bands) > 8 * height):
        return None  # rules between parts of a page (under a letterhead, over a footer), not rows
    edges = [x0 + (a + b) // 2 for a, b in _runs(~cover, max(8, int(1.2 * height)), gap=0)]
    return Grid([grid.xs[0], *edges, grid.xs[-1]], grid.ys) if edges else None


def table_grids(words: list[Word], grids: list[Grid]) -> list[Grid]:
    """The ruled tables with their columns (`columns`), boxes round text left out."""
    return [g for g in (columns(words, grid) for grid in grids) if g is not None]


def stroke_weights(image: Image.Image, words: list[Word]) -> None:
    """Each word's stroke width (`Word.weight`): its ink's mean run along a row of pixels, about
    the width of an upright stroke; bold type's is wider than the body's at the same size."""
    dark = np.asarray(image.convert("L")) < _DARK
    for w in words:
        box = dark[max(0, w.y0) : max(0, w.y1), max(0, w.x0) : max(0, w.x1)]
        runs = int(np.count_nonzero(np.diff(box.astype(np.int8), axis=1, prepend=0) == 1))
        w.weight = float(box.sum()) / runs if runs else 0.0


def _merge(values: list[int], tol: int) -> list[int]:
    out: list[int] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def prepare(image: Image.Image, scale: float = 1.0) -> tuple[Image.Image, list[Grid]]:
    """The page straightened with its rules erased (so OCR reads no "|" and sees each cell's
    words) and its specks cleared (`despeckle`; `scale`: render pixels per scan pixel), and the
    ruled tables found on it."""
    gray, bands = invert_fills(np.asarray(straighten(image.convert("L"))), _DARK)
    image = Image.fromarray(gray)
    dark, light = gray < _DARK, gray < _MARK
    height, width = dark.shape
    # a light grey rule (a table's row rules, printed thin and pale) is long where no word is
    hrules = _rules(dark, max(60, width // 12)) + _rules(light, max(120, width // 5)) + bands
    vrules = [(y0, y1, x0, x1) for x0, x1, y0, y1 in _rules(dark.T, max(60, height // 40))]
    vrules += [(y0, y1, x0, x1) for x0, x1, y0, y1 in _rules(light.T, max(120, height // 20))]
    tol = max(6, width // 120)
    grids = _grids(hrules, vrules, tol)
    if not hrules and not vrules:
        return despeckle(image, scale), grids
    out = np.asarray(image).copy()
    for y0, y1, x0, x1 in hrules:
        out[max(0, y0 - 4) : y1 + 4, max(0, x0 - 4) : x1 + 4] = 255
    for y0, y1, x0, x1 in vrules:
        out[max(0, y0 - 4) : y1 + 4, max(0, x0 - 4) : x1 + 4] = 255
    return despeckle(Image.fromarray(out), scale), grids


_MARK = 180  # grey level below which a pixel is a visible mark (a blurred speck is grey)
_SPECK_PX = 8  # marked pixels a speck holds at most, alone in its 9x9 window (a full stop holds more)
_SPECKLED = 0.00005  # share of a page's pixels in specks that makes it speckled


def speckled(image: Image.Image) -> float:
    """The share of the page's pixels in isolated specks: marks of a few pixels with no other
    mark within four pixels (dust, or a scanner's salt-and-pepper noise; text's dots touch
    their letters' reach)."""
    marked = np.asarray(image.convert("L")) < _MARK
    c = np.pad(marked.astype(np.int32), ((5, 4), (5, 4))).cumsum(0).cumsum(1)
    near = c[9:, 9:] - c[:-9, 9:] - c[9:, :-9] + c[:-9, :-9]  # marked pixels in each 9x9 window
    return float(np.count_nonzero(marked & (near <= _SPECK_PX))) / marked.size


def despeckle(image: Image.Image, scale: float = 1.0) -> Image.Image:
    """The page with its specks cleared by a median filter when it is speckled: a speck in a
    letter's reach makes Tesseract read a mark or split the word ("[unclear: ;]"). Applied after
    the rules were found and erased (the filter would erase a thin rule too), and to a speckled
    page only: on a clean page it costs a word now and then. The filter is 3x3 at the scan's
    own resolution: 5x5 when the page is rendered at `scale` 1.3 times that or more (a 150 dpi
    scan read at 250 dpi, its specks grown to 3 pixels)."""
    if speckled(image) < _SPECKLED:
        return image
    return image.filter(ImageFilter.MedianFilter(5 if scale >= 1.3 else 3))


# -- the words in order ----------------------------------------------------------------------

_RULE_TOKEN = re.compile(r"^[|_¦\[\]]+$")  # a rule's remnant OCR read as a character
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|[IVX]{1,5}\.)$")
_TOP = re.compile(r"^(?:article|chapter|part|section|appendix|annex|schedule)$", re.I)
_FIELD = re.compile(r"^[A-Z][\w/&()'-]*(?:\s+[\w/&()'-]+){0,4}:(?:\s|$)")
_LIST = re.compile(r"^(?:[•▪●◦■□·*–-]|\(?[a-z0-9]{1,3}[.)])$")
_SMALL = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "&", "-"}


def line_text(line: list[Word]) -> str:
    return " ".join(w.text for w in line)


def numbered(words: list[str]) -> int:
    """The depth of a heading's number ("4." 1, "4.2" 2, "Article IV" 1); 0 without one."""
    if len(words) >= 2 and _TOP.match(words[0]):
        return 1 + words[1].count(".") if words[1][:1].isdigit() else 1
    if words and _NUMBER.match(words[0]):
        return words[0].rstrip(".").count(".") + 1
    return 0


_NO_DESCENDER = re.compile(r"[A-Za-z0-9]*[A-Zbdfhklt0-9][A-Za-z0-9]*[.,:]?")
_DESCENDER = re.compile(r"[gjpqyQ,;]")


def cap_height(w: Word) -> int | None:
    """A word's height when it has capitals or ascenders and no descender (its type size, read
    the same way for every such word); None for others."""
    return w.y1 - w.y0 if _NO_DESCENDER.fullmatch(w.text) and not _DESCENDER.search(w.text) else None


def _larger(line: list[Word], body: float) -> bool:
    """The line is set in larger type than the page's body text."""
    heights = sorted(h for w in line if (h := cap_height(w)) is not None)
    return bool(heights) and body > 0 and heights[len(heights) // 2] >= 1.2 * body


def heading_line(
    line: list[Word], width: int, first: bool = True, body: float = 0.0, weight: float = 0.0, parent: bool = False
) -> bool:
    """A line alone that starts a section: short, read with confidence, not a sentence, and
    set in capitals ("2. SCOPE", "DRIFT RESPONSE LEVELS") or numbered in title case
    ("3. Definitions"), or numbered and in bold type (its strokes wider than the body's
    `weight`) or numbering the lines under it (`parent`: "4.3 Contract approval" over "4.3.1
    ...") in sentence case; inside a paragraph, never a line as wide as the text (capitals
    running through a paragraph). Capitals may end with a colon ("PURPOSE:"). An unnumbered
    line in larger type than the page's `body` text starts one too."""
    words = [w.text for w in line]
    colon = words[-1].endswith(":") and len(words[-1]) > 1
    if colon:
        words[-1] = words[-1][:-1]
    text = " ".join(words)
    if not 1 <= len(words) <= 14 or any(w.conf < 80 for w in line) or _SENTENCE_END.search(text):
        return False
    if text.count("(") != text.count(")"):
        return False  # a fragment of a wrapped cell or sentence ("Risk readmission)")
    if not first and width and line[-1].x1 - line[0].x0 > 0.75 * width:
        return False
    depth = numbered(words)
    rest = words[2 if depth and _TOP.match(words[0]) else 1 if depth else 0 :]  # after the number
    letters = "".join(c for c in " ".join(rest) if c.isalpha())
    if letters.isupper() and ((len(letters) >= 6 and (len(words) >= 2 or colon)) or (depth and len(letters) >= 3)):
        return True
    if colon:
        return False  # a label ("Note:"), not a heading
    titled = all(w[:1].isupper() or w.lower() in _SMALL or not w[:1].isalpha() for w in rest)
    if bool(depth) and 1 <= len(rest) <= 8 and titled and len(letters) >= 3:
        return True
    sentence_case = bool(rest) and rest[0][:1].isupper() and len(rest) <= 10 and len(letters) >= 3
    if depth and sentence_case and (parent or bold(line, weight)):
        return True
    # an unnumbered line in larger type than the body ("Tool performance"), or all in bold
    # ("Approval"; a bold label before a value in body type is no heading), alone on its line
    short = first and len(words) <= 10 and words[0][:1].isupper() and len(letters) >= 3
    return short and (_larger(line, body) or (len(words) <= 8 and all(bold([w], weight) for w in line)))


def bold(line: list[Word], weight: float) -> bool:
    """The line is set in bold: its strokes are clearly wider than the body text's (`weight`)."""
    weights = sorted(w.weight for w in line if w.weight > 0)
    return bool(weights) and weight > 0 and weights[len(weights) // 2] >= 1.3 * weight


def _parent(line: list[Word], nxt: list[Word] | None) -> bool:
    """The next line's number is under this line's ("4.3" over "4.3.1"): this line heads it."""
    if nxt is None or not line or not _NUMBER.match(line[0].text) or not _NUMBER.match(nxt[0].text):
        return False
    return nxt[0].text.startswith(line[0].text.rstrip(".") + ".") and nxt[0].text.rstrip(".") != line[0].text.rstrip(
        "."
    )


def _below(prev: list[Word], line: list[Word]) -> bool:
    """The line starts at the same left edge right under `prev` (the next line of its block)."""
    height = max(1, max(w.y1 - w.y0 for w in prev))
    gap = min(w.y0 for w in line) - max(w.y1 for w in prev)
    return abs(line[0].x0 - prev[0].x0) <= 0.8 * height and -0.3 * height <= gap <= 1.0 * height


def _continues(cur: Para, line: list[Word], same_par: bool) -> bool:
    """The line goes on with the paragraph: Tesseract put it in the same paragraph, or it
    starts at the same left edge right under a line that ends mid-sentence (a wrapped sentence
    Tesseract cut into two blocks), or it is the next field of a form ("Owner: X")."""
    prev = cur.lines[-1]
    item = _NUMBER.match(line[0].text) or _LIST.match(line[0].text)
    if same_par:
        return not (item and _SENTENCE_END.search(prev[-1].text))  # "3.2 Drift: ..." after "3.1 ... go-live."
    if not _below(prev, line):
        return False
    if _FIELD.match(line_text(line)):
        return bool(cur.fields)
    return not _SENTENCE_END.search(prev[-1].text) and not item


def page_paras(words: list[Word], grids: list[Grid], width: int) -> list[Para]:
    """The page's units in reading order: each grid's rows where its first word came, the other
    lines as headings and paragraphs."""
    grids = table_grids(words, grids)
    lines: dict[tuple[int, int, int], list[Word]] = {}
    rows: dict[int, dict[int, dict[int, list[Word]]]] = {}  # grid -> row -> column -> words
    order: list[tuple[str, object]] = []
    for w in words:
        found = next(((g, c) for g, grid in enumerate(grids) if (c := grid.cell(w)) is not None), None)
        if found is not None:
            g, (r, c) = found
            if not _RULE_TOKEN.match(w.text):
                if g not in rows:
                    rows[g] = {}
                    order.append(("grid", g))
                rows[g].setdefault(r, {}).setdefault(c, []).append(w)
            continue
        if w.key not in lines:
            lines[w.key] = []
            order.append(("line", w.key))
        lines[w.key].append(w)
    text_width = max((ln[-1].x1 - ln[0].x0 for ln in lines.values()), default=width)
    sizes = sorted(h for ln in lines.values() for w in ln if (h := cap_height(w)) is not None)
    body = float(sizes[len(sizes) // 2]) if len(sizes) >= 20 else 0.0  # the body text's size
    weights = sorted(w.weight for ln in lines.values() for w in ln if w.weight > 0)
    weight = weights[len(weights) // 2] if len(weights) >= 20 else 0.0  # the body text's strokes
    following = [lines[ref] if kind == "line" else None for kind, ref in order[1:]] + [None]  # type: ignore[index]
    out: list[Para] = []
    cur: Para | None = None
    last_key: tuple[int, int, int] | None = None
    for (kind, ref), nxt in zip(order, following, strict=True):
        if kind == "grid":
            assert isinstance(ref, int)
            grid = grids[ref]
            for r in sorted(rows[ref]):
                out += _rows(rows[ref][r], len(grid.xs) - 1, grid.ruled and len(grid.ys) == 3)
            cur = last_key = None
            continue
        assert isinstance(ref, tuple)
        line = lines[ref]
        same = last_key is not None and last_key[:2] == ref[:2]
        if heading_line(line, text_width, not same, body, weight, _parent(line, nxt)):
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "heading" and cur is None and last_key and last_key[:2] == ref[:2]:
                prev.lines.append(line)  # a heading wrapped over two lines
            else:
                out.append(Para("heading", [line]))
            cur, last_key = None, ref
            continue
        if cur is not None and _continues(cur, line, same):
            if cur.fields and _FIELD.match(line_text(line)):
                cur.fields.append(len(cur.lines))  # a form's next field: a line of its own
            cur.lines.append(line)
        else:
            cur = Para("text", [line], fields=[0] if _FIELD.match(line_text(line)) else [])
            out.append(cur)
        last_key = ref
    return out


def _rows(cells: dict[int, list[Word]], ncols: int, open_body: bool) -> list[Para]:
    """A band's table row: each cell's words in lines (a wrapped cell reads top to bottom); a
    cell's line is what Tesseract read as one line, its words left to right. In a table ruled
    only above and below its header (`open_body`), a band whose every cell has the same lines,
    side by side, holds one row per line."""
    out = []
    for c in range(ncols):
        by_line: dict[tuple[int, int, int], list[Word]] = {}
        for w in cells.get(c, []):
            by_line.setdefault(w.key, []).append(w)
        ordered = sorted(by_line.values(), key=_mid)
        out.append([sorted(ln, key=lambda w: w.x0) for ln in ordered])
    n = len(out[0])
    if open_body and n >= 2 and ncols >= 2 and all(len(c) == n for c in out):
        height = float(np.median([w.y1 - w.y0 for c in out for ln in c for w in ln]))
        if all(abs(_mid(c[i]) - _mid(out[0][i])) < 0.6 * height for c in out for i in range(n)):
            return [Para("row", cells=[[c[i]] for c in out]) for i in range(n)]
    return [Para("row", cells=out)]


def _mid(line: list[Word]) -> float:
    return sorted((w.y0 + w.y1) / 2 for w in line)[len(line) // 2]
