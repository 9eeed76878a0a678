"""The run history: every `advisor eval` run recorded with its manifest, summary, cases and
reports; retention; `advisor eval --list [--json]` and `--show RUN`; the honest headline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.errors import SettingsError, StoreError
from advisor.evaluate import headline, open_history
from advisor.evaluate.history import SQLiteHistory, keep_runs
from advisor.settings import Settings
from tests.evaluate.test_run import TINY_CASES, _tiny_corpus, write_jsonl


def _doc(stamp: str, pass_rate: float = 1.0, exit_code: int = 0, thresholds: list | None = None) -> dict:
    return {
        "manifest": {
            "timestamp": stamp,
            "corpus_version": "c1",
            "dataset_version": "1.0.0",
            "split": "dev",
            "mode": "offline",
        },
        "n_cases": 2,
        "n_passed": int(2 * pass_rate),
        "metrics": {"pass_rate": {"value": pass_rate, "n_defined": 2, "n_undefined": 0}},
        "thresholds": thresholds or [],
        "exit_code": exit_code,
        "per_case": {
            "a": {"passed": True, "metrics": {"pass_rate": 1.0}},
            "b": {"passed": pass_rate == 1.0, "metrics": {"pass_rate": float(pass_rate == 1.0)}},
        },
    }


CASES = [
    {"id": "a", "split": "dev", "passed": True, "reasons": []},
    {"id": "b", "split": "dev", "passed": False, "reasons": ["x"]},
]


def test_history_records_reads_and_prunes_to_the_retention_limit(tmp_path):
    h = SQLiteHistory(tmp_path / "eval-history.sqlite3")
    first = h.record(_doc("2026-11-01T10:00:00+00:00"), CASES, {"report.html": b"<html>one</html>"}, keep=2)
    second = h.record(_doc("2026-11-01T10:00:00+00:00", 0.5, 1), CASES, {"report.html": b"<html>two</html>"}, keep=2)
    assert first == "20261101-100000" and second == "20261101-100000-2"  # same second: still unique
    run = h.get("latest")
    assert run.id == second and run.exit_code == 1 and run.per_case["b"]["passed"] is False
    assert run.to_dict().keys() == {"id", "started", "manifest", "summary"}
    assert "per_case" not in run.summary and run.manifest["corpus_version"] == "c1"
    assert [c["id"] for c in h.cases(second)] == ["a", "b"] and h.case(second, "b")["reasons"] == ["x"]
    assert h.report(first, "report.html") == b"<html>one</html>" and h.report(first, "junit.xml") is None
    third = h.record(_doc("2026-11-02T09:00:00+00:00"), CASES, {}, keep=2)
    assert [r.id for r in h.runs()] == [third, second]  # the oldest run was pruned
    assert h.cases(first) == [] and h.report(first, "report.html") is None  # with its cases and reports
    with pytest.raises(StoreError, match=r"no evaluation run 'nope'.*recent runs: " + third):
        h.get("nope")
    h.record(_doc("2026-11-03T09:00:00+00:00"), CASES, {}, keep=0)  # 0 keeps everything
    assert len(h.runs()) == 3
    h.close()


def test_keep_runs_reads_its_variable_and_refuses_nonsense(tmp_path):
    home = {"ADVISOR_HOME": str(tmp_path)}
    assert keep_runs(Settings.from_env(home)) == 200
    assert keep_runs(Settings.from_env(home | {"ADVISOR_EVAL_KEEP_RUNS": "0"})) == 0
    for bad in ("many", "-3"):
        with pytest.raises(SettingsError, match="ADVISOR_EVAL_KEEP_RUNS"):
            Settings.from_env(home | {"ADVISOR_EVAL_KEEP_RUNS": bad})


def test_headline_never_shows_pass_above_unmet_targets():
    gate_ok = {"name": "pass_rate", "scope": "all", "kind": "gate", "status": "pass", "message": "ok"}
    missed = {
        "name": "false_answer_rate",
        "scope": "all",
        "kind": "target",
        "status": "missed",
        "message": "0.36 > max 0.1",
    }
    failed = {"name": "mrr", "scope": "all", "kind": "gate", "status": "fail", "message": "0.7 < min 0.8"}
    h = headline({"thresholds": [gate_ok, missed]})
    assert h.verdict == "gates passed, targets missed" and h.title == "Gates passed — 1 release target(s) missed"
    assert h.gates == "1 of 1 gate thresholds passed" and h.missed == [
        "release target false_answer_rate: 0.36 > max 0.1"
    ]
    h = headline(
        {"thresholds": [gate_ok, failed, missed], "regression": {"regressed": ["faithfulness"], "n_paired": 9}}
    )
    assert h.verdict == "fail" and len(h.failed) == 2 and "regression gate: 1 metric(s) regressed" in h.gates
    profile = {
        "title": "CHAI chatbots",
        "status": "not met",
        "gating": False,
        "bars": [{"metric": "keypoints_pass", "status": "not met", "message": "0.8 is not >= 0.85"}],
    }
    h = headline({"thresholds": [gate_ok], "profiles": [profile]})
    assert h.verdict == "gates passed, targets missed" and "CHAI chatbots" in h.missed[0]
    assert h.title == "Gates passed — 1 published bar(s) not met"
    assert headline({"thresholds": [gate_ok]}).verdict == "pass"


@pytest.fixture
def hash_home(home, hash_model_dir, monkeypatch) -> Path:
    monkeypatch.setenv("ADVISOR_EMBED_MODEL", str(hash_model_dir))
    return home


def test_list_and_show_read_the_history_of_advisor_home(settings):
    h = open_history(settings)
    gate_fail = [{"name": "mrr", "scope": "all", "kind": "gate", "status": "fail", "message": "0.7 < min 0.8"}]
    rid = h.record(_doc("2026-11-05T08:00:00+00:00", 0.5, 1, gate_fail), CASES, {})
    h.close()
    runner = CliRunner()
    rows = json.loads(runner.invoke(main, ["eval", "--list", "--json"]).output)
    assert [r["id"] for r in rows] == [rid] and rows[0]["summary"]["exit_code"] == 1
    text = runner.invoke(main, ["eval", "--list"]).output
    assert rid in text and "fail" in text and "0.500" in text
    shown = runner.invoke(main, ["eval", "--show", rid]).output
    assert "FAIL — 1 gate(s) failed" in shown and "FAILED mrr: 0.7 < min 0.8" in shown and "FAIL b: x" in shown


def test_list_says_when_nothing_is_recorded(settings):
    res = CliRunner().invoke(main, ["eval", "--list"])
    assert res.exit_code == 0 and "No evaluation run is recorded yet" in res.output


@pytest.mark.slow
def test_eval_runs_are_recorded_and_listed_by_the_cli(hash_home, tmp_path):
    corpus = _tiny_corpus(tmp_path / "tiny-corpus")
    dataset = write_jsonl(tmp_path / "tiny.jsonl", TINY_CASES)
    lenient = tmp_path / "lenient.yaml"
    lenient.write_text(
        "metrics:\n  abstention_accuracy: {min: 0.0}\ntargets:\n  metrics:\n    keypoint_coverage: {min: 0.99}\n"
        "stability: {repeats: 3, cases: 2}\n"
    )
    runner = CliRunner()
    common = ["eval", "--dataset", str(dataset), "--corpus", str(corpus), "--no-progress", "--thresholds", str(lenient)]
    res = runner.invoke(main, [*common, "--out", str(tmp_path / "run1")])
    assert res.exit_code == 0, res.output
    assert "recorded as run " in res.output and "stability: exact-match rate 1.000 (6/6" in res.output
    res = runner.invoke(main, [*common, "--out", str(tmp_path / "run2"), "--stability-repeats", "0"])
    assert res.exit_code == 0, res.output
    runner.invoke(main, [*common, "--out", str(tmp_path / "run3"), "--no-record"])

    res = runner.invoke(main, ["eval", "--list", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert len(rows) == 2 and all(set(r) == {"id", "started", "manifest", "summary"} for r in rows)
    newest, oldest = rows
    m = oldest["manifest"]
    for key in ("git_commit", "corpus_version", "dataset_versions", "settings", "mode", "model", "checker"):
        assert key in m, key
    assert m["launched_from"] == "cli" and m["datasets"][0]["path"] == str(dataset)
    assert oldest["summary"]["stability"]["runs"] == 6 and newest["summary"]["stability"] is None
    assert oldest["summary"]["metrics"]["stability_exact_match"]["value"] == 1.0

    text = runner.invoke(main, ["eval", "--list"]).output
    assert newest["id"] in text and oldest["id"] in text and "gates passed, targets missed" in text
    shown = runner.invoke(main, ["eval", "--show", oldest["id"]])
    assert shown.exit_code == 0, shown.output
    assert (
        "Gates passed — 1 release target(s) missed" in shown.output
        and "missed release target keypoint_coverage" in shown.output
    )
    assert "FAIL t-quality" in shown.output  # failing cases are listed with why
    full = json.loads(runner.invoke(main, ["eval", "--show", "latest", "--json"]).output)
    assert full["id"] == newest["id"] and [c["id"] for c in full["cases"]] == [c["id"] for c in TINY_CASES]
    bad = runner.invoke(main, ["eval", "--show", "19990101-000000"])
    assert bad.exit_code == 2 and "no evaluation run '19990101-000000'" in bad.output

    # the stored report is the one written to --out, with the honest headline in red at the top
    history = open_history(Settings.from_env())
    html = history.report(oldest["id"], "report.html").decode()
    history.close()
    assert html == (tmp_path / "run1" / "report.html").read_text()
    top = html[: html.index("<h2>Summary</h2>")]
    assert (
        "<span class='missed'>Gates passed — 1 release target(s) missed</span>" in top
        and "class='pass'>PASS" not in top
    )
    assert "release target keypoint_coverage" in top and "<div class='verdict' id='verdict'>" in top
