"""Indexing runs: expand paths, skip unchanged files, chunk, embed and write, crash-safely.

Write order makes indexing crash-safe: a file's new chunks go into Chroma first, then its
stale chunks are deleted, and only then does the catalog record the file as indexed. A run
killed midway leaves every previously indexed file queryable, and the next run sees the
file as changed and finishes the work (chunk ids are deterministic, so nothing duplicates).
A run that did not finish is also reconciled by the next one: vectors the catalog does not know
are deleted and searchable chunks missing from the store are restored, so the two agree.

Every chunk is screened first (`screening`): quarantined chunks are stored in the catalog only
(no vector), so retrieval can never return them.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..audit import AuditStore, Event
from ..chunk import BUNDLED_PREFIX, Chunk
from ..errors import AdvisorError, IngestError, StoreError
from ..ingest import LOADERS, limits_for, load_chunks
from ..providers import Embedder
from ..settings import Settings
from . import sources
from .catalog import Catalog, FileRecord
from .embedcache import EmbeddingCache
from .pipeline import load_ahead, release_free_memory
from .records import chunk_metadata, embedding_text
from .screening import ScanEmbedder, screen
from .sources import clean_name
from .vectors import VectorStore
from .walk import expand

Progress = Callable[[int, int, str], None]


@dataclass
class IndexReport:
    """What an indexing run did; `to_dict()` is the `advisor index --json` contract."""

    files_seen: int = 0
    files_indexed: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    chunks_added: int = 0
    chunks_removed: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    files_skipped: list[str] = field(default_factory=list)
    embeddings_computed: int = 0
    chunks_quarantined: int = 0  # passages of the files indexed in this run held back for review
    phi_files: list[str] = field(default_factory=list)  # files indexed in this run in which PHI was found
    vectors_reconciled: int = 0  # orphan vectors deleted plus missing ones restored after an interrupted run
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def ok(self) -> bool:
        return not self.errors

    def merged(self, other: IndexReport) -> IndexReport:
        """The two runs' counts added up (the later run's errors follow the earlier's)."""
        out = IndexReport()
        for f in self.__dataclass_fields__:
            a, b = getattr(self, f), getattr(other, f)
            setattr(out, f, a + b)
        return out

    def error(self, path: Path, message: str) -> None:
        self.errors.append({"file": clean_name(path), "error": message})


@dataclass
class _Loaded:
    """One changed file, chunked and waiting to be written."""

    path: Path
    source: str
    file_hash: str
    chunks: list[Chunk]
    size: int | None = None  # known for prepared documents; a file's is read when it is written
    phi: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Prepared:
    """A document read and chunked outside the file loaders (e.g. LangChain `Document`s): its
    citable source, a fingerprint of its content and chunking, its chunks and size in bytes."""

    source: str
    fingerprint: str
    chunks: list[Chunk]
    size: int


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Indexer:
    """One indexing run over a catalog and a vector store."""

    def __init__(
        self,
        settings: Settings,
        catalog: Catalog,
        vectors: VectorStore,
        embedder: Embedder,
        embed_cache: EmbeddingCache,
    ):
        self.settings = settings
        self.catalog = catalog
        self.vectors = vectors
        self.embedder = embedder
        self.embed_cache = embed_cache
        self._released: set[str] = set()

    @contextlib.contextmanager
    def writer_lock(self, wait: bool = False) -> Iterator[None]:
        """One indexer per catalog: a file lock under ADVISOR_HOME, or with PostgreSQL a
        database advisory lock, so indexers on two machines cannot interleave either."""
        with self.catalog.db.lock("index", wait=wait) as got:
            if not got:
                where = self.settings.home if not self.settings.database_url else self.catalog.db.where
                raise StoreError(f"{where}: another `advisor index` is running on this catalog; wait for it to finish")
            yield

    def run(
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
        With `wait`, a run another process has started is waited for instead of refused."""
        started = time.perf_counter()
        report = IndexReport()
        targets = [Path(p) for p in paths] if paths else sources.bundled_paths()
        with self.writer_lock(wait):
            if self.catalog.run_state != "done":
                report.vectors_reconciled = self.reconcile()
            self.catalog.set_run_state("running")
            files, folders = expand(targets, report.error, report.files_skipped)
            report.files_seen = len(files)
            known = {r["source"]: r for r in self.catalog.files()}
            self._released = self.catalog.released_ids()
            self._remove_vanished(folders, {sources.source_for(f) for f in files}, known, report)
            pending: list[_Loaded] = []
            # files are parsed in a background thread while the batch before them is embedded
            for i, path, loaded in load_ahead(files, lambda p: self._load(p, org, known, report)):
                if progress:
                    progress(i, len(files), str(path))
                if loaded is None:
                    continue
                pending.append(loaded)
                if sum(len(p.chunks) for p in pending) >= batch_chunks:
                    self._write_batch(pending, report)
                    pending = []
            if pending:
                self._write_batch(pending, report)
            if progress:
                progress(len(files), len(files), "")
            self.catalog.set_run_state("done")
        if report.phi_files and not self.settings.redact_phi:
            self._audit_unredacted(report)
        report.seconds = round(time.perf_counter() - started, 3)
        return report

    def _load(self, path: Path, org: str, known: dict[str, dict[str, Any]], report: IndexReport) -> _Loaded | None:
        """The file's chunks when it changed since it was indexed; None when unchanged or unreadable."""
        src = sources.source_for(path)
        try:
            fhash = sources.file_hash(path, self.settings)
        except OSError as exc:
            report.error(path, f"cannot read file ({exc.strerror or exc})")
            return None
        old = known.get(src)
        if old and old["file_hash"] == fhash and old["org"] == (org or old["org"]):
            report.files_unchanged += 1
            return None
        try:
            chunks = load_chunks(
                path,
                src,
                doc_type=sources.doc_type_for(path),
                org=org,
                chunk_size=self.settings.chunk_size,
                overlap=self.settings.chunk_overlap,
                max_bytes=int(self.settings.max_file_mb * 1e6),
                # uploads are parsed in a resource-limited worker; the bundled corpus in-process
                limits=limits_for(self.settings, trusted=src.startswith(BUNDLED_PREFIX)),
            )
        except IngestError as exc:
            report.error(path, exc.problem)
            return None
        except AdvisorError as exc:
            report.error(path, str(exc))
            return None
        except Exception as exc:  # a loader bug must not stop the batch
            report.error(path, f"could not be read ({type(exc).__name__}: {clean_name(str(exc))})")
            return None
        return self._screened(path, src, fhash, chunks, report)

    def _screened(
        self, path: Path, src: str, fhash: str, chunks: list[Chunk], report: IndexReport, size: int | None = None
    ) -> _Loaded | None:
        """The chunks as they will be stored (quarantine, PHI); None when the document is refused."""
        try:
            screened = screen(
                path,
                chunks,
                embedder=ScanEmbedder(self.embedder, self.embed_cache),
                redact_phi=self.settings.redact_phi,
                released=self._released,
            )
        except IngestError as exc:
            report.error(path, exc.problem)
            return None
        return _Loaded(path, src, fhash, screened.chunks, size, screened.phi)

    def _remove_vanished(
        self, folders: list[Path], seen: set[str], known: dict[str, dict[str, Any]], report: IndexReport
    ) -> None:
        """Drop files that were indexed from one of these folders and are gone from it."""
        gone = []
        for src, row in known.items():
            p = Path(row["path"])
            if src in seen:
                continue
            if any(f == p or f in p.parents for f in folders) and not (p.exists() and p.suffix.lower() in LOADERS):
                gone.append(src)
        for src in gone:
            self._drop(src, report)

    def _drop(self, src: str, report: IndexReport) -> None:
        """Vectors first, then the catalog row: a crash in between leaves orphan vectors the
        catalog no longer returns, never a catalog row whose passages are gone."""
        ids = self.catalog.chunk_ids(src)
        if ids:
            self.vectors.delete(ids)
        self.catalog.remove_source(src)
        report.files_removed += 1
        report.chunks_removed += len(ids)

    def remove(self, srcs: Iterable[str]) -> IndexReport:
        """Remove indexed files by source, whether or not the file still exists."""
        started = time.perf_counter()
        report = IndexReport()
        with self.writer_lock():
            known = {r["source"] for r in self.catalog.files()}
            for src in srcs:
                if src in known:
                    self._drop(src, report)
        report.seconds = round(time.perf_counter() - started, 3)
        return report

    def _write_batch(self, batch: list[_Loaded], report: IndexReport) -> None:
        """Embed and store the chunks not stored yet, then swap each file's chunks in the catalog."""
        searchable = [c for f in batch for c in f.chunks if not c.quarantine]
        existing = self.catalog.existing_ids([c.chunk_id for c in searchable])
        restated = self._restated([c for c in searchable if c.chunk_id in existing])
        report.embeddings_computed += self.upsert(
            [c for c in searchable if c.chunk_id not in existing or c in restated]
        )
        version = sources.corpus_version()
        records = []
        for f in batch:
            keep = {c.chunk_id for c in f.chunks if not c.quarantine}
            old_ids = self.catalog.chunk_ids(f.source)
            # vectors of chunks gone from the file, or now quarantined, leave the store first
            unvector = [i for i in self.catalog.existing_ids(old_ids) if i not in keep]
            if unvector:
                self.vectors.delete(unvector)
            now = {c.chunk_id for c in f.chunks}
            stale = [i for i in old_ids if i not in now]
            added = [c for c in f.chunks if c.chunk_id not in set(old_ids)]
            first = f.chunks[0]
            record = FileRecord(
                source=f.source,
                # a name with undecodable bytes cannot be stored as is
                path=Path(clean_name(f.path.resolve())) if f.size is None else f.path,
                file_hash=f.file_hash,
                size=f.path.stat().st_size if f.size is None else f.size,
                title=first.title,
                framework=first.framework,
                doc_type=str(first.doc_type),
                org=first.org,
                chunks=len(f.chunks),
                indexed_at=_now(),
                phi=json.dumps(f.phi, sort_keys=True),
            )
            records.append((record, [(c, chunk_metadata(c, version)) for c in f.chunks]))
            report.chunks_added += len(added)
            report.chunks_removed += len(stale)
            report.chunks_quarantined += sum(1 for c in f.chunks if c.quarantine)
            if f.phi:
                report.phi_files.append(f.source)
        # the whole batch in one catalog transaction (one generation step), after its vectors
        self.catalog.replace_files(records)
        report.files_indexed += len(batch)
        release_free_memory()

    def _audit_unredacted(self, report: IndexReport) -> None:
        """PHI stored in clear is the admin's choice (ADVISOR_REDACT_PHI=0): each time it happens is audited."""
        try:
            store = AuditStore(self.settings)
            try:
                store.log(Event.PHI_UNREDACTED, {"files": report.phi_files, "setting": "ADVISOR_REDACT_PHI=0"})
            finally:
                store.close()
        except (StoreError, OSError) as exc:
            report.errors.append(
                {"file": str(self.settings.audit_path), "error": f"PHI stored in clear was not audited: {exc}"}
            )

    def _restated(self, chunks: list[Chunk]) -> list[Chunk]:
        """Stored passages whose id (source, position, text) is unchanged but whose vector or
        filter fields are not: a renamed heading or title is part of what is embedded, and an
        organization or type is what searches filter on."""
        old = self.catalog.get_chunks([c.chunk_id for c in chunks])
        return [
            c
            for c in chunks
            if (o := old.get(c.chunk_id)) is not None
            and (embedding_text(o), o.org, o.doc_type, o.framework)
            != (embedding_text(c), c.org, c.doc_type, c.framework)
        ]

    def upsert(self, chunks: list[Chunk]) -> int:
        """Embed (through the cache) and store vectors for searchable chunks; returns the texts embedded."""
        if not chunks:
            return 0
        before = self.embedder.texts_embedded
        version = sources.corpus_version()
        self.vectors.upsert(
            ids=[c.chunk_id for c in chunks],
            embeddings=self.embed_cache.embed([embedding_text(c) for c in chunks], self.embedder),
            documents=[c.text for c in chunks],
            metadatas=[chunk_metadata(c, version) for c in chunks],
        )
        return self.embedder.texts_embedded - before

    def reconcile(self) -> int:
        """Make the vector store hold exactly the catalog's searchable chunks: delete orphan vectors
        (left by an interrupted run, or of quarantined chunks) and restore missing ones. Returns how
        many vectors changed."""
        in_store = self.vectors.all_ids()
        wanted = self.catalog.searchable_ids()
        orphans = sorted(in_store - wanted)
        if orphans:
            self.vectors.delete(orphans)
        missing = self.catalog.get_chunks(sorted(wanted - in_store))
        self.upsert(list(missing.values()))
        return len(orphans) + len(missing)

    def run_prepared(self, items: Iterable[Prepared], *, batch_chunks: int = 256) -> IndexReport:
        """Index prepared documents like files: an unchanged fingerprint is skipped (no
        embeddings), a changed one replaces the source's chunks, in the same crash-safe order."""
        started = time.perf_counter()
        report = IndexReport()
        with self.writer_lock():
            known = {r["source"]: r for r in self.catalog.files()}
            self._released = self.catalog.released_ids()
            embedded_before = self.embedder.texts_embedded
            pending: list[_Loaded] = []
            for item in items:
                report.files_seen += 1
                old = known.get(item.source)
                if old and old["file_hash"] == item.fingerprint:
                    report.files_unchanged += 1
                    continue
                if not item.chunks:
                    report.error(Path(item.source), "no text to index")
                    continue
                # documents chunked elsewhere are screened like files: quarantine, refusal, PHI
                loaded = self._screened(
                    Path(item.source), item.source, item.fingerprint, item.chunks, report, item.size
                )
                if loaded is None:
                    continue
                pending.append(loaded)
                if sum(len(p.chunks) for p in pending) >= batch_chunks:
                    self._write_batch(pending, report)
                    pending = []
            if pending:
                self._write_batch(pending, report)
            report.embeddings_computed = self.embedder.texts_embedded - embedded_before
        if report.phi_files and not self.settings.redact_phi:
            self._audit_unredacted(report)
        report.seconds = round(time.perf_counter() - started, 3)
        return report
