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


LIGHT = ("advisor.answer", "advisor.recommend", "advisor.retrieve", "advisor.evaluate", "advisor.cards", "numpy")


@pytest.mark.parametrize(
    # (`db` imports every store's module, the catalog and embedding cache with numpy among them)
    "argv",
    [["users", "list"], ["corpus", "status"], ["audit", "verify"], ["frameworks"]],
)
def test_commands_that_do_not_embed_load_no_answer_stack(tmp_path, argv):
    """`advisor users list` & co. start in well under a second: the answer, retrieval and roadmap
    packages (and numpy) are imported only by the commands that use them."""
    code = (
        "import json, sys\n"
        "from click.testing import CliRunner\n"
        "from advisor.cli import main\n"
        f"res = CliRunner().invoke(main, {argv!r})\n"
        "assert res.exit_code in (0, 1), res.output\n"
        f"print(json.dumps(sorted(m for m in {LIGHT!r} if m in sys.modules)))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ADVISOR_HOME": str(tmp_path)}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    assert json.loads(res.stdout.strip().splitlines()[-1]) == []


def test_help_still_lists_every_command():
    from click.testing import CliRunner

    from advisor.cli import main

    out = CliRunner().invoke(main, ["--help"]).output
    for name in ("ask", "index", "users", "audit", "eval", "review-card", "db", "corpus", "phi", "feedback"):
        assert f"  {name} " in out


def test_db_upgrade_in_a_fresh_process_migrates_every_store(tmp_path):
    """Stores register themselves at import; `advisor db` loads them all although its command
    group is imported lazily (a rollout's `advisor db upgrade` must not silently do nothing)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ADVISOR_HOME": str(tmp_path)}
    res = subprocess.run(
        [sys.executable, "-m", "advisor.cli", "db", "upgrade"], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert res.returncode == 0, res.stderr
    stores = {line.split(":")[0] for line in res.stdout.splitlines()}
    assert stores >= {"accounts", "audit", "catalog", "conversations", "embedcache"}
    assert (tmp_path / "users.sqlite3").exists() and (tmp_path / "audit.sqlite3").exists()
