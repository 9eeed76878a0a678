"""Embeddings shipped with the bundled corpus, so a first start computes none.

`corpus/embeddings/<fingerprint>.npz` holds the vectors of the bundled chunks' embedding
texts, keyed by the SHA-256 of each text; the file name is the fingerprint of the model and
of the runtime that computed them (`advisor.encoder.fingerprint`). A chunk whose text changed
since the file was built simply misses and is embedded as usual; another model, or the other
runtime, uses no shipped vector at all. Rebuild after changing the corpus:
`python -m advisor.index.seedbuild` (about 3 MB).
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import numpy as np

from ..settings import CORPUS_DIR

SEED_DIR = CORPUS_DIR / "embeddings"


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class SeedVectors:
    """Shipped vectors for one model fingerprint (loaded on first lookup; empty when absent)."""

    def __init__(self, fingerprint: str, folder: Path = SEED_DIR):
        self.path = folder / f"{fingerprint}.npz"
        self._index: dict[bytes, int] | None = None
        self._vectors: np.ndarray | None = None
        self._lock = threading.Lock()

    def _load(self) -> dict[bytes, int]:
        with self._lock:
            if self._index is None:
                self._index = {}
                if self.path.is_file():
                    with np.load(self.path) as data:
                        keys, self._vectors = data["keys"], np.asarray(data["vectors"], dtype=np.float32)
                    self._index = {bytes(k): i for i, k in enumerate(keys)}
            return self._index

    def __len__(self) -> int:
        return len(self._load())

    def lookup(self, texts: list[str]) -> dict[str, np.ndarray]:
        """The shipped vectors of those texts that have one."""
        index = self._load()
        if not index or self._vectors is None:
            return {}
        out = {}
        for t in texts:
            i = index.get(text_key(t))
            if i is not None:
                out[t] = self._vectors[i]
        return out


def write(path: Path, texts: list[str], vectors: np.ndarray) -> Path:
    """Write a seed file (keys sorted, so a rebuild of the same corpus is byte-identical)."""
    keys = [text_key(t) for t in texts]
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(
        tmp,
        keys=np.array([keys[i] for i in order], dtype="S32"),
        vectors=np.asarray(vectors, dtype=np.float32)[order],
    )
    tmp.replace(path)
    return path
