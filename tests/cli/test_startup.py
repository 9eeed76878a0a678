"""Commands that do not embed start without the heavy libraries (torch, the model, Chroma)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ..conftest import ROOT

HEAVY = ("torch", "sentence_transformers", "transformers", "chromadb", "openai")


def loaded_after(statement: str) -> list[str]:
    """The HEAVY modules in sys.modules after running `statement` in a fresh interpreter."""
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", ["advisor.cli", "advisor", "advisor.settings", "advisor.index"])
def test_importing_imports_no_heavy_library(module):
    assert loaded_after(f"import {module}") == []


def test_help_and_assess_import_no_heavy_library(tmp_path):
    results = ROOT / "corpus" / "assessment" / "results" / "meridian-health-2026-09-30.csv"
    statement = (
        "from click.testing import CliRunner\n"
        "from advisor.cli import main\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0\n"
        f"assert CliRunner().invoke(main, ['assess', {str(results)!r}, '--json']).exit_code == 0"
    )
    assert loaded_after(statement) == []


def test_settings_do_not_import_providers():
    code = "import sys, advisor.settings; print('advisor.providers' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert res.stdout.strip() == "False"
