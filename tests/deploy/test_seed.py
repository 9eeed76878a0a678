"""The bundled corpus's shipped embeddings: a first start embeds (almost) nothing, and the
shipped vectors are the model's own."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.index import Index, embedding_text
from advisor.index.seed import SeedVectors
from advisor.settings import Settings

pytestmark = pytest.mark.slow


def test_first_start_uses_the_shipped_embeddings(tmp_path):
    ix = Index(Settings.from_env({"ADVISOR_HOME": str(tmp_path / "home")}))
    seed = SeedVectors(ix.embed_fingerprint)
    assert seed.path.exists(), f"{seed.path} missing: run `python -m advisor.index.seedbuild`"
    before = ix.embedder.texts_embedded
    report = ix.index_paths(None)
    assert report.ok, report.errors
    chunks = list(ix.all_chunks())
    assert report.embeddings_computed <= 0.05 * len(chunks), (
        f"{report.embeddings_computed} of {len(chunks)} chunks were embedded: the shipped embeddings are stale; "
        "run `python -m advisor.index.seedbuild`"
    )
    # the injection screen's sentences and prototypes are shipped too (embedding them was two
    # thirds of a first start's CPU: 38 CPU-seconds before, 13 after)
    embedded = ix.embedder.texts_embedded - before
    assert embedded <= 0.05 * len(seed), (
        f"{embedded} texts were embedded on a first start (the shipped file holds {len(seed)}): "
        "the shipped embeddings are stale; run `python -m advisor.index.seedbuild`"
    )
    texts = [embedding_text(c) for c in chunks[:: max(1, len(chunks) // 8)]][:8]
    shipped = seed.lookup(texts)
    assert len(shipped) == len(texts)
    computed = np.asarray(ix.embedder.embed(texts))
    cos = np.sum(computed * np.stack([shipped[t] for t in texts]), axis=1)
    assert cos.min() > 0.9999


def test_another_model_uses_no_shipped_vector(tmp_path, hash_model_dir):
    ix = Index(Settings.from_env({"ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_EMBED_MODEL": str(hash_model_dir)}))
    assert len(SeedVectors(ix.embed_fingerprint)) == 0
    doc = tmp_path / "a.md"
    doc.write_text("# A\n\nAn inventory of AI systems.\n")
    assert ix.index_paths([doc]).embeddings_computed == 1
