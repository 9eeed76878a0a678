"""The index: chunk vectors in Chroma, plus a SQLite catalog (manifest of files and chunk texts).

- `store`: `Index`, the facade the rest of the advisor uses;
- `catalog`: the SQLite manifest (files, chunk texts and metadata, organizations);
- `vectors`: the Chroma collection (local folder or `chroma run` server);
- `embedcache`: content-addressed embeddings, shared across indexes;
- `indexer`: indexing runs (`IndexReport`), crash-safe write order;
- `sources` / `records`: what gets indexed, and a chunk as it is stored.
"""

from __future__ import annotations

from .catalog import CATALOG_MIGRATIONS, Catalog, FileRecord
from .embedcache import EMBED_CACHE_MIGRATIONS, EmbeddingCache
from .indexer import Indexer, IndexReport, Prepared
from .records import chunk_from_record, chunk_metadata, embedding_text
from .sources import INGEST_VERSION, bundled_paths, corpus_version, doc_type_for, file_hash, source_for
from .store import Index
from .vectors import VectorStore

__all__ = [
    "CATALOG_MIGRATIONS",
    "EMBED_CACHE_MIGRATIONS",
    "INGEST_VERSION",
    "Catalog",
    "EmbeddingCache",
    "FileRecord",
    "Index",
    "IndexReport",
    "Indexer",
    "Prepared",
    "VectorStore",
    "bundled_paths",
    "chunk_from_record",
    "chunk_metadata",
    "corpus_version",
    "doc_type_for",
    "embedding_text",
    "file_hash",
    "source_for",
]
