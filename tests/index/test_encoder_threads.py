"""The ONNX encoder's worker threads sleep between operators (they do not spin on a shared host),
and that changes no vector: searches rank exactly as before."""

from __future__ import annotations

import numpy as np
import pytest

from advisor import encoder
from advisor.index import embedding_text
from advisor.index.sources import bundled_paths, doc_type_for, source_for
from advisor.ingest import load_chunks
from advisor.settings import default_embed_model

MODEL = default_embed_model()
pytestmark = pytest.mark.skipif(
    not MODEL or not encoder.exported(MODEL), reason="no ONNX export of the bundled model (make install exports it)"
)
QUESTIONS = [
    "What does GOVERN 1.6 require?",
    "What does GOVERN 1.6 require? (Mechanisms to inventory AI systems)",  # as the hybrid search expands it
    "How should we monitor deployed models for drift?",
    "Who should own the AI inventory?",
    "What does HTI-1 require for predictive decision support interventions?",
]


def _passages(n: int) -> list[str]:
    texts: list[str] = []
    for folder in bundled_paths():
        for path in sorted(folder.rglob("*.md")):
            texts += [embedding_text(c) for c in load_chunks(path, source_for(path), doc_type=doc_type_for(path))]
            if len(texts) >= n:
                return texts[:n]
    return texts


def test_worker_threads_do_not_spin():
    enc = encoder.OnnxEncoder(MODEL)
    opts = enc.session.get_session_options()
    assert opts.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    spinning = encoder.OnnxEncoder(MODEL, spinning=True).session.get_session_options()
    with pytest.raises(RuntimeError):  # not set: ONNX Runtime's default, which spins
        spinning.get_session_config_entry("session.intra_op.allow_spinning")


def test_sleeping_workers_give_the_same_vectors_and_rankings():
    docs = _passages(48)
    assert len(docs) == 48
    now, before = encoder.OnnxEncoder(MODEL), encoder.OnnxEncoder(MODEL, spinning=True)
    d_now = now.encode(docs, batch_size=16, normalize_embeddings=True)
    d_before = before.encode(docs, batch_size=16, normalize_embeddings=True)
    assert np.array_equal(d_now, d_before)
    for q in QUESTIONS:  # one at a time, as a search embeds its question
        q_now = now.encode([q], normalize_embeddings=True)[0]
        q_before = before.encode([q], normalize_embeddings=True)[0]
        assert np.array_equal(q_now, q_before), q
        assert np.argsort(-(d_now @ q_now), kind="stable")[:8].tolist() == (
            np.argsort(-(d_before @ q_before), kind="stable")[:8].tolist()
        )
