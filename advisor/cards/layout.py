"""A PDF card's text in reading order, column by column, with PDFium (pypdfium2).

Model cards are laid out in columns: two on the first page, three (each split again into
"Result" and "Interpretation") under Key Metrics. Reading a page in content order mixes the
columns, so the page is cut the way a reader's eye cuts it:

1. characters become segments: runs on one line with no wide gap;
2. segments become bands: the segments that share a line;
3. consecutive bands with a common empty vertical strip (a gutter) form one multi-column
   region, split at its gutters into columns; every column is laid out again the same way
   (a column may hold sub-columns); other bands form single-column regions.

Each leaf is a `TextBlock` with its page and horizontal extent, so the label reader can
follow a column onto the next page. A hyphen PDFium marks as a line-end break is kept (on
these cards they join compounds such as "X-rays" and "doctor-patient").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import IngestError
from .records import TextBlock

GAP = 8.0  # points: a wider horizontal gap ends a segment (word spacing is 3-4 pt)
GUTTER = 8.0  # points: the narrowest empty strip that separates columns
MIN_RUN = 3  # lines a gutter must run down to make columns (two, if it is twice as wide)
_BREAK_HYPHEN = 2  # PDFium's code for a hyphen it found at the end of a line


@dataclass
class Seg:
    x0: float
    x1: float
    y0: float  # top, measured down from the top of the page
    y1: float  # bottom
    text: str = ""
    hyphen: bool = False  # ends with a line-end hyphen

    @property
    def height(self) -> float:
        return max(0.1, self.y1 - self.y0)


@dataclass
class Band:
    segs: list[Seg] = field(default_factory=list)

    @property
    def y0(self) -> float:
        return min(s.y0 for s in self.segs)

    @property
    def y1(self) -> float:
        return max(s.y1 for s in self.segs)


def _open(path: Path) -> Any:
    import pypdfium2 as pdfium  # heavy native module: loaded when a PDF card is read

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        problem = str(exc)
        if "password" in problem.lower():
            raise IngestError(str(path), "encrypted PDF that needs a password; save an unencrypted copy") from None
        raise IngestError(str(path), f"corrupt or unreadable PDF ({problem}); re-export it") from None


def _segments(textpage: Any, height: float) -> list[Seg]:
    """Runs of characters on one line with no gap wider than GAP, in content order."""
    import pypdfium2.raw as raw

    out: list[Seg] = []
    cur: Seg | None = None
    pending_space = False
    for k in range(textpage.count_chars()):
        code = raw.FPDFText_GetUnicode(textpage.raw, k)
        generated = raw.FPDFText_IsGenerated(textpage.raw, k) == 1
        if code in (10, 13):
            cur, pending_space = None, False
            continue
        if code == 32 or (generated and code < 33):
            pending_space = cur is not None
            continue
        left, bottom, right, top = textpage.get_charbox(k)
        if right - left <= 0 and top - bottom <= 0:
            continue
        y0, y1 = height - top, height - bottom
        ch = "-" if code == _BREAK_HYPHEN else chr(code) if code >= 32 else ""
        if not ch or code in (0xFFFE, 0xFFFF):
            continue
        same_line = cur is not None and min(cur.y1, y1) - max(cur.y0, y0) >= 0.3 * min(cur.height, y1 - y0 or 0.1)
        if cur is not None and same_line and cur.x1 - 2 <= left and left - cur.x1 < GAP:
            cur.text += (" " if pending_space and not cur.text.endswith(" ") else "") + ch
            cur.x1, cur.y0, cur.y1 = max(cur.x1, right), min(cur.y0, y0), max(cur.y1, y1)
        else:
            cur = Seg(left, right, y0, y1, ch)
            out.append(cur)
        cur.hyphen = code == _BREAK_HYPHEN
        pending_space = False
    for s in out:
        s.text = s.text.strip()
    return [s for s in out if s.text]


def _bands(segs: list[Seg]) -> list[Band]:
    """Segments sharing a line, top to bottom; a band's segments left to right."""
    bands: list[Band] = []
    for s in sorted(segs, key=lambda s: (s.y0, s.x0)):
        if bands:
            b = bands[-1]
            overlap = min(b.y1, s.y1) - max(b.y0, s.y0)
            if overlap >= 0.5 * min(s.height, b.y1 - b.y0):
                b.segs.append(s)
                continue
        bands.append(Band([s]))
    for b in bands:
        b.segs.sort(key=lambda s: s.x0)
    return bands


def _intervals(segs: list[Seg]) -> list[tuple[float, float]]:
    """The horizontal extents the segments cover, merged where closer than GUTTER."""
    out: list[tuple[float, float]] = []
    for s in sorted(segs, key=lambda s: s.x0):
        if out and s.x0 - out[-1][1] < GUTTER:
            out[-1] = (out[-1][0], max(out[-1][1], s.x1))
        else:
            out.append((s.x0, s.x1))
    return out


def _gutters(covered: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [(a[1], b[0]) for a, b in pairwise(covered) if b[0] - a[1] >= GUTTER]


def _raw_gutter(bands: list[Band]) -> float:
    """Width of the widest strip left empty by every band of the run (0 when none is)."""
    gaps = _gutters(_intervals([s for b in bands for s in b.segs]))
    return max((b - a for a, b in gaps), default=0.0)


def _aligned_gutters(bands: list[Band]) -> list[tuple[float, float]]:
    """The run's empty strips that a column's left edge runs down: lines on their right start
    at the same x. A strip that lines only happen to leave empty (wide word spacing in
    justified text) has no such edge."""
    out = []
    for a, b in _gutters(_intervals([s for band in bands for s in band.segs])):
        # where each line's text right of the strip starts, to the nearest 2 points
        starts = [
            round(min(s.x0 for s in band.segs if s.x0 >= b - 0.01) / 2)
            for band in bands
            if any(s.x0 >= b - 0.01 for s in band.segs)
        ]
        edge = max((sum(1 for x in starts if abs(x - m) <= 1) for m in set(starts)), default=0)
        if edge >= 2 and edge >= 0.5 * len(starts):
            out.append((a, b))
    return out


def _regions(bands: list[Band]) -> list[list[Band]]:
    """Runs of bands with a column gutter down the whole run are multi-column regions; the
    bands between them form single-column regions."""
    regions: list[list[Band]] = []
    single = False  # whether regions[-1] is a single-column region
    i = 0
    while i < len(bands):
        end = i + 1  # the run is bands[i:end]
        while end < len(bands) and _raw_gutter(bands[i : end + 1]) >= GUTTER:
            end += 1
        gutters = _aligned_gutters(bands[i:end]) if end - i >= 2 else []
        wide = any(b - a >= 2 * GUTTER for a, b in gutters)
        if gutters and (end - i >= MIN_RUN or wide):
            regions.append(bands[i:end])
            single, i = False, end
            continue
        if single:
            regions[-1].append(bands[i])
        else:
            regions.append([bands[i]])
            single = True
        i += 1
    return regions


def _columns(region: list[Band]) -> list[list[Seg]]:
    segs = [s for b in region for s in b.segs]
    cuts = _aligned_gutters(region)
    cols: list[list[Seg]] = [[] for _ in range(len(cuts) + 1)]
    for s in segs:
        i = sum(1 for g in cuts if s.x0 >= g[1] - 0.01)
        cols[i].append(s)
    return [c for c in cols if c]


def _block(page: int, region: list[Band]) -> TextBlock:
    text, starts = "", []
    prev_hyphen = False
    for b in region:
        for j, seg in enumerate(b.segs):
            if text and not (prev_hyphen and j == 0):
                text += " "
            if j == 0 or seg.x0 - b.segs[j - 1].x1 >= 2 * GUTTER:
                starts.append(len(text))  # a segment set well apart on its line may start a label too
            text += seg.text
        prev_hyphen = b.segs[-1].hyphen
    segs = [s for b in region for s in b.segs]
    return TextBlock(page, min(s.x0 for s in segs), max(s.x1 for s in segs), text, tuple(starts))


def layout(segs: list[Seg], page: int, depth: int = 0) -> list[TextBlock]:
    """The page's (or a column's) blocks in reading order."""
    out: list[TextBlock] = []
    for region in _regions(_bands(segs)):
        cols = _columns(region) if depth < 4 else []
        if len(cols) > 1:
            for col in cols:
                out += layout(col, page, depth + 1)
        else:
            out.append(_block(page, region))
    return out


def pdf_blocks(path: Path) -> list[TextBlock]:
    """Every page's blocks, in reading order; IngestError for unreadable or image-only PDFs."""
    doc = _open(path)
    blocks: list[TextBlock] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            try:
                segs = _segments(page.get_textpage(), page.get_height())
            except Exception:
                segs = []  # one damaged page must not lose the rest of the card
            blocks += layout(segs, i + 1)
    finally:
        doc.close()
    if not any(any(c.isalpha() for c in b.text) for b in blocks):
        raise IngestError(str(path), "no extractable text: an image-only or scanned PDF; run OCR (e.g. ocrmypdf) first")
    return blocks
