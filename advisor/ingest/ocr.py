"""OCR of scanned PDF pages with Tesseract (the Debian `tesseract-ocr` package).

The `tesseract` binary is called directly (no Python wrapper needed) with a timeout per
page. Its TSV output gives each word a confidence; blocks carry the page's mean confidence in
`meta` ("ocr", "ocr_confidence") and the spans of words read with less than the configured
minimum are written ``[unclear: ...]`` in the text (their spans in `Block.uncertain`), so they
are never quoted as the document's exact words.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pypdfium2.raw as pdfium_c

from .document import Block, fail
from .hyphens import Dehyphenator
from .limits import Deadline, Limits, progress

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
    out: dict[int, list[Block]] = {}
    for i in pages:
        deadline.check("OCR of scanned pages")
        deadline.extend(limits.ocr_seconds)  # each scanned page has its own OCR budget
        progress()
        page = doc[i]
        try:
            image = page.render(scale=DPI / 72, grayscale=True).to_pil()
        finally:
            page.close()
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        remaining = max(1.0, deadline.end - time.monotonic())
        tsv = _run(binary, buf.getvalue(), min(limits.ocr_seconds, remaining), path, i + 1)
        blocks = blocks_from_tsv(tsv, i + 1, limits.ocr_min_confidence)
        if blocks:
            out[i + 1] = blocks
    return out


def _run(binary: str, png: bytes, timeout: float, path: Path, page: int) -> str:
    try:
        done = subprocess.run(
            [binary, "stdin", "stdout", "--psm", "3", "-l", "eng", "tsv"],
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


def blocks_from_tsv(tsv: str, page: int, min_conf: float) -> list[Block]:
    """Paragraph blocks from Tesseract TSV, with low-confidence word spans and mean confidence."""
    paras: dict[tuple[str, str, str], list[list[tuple[str, float]]]] = {}
    last_line: dict[tuple[str, str, str], str] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") != "5" or not (row.get("text") or "").strip():
            continue
        key = (row["page_num"], row["block_num"], row["par_num"])
        lines = paras.setdefault(key, [])
        if last_line.get(key) != row["line_num"]:
            lines.append([])
            last_line[key] = row["line_num"]
        try:
            conf = float(row["conf"])
        except (TypeError, ValueError):
            conf = 0.0
        lines[-1].append((row["text"].strip(), conf))
    words = [w for lines in paras.values() for line in lines for w, _ in line]
    dehyph = Dehyphenator(words)
    blocks = []
    section = ""
    for lines in paras.values():
        if _heading(lines):  # a scanned page's own heading titles what follows it on the page
            section = " ".join(w for w, _ in lines[0])
            lines = lines[1:]
        block = _paragraph(lines, page, min_conf, dehyph) if lines else None
        if block is not None:
            block.section = section
            blocks.append(block)
    return blocks


def _heading(lines: list[list[tuple[str, float]]]) -> bool:
    """A paragraph's first line set in capitals ("APPENDIX A. BOARD RESOLUTION"), read with
    confidence: a heading OCR ran into the text below it, or one standing alone."""
    first = lines[0]
    letters = "".join(w for w, _ in first if any(c.isalpha() for c in w))
    return 2 <= len(first) <= 14 and len(letters) >= 6 and letters.isupper() and all(conf >= 80 for _, conf in first)


def unclear(words: str) -> str:
    """How words OCR read with low confidence appear in the text: visibly not exact."""
    return f"[unclear: {words}]"


_TRAILING = re.compile(r"[.,;:!?\"'”’)\]]+$")


def _words(lines: list[list[tuple[str, float]]], min_conf: float, dehyph: Dehyphenator) -> list[tuple[str, bool]]:
    """(word, low confidence) in reading order, words broken at a line end joined."""
    words: list[tuple[str, bool]] = []
    for li, line in enumerate(lines):
        for wi, (word, conf) in enumerate(line):
            low = conf < min_conf
            if words and wi == 0 and li > 0 and words[-1][0].endswith("-") and word[:1].isalpha():
                head = words[-1][0][:-1]
                if head.isalpha() and not dehyph.keep_hyphen(head, word.rstrip(".,;:")):
                    words[-1] = (head + word, words[-1][1] or low)  # a word broken at the line end
                    continue
            words.append((word, low))
    return words


def _paragraph(lines: list[list[tuple[str, float]]], page: int, min_conf: float, dehyph: Dehyphenator) -> Block | None:
    """One paragraph's text; runs of low-confidence words are written `unclear(...)` (their
    spans in `Block.uncertain`), so no answer or quote presents them as the document's words."""
    words = _words(lines, min_conf, dehyph)
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
    if not any(c.isalpha() for c in text):
        return None
    confs = [conf for line in lines for _, conf in line]
    mean = sum(confs) / len(confs) / 100 if confs else 0.0
    return Block(text, page=page, meta={"ocr": True, "ocr_confidence": round(mean, 3)}, uncertain=uncertain)
