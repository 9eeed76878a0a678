"""Build the embeddings shipped with the bundled corpus: `python -m advisor.index.seedbuild`
(after changing the corpus or the model; see `seed`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from ..providers import Embedder, register_embedder, unregister_embedder
from ..settings import Settings
from .records import embedding_text
from .seed import SEED_DIR, write
from .store import Index


class _Recording(Embedder):
    """The model, noting every text it embeds (chunks, and the sentences and prototypes the
    injection screen's similarity layer embeds)."""

    def __init__(self, model_path: str, backend: str):
        super().__init__(model_path, backend)
        self.seen: dict[str, None] = {}

    def embed(self, texts: list[str], batch_size: int = 16) -> list[list[float]]:
        self.seen.update(dict.fromkeys(texts))
        return super().embed(texts, batch_size)


def build(folder: Path = SEED_DIR) -> Path:
    """Index the bundled corpus into a scratch home and ship every vector it computed: the
    chunks' and the screen's, so a first start embeds (almost) nothing."""
    with tempfile.TemporaryDirectory(prefix="advisor-seed-") as home:
        settings = Settings.from_env({"ADVISOR_HOME": home})
        recording = _Recording(settings.embed_model, settings.embed_backend)
        register_embedder(settings.embed_model, recording)
        try:
            ix = Index(settings, seed=False)
            report = ix.index_paths(None)
            if not report.ok:
                raise SystemExit(f"indexing the bundled corpus failed: {report.errors}")
            texts = list(dict.fromkeys([*(embedding_text(c) for c in ix.all_chunks()), *recording.seen]))
            found = ix.embed_cache.lookup(texts)
        finally:
            unregister_embedder(settings.embed_model)
        texts = [t for t in texts if t in found]  # a text embedded outside the cache (none today) is not shipped
        vectors = np.stack([found[t] for t in texts])
        for old in folder.glob("*.npz"):
            old.unlink()  # one file: the current model's
        return write(folder / f"{ix.embed_fingerprint}.npz", texts, vectors)


if __name__ == "__main__":  # pragma: no cover - `python -m advisor.index.seedbuild`
    print(build())
