"""The Evaluation page through AppTest: start runs in the background, see them listed with
the CLI's ids, open a failing case, compare two runs, and promote feedback into a case."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from advisor.audit import AuditStore
from advisor.cli import main
from advisor.evaluate import default_corpus, eval_settings_for
from advisor.index import Index
from advisor.settings import Settings
from advisor.ui import eval_jobs, resources

from .signin import signed_in

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home_template, hash_model_dir

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "pages" / "evaluation.py"
TIMEOUT = 90

SMALL_CASES = [
    {
        "id": "small-govern",
        "question": "Our board wants to know what GOVERN 1.6 expects. What is it about?",
        "expected_sources": ["nist-ai-rmf-govern"],
        "keypoints": [["inventory"]],
        "tags": ["lookup"],
        "split": "dev",
    },
    {
        "id": "small-voluntary",
        "question": "Is the NIST AI RMF something we are legally required to follow, or is it optional?",
        "expected_sources": ["nist-ai-rmf-overview"],
        "tags": ["lookup"],
        "split": "dev",
    },
    {
        "id": "small-impossible",
        "question": "Which trustworthiness characteristics does NIST's AI RMF use to describe trustworthy AI?",
        "expected_sources": ["nist-ai-rmf-overview"],
        "keypoints": [["zzz-never-present-keypoint"]],
        "tags": ["lookup"],
        "split": "dev",
    },
]


@pytest.fixture(scope="session")
def eval_home_template(ui_home_template, hash_model_dir, tmp_path_factory) -> Path:
    """The UI fixture home plus its eval index (bundled corpus + fixtures, hash embeddings), built once."""
    h = tmp_path_factory.mktemp("eval-page-home") / "home"
    shutil.copytree(ui_home_template, h)
    s = Settings.from_env({"ADVISOR_HOME": str(h), "ADVISOR_EMBED_MODEL": str(hash_model_dir)})
    ix = Index(eval_settings_for(s))
    report = ix.index_paths(default_corpus())
    ix.close()
    assert report.ok, report.errors
    return h


@pytest.fixture
def eval_home(eval_home_template, hash_model_dir, tmp_path, monkeypatch) -> Path:
    # the page's runs go to a thread of this process: the hash embedder exists only here
    monkeypatch.setattr(eval_jobs, "LAUNCHER", eval_jobs.Launcher.THREAD)
    h = tmp_path / "home"
    shutil.copytree(eval_home_template, h)
    monkeypatch.setenv("ADVISOR_HOME", str(h))
    monkeypatch.setenv("ADVISOR_EMBED_MODEL", str(hash_model_dir))
    monkeypatch.setenv("ADVISOR_EVAL_REVIEWED", str(tmp_path / "evals" / "reviewed.jsonl"))
    resources.prewarm(wait=True)  # before the page runs: see tests/ui_conftest_helpers.ui_home
    return h


def write_small(path: Path, cases: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return path


def no_exceptions(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption]
    parts += [e.value for e in at.success] + [e.value for e in at.error] + [e.value for e in at.info]
    return "\n".join(str(p) for p in parts)


def frame(at: AppTest, column: str):
    """The first table with this column (AppTest does not keep a dataframe's key)."""
    for d in at.dataframe:
        if column in d.value.columns:
            return d.value
    raise AssertionError(f"no table with a {column!r} column; the page shows:\n{texts(at)}")


def button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r} among {[b.label for b in at.button]}"
    return found[0]


def start_and_wait(at: AppTest, dataset: Path, repeats: int = 3) -> None:
    at.multiselect(key="eval-datasets").set_value([str(dataset)])
    at.number_input(key="eval-repeats").set_value(repeats)
    button(at, "Start run").click()
    at.run()
    no_exceptions(at)
    assert "Run started" in texts(at) or at.get("progress"), texts(at)
    deadline = time.time() + 240
    while time.time() < deadline:
        time.sleep(1.0)
        at.run()
        no_exceptions(at)
        if "finished and" in texts(at):
            return
        failed = [e.value for e in at.error if "failed" in str(e.value)]
        assert not failed, failed
    pytest.fail("the run started from the page did not finish in 240 s:\n" + texts(at))


def run_ids(home: Path) -> list[str]:
    res = CliRunner().invoke(main, ["eval", "--list", "--json"])
    assert res.exit_code == 0, res.output
    return [r["id"] for r in json.loads(res.output)]


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_start_runs_open_a_case_and_compare(eval_home, tmp_path):
    dataset = write_small(tmp_path / "evals" / "reviewed.jsonl", SMALL_CASES)
    at = signed_in(AppTest.from_file(str(PAGE), default_timeout=TIMEOUT), "eve", "evaluator")
    at.run()
    no_exceptions(at)
    assert "No run recorded yet" in texts(at)

    # --- a run started from the page runs in the background and lands in the list
    start_and_wait(at, dataset)
    ids = run_ids(eval_home)
    assert len(ids) == 1
    runs = frame(at, "Gate result")
    assert list(runs["Run"]) == ids  # the page lists the same runs as `advisor eval --list`
    assert int(runs["Cases"].iloc[0]) == 3 and runs["From"].iloc[0] == "app"
    assert runs["Gate result"].iloc[0] in ("fail", "gates passed, targets missed", "pass")

    # --- open the failing case: the missing key point is marked and the failing metric named
    case_box = at.selectbox(key="eval-case")
    assert case_box.options[0].startswith("FAIL · small-impossible") or "FAIL" in case_box.options[0]
    case_box.set_value("small-impossible")
    at.run()
    no_exceptions(at)
    shown = texts(at)
    assert "Why it failed" in shown and "zzz\\-never\\-present\\-keypoint" in shown
    assert ":red[:material/cancel:] zzz\\-never\\-present\\-keypoint" in shown
    assert "missing key point" in shown and ":red[**keypoint\\_coverage**]" in shown

    # --- a second run where a passing case now fails: compare lists it first, with the verdict
    first = json.loads(CliRunner().invoke(main, ["eval", "--show", ids[0], "--json"]).output)
    passed = [c["id"] for c in first["cases"] if c["passed"]]
    changed = [dict(c) for c in SMALL_CASES]
    if passed:
        target = next(c for c in changed if c["id"] == passed[0])
        target["keypoints"] = [["zzz-now-it-fails"]]
    else:  # nothing passed with the hash embedder: make the impossible case possible instead
        target = next(c for c in changed if c["id"] == "small-impossible")
        target.pop("keypoints")
    write_small(dataset, changed)
    start_and_wait(at, dataset)
    ids = run_ids(eval_home)
    assert len(ids) == 2
    assert at.selectbox(key="eval-cmp-a").value == ids[1] and at.selectbox(key="eval-cmp-b").value == ids[0]
    assert at.selectbox(key="eval-case-run").value == ids[0]  # pickers move to the newest run
    flips = frame(at, "Before")
    assert target["id"] in list(flips["Case"])
    assert f"against baseline {ids[1]}: " in texts(at) and "paired bootstrap" in texts(at)
    assert at.get("plotly_chart"), "no trend chart after two runs"
    deltas = frame(at, "Change (B − A)")
    assert "keypoint_coverage" in list(deltas["Metric"]) or "pass_rate" in list(deltas["Metric"])


def test_review_queue_promotes_feedback_into_the_reviewed_dataset(eval_home, tmp_path):
    settings = Settings.from_env()
    store = AuditStore(settings)
    answer = {
        "question": "What does GOVERN 1.6 require?",
        "query": "What does GOVERN 1.6 require?",
        "answer": "It asks for an AI inventory [1].",
        "abstained": False,
        "mode": "offline",
        "citations": [
            {
                "marker": 1,
                "chunk_id": "c1",
                "source": "/x/corpus/guidance/nist-ai-rmf-govern.md",
                "title": "NIST",
                "section": "GOVERN 1.6",
                "page": None,
                "quote": "inventory",
            }
        ],
        "unsupported": [],
        "timings_ms": {},
    }
    fid = store.record_feedback(
        "down", "What does GOVERN 1.6 require? Call me at 617-555-0143.", answer, org=None, comment="too short"
    )
    store.record_feedback("up", "A liked answer without comment", answer)  # stays out of the queue
    store.close()

    at = signed_in(AppTest.from_file(str(PAGE), default_timeout=TIMEOUT), "eve", "evaluator")
    at.run()
    no_exceptions(at)
    queue = frame(at, "Feedback")
    assert list(queue["Feedback"]) == [fid]
    assert at.text_area[0].value.endswith("[PHONE].")  # the question is pre-filled with identifiers redacted
    sources = next(t for t in at.text_area if t.label.startswith("Expected sources"))
    assert sources.value == "nist-ai-rmf-govern"
    next(t for t in at.text_area if t.label.startswith("Key points")).set_value("inventory | register")
    at.radio(key=f"split-{fid}").set_value("test")
    button(at, "Promote to reviewed case").click()
    at.run()
    no_exceptions(at)
    assert f"as case rev-{fid:04d} (test split)" in texts(at)
    lines = (tmp_path / "evals" / "reviewed.jsonl").read_text().splitlines()
    case = json.loads(lines[-1])
    assert (
        case["id"] == f"rev-{fid:04d}" and case["split"] == "test" and case["keypoints"] == [["inventory", "register"]]
    )
    assert "617" not in case["question"] and case["expected_sources"] == ["nist-ai-rmf-govern"]
    assert (tmp_path / "evals" / "VERSION").read_text().strip() == "0.1.0"
    assert "Reviewed → test" in [m.label for m in at.metric] and any(
        m.label == "Reviewed → test" and str(m.value) == "1" for m in at.metric
    )


# --------------------------------------------------------------------------- view helpers


def test_promote_form_parsers():
    from advisor.errors import ReviewError
    from advisor.ui import eval_views as V

    assert V.parse_keypoints("inventory | register\n\n  risk priorit \n|") == [
        ["inventory", "register"],
        ["risk priorit"],
    ]
    assert V.format_keypoints([["a", "b"], ["c"]]) == "a | b\nc"
    assert V.parse_history("user: What about MAP?\nAssistant: MAP frames context.") == [
        {"role": "user", "content": "What about MAP?"},
        {"role": "assistant", "content": "MAP frames context."},
    ]
    with pytest.raises(ReviewError, match="history line 1"):
        V.parse_history("system prompt: do things")


def test_case_view_marks_met_key_points_and_names_the_failing_metric():
    from advisor.ui import eval_views as V

    record = {
        "id": "c1",
        "passed": False,
        "case": {
            "question": "q?",
            "keypoints": [["inventory"], ["owner", "accountab"]],
            "expected_sources": ["govern", "hti"],
            "forbidden": ["CANARY"],
        },
        "answer": {
            "answer": "An inventory [1].",
            "citations": [{"marker": 1, "source": "corpus/nist-ai-rmf-govern.md"}],
        },
        "retrieved": [{"rank": 1, "source": "corpus/other.md"}, {"rank": 2, "source": "corpus/nist-ai-rmf-govern.md"}],
        "metrics": {"keypoint_coverage": 0.5, "keypoints_pass": 0.0, "faithfulness": 0.4, "false_abstain_rate": 0.0},
        "reasons": ["missing key point: none of 'owner' / 'accountab' in the answer"],
        "evidence": {"missing_keypoints": [["owner", "accountab"]], "forbidden_found": []},
    }
    view = V.case_view(record, {"min_faithfulness": 0.5})
    assert view.keypoints == [(["inventory"], True), (["owner", "accountab"], False)]
    assert view.sources == [("govern", True, 2), ("hti", False, None)]
    assert view.forbidden == [("CANARY", False)]
    assert [m for m, _ in view.failing_metrics] == ["keypoint_coverage", "faithfulness"]
    assert V.case_options([record, {**record, "id": "c0", "passed": True}])["c1"].startswith("FAIL · c1")


# --------------------------------------------------------------------------- the worker process


def _wait(job, seconds: float = 300) -> list[str]:
    seen = []
    deadline = time.time() + seconds
    while job.running and time.time() < deadline:
        if not seen or seen[-1] != job.label:
            seen.append(job.label)
        time.sleep(0.2)
    assert not job.running, f"the run did not finish in {seconds} s: {seen}"
    return seen


def test_a_bad_request_reports_the_workers_error(home, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    jobs = eval_jobs.EvalJobs()
    job, started = jobs.start(Settings.from_env(), eval_jobs.EvalRequest((bad,)))
    assert started and jobs.start(Settings.from_env(), eval_jobs.EvalRequest((bad,)))[0] is job  # one at a time
    _wait(job, 120)
    assert "bad.jsonl line 1, field question: missing" in job.error and job.run_id is None


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_runs_from_the_app_go_to_a_worker_process(home, tmp_path):
    from tests.evaluate.test_run import TINY_CASES, _tiny_corpus, write_jsonl

    corpus = _tiny_corpus(tmp_path / "tiny-corpus")
    dataset = write_jsonl(tmp_path / "tiny.jsonl", TINY_CASES)
    settings = Settings.from_env()
    jobs = eval_jobs.EvalJobs()
    job, _ = jobs.start(settings, eval_jobs.EvalRequest((dataset,), stability_repeats=2, corpus=(corpus,)))
    seen = _wait(job)
    assert not job.error, job.error
    # polled labels can miss a fast phase; the job keeps every phase it went through
    assert [str(p) for p in job.phases][:2] == ["indexing the eval corpus", "answering and scoring cases"], seen
    history = eval_jobs.open_history(settings)
    run = history.get(job.run_id)
    history.close()
    assert run.source == "app" and run.summary["n_cases"] == len(TINY_CASES)
    assert run.summary["stability"]["runs"] == 2 * len(TINY_CASES)  # thresholds.yaml samples 5 questions
    assert list((home / "eval-runs").glob(f"*-{job.id}/worker.log"))
