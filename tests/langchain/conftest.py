"""A small index for the LangChain tests, built once per module with the hashing embedder of
`advisor.testing` (no model load); each test gets its own copy of ADVISOR_HOME in the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.answer import Advisor
from advisor.index import Index
from advisor.settings import Settings

from ..homes import private_home

ROOT = Path(__file__).resolve().parents[2]
GUIDANCE = [ROOT / "corpus" / "guidance" / "nist-ai-rmf-govern.md"]
RESULTS = [ROOT / "corpus" / "assessment" / "results" / "meridian-health-2026-09-30.csv"]
DOCS = {
    "monitoring.md": (
        "---\ntitle: Monitoring guide\nframework: test-guide\n---\n# Monitoring guide\n\n"
        "## Drift\n\nDeployed sepsis models are checked monthly for calibration drift. "
        "An alert goes to the model steward when the AUROC falls below 0.75. "
        "The model steward can be reached at steward@meridian.example.org.\n"
    ),
}


@pytest.fixture(scope="module")
def lc_template(tmp_path_factory, hash_model_dir) -> Path:
    """ADVISOR_HOME with the GOVERN guidance, a monitoring guide and one organization's results."""
    root = tmp_path_factory.mktemp("lc")
    docs = root / "docs"
    docs.mkdir()
    for name, text in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
    # PHI redaction off for this index: the monitoring guide's steward address is staff contact
    # data the output checks must keep (with redaction on it is stored as "[EMAIL]").
    s = Settings.from_env(
        {"ADVISOR_HOME": str(root / "home"), "ADVISOR_EMBED_MODEL": str(hash_model_dir), "ADVISOR_REDACT_PHI": "0"}
    )
    ix = Index(s)
    assert ix.index_paths([*GUIDANCE, docs]).ok
    assert ix.index_paths(RESULTS).ok
    ix.close()
    return root / "home"


@pytest.fixture
def lc_home(lc_template, tmp_path, monkeypatch, hash_model_dir) -> Path:
    """A private copy of the small index, set as ADVISOR_HOME (with the hashing embedder)."""
    return private_home(lc_template, tmp_path, monkeypatch, hash_model_dir)


@pytest.fixture
def lc_advisor(lc_home) -> Advisor:
    return Advisor(Settings.from_env())
