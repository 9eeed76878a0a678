"""Build the embeddings shipped with the bundled corpus: `python -m advisor.index.seedbuild`
(after changing the corpus or the model; see `seed`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from ..settings import Settings
from .records import embedding_text
from .seed import SEED_DIR, write
from .store import Index


def build(folder: Path = SEED_DIR) -> Path:
    """Index the bundled corpus into a scratch home and ship the vectors it computed."""
    with tempfile.TemporaryDirectory(prefix="advisor-seed-") as home:
        settings = Settings.from_env({"ADVISOR_HOME": home})
        ix = Index(settings, seed=False)
        report = ix.index_paths(None)
        if not report.ok:
            raise SystemExit(f"indexing the bundled corpus failed: {report.errors}")
        texts = list(dict.fromkeys(embedding_text(c) for c in ix.all_chunks()))
        found = ix.embed_cache.lookup(texts)
        vectors = np.stack([found[t] for t in texts])
        for old in folder.glob("*.npz"):
            old.unlink()  # one file: the current model's
        return write(folder / f"{ix.embed_fingerprint}.npz", texts, vectors)


if __name__ == "__main__":  # pragma: no cover - `python -m advisor.index.seedbuild`
    print(build())
