"""`Index`: the persistent index under ADVISOR_HOME — catalog, vectors and embedding cache together."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..audit import OPERATOR, Actor, AuditStore, Event
from ..chunk import Chunk
from ..errors import StoreError
from ..providers import Embedder, get_embedder
from ..settings import Settings
from .catalog import Catalog
from .embedcache import EmbeddingCache
from .indexer import Indexer, IndexReport, Prepared, Progress
from .seed import SeedVectors
from .vectors import VectorStore


class Index:
    """The persistent index under ADVISOR_HOME (or a Chroma server).

    Reads that need no vectors go to the SQLite catalog; the Chroma collection and the
    embedding model are opened only when a search or an indexing run needs them.
    """

    def __init__(self, settings: Settings, *, seed: bool = True):
        self.settings = settings
        self._seed = seed  # use the embeddings shipped with the bundled corpus
        try:
            settings.home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"ADVISOR_HOME={settings.home}: cannot create the data folder ({exc})") from None
        self.catalog = Catalog(settings)
        self.vectors = VectorStore(settings, lambda: self.embedder)
        self._embed_cache: EmbeddingCache | None = None
        self._open_lock = threading.Lock()

    # ------------------------------------------------------------------ models and stores

    @property
    def embedder(self) -> Embedder:
        return get_embedder(self.settings)

    @property
    def embed_fingerprint(self) -> str:
        """The model and runtime computing this index's vectors (keys the shipped embeddings)."""
        return self.embedder.fingerprint

    @property
    def embed_cache(self) -> EmbeddingCache:
        with self._open_lock:
            if self._embed_cache is None:
                seed = SeedVectors(self.embed_fingerprint) if self._seed else None
                self._embed_cache = EmbeddingCache(self.settings, self.settings.embed_model, seed=seed)
            return self._embed_cache

    @property
    def collection(self) -> Any:
        """The Chroma collection (opened on first use)."""
        return self.vectors.collection

    # ------------------------------------------------------------------ catalog reads

    @property
    def generation(self) -> int:
        """Changes whenever any process indexes into this catalog (shared with PostgreSQL)."""
        return self.catalog.generation

    @property
    def catalog_id(self) -> str:
        """This catalog's identity: caches keyed by generation also check it."""
        return self.catalog.catalog_id

    def files(self) -> list[dict[str, Any]]:
        return self.catalog.files()

    def chunk_count(self) -> int:
        return self.catalog.chunk_count()

    def is_empty(self) -> bool:
        """True when nothing is searchable (quarantined passages are never searched)."""
        return self.catalog.is_empty()

    def all_chunks(self) -> Iterator[Chunk]:
        """Every searchable chunk in a stable order (source, position); never a quarantined one."""
        return self.catalog.all_chunks()

    def get_chunks(self, ids: Iterable[str]) -> dict[str, Chunk]:
        """The searchable chunks among `ids` (quarantined ones are left out)."""
        return self.catalog.get_chunks(ids)

    def chunks_for_source(self, source: str) -> list[Chunk]:
        """A source's searchable chunks in order (quarantined ones: `quarantined`)."""
        return self.catalog.chunks_for_source(source)

    # ------------------------------------------------------------------ quarantine

    def quarantined(self, source: str | None = None) -> list[Chunk]:
        """Quarantined passages with their reason (`Chunk.quarantine`), for an admin's review only."""
        return self.catalog.quarantined_chunks(source)

    def releases(self, source: str | None = None) -> list[dict[str, Any]]:
        """Passages released from quarantine: who, when, why they were held, and the reviewer's note."""
        return self.catalog.releases(source)

    def release(
        self, chunk_id: str, *, by: str, note: str = "", audit: AuditStore | None = None, actor: Actor = OPERATOR
    ) -> Chunk:
        """Release a quarantined passage after review: it becomes searchable, the release is
        recorded in the catalog and as an `Event.QUARANTINE_RELEASE` audit event by `actor`.
        Raises StoreError when no quarantined passage has this id."""
        held = {c.chunk_id: c for c in self.catalog.quarantined_chunks()}
        chunk = held.get(chunk_id)
        if chunk is None:
            raise StoreError(f"no quarantined passage has the id {chunk_id!r}; it may have been released or re-indexed")
        if not by.strip():
            raise StoreError("a release must name who reviewed the passage")
        # vector first: a crash before the catalog write leaves an orphan the next run removes
        indexer = Indexer(self.settings, self.catalog, self.vectors, self.embedder, self.embed_cache)
        released = dataclasses.replace(chunk, quarantine="")
        with indexer.writer_lock():
            indexer.upsert([released])
            self.catalog.release(chunk, by.strip(), note.strip(), datetime.now(UTC).isoformat(timespec="seconds"))
        store = audit or AuditStore(self.settings)
        try:
            store.log(
                Event.QUARANTINE_RELEASE,
                {
                    "chunk_id": chunk.chunk_id,
                    "source": chunk.source,
                    "reason": chunk.quarantine,
                    "by": by,
                    "note": note,
                },
                org=chunk.org or None,
                actor=actor,
            )
        finally:
            if audit is None:
                store.close()
        return released

    def reconcile(self) -> int:
        """Make the vector store hold exactly the searchable chunks (see `Indexer.reconcile`)."""
        indexer = Indexer(self.settings, self.catalog, self.vectors, self.embedder, self.embed_cache)
        with indexer.writer_lock():
            return indexer.reconcile()

    def has_doc_type(self, doc_type: str) -> bool:
        return self.catalog.has_doc_type(doc_type)

    def neighbors(self, chunk: Chunk) -> list[Chunk]:
        """The chunks just before and after this one when they continue the same section."""
        return self.catalog.neighbors(chunk)

    def neighbors_many(self, chunks: list[Chunk]) -> dict[str, list[Chunk]]:
        """`neighbors` of each chunk by chunk id, read together."""
        return self.catalog.neighbors_many(chunks)

    def orgs(self) -> list[dict[str, Any]]:
        """Organizations with assessment results: [{org, name, assessments: [dates]}]."""
        return self.catalog.orgs()

    # ------------------------------------------------------------------ indexing

    def index_paths(
        self,
        paths: Iterable[Path] | None = None,
        *,
        org: str = "",
        progress: Progress | None = None,
        batch_chunks: int = 512,
        wait: bool = False,
    ) -> IndexReport:
        """Index files and folders (default: the bundled corpus). Unchanged files are skipped,
        changed files replace their chunks, files gone from an indexed folder are removed.
        With `wait`, an indexing run of another process is waited for instead of refused."""
        indexer = Indexer(self.settings, self.catalog, self.vectors, self.embedder, self.embed_cache)
        return indexer.run(paths, org=org, progress=progress, batch_chunks=batch_chunks, wait=wait)

    def index_prepared(self, items: Iterable[Prepared], *, batch_chunks: int = 256) -> IndexReport:
        """Index documents chunked elsewhere (advisor.langchain), incrementally like files."""
        indexer = Indexer(self.settings, self.catalog, self.vectors, self.embedder, self.embed_cache)
        return indexer.run_prepared(items, batch_chunks=batch_chunks)

    def remove_sources(self, srcs: Iterable[str]) -> IndexReport:
        """Remove documents from the index by source (their passages and catalog rows)."""
        indexer = Indexer(self.settings, self.catalog, self.vectors, self.embedder, self.embed_cache)
        return indexer.remove(srcs)

    def close(self) -> None:
        self.catalog.close()
        with self._open_lock:
            if self._embed_cache is not None:
                self._embed_cache.close()
                self._embed_cache = None
