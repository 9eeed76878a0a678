"""Content-addressed embeddings on disk: the same text is never embedded twice."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import numpy as np

from .. import db
from ..providers import Embedder

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
        """Vectors for `texts`, in order; only texts never seen before reach the embedder."""
        with self._lock:
            return self._embed(texts, embedder)

    def _embed(self, texts: list[str], embedder: Embedder) -> list[list[float]]:
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
