"""The index: chunk vectors in Chroma, plus a SQLite catalog (manifest of files and chunk texts).

Write order makes indexing crash-safe: a file's new chunks go into Chroma first, then its
stale chunks are deleted, and only then does the catalog record the file as indexed. A run
killed midway leaves every previously indexed file queryable, and the next run sees the
file as changed and finishes the work (chunk ids are deterministic, so nothing duplicates).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import db
from .errors import AdvisorError, IngestError, StoreError
from .ingest import LOADERS, Chunk, load_chunks
from .providers import Embedder, get_embedder
from .settings import CORPUS_DIR, PROJECT_DIR, Settings

INGEST_VERSION = "8"  # bump when loaders or chunking change, so files are re-chunked

CATALOG_MIGRATIONS = [
    """
    CREATE TABLE files (
        source TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        file_hash TEXT NOT NULL,
        size INTEGER NOT NULL,
        title TEXT NOT NULL,
        framework TEXT NOT NULL,
        doc_type TEXT NOT NULL,
        org TEXT NOT NULL,
        chunks INTEGER NOT NULL,
        indexed_at TEXT NOT NULL
    );
    CREATE TABLE chunks (
        chunk_id TEXT PRIMARY KEY,
        source TEXT NOT NULL REFERENCES files(source) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        metadata TEXT NOT NULL
    );
    CREATE INDEX chunks_source ON chunks(source);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta VALUES ('generation', '0');
    """,
]


EMBED_CACHE_MIGRATIONS = [
    "CREATE TABLE vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL);",
]


class EmbeddingCache:
    """Content-addressed embeddings (model + text), so the same text is never embedded twice,
    even across indexes (the evaluation index reuses the main index's vectors)."""

    def __init__(self, path: Path, model: str):
        self.conn = db.connect(path, EMBED_CACHE_MIGRATIONS, name="embedding cache")
        self.model = model
        self._lock = threading.Lock()  # one connection shared by the app's threads

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model}\x00{text}".encode()).hexdigest()

    def embed(self, texts: list[str], embedder: Embedder) -> list[list[float]]:
        with self._lock:
            return self._embed(texts, embedder)

    def _embed(self, texts: list[str], embedder: Embedder) -> list[list[float]]:
        import numpy as np

        keys = [self._key(t) for t in texts]
        found: dict[str, list[float]] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            q = f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})"
            for k, blob in self.conn.execute(q, part):
                found[k] = np.frombuffer(blob, dtype=np.float32).tolist()
        todo = [i for i, k in enumerate(keys) if k not in found]
        if todo:
            vecs = embedder.embed([texts[i] for i in todo])
            with self.conn:
                self.conn.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                    [(keys[i], np.asarray(v, dtype=np.float32).tobytes()) for i, v in zip(todo, vecs, strict=True)],
                )
            for i, v in zip(todo, vecs, strict=True):
                found[keys[i]] = v
        return [found[k] for k in keys]


@dataclass
class IndexReport:
    """What an indexing run did; `to_dict()` is the `advisor index --json` contract."""

    files_seen: int = 0
    files_indexed: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    chunks_added: int = 0
    chunks_removed: int = 0
    errors: list[dict] = field(default_factory=list)
    files_skipped: list[str] = field(default_factory=list)
    embeddings_computed: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def ok(self) -> bool:
        return not self.errors


def source_for(path: Path) -> str:
    """Citable source of a file: relative to the project for bundled files, else absolute."""
    p = path.resolve()
    try:
        return p.relative_to(PROJECT_DIR).as_posix()
    except ValueError:
        return p.as_posix()


def doc_type_for(path: Path) -> str:
    p = path.resolve()
    if LOADERS.get(p.suffix.lower()) == "results":
        return "assessment"
    if (CORPUS_DIR / "guidance") in p.parents:
        return "guidance"
    return "user"


def corpus_version() -> str:
    try:
        return (CORPUS_DIR / "VERSION").read_text(encoding="utf-8").strip()
    except OSError:
        return "unknown"


def bundled_paths() -> list[Path]:
    """What `advisor index` with no paths indexes."""
    return [CORPUS_DIR / "guidance", CORPUS_DIR / "assessment" / "results"]


def embedding_text(chunk: Chunk) -> str:
    """What gets embedded and keyword-indexed: the passage with its title and heading path."""
    head = " — ".join(x for x in (chunk.title, chunk.section) if x)
    return f"{head}\n{chunk.text}" if head else chunk.text


def chunk_metadata(chunk: Chunk, version: str) -> dict:
    """Flat metadata for Chroma (no None values)."""
    md = {
        "source": chunk.source,
        "title": chunk.title,
        "section": chunk.section,
        "page": chunk.page or 0,
        "framework": chunk.framework,
        "doc_type": chunk.doc_type,
        "org": chunk.org,
        "content_hash": chunk.content_hash,
        "corpus_version": version if chunk.doc_type == "guidance" else "",
        "publisher": chunk.publisher,
        "position": chunk.position,
    }
    for k, v in chunk.meta.items():
        if isinstance(v, (str, int, float, bool)) and k not in md:
            md[k] = v
        elif v is not None and k not in md:
            md[k] = str(v)
    return md


def chunk_from_record(chunk_id: str, text: str, md: dict) -> Chunk:
    base = {
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
    }
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
        meta={k: v for k, v in md.items() if k not in base},
    )


def _file_hash(path: Path, settings: Settings) -> str:
    h = hashlib.sha256()
    h.update(f"{INGEST_VERSION}:{settings.chunk_size}:{settings.chunk_overlap}:".encode())
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class _ChromaEmbedding:
    """Chroma embedding function over our local model, so Chroma never uses its default
    (which would download an ONNX model)."""

    def __init__(self, embedder: Embedder):
        self._embedder = embedder

    def __call__(self, input):
        return self._embedder.embed(list(input))

    def embed_query(self, input):
        return [self._embedder.embed_query(t) for t in input]

    @staticmethod
    def name() -> str:
        return "advisor-local-sentence-transformers"

    def get_config(self) -> dict:
        return {"model_path": self._embedder.model_path}

    @staticmethod
    def build_from_config(config: dict):  # pragma: no cover - we always pass our instance
        from .providers import Embedder

        return _ChromaEmbedding(Embedder(config["model_path"]))

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]


def _make_embedding_function(embedder: Embedder):
    from chromadb.api.types import EmbeddingFunction

    cls = type("AdvisorEmbeddingFunction", (_ChromaEmbedding, EmbeddingFunction), {})
    return cls(embedder)


class Index:
    """The persistent index under ADVISOR_HOME (or a Chroma server)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        try:
            settings.home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"ADVISOR_HOME={settings.home}: cannot create the data folder ({exc})") from None
        self.catalog = db.connect(settings.catalog_path, CATALOG_MIGRATIONS, name="catalog")
        self._client: Any = None
        self._collection: Any = None
        self._embed_cache: EmbeddingCache | None = None
        self._open_lock = threading.Lock()

    # ------------------------------------------------------------------ chroma

    @property
    def embedder(self) -> Embedder:
        return get_embedder(self.settings)

    @property
    def embed_cache(self) -> EmbeddingCache:
        with self._open_lock:
            if self._embed_cache is None:
                self._embed_cache = EmbeddingCache(self.settings.embed_cache_path, self.settings.embed_model)
            return self._embed_cache

    @property
    def collection(self) -> Any:
        with self._open_lock:  # chromadb fails when two threads open a client at once
            return self._open_collection()

    def _open_collection(self) -> Any:
        if self._collection is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
            try:
                if self.settings.chroma_url:
                    from urllib.parse import urlparse

                    u = urlparse(self.settings.chroma_url)
                    self._client = chromadb.HttpClient(
                        host=u.hostname,
                        port=u.port or (443 if u.scheme == "https" else 8000),
                        ssl=u.scheme == "https",
                        settings=chroma_settings,
                    )
                else:
                    self._client = chromadb.PersistentClient(
                        path=str(self.settings.chroma_path), settings=chroma_settings
                    )
                self._collection = self._client.get_or_create_collection(
                    self.settings.collection,
                    embedding_function=_make_embedding_function(self.embedder),
                    metadata={"hnsw:space": "cosine"},
                )
            except Exception as exc:
                where = (
                    f"ADVISOR_CHROMA_URL={self.settings.chroma_url}"
                    if self.settings.chroma_url
                    else str(self.settings.chroma_path)
                )
                raise StoreError(f"{where}: cannot open the vector store ({type(exc).__name__}: {exc})") from None
        return self._collection

    # ----------------------------------------------------------------- catalog

    @property
    def generation(self) -> int:
        row = self.catalog.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return int(row[0]) if row else 0

    def files(self) -> list[dict]:
        rows = self.catalog.execute("SELECT * FROM files ORDER BY doc_type, title, source").fetchall()
        return [dict(r) for r in rows]

    def chunk_count(self) -> int:
        return self.catalog.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def is_empty(self) -> bool:
        return self.chunk_count() == 0

    def all_chunks(self) -> Iterator[Chunk]:
        """Every chunk in a stable order (source, position)."""
        for r in self.catalog.execute(
            "SELECT chunk_id, text, metadata FROM chunks ORDER BY source, position, chunk_id"
        ):
            yield chunk_from_record(r[0], r[1], json.loads(r[2]))

    def get_chunks(self, ids: Iterable[str]) -> dict[str, Chunk]:
        ids = list(ids)
        out: dict[str, Chunk] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            q = f"SELECT chunk_id, text, metadata FROM chunks WHERE chunk_id IN ({','.join('?' * len(part))})"
            for r in self.catalog.execute(q, part):
                out[r[0]] = chunk_from_record(r[0], r[1], json.loads(r[2]))
        return out

    def chunks_for_source(self, source: str) -> list[Chunk]:
        rows = self.catalog.execute(
            "SELECT chunk_id, text, metadata FROM chunks WHERE source=? ORDER BY position", (source,)
        ).fetchall()
        return [chunk_from_record(r[0], r[1], json.loads(r[2])) for r in rows]

    def has_doc_type(self, doc_type: str) -> bool:
        return self.catalog.execute("SELECT 1 FROM files WHERE doc_type=? LIMIT 1", (doc_type,)).fetchone() is not None

    def neighbors(self, chunk: Chunk) -> list[Chunk]:
        """The chunks just before and after this one when they continue the same section
        (a long section is split into several chunks; its parts answer together)."""
        rows = self.catalog.execute(
            "SELECT chunk_id, text, metadata FROM chunks WHERE source=? AND position IN (?, ?, ?) ORDER BY position",
            (chunk.source, chunk.position - 1, chunk.position + 1, chunk.position + 2),
        ).fetchall()
        out = [chunk_from_record(r[0], r[1], json.loads(r[2])) for r in rows]
        same = [
            c
            for c in out
            if c.section == chunk.section and c.org == chunk.org and abs(c.position - chunk.position) == 1
        ]
        # a short heading chunk ("MANAGE 1.3") continues in its subsections ("MANAGE 1.3 > About")
        child = [
            c
            for c in out
            if c.position > chunk.position and c.section.startswith(chunk.section + " > ") and len(chunk.text) < 400
        ]
        return same + [c for c in child if c not in same][:2]

    def orgs(self) -> list[dict]:
        """Organizations with assessment results: [{org, name, assessments: [dates]}]."""
        rows = self.catalog.execute(
            "SELECT metadata FROM chunks WHERE source IN (SELECT source FROM files WHERE doc_type='assessment')"
        ).fetchall()
        found: dict[str, dict] = {}
        for (raw,) in rows:
            md = json.loads(raw)
            org = md.get("org") or ""
            if not org:
                continue
            entry = found.setdefault(org, {"org": org, "name": md.get("org_name") or org, "assessments": set()})
            if md.get("date"):
                entry["assessments"].add(str(md["date"]))
        return [
            {"org": e["org"], "name": e["name"], "assessments": sorted(e["assessments"])}
            for e in sorted(found.values(), key=lambda e: e["org"])
        ]

    # ---------------------------------------------------------------- indexing

    @contextlib.contextmanager
    def _writer_lock(self) -> Iterator[None]:
        import fcntl

        lock_path = self.settings.home / "index.lock"
        with open(lock_path, "a+") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(
                    f"{self.settings.home}: another `advisor index` is running on this data folder; wait for it to finish"
                ) from None
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def index_paths(
        self,
        paths: Iterable[Path] | None = None,
        *,
        org: str = "",
        progress: Callable[[int, int, str], None] | None = None,
        batch_chunks: int = 256,
    ) -> IndexReport:
        """Index files and folders (default: the bundled corpus). Unchanged files are skipped,
        changed files replace their chunks, files gone from an indexed folder are removed."""
        started = time.perf_counter()
        report = IndexReport()
        targets = [Path(p) for p in paths] if paths else bundled_paths()
        with self._writer_lock():
            files, folders = self._expand(targets, report)
            report.files_seen = len(files)
            known = {r["source"]: r for r in self.files()}
            seen_sources = {source_for(f) for f in files}
            self._remove_vanished(folders, seen_sources, known, report)
            embedded_before = self.embedder.texts_embedded
            pending: list[tuple[Path, str, str, list[Chunk]]] = []
            pending_chunks = 0
            for i, path in enumerate(files):
                if progress:
                    progress(i, len(files), str(path))
                src = source_for(path)
                try:
                    fhash = _file_hash(path, self.settings)
                except OSError as exc:
                    report.errors.append({"file": str(path), "error": f"cannot read file ({exc.strerror or exc})"})
                    continue
                old = known.get(src)
                if old and old["file_hash"] == fhash and old["org"] == (org or old["org"]):
                    report.files_unchanged += 1
                    continue
                try:
                    chunks = load_chunks(
                        path,
                        src,
                        doc_type=doc_type_for(path),
                        org=org,
                        chunk_size=self.settings.chunk_size,
                        overlap=self.settings.chunk_overlap,
                        max_bytes=int(self.settings.max_file_mb * 1e6),
                    )
                except IngestError as exc:
                    report.errors.append({"file": str(path), "error": exc.problem})
                    continue
                except AdvisorError as exc:
                    report.errors.append({"file": str(path), "error": str(exc)})
                    continue
                except Exception as exc:  # a loader bug must not stop the batch
                    report.errors.append(
                        {"file": str(path), "error": f"could not be read ({type(exc).__name__}: {exc})"}
                    )
                    continue
                pending.append((path, src, fhash, chunks))
                pending_chunks += len(chunks)
                if pending_chunks >= batch_chunks:
                    self._write_batch(pending, report)
                    pending, pending_chunks = [], 0
            if pending:
                self._write_batch(pending, report)
            if progress:
                progress(len(files), len(files), "")
            report.embeddings_computed = self.embedder.texts_embedded - embedded_before
        report.seconds = round(time.perf_counter() - started, 3)
        return report

    def _expand(self, targets: list[Path], report: IndexReport) -> tuple[list[Path], list[Path]]:
        files: list[Path] = []
        folders: list[Path] = []
        for t in targets:
            if t.is_dir():
                folders.append(t.resolve())
                for root, dirs, names in os.walk(t):
                    dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
                    for name in sorted(names):
                        if name.startswith("."):
                            continue
                        p = Path(root) / name
                        if p.suffix.lower() in LOADERS:
                            files.append(p)
                        else:
                            report.files_skipped.append(str(p))
            elif t.exists():
                files.append(t)
            else:
                report.errors.append({"file": str(t), "error": "no such file or folder"})
        unique: dict[str, Path] = {}
        for f in files:
            unique.setdefault(str(f.resolve()), f)
        return list(unique.values()), folders

    def _remove_vanished(self, folders: list[Path], seen: set[str], known: dict, report: IndexReport) -> None:
        gone = []
        for src, row in known.items():
            p = Path(row["path"])
            if src in seen:
                continue
            if any(f == p or f in p.parents for f in folders) and not (p.exists() and p.suffix.lower() in LOADERS):
                gone.append(src)
        for src in gone:
            ids = [r[0] for r in self.catalog.execute("SELECT chunk_id FROM chunks WHERE source=?", (src,))]
            if ids:
                self._chroma_delete(ids)
            with self.catalog:
                self.catalog.execute("DELETE FROM chunks WHERE source=?", (src,))
                self.catalog.execute("DELETE FROM files WHERE source=?", (src,))
                self._bump()
            report.files_removed += 1
            report.chunks_removed += len(ids)

    def _chroma_delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), 1000):
            self.collection.delete(ids=ids[i : i + 1000])

    def _bump(self) -> None:
        self.catalog.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")

    def _write_batch(self, batch: list[tuple[Path, str, str, list[Chunk]]], report: IndexReport) -> None:
        version = corpus_version()
        existing: set[str] = set()
        all_ids = [c.chunk_id for _, _, _, chunks in batch for c in chunks]
        for i in range(0, len(all_ids), 500):
            part = all_ids[i : i + 500]
            q = f"SELECT chunk_id FROM chunks WHERE chunk_id IN ({','.join('?' * len(part))})"
            existing.update(r[0] for r in self.catalog.execute(q, part))
        new = [c for _, _, _, chunks in batch for c in chunks if c.chunk_id not in existing]
        if new:
            vectors = self.embed_cache.embed([embedding_text(c) for c in new], self.embedder)
            step = 1000
            for i in range(0, len(new), step):
                part = new[i : i + step]
                self.collection.upsert(
                    ids=[c.chunk_id for c in part],
                    embeddings=vectors[i : i + step],
                    documents=[c.text for c in part],
                    metadatas=[chunk_metadata(c, version) for c in part],
                )
        for path, src, fhash, chunks in batch:
            keep = {c.chunk_id for c in chunks}
            old_ids = [r[0] for r in self.catalog.execute("SELECT chunk_id FROM chunks WHERE source=?", (src,))]
            stale = [i for i in old_ids if i not in keep]
            if stale:
                self._chroma_delete(stale)
            added = [c for c in chunks if c.chunk_id not in set(old_ids)]
            first = chunks[0]
            with self.catalog:
                self.catalog.execute("DELETE FROM chunks WHERE source=?", (src,))
                self.catalog.execute(
                    "INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (
                        src,
                        str(path.resolve()),
                        fhash,
                        path.stat().st_size,
                        first.title,
                        first.framework,
                        first.doc_type,
                        first.org,
                        len(chunks),
                        _now(),
                    ),
                )
                self.catalog.executemany(
                    "INSERT OR REPLACE INTO chunks VALUES (?,?,?,?,?)",
                    [(c.chunk_id, src, c.position, c.text, json.dumps(chunk_metadata(c, version))) for c in chunks],
                )
                self._bump()
            report.files_indexed += 1
            report.chunks_added += len(added)
            report.chunks_removed += len(stale)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.catalog.close()
