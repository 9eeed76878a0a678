"""Loading documents and splitting them into citable chunks.

One module per format (:mod:`.markdown`, :mod:`.plaintext`, :mod:`.html`, :mod:`.pdf`,
:mod:`.docx`), each registering its loader in :mod:`.registry`; plugins add formats (the
assessment-results loader is one, see :data:`~.registry.DEFAULT_PLUGINS`) without ingestion
importing them. :mod:`.chunking` packs a loaded document into chunks; :mod:`.pipeline` reads
one file end to end.

PDFs are read on PDFium with positions (:mod:`.pdf_chars`, :mod:`.pdf_layout`,
:mod:`.pdf_furniture`, :mod:`.pdf_read`), line-end hyphens decided by :mod:`.hyphens`, scanned
pages read by Tesseract (:mod:`.ocr`). Blocks carry a :class:`~.document.BlockKind`: text and
table rows are chunked; furniture, tables of contents, index pages and reference lists are
recognised and never chunked. Hidden text becomes chunks quarantined as ``"hidden-text"``.
:mod:`.limits` caps what one file may cost; untrusted files are parsed in the resource-limited
worker of :mod:`.sandbox` (``python -m advisor.ingest.worker``).
"""

from __future__ import annotations

from typing import Any

# Chunk and its ids live in the leaf module `chunk`; re-exported for existing imports.
from ..chunk import DOC_TYPES, Chunk, DocType, content_hash, make_chunk_id
from .chunking import CHUNK_META_KEYS, chunk_document, pack_sentences, uncertain_spans
from .document import HIDDEN_TEXT, Block, BlockKind, Document, read_text, title_from_name
from .docx import load_docx
from .frameworks import load_framework_yaml
from .html import load_html
from .limits import DEFAULT_LIMITS, Limits, limits_for
from .markdown import clean_inline_markdown, load_markdown, parse_front_matter
from .pdf import load_pdf
from .pipeline import load_chunks, load_document
from .plaintext import load_text
from .registry import (
    DEFAULT_PLUGINS,
    ENTRY_POINT_GROUP,
    LOADERS,
    REGISTRY,
    Loader,
    LoaderOutput,
    LoaderRegistry,
    loader_for,
    register_loader,
    supported_extensions,
    unregister_loader,
)

__all__ = [
    "CHUNK_META_KEYS",
    "DEFAULT_LIMITS",
    "DEFAULT_PLUGINS",
    "DOC_TYPES",
    "ENTRY_POINT_GROUP",
    "HIDDEN_TEXT",
    "LOADERS",
    "REGISTRY",
    "SUPPORTED_EXTENSIONS",
    "Block",
    "BlockKind",
    "Chunk",
    "DocType",
    "Document",
    "Limits",
    "Loader",
    "LoaderOutput",
    "LoaderRegistry",
    "chunk_document",
    "clean_inline_markdown",
    "content_hash",
    "limits_for",
    "load_chunks",
    "load_document",
    "load_docx",
    "load_framework_yaml",
    "load_html",
    "load_markdown",
    "load_pdf",
    "load_text",
    "loader_for",
    "make_chunk_id",
    "pack_sentences",
    "parse_front_matter",
    "read_text",
    "register_loader",
    "supported_extensions",
    "title_from_name",
    "uncertain_spans",
    "unregister_loader",
]


def __getattr__(name: str) -> Any:
    # SUPPORTED_EXTENSIONS includes plugin suffixes, so it is computed (plugins loaded) on access
    if name == "SUPPORTED_EXTENSIONS":
        return supported_extensions()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
