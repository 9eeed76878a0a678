"""Content-addressed embeddings: the same text is never embedded twice (SQLite file under
ADVISOR_HOME, or the `embedcache` schema of ADVISOR_DATABASE_URL shared by every process)."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..providers import Embedder
from ..settings import Settings
from ..stores import Step, StoreSpec, open_store, register
from .seed import SeedVectors

EMBED_CACHE_MIGRATIONS = [
    Step(
        sqlite="CREATE TABLE vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL);",
        postgresql="CREATE TABLE vectors (key TEXT PRIMARY KEY, vector BYTEA NOT NULL);",
    ),
]
SPEC = register(StoreSpec("embedcache", EMBED_CACHE_MIGRATIONS, "embed-cache.sqlite3"))
_IN_BATCH = 500  # keys per `IN (...)` query, under SQLite's variable limit
_KEPT = 4096  # vectors kept in memory by key (a few MB): a search reads its hits' vectors, mostly read before


class EmbeddingCache:
    """Content-addressed embeddings (model + text), so the same text is never embedded twice,
    even across indexes (the evaluation index reuses the main index's vectors)."""

    def __init__(self, settings: Settings | Path, model: str, *, seed: SeedVectors | None = None):
        if isinstance(settings, Path):  # a cache file opened directly
            self.db = open_store(Settings(home=settings.parent), SPEC, sqlite_path=settings)
        else:
            self.db = open_store(settings, SPEC, sqlite_path=settings.embed_cache_path)
        self.model = model
        self.seed = seed  # vectors shipped with the bundled corpus, consulted before the model
        self._lock = threading.Lock()  # one embedding at a time per process: the model is single-threaded anyway
        # a key's vector never changes (the key is the model and the text), so a kept one is never stale
        self._kept: OrderedDict[str, np.ndarray] = OrderedDict()
        self._kept_lock = threading.Lock()

    def close(self) -> None:
        """Close the store (its SQLite write-ahead log is checkpointed and removed now, not
        whenever the connection is collected)."""
        self.db.close()

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model}\x00{text}".encode()).hexdigest()

    def lookup(self, texts: list[str]) -> dict[str, np.ndarray]:
        """The stored vectors of those texts that have one, by text."""
        keys = {self._key(t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        with self._kept_lock:
            for k, t in keys.items():
                v = self._kept.get(k)
                if v is not None:
                    self._kept.move_to_end(k)
                    found[t] = v
        ordered = [k for k, t in keys.items() if t not in found]
        read: dict[str, np.ndarray] = {}
        for i in range(0, len(ordered), _IN_BATCH):
            part = ordered[i : i + _IN_BATCH]
            q = f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})"
            for k, blob in self.db.query(q, part):
                read[k] = np.frombuffer(bytes(blob), dtype=np.float32)
        if read and len(read) <= _KEPT // 4:  # a search's few, not an indexing batch's thousands
            with self._kept_lock:
                self._kept.update(read)
                while len(self._kept) > _KEPT:
                    self._kept.popitem(last=False)
        found.update({keys[k]: v for k, v in read.items()})
        return found

    def store(self, texts: list[str], vectors: Sequence[Any] | np.ndarray) -> None:
        """Remember vectors computed elsewhere (e.g. shipped with the bundled corpus)."""
        rows = [(self._key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(texts, vectors, strict=True)]
        for i in range(0, len(rows), 2000):
            self.db.executemany(
                "INSERT INTO vectors (key, vector) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", rows[i : i + 2000]
            )

    def embed(self, texts: list[str], embedder: Embedder) -> list[list[float]]:
        """Vectors for `texts`, in order; only texts never seen before reach the embedder."""
        with self._lock:
            found = self.lookup(texts)
            todo = list(dict.fromkeys(t for t in texts if t not in found))
            if todo and self.seed is not None:
                shipped = self.seed.lookup(todo)
                if shipped:
                    self.store(list(shipped), list(shipped.values()))
                    found.update(shipped)
                    todo = [t for t in todo if t not in shipped]
            if todo:
                vecs = embedder.embed(todo)
                self.store(todo, vecs)
                for t, v in zip(todo, vecs, strict=True):
                    found[t] = np.asarray(v, dtype=np.float32)
            return [found[t].tolist() for t in texts]
