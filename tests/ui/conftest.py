"""Fixtures of the browser tests: an ADVISOR_HOME indexed with the real bundled model and the
app running over it (helpers in tests/ui/apprunner.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .apprunner import GUIDANCE, RESULTS, index_home, running_app

BROWSER_FILES = [
    GUIDANCE / "nist-ai-rmf-govern.md",
    GUIDANCE / "kahn-data-quality-framework.md",
    RESULTS / "meridian-health-2026-09-30.csv",
    RESULTS / "northbridge-academic-2026-10-15.json",
]


@pytest.fixture
def browser_home(tmp_path) -> Path:
    """ADVISOR_HOME indexed with the real bundled embedding model (the app process answers), with
    an administrator: not a fresh install, so visitors sign in."""
    return index_home(tmp_path / "home", BROWSER_FILES)


@pytest.fixture
def app_url(browser_home, tmp_path):
    """The URL of `streamlit run` over `browser_home`."""
    with running_app(browser_home, tmp_path / "streamlit.log") as url:
        yield url
