"""Commands that do not embed start without the model runtimes (torch, ONNX Runtime) and,
without ADVISOR_DATABASE_URL, without the PostgreSQL driver."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
HEAVY = ("torch", "sentence_transformers", "transformers", "onnxruntime", "chromadb", "openai", "psycopg")


def _loaded_after(args: list[str], home) -> tuple[int, list[str]]:
    code = (
        "import json, sys\n"
        "from click.testing import CliRunner\n"
        "from advisor.cli import main\n"
        f"r = CliRunner().invoke(main, {args!r})\n"
        f"print(json.dumps([r.exit_code, sorted(m for m in {HEAVY!r} if m in sys.modules)]))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update(PYTHONPATH=str(ROOT), ADVISOR_HOME=str(home))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    code_, mods = json.loads(res.stdout.strip().splitlines()[-1])
    return code_, mods


@pytest.mark.parametrize(
    "args",
    [
        ["orgs", "--json"],
        ["corpus", "status", "--json"],
        ["db", "status"],
        ["frameworks", "--json"],
        ["users", "list"],
        ["audit", "verify"],
    ],
)
def test_commands_that_do_not_embed_load_no_model_runtime(args, tmp_path):
    exit_code, heavy = _loaded_after(args, tmp_path / "home")
    assert exit_code == 0 and heavy == []
