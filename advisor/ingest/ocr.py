"""OCR of scanned PDF pages with Tesseract (the Debian `tesseract-ocr` package).

The `tesseract` binary is called directly (no Python wrapper needed) with a timeout per
page. Its TSV output gives each word a confidence; blocks carry the page's mean confidence in
`meta` ("ocr", "ocr_confidence") and the spans of words read with less than the configured
minimum are written ``[unclear: ...]`` in the text (their spans in `Block.uncertain`), so they
are never quoted as the document's exact words.

Before OCR each page is straightened and its ruled tables found and their rules erased
(:mod:`.ocr_layout`); the words then become headings, paragraphs and table rows, and lines
numbering the page or running over every page become furniture, as on a text page.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

import pypdfium2.raw as pdfium_c
from PIL import Image

from .document import Block, BlockKind, fail
from .hyphens import Dehyphenator
from .limits import Deadline, Limits, progress
from .ocr_cells import cell_sheet, cell_words, with_cells
from .ocr_gutters import gutter_grids
from .ocr_layout import (
    Grid,
    Para,
    Word,
    line_text,
    numbered,
    page_paras,
    parse_tsv,
    prepare,
    stroke_weights,
    table_grids,
)
from .ocr_running import BOTTOM, TOP, Lines, margin_lines, printed_elsewhere, tokens
from .pdf_chapters import mark_chapter_heads
from .pdf_furniture import Piece, mark_running_heads, mark_toc_and_index, mark_web_controls, running_identifiers

DPI = 250
INSTALL_HINT = "install Tesseract OCR (Debian/Ubuntu: apt-get install tesseract-ocr)"


def tesseract() -> str | None:
    """Path of the tesseract binary on PATH, or None."""
    return shutil.which("tesseract")


def no_text_problem(path: Path, limits: Limits, scanned: bool = True) -> str:
    """The one-line problem for a PDF with no text layer, saying what would fix it."""
    if not scanned:
        return "no extractable text: the pages have neither a text layer nor a scanned image to read (OCR would find nothing)"
    if not limits.ocr:
        return "no extractable text: an image-only or scanned PDF, and OCR is turned off; run OCR (e.g. ocrmypdf) and index the result"
    if tesseract() is None:
        return f"no extractable text: an image-only or scanned PDF, and OCR is not available; {INSTALL_HINT}, or run OCR (e.g. ocrmypdf) and index the result"
    return "no extractable text: the pages have no text layer and OCR found no readable words in them"


def has_image(page: Any) -> bool:
    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3))


def scan_dpi(page: Any) -> float:
    """The resolution of the page's largest image, in its pixels per inch on the page (0 when unknown)."""
    best, dpi = 0.0, 0.0
    try:
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
            left, _, right, _ = obj.get_bounds()
            width = obj.get_px_size()[0]
            if right - left > best and width:
                best, dpi = right - left, width / ((right - left) / 72)
    except Exception:  # a damaged image: its resolution is unknown
        return 0.0
    return dpi


def ocr_pages(doc: Any, path: Path, pages: list[int], limits: Limits, deadline: Deadline) -> dict[int, list[Block]]:
    """Blocks per 1-based page for the given 0-based pages (scanned images); {} without Tesseract."""
    binary = tesseract()
    if not limits.ocr or binary is None:
        return {}
    if len(pages) > limits.max_ocr_pages:
        raise fail(
            path,
            f"has {len(pages)} scanned pages, over the {limits.max_ocr_pages}-page OCR limit; "
            "run OCR (e.g. ocrmypdf) and index the result",
        )
    read: dict[int, tuple[list[Para], int]] = {}
    cache: dict[int, list[frozenset[str]]] = {}
    elsewhere = {i + 1: margin_lines(doc, set(pages), i, cache) for i in pages}  # the text pages' margins
    for i in pages:
        deadline.check("OCR of scanned pages")
        deadline.extend(limits.ocr_seconds)  # each scanned page has its own OCR budget
        progress()
        page = doc[i]
        try:
            image = page.render(scale=DPI / 72, grayscale=True).to_pil()
            scan = scan_dpi(page)
        finally:
            page.close()
        # upright, rules erased, specks cleared, ruled tables found
        image, grids = prepare(image, DPI / scan if scan else 1.0)
        words = parse_tsv(_run(binary, _png(image), _left(limits, deadline), path, i + 1))
        grids = table_grids(words, grids)
        grids += gutter_grids(words, grids)
        sheet, slots = cell_sheet(image, grids)
        if sheet is not None:  # the tables' cells read again, each on its own
            cells = cell_words(parse_tsv(_run(binary, _png(sheet), _left(limits, deadline), path, i + 1, "6")), slots)
            words = with_cells(words, grids, cells)
        stroke_weights(image, words)
        read[i + 1] = (page_paras(words, grids, image.width), image.height)
    return _blocks(read, limits.ocr_min_confidence, elsewhere)


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def _left(limits: Limits, deadline: Deadline) -> float:
    """Seconds an OCR run may take: the page's budget, within what is left of the document's."""
    return min(limits.ocr_seconds, max(1.0, deadline.end - time.monotonic()))


def _run(binary: str, png: bytes, timeout: float, path: Path, page: int, psm: str = "3") -> str:
    """Tesseract's TSV of an image: a page (`psm` 3, its layout found), or a sheet of table
    cells stacked apart (6, one block)."""
    try:
        done = subprocess.run(
            [binary, "stdin", "stdout", "--psm", psm, "-l", "eng", "tsv"],
            input=png,
            capture_output=True,
            timeout=timeout,
            check=False,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # one page, one core: OpenMP threads only contend
        )
    except subprocess.TimeoutExpired:
        raise fail(
            path, f"OCR of page {page} took longer than {timeout:.0f} s; run OCR (e.g. ocrmypdf) and index the result"
        ) from None
    except OSError as exc:
        raise fail(path, f"OCR could not run ({exc}); {INSTALL_HINT}") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise fail(path, f"OCR of page {page} failed ({detail[0]}); check the Tesseract installation")
    return done.stdout.decode("utf-8", "replace")


def blocks_from_tsv(tsv: str, page: int, min_conf: float, grids: list[Grid] | None = None) -> list[Block]:
    """Paragraph blocks (and rows of the ruled tables `grids`, found in the page image) from one
    page's Tesseract TSV, with low-confidence word spans and mean confidence."""
    return _blocks({page: (page_paras(parse_tsv(tsv), grids or [], 0), 0)}, min_conf).get(page, [])


def _blocks(
    read: dict[int, tuple[list[Para], int]], min_conf: float, elsewhere: dict[int, list[Lines]] | None = None
) -> dict[int, list[Block]]:
    """Blocks per page: headings title what follows them (across pages too), table rows are
    TABLE blocks, running heads and page numbers in the margins FURNITURE, and so are lines in
    the margins that the margins of the document's text pages print (`elsewhere`, per page:
    their reader drops them and states their codes)."""
    words = [w for paras, _ in read.values() for p in paras for w in p.words]
    _mend_ai(words)
    dehyph = Dehyphenator(w.text for w in words)
    numbers = sorted(read)
    pieces = [[_piece(n, p) for p in read[n][0]] for n in numbers]
    heights = [float(read[n][1]) for n in numbers]
    mark_running_heads(pieces, set(), heights)
    mark_chapter_heads(pieces, heights)
    mark_toc_and_index(pieces)  # a scanned contents page: its leaders read as noise, its lines never quoted
    mark_web_controls(pieces)
    for page, height in zip(pieces, heights, strict=True):
        _page_numbers(page, height)
        for p in page:
            if p.kind == BlockKind.FURNITURE:  # its code alone may be cited (as on a text page)
                cells = (" ".join(_PAGING.sub(" ", c).split()) for c in p.text.split("|"))
                p.text = " | ".join(c for c in cells if c)
    codes = running_identifiers(pieces, heights)
    # a line in the margin of most other scanned pages runs over them, however OCR spelt it each time
    margins = {
        n: [tokens(p.text) for p in pg if _marginal(p, h, True)]
        for n, pg, h in zip(numbers, pieces, heights, strict=True)
    }
    for n, page, height in zip(numbers, pieces, heights, strict=True):
        others = [m for k, m in margins.items() if k != n and m] if len(margins) >= 3 else []
        for p in page:
            if _marginal(p, height) and (
                printed_elsewhere(p.text, (elsewhere or {}).get(n, [])) or printed_elsewhere(p.text, others)
            ):
                p.kind = BlockKind.FURNITURE
    out: dict[int, list[Block]] = {}
    stack: list[tuple[int, str]] = []  # the heading path: (depth, heading)
    for n, page_pieces in zip(numbers, pieces, strict=True):
        if n - 1 not in read:
            stack = []  # a text page came between: its headings, not an earlier scan's, go on here
        paras = iter(read[n][0])
        confs = [w.conf for p in read[n][0] for w in p.words]
        conf = round(sum(confs) / len(confs) / 100, 3) if confs else 0.0
        blocks = []
        for piece in page_pieces:
            if any(piece is c for c in codes):  # a code only the running heads print, as a field line
                meta = {"ocr": True, "running": piece.running}
                blocks.append(Block(piece.text, _path(stack), n, BlockKind.TEXT, meta=meta))
                continue
            para = next(paras)
            if para.kind == "heading" and piece.kind.indexed:
                text = " ".join(line_text(ln) for ln in para.lines).rstrip(":")
                depth = numbered(text.split()) or 1
                stack = [h for h in stack if h[0] < depth] + [(depth, text)]
                continue
            block = _block(para, n, min_conf, dehyph, conf)
            if block is not None:
                block.section = _path(stack)
                if not piece.kind.indexed:
                    block.kind = piece.kind
                blocks.append(block)
        if blocks:
            out[n] = blocks
    return out


#: "AI" as OCR reads it in many fonts: "Al", the capital I taken for a lower-case l ("Clinical Al Review Board").
_AL = re.compile(r"^([(\[\"'“‘]?)Al(?=$|[-.,;:)’'”/]|s$)")


def _mend_ai(words: list[Word]) -> None:
    """ "Al" put right as "AI" in a document that reads "AI" more often than "Al": a name "Al" is
    rare in governance text, a misread capital I common."""
    ai = sum(1 for w in words if re.match(r"^[(\[\"'“‘]?AI(?=$|[-.,;:)’'”/]|s$)", w.text))
    al = [w for w in words if _AL.match(w.text)]
    if al and ai > len(al):
        for w in al:
            w.text = _AL.sub(r"\1AI", w.text, count=1)


def _marginal(p: Piece, height: float, marked: bool = False) -> bool:
    """A line or two in the page's top or bottom margin, not yet furniture (or either, `marked`):
    a running head, maybe."""
    margin = height > 0 and (p.top < TOP * height or p.top > (1 - BOTTOM) * height)
    return margin and (p.kind.indexed or (marked and p.kind == BlockKind.FURNITURE)) and p.lines <= 2


def nest(outer: str, inner: str) -> str:
    """A scanned page's heading path (`inner`, from its own headings) under the path the text
    before it ends in (`outer`): a numbered first heading ("4.3 Signing") goes under the outer
    headings numbered above its depth ("4. Procedure", not "4.2 Review") and the unnumbered
    ones before them (a title); an unnumbered one under the whole outer path."""
    if not inner:
        return outer
    if not outer:
        return inner
    depth = numbered(inner.split(" > ")[0].split())
    if not depth:
        return f"{outer} > {inner}"
    kept = []
    for part in outer.split(" > "):
        level = numbered(part.split())
        if level >= depth:
            break
        kept.append(part)
    return " > ".join([*kept, inner])


def _path(stack: list[tuple[int, str]]) -> str:
    return " > ".join(h for _, h in stack)


def _piece(page: int, para: Para) -> Piece:
    """The unit as the furniture checks see a text page's pieces."""
    if para.kind == "row":
        text = " | ".join(" ".join(line_text(ln) for ln in cell) for cell in para.cells)
        kind, n = BlockKind.TABLE, max((len(c) for c in para.cells), default=1)
    else:
        text, kind, n = " ".join(line_text(ln) for ln in para.lines), BlockKind.TEXT, len(para.lines)
    piece = Piece(page, kind, text, para.kind == "heading", "", float(para.top), n, float(para.x0), float(para.x1))
    piece.bottom = float(para.bottom)
    return piece


#: "Page 2", "Page 2 of 5", and as OCR misreads a 1 ("Pagel of 3", "Page l"), opening or closing
#: a line ("See page 4 for the form." is no page number)
_PAGE = r"page\s*(?:\d{1,4}|[lI|])(?:\s*(?:of|/)\s*(?:\d{1,4}|[lI|]))?"
_PAGING = re.compile(rf"^\s*{_PAGE}\b|\b{_PAGE}\s*$", re.I)
_PAGE_NO = re.compile(r"^(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?$")


def _page_numbers(page: list[Piece], height: float) -> None:
    """A line in the top or bottom margin that numbers the page ("Page 2 of 5", "- 3 -", or a
    footer ending "| Page 1 of 2") is the page's furniture, repeated or not."""
    shown = [p for p in page if p.kind.indexed]
    for p in shown[:2] + shown[-2:]:
        margin = height > 0 and (p.top < 0.08 * height or p.top > 0.88 * height)
        if margin and p.lines <= 2 and (_PAGING.search(p.text) or _PAGE_NO.match(p.text.strip())):
            p.kind = BlockKind.FURNITURE


def unclear(words: str) -> str:
    """How words OCR read with low confidence appear in the text: visibly not exact."""
    return f"[unclear: {words}]"


_TRAILING = re.compile(r"[.,;:!?\"'”’)\]]+$")
#: A capital I read as a lower-case l: "lreland", "lnc.", "lSO" (no English word starts l + r, n, S ...).
_L_FOR_I = re.compile(r"^([(\[\"'“‘]?)l(?=[bcdfghjkmnpqrstvwxz][a-z]|[A-Z]{1,6}\b)")


def mend_capital_i(word: str, vocab: frozenset[str]) -> str:
    """The word with a leading "l" read for a capital "I" put right, when the word then is one
    ("lreland" -> "Ireland", "lnc." -> "Inc.", "lSO" -> "ISO"); any other word as it is."""
    m = _L_FOR_I.match(word)
    if m is None:
        return word
    mended = f"{m.group(1)}I{word[m.end() :]}"
    core = re.sub(r"[^A-Za-z]", "", mended).lower()
    return mended if mended[m.end()].isupper() or core in vocab else word


def _words(lines: list[list[Word]], min_conf: float, dehyph: Dehyphenator) -> list[tuple[str, bool]]:
    """(word, low confidence) in reading order, words broken at a line end joined."""
    words: list[tuple[str, bool]] = []
    for li, line in enumerate(lines):
        for wi, w in enumerate(line):
            word, low = mend_capital_i(w.text, dehyph.vocab), w.conf < min_conf
            if words and wi == 0 and li > 0 and words[-1][0].endswith("-") and word[:1].isalpha():
                head = words[-1][0][:-1]
                if head.isalpha() and not dehyph.keep_hyphen(head, word.rstrip(".,;:")):
                    words[-1] = (head + word, words[-1][1] or low)  # a word broken at the line end
                    continue
            words.append((word, low))
    return words


def _marked(words: list[tuple[str, bool]]) -> tuple[str, list[tuple[int, int]]]:
    """The words as text, runs of low-confidence words written `unclear(...)` (their spans
    returned), so no answer or quote presents them as the document's words."""
    text = ""
    uncertain: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if text:
            text += " "
        if not words[i][1]:
            text += words[i][0]
            i += 1
            continue
        j = i
        while j < len(words) and words[j][1]:
            j += 1
            if words[j - 1][0].rstrip("\"'”’)]").endswith((".", "!", "?")):
                break  # a run ends with its sentence: a quote never holds half of one
        run = " ".join(w for w, _ in words[i:j])
        m = _TRAILING.search(run)
        tail = m.group(0) if m and m.start() > 0 else ""  # a full stop stays outside the brackets
        start = len(text)
        text += unclear(run[: len(run) - len(tail)])
        uncertain.append((start, len(text)))
        text += tail
        i = j
    return text, uncertain


def _block(para: Para, page: int, min_conf: float, dehyph: Dehyphenator, conf: float) -> Block | None:
    """A paragraph (its fields one a line, `Block.breaks` where each starts) or a table row
    ("cell | cell | cell", a TABLE block), low-confidence words marked; `conf` is the page's
    mean confidence (one value for the page's blocks, so a section's paragraphs and a table's
    rows are chunked together as on a text page)."""
    if para.kind == "row":
        parts, sep, kind = para.cells, " | ", BlockKind.TABLE
        if sum(1 for c in parts if c) == 1:
            parts = [c for c in parts if c]  # a label spanning the table: one cell
    else:
        cuts = [0, *[f for f in para.fields if f], len(para.lines)]
        parts, sep, kind = [para.lines[a:b] for a, b in pairwise(cuts)], "\n", BlockKind.TEXT
    text, uncertain, breaks = "", [], []
    for k, part in enumerate(parts):
        if k:
            text += sep
            if kind == BlockKind.TEXT:
                breaks.append(len(text))
        piece, spans = _marked(_words(part, min_conf, dehyph))
        uncertain += [(s + len(text), e + len(text)) for s, e in spans]
        text += piece
    if not any(c.isalpha() for c in text) and not (kind == BlockKind.TABLE and any(c.isalnum() for c in text)):
        return None
    meta = {"ocr": True, "ocr_confidence": conf}
    return Block(text, page=page, kind=kind, meta=meta, uncertain=uncertain, breaks=breaks)
