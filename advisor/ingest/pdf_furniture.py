"""Recognising what a PDF page carries besides its content: running headers and footers, page
numbers, table-of-contents pages, index pages and reference lists. Each is marked with its
BlockKind so it is never chunked or quoted."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..chunk import row_cells
from .chunking import header_row
from .document import CONTENTS_TITLE, BlockKind, web_control
from .pdf_boxes import Box

PAGE_NO = re.compile(
    r"^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$", re.I
)
# a TOC line: an entry then dot leaders or an ellipsis (or a wide gap) then a page number; or an
# entry whose leaders run to the end of its line (its page numbers were set as a column of their own)
_TOC_LINE = re.compile(r"(?:(?:\.\s?){3,}|…+|\s{3,}|_{3,})\s*(?:\d{1,4}|[ivxlc]{1,6})$|(?:\.\s?){6,}$", re.I)
_INDEX_TITLE = re.compile(r"^(?:subject |general )?index$", re.I)
_INDEX_LINE = re.compile(
    r"^[^\d.!?]{2,80}?,?\s+\d{1,4}(?:\s*[-–]\s*\d{1,4})?(?:\s*,\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)*$"
)
_REF_TITLE = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:references|bibliography|works cited|literature cited|sources|"
    r"citations|endnotes|notes and references|reference list)$",
    re.I,
)
#: A heading's "(continued)" mark, as a page repeating a section or a table's header prints it.
CONTINUED = re.compile(r"[\s,.:;-]*[(\[]?\s*(?:continued|cont(?:'|\u2019)?d|cont\.)\s*[)\]]?\s*$", re.I)


@dataclass
class Piece:
    """One assembled item of a page: its text, kind and position, before sections are known."""

    page: int
    kind: BlockKind
    text: str
    heading: bool = False
    hidden: str = ""
    top: float = 0.0
    lines: int = 1
    x0: float = 0.0
    x1: float = 0.0
    breaks: list[int] = field(default_factory=list)  # offsets of the fields that start in `text`
    size: float = 0.0  # font size of its first line
    bottom: float = 0.0
    note: bool = False  # a footnote at the page foot (small type under the body, opening with its mark)
    apart: bool = False  # a footnote whose mark was not found on its page: kept out of the body's passages
    running: str = ""  # "header"/"footer": the line states the code a running head carries (chunk meta)
    frame: int = 0  # the call-out box on its page it is read in (1, 2, ...), 0 in the running text
    table_note: bool = False  # a note or source line set under a table's rows: read with the table

    @property
    def indexed(self) -> bool:
        return self.kind.indexed


#: A figure, perhaps with a unit or a word of lower case ("2.1 h", "11.2%", "1 in 7"); a code
#: ("GV-1.1", "K243310") is none.
FIGURE = re.compile(r"^(?:(?P<cut>[a-z]{1,3}) )?(?P<figure>(?=.*\d)(?!.*[A-Z])(?!.*[a-z]{3}).+)$")


def norm(text: str) -> str:
    """Line identity for repetition checks: case, spacing and numbers ignored."""
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def _key(p: Piece) -> str:
    """A piece's identity for repetition. A heading's numbers count ("Advice A2" atop one page
    and "Advice A3" atop the next are two headings); only its page's own number is ignored."""
    if p.heading:
        return re.sub(rf"(?<!\d){p.page}(?!\d)", "#", " ".join(p.text.split()).lower())
    if p.kind == BlockKind.TABLE:
        return " | ".join(_cell_key(c) for c in p.text.split(" | "))
    return norm(p.text)


def _cell_key(cell: str) -> str:
    """A row's cell for repetition: a short one's numbers ignored ("Page 3", "Rev. 2"), a long one's
    kept (the last rows of a templated table's pages differ only in their numbers, and are content)."""
    return norm(cell) if len(cell) <= 40 else " ".join(cell.split()).lower()


def _keys(p: Piece) -> set[str]:
    """A piece's identities for repetition: the whole text, and each cell of a table row (a
    footer's title and page number sit side by side, and read as a row)."""
    keys = {_key(p)}
    if p.kind == BlockKind.TABLE:
        keys |= {_cell_key(c) for c in p.text.split(" | ")}
    # a footer may print its own separators ("AI Program Update | Board Committee | 18 September
    # 2026") and read as one line on one page, as cells beside the page number on another: its
    # parts are keys for a row's cells only (the title it repeats is no furniture on the title page)
    return keys | {_CELL + _cell_key(c) for c in p.text.split(" | ")} if " | " in p.text else keys


_CELL = "cell:"


#: Lines a running footer or header may hold in the page's margin ("Policy HR-204 Rev. 3" over
#: "Confidential | Page 3 of 12" over a copyright line); inside the page, two at most.
_MARGIN_LINES = 6


def _short(p: Piece, height: float) -> bool:
    """Few enough lines to be a running line: two, or a block of several lying wholly in the
    page's top or bottom margin (a paragraph reaching into the page from there is content)."""
    if p.lines <= 2 or p.kind == BlockKind.TABLE:
        return True
    return p.lines <= _MARGIN_LINES and height > 0 and _in_margin(p, height)


def _paragraph(p: Piece) -> bool:
    """Is the piece a paragraph of long lines (a disclaimer), not a footer's stack of short fields?"""
    return p.kind == BlockKind.TEXT and p.lines >= 3 and len(p.text) >= 80 * p.lines and ". " in p.text


def _small_print(p: Piece, height: float, body: float) -> bool:
    return _in_margin(p, height) and 0 < p.size < body - 1


def _in_margin(p: Piece, height: float) -> bool:
    """Does the piece lie wholly in the page's top or bottom margin?"""
    return p.top > 0.85 * height or 0 < p.bottom < 0.12 * height


def _furniture(p: Piece, repeated: set[str], height: float = 0.0) -> bool:
    if not _short(p, height):
        return False
    if _key(p) in repeated:
        return True
    # a number alone is a page number in the page's margin; inside the page it is a chart's label ("2026")
    if PAGE_NO.match(p.text.strip()) and (height <= 0 or edge(p, height)):
        return True
    cells = row_cells(p.text) if p.kind == BlockKind.TABLE else []
    # (a cell may repeat as a line of its own elsewhere: "Version 2.6" in a footer's own piece)
    # a row of bare numbers inside the page is a dashboard's figures ("57 | 12 | 4"), no page numbers
    numbers = all(PAGE_NO.match(c) for c in cells) and height > 0 and not edge(p, height)
    return (
        len(cells) > 1
        and not numbers
        and all(
            PAGE_NO.match(c) or _cell_key(c) in repeated or norm(c) in repeated or _CELL + _cell_key(c) in repeated
            for c in cells
        )
    )


def edge(p: Piece | Box, height: float) -> bool:
    """Does it sit in the page's top or bottom margin?"""
    return height > 0 and (p.top < 0.12 * height or p.top > 0.85 * height)


def running_boxes(boxes: list[list[Box]], heights: list[float]) -> list[list[Box]]:
    """Per page, the boxes in its margin that repeat in the margins of most pages and stand beside
    a box that does not (a slide deck's logo beside each slide's title): each is read on its own,
    not as a cell of a row with the title. A table's header repeated atop each page repeats whole."""
    if len(boxes) < 5:
        return [[] for _ in boxes]
    keyed = [{id(b): norm(" ".join(ln.text for ln in b.lines)) for b in page} for page in boxes]
    # words, not figures: a table's "1.5" and "2.3" atop two pages are cells, however alike
    margin = [
        [b for b in page if len(b.lines) <= 3 and edge(b, h) and len(re.findall(r"[^\W\d_]", keyed_[id(b)])) >= 3]
        for page, h, keyed_ in zip(boxes, heights, keyed, strict=True)
    ]
    counts: dict[str, int] = {}
    for keys, page in zip(keyed, margin, strict=True):
        for key in {keys[id(b)] for b in page}:
            counts[key] = counts.get(key, 0) + 1
    least = max(3, 0.4 * len(boxes))
    out = []
    for keys, page in zip(keyed, margin, strict=True):
        repeated = [b for b in page if counts[keys[id(b)]] >= least]
        out.append([b for b in repeated if any(_beside(b, o) for o in page if counts[keys[id(o)]] < least)])
    return out


def _beside(a: Box, b: Box) -> bool:
    """Do the two boxes share a band of the page (one's lines level with the other's)?"""
    return a.top < b.bottom and b.top < a.bottom


def _ends(shown: list[Piece], height: float, body: float = 0.0) -> list[Piece]:
    """The pieces that can be running lines: a page's first and last two, but a heading only in
    the page's margins (a card's "EVIDENCE" label closing many pages is the card's, not the page's),
    and no line inside the page set in the body's type right under body text (a grade line closing
    each page's recommendation)."""
    # and any short line in the margin: a footer's parts read apart ("Confidential", a title, a
    # number); not a table's header row, which a long table repeats atop each page, nor a
    # paragraph closing a page (a templated rule differs from the next page's only in its number)
    ends = [
        p
        for i, p in enumerate(shown)
        if i < 2
        or i >= len(shown) - 2
        # (a plan's disclaimer of three long lines in small print under every page's body lies
        # wholly in the margin; a templated rule closing a page is in the body's type)
        or (edge(p, height) and p.kind != BlockKind.TABLE and (len(p.text) < LONG or _small_print(p, height, body)))
    ]
    return [
        p
        for p in ends
        if (not p.heading or height <= 0 or edge(p, height)) and (edge(p, height) or not _under_body(shown, p, body))
    ]


def _heads_table(shown: list[Piece], p: Piece) -> bool:
    """Is the row the header of a table going on under it (as many cells in the next row)? A long
    table repeats its header atop each page; the header names the table's columns, no furniture."""
    if p.kind != BlockKind.TABLE:
        return False
    i = next(k for k, q in enumerate(shown) if q is p)
    nxt = shown[i + 1] if i + 1 < len(shown) else None
    cells = p.text.count(" | ")
    return (
        header_row(p.text)
        and nxt is not None
        and nxt.kind == BlockKind.TABLE
        and nxt.text.split("\n")[0].count(" | ") == cells
    )


def _under_body(shown: list[Piece], p: Piece, body: float) -> bool:
    i = next(k for k, q in enumerate(shown) if q is p)
    if body <= 0 or i == 0 or p.size < body - 1:
        return False
    prev = shown[i - 1]
    text = prev.kind == BlockKind.TEXT and not prev.heading and prev.size >= body - 1
    return text and 0 <= p.top - prev.bottom < 2 * p.size


#: Characters from which a repeated line must sit in a page's margin to be a running head.
LONG = 100


def mark_running_heads(
    pages: list[list[Piece]], keep: set[str], heights: list[float] | None = None, body: float = 0.0
) -> None:
    """Page numbers and lines repeated at the top or bottom of most pages become furniture.

    Only the first and last two pieces of a page can be running heads; `keep` holds outline
    titles ("References") that legitimately repeat as headings. In a two-page document a line
    is a running head when two pages carry it in their top or bottom margin (`heights`); so it is
    in a document of up to four pages. A line in the body's type (`body`) right under body text
    inside the page is content however often it repeats.
    """
    heights = heights or [0.0] * len(pages)
    counts: dict[str, int] = {}
    for pieces, height in zip(pages, heights, strict=True):
        shown = [p for p in pieces if not p.hidden]
        candidates = [p for p in _ends(shown, height, body) if _short(p, height)]
        if len(pages) < 5:
            candidates = [p for p in candidates if edge(p, height)]
        # a long line repeats as a running head only in the page's margin (a title and a part's
        # name atop each page, "... Rules and Regulations, Part IX: ..."): inside the page it is content
        keys = {k for p in candidates for k in _keys(p) if len(k) < LONG or edge(p, height)}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    # a short document may carry its running lines on few pages (a landscape or scanned page
    # breaks the run): in the margins of two pages is enough there
    threshold = max(3, 0.4 * len(pages)) if len(pages) >= 5 else 2
    repeated = {k for k, c in counts.items() if c >= threshold} - keep
    last: dict[str, tuple[Piece, BlockKind]] = {}
    for pieces, height in zip(pages, heights, strict=True):
        shown = [p for p in pieces if not p.hidden]
        for p in _ends(shown, height, body):
            if _furniture(p, repeated, height) and not _heads_table(shown, p):
                if _paragraph(p):
                    last[_key(p)] = (p, p.kind)
                p.kind = BlockKind.FURNITURE
    # a paragraph under every page (a disclaimer: "It is not medical advice ...") is said once, on
    # the last page, where it stands in the way of no sentence a page break cut
    for p, kind in last.values():
        p.kind = kind
    _carried_over(pages)


def _carried_over(pages: list[list[Piece]]) -> None:
    """A page's first line that ends the sentence the page before broke off ("whenever the tool
    changes materially."), in lower case, is content however often the same words open a page;
    a running head in other type is none however it opens (a browser's print heads each page
    "zlib Usage Example" in small type)."""
    for before, pieces in itertools.pairwise(pages):
        last = next((p for p in reversed(before) if p.kind.indexed and not p.hidden), None)
        if last is None or re.search(r"[.!?:;][\"'”’)]?$", last.text.strip()):
            continue
        # the first piece after the page's running header
        first = next(
            (p for p in pieces if not p.hidden and (p.kind.indexed or (p.text[:1].islower() and _alike(p, last)))),
            None,
        )
        if first is None or first.kind != BlockKind.FURNITURE or first.heading:
            continue
        if first.text.strip()[:1].islower() and len(first.text.split()) >= 3:
            first.kind = BlockKind.TEXT


def _alike(a: Piece, b: Piece) -> bool:
    """Set in the same type size (within 12%), or a size unknown."""
    return not (a.size and b.size) or abs(a.size - b.size) <= 0.12 * max(a.size, b.size)


#: An identifier a running head may carry: one code of capitals and digits, with both ("K243310",
#: "DS-LVO-07", "MC-2024-11"); a page number, a date or a word is none.
_CODE = re.compile(r"(?<![\w./-])(?=[A-Z0-9./-]*\d)(?=[A-Z0-9./-]*[A-Z])[A-Z0-9]+(?:[-./][A-Z0-9]+)*(?![\w-])")


#: Page numbering at either end of a running line ("K243310 Page 1 of 3").
_PAGING = re.compile(
    r"^(?:page\s+)?(?!\d{1,2}/(?:19|20)\d\d\b)\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s+"
    r"|\s+(?:page\s+)?(?!\d{1,2}/(?:19|20)\d\d$)\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.I,
)  # a month and year ("Effective 01/2025") is a date, no page's number


#: Words a number closing a running line belongs to ("Rev. 2", "Version 3", "No. 12"): no page's.
_NUMBERED_BY = re.compile(
    r"\b(?:rev|revision|version|ver|v|no|vol|volume|issue|edition|ed|release|amendment)\.?$", re.I
)


_BARE_YEAR = re.compile(r"^(?:19|20)\d\d$")


def paged(text: str) -> tuple[str, int | None]:
    """A running line without the page numbering at either end, and the page number it printed."""
    cuts = [
        m
        for m in _PAGING.finditer(text)
        if not (m.start() > 0 and _NUMBERED_BY.search(text[: m.start()])) and not _BARE_YEAR.match(m[0].strip())
    ]
    number = int(re.findall(r"\d+", cuts[0][0])[0]) if cuts else None
    for m in reversed(cuts):  # "MS-AI-03 Rev. 2" keeps its revision, "Effective 2025" its year
        text = text[: m.start()] + " " + text[m.end() :]
    return text.strip(), number


def _unpaged(text: str) -> str:
    return paged(text)[0]


#: Where a footer block's lines part: a bar, a copyright line, a sentence's end.
_PARTS = re.compile(r"\s+\|\s+|\s+(?=\u00a9|\(c\)\s|copyright\b)|(?<=[a-z]\.)\s+(?=[A-Z\u00a9])", re.I)
#: "Page 3 of 12" inside a running block of several lines, with the bar that sets it off.
_PAGE_WORD = re.compile(r"(?:\s*\|)?\s*\bpage\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\b(?:\s*\|)?", re.I)


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A date ("Tuesday, November 3, 2026", "3 November 2026", "Nov 2026", "2026-11-03") or an issue's
#: number ("Vol. 91", "No. 212") a running head may carry.
_DATED = re.compile(
    rf"\b(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
    r"|\b(?:Vol\.|Volume|No\.|Issue)\s?\d{1,5}\b"
)


def _codes(text: str) -> list[str]:
    """What a running line states of the document itself: its codes, dates and issue numbers."""
    return [c for c in _CODE.findall(text) if len(c) >= 5] + [" ".join(m.split()) for m in _DATED.findall(text)]


document_codes = _codes  # what a Word header's or footer's line states of the document, too


def _slug(text: str) -> bool:
    """A printer's production line (job, frame and format numbers: "Jkt 262001 PO 00000 Frm 00022
    Fmt 4700"): more tokens with figures than words, and many of them. It states nothing of the
    document."""
    tokens = text.split()
    figures = sum(bool(re.search(r"\d", t)) for t in tokens)
    return figures >= 6 and figures > len(tokens) - figures


def running_identifiers(pages: list[list[Piece]], heights: list[float]) -> list[Piece]:
    """The identifiers running heads carry, as citable field lines: a running header or footer is
    furniture and never quoted, but the code it prints may be the only place the document gives
    its own number (a 510(k) summary's "K243310" atop every page), or its date and issue (a
    gazette's "Vol. 91, No. 212 / Tuesday, November 3, 2026"). For each running line holding a
    code, date or issue number the content never states, one line on the first page carrying it,
    labelled with where it is printed ("Page header: K243310"), page numbering left out. Each is
    inserted at the head of its page (`Piece.kind` TEXT) and also returned."""
    content = " ".join(" ".join(p.text for pieces in pages for p in pieces if p.kind.indexed and not p.hidden).split())
    seen: set[str] = set()
    out: list[Piece] = []
    for pieces, height in zip(pages, heights, strict=True):
        new: list[Piece] = []
        for p in pieces:
            if p.kind != BlockKind.FURNITURE or p.hidden:
                continue
            kept = [c.strip() for c in p.text.split(" | ") if c.strip() and not PAGE_NO.match(c.strip())]
            text = " ".join(_PAGE_WORD.sub(" ", " ".join(kept)).split())
            text = _unpaged(text)
            # of a footer block, the parts stating a code or date ("Policy HR-204 Rev. 3 Effective
            # 01/2025"), not its copyright line or a bar's "Confidential" beside them
            parts = [t for t in _PARTS.split(text) if any(c not in content for c in _codes(t))]
            text = " ".join(parts) if len(parts) < len(_PARTS.split(text)) else text
            if not any(c not in content for c in _codes(text)) or norm(text) in seen or _slug(text):
                continue
            seen.add(norm(text))
            where = "footer" if height > 0 and p.top > height / 2 else "header"
            line = Piece(p.page, BlockKind.TEXT, f"Page {where}: {text}", top=p.top, x0=p.x0, x1=p.x1, running=where)
            new.append(line)
        pieces[:0] = new
        out += new
    return out


def toc_line(text: str) -> bool:
    return bool(_TOC_LINE.search(text.strip())) and bool(re.search(r"[A-Za-z]", text))


def _toc_start(content: list[Piece]) -> int:
    """Where the contents list begins on the page that opens it: at its title ("Contents") or its
    first entry. What the page prints above it (the document's title block, a line saying who
    adopted it and when) is content, unless it is an entry itself."""
    for i, p in enumerate(content):
        if CONTENTS_TITLE.match(p.text.strip()) or _holds_entry(p):
            return i
    return 0


def _toc_end(content: list[Piece], start: int = 0) -> int:
    """Where the contents list ends on its page: after the last piece holding an entry, when
    prose follows it (a paragraph introducing the document); else at the page's end. A list
    without page numbers (a web page printed, its contents linked) ends at the first piece that
    is no entry: a heading or a sentence."""
    last = max((i for i in range(start, len(content)) if _holds_entry(content[i])), default=-1)
    if last < 0:
        end = start + 1
        # "List of Tables" after the chapters' entries goes on with the contents
        while end < len(content) and (_unpaged_entry(content[end]) or CONTENTS_TITLE.match(content[end].text)):
            end += 1
        return end
    after = content[last + 1 :]
    prose = any(p.kind == BlockKind.TEXT and not p.heading and _SENTENCE.search(p.text) for p in after)
    return last + 1 if last >= 0 and prose else len(content)


def _titled_after(content: list[Piece], end: int) -> int:
    """Where a heading titling another contents list starts after `end`, -1 when none does."""
    return next(
        (i for i in range(end, len(content)) if content[i].heading and CONTENTS_TITLE.match(content[i].text.strip())),
        -1,
    )


def _holds_entry(p: Piece) -> bool:
    return any(toc_line(ln) for ln in p.text.split("\n"))


def _unpaged_entry(p: Piece) -> bool:
    """What a contents list without entries ending in page numbers may hold: no heading and no
    sentence (its entries, perhaps run together with their numbers in a column beside them), or
    a table's row of a title and its page ("II. Documentation Requirements | 7")."""
    if p.kind == BlockKind.TABLE:
        return not p.heading and bool(_PAGE_CELL.search(p.text.strip()))
    return not p.heading and p.kind == BlockKind.TEXT and not _SENTENCE.search(p.text)


#: A contents entry set as a table's row: a title with a letter in it, then a cell with its page.
_PAGE_CELL = re.compile(r"^[^|]*[A-Za-z][^|]*\|\s*(?:\d{1,4}|[ivxlc]{1,6})$", re.I)


#: A sentence: words, then a full stop closing a word of lower case.
_SENTENCE = re.compile(r"[a-z]{2,}\s+[a-z]{2,}.*[a-z)]\.(?:\s|$)", re.S)


def mark_toc_and_index(pages: list[list[Piece]]) -> None:
    """Table-of-contents and index pages, and stray TOC lines elsewhere, are marked."""
    in_toc = in_index = unpaged = False
    for pieces in pages:
        content = [p for p in pieces if p.kind.indexed and not p.hidden]
        if not content:
            continue
        lines = [ln for p in content for ln in p.text.split("\n") if ln.strip()]
        toc = sum(toc_line(ln) for ln in lines)
        index = sum(bool(_INDEX_LINE.match(ln.strip())) for ln in lines)
        # a contents title heads the page's first pieces, or is a heading further down (a web
        # page printed with its sidebar: "Table of Contents" under the site's logo and search box)
        titled = next(
            (i for i, p in enumerate(content) if (i < 3 or p.heading) and CONTENTS_TITLE.match(p.text.strip())), -1
        )
        titled_index = any(_INDEX_TITLE.match(p.text.strip()) for p in content[:3])
        # a list without page numbers that ran to the foot of the page goes on at the head of the next
        going_on = in_toc and unpaged and toc == 0 and _unpaged_entry(content[0])
        if (
            titled >= 0
            or going_on
            or (in_toc and toc >= 0.4 * len(lines))
            or (len(lines) >= 4 and toc >= 0.5 * len(lines))
        ):
            start = 0 if in_toc else titled if titled >= 3 else _toc_start(content)
            end = _toc_end(content, start)
            for p in content[start:end]:
                p.kind = BlockKind.TOC
            while (more := _titled_after(content, end)) >= 0:  # a second list: the sidebar's after the document's
                start, end = more, _toc_end(content, more)
                for p in content[start:end]:
                    p.kind = BlockKind.TOC
            # what the page prints after the list's last entry (an introduction) is content, and
            # the contents list has ended
            in_toc, in_index = end == len(content), False
            unpaged = not any(_holds_entry(p) for p in content[start:end])
            continue
        in_toc = False
        if titled_index or (in_index and index >= 0.5 * len(lines)) or (len(lines) >= 8 and index >= 0.7 * len(lines)):
            in_index = True
            for p in content:
                p.kind = BlockKind.INDEX
            continue
        in_index = False
        for p in content:
            if toc_line(p.text) and p.lines <= 2:
                p.kind = BlockKind.TOC


def mark_web_controls(pages: list[list[Piece]]) -> None:
    """A web page printed with its controls ("Skip to content" atop the first page, "Back to
    top"): furniture, never text and never a heading."""
    for p in (p for pieces in pages for p in pieces):
        if p.kind == BlockKind.TEXT and not p.hidden and web_control(p.text):
            p.kind = BlockKind.FURNITURE


def ref_heading(text: str) -> bool:
    return bool(_REF_TITLE.match(" ".join(text.split())))


#: The statements closing a paper after its references: what funded it, the authors' interests.
_DECLARATION = re.compile(
    r"^(?:funding|sources? of funding|financial support|conflicts?(?: of interests?)?|competing interests?"
    r"|declarations? of interests?|disclosures?|financial disclosures?|acknowledge?ments?|data availability"
    r"|author contributions?|ethics(?: statement| approval)?|role of the funder)\s*[:.]\s",
    re.I,
)


def declaration(text: str) -> bool:
    """Is this the statement closing a paper after its references, not a reference?"""
    return bool(_DECLARATION.match(text.strip()))


#: A heading that states a fact: a label, a colon, and a value with a figure ("Ambient scribe
#: pilot: 42 clinicians, 6 sites"), not a table's caption ("Table 2: Inputs (27 variables)").
_FACT_HEADING = re.compile(r"^(?!(?:table|figure|exhibit|chart)\b)[^:]{3,80}:\s+(?=[^:]*\d)[^:]{3,}$", re.I)


def stated_in_heading(text: str, section: str = "") -> str:
    """The fact a heading states, to be read as text under itself too ("" when it states none): a
    label with a value ("Pilot: 42 clinicians, 6 sites"), or a short value under a heading that
    labels it ("SIGNIFICANT IMPROVEMENT REQUIRED" under "1.2 Overall rating": "Overall rating:
    SIGNIFICANT IMPROVEMENT REQUIRED")."""
    flat = " ".join(text.split())
    if _FACT_HEADING.match(flat):
        return flat
    parts = [p.strip() for p in section.split(" > ")]
    label = re.sub(r"^(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+", "", parts[-2]) if len(parts) >= 2 and parts[-1] == flat else ""
    value = 1 <= len(flat.split()) <= 6 and not flat.endswith(".") and not _VALUE_LABEL.search(flat)  # no label
    return f"{label}: {flat}" if value and _VALUE_LABEL.search(label) else ""


#: A heading that labels the value set under it: "Overall rating", "Audit opinion", "Status".
_VALUE_LABEL = re.compile(
    r"^(?:[\w-]+\s+){0,3}(?:rating|opinion|conclusion|status|verdict|grade|assurance level|risk level|outcome|decision)$",
    re.I,
)
