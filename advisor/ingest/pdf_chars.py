"""PDF pages as positioned text fragments (PDFium), with hidden text and ruling lines found.

A fragment is a stream-contiguous run of characters on one baseline. PDFium gives each
character its box, font size, weight, fill colour and text-object render mode; from those a
run is marked hidden when a reader cannot see it: white on no dark background, under ~3 pt,
rendered invisible (unless over an image, as in OCR'd scans), or outside the page."""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as pdfium_c

from .pdf_marking import BAND_PT, named_bold, named_mono, tighten, unrule
from .pdf_rules import Strikes, cell_edges, edge_between, text_rects
from .pdf_turn import Turn

try:  # the same C function returning the object's address as an int: a cheap cache key
    from pypdfium2_raw.bindings import _libs

    _object_address = _libs["pdfium"]["FPDFText_GetTextObject"]
    _object_address.argtypes = pdfium_c.FPDFText_GetTextObject.argtypes
    _object_address.restype = ctypes.c_void_p
except Exception:  # pragma: no cover - another pypdfium2 build: fall back to a cast

    def _object_address(textpage: Any, k: int) -> int | None:
        return ctypes.cast(pdfium_c.FPDFText_GetTextObject(textpage, k), ctypes.c_void_p).value


TINY_PT = 3.0  # text smaller than this is unreadable on paper: hidden
_LIGHT = 235  # every RGB component at or above this reads as white
_SPACE = {0x20, 0xA0, 0x09}
_BREAK = {0x0D, 0x0A}


class HiddenText:
    """Why a run of PDF text is invisible to a reader (stored as the block's reason detail)."""

    WHITE = "white text"
    TINY = "text under 3 pt"
    INVISIBLE = "invisible text"
    OFF_PAGE = "text outside the page"


@dataclass
class Frag:
    """A run of characters on one baseline, in page coordinates with y growing downwards."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    color: tuple[int, int, int]
    hidden: str
    seq: int
    gaps: tuple[float, ...] = ()  # widths of the word spaces inside the run, to tell them from gutters
    label: bool = False  # opens with a bold "Label:" its value follows in regular type: never a heading
    mono: bool = False  # set in a fixed-pitch font (code)

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass
class Page:
    """What layout needs from one page: fragments, ruling lines and its size."""

    number: int  # 1-based physical page
    width: float
    height: float
    frags: list[Frag] = field(default_factory=list)
    hrules: list[tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1)
    vrules: list[tuple[float, float, float]] = field(default_factory=list)  # (x, top, bottom)
    # small drawn dots and squares: list bullets a browser or layout tool paints as shapes, not glyphs
    dots: list[tuple[float, float, float, float]] = field(default_factory=list)  # (x0, top, x1, bottom)
    chars: int = 0  # characters with a visible glyph, for the scanned-page check
    # footnote marks dropped from the text (raised small digits after a word): (mark, x, baseline)
    marks: list[tuple[str, float, float]] = field(default_factory=list)
    edges: list[tuple[float, float]] = field(default_factory=list)  # (x, y) where two rules at one height meet


@dataclass
class _Style:
    size: float
    bold: bool
    color: tuple[int, int, int]
    invisible: bool
    transparent: bool
    # what decides hiddenness (a run never mixes visible and hidden characters), computed once
    visibility: tuple[bool, bool, bool, bool] = (False, False, False, False)
    descent: float = 0.0  # baseline minus the loose box's bottom, for this object's font
    turn: int = 0  # the text's rotation on the page in degrees (0, 90, 180, 270), to the nearest quarter
    mono: bool = False  # a fixed-pitch font

    def __post_init__(self) -> None:
        self.visibility = (self.invisible, self.transparent, self.size < TINY_PT, min(self.color) >= _LIGHT)


@dataclass
class _Run:
    chars: list[str]
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    style: _Style
    hidden: str
    seq: int
    bold_chars: int = 0
    mono_chars: int = 0
    gaps: list[float] = field(default_factory=list)
    lead: int = 0  # characters of the run's leading bold stretch
    lead_open: bool = True  # no regular character seen yet


class _Shapes:
    """Filled areas and images of a page (to tell white-on-colour from white-on-white) and rules."""

    def __init__(self, page: Any, height: float, max_objects: int, turn: Turn | None = None):
        self.fills: list[tuple[float, float, float, float]] = []
        self.images: list[tuple[float, float, float, float]] = []
        self.hrules: list[tuple[float, float, float]] = []
        self.vrules: list[tuple[float, float, float]] = []
        self.dots: list[tuple[float, float, float, float]] = []
        self.strokes: list[tuple[float, float, float]] = []  # thin horizontal lines, any length (strike-throughs)
        self.bands: list[tuple[float, float, float, float]] = []  # filled bands a line high
        self.height = height
        self.turn = turn
        self._walk(page, max_objects)
        self.edges = cell_edges(self.hrules)  # cell edges of a table ruled by each cell's own border

    def _walk(self, page: Any, max_objects: int) -> None:
        # raw calls: pypdfium2's object wrappers cost more than the whole walk
        count, get = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
        stack = [(get(page.raw, i), 0) for i in range(min(count(page.raw), max_objects))]
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        seen = 0
        while stack and seen < max_objects:
            obj, depth = stack.pop()
            seen += 1
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 3:
                n = min(pdfium_c.FPDFFormObj_CountObjects(obj), max_objects)
                stack += [(pdfium_c.FPDFFormObj_GetObject(obj, i), depth + 1) for i in range(n)]
                continue
            if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING):
                continue
            if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                continue  # a damaged object: skip it
            box = (left.value, bottom.value, right.value, top.value)
            if self.turn is not None:
                box = self.turn.box(*box)
            rect = (box[0], self.height - box[3], box[2], self.height - box[1])
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self._path(obj, rect)
            else:
                self.images.append(rect)

    def _path(self, obj: Any, rect: tuple[float, float, float, float]) -> None:
        x0, y0, x1, y1 = rect
        fillmode, stroke = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDFPath_GetDrawMode(obj, fillmode, stroke)
        if fillmode.value:
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a)
            if a.value > 0 and min(r.value, g.value, b.value) < _LIGHT:
                self.fills.append(rect)
        w, h = x1 - x0, y1 - y0
        if h <= 2.5 and w >= 2:
            self.strokes.append(((y0 + y1) / 2, x0, x1))
        if (fillmode.value or stroke.value) and 1.5 <= w <= 7 and 1.5 <= h <= 7 and 0.6 <= w / h <= 1.6:
            self.dots.append(rect)
            return
        if y1 - y0 <= 2.5 and x1 - x0 >= 8:
            self.hrules.append(((y0 + y1) / 2, x0, x1))
        elif x1 - x0 <= 2.5 and y1 - y0 >= 8:
            self.vrules.append(((x0 + x1) / 2, y0, y1))
        elif (fillmode.value or stroke.value) and x1 - x0 >= 8 and y1 - y0 >= 8:
            # a cell border or shading: its edges separate rows and columns
            self.hrules += [(y0, x0, x1), (y1, x0, x1)]
            self.vrules += [(x0, y0, y1), (x1, y0, y1)]
            if fillmode.value and not stroke.value and y1 - y0 <= BAND_PT:
                self.bands.append(rect)  # a row's shading, or a highlighter's mark (`unrule`)

    def covered(self, x: float, y: float, areas: list[tuple[float, float, float, float]]) -> bool:
        return any(a <= x <= c and b <= y <= d for a, b, c, d in areas)


def _style(textpage: Any, k: int, obj: Any) -> _Style:
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFText_GetMatrix(textpage, k, matrix)
    scale = max((matrix.b**2 + matrix.d**2) ** 0.5, 1e-6)
    size = pdfium_c.FPDFText_GetFontSize(textpage, k) * scale
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    pdfium_c.FPDFText_GetFillColor(textpage, k, r, g, b, a)
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, k)
    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage, k, buf, 128, flags)
    name = buf.value.decode("latin-1", "replace").lower()
    bold = named_bold(name, weight)
    mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj) if obj else 0
    return _Style(
        size=round(size, 1),
        bold=bold,
        color=(r.value, g.value, b.value),
        invisible=mode in (pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP),
        transparent=a.value == 0,
        turn=round(math.degrees(math.atan2(matrix.b, matrix.a)) / 90) % 4 * 90,
        mono=named_mono(name, flags.value),
    )


def _codes(tp: Any, n: int) -> list[int]:
    """Each character's code point, in one call when the page has no surrogate pairs."""
    buf = ctypes.create_string_buffer(2 * (n + 1))
    got = pdfium_c.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    units = memoryview(buf.raw[: 2 * max(got - 1, 0)]).cast("H").tolist()
    if len(units) == n:
        return units
    return [pdfium_c.FPDFText_GetUnicode(tp, k) for k in range(n)]


class PageReader:
    """Reads the fragments of one PDFium page."""

    def __init__(self, page: Any, number: int, *, max_objects: int = 20000, max_chars: int = 400000):
        self.page = page
        self.number = number
        self.max_objects = max_objects
        self.max_chars = max_chars
        self.width, self.height = page.get_size()
        left, bottom, right, top = page.get_bbox()  # the visible box (cropbox within mediabox)
        self.box = (left, bottom, right, top)
        self.turn: Turn | None = None  # set when most of the page's text is turned
        self._turns: dict[int, int] = {}  # characters read turned, by angle
        self._marks: list[tuple[str, float, float]] = []  # footnote marks dropped, (mark, x, baseline)
        self._shapes: _Shapes | None = None

    @property
    def shapes(self) -> _Shapes:
        if self._shapes is None:
            self._shapes = _Shapes(self.page, self.box[3], self.max_objects, self.turn)
        return self._shapes

    def read(self) -> Page:
        textpage = self.page.get_textpage()
        try:
            frags, chars, turns = self._frags(textpage.raw)
            turn = max(turns, key=turns.__getitem__) if sum(turns.values()) > _TURNED * chars else 0
            if turn:
                # a landscape table drawn turned on a portrait page: read it in its own frame (the
                # few upright lines left, its running header and footer, are not read)
                self._turn_frame(turn)
                frags, chars, _ = self._frags(textpage.raw)
        finally:
            textpage.close()
        shapes = self.shapes
        if unrule(shapes.hrules, shapes.vrules, shapes.bands, frags):
            shapes.edges = cell_edges(shapes.hrules)
        page = Page(self.number, self.width, self.height, frags, shapes.hrules, shapes.vrules, shapes.dots, chars)
        page.marks, page.edges = self._marks, shapes.edges
        return page

    def _turn_frame(self, turn: int) -> None:
        """Read the page in the frame of text turned by `turn` degrees: boxes are mapped so the
        text runs left to right, and the page's width and height swap for a quarter turn."""
        left, bottom, right, top = self.box
        self.turn = Turn(turn, right - left, top - bottom, left, bottom)
        w, h = (self.turn.height, self.turn.width) if turn in (90, 270) else (self.turn.width, self.turn.height)
        self.width, self.height = w, h
        self.box = (0.0, 0.0, w, h)
        self._shapes = None

    def _hidden(self, style: _Style, run: _Run) -> str:
        cx, cy = (run.x0 + run.x1) / 2, (run.top + run.bottom) / 2
        left, bottom, right, top = self.box
        if cx < left - 1 or cx > right + 1 or cy < 0 or cy > top - bottom + 1:
            return HiddenText.OFF_PAGE
        if style.size < TINY_PT:
            return HiddenText.TINY
        if style.invisible or style.transparent:
            # OCR'd scans put invisible text over the page image: that text is what the reader sees
            return "" if self.shapes.covered(cx, cy, self.shapes.images) else HiddenText.INVISIBLE
        if min(style.color) >= _LIGHT:
            shapes = self.shapes
            return "" if shapes.covered(cx, cy, shapes.fills + shapes.images) else HiddenText.WHITE
        return ""

    def _frags(self, tp: Any) -> tuple[list[Frag], int, dict[int, int]]:
        """The page's fragments, its visible characters, and how many are turned, by angle."""
        # the hot loop of PDF reading: two C calls a character, bound to locals, the run test inlined
        n = min(pdfium_c.FPDFText_CountChars(tp), self.max_chars)
        frame = self.turn
        turns = self._turns = {}
        marks = self._marks = []
        mark_end = 0.0  # right edge of a footnote mark just dropped (no space character follows it)
        tight = _TIGHT
        codes = _codes(tp, n)
        get_box, address = pdfium_c.FPDFText_GetLooseCharBox, _object_address
        rect = pdfium_c.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        top_y = self.box[3]
        styles: dict[int, _Style] = {}
        edges, strikes = self.shapes.edges, self._strikes(tp)
        frags: list[Frag] = []
        run: _Run | None = None
        broken: _Run | None = None  # the run a line break just closed (PDFium breaks before a raised mark)
        space = False
        visible = 0
        for k in range(n):
            u = codes[k]
            if u in _BREAK:
                if mark_end and run is not None:
                    continue  # PDFium breaks the line after a raised mark too: the text goes on ("licences³.")
                frags += self._close(run)
                broken = run or broken
                run, space = None, False
                continue
            if u in _SPACE or u == 0:
                space = True
                continue
            if not get_box(tp, k, rect):
                continue
            key = address(tp, k) or -1
            style = styles.get(key)
            if style is None:
                style = styles[key] = _style(tp, k, pdfium_c.FPDFText_GetTextObject(tp, k))
                pdfium_c.FPDFText_GetCharOrigin(tp, k, ox, oy)
                origin_y = oy.value if frame is None else frame.origin_y(ox.value, oy.value)
                style.descent = origin_y - (rect.bottom if frame is None else frame.rect(rect)[1])
            if frame is not None:
                if style.turn != frame.degrees:
                    continue  # the margins' upright furniture of a page read in its turned frame
                rect.left, rect.bottom, rect.right, rect.top = frame.rect(rect)
            size = style.size if style.size > 1.0 else 1.0
            # the baseline (a fixed distance above the loose box's bottom in a text object) puts characters on a line
            x0, x1, base = rect.left, rect.right, top_y - rect.bottom - style.descent
            if strikes and strikes.through(x0, x1, base, size):
                run, broken, space = self._struck(run, frags, x0, x1, base, size, style, k), None, True
                continue
            if u in SUPERSCRIPTS and run is not None and not space and _super_mark(run, x0, base):
                mark_end = _drop_mark(marks, SUPERSCRIPTS[u], x0, x1, run, mark_end)  # "larger.¹"
                continue
            if (
                run is not None
                and -0.45 * size <= base - run.base <= 0.45 * size
                and run.x1 - 0.6 * size <= x0 <= run.x1 + size
                and style.visibility == run.style.visibility
                and not (edges and edge_between(edges, run.x1, x0, base, size))
            ):
                if (
                    space
                    or (mark_end and x0 - mark_end > 0.15 * size)
                    or (x0 - run.x1 > tight * (em := _em(run.style, style)) and _word_gap(tp, k, n, em))
                ):
                    # PDFium's own word spaces (real or generated); after a dropped footnote mark,
                    # the gap that follows it; a tightly justified word gap PDFium let pass
                    run.chars.append(" ")
                    run.gaps.append(x0 - run.x1)
                if x1 > run.x1:
                    run.x1 = x1
                if style is not run.style and style.size > run.style.size and len(run.chars) <= 7:
                    _restyle(run, style, base)  # a line opening with a small mark or label ("¹ The", "EP 12 The")
            elif run is not None and _ligature_part(tp, k, rect, base - run.base, size):
                pass  # the second letter of a ligature glyph PDFium split ("fi"): the same box
            elif (
                (run or broken) is not None
                and not space
                and _footnote_mark(u, style, run or broken, x0, base, mark_end)  # type: ignore[arg-type]
            ):
                # a raised small digit after a word: a note's mark, kept apart to find its note
                _add_mark(marks, chr(u), x0, (run or broken).base, bool(mark_end))  # type: ignore[union-attr]
                mark_end, space = x1, False
                _span_mark(run, frags if run is None else [], x1)
                continue
            else:
                frags += self._close(run)
                run, broken = _Run([], x0, max(x0, x1), base - 0.8 * size, base + 0.2 * size, base, style, "", k), None
            run.chars.append(chr(u))
            run.bold_chars += style.bold
            run.mono_chars += style.mono
            if run.lead_open:
                run.lead_open = style.bold
                run.lead = len(run.chars) if style.bold else run.lead
            visible += 1
            space, mark_end = False, 0.0
        frags += self._close(run)
        return frags, visible, turns

    def _strikes(self, tp: Any) -> Strikes:
        """The page's strike-throughs (none looked for on a page read turned)."""
        strokes = self.shapes.strokes
        return Strikes(strokes, text_rects(tp, self.box[3]) if strokes and self.turn is None else [])

    def _struck(
        self, run: _Run | None, frags: list[Frag], x0: float, x1: float, base: float, size: float, style: _Style, k: int
    ) -> _Run:
        """The run after a struck character: struck words leave a word space in their line, not a
        gap between columns; a line opening with them starts where they do (no indent)."""
        if run is not None and abs(base - run.base) <= 0.45 * size and x0 <= run.x1 + size:
            run.x1 = max(run.x1, x1)
            return run
        frags += self._close(run)
        return _Run([], x0, x1, base - 0.8 * size, base + 0.2 * size, base, style, "", k)

    def _close(self, run: _Run | None) -> list[Frag]:
        if run is None:
            return []
        if run.style.turn:  # counted by run, not in the character loop
            self._turns[run.style.turn] = self._turns.get(run.style.turn, 0) + len(run.chars)
            if self.turn is None:
                # turned text on an upright page (a chart's axis title, a stamp up the margin) comes
                # a character a line: read upright it would be letters, each taken for a heading
                return []
        text = tighten("".join(run.chars).strip())
        if not text:
            return []
        s = run.style
        label = _labelled(run)
        return [
            Frag(
                text=text,
                x0=run.x0,
                x1=run.x1,
                top=run.top,
                bottom=run.bottom,
                size=s.size,
                # bold through (a heading, a label), not a sentence opening with a bold term
                # ('1.1 "PHI" has the meaning given in ...', a run-in definition): 4 in 5 characters;
                # a bold title run in ahead of its text ("44-2231. Serious adverse events. (a) A ...") is text
                bold=not label and not _run_in(run) and run.bold_chars * 5 >= 4 * len(text.replace(" ", "")),
                color=s.color,
                hidden=self._hidden(s, run),
                seq=run.seq,
                gaps=tuple(run.gaps),
                label=label,
                mono=run.mono_chars * 5 >= 4 * len(text.replace(" ", "")),
            )
        ]


_MARKS = frozenset(map(ord, "0123456789*\u2020\u2021,"))
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d$")  # a year a note mark may follow ("2024¹", "FY2025"): no power
#: Superscript digit characters (a note's mark typed as "¹", not set small and raised) -> digits.
SUPERSCRIPTS = {ord(c): str(i) for i, c in enumerate("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")}


def _drop_mark(marks: list[tuple[str, float, float]], mark: str, x0: float, x1: float, run: _Run, end: float) -> float:
    """A note mark dropped from the run's text (a digit right after one goes on with it); the run
    reaches over its place. The mark's right edge."""
    if end and marks:
        marks[-1] = (marks[-1][0] + mark, marks[-1][1], marks[-1][2])
    else:
        marks.append((mark, x0, run.base))
    run.x1 = max(run.x1, x1)
    return run.x1


def _add_mark(marks: list[tuple[str, float, float]], mark: str, x0: float, base: float, going_on: bool) -> None:
    """A note mark's character: the rest of the mark just dropped ("1" then "2"), or a mark of its own."""
    if going_on and marks:
        marks[-1] = (marks[-1][0] + mark, marks[-1][1], marks[-1][2])
    else:
        marks.append((mark, x0, base))


def _super_mark(run: _Run, x0: float, base: float) -> bool:
    """A superscript digit character on the run's line, tight after a sentence's end or a word of
    three letters at least ("larger.¹", "licences²"), is a note mark; after a digit or a short unit
    ("10⁶", "m²", "km²") it is part of the text."""
    size = run.style.size
    word = "".join(run.chars).rsplit(" ", 1)[-1]
    after = bool(re.search(r"(?:[.,;:!?)\]\"'’”]|[A-Za-z]{3})$", word)) or bool(_YEAR.search(word))
    return after and abs(base - run.base) <= 0.45 * size and run.x1 - 0.3 * size <= x0 <= run.x1 + 0.3 * size


_TURNED = 0.7  # share of a page's visible characters that must be turned for the page to be read turned
_TIGHT = 0.1  # em; letters of a word abut (or kern closer): a wider gap between them is a word space


def _gap(tp: Any, a: int, b: int, size: float) -> bool:
    """Is there a gap wider than _TIGHT between characters a and b (both drawn, on one line)?"""
    left, right = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    if not (pdfium_c.FPDFText_GetLooseCharBox(tp, a, left) and pdfium_c.FPDFText_GetLooseCharBox(tp, b, right)):
        return False
    return right.left - left.right > _TIGHT * size and abs(right.bottom - left.bottom) < 0.3 * size


def _word_gap(tp: Any, k: int, n: int, size: float) -> bool:
    """A gap before character k that PDFium wrote no space for is a word space when the letters
    before it (or, at a run's start, after it) sit close: a tightly justified line placed word by
    word, as TeX and layout tools write it. Letters spread as wide are letter-spacing (a tracked
    heading)."""
    code = {j: pdfium_c.FPDFText_GetUnicode(tp, j) if 0 <= j < n else 0x20 for j in range(k - 3, k + 3)}
    if not (chr(code[k - 1]).isalnum() or chr(code[k - 1]) in ".,;:)"):
        return False

    def spread(pairs: tuple[tuple[int, int], ...]) -> bool | None:
        seen = [(a, b) for a, b in pairs if all(code[j] not in _SPACE and code[j] not in _BREAK for j in (a, b))]
        return all(_gap(tp, a, b, size) for a, b in seen) if seen else None

    behind = spread(((k - 3, k - 2), (k - 2, k - 1)))
    return not (behind if behind is not None else spread(((k, k + 1), (k + 1, k + 2))))


def _em(line: _Style, style: _Style) -> float:
    """The type size a letter gap is measured in: the line's own where the letter is set smaller
    in its style otherwise (small capitals drawn as capitals in a smaller size: their side
    bearings, wide for their size, part no word: "Province", never "Provi nc e")."""
    size = max(style.size, 1.0)
    small = style is not line and style.bold == line.bold and style.color == line.color
    return line.size if small and 0.6 * line.size <= size < line.size else size


def _restyle(run: _Run, style: _Style, base: float) -> None:
    """The run takes the style and baseline of the text after its opening mark."""
    size = max(style.size, 1.0)
    run.style, run.base, run.top, run.bottom = style, base, base - 0.8 * size, base + 0.2 * size


def _ligature_part(tp: Any, k: int, rect: Any, dy: float, size: float) -> bool:
    """PDFium gives each letter of a ligature glyph ("fi", "ffl") the glyph's whole box: a
    character whose box is the previous character's continues the run."""
    if k == 0 or abs(dy) > 0.2 * size:
        return False
    prev = pdfium_c.FS_RECTF()
    if not pdfium_c.FPDFText_GetLooseCharBox(tp, k - 1, prev):
        return False
    return abs(prev.left - rect.left) < 0.01 and abs(prev.right - rect.right) < 0.01


def _span_mark(run: _Run | None, closed: list[Frag], x1: float) -> None:
    """The text a dropped mark follows reaches over the mark's place: the words after it are
    one word gap away, not a cell's gap ("care.¹,² QEWS was ...")."""
    if run is not None:
        run.x1 = max(run.x1, x1)
    elif closed:
        closed[-1].x1 = max(closed[-1].x1, x1)


#: A note mark is set smaller than its text: LaTeX and Word at about 0.7 of it, a browser's
#: <sup> at 5/6 ("font-size: smaller").
_MARK_SIZE = 0.85


def _footnote_mark(u: int, style: _Style, run: _Run, x0: float, base: float, mark_end: float = 0.0) -> bool:
    """A note reference set as a small raised digit (or asterisk, dagger) right after a word
    ("the Board of Directors.¹"), or the rest of one ("¹,²"): not part of the sentence's words."""
    size = run.style.size
    after = mark_end or run.x1
    # a note mark set as a raised letter after a sentence's end or a word ("7–9.ᶜ", "grantsᵇ"); after a
    # figure it is an ordinal's ("2ⁿᵈ"); after a table's "%" a dropped mark changed how its header read
    tail = "".join(run.chars[-2:])
    letter = chr(u) in "abcdefgh" and not mark_end and bool(re.search(r"(?:\.|[a-z]{2})$", tail))
    return (
        (u in _MARKS or letter)
        and style.size <= _MARK_SIZE * size
        and 0.15 * size <= run.base - base <= 0.75 * size
        # set tight to its word; a mark a word space away opens what follows ("Hospital. ²Center")
        and after - 0.2 * size <= x0 <= after + (0.6 if mark_end else 0.2) * size
        and run.chars[-1:] != [" "]
        # after a figure a raised digit is its power ("10⁶"); after a year ("2024¹") or as a
        # star or dagger ("0.78*") it is a note's mark
        and (
            bool(mark_end)
            or not run.chars[-1].isdigit()
            or chr(u) in "*\u2020\u2021"
            or bool(_YEAR.search("".join(run.chars)))
        )
    )


_MAX_LABEL = 100  # characters; a longer bold stretch is emphasis in a sentence, not a field's label


def _labelled(run: _Run) -> bool:
    """Does the run open with a bold label ("Version:") followed by regular text?"""
    return _bold_lead(run, ":")


def _run_in(run: _Run) -> bool:
    """Does the run open with a bold title ending in a full stop, its text going on in regular type?"""
    return _bold_lead(run, ".")


def _bold_lead(run: _Run, stop: str) -> bool:
    head = "".join(run.chars[: run.lead]).strip()
    rest = "".join(run.chars[run.lead :]).strip()
    return not run.lead_open and head.endswith(stop) and len(head) <= _MAX_LABEL and bool(rest)
