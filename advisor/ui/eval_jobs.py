"""Evaluation runs started from the app, run in the background so the app stays usable.

Each run is a separate process (`advisor.evaluate.worker`) followed by a thread of the
server that reads its progress: a run is CPU-bound for minutes, and inside the server it would
hold the GIL against every session. `LAUNCHER = Launcher.THREAD` runs it in a thread of this
process instead — what in-process page tests use, since their fake models exist only here.

One `EvalJobs` registry per ADVISOR_HOME is shared by every browser session (the eval index
of a home can serve one run at a time). A job's fields describe that run — its request,
phase and progress, result — never a session: each session remembers only the id of the job
it started (in `st.session_state`), and every session sees a run in progress.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import streamlit as st

from ..evaluate import Phase, run_eval
from ..evaluate.history import RunHistory, open_history
from ..evaluate.review import ReviewStore
from ..evaluate.worker import parse_line
from ..settings import PROJECT_DIR, Settings
from .markdown import describe_error


class Launcher(StrEnum):
    PROCESS = "process"  # a worker process per run (the app)
    THREAD = "thread"  # a thread of this process (in-process tests with fake models)


LAUNCHER = Launcher.PROCESS

# Share of the bar each phase fills (index, cases, stability, reports).
_SPANS = {Phase.INDEX: (0.0, 0.1), Phase.CASES: (0.1, 0.75), Phase.STABILITY: (0.75, 0.97), Phase.REPORTS: (0.97, 1.0)}


@dataclass(frozen=True)
class EvalRequest:
    """What the evaluator chose on the page."""

    datasets: tuple[Path, ...]
    split: str = "all"
    checker: str = "lexical"
    limit: int | None = None
    stability_repeats: int | None = None
    corpus: tuple[Path, ...] = ()  # empty: the bundled corpus plus the eval fixtures


@dataclass
class EvalJob:
    """One run started from the app: its progress while it runs, then its result."""

    id: str
    request: EvalRequest
    started: str
    phase: Phase = Phase.INDEX
    done: int = 0
    total: int = 0
    run_id: str | None = None
    exit_code: int | None = None
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    finished: bool = False
    phases: list[Phase] = field(default_factory=list)  # every phase the run went through, in order
    thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def running(self) -> bool:
        return not self.finished

    @property
    def fraction(self) -> float:
        lo, hi = _SPANS[self.phase]
        part = self.done / self.total if self.total else 0.0
        return min(1.0, lo + (hi - lo) * part) if not self.finished else 1.0

    @property
    def label(self) -> str:
        if self.finished:
            return "finished" if not self.error else "failed"
        count = f" ({self.done}/{self.total})" if self.total else ""
        return f"{self.phase}{count}"

    def progress(self, phase: Phase, done: int, total: int) -> None:
        self.phase, self.done, self.total = phase, done, total
        if not self.phases or self.phases[-1] != phase:
            self.phases.append(phase)


class EvalJobs:
    """The runs started from the app for one ADVISOR_HOME; at most one runs at a time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.jobs: dict[str, EvalJob] = {}

    def current(self) -> EvalJob | None:
        """The run in progress, if any."""
        with self.lock:
            return next((j for j in self.jobs.values() if j.running), None)

    def get(self, job_id: str | None) -> EvalJob | None:
        return self.jobs.get(job_id or "")

    def start(self, settings: Settings, request: EvalRequest) -> tuple[EvalJob, bool]:
        """Start a run in the background; returns (job, True), or (the run in progress, False)."""
        with self.lock:
            busy = next((j for j in self.jobs.values() if j.running), None)
            if busy is not None:
                return busy, False
            job = EvalJob(uuid.uuid4().hex[:8], request, datetime.now(UTC).isoformat(timespec="seconds"))
            job.thread = threading.Thread(target=self._run, args=(job, settings), name=f"eval-{job.id}", daemon=True)
            self.jobs[job.id] = job
            job.thread.start()
            return job, True

    @staticmethod
    def _run(job: EvalJob, settings: Settings) -> None:
        out = settings.home / "eval-runs" / (time.strftime("%Y%m%d-%H%M%S", time.gmtime()) + f"-{job.id}")
        try:
            if LAUNCHER == Launcher.THREAD:
                _run_here(job, settings, out)
            else:
                _run_worker(job, out)
        except Exception as exc:  # shown on the page; the evaluator can start another run
            job.error = describe_error(exc)
        finally:
            job.finished = True


def _run_here(job: EvalJob, settings: Settings, out: Path) -> None:
    req = job.request
    run = run_eval(
        list(req.datasets) or None,
        out=out,
        split=req.split,
        checker=req.checker,
        limit=req.limit,
        settings=settings,
        progress=False,
        echo=job.warnings.append,
        on_progress=job.progress,
        stability_repeats=req.stability_repeats,
        corpus=list(req.corpus) or None,
        source="app",
    )
    job.run_id, job.exit_code = run.run_id, run.exit_code
    if run.run_id is None:
        job.error = "the run finished but was not recorded: " + "; ".join(job.warnings[-1:])


def _run_worker(job: EvalJob, out: Path) -> None:
    """Run the request in `python -m advisor.evaluate.worker` and follow its JSON lines."""
    req = {
        **asdict(job.request),
        "datasets": [str(p) for p in job.request.datasets],
        "corpus": [str(p) for p in job.request.corpus],
        "out": str(out),
    }
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_DIR), os.environ.get("PYTHONPATH")]))}
    with (out / "worker.log").open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, "-P", "-m", "advisor.evaluate.worker", json.dumps(req)],  # -P: no modules from the cwd
            cwd=PROJECT_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            msg = parse_line(line)
            if "phase" in msg:
                job.progress(msg["phase"], int(msg.get("done") or 0), int(msg.get("total") or 0))
            elif "warning" in msg:
                job.warnings.append(str(msg["warning"]))
            elif "result" in msg:
                job.run_id, job.exit_code = msg["result"].get("run_id"), msg["result"].get("exit_code")
            elif "error" in msg:
                job.error = str(msg["error"])
        code = proc.wait()
    if code != 0 and not job.error:
        job.error = f"the evaluation worker stopped with exit code {code}; see {out / 'worker.log'}"
    elif job.run_id is None and not job.error:
        job.error = "the run finished but was not recorded: " + "; ".join(job.warnings[-1:] or ["see worker.log"])


@st.cache_resource(show_spinner=False)
def _jobs_for(home: str) -> EvalJobs:
    return EvalJobs()


def eval_jobs(settings: Settings) -> EvalJobs:
    """The app's evaluation runs for this ADVISOR_HOME (shared by every session)."""
    return _jobs_for(str(settings.home))


@st.cache_resource(show_spinner=False)
def _history_for(home: str, _settings: Settings) -> RunHistory:
    return open_history(_settings)


def run_history(settings: Settings) -> RunHistory:
    """The evaluation history of this ADVISOR_HOME (raises StoreError when unusable)."""
    return _history_for(str(settings.home), settings)


@st.cache_resource(show_spinner=False)
def _review_for(home: str, _settings: Settings) -> ReviewStore:
    return ReviewStore.for_settings(_settings)


def review_store(settings: Settings) -> ReviewStore:
    """The review-queue decisions of this ADVISOR_HOME."""
    return _review_for(str(settings.home), settings)
