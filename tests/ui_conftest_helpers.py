"""Fixtures for the Streamlit UI tests: a small indexed ADVISOR_HOME built once per session.

In-process UI tests (AppTest) use the deterministic hashing embedder of `advisor.testing`
(fixture `hash_model_dir`) registered under a private model path, so they need neither the
10 s model load nor minutes of embedding; retrieval still runs the real code (Chroma + BM25 + identifiers, fused). The browser test
builds its own home with the real bundled model, because a separate Streamlit process
answers there.

Use them from a test module with `pytest_plugins = ["tests.ui_conftest_helpers"]`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.index import Index
from advisor.settings import Settings
from advisor.testing import DIM, hash_model_dir, make_hash_embedder
from advisor.testing import hash_vector as _hash_vector
from advisor.ui import resources

from .homes import private_home

__all__ = [
    "DIM",
    "_hash_vector",
    "fixture_paths",
    "hash_model_dir",
    "make_hash_embedder",
    "ui_home",
    "ui_home_template",
    "ui_settings",
]

ROOT = Path(__file__).resolve().parent.parent
GUIDANCE = ROOT / "corpus" / "guidance"
RESULTS = ROOT / "corpus" / "assessment" / "results"
FIXTURE_GUIDANCE = ["nist-ai-rmf-govern.md", "operating-model-ai-inventory.md", "kahn-data-quality-framework.md"]
FIXTURE_RESULTS = [
    "meridian-health-2026-03-31.json",
    "meridian-health-2026-09-30.csv",
    "northbridge-academic-2026-10-15.json",
]


def fixture_paths() -> list[Path]:
    return [GUIDANCE / n for n in FIXTURE_GUIDANCE] + [RESULTS / n for n in FIXTURE_RESULTS]


@pytest.fixture(scope="session")
def ui_home_template(tmp_path_factory, hash_model_dir) -> Path:
    """ADVISOR_HOME with three guidance documents and three results files (two organizations,
    one with two assessments for the trend), indexed once per session."""
    h = tmp_path_factory.mktemp("ui-home")
    s = Settings.from_env({"ADVISOR_HOME": str(h), "ADVISOR_EMBED_MODEL": str(hash_model_dir)})
    ix = Index(s)
    report = ix.index_paths(fixture_paths())
    assert report.ok, report.errors
    ix.close()
    return h


@pytest.fixture
def ui_home(ui_home_template, hash_model_dir, tmp_path, monkeypatch) -> Path:
    """A private copy of the indexed fixture home, selected through the environment, with the
    app's advisor for it built and warmed.

    Warmed first because every AppTest run compiles its page with `ast.parse`, and the warm-up
    thread parses too (numpy reads each .npy header with `ast.literal_eval`). CPython 3.11.7
    keeps one AST recursion counter per interpreter, so the two threads interleaving fail the
    run with "SystemError: AST constructor recursion depth mismatch" (CPython gh-106905, fixed
    in 3.11.8): one of four CI runs of the same code failed that way."""
    home = private_home(ui_home_template, tmp_path, monkeypatch, hash_model_dir)
    resources.prewarm(wait=True)
    return home


@pytest.fixture
def ui_settings(ui_home):
    return Settings.from_env()
