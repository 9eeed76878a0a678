"""Loading documents and splitting them into citable chunks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

# Chunk and its ids live in the leaf module `chunk`; re-exported for existing imports.
from .chunk import DOC_TYPES, Chunk, DocType, content_hash, make_chunk_id  # noqa: F401
from .errors import AssessmentError, IngestError

# --------------------------------------------------------------------------- loading

LOADERS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".csv": "results",
    ".json": "results",
}
SUPPORTED_EXTENSIONS = tuple(sorted(LOADERS))


@dataclass
class Block:
    """A run of text with its structural position (heading path, page)."""

    text: str
    section: str = ""
    page: int | None = None


@dataclass
class Document:
    """A loaded document before chunking."""

    source: str
    title: str
    blocks: list[Block]
    framework: str = ""
    publisher: str = ""
    meta: dict = field(default_factory=dict)


def _fail(path: Path | str, problem: str) -> IngestError:
    return IngestError(str(path), problem)


def read_text(path: Path) -> str:
    """Read a text file as UTF-8, with a clear error for binary or mis-encoded content."""
    data = path.read_bytes()
    if not data.strip():
        raise _fail(path, "file is empty; add content or remove it from the folder")
    if b"\x00" in data[:4096]:
        raise _fail(path, "looks like a binary file, not text; save it as UTF-8 text or use a supported format")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(
            path,
            f"not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8",
        ) from None


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def clean_inline_markdown(text: str) -> str:
    """Strip Markdown inline syntax so chunk text reads (and quotes) as prose."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = text.replace("`", "")
    return text


def parse_front_matter(text: str, path: Path | str) -> tuple[dict, str]:
    """Split YAML front matter from a Markdown body."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        raise _fail(path, f"front matter is not valid YAML{where}; fix the block between the '---' lines") from None
    if not isinstance(meta, dict):
        raise _fail(path, "front matter must be a YAML mapping of field: value")
    return meta, text[m.end() :]


def load_markdown(path: Path, source: str) -> Document:
    meta, body = parse_front_matter(read_text(path), path)
    # HTML comments are invisible to a reader of the rendered page: never index them
    body = re.sub(r"<!--.*?(?:-->|$)", "", body, flags=re.S)
    title = str(meta.get("title") or "").strip()
    headings: list[tuple[int, str]] = []
    blocks: list[Block] = []
    para: list[str] = []
    in_fence = False

    def section() -> str:
        parts = [h for lvl, h in headings if not (lvl == 1 and h == title)]
        return " > ".join(parts)

    def flush() -> None:
        text = "\n".join(para).strip()
        if text:
            blocks.append(Block(clean_inline_markdown(text), section()))
        para.clear()

    for line in body.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            para.append(line)
            continue
        h = None if in_fence else _HEADING.match(line)
        if h:
            flush()
            level, name = len(h.group(1)), clean_inline_markdown(h.group(2)).strip()
            if level == 1 and not title:
                title = name
            headings = [(lvl, t) for lvl, t in headings if lvl < level] + [(level, name)]
            continue
        if not line.strip() and not in_fence:
            flush()
            continue
        if re.match(r"^\s*\|?\s*:?-{3,}", line):  # table rule row
            continue
        para.append(line.strip().strip("|").replace(" | ", "; ") if line.lstrip().startswith("|") else line.rstrip())
    flush()
    return Document(
        source=source,
        title=title or _title_from_name(path),
        blocks=blocks,
        framework=str(meta.get("framework") or ""),
        publisher=str(meta.get("publisher") or ""),
        meta=meta,
    )


def _title_from_name(path: Path) -> str:
    return re.sub(r"[_\-]+", " ", path.stem).strip() or path.name


def load_text(path: Path, source: str) -> Document:
    text = read_text(path).replace("\r\n", "\n")
    first = text.strip().split("\n", 1)[0].strip()
    title = first if 0 < len(first) <= 100 and not first.endswith(".") else _title_from_name(path)
    blocks = [Block(p.strip()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Document(source=source, title=title, blocks=blocks)


_HTML_BLOCKS = {"p", "li", "pre", "blockquote", "dd", "dt", "td", "th", "figcaption", "caption"}


def load_html(path: Path, source: str) -> Document:
    from bs4 import BeautifulSoup

    data = path.read_bytes()
    if not data.strip():
        raise _fail(path, "file is empty; add content or remove it from the folder")
    soup = BeautifulSoup(data, "lxml")
    for tag in soup(["script", "style", "noscript", "svg", "nav", "footer", "header", "form", "iframe"]):
        tag.decompose()
    title = (soup.title.get_text(" ", strip=True) if soup.title else "") or ""
    h1 = soup.find("h1")
    if not title and h1:
        title = h1.get_text(" ", strip=True)
    headings: list[tuple[int, str]] = []
    blocks: list[Block] = []
    body = soup.body or soup
    for el in body.find_all(True):
        name = el.name.lower()
        if re.fullmatch(r"h[1-6]", name):
            level, text = int(name[1]), el.get_text(" ", strip=True)
            if text:
                headings = [(lvl, t) for lvl, t in headings if lvl < level] + [(level, text)]
            continue
        if name in _HTML_BLOCKS and not el.find(_HTML_BLOCKS):
            text = " ".join(el.get_text(" ", strip=True).split())
            if text:
                sec = " > ".join(t for lvl, t in headings if not (lvl == 1 and t == title))
                blocks.append(Block(("- " if name == "li" else "") + text, sec))
    if not blocks:
        text = body.get_text("\n", strip=True)
        blocks = [Block(p) for p in text.split("\n") if p.strip()]
    if not blocks:
        raise _fail(path, "HTML page has no readable text")
    return Document(source=source, title=title or _title_from_name(path), blocks=blocks)


def load_docx(path: Path, source: str) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        d = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise _fail(
            path, f"not a readable Word .docx file ({type(exc).__name__}); re-save it from Word as .docx"
        ) from None
    except Exception as exc:  # zipfile.BadZipFile, lxml errors on corrupt parts
        raise _fail(path, f"corrupt .docx file ({exc}); re-save it from Word as .docx") from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    title = (d.core_properties.title or "").strip()
    headings: list[tuple[int, str]] = []
    blocks: list[Block] = []

    def sec() -> str:
        return " > ".join(t for lvl, t in headings if not (lvl <= 1 and t == title))

    for item in d.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if not text:
                continue
            style = (item.style.name if item.style is not None else "") or ""
            m = re.match(r"Heading (\d)", style)
            if style == "Title" or m:
                level = int(m.group(1)) if m else 0
                if level <= 1 and not title:
                    title = text
                headings = [(lvl, t) for lvl, t in headings if lvl < level] + [(level, text)]
                continue
            bullet = style.startswith("List")
            blocks.append(Block(("- " if bullet else "") + text, sec()))
        elif isinstance(item, Table):
            for row in item.rows:
                cells = []
                for c in row.cells:
                    t = " ".join(c.text.split())
                    if t and (not cells or cells[-1] != t):
                        cells.append(t)
                if cells:
                    blocks.append(Block("; ".join(cells), sec()))
    if not blocks:
        raise _fail(path, "Word document has no text")
    return Document(source=source, title=title or _title_from_name(path), blocks=blocks)


# ----------------------------------------------------------------------------- PDF


def _pdf_outline(reader) -> list[tuple[int, tuple[str, ...]]]:
    """Flattened outline: (0-based page index, title path), in document order."""
    out: list[tuple[int, tuple[str, ...]]] = []

    def walk(items, parents: tuple[str, ...]) -> None:
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
            last = parents + (title,)
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


def load_pdf(path: Path, source: str) -> Document:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if path.stat().st_size == 0:
        raise _fail(path, "file is empty; add content or remove it from the folder")
    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise _fail(
                    path, f"encrypted PDF that cannot be opened here ({exc}); save an unencrypted copy"
                ) from None
            if not ok:
                raise _fail(path, "encrypted PDF that needs a password; save an unencrypted copy and index that")
        n_pages = len(reader.pages)
    except IngestError:
        raise
    except (PdfReadError, FileNotDecryptedError, ValueError, OSError, KeyError, TypeError) as exc:
        raise _fail(path, f"corrupt or unreadable PDF ({exc}); re-export it or check the download") from None
    except Exception as exc:  # pypdf raises assorted errors on damaged files
        raise _fail(path, f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from None
    if n_pages == 0:
        raise _fail(path, "PDF has no pages")

    page_lines: list[list[str]] = []
    for i in range(n_pages):
        try:
            text = reader.pages[i].extract_text() or ""
        except Exception:
            text = ""  # one damaged page should not lose the rest of the document
        page_lines.append(text.splitlines())
    if not any(re.search(r"[A-Za-z]{2,}", " ".join(lines)) for lines in page_lines):
        raise _fail(
            path, "no extractable text: an image-only or scanned PDF; run OCR (e.g. ocrmypdf) and index the result"
        )

    outline = _pdf_outline(reader)
    # Running headers and footers ("9 of 137") repeat on most pages: drop them.
    if n_pages >= 5:
        # Only the first and last two lines of a page can be running heads; outline titles
        # ("References", "About") also repeat on many pages and must stay.
        counts: dict[str, int] = {}
        for lines in page_lines:
            edge = [x for x in lines if x.strip()]
            for key in {_norm_line(x) for x in edge[:2] + edge[-2:]}:
                counts[key] = counts.get(key, 0) + 1
        repeated = {k for k, c in counts.items() if c >= max(3, 0.4 * n_pages) and len(k) < 80}
        repeated -= {_norm_line(t[-1]) for _, t in outline}
        page_lines = [_drop_edges(lines, repeated) for lines in page_lines]
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
            if re.search(r"[A-Za-z]{2,}", text):
                blocks.append(Block(text, " > ".join(tpath), page=i + 1))

    blocks = _mend_page_breaks(blocks)
    meta_title = ""
    try:
        meta_title = str((reader.metadata or {}).get("/Title") or "").strip()
    except Exception:
        pass
    return Document(source=source, title=meta_title or _title_from_name(path), blocks=blocks)


# -------------------------------------------------------------------------- chunking


def pack_sentences(text: str, size: int, overlap: int) -> list[str]:
    """Split text into pieces of at most ~size chars at sentence boundaries.

    Each piece is an exact substring of text. Consecutive pieces share up to `overlap`
    characters of whole trailing sentences. A single sentence longer than size is cut at
    word boundaries, the only mid-sentence split.
    """
    from .text import sentence_spans

    text = text.strip()
    if len(text) <= size:
        return [text] if text else []
    spans: list[tuple[int, int]] = []
    for s, e in sentence_spans(text):
        while e - s > size:  # over-long sentence: cut at the last space before the limit
            cut = text.rfind(" ", s, s + size)
            cut = cut if cut > s else s + size
            spans.append((s, cut))
            s = cut + 1
        spans.append((s, e))
    pieces: list[str] = []
    i = 0
    while i < len(spans):
        start = spans[i][0]
        j = i
        while j + 1 < len(spans) and spans[j + 1][1] - start <= size:
            j += 1
        pieces.append(text[start : spans[j][1]])
        if j + 1 >= len(spans):
            break
        # next piece starts with trailing sentences of this one that fit in the overlap
        k = j + 1
        while k - 1 > i and spans[j][1] - spans[k - 1][0] <= overlap:
            k -= 1
        i = k
    return pieces


def chunk_document(
    doc: Document,
    *,
    doc_type: str = "guidance",
    org: str = "",
    chunk_size: int = 1000,
    overlap: int = 120,
) -> list[Chunk]:
    """Chunks of a document: blocks grouped by (section, page), packed at sentence boundaries."""
    groups: list[tuple[str, int | None, list[str]]] = []
    for b in doc.blocks:
        if groups and groups[-1][0] == b.section and groups[-1][1] == b.page:
            groups[-1][2].append(b.text)
        else:
            groups.append((b.section, b.page, [b.text]))
    chunks: list[Chunk] = []
    extra = {k: doc.meta[k] for k in ("source_url", "published", "version") if doc.meta.get(k)}
    for section, page, texts in groups:
        paragraphs = "\n\n".join(texts)
        for piece in pack_sentences(paragraphs, chunk_size, overlap):
            pos = len(chunks)
            chunks.append(
                Chunk(
                    chunk_id=make_chunk_id(doc.source, pos, piece),
                    text=piece,
                    source=doc.source,
                    title=doc.title,
                    section=section,
                    page=page,
                    framework=doc.framework,
                    doc_type=doc_type,
                    org=org,
                    position=pos,
                    publisher=doc.publisher,
                    meta=dict(extra),
                )
            )
    return chunks


def load_document(path: Path, source: str) -> Document:
    """Load a non-assessment document by its extension."""
    kind = LOADERS.get(path.suffix.lower())
    loader = {"markdown": load_markdown, "text": load_text, "html": load_html, "pdf": load_pdf, "docx": load_docx}.get(
        kind or ""
    )
    if loader is None:
        raise _fail(
            path, f"unsupported file type '{path.suffix or path.name}'; supported: {', '.join(SUPPORTED_EXTENSIONS)}"
        )
    return loader(path, source)


def load_chunks(
    path: Path,
    source: str,
    *,
    doc_type: str,
    org: str = "",
    chunk_size: int = 1000,
    overlap: int = 120,
    max_bytes: int | None = None,
) -> list[Chunk]:
    """Read one file and return its chunks, or raise IngestError naming the file and the problem."""
    if not path.exists():
        raise _fail(path, "file not found")
    if not path.is_file():
        raise _fail(path, "not a regular file")
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise _fail(
            path,
            f"file is {size / 1e6:.0f} MB, over the {max_bytes / 1e6:g} MB limit; "
            "split it or raise ADVISOR_MAX_FILE_MB",
        )
    if size == 0:
        raise _fail(path, "file is empty; add content or remove it from the folder")
    if LOADERS.get(path.suffix.lower()) == "results":
        from . import assessment

        try:
            instrument = assessment.load_instrument()
            results = assessment.load_results(path, instrument)
        except AssessmentError as exc:
            more = f" (and {len(exc.problems) - 5} more; run `advisor assess {path}`)" if len(exc.problems) > 5 else ""
            raise _fail(path, "; ".join(exc.problems[:5]) + more) from None
        if org and results.org != org:
            raise _fail(path, f"results are for org '{results.org}' but --org {org} was given; fix one of them")
        results.source = source
        return assessment.result_chunks(results, instrument)
    doc = load_document(path, source)
    chunks = chunk_document(doc, doc_type=doc_type, org=org, chunk_size=chunk_size, overlap=overlap)
    if not chunks:
        raise _fail(path, "no text to index")
    return chunks
