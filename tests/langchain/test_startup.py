"""LangChain, OpenAI and torch stay out of start-up: only a configured model or advisor.langchain loads them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ..conftest import ROOT

HEAVY = ("langchain", "langchain_core", "langchain_openai", "langchain_community", "openai", "torch")


def loaded_after(statement: str, **env: str) -> list[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    full = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=full, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "module", ["advisor.cli", "advisor", "advisor.providers", "advisor.answer", "advisor.citations"]
)
def test_importing_imports_no_langchain(module):
    assert loaded_after(f"import {module}") == []


def test_resolving_an_offline_setting_imports_no_langchain(tmp_path):
    statement = "from advisor.settings import Settings\nfrom advisor.providers import get_chat_model\nassert get_chat_model(Settings.from_env()) is None"
    env = {"ADVISOR_HOME": str(tmp_path), "ADVISOR_LLM_MODEL": "", "OPENAI_BASE_URL": "", "OPENAI_API_KEY": ""}
    assert loaded_after(statement, **env) == []


def test_the_langchain_module_needs_only_langchain_core():
    assert loaded_after("import advisor.langchain") == ["langchain_core"]
