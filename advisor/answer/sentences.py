"""Sentence embeddings for the composer, computed once per installation (see `SentenceIndex`)."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np

__all__ = ["SentenceIndex"]


class SentenceIndex:
    """Embeddings of chunk sentences: computed on first use, kept in memory (LRU) and, with a
    store, on disk, so a sentence is embedded once per installation, not once per question.

    `store` returns the index's embedding cache when called: an index reopens its cache after
    it is closed, and a closed one must not be held. `cache` may be shared by every index of one
    embedder: a vector depends only on the model and the text."""

    def __init__(self, embedder, capacity: int = 20000, store=None, cache: OrderedDict[str, np.ndarray] | None = None):
        self.embedder = embedder
        self.capacity = capacity
        self.store = store  # () -> index.EmbeddingCache
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict() if cache is None else cache

    def vectors(self, sentences: list[str]) -> np.ndarray:
        # read into a local dict first: other threads' advisors share `_cache` and may evict meanwhile
        have = {s: v for s in dict.fromkeys(sentences) if (v := self._cache.get(s)) is not None}
        todo = [s for s in dict.fromkeys(sentences) if s not in have]
        if todo:
            vecs = self.store().embed(todo, self.embedder) if self.store is not None else self.embedder.embed(todo)
            for s, v in zip(todo, vecs, strict=True):
                have[s] = self._cache[s] = np.asarray(v, dtype=np.float32)
        out = np.stack([have[s] for s in sentences]) if sentences else np.zeros((0, 1), dtype=np.float32)
        for s in have:
            if s in self._cache:
                self._cache.move_to_end(s)
        while len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return out
