"""The ONNX encoder runs texts a few hundred tokens at a time (cheaper on a small host); a text's
vector is the same, bit for bit, whatever else shares its run, and vectors come back in input order."""

from __future__ import annotations

import numpy as np
import pytest

from advisor import encoder
from advisor.settings import default_embed_model

MODEL = default_embed_model()
pytestmark = pytest.mark.skipif(
    not MODEL or not encoder.exported(MODEL), reason="no ONNX export of the bundled model (make install exports it)"
)
TEXTS = [
    "Keep an inventory of every AI tool in use at Fernhill Community Clinic.",
    "Review.",
    "The quality committee of the Harbourside Health Network meets monthly to review model drift reports, "
    "incident tickets raised by nurses, and the validation results vendors send before each upgrade; "
    "a tool whose accuracy fell below the agreed floor is paused until the vendor explains why. " * 3,
    "Clinicians check each AI-drafted discharge note against the chart before it is signed.",
    "Keep an inventory of every AI tool in use at Fernhill Community Clinic.",  # a repeat
]


def test_vectors_do_not_depend_on_what_shares_their_run():
    enc = encoder.OnnxEncoder(MODEL)
    one_by_one = np.stack([enc.encode([t], normalize_embeddings=True)[0] for t in TEXTS])
    small = enc.encode(TEXTS, batch_size=16, normalize_embeddings=True, max_tokens=1)  # one text per run
    large = enc.encode(TEXTS, batch_size=16, normalize_embeddings=True, max_tokens=100_000)  # all in one run
    default = enc.encode(TEXTS, batch_size=16, normalize_embeddings=True)
    assert np.array_equal(one_by_one, small)
    assert np.array_equal(small, large)
    assert np.array_equal(small, default)
    assert np.array_equal(default[0], default[4])
    assert float(default[0] @ default[3]) < 0.99  # input order kept: different texts, different vectors


def test_a_run_is_capped_by_tokens_and_by_count():
    enc = encoder.OnnxEncoder(MODEL)
    widths: list[tuple[int, int]] = []
    run = enc._batch

    def spy(encs):
        widths.append((len(encs), max(len(e.ids) for e in encs)))
        return run(encs)

    enc._batch = spy  # type: ignore[method-assign]
    short = [f"Step {i}: the clinic's AI lead signs off the pilot." for i in range(40)]
    enc.encode(short, batch_size=16, max_tokens=128)
    assert all(n * w <= 128 or n == 1 for n, w in widths)
    assert all(n <= 16 for n, _ in widths)
    assert sum(n for n, _ in widths) == 40
