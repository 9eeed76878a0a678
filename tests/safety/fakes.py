"""A deterministic stand-in embedder: hashed bag of words, unit length (no model needed)."""

from __future__ import annotations

import hashlib
import re

import numpy as np


class HashingEmbedder:
    def __init__(self, dim: int = 256):
        self.dim = dim
        self.shared: dict = {}
        self.calls = 0

    def _vec(self, text: str) -> list[float]:
        v = np.zeros(self.dim)
        for w in re.findall(r"[a-z]+", text.lower()):
            v[int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1.0
        n = np.linalg.norm(v)
        return (v / n if n else v).tolist()

    def embed(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        return [self._vec(t) for t in texts]
