"""Splitting a loaded document into citable chunks at sentence boundaries."""

from __future__ import annotations

from ..chunk import Chunk, DocType, make_chunk_id
from ..text import sentence_spans
from .document import Document


def _spans(text: str, size: int) -> list[tuple[int, int]]:
    """Sentence spans; a sentence longer than size is cut at the last space before the limit."""
    spans: list[tuple[int, int]] = []
    for s, e in sentence_spans(text):
        while e - s > size:
            cut = text.rfind(" ", s, s + size)
            cut = cut if cut > s else s + size
            spans.append((s, cut))
            s = cut + 1
        spans.append((s, e))
    return spans


def pack_sentences(text: str, size: int, overlap: int) -> list[str]:
    """Split text into pieces of at most ~size chars at sentence boundaries.

    Each piece is an exact substring of text. Consecutive pieces share up to `overlap`
    characters of whole trailing sentences. A single sentence longer than size is cut at
    word boundaries, the only mid-sentence split.
    """
    text = text.strip()
    if len(text) <= size:
        return [text] if text else []
    spans = _spans(text, size)
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
    doc_type: str = DocType.GUIDANCE,
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
    extra |= {k: str(doc.meta[k]) for k in ("as_of", "status") if doc.meta.get(k)}  # currency, shown with citations
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
