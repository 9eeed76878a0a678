"""Page layout from positioned fragments: lines into boxes (paragraphs, cells, columns), boxes
into reading order, and side-by-side short boxes into table rows.

A margin's line numbers are dropped (:mod:`.pdf_linenos`) and a justified line's widely spaced
words joined into one fragment (:mod:`.pdf_spacing`). Boxes grow in content-stream order: a fragment continues the box whose last line sits right
above it, in the same column, in the same style, with no ruling line in between. That keeps a
narrow table cell's wrapped lines together even when the neighbouring cell's lines sit on the
same baselines. Boxes are then ordered by recursive XY cuts: bands top to bottom; a band whose
boxes sit side by side is either a table row (short cells) or columns (read one after another)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from enum import StrEnum

from .pdf_boxes import Box, Line, label_only, pair_fields
from .pdf_chars import Frag, Page
from .pdf_columns import continued_rows, split_columns
from .pdf_frames import callouts, frames, frames_apart
from .pdf_furniture import FIGURE
from .pdf_hanging import CLAUSE_NO, hang_labels
from .pdf_linenos import drop_line_numbers
from .pdf_lists import BULLET_SIGNS, ends_list, goes_on, reference_wrapped
from .pdf_rows import cell_lines, figure_rows, line_rows, shared_baselines, sub_rows, top_aligned
from .pdf_rows import extent as _extent
from .pdf_rows import group as _group
from .pdf_rows import spans as _spans
from .pdf_rules import edge_between
from .pdf_spacing import REACH, close_letter_spacing, join_spaced_words

_MARKER = re.compile(rf"^(?:[{BULLET_SIGNS}\-]|\(?\d{{1,3}}[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{{1,4}}[.)])$")
_ITEM_START = re.compile(rf"^(?:[{BULLET_SIGNS}\-]|\(?\d{{1,3}}[.)]|\(?[a-z][.)]|\([A-Z]\))\s")
#: A heading's number or label alone ("4", "2.1", "Annex A", "Article IV"), its title set further along.
_HEADING_NO = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|(?:annex|appendix|article|section|chapter|part|schedule)\s+(?:[A-Z]|[IVXLC]+|\d{1,2}))$",
    re.I,
)
_END = re.compile(r"[.!?:;][\"'”’)\]]?(?:\s*\([A-Z0-9]{1,3}\))*$")  # badges may close it: "... changes. (D) (S)"
_OPEN = re.compile(
    r"(?:,|\b(?:the|a|an|of|to|by|for|in|on|with|from|and|or|that|its|their|under|as))$", re.I
)  # goes on
# a numbered clause ("4.2.4 A high-risk ...", a checklist's "C3. The ...") or a note opening with its superscript mark ("¹ Cases ...")
_CLAUSE = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+|[A-Z]{1,2}\d{1,2}(?:\.\d{1,2})*\.\s+|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,3}\s*)[A-Z(]"
)
# a line opening with a field's label, when the font does not say which words are bold (Type 3
# fonts): up to eight words, the first capitalised, then ":" and the value ("Release Date: May 2022")
_TEXT_LABEL = re.compile(
    r"^(?:[•▪●◦■\-–*]\s*)?[A-Z][\w/()&,'’-]*(?: [\w/()&,'’-]+){0,7}:\s+\S"
    r"|^[A-Z][\w/()&'’-]*(?: [\w/()&'’-]+){0,3}:$"  # a short label alone, its value on the lines below
)
LEAD = 1.95  # baselines further apart than this many font sizes start a new box
#: A table's note or source line ("Note: ...", "Sources. ...", "* Figures are estimates", "¹ Pilot
#: sites only"): set under the last row, it is no line of that row's cell.
NOTE_LABEL = re.compile(r"^(?:notes?|sources?|data sources?)\s*[:.](?:\s|$)", re.I)
NOTE_MARK = re.compile(r"^(?:[*\u2020\u2021\u00a7]|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,2})(?:\s*[A-Z(]|$)")


class ItemKind(StrEnum):
    TEXT = "text"
    HEADING = "heading"
    TABLE_ROW = "table_row"


@dataclass
class Item:
    """A unit of page content in reading order: paragraphs of lines, or a table row's cells."""

    kind: ItemKind
    paragraphs: list[list[Line]] = field(default_factory=list)
    cells: list[list[Line]] = field(default_factory=list)
    hidden: str = ""
    size: float = 0.0
    bold: bool = False
    top: float = 0.0
    bottom: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    frame: int = 0  # the call-out box it is read in (:func:`.pdf_frames.callouts`), 0 outside any


#: A numbered subsection's heading: "2.1 Setting and population".
_SUBHEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z]")


def _light(color: tuple[int, int, int]) -> bool:
    return min(color) >= 235


def _frag_line(f: Frag) -> Line:
    return Line(f.text, f.x0, f.x1, f.top + 0.8 * f.size, f.size, f.bold, f.color, f.hidden, f.label, f.mono)


def _label_goes_on(last: Line, f: Frag) -> bool:
    """A long label wrapped onto the next line ("... settings and use" / "cases: The system ..."): a
    wide bold line stopping on a lowercase word, or on a comma ("Advice 4.1 (firm,"), then a label line."""
    wide = last.x1 - last.x0 >= 0.6 * (f.x1 - f.x0)
    # a bold line stopping on a comma is unfinished however short: no heading ends so
    goes_on = (wide and bool(re.search(r"\b[a-z]+$", last.text))) or bool(re.search(r"\w,$", last.text))
    return last.bold and f.label and goes_on


def _note_line(box: Box, f: Frag) -> bool:
    """A note or source line under a box starts a box of its own: "Note:" or "Source:" opening it,
    or a note mark ("*", "¹") set smaller than the line above or running well past the box's right
    edge. A list's "* item" under its item in the same type goes on with the list."""
    last = box.lines[-1]
    if NOTE_LABEL.match(f.text):
        return f.size <= last.size + 0.05 * last.size
    if not NOTE_MARK.match(f.text):
        return False
    return f.size < last.size - 0.05 * last.size or f.x1 > box.x1 + 4.0 * last.size


def line_pitch(frags: list[Frag]) -> float:
    """The page's usual distance between the baselines of a paragraph's lines (0 when unknown)."""
    counts: dict[int, int] = {}
    for a, b in itertools.pairwise(frags):
        dy = (b.top + 0.8 * b.size) - (a.top + 0.8 * a.size)
        if abs(a.x0 - b.x0) < 2 and a.size == b.size and 0.6 * a.size < dy < 3.0 * a.size:
            counts[round(dy)] = counts.get(round(dy), 0) + 1
    if not counts:
        return 0.0
    pitch, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
    return float(pitch) if n >= 3 else 0.0


class _Builder:
    def __init__(self, page: Page, pitch: float = 0.0):
        self.page = page
        self.pitch = pitch
        self.boxes: list[Box] = []
        self.edges = page.edges  # found while the page was read, from the same rules
        self.last: Line | None = None  # the line the previous fragment went to

    def add(self, f: Frag) -> None:
        if self.boxes and self._same_line(self.boxes[-1].lines[-1], f):
            self._extend(self.boxes[-1].lines[-1], f)
            self.last = self.boxes[-1].lines[-1]
            return
        if (line := self._past_margin_number(f)) is not None:  # the previous fragment's line goes on
            self._extend(line, f)
            return
        for box in reversed(self.boxes[-40:]):
            if self._below(box, f):
                box.lines.append(_frag_line(f))
                self.last = box.lines[-1]
                return
        self.boxes.append(Box([_frag_line(f)]))
        self.last = self.boxes[-1].lines[-1]

    def _same_line(self, ln: Line, f: Frag) -> bool:
        size = max(ln.size, f.size)
        if f.hidden != ln.hidden or abs(f.top + 0.8 * f.size - ln.base) > 0.5 * size:
            return False
        gap = f.x0 - ln.x1
        # a list marker, or a heading's number set apart from its title ("4" ... "Data, equity",
        # "Annex A" ... "Checklist": a justified line's stretched gap), goes on with what follows
        number = ln.bold and f.bold and abs(f.size - ln.size) <= 0.05 * size and bool(_HEADING_NO.match(ln.text))
        reach = 3.0 * size if _MARKER.match(ln.text) or number else REACH * size
        return (
            -0.3 * size <= gap <= reach
            and not self._vrule_between(ln.x1, f.x0, ln.base)
            and not (self.edges and edge_between(self.edges, ln.x1, f.x0, ln.base, size))
        )

    def _past_margin_number(self, f: Frag) -> Line | None:
        """The line the previous fragment joined in an earlier box, when f goes on with it past the
        newer box of a clause number set in the margin (the line broken where a raised note mark
        was left out); None otherwise."""
        last, tail = self.last, self.boxes[-1].lines[-1] if self.boxes else None
        if last is None or tail is None or tail is last or len(self.boxes[-1].lines) != 1:
            return None
        on = bool(CLAUSE_NO.match(tail.text.strip())) and tail.x1 <= last.x0 and self._same_line(last, f)
        return last if on else None

    @staticmethod
    def _extend(ln: Line, f: Frag) -> None:
        # a bold label then its value in regular type: a field, styled as its value
        labelled = label_only(ln) and not f.bold and not ln.label
        bold_weight = len(ln.text) * ln.bold + len(f.text) * f.bold
        ln.text = f"{ln.text} {f.text}"
        ln.bold = not labelled and not ln.label and bold_weight * 2 > len(ln.text)
        ln.label = ln.label or labelled
        ln.x1 = max(ln.x1, f.x1)
        if len(ln.text) - len(f.text) <= 7 and f.size > ln.size:
            # a small mark or label opening the line (a footnote's raised number, "EP 12"): the line is the text's size
            ln.size, ln.base = f.size, f.top + 0.8 * f.size

    def _below(self, box: Box, f: Frag) -> bool:
        last = box.lines[-1]
        size = max(last.size, f.size)
        base = f.top + 0.8 * f.size
        dy = base - last.base
        # generous leading (tables often set lines 2 sizes apart) raises the limit with the page's
        # pitch; a sentence that plainly goes on (no full stop, next line lowercase) may gap more
        reach = max(LEAD * size, 1.3 * self.pitch)
        # (a lone smaller letter is a note's raised mark opening the note below, not a word going on)
        mark = len(f.text.strip()) == 1 and f.size < last.size - 0.05 * size
        # ("(c) of section 44-2902" under "... paragraph (2) of subsection" goes on as a lower-case word would)
        goes_on = (
            not _END.search(last.text) and (f.text[:1].islower() or reference_wrapped(last.text, f.text)) and not mark
        )
        opened = goes_on or (f.bold == last.bold and bool(_OPEN.search(last.text)))  # "... by the" / "Varrowmark"
        if goes_on:
            reach = max(reach, 2.6 * size)
        if f.hidden != last.hidden or not 0.6 * size <= dy <= reach:
            return False
        # a link's colour does not end a paragraph; light text on a banner does; a label's value
        # goes on below it in regular type
        value = (label_only(last) and not f.bold) or _label_goes_on(last, f)
        # a sentence set bold on its first line goes on in regular type ("... a plain-language
        # register of" over "every AI tool used in patient care"): one paragraph
        if abs(f.size - last.size) > 0.12 * size or (f.bold != last.bold and not value and not goes_on):
            return False
        if last.bold and f.bold and f.size < last.size - 0.05 * size and _SUBHEADING.match(f.text):
            return False  # "2.1 Setting" in smaller type under "2. METHODS": a heading of its own
        if _note_line(box, f):
            return False
        if _light(f.color) != _light(last.color):
            return False
        # an item indented with spaces wraps to the margin: a lowercase line going on with an
        # unfinished item line above it, and reaching well into the box (not a column to its
        # left), is the same paragraph
        left = box.x0 - 1.0 * size
        if opened and _ITEM_START.match(last.text) and (f.x1 > box.x0 + 4.0 * size or goes_on):
            # (however short: "(1) Surgery on the wrong body part or the wrong" over "patient;")
            left = box.x0 - 8.0 * size
        elif goes_on and f.x1 > box.x0 + 20.0 * size:
            # a paragraph whose first line is indented ("44-2231. Serious adverse events. (a) A
            # health care" over "facility shall report ..." at the margin): a full line going on
            left = box.x0 - 4.0 * size
        # a centred paragraph's last line, shorter, under the long line it goes on from (a cover's
        # or a call-out's statement)
        centred = (
            goes_on
            and last.x1 - last.x0 >= 20.0 * size
            and abs((f.x0 + f.x1) - (last.x0 + last.x1)) <= 2.0 * size
            and f.x1 - f.x0 < last.x1 - last.x0
        )
        # an item's next line hung under its text, right of its label ("(h) the number ... 12" over "months.")
        hanging = goes_on and _ITEM_START.match(last.text) and last.x0 < f.x0 <= last.x0 + 4.0 * size
        # and its lines after the second, set where the one above is ("... documented in the
        # patient's record" over "within 24 hours.")
        hanging = hanging or (goes_on and abs(f.x0 - last.x0) <= 0.5 * size and last.x0 > box.x0 + 0.5 * size)
        if not (left <= f.x0 <= box.x0 + 4.0 * size and f.x0 < last.x1) and not centred and not hanging:
            return False
        return not self._hrule_between(last.base + 0.3 * last.size, f.top + 0.1 * size, f.x0, f.x1)

    def _hrule_between(self, y0: float, y1: float, x0: float, x1: float) -> bool:
        """A ruling line between y0 and y1 under most of [x0, x1] (a border drawn cell by cell adds up)."""
        covered: dict[float, float] = {}
        for y, a, b in self.page.hrules:
            if y0 < y < y1 and min(x1, b) > max(x0, a):
                covered[round(y * 2)] = covered.get(round(y * 2), 0.0) + min(x1, b) - max(x0, a)
        return any(c > 0.5 * max(x1 - x0, 1.0) for c in covered.values())

    def _vrule_between(self, x0: float, x1: float, base: float) -> bool:
        return any(x0 < x < x1 and top <= base <= bottom for x, top, bottom in self.page.vrules)


def _mark_drawn_bullets(frags: list[Frag], dots: list[tuple[float, float, float, float]]) -> None:
    """A list bullet drawn as a shape (a browser's disc) becomes a "•" before the fragment just right of it."""
    for x0, top, x1, bottom in dots:
        mid = (top + bottom) / 2
        beside = [
            f
            for f in frags
            if f.top <= mid <= f.bottom and x1 <= f.x0 <= x1 + 2.5 * f.size and (x1 - x0) <= 0.6 * f.size
        ]
        first = min(beside, key=lambda f: f.x0, default=None)
        # a bulleted field ("Release Date: June 2024", a bold label wrapped over two lines) stays a
        # field: its label says what it is
        field_ = first is not None and (first.label or first.bold or _TEXT_LABEL.match(first.text))
        if first is not None and not (field_ or _ITEM_START.match(first.text)):
            first.text = "• " + first.text


def build_boxes(page: Page) -> list[Box]:
    """Fragments grouped into boxes (a paragraph, list, cell or column piece each)."""
    close_letter_spacing(page.frags)
    frags = join_spaced_words(page, drop_line_numbers(sorted(page.frags, key=lambda f: f.seq), page.height))
    if page.dots:
        _mark_drawn_bullets(frags, page.dots)
    builder = _Builder(page, line_pitch(frags))
    for f in frags:
        builder.add(f)
    return pair_fields(hang_labels(_attach_page_refs(builder.boxes)))


_PAGE_REF = re.compile(r"^\d{1,3}$")
#: joins an entry to its page number where the contents list printed no leader (never indexed:
#: the line then reads as a table-of-contents line and its page is recognised as one)
TOC_JOIN = " … "


def _attach_page_refs(boxes: list[Box]) -> list[Box]:
    """A contents list set without leaders, its page numbers right-aligned in a column of their
    own: each number goes back onto the entry on its baseline ("1.1 Scope … 4"), so the entry
    reads as a table-of-contents line instead of the titles running on as one paragraph."""
    for numbers in [b for b in boxes if len(b.lines) >= 4 and all(_PAGE_REF.match(ln.text) for ln in b.lines)]:
        values = [int(ln.text) for ln in numbers.lines]
        if values != sorted(values):
            continue  # page references run in order; a column of counts need not
        entries = [ln for b in boxes if b is not numbers for ln in b.lines if ln.x1 < numbers.x0]
        pairs = []
        for n in numbers.lines:
            same = [ln for ln in entries if abs(ln.base - n.base) <= 0.3 * n.size]
            if same:
                pairs.append((max(same, key=lambda ln: ln.x1), n))
        if len(pairs) < 0.8 * len(numbers.lines):
            continue
        for entry, n in pairs:
            entry.text = f"{entry.text}{TOC_JOIN}{n.text}"
        numbers.lines = [n for n in numbers.lines if all(n is not m for _, m in pairs)]
    return [b for b in boxes if b.lines]


def paragraphs(box: Box) -> list[list[Line]]:
    """A box's lines split into paragraphs: at list markers, indents and short finished lines."""
    out: list[list[Line]] = []
    right = box.x1
    for ln in box.lines:
        # a textual label starts a field where fields are listed or the line before is finished
        if not ln.label and _TEXT_LABEL.match(ln.text) and "://" not in ln.text.split(":", 1)[0] + ":/":
            ln.label = not out or is_field(out[-1]) or bool(_END.search(out[-1][-1].text))
        if out:
            prev = out[-1][-1]
            ended = bool(_END.search(prev.text))
            short = prev.x1 < right - 2.5 * prev.size
            indented = ln.x0 > prev.x0 + 0.9 * ln.size and not _ITEM_START.match(out[-1][0].text)
            label = ln.label and not prev.bold  # not the second line of a wrapped label
            entry = TOC_JOIN in prev.text and prev.text.rsplit(TOC_JOIN, 1)[-1].isdigit()  # a contents line
            item = bool(_ITEM_START.match(ln.text)) and not goes_on([x.text for x in out[-1]], ln.text, ended)
            # a numbered clause or a note at the margin after a finished line
            clause = ended and bool(_CLAUSE.match(ln.text)) and ln.x0 <= box.x0 + 0.5 * ln.size
            # a table's notes one a line ("* Estimates." over "† Counted ...")
            note = ended and bool(NOTE_MARK.match(ln.text) or NOTE_LABEL.match(ln.text))
            outdent = ends_list(out[-1], ln) if _ITEM_START.match(out[-1][0].text) else False
            if not (item or label or entry or clause or note or outdent or (ended and (short or indented))):
                out[-1].append(ln)
                continue
        out.append([ln])
    return out


def is_field(para: list[Line]) -> bool:
    """Does a paragraph open with a field's label ("Version: 2.0"), possibly wrapped onto its second line?"""
    return para[0].label or (len(para) > 1 and para[0].bold and para[1].label)


def _is_table_row(strips: list[list[Box]], region_width: float) -> bool:
    """Side-by-side strips are a table row unless they read as columns of running text."""
    if _flows_on(strips, region_width):
        return False
    lines = [sum(len(b.lines) for b in s) for s in strips]
    widths = [max(b.x1 for b in s) - min(b.x0 for b in s) for s in strips]
    columns = all(w >= 0.25 * region_width for w in widths) and sum(n >= 8 for n in lines) >= 2
    return not columns and (max(lines) <= 12 or shared_baselines(strips) or top_aligned(strips))


def _flows_on(strips: list[list[Box]], region_width: float) -> bool:
    """Two columns of running text, the left's full last line going on in the right's first in lower
    case: a two-column section's last lines, carried to the top of the next page, not a table's row."""
    if len(strips) != 2:
        return False
    (a0, a1), (b0, b1) = (_extent(s) for s in strips)
    left = [ln for b in sorted(strips[0], key=lambda b: b.top) for ln in b.lines]
    right = [ln for b in sorted(strips[1], key=lambda b: b.top) for ln in b.lines]
    narrow, wide = sorted((a1 - a0, b1 - b0))
    return (
        narrow >= 0.8 * wide
        and narrow >= 0.35 * region_width
        and left[-1].x1 >= a1 - 2.0 * left[-1].size
        and not re.search(r"[.:;!?)”\"]$", left[-1].text.strip())
        and bool(re.match(r"[a-z]", right[0].text.strip()))
    )


def _same_columns(a: list[list[Box]], b: list[list[Box]]) -> bool:
    """Two bands' strips sit in the same columns, each about as wide as its counterpart, or each
    narrower one starting at its column's left edge (the headings that open two columns)."""
    if len(a) != len(b):
        return False
    headings = all(abs(_extent(sa)[0] - _extent(sb)[0]) <= 3 for sa, sb in zip(a, b, strict=True))
    for sa, sb in zip(a, b, strict=True):
        (a0, a1), (b0, b1) = _extent(sa), _extent(sb)
        narrow, wide = sorted((a1 - a0, b1 - b0))
        if (narrow < 0.5 * wide and not headings) or min(a1, b1) - max(a0, b0) < 0.5 * narrow:
            return False
    return True


def _text_columns(run: list[list[list[Box]]], hrules: list[tuple[float, float, float]]) -> bool:
    """Consecutive bands of side-by-side strips that are columns of running text, not table rows: two
    strips of about equal width, many lines each, most of them full, no field labels ("Test Type: ...")
    and no ruling line between the bands (a page in two columns whose paragraph gaps line up)."""
    n = len(run[0])
    cols = [[b for strips in run for b in strips[i]] for i in range(n)]
    left, right = min(_extent(c)[0] for c in cols), max(_extent(c)[1] for c in cols)
    widths = [_extent(c)[1] - _extent(c)[0] for c in cols]
    if n != 2 or min(widths) < 0.8 * max(widths) or min(widths) < 0.25 * (right - left):
        return False
    for c in cols:
        lines = [ln for b in c for ln in b.lines]
        edge = _extent(c)[1]
        if len(lines) < 6 or sum(ln.x1 >= edge - 3 * ln.size for ln in lines) < 0.5 * len(lines):
            return False
        if sum(b.lines[0].label or bool(_TEXT_LABEL.match(b.lines[0].text)) for b in c) >= 0.5 * len(c):
            return False
    for above, below in itertools.pairwise(run):
        y0 = max(b.bottom for s in above for b in s)
        y1 = min(b.top for s in below for b in s)
        if any(y0 - 2 <= y <= y1 + 2 and b - a > 0.5 * (right - left) for y, a, b in hrules):
            return False
    return True


def _column_runs(layout: list[tuple[list[Box], list[list[Box]], bool]], hrules) -> dict[int, int]:
    """{first band: end band} of runs of bands that read as text columns."""
    runs: dict[int, int] = {}
    i = 0
    while i < len(layout):
        j = i + 1
        if len(layout[i][1]) > 1:
            while j < len(layout) and _same_columns(layout[j - 1][1], layout[j][1]):
                j += 1
            if j - i >= 2 and _text_columns([strips for _, strips, _ in layout[i:j]], hrules):
                runs[i] = j
        i = j
    return runs


def _aligned(strips: list[list[Box]], other: list[list[Box]]) -> bool:
    """Two bands' strips sit in the same columns: as many, or each strip of the band with fewer
    under its own columns of the other (a row whose first cell is empty because a cell above spans
    it, next to a full row or the header row; two cells whose texts run together)."""
    if len(other) == len(strips):
        return True
    few, many = sorted((strips, other), key=len)
    if len(few) < 2:
        return False
    spans = [_extent(s) for s in many]
    homes = []
    for s in few:
        a, b = _extent(s)
        hits = [i for i, (c, d) in enumerate(spans) if min(b, d) - max(a, c) > 0.5 * min(b - a, d - c)]
        # one cell, or two set too close to part, starting where its first column does
        if not hits or (len(hits) > 1 and abs(a - spans[hits[0]][0]) > 3.0):
            return False
        homes += hits
    return len(set(homes)) == len(homes)


def _label_band(band: list[Box], row: list[list[Box]]) -> bool:
    """A band holding one line alone, in the rows' type, at the left of a row of three or more
    cells (from the table's edge to its first cell's text, which may be centred): a label
    spanning the table ("Age band") above the rows of its group (two strips beside a line are
    as likely two columns of text beside a heading)."""
    if len(band) != 1 or len(band[0].lines) != 1 or len(row) < 3:
        return False
    boxes = [b for s in row for b in s]
    x0, x1 = _extent(boxes)
    size = max(ln.size for b in boxes for ln in b.lines)
    label = band[0]
    return label.lines[0].size <= 1.05 * size and x0 - 8 * size <= label.x0 <= x0 + 1.5 * size and label.x1 <= x1


def _neighbours(layout: list[tuple[list[Box], list[list[Box]], bool]], i: int) -> list[int]:
    """The bands above and below band i that may be rows of its table: the next band each way,
    or past a group's label line the band beyond it (a group of one row between two labels)."""
    out = []
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(layout) and _label_band(layout[j][0], layout[i][1]) and 0 <= j + step < len(layout):
            out.append(j + step)
        if 0 <= j < len(layout):
            out.append(j)
    return out


def order(boxes: list[Box], hrules: list[tuple[float, float, float]] | None = None) -> list[list[Box]]:
    """Boxes in reading order; a group of several boxes is one table row (cells left to right).

    Side-by-side boxes form a table row only next to another such band with as many columns: a
    lone band of two boxes (a column ending beside a short label) is read column by column, and
    so are runs of bands that read as columns of running text.
    """
    hrules = hrules or []
    if len(boxes) <= 1:
        return [boxes] if boxes else []
    bands = _group(boxes, _spans([(b.top, b.bottom) for b in boxes], 0.5), lambda b: (b.top + b.bottom) / 2)
    layout = []
    for band in bands:
        strips = _group(band, _spans([(b.x0, b.x1) for b in band], 1.0), lambda b: (b.x0 + b.x1) / 2)
        width = max(b.x1 for b in band) - min(b.x0 for b in band)
        layout.append((band, strips, len(strips) > 1 and _is_table_row(strips, width)))
    runs = _column_runs(layout, hrules)
    out: list[list[Box]] = []
    i = 0
    while i < len(layout):
        if i in runs:
            run = layout[i : runs[i]]
            for col in range(len(run[0][1])):
                out += order([b for _, strips, _ in run for b in strips[col]], hrules)
            i = runs[i]
            continue
        band, strips, row = layout[i]
        neighbours = [layout[j] for j in _neighbours(layout, i)]
        aligned = any(other_row and _aligned(strips, other) for _, other, other_row in neighbours)
        if row and (aligned or shared_baselines(strips)):  # a table of figures may be one band
            out.append([b for s in strips for b in sorted(s, key=lambda b: b.top)])
        elif len(strips) == 1:
            out += (
                [[b] for b in sorted(band, key=lambda b: (round(b.top), b.x0))]
                if len(bands) == 1
                else order(band, hrules)
            )
        else:
            for s in strips:
                out += order(s, hrules)
        i += 1
    return out


def page_items(
    page: Page, body_size: float, body_bold: bool, boxes: list[Box], apart: list[Box], body_mono: bool = False
) -> list[Item]:
    """The page's content items in reading order, from its `boxes`; the running boxes read `apart`
    (`pdf_furniture.running_boxes`) come first or last, on their own."""
    style = (body_size, body_bold, body_mono)
    items: list[Item] = [_text_item(b, *style) for b in apart if b.top < page.height / 2]
    boxes = [b for b in boxes if not any(b is a for a in apart)]
    rects, rows = frames(page.hrules, page.vrules)  # the page's drawn frames and rows of cells, found once
    framed, tabled = callouts(boxes, rects), {0}  # id of a box -> its call-out
    regions = split_columns(boxes, page.hrules, page.height, page.vrules)
    groups = continued_rows([order(part, page.hrules) for r in regions for part in frames_apart(r, rects, rows)])
    for group in groups:
        if len(group) > 1 and len({round(b.x0) for b in group}) > 1:
            cells = cell_lines(group)
            if len(cells) > 1:
                tabled |= {framed.get(id(b), 0) for b in group}
                hidden = next((b.hidden for b in group if b.hidden), "")
                rows = figure_rows(cells) or sub_rows(group, page.hrules) or line_rows(cells)
                for row in rows:
                    items.append(
                        Item(
                            ItemKind.TABLE_ROW,
                            cells=row,
                            hidden=hidden,
                            size=row[0][0].size,
                            top=min(ln.top for c in row for ln in c),
                            bottom=max(ln.base for c in row for ln in c),
                            x0=min(ln.x0 for c in row for ln in c),
                            x1=max(ln.x1 for c in row for ln in c),
                        )
                    )
                continue
        for box in group:
            items.append(_text_item(box, *style))
            items[-1].frame = framed.get(id(box), 0)
    for it in items:  # a frame holding a table's rows is the table's, no call-out
        it.frame = 0 if it.frame in tabled else it.frame
    return items + [_text_item(b, *style) for b in apart if b.top >= page.height / 2]


def _text_item(box: Box, body_size: float, body_bold: bool, body_mono: bool = False) -> Item:
    first = box.lines[0]
    text = " ".join(ln.text for ln in box.lines)
    # bigger, bolder than the body, or light text on a coloured banner (white on white is hidden); a banner's
    # line in body type saying more than a heading would is its dateline ("Office of ... · Published ..."), content
    light = min(first.color) >= 235 and (first.size >= body_size * 1.05 or first.bold or len(text.split()) <= 8)
    emphasis = first.size >= body_size * 1.12 or (first.bold and not body_bold) or light
    # a field's label with its value ("Version: 2.0") is content, however it is styled
    heading = (
        emphasis
        and not first.label
        and (body_mono or not first.mono)  # code in bold (a comment highlighted) heads nothing
        and all(ln.bold == first.bold for ln in box.lines)
        and len(box.lines) <= 3
        and not any(_ITEM_START.match(ln.text) for ln in box.lines[1:])  # two bold bullets are two items
        and len(text) <= 160
        and not re.search(r"[.,;]$", text)
        and bool(re.search(r"[A-Za-z]", text))
        and not re.fullmatch(r"\([A-Z0-9]{1,3}\)", text)  # a badge: "(D)"
        and not FIGURE.match(text.strip())  # a big figure over its label ("2.1 h" on a slide) is content
    )
    return Item(
        ItemKind.HEADING if heading else ItemKind.TEXT,
        paragraphs=[[ln] for ln in box.lines] if heading else paragraphs(box),
        hidden=box.hidden,
        size=first.size,
        bold=first.bold,
        top=box.top,
        bottom=box.bottom,
        x0=box.x0,
        x1=box.x1,
    )
