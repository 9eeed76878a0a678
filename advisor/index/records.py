"""A chunk as it is stored: the text that is embedded and the flat metadata Chroma and the catalog keep."""

from __future__ import annotations

from typing import Any

from ..chunk import Chunk, DocType

# metadata keys that are Chunk fields; every other key round-trips through Chunk.meta
_FIELDS = {
    "source",
    "title",
    "section",
    "page",
    "framework",
    "doc_type",
    "org",
    "content_hash",
    "publisher",
    "position",
    "quarantine",
}


def embedding_text(chunk: Chunk) -> str:
    """What gets embedded and keyword-indexed: the passage with its title and heading path."""
    head = " — ".join(x for x in (chunk.title, chunk.section) if x)
    return f"{head}\n{chunk.text}" if head else chunk.text


def chunk_metadata(chunk: Chunk, version: str) -> dict[str, Any]:
    """Flat metadata for Chroma (no None values)."""
    md: dict[str, Any] = {
        "source": chunk.source,
        "title": chunk.title,
        "section": chunk.section,
        "page": chunk.page or 0,
        "framework": chunk.framework,
        "doc_type": str(chunk.doc_type),
        "org": chunk.org,
        "content_hash": chunk.content_hash,
        "corpus_version": version if chunk.doc_type == DocType.GUIDANCE else "",
        "publisher": chunk.publisher,
        "position": chunk.position,
        "quarantine": chunk.quarantine,
    }
    for k, v in chunk.meta.items():
        if isinstance(v, (str, int, float, bool)) and k not in md:
            md[k] = v
        elif v is not None and k not in md:
            md[k] = str(v)
    return md


def chunk_from_record(chunk_id: str, text: str, md: dict[str, Any]) -> Chunk:
    """The chunk a stored record describes (the inverse of `chunk_metadata`)."""
    return Chunk(
        chunk_id=chunk_id,
        text=text,
        source=md.get("source", ""),
        title=md.get("title", ""),
        section=md.get("section", ""),
        page=int(md.get("page") or 0) or None,
        framework=md.get("framework", ""),
        doc_type=md.get("doc_type", ""),
        org=md.get("org", ""),
        position=int(md.get("position") or 0),
        publisher=md.get("publisher", ""),
        quarantine=md.get("quarantine", ""),
        meta={k: v for k, v in md.items() if k not in _FIELDS},
    )
