"""Layout of the FICTIONAL Varrowmark SB 1184 (`build_varrowmark.py`): the page geometry, the inline
markup (`**bold**`, `[-struck-]`, `{+underlined+}`, `//italic//`) and `Doc`, a small line-layout engine on a
reportlab canvas that wraps marked-up paragraphs, numbers the bill's lines 1..34 on every page in the left
margin, draws strike and underline as vector lines (so the text layer keeps both the old and the new words)
and draws the running header and footer."""

from __future__ import annotations

import re

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

W, H = letter
TEXT_L = 100
TEXT_R = 550
NUM_R = 84  # right edge of the line numbers
BILL_NO = "SB 1184"
VERSION = "AMENDED IN SENATE FEBRUARY 24, 2026"
DRAFT = "LRB-2291/3 KMS:jrd"

# first-line indents of the bill text (lines wrap back to the left margin, as printed bills do)
I0, I1, I2, I3 = 0, 30, 48, 66
CENTER = "C"  # in place of an indent: a centred line

FONTS = {
    (False, False): "Times-Roman",
    (True, False): "Times-Bold",
    (False, True): "Times-Italic",
    (True, True): "Times-BoldItalic",
}

# **bold**   [-struck (deleted existing law)-]   {+underlined (new law)+}   //italic//
TOK = re.compile(r"(\*\*.+?\*\*|\[-.+?-\]|\{\+.+?\+\}|//.+?//)")
MARKS = (("**", "bold"), ("[-", "strike"), ("{+", "under"), ("//", "italic"))

Style = dict[str, bool]
Word = list[tuple[str, Style]]


def _segments(text: str) -> list[tuple[str, Style]]:
    """The text's runs, each with its style (bold, italic, strike, under), markup removed."""
    segs = []
    for part in TOK.split(text):
        if not part:
            continue
        st = dict(bold=False, italic=False, strike=False, under=False)
        for mark, key in MARKS:
            if part.startswith(mark):
                st[key] = True
                part = part[2:-2]
                break
        segs.append((part, st))
    return segs


def parse(text: str) -> list[Word]:
    """The marked-up text's words; each word is a list of (text, style) pieces glued together."""
    words: list[Word] = []
    glue = False  # whether next piece glues onto previous word
    for part, st in _segments(text):
        for p in re.split(r"( +)", part):
            if p == "":
                continue
            if p.startswith(" "):
                glue = False
                continue
            if glue and words:
                words[-1].append((p, st))
            else:
                words.append([(p, st)])
            glue = True
    return words


def font_of(st: Style) -> str:
    """The Times font for a piece's style."""
    return FONTS[(st["bold"], st["italic"])]


def word_width(word: Word, size: float) -> float:
    """The width of a word at `size` points."""
    return sum(stringWidth(t, font_of(st), size) for t, st in word)


class Doc:
    """A canvas with a text cursor: paragraphs flow down the page and on to the next."""

    def __init__(self, path: str) -> None:
        self.c = canvas.Canvas(path, pagesize=letter)
        self.c.setTitle("Senate Bill 1184 - Patient Safeguards in Clinical Algorithms Act")
        self.c.setAuthor("Varrowmark Legislative Counsel Bureau")
        self.c.setSubject("State of Varrowmark, Fifty-Eighth Legislature, 2026 Regular Session")
        self.page = 1
        self.mode: str | None = None
        self.y: float = 0
        self.lineno = 0
        self.size = 10.5
        self.lead = 13.2
        self.top = 712
        self.bottom = 84

    def set_mode(self, mode: str, size: float | None = None, lead: float | None = None) -> None:
        """'bill': double spaced, numbered lines; 'plain': single spaced, unnumbered."""
        self.mode = mode
        if mode == "bill":
            self.size = 11.5
            self.lead = 18.3
            self.top = 706
            self.bottom = 100
        else:
            self.size = size or 10.5
            self.lead = lead or 13.2
            self.top = 712
            self.bottom = 84

    def header_footer(self) -> None:
        """Draw the running header (not on page 1) and the footer of the current page."""
        c = self.c
        if self.page > 1:
            c.setFont("Times-Bold", 10)
            c.drawString(TEXT_L - 30, 748, BILL_NO)
            c.setFont("Times-Roman", 9)
            c.drawRightString(TEXT_R, 748, VERSION)
            c.setLineWidth(0.5)
            c.line(TEXT_L - 30, 742, TEXT_R, 742)
        c.setFont("Times-Roman", 8.5)
        c.drawString(TEXT_L - 30, 46, DRAFT)
        c.setFont("Times-Roman", 10)
        c.drawCentredString(W / 2, 46, f"\u2014 {self.page} \u2014")
        c.setFont("Times-Italic", 8)
        c.drawRightString(TEXT_R, 46, "98-2026 S.B. 1184")

    def new_page(self) -> None:
        """Finish the page and start the next at the top, line numbers from 1."""
        self.header_footer()
        self.c.showPage()
        self.page += 1
        self.y = self.top
        self.lineno = 0

    def start_flow(self, y: float | None = None) -> None:
        """Continue at `y` (default: the top), line numbers from 1."""
        self.y = self.top if y is None else y
        self.lineno = 0

    def _need_line(self) -> None:
        """Start a new page if the next line would fall below the bottom margin."""
        if self.y < self.bottom:
            self.new_page()

    def _decorate_gap(self, prev_end: float, prev_st: Style, first_st: Style, x: float) -> None:
        """Continue an underline or strike across the space before a word."""
        y = self.y
        for key, dy in (("under", -1.6), ("strike", self.size * 0.3)):
            if prev_st[key] and first_st[key]:
                self.c.setLineWidth(0.7)
                self.c.line(prev_end, y + dy, x, y + dy)

    def _draw_word(self, word: Word, x: float) -> tuple[float, Style]:
        """Draw a word's pieces from `x`, with their lines; its right end and last piece's style."""
        c = self.c
        size = self.size
        y = self.y
        st = word[0][1]
        for t, st in word:
            f = font_of(st)
            c.setFont(f, size)
            c.drawString(x, y, t)
            wdt = stringWidth(t, f, size)
            if st["under"]:
                c.setLineWidth(0.7)
                c.line(x, y - 1.6, x + wdt, y - 1.6)
            if st["strike"]:
                c.setLineWidth(0.8)
                c.line(x, y + size * 0.3, x + wdt, y + size * 0.3)
            x += wdt
        return x, st

    def _emit_line(self, items: list[tuple[Word, float]]) -> None:
        """Draw one line of positioned words (with its number in bill mode); move down a line."""
        if self.mode == "bill":
            self.lineno += 1
            self.c.setFont("Times-Roman", 9.5)
            self.c.drawRightString(NUM_R, self.y, str(self.lineno))
        prev_end: float | None = None
        prev_st: Style | None = None
        for word, x in items:
            # decorate the space before this word if same decoration continues
            if prev_end is not None and prev_st is not None:
                self._decorate_gap(prev_end, prev_st, word[0][1], x)
            prev_end, prev_st = self._draw_word(word, x)
        self.y -= self.lead

    def _wrap(self, words: list[Word], first: float, wrap_indent: float) -> list[tuple[list[Word], float]]:
        """Break words into lines: (words, indent relative to TEXT_L)."""
        size = self.size
        space = stringWidth(" ", "Times-Roman", size)
        width_total = TEXT_R - TEXT_L
        lines = []
        cur: list[Word] = []
        cur_w = 0.0
        line_start = first
        for w in words:
            ww = word_width(w, size)
            avail = width_total - line_start
            add = ww if not cur else cur_w + space + ww
            if cur and add > avail:
                lines.append((cur, line_start))
                cur = [w]
                cur_w = ww
                line_start = wrap_indent
            else:
                cur.append(w)
                cur_w = add
        if cur:
            lines.append((cur, line_start))
        return lines

    def para(
        self,
        text: str,
        indent: float = 0,
        first: float | None = None,
        wrap_indent: float | None = None,
        align: str = "left",
        space_after: float = 0,
    ) -> None:
        """Lay out a marked-up paragraph; `first` is the first-line indent (points from TEXT_L), `wrap_indent`
        that of the lines after it (both default to `indent`)."""
        size = self.size
        space = stringWidth(" ", "Times-Roman", size)
        width_total = TEXT_R - TEXT_L
        first = indent if first is None else first
        wrap_indent = indent if wrap_indent is None else wrap_indent
        for lw, start in self._wrap(parse(text), first, wrap_indent):
            self._need_line()
            if align == "center":
                tw = sum(word_width(w, size) for w in lw) + space * (len(lw) - 1)
                x = TEXT_L + (width_total - tw) / 2
            else:
                x = TEXT_L + start
            items = []
            for w in lw:
                items.append((w, x))
                x += word_width(w, size) + space
            self._emit_line(items)
        self.y -= space_after

    def finish(self) -> None:
        """Finish the last page and save the PDF."""
        self.header_footer()
        self.c.showPage()
        self.c.save()
