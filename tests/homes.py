"""Test homes: a private copy of an ADVISOR_HOME indexed once per session or module."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


def private_home(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_dir: Path) -> Path:
    """A copy of the indexed `template` in tmp_path, selected through the environment with its
    embedding model, so a test may change it freely."""
    h = tmp_path / "home"
    shutil.copytree(template, h)
    monkeypatch.setenv("ADVISOR_HOME", str(h))
    monkeypatch.setenv("ADVISOR_EMBED_MODEL", str(model_dir))
    return h
