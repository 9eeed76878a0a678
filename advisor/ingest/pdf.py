"""PDF files: text by physical page, sections from the outline, running heads and footers dropped."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import IngestError
from .document import Block, Document, fail, title_from_name
from .registry import register_loader

_LETTERS = re.compile(r"[A-Za-z]{2,}")


def load_pdf(path: Path, source: str) -> Document:
    if path.stat().st_size == 0:
        raise fail(path, "file is empty; add content or remove it from the folder")
    reader = _open(path)
    page_lines = _page_lines(reader)
    if not any(_LETTERS.search(" ".join(lines)) for lines in page_lines):
        raise fail(
            path, "no extractable text: an image-only or scanned PDF; run OCR (e.g. ocrmypdf) and index the result"
        )
    outline = _pdf_outline(reader)
    if len(page_lines) >= 5:
        page_lines = _drop_running_heads(page_lines, outline)
    blocks = _mend_page_breaks(_sections(page_lines, outline))
    meta_title = ""
    try:
        meta_title = str((reader.metadata or {}).get("/Title") or "").strip()
    except Exception:
        pass
    return Document(source=source, title=meta_title or title_from_name(path), blocks=blocks)


def _open(path: Path) -> Any:
    """A pypdf reader with at least one page; IngestError for encrypted or damaged files."""
    import pypdf  # heavy: imported when a PDF is loaded, not at start-up
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise fail(
                    path, f"encrypted PDF that cannot be opened here ({exc}); save an unencrypted copy"
                ) from None
            if not ok:
                raise fail(path, "encrypted PDF that needs a password; save an unencrypted copy and index that")
        n_pages = len(reader.pages)
    except IngestError:
        raise
    except (PdfReadError, FileNotDecryptedError, ValueError, OSError, KeyError, TypeError) as exc:
        raise fail(path, f"corrupt or unreadable PDF ({exc}); re-export it or check the download") from None
    except Exception as exc:  # pypdf raises assorted errors on damaged files
        raise fail(path, f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from None
    if n_pages == 0:
        raise fail(path, "PDF has no pages")
    return reader


def _page_lines(reader: Any) -> list[list[str]]:
    out: list[list[str]] = []
    for page in range(len(reader.pages)):
        try:
            text = reader.pages[page].extract_text() or ""
        except Exception:
            text = ""  # one damaged page should not lose the rest of the document
        out.append(text.splitlines())
    return out


def _pdf_outline(reader: Any) -> list[tuple[int, tuple[str, ...]]]:
    """Flattened outline: (0-based page index, title path), in document order."""
    out: list[tuple[int, tuple[str, ...]]] = []

    def walk(items: Any, parents: tuple[str, ...]) -> None:
        last: tuple[str, ...] | None = None
        for it in items:
            if isinstance(it, list):
                if last is not None:
                    walk(it, last)
                continue
            try:
                page = reader.get_destination_page_number(it)
                title = " ".join(str(it.title).split())
            except Exception:
                continue
            if page is None or page < 0 or not title:
                continue
            last = (*parents, title)
            out.append((page, last))

    try:
        walk(reader.outline, ())
    except Exception:
        return []
    return out


def _norm_line(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _drop_edges(lines: list[str], repeated: set[str]) -> list[str]:
    idx = [i for i, x in enumerate(lines) if x.strip()]
    edges = set(idx[:2] + idx[-2:])
    return [x for i, x in enumerate(lines) if not (i in edges and _norm_line(x) in repeated)]


def _drop_running_heads(page_lines: list[list[str]], outline: list[tuple[int, tuple[str, ...]]]) -> list[list[str]]:
    """Running headers and footers ("9 of 137") repeat on most pages: drop them.

    Only the first and last two lines of a page can be running heads; outline titles
    ("References", "About") also repeat on many pages and must stay.
    """
    counts: dict[str, int] = {}
    for lines in page_lines:
        edge = [x for x in lines if x.strip()]
        for key in {_norm_line(x) for x in edge[:2] + edge[-2:]}:
            counts[key] = counts.get(key, 0) + 1
    n_pages = len(page_lines)
    repeated = {k for k, c in counts.items() if c >= max(3, 0.4 * n_pages) and len(k) < 80}
    repeated -= {_norm_line(t[-1]) for _, t in outline}
    return [_drop_edges(lines, repeated) for lines in page_lines]


def _sections(page_lines: list[list[str]], outline: list[tuple[int, tuple[str, ...]]]) -> list[Block]:
    """Blocks per page, split where an outline title's heading line appears in the text."""
    by_page: dict[int, list[tuple[str, ...]]] = {}
    for page, tpath in outline:
        by_page.setdefault(page, []).append(tpath)
    blocks: list[Block] = []
    current: tuple[str, ...] = ()
    for i, lines in enumerate(page_lines):
        segments: list[tuple[tuple[str, ...], list[str]]] = [(current, [])]
        pending = list(by_page.get(i, []))
        for line in lines:
            norm = " ".join(line.split()).lower()
            if pending and norm and norm == pending[0][-1].lower():
                current = pending.pop(0)
                segments.append((current, []))
                continue
            segments[-1][1].append(line)
        if pending:  # titles not found in the text still start their section on this page
            current = pending[-1]
        for tpath, seg_lines in segments:
            text = _join_pdf_lines(seg_lines)
            if _LETTERS.search(text):
                blocks.append(Block(text, " > ".join(tpath), page=i + 1))
    return blocks


def _join_pdf_lines(lines: list[str]) -> str:
    """Rejoin PDF lines into paragraphs: bullets start new lines, wrapped lines are joined."""
    out: list[str] = []
    widths = sorted(len(" ".join(x.split())) for x in lines if x.strip())
    full = widths[int(0.9 * (len(widths) - 1))] if widths else 0
    prev_len = 0
    for raw in lines:
        line = re.sub(r"(?:\s?\.){4,}\s?", " … ", " ".join(raw.split())).strip()  # TOC leaders
        if not line:
            if out and out[-1] != "":
                out.append("")
            prev_len = 0
            continue
        bullet = re.match(r"^([•▪●◦\-–*]|\d{1,2}[.)])\s+", line)
        if bullet:
            line = "- " + line[bullet.end() :]
        # a short line followed by a capitalised one ends a paragraph even without a full stop
        short_break = (
            out and out[-1] and prev_len < 0.7 * full and line[:1].isupper() and not out[-1].endswith((",", "-", "–"))
        )
        prev_len = len(line)
        if short_break and not bullet:
            out.append("")
            out.append(line)
        elif not out or out[-1] == "" or bullet:
            out.append(line)
        elif out[-1].endswith("-") and line[:1].islower():
            # a hyphen at a line end is usually a real compound ("mission-critical"), keep it
            out[-1] = out[-1] + line
        else:
            out[-1] = out[-1] + " " + line
    return "\n".join(p for p in out).strip()


def _mend_page_breaks(blocks: list[Block]) -> list[Block]:
    """A sentence cut by a page break is finished on its first page: the next page's opening
    fragment moves back to the block it continues, so no chunk starts or ends mid-sentence."""
    out = [Block(b.text, b.section, b.page) for b in blocks]
    for prev, nxt in pairwise(out):
        if not prev.text or not nxt.text or nxt.page == prev.page:
            continue
        if re.search(r"[.!?:;\"”)]\s*$", prev.text) or not re.match(r"[a-z(,;]", nxt.text):
            continue
        end = re.search(r"[.!?](?=\s|$)", nxt.text)
        if end is None or end.end() > 400:
            continue
        prev.text = prev.text + " " + nxt.text[: end.end()]
        nxt.text = nxt.text[end.end() :].strip()
    return [b for b in out if re.search(r"[A-Za-z]{2,}", b.text)]


register_loader((".pdf",), "pdf", load_pdf)
