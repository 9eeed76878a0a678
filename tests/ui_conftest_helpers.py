"""Fixtures for the Streamlit UI tests: a small indexed ADVISOR_HOME built once per session.

In-process UI tests (AppTest) use a deterministic hashing embedder registered under a
private model path, so they need neither the 10 s model load nor minutes of embedding;
retrieval still runs the real code (Chroma + BM25 + identifiers, fused). The browser test
builds its own home with the real bundled model, because a separate Streamlit process
answers there.

Use them from a test module with `pytest_plugins = ["tests.ui_conftest_helpers"]`.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDANCE = ROOT / "corpus" / "guidance"
RESULTS = ROOT / "corpus" / "assessment" / "results"
FIXTURE_GUIDANCE = ["nist-ai-rmf-govern.md", "operating-model-ai-inventory.md", "kahn-data-quality-framework.md"]
FIXTURE_RESULTS = [
    "meridian-health-2026-03-31.json",
    "meridian-health-2026-09-30.csv",
    "northbridge-academic-2026-10-15.json",
]
DIM = 384


def fixture_paths() -> list[Path]:
    return [GUIDANCE / n for n in FIXTURE_GUIDANCE] + [RESULTS / n for n in FIXTURE_RESULTS]


def _hash_vector(text: str) -> list[float]:
    """Bag of words and word pairs hashed into DIM buckets, unit length."""
    words = re.findall(r"[a-z0-9]+(?:[.-][a-z0-9]+)*", text.lower())
    vec = [0.0] * DIM
    for tok in words + [f"{a} {b}" for a, b in itertools.pairwise(words)]:
        h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=8).digest(), "little")
        vec[h % DIM] += 1.0 if (h >> 20) & 1 else -1.0
    norm = math.sqrt(sum(v * v for v in vec)) or 1.0
    return [v / norm for v in vec]


def make_hash_embedder(model_path: str):
    from advisor.providers import Embedder

    class HashEmbedder(Embedder):
        """Deterministic stand-in for the sentence-transformers model (tests only)."""

        def __init__(self, path: str):
            super().__init__(path)
            self._model = object()

        def embed(self, texts: list[str], batch_size: int = 16) -> list[list[float]]:
            self.texts_embedded += len(texts)
            return [_hash_vector(t) for t in texts]

        def embed_query(self, text: str) -> list[float]:
            return _hash_vector(text)

    return HashEmbedder(model_path)


@pytest.fixture(scope="session")
def hash_model_dir(tmp_path_factory) -> Path:
    """A model path served by the hashing embedder in this process."""
    from advisor import providers

    d = tmp_path_factory.mktemp("hash-embedder")
    providers._EMBEDDERS[str(d)] = make_hash_embedder(str(d))
    return d


@pytest.fixture(scope="session")
def ui_home_template(tmp_path_factory, hash_model_dir) -> Path:
    """ADVISOR_HOME with three guidance documents and three results files (two organizations,
    one with two assessments for the trend), indexed once per session."""
    from advisor.index import Index
    from advisor.settings import Settings

    h = tmp_path_factory.mktemp("ui-home")
    s = Settings.from_env({"ADVISOR_HOME": str(h), "ADVISOR_EMBED_MODEL": str(hash_model_dir)})
    ix = Index(s)
    report = ix.index_paths(fixture_paths())
    assert report.ok, report.errors
    ix.close()
    return h


@pytest.fixture
def ui_home(ui_home_template, hash_model_dir, tmp_path, monkeypatch) -> Path:
    """A private copy of the indexed fixture home, selected through the environment."""
    h = tmp_path / "home"
    shutil.copytree(ui_home_template, h)
    monkeypatch.setenv("ADVISOR_HOME", str(h))
    monkeypatch.setenv("ADVISOR_EMBED_MODEL", str(hash_model_dir))
    return h


@pytest.fixture
def ui_settings(ui_home):
    from advisor.settings import Settings

    return Settings.from_env()
