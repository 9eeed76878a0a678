"""Reading a PDF on PDFium (imported on first use by :mod:`.pdf`): layout-faithful text by physical page, sections from
the outline and headings, tables as rows, furniture and reference lists recognised, hidden text quarantined, OCR."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from . import ocr
from .chunking import header_row
from .document import (
    HIDDEN_TEXT,
    Block,
    BlockKind,
    Document,
    descriptive_title,
    fail,
    form_fields,
    note_meta,
    subject_title,
    title_from_name,
)
from .hyphens import Dehyphenator
from .limits import Deadline, Limits
from .pdf_chapters import mark_chapter_heads
from .pdf_chars import Page, PageReader
from .pdf_figures import chart_labels, figure_labels
from .pdf_furniture import (
    CONTINUED,
    Piece,
    declaration,
    mark_running_heads,
    mark_toc_and_index,
    mark_web_controls,
    norm,
    ref_heading,
    running_boxes,
    running_identifiers,
    stated_in_heading,
)
from .pdf_layout import NOTE_MARK, Item, ItemKind, Line, build_boxes, is_field, page_items
from .pdf_lists import BULLET_SIGNS, marked_items, unmarked_lists
from .pdf_marking import body_style
from .pdf_mend import (
    bullets_heading_nothing,
    captions_below,
    closing_lines,
    defined_terms,
    drop_permalinks,
    front_matter,
    join_wrapped_headings,
    mend_column_breaks,
    mend_page_break,
    run_in_terms,
)
from .pdf_notes import attach_across_pages, attach_notes, join_marks, split_notes, table_notes
from .pdf_outline import Outline, placed, read_outline
from .pdf_tablebreak import mend_table_break
from .pdf_title import TitleBlock, choose_title, first_heading, meta_title, title_block, title_over_fields

_LETTERS = re.compile(r"[A-Za-z]{2,}")
_ALNUM = re.compile(r"[^\W_]")
_BULLET = re.compile(rf"^(?:[{BULLET_SIGNS}]|-(?=\s))\s*")


def read_pdf(path: Path, source: str, limits: Limits) -> Document:
    """The document of a PDF file, within `limits`."""
    if path.stat().st_size == 0:
        raise fail(path, "file is empty; add content or remove it from the folder")
    deadline = Deadline(path, limits.seconds)
    doc = open_pdf(path, limits)
    try:
        pages, scanned = _read_pages(doc, path, limits, deadline)
        imaged = [i for i in scanned if _page_has_image(doc, i)]
        ocr_blocks = ocr.ocr_pages(doc, path, imaged, limits, deadline) if imaged else {}
        outline = read_outline(doc)
        title = meta_title(doc)
        if ocr_blocks and title.lower() == path.stem.lower():
            title = ""  # a scan saved with its file name as title (Pillow, scanners): the page's heading titles it
    finally:
        doc.close()
    if not any(p.frags for p in pages) and not ocr_blocks:
        raise fail(path, ocr.no_text_problem(path, limits, scanned=bool(imaged)))
    blocks, printed = _blocks(pages, placed(outline, pages), ocr_blocks)
    if not any(b.kind.indexed for b in blocks):
        raise fail(path, "no readable text: every page is a table of contents, index, reference list or furniture")
    title = choose_title(title, printed.text if printed else "", first_heading(blocks), title_from_name(path))
    blocks = title_over_fields(form_fields(blocks), printed.passage if printed else None)
    return Document(source=source, title=subject_title(title, blocks), blocks=blocks)


def open_pdf(path: Path, limits: Limits) -> Any:
    """A PDFium document within the page cap; IngestError for encrypted or damaged files."""
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise fail(path, "encrypted PDF that needs a password; save an unencrypted copy and index that") from None
        raise fail(path, f"corrupt or unreadable PDF ({msg}); re-export it or check the download") from None
    n = len(doc)
    if n == 0:
        doc.close()
        raise fail(path, "PDF has no pages")
    if n > limits.max_pages:
        doc.close()
        raise fail(
            path,
            f"PDF has {n} pages, over the {limits.max_pages}-page limit; split it or raise ADVISOR_INGEST_MAX_PAGES",
        )
    return doc


def _read_pages(doc: Any, path: Path, limits: Limits, deadline: Deadline) -> tuple[list[Page], list[int]]:
    """Fragments of every page, and the 0-based pages with no text layer (OCR candidates)."""
    pages: list[Page] = []
    scanned: list[int] = []
    for i in range(len(doc)):
        deadline.check("reading the PDF")
        try:
            page = doc[i]
        except Exception:  # one damaged page should not lose the rest of the document
            pages.append(Page(i + 1, 0, 0))
            continue
        try:
            reader = PageReader(page, i + 1, max_objects=limits.max_page_objects, max_chars=limits.max_page_chars)
            read = reader.read()
        except Exception:
            read = Page(i + 1, 0, 0)
        finally:
            page.close()
        pages.append(read)
        if read.chars < 3:
            scanned.append(i)
    return pages, scanned


def _page_has_image(doc: Any, i: int) -> bool:
    page = doc[i]
    try:
        return ocr.has_image(page)
    except Exception:  # a damaged page: nothing to read
        return False
    finally:
        page.close()


def _item_texts(item: Item, dehyph: Dehyphenator, body: float = 0.0) -> tuple[str, list[int]]:
    """The item's text, and the offsets where a field starts in it (a paragraph opening with a
    label that does not follow a lead-in)."""
    if item.kind == ItemKind.TABLE_ROW:
        cells = [dehyph.join([ln.text for ln in cell]) for cell in item.cells]
        if len({c.strip().rstrip(".;").lower() for c in cells}) == 1:
            return cells[0], []  # every column says the same: one statement, not three copies
        return " | ".join(cells), []
    # each field of a card or form ("Release Date: May 2022") is a paragraph of its own; they are
    # joined by single line breaks, so a field list reads as one record (a lone "Developer: X"
    # line would read as a chat role tag)
    paras = []
    # in type smaller than the body, "* Figures are estimates" is a note with its mark, no list item
    small = 0 < item.size <= 0.92 * body
    for para in item.paragraphs:
        text = dehyph.join([ln.text for ln in para])
        paras.append(text if small and NOTE_MARK.match(text) else _BULLET.sub("- ", text, count=1))
    if item.kind != ItemKind.TEXT:
        return " ".join(paras), []
    paras = marked_items(item.paragraphs, paras)
    breaks, pos, out = [], 0, ""
    for i, (para, text) in enumerate(zip(item.paragraphs, paras, strict=True)):
        if i:
            # a paragraph back at the margin after a list's last item ends the list (a blank line),
            # so the paragraphs after a list are not read as part of its last item
            prev = item.paragraphs[i - 1]
            ends = paras[i - 1].startswith("- ") and not text.startswith("- ") and para[0].x0 <= prev[0].x0 + 1.0
            out += "\n\n" if ends else "\n"
            pos = len(out)
        # a list item stays with its list, a field introduced by a lead-in with the lead-in
        if is_field(para) and not text.startswith("- ") and not (i and paras[i - 1].endswith(":")):
            breaks.append(pos)
        out += text
    return out, breaks


def _pieces(pages: list[Page], size: float, bold: bool, mono: bool) -> tuple[list[list[Piece]], Dehyphenator]:
    boxes = [build_boxes(p) for p in pages]
    apart = running_boxes(boxes, [p.height for p in pages])
    items = [page_items(p, size, bold, b, a, mono) for p, b, a in zip(pages, boxes, apart, strict=True)]
    lines: list[Line] = [ln for page in items for it in page for group in (it.paragraphs or it.cells) for ln in group]
    dehyph = Dehyphenator(ln.text for ln in lines)
    out: list[list[Piece]] = []
    noted: list[set[str]] = []  # the marks of the notes each page prints
    for page, page_items_ in zip(pages, items, strict=True):
        pieces = []
        for it in page_items_:
            text, breaks = _item_texts(it, dehyph, size)
            if not text.strip():
                continue
            kind = BlockKind.TABLE if it.kind == ItemKind.TABLE_ROW else BlockKind.TEXT
            n_lines = sum(len(g) for g in (it.paragraphs or it.cells))
            heading = it.kind == ItemKind.HEADING
            piece = Piece(page.number, kind, text, heading, it.hidden, it.top, n_lines, it.x0, it.x1, breaks)
            piece.size, piece.bottom, piece.frame = it.size, it.bottom, it.frame
            pieces.append(piece)
        unmarked_lists(pieces)
        table_notes(pieces, page.marks)
        join_marks(pieces, size)
        _mark_notes(pieces, size, page)
        noted.append({m for p in pieces if p.note for m, _ in split_notes(p.text)})
        out.append(attach_notes(pieces, page.marks))
    attach_across_pages(out, [p.marks for p in pages], noted)
    return out, dehyph


_NOTE_MARK = re.compile(r"^(?:\d{1,3}|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,3}|[*\u2020\u2021])\s*[A-Za-z(]")


def _mark_notes(pieces: list[Piece], body: float, page: Page) -> None:
    """Footnotes: text in smaller type than the body in the lower half of the page, or right
    under a rule across the text (the notes closing a section higher up), from the first piece
    opening with its mark ("1 The Board ...") on, until body-size text comes again."""
    notes = 0.0  # the notes' type size, once they began
    for p in (p for p in pieces if not p.table_note):
        small = 0 < p.size <= 0.85 * body and p.kind == BlockKind.TEXT and not p.heading
        foot = p.top > 0.5 * page.height or _ruled_above(p, page.hrules)
        opens = foot and bool(_NOTE_MARK.match(p.text))
        # a line in other type under the notes (a printer's slug at the page's foot) is none
        if small and (opens or (notes and abs(p.size - notes) <= 0.1 * notes)):
            p.note = True
            notes = notes or p.size
        elif not small or notes:
            notes = 0.0


def _ruled_above(p: Piece, hrules: list[tuple[float, float, float]]) -> bool:
    """A rule spans the piece's left edge just above it (a footnote separator)."""
    return any(p.top - 2.5 * p.size <= y <= p.top and a <= p.x0 + 1 < b for y, a, b in hrules)


def _blocks(
    pages: list[Page], outline: Outline, ocr_blocks: dict[int, list[Block]]
) -> tuple[list[Block], TitleBlock | None]:
    body, bold, mono = body_style(f for p in pages for f in p.frags)
    pieces, dehyph = _pieces(pages, body, bold, mono)
    titles = {norm(t[-1]) for _, t in outline}
    mark_running_heads(pieces, titles, [p.height for p in pages], body)
    mark_chapter_heads(pieces, [p.height for p in pages])
    mark_toc_and_index(pieces)
    mark_web_controls(pieces)
    header: tuple[str, ...] = ()  # the column headings of a table running over the page break
    for page, nxt in pairwise(pieces):
        header = mend_table_break(page, nxt, header)
        mend_page_break(page, nxt)
    for page in pieces:
        drop_permalinks(page)
        join_wrapped_headings(page)
        bullets_heading_nothing(page)
        page[:] = figure_labels(page)
        chart_labels(page)
        mend_column_breaks(page)
        captions_below(page)
        run_in_terms(page)
        defined_terms(page)
        _group_labels(page)
    closing_lines(pieces, body)
    for piece in (p for page in pieces for p in page):
        _mend_hyphens(piece, dehyph)
    # after the page breaks are mended: a code's line never joins the prose of the page before
    running_identifiers(pieces, [p.height for p in pages])
    printed = title_block(pieces, body)
    blocks = _Sections(outline, body, printed).assign(pieces, ocr_blocks)
    # a line without a word is a stray page number or mark; a table row is kept however it reads
    # ("18–44 | 9,420 | 0.88": an age band's figures, every cell a number)
    kept = [b for b in blocks if _LETTERS.search(b.text) or (b.kind == BlockKind.TABLE and _ALNUM.search(b.text))]
    return kept, printed


_NUMBERED = re.compile(
    r"^(?:(?P<top>article|chapter|part|appendix|annex|schedule)\s+(?:[IVXLC]+|\d{1,2}|[A-Z])\b"
    r"|(?:section\s+)?(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s+[A-Za-z])",
    re.I,
)


_CAPTION = re.compile(r"^(?:table|exhibit|figure|fig\.)\s+[A-Z]?\d+(?:\.\d+)*(?:[.:]?\s|$)", re.I)

_BARE_NUMBER = re.compile(
    r"^(?:(?:article|chapter|part|appendix|annex|schedule)\s+\S+|\d{1,2}(?:\.\d{1,2})*\.?)$", re.I
)


def heading_level(text: str) -> int | None:
    """A numbered heading's depth ("Article IV" 1, "4.2 Scope" and "Section 4.2" 2, "4.2.1" 3);
    None when the heading carries no number."""
    m = _NUMBERED.match(text.strip())
    if m is None:
        return None
    return 1 if m["top"] else m["num"].count(".") + 1


def _title(text: str) -> str:
    return " ".join(text.split()).lower()


#: How much larger an unnumbered heading must be set to stand over the next one rather than beside it.
_OVER = 1.4


class _Sections:
    """Heading paths: the outline's where it names a heading, else heading levels by size."""

    def __init__(self, outline: Outline, body: float = 0.0, printed: TitleBlock | None = None):
        self.outline = outline
        self.body = body  # the body text's type size
        self.printed = printed  # the title block on the first page
        self.pending = ""  # the title block's text, read with the first content under it
        self.above: list[Block] = []  # short lines over the title block, held for its passage
        self.lines_above: list[str] = []
        self.by_page: dict[int, list[tuple[str, ...]]] = {}
        for page, tpath in outline:
            self.by_page.setdefault(page + 1, []).append(tpath)
        self.titles = {_title(t[-1]) for _, t in outline}
        self.carried: list[tuple[str, ...]] = []  # outline entries the page before did not print
        self.current: tuple[str, ...] = ()
        self.local: tuple[str, ...] = ()  # a heading under the current outline entry
        self.sizes: tuple[float, ...] = ()  # each local heading's type size
        self.fresh = False  # no text came since the last heading
        self.seen = False  # a heading came
        self.head_page = 0  # the page of the last heading
        self.in_refs = False
        self.bare = False  # the last heading is a number without its title ("ARTICLE IV")
        self.rows = False  # table rows came since the last heading
        self.box: tuple[int, int] | None = None  # (page, number) of the call-out box being read
        self.before_box: tuple | None = None  # the sections as they stood before it
        self.carried_box: tuple | None = None  # (page, sections) of a box that ran to its page's foot

    def _heading(self, piece: Piece) -> None:
        self.rows = False
        match = self._entry(piece)
        if match is not None:
            self.current, self.local, self.sizes = match, (), ()
            self.seen = True
            self.in_refs = any(ref_heading(t) for t in match)  # "References > Existing frameworks" too
            return
        # a heading the outline does not name sits under the current outline entry, and under
        # the numbered headings above its own number ("Article IV" > "Section 4.2"); an
        # unnumbered one ("Key message", "Table 2. ...") under the numbered heading it follows
        # "Table 3. ... (continued)" atop the next page goes on with the table it continues
        text = CONTINUED.sub("", piece.text.replace("\n", " ")).strip() or piece.text.replace("\n", " ")
        level = heading_level(text)
        if level is None and self.bare:
            joined = f"{self.local[-1]} {text}"  # "ARTICLE IV" / "MEDICAL RECORDS"
            self._set(self.local[:-1], self.sizes[:-1])
            self._push(joined, piece.size)
        elif level is None:
            # a label no larger than the body text ("OUTCOME", "EVIDENCE") sits under the larger
            # heading above it (the control it describes), though not under the document's title
            # (a model card's name over its "Warnings"); a badge repeating the title's code
            # ("GV-3.2" beside "GV-3.2 Supplier risk") gives way to the title; one set as large as
            # the numbered heading above it ("Revision history" after "9. Questions") is its sibling
            prefix = self.fresh and self.local and text.startswith(f"{self.local[-1]} ")
            label = 0 < piece.size <= self.body + 0.5
            kept = [
                (h, s)
                for h, s in zip(self.local[: -1 if prefix else None], self.sizes, strict=False)
                if (heading_level(h) is not None and not 0 < s <= piece.size + 0.25)
                or (label and s > piece.size + 0.5)
                # a heading set far larger sits over it: a slide's headline over its bold bullets
                or s >= _OVER * piece.size
            ]
            self._set(tuple(h for h, _ in kept), tuple(s for _, s in kept))
            self._push(text, piece.size if self.seen else 0.0)  # the first heading titles the whole
        else:
            kept = [(h, s) for h, s in zip(self.local, self.sizes, strict=True) if 0 < (heading_level(h) or 0) < level]
            self._set(tuple(h for h, _ in kept), tuple(s for _, s in kept))
            self._push(text, piece.size)
        self.fresh = self.seen = True
        self.bare = level is not None and bool(_BARE_NUMBER.match(text))
        under_refs = any(ref_heading(t) for t in self.current)
        self.in_refs = ref_heading(piece.text) or under_refs

    def _callout(self, piece: Piece, page_top: float) -> None:
        """A call-out box's title heads the box only: when the box ends, the sections are put
        back as they stood before it (unless it held the document's first heading). A box
        running to its page's foot and going on atop the next page keeps its sections there."""
        key = (piece.page, piece.frame) if piece.frame else None
        if key == self.box:
            return
        inside = (self.current, self.local, self.sizes, self.in_refs, self.bare, self.rows)
        if self.box is not None and self.before_box is not None:
            self.carried_box = (self.box[0], inside) if self.box[0] < piece.page else None
            self.current, self.local, self.sizes, self.in_refs, self.bare, self.rows = self.before_box
        state = (self.current, self.local, self.sizes, self.in_refs, self.bare, self.rows)
        self.box, self.before_box = key, state if key is not None and self.seen else None
        carried = self.carried_box
        if key is not None:
            self.carried_box = None
        if key and carried and carried[0] == piece.page - 1 and piece.top <= page_top + piece.size:
            self.current, self.local, self.sizes, self.in_refs, self.bare, self.rows = carried[1]

    def _above_title(self, piece: Piece) -> bool:
        """A short line over the first page's title block (the issuing body, "MINISTRY OF ...")
        is read with the title, not as a passage of its own."""
        printed = self.printed
        if printed is None or piece.page != printed.piece.page or piece.top >= printed.piece.top:
            return False
        text = piece.text.strip()
        short = "\n" not in text and len(text.split()) <= 15 and not text.endswith(".")
        return short and piece.kind == BlockKind.TEXT and not (piece.hidden or piece.note or piece.running)

    def _release_above(self, piece: Piece | None) -> list[Block]:
        """The lines held over the title block: kept for its passage when `piece` is the title
        block and it is read as text, else given back as blocks of their own."""
        held, self.above = self.above, []
        printed = self.printed
        if printed and piece is printed.piece and descriptive_title(printed.text):
            self.lines_above = [b.text for b in held]
            return []
        return held

    def _title_text(self, piece: Piece, blocks: list[Block], byline: bool) -> None:
        """The title over the lines under it (authors, parties, date; a cover's facts) is read
        with them, so the passage names what it opens ("what is the report called?"): the first
        page's title block (with the part it names), or the first heading over a byline. A
        numbered heading coming first starts the body: the title is then the documents' name only."""
        printed = self.printed
        if printed and piece is printed.piece:
            self.pending = "\n".join([*self.lines_above, printed.text]) if descriptive_title(printed.text) else ""
            self.lines_above = []
        elif byline and descriptive_title(piece.text):
            blocks.append(Block(" ".join(piece.text.split()), self.section, piece.page))
        elif self.pending and heading_level(piece.text) is not None and piece.text.strip() not in self.pending:
            self.pending = ""

    def _entry(self, piece: Piece) -> tuple[str, ...] | None:
        """The outline entry a heading prints, taken off the entries still to come: one of its page
        titled the same, or one the page before did not print (an outline entry made just before a
        page break names the page the heading was pushed off); else one of its page the same but
        for its numbers, unless the heading is another entry's title ("Recommendation R9" is not
        the entry "Recommendation R10" of its page)."""
        pending = self.by_page.get(piece.page, [])
        title = _title(piece.text)
        # an outline may leave out the numbers its headings print ("ASN.1 syntax" for "2.1 ASN.1 syntax")
        numbered = _NUMBERED.match(title)
        bare = title[numbered.end() - 1 :] if numbered and numbered["num"] else title
        for entries in (pending, self.carried):
            match = next((t for t in entries if _title(t[-1]) in (title, bare)), None)
            if match is not None:
                entries.remove(match)
                return match
        key = norm(piece.text)
        match = None if title in self.titles else next((t for t in pending if norm(t[-1]) == key), None)
        if match is not None:
            pending.remove(match)
        return match

    def _set(self, local: tuple[str, ...], sizes: tuple[float, ...]) -> None:
        self.local, self.sizes = local, sizes

    def _push(self, text: str, size: float) -> None:
        self.local, self.sizes = (*self.local, text), (*self.sizes, size)

    @property
    def section(self) -> str:
        return " > ".join(self.current + self.local)

    def _after_refs(self, piece: Piece) -> BlockKind:
        """A piece under a reference list's heading: a reference, unless it is the statement that
        closes a paper ("Funding: ...", "Conflicts of interest: ..."), which ends the list."""
        if not declaration(piece.text):
            return BlockKind.REFERENCES
        self.in_refs = False
        if self.local and ref_heading(self.local[-1]):
            self._set(self.local[:-1], self.sizes[:-1])
        return piece.kind

    def _after_table(self, row: bool) -> None:
        """Prose after the rows under a table's caption ("Table 1. Core registries") is back
        under the heading above the caption: the caption titles its table only."""
        if row:
            self.rows = True
        elif self.rows and self.local and _CAPTION.match(self.local[-1]):
            self._set(self.local[:-1], self.sizes[:-1])
            self.rows = False
        else:
            self.rows = False

    def assign(self, pages: list[list[Piece]], ocr_blocks: dict[int, list[Block]]) -> list[Block]:
        blocks: list[Block] = []
        started = False  # an indexed block came: no later page is the title page
        for number, pieces in enumerate(pages, start=1):
            mark = len(blocks)
            cover = [] if started else _cover(pieces)
            if cover:
                # a title page of headings only (a deck's title slide: what, for whom, by whom and
                # when) is read as text too, or nothing of it would be indexed
                text = "\n\n".join(p.text for p in cover)
                blocks.append(Block(text, cover[0].text, number, BlockKind.TEXT, "", {"cover": "yes"}))
            top = min((p.top for p in pieces if p.kind.indexed and not p.hidden), default=0.0)
            for i, piece in enumerate(pieces):
                if piece.kind.indexed and not piece.hidden and piece.text.strip():
                    self._callout(piece, top)
                if piece.heading and not piece.hidden and piece.kind.indexed:
                    first = not (self.seen or cover or any(b.kind.indexed and b.text.strip() for b in blocks))
                    blocks += self._release_above(piece)
                    # a value heading sits under its label on the label's page ("Status" over "Amber")
                    labelled = self.head_page == piece.page
                    self._heading(piece)
                    self.head_page = piece.page
                    self._title_text(piece, blocks, first and not cover and front_matter(pieces[i + 1 :]))
                    if not first and (fact := stated_in_heading(piece.text, self.section if labelled else "")):
                        # a bold bullet stating a fact ("Pilot: 42 clinicians, 6 sites") heads what
                        # follows and is said too: a heading itself is never quoted
                        blocks.append(Block(fact, self.section, piece.page))
                    continue
                if self._above_title(piece):
                    self.above.append(Block(piece.text, self.section, number))
                    continue
                if self.pending and piece.kind.indexed and not piece.hidden and self.printed:
                    self.printed.passage = Block(self.pending, self.section, number)
                    blocks.append(self.printed.passage)
                self.pending = "" if piece.kind.indexed and not piece.hidden else self.pending
                if piece.kind.indexed and not piece.hidden:
                    self.bare = self.fresh = False
                    self._after_table(piece.kind == BlockKind.TABLE or piece.table_note)
                kind = piece.kind
                if kind.indexed and self.in_refs and not piece.hidden:
                    kind = self._after_refs(piece)
                quarantine = HIDDEN_TEXT if piece.hidden else ""
                meta = {"hidden": piece.hidden} if piece.hidden else {}
                if piece.running:
                    meta["running"] = piece.running  # a running head's code: the document's own number
                if piece.note and kind.indexed:
                    # a note not placed after its mark is never quoted
                    meta.update({"note": "footnote"} if piece.apart else note_meta(piece.text))
                blocks.append(Block(piece.text, self.section, piece.page, kind, quarantine, meta, breaks=piece.breaks))
            self.pending = ""  # a title page of headings alone: its title is the documents' name
            blocks += self._release_above(None)
            # outline titles not found in the text still start their section on this page
            left = self.by_page.pop(number, [])
            self.carried = list(left)
            if left:
                self.current, self.local, self.sizes = left[-1], (), ()
                self.in_refs = any(ref_heading(t) for t in left[-1])
            for b in ocr_blocks.get(number, []):
                b.section = ocr.nest(self.section, b.section)
                blocks.append(b)
            started = started or any(b.kind.indexed for b in blocks[mark:])
        return blocks


def _cover(pieces: list[Piece]) -> list[Piece]:
    """The lines of a page holding headings and nothing else, when those after the title say
    something of their own (a cover's "AI RMF / AI RMF Playbook" repeats the title: no passage)."""
    shown = [p for p in pieces if p.kind.indexed and not p.hidden]
    if len(shown) < 2 or not all(p.heading for p in shown):
        return []
    return shown if sum(len(p.text.split()) for p in shown[1:]) >= COVER_WORDS else []


#: Words the lines after a title page's title must hold to be indexed as a passage.
COVER_WORDS = 8


def _mend_hyphens(piece: Piece, dehyph: Dehyphenator) -> None:
    """Hyphens a join left before a space decided as at a line end; field offsets kept in step."""
    cuts = [0, *piece.breaks, len(piece.text)]
    parts = [dehyph.mend(piece.text[a:b]) for a, b in pairwise(cuts)]
    piece.text = "".join(parts)
    piece.breaks = [sum(len(x) for x in parts[:i]) for i in range(1, len(parts))]


def _group_labels(page: list[Piece]) -> None:
    """A short line between two rows of one table, at its left ("Age band" above the age rows
    of a subgroup table, a spanning cell set bold; left of the first cells' text, which may be
    centred) labels a group of the table's rows: it is a row of the table, one cell, so the
    rows after it stay in the table (and under its header row) instead of under a heading of
    their own. Not before a header row: that line titles the next table."""
    for prev, label, nxt in zip(page, page[1:], page[2:], strict=False):
        if not (prev.kind == nxt.kind == BlockKind.TABLE and label.kind == BlockKind.TEXT):
            continue
        text = label.text.strip()
        if label.hidden or label.note or "\n" in text or len(text) > 80 or re.search(r"[.;:]$", text):
            continue
        left, size = min(prev.x0, nxt.x0), max(label.size, 1.0)
        edge = left - 8 * size <= label.x0 <= left + 1.5 * size and label.x1 <= max(prev.x1, nxt.x1)
        # in the rows' own type: a section heading between two tables is set larger
        small = 0 < label.size <= 1.05 * max(prev.size, nxt.size)
        same = prev.text.count(" | ") == nxt.text.count(" | ") > 0
        if edge and small and same and not header_row(nxt.text) and not _CAPTION.match(text):
            label.kind, label.heading, label.text = BlockKind.TABLE, False, text
