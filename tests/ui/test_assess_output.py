"""`advisor assess` lists a results file's problems one per line, as the Assessment page does."""

from __future__ import annotations

import json

from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from advisor.cli import main

from .signin import signed_in
from .test_ui import BAD_CSV, PAGES

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home, hash_model_dir


def test_cli_lists_each_problem_on_its_own_line(tmp_path, home):
    bad = tmp_path / "riverside.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    res = CliRunner().invoke(main, ["assess", str(bad)])
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert lines[0] == f"Error: {bad} has 3 problems; nothing was scored:"
    assert [ln[:12] for ln in lines[1:]] == ["  - row 3, c", "  - row 4, c", "  - row 5, c"]
    assert "out of range" in lines[1] and "DATA-99" in lines[2] and "'two'" in lines[3]
    assert ";" not in lines[1].split("; use")[0]  # one problem per line, not joined with semicolons

    res = CliRunner().invoke(main, ["assess", str(bad), "--json"])
    assert res.exit_code == 1
    out = json.loads(res.stdout)
    assert out["file"] == str(bad) and [p["rows"] for p in out["problems"]] == [[3], [4], [5]]
    assert out["problems"][0]["field"] == "score"


def test_cli_and_app_show_the_same_problems(tmp_path, ui_home):
    bad = tmp_path / "riverside.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    cli = [ln[4:] for ln in CliRunner().invoke(main, ["assess", str(bad)]).stderr.splitlines()[1:]]
    at = signed_in(AppTest.from_file(str(PAGES / "assessment.py"), default_timeout=60)).run()
    at.file_uploader[0].upload("riverside.csv", BAD_CSV.encode(), "text/csv")
    at.run()
    app = list(at.dataframe[0].value["problem"])
    assert [p.replace(str(bad), "riverside.csv") for p in cli] == app
