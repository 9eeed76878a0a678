"""The `advisor` CLI contracts on the bundled corpus."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from advisor.cli import main

from ..conftest import ROOT

SEARCH_KEYS = {"rank", "chunk_id", "source", "title", "section", "page", "doc_type", "org", "score", "text"}
ANSWER_KEYS = {"question", "query", "answer", "abstained", "mode", "citations", "unsupported", "timings_ms"}
CITATION_KEYS = {"marker", "chunk_id", "source", "title", "section", "page", "quote"}


@pytest.fixture
def run(corpus_home, monkeypatch):
    monkeypatch.setenv("ADVISOR_HOME", str(corpus_home))
    runner = CliRunner()

    def invoke(*args):
        result = runner.invoke(main, list(args))
        return result

    return invoke


@pytest.mark.slow
def test_search_json_contract_and_govern_1_6_on_top(run):
    res = run("search", "mechanisms to inventory AI systems", "--json", "--k", "5")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert len(rows) == 5 and all(set(r) == SEARCH_KEYS for r in rows)
    assert [r["rank"] for r in rows] == [1, 2, 3, 4, 5]
    assert "GOVERN 1.6" in rows[0]["section"] and "nist-ai-rmf-govern" in rows[0]["source"]
    assert all(r["org"] is None for r in rows)


@pytest.mark.slow
def test_search_with_org_includes_only_that_org(run):
    rows = json.loads(run("search", "AI inventory score", "--org", "meridian-health", "--json", "--k", "20").stdout)
    orgs = {r["org"] for r in rows}
    assert "meridian-health" in orgs and orgs <= {None, "meridian-health"}


@pytest.mark.slow
def test_ask_json_contract(run):
    res = run("ask", "What does GOVERN 1.6 require?", "--json")
    assert res.exit_code == 0, res.output
    ans = json.loads(res.stdout)
    assert set(ans) == ANSWER_KEYS and ans["mode"] == "offline" and not ans["abstained"]
    assert ans["citations"] and all(set(c) == CITATION_KEYS for c in ans["citations"])
    assert set(ans["timings_ms"]) >= {"retrieve", "compose"}


@pytest.mark.slow
def test_orgs_lists_the_sample_organizations(run):
    rows = json.loads(run("orgs", "--json").stdout)
    by = {r["org"]: r for r in rows}
    assert set(by) == {"northbridge-academic", "prairie-bend-cah", "meridian-health"}
    assert by["meridian-health"]["assessments"] == ["2026-03-31", "2026-09-30"]
    assert by["northbridge-academic"]["name"]


@pytest.mark.slow
def test_reindexing_the_corpus_adds_nothing(run):
    res = run("index", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["chunks_added"] == 0 and data["files_indexed"] == 0 and data["embeddings_computed"] == 0
    assert data["files_unchanged"] == data["files_seen"] > 30


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "corpus/assessment/results").iterdir()))
def test_assess_each_sample(name, home):
    res = CliRunner().invoke(main, ["assess", str(ROOT / "corpus/assessment/results" / name), "--json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["org"] and 0 <= rep["index"] <= 100 and rep["tier"]
    assert len(rep["dimensions"]) == 8 and rep["top_gaps"]


def test_assess_rejects_a_malformed_file(tmp_path, home):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "org,org_name,assessment_date,assessor,question_id,score,evidence,owner\n"
        "acme,Acme,2026-09-30,Me,DATA-3,7,none,CDO\n"
        "acme,Acme,2026-09-30,Me,DATA-99,2,none,CDO\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(main, ["assess", str(bad)])
    assert res.exit_code == 1
    assert "bad.csv" in res.stderr and "row 2" in res.stderr and "row 3" in res.stderr


def test_invalid_setting_names_the_variable(tmp_path):
    env = {"ADVISOR_HOME": str(tmp_path), "ADVISOR_CHUNK_SIZE": "lots", "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"}
    res = subprocess.run(
        [sys.executable, "-m", "advisor.cli", "search", "x"], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert res.returncode == 2
    assert "ADVISOR_CHUNK_SIZE" in res.stderr and "Traceback" not in res.stderr
