"""Running the suite: a separate eval index, every case asked and scored, the gates checked,
the reports written and the run recorded in the history."""

from __future__ import annotations

import dataclasses
import json
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from ..answer import Advisor
from ..errors import AdvisorError, ConfigError
from ..index import Index, IndexReport, source_for
from ..settings import Settings
from . import metrics as M
from .baseline import Regression, compare_baseline, load_baseline
from .config import DEFAULT_THRESHOLDS, EvalConfig, ThresholdStatus, load_config
from .datasets import DatasetError, EvalCase, default_datasets, load_datasets
from .history import keep_runs, open_history
from .judges import make_checker
from .manifest import Clock, RunSetup, build_manifest, default_corpus, git_commit
from .profiles import ProfileResult, judge_profiles, profile_gate_failed
from .records import CaseResult, CaseScore, RankedPassage, RankingSource, ThresholdResult
from .reports import jsonable, render_html, write_cases, write_junit
from .scoring import CaseInputs, MemoChecker, check_thresholds, fill_retrieval, score_case, self_test, summarize
from .stability import StabilityResult, measure_stability, pick_cases

__all__ = ["EvalRun", "Phase", "default_corpus", "eval_settings_for", "git_commit", "run_eval"]


class Phase(StrEnum):
    """What a run is doing, for progress displays."""

    INDEX = "indexing the eval corpus"
    CASES = "answering and scoring cases"
    STABILITY = "repeating questions (stability)"
    REPORTS = "writing reports"


#: on_progress(phase, done, total)
Notify = Callable[[Phase, int, int], None]


@dataclass
class EvalRun:
    """A finished run: where its reports are, summary.json as written, the per-case results, the exit code."""

    out_dir: Path
    summary: dict[str, Any]
    records: list[CaseResult]
    exit_code: int
    thresholds: list[ThresholdResult] = field(default_factory=list)
    regression: Regression | None = None
    run_id: str | None = None  # the id in the run history (None when not recorded)


@dataclass
class Verdicts:
    """The published-bar side of a run: output stability and each profile's verdict."""

    stability: StabilityResult | None = None
    profiles: list[ProfileResult] = field(default_factory=list)


def eval_settings_for(settings: Settings) -> Settings:
    """Settings of the eval index: its own folder, sharing the main embedding cache. It stays
    local (SQLite + a Chroma folder) even in a shared deployment: evaluation fixtures (poisoned
    documents included) must never reach the shared catalog or vector server."""
    return dataclasses.replace(
        settings,
        home=settings.home / "eval-index",
        embed_cache=settings.embed_cache_path,
        database_url="",
        chroma_url="",
    )


# --------------------------------------------------------------------------- one case


def _inputs_for(ans: Any, ad: dict[str, Any], index: Any) -> CaseInputs:
    """The ranking and passage texts scoring needs: the answer's hits, else its citations in order."""
    hits = list(getattr(ans, "hits", None) or [])
    texts = {h.chunk.chunk_id: h.chunk.text for h in hits}
    cites = ad.get("citations") or []
    missing = [c.get("chunk_id") for c in cites if c.get("chunk_id") and c.get("chunk_id") not in texts]
    if missing and index is not None:
        try:
            texts.update({cid: ch.text for cid, ch in index.get_chunks(missing).items()})
        except Exception:  # a citation pointing nowhere falls back to its quote
            pass
    if hits:
        retrieved = [M.Retrieved(h.chunk.source, h.chunk.page) for h in hits]
        origin = RankingSource.HITS
    else:
        retrieved = [M.Retrieved(str(c.get("source") or ""), c.get("page")) for c in cites]
        origin = RankingSource.CITATIONS
    passages: dict[int, str] = {}
    for c in cites:
        m = c.get("marker")
        if isinstance(m, int) and m not in passages:
            passages[m] = texts.get(c.get("chunk_id")) or str(c.get("quote") or "")
    evidence = list(dict.fromkeys([*passages.values(), *(h.chunk.text for h in hits)]))
    return CaseInputs(retrieved, origin, passages, evidence)


def _ranked(ans: Any, inputs: CaseInputs) -> list[RankedPassage]:
    hits = list(getattr(ans, "hits", None) or [])
    if hits:
        return [
            RankedPassage(i, h.chunk.source, h.chunk.page, chunk_id=h.chunk.chunk_id, score=float(h.score))
            for i, h in enumerate(hits, start=1)
        ]
    return [RankedPassage(i, r.source, r.page) for i, r in enumerate(inputs.retrieved, start=1)]


def _run_case(
    advisor: Advisor, case: EvalCase, chk: MemoChecker, cfg: EvalConfig, clock: Clock
) -> tuple[CaseResult, CaseInputs]:
    """Ask one case and score it; a crash is a failed case, not a failed run."""
    t = time.perf_counter()
    error = None
    ans = None
    try:
        ans = advisor.ask(case.question, org=case.org, history=case.history or None)
        ad = ans.to_dict()
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        ad = {}
    wall = (time.perf_counter() - t) * 1000
    clock.ask += wall / 1000
    t_score = time.perf_counter()
    inp = CaseInputs()
    score = None
    if error is None:
        inp = _inputs_for(ans, ad, advisor.index)
        try:
            score = score_case(case, ad, inp, chk, cfg.case)
        except Exception as exc:  # a checker failure on one case must not stop the suite
            error = f"scoring failed: {type(exc).__name__}: {exc}"
    if error is not None or score is None:
        score = CaseScore.failed(str(error), cfg.k)
    clock.score += time.perf_counter() - t_score
    rec = CaseResult(
        id=case.id,
        split=case.split,
        case=case,
        answer=ad,
        score=score,
        retrieved=_ranked(ans, inp) if ans is not None else [],
        retrieved_from=inp.retrieved_from,
        wall_ms=round(wall, 1),
        error=error,
    )
    return rec, inp


def _run_cases(
    advisor: Advisor,
    cases: list[EvalCase],
    chk: MemoChecker,
    cfg: EvalConfig,
    clock: Clock,
    progress: bool,
    notify: Notify,
) -> tuple[list[CaseResult], list[CaseInputs]]:
    records: list[CaseResult] = []
    inputs: list[CaseInputs] = []
    bar = (
        tqdm(total=len(cases), unit="case", desc="eval", file=sys.stderr, mininterval=0.5, leave=False)
        if progress
        else None
    )
    for case in cases:
        rec, inp = _run_case(advisor, case, chk, cfg, clock)
        records.append(rec)
        inputs.append(inp)
        notify(Phase.CASES, len(records), len(cases))
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return records, inputs


# --------------------------------------------------------------------------- the run


def _select_cases(paths: list[Path], split: str, limit: int | None) -> list[EvalCase]:
    cases = load_datasets(paths)
    if split and split != "all":
        cases = [c for c in cases if c.split == split]
        if not cases:
            raise DatasetError([f"no cases in split {split!r} (datasets: {', '.join(str(p) for p in paths)})"])
    return cases[:limit] if limit else cases


def _build_index(
    es: Settings, corpus: Sequence[Path] | None, clock: Clock, echo: Callable[[str], None], notify: Notify
) -> IndexReport:
    """Index the eval corpus into the eval index (incremental: unchanged files are not re-embedded)."""
    ix = Index(es)
    t0 = time.perf_counter()
    roots = list(corpus) if corpus else default_corpus()
    report = ix.index_paths(roots, progress=lambda done, total, _path: notify(Phase.INDEX, done, total))
    # the eval index is kept between runs: a document an earlier run's corpus held is not
    # this run's, and answering from it (a second copy of a PDF cited twice) skews every score
    stale = stale_sources(ix.files(), roots)
    if stale:
        ix.remove_sources(stale)
        echo(f"eval index: {len(stale)} document(s) of an earlier run's corpus removed")
    clock.index = time.perf_counter() - t0
    ix.close()
    for e in report.errors:
        echo(f"warning: eval index: {e['file']}: {e['error']}")
    return report


def stale_sources(files: list[dict[str, Any]], roots: Sequence[Path]) -> list[str]:
    """Indexed documents that are no file under this run's corpus paths (compared by source,
    which for a bundled file is project-relative, so another checkout's copy is the same)."""
    wanted: set[str] = set()
    for root in roots:
        root = Path(root)
        found = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()] if root.is_dir() else []
        wanted.update(source_for(p) for p in found)
    return [f["source"] for f in files if f["source"] not in wanted]


def _org_warnings(
    advisor: Advisor, cases: list[EvalCase], report: IndexReport, echo: Callable[[str], None]
) -> list[str]:
    known_orgs = {o["org"] for o in advisor.index.orgs()}
    warnings = [f"index: {e['file']}: {e['error']}" for e in report.errors]
    for org in sorted({c.org for c in cases if c.org} - known_orgs):
        warnings.append(f"org {org!r} has no assessment results in the eval index")
        echo(f"warning: org {org!r} has no assessment results in the eval index")
    return warnings


def _summary_doc(
    manifest: dict[str, Any],
    summary: dict[str, Any],
    th: list[ThresholdResult],
    regression: Regression | None,
    st: dict[str, Any] | None,
    exit_code: int,
    records: list[CaseResult],
    verdicts: Verdicts,
) -> dict[str, Any]:
    """summary.json (before its values are made JSON)."""
    return {
        "manifest": manifest,
        **summary,
        "thresholds": [t.to_dict() for t in th],
        "regression": regression.to_dict() if regression else None,
        "stability": verdicts.stability.to_dict() if verdicts.stability else None,
        "profiles": [p.to_dict() for p in verdicts.profiles],
        "self_test": st,
        "exit_code": exit_code,
        "per_case": {
            r.id: {"split": r.split, "tags": r.case.tags, "passed": r.score.passed, "metrics": r.score.metrics}
            for r in records
        },
    }


def _stability(
    advisor: Advisor, cases: list[EvalCase], records: list[CaseResult], cfg: EvalConfig, clock: Clock, notify: Notify
) -> StabilityResult | None:
    """Repeat some of the run's questions and compare the answers exactly (None when switched off)."""
    if cfg.stability.repeats <= 0 or cfg.stability.cases <= 0:
        return None
    first = {r.id: r.answer for r in records if r.answer and not r.error}

    def ask(c: EvalCase) -> dict[str, Any]:
        return advisor.ask(c.question, org=c.org, history=c.history or None).to_dict()

    t0 = time.perf_counter()
    res = measure_stability(
        ask,
        pick_cases(cases, cfg.stability.cases),
        first,
        cfg.stability.repeats,
        on_progress=lambda done, total: notify(Phase.STABILITY, done, total),
    )
    clock.stability = time.perf_counter() - t0
    return res


def _judge(
    summary: dict[str, Any], cfg: EvalConfig, stab: StabilityResult | None
) -> tuple[list[ThresholdResult], Verdicts]:
    """Fill in the stability figure, check the thresholds and judge every profile."""
    if stab is not None and stab.runs:
        summary["metrics"]["stability_exact_match"] = {
            "value": stab.rate,
            "stat": "exact-match rate",
            "n_defined": stab.runs,
            "n_undefined": 0,
        }
    th = check_thresholds(summary, cfg)
    profiles = judge_profiles(
        cfg.profiles, summary["metrics"], stability_repeats=stab.repeats if stab else 0, gate=cfg.gate_profile
    )
    return th, Verdicts(stab, profiles)


def _write_reports(
    out_dir: Path,
    records: list[CaseResult],
    summary_doc: dict[str, Any],
    th: list[ThresholdResult],
    regression: Regression | None,
) -> dict[str, bytes]:
    """cases.jsonl, summary.json, report.html and junit.xml; returns the reports the history keeps."""
    write_cases(out_dir / "cases.jsonl", records)
    summary_json = json.dumps(jsonable(summary_doc), indent=2, ensure_ascii=False)
    (out_dir / "summary.json").write_text(summary_json, encoding="utf-8")
    html = render_html(records, summary_doc, th, regression, summary_doc["manifest"])
    (out_dir / "report.html").write_text(html, encoding="utf-8")
    write_junit(out_dir / "junit.xml", records, th, regression)
    return {
        "summary.json": summary_json.encode("utf-8"),
        "report.html": html.encode("utf-8"),
        "junit.xml": (out_dir / "junit.xml").read_bytes(),
    }


def _record(
    settings: Settings,
    summary_doc: dict[str, Any],
    records: list[CaseResult],
    reports: dict[str, bytes],
    out_dir: Path,
    source: str,
    echo: Callable[[str], None],
) -> str | None:
    """Record the run in the history; a history that cannot be written warns, it never fails the run."""
    try:
        history = open_history(settings)
        try:
            return history.record(
                jsonable(summary_doc),
                [jsonable(r.to_dict()) for r in records],
                reports,
                source=source,
                out_dir=str(out_dir.resolve()),
                keep=keep_runs(settings),
            )
        finally:
            history.close()
    except AdvisorError as exc:
        echo(f"warning: the run was not recorded in the evaluation history: {exc}")
        return None


def _config(thresholds: Path | None, gate_profile: str | None, stability_repeats: int | None) -> EvalConfig:
    cfg = load_config(thresholds) if thresholds else EvalConfig()
    if gate_profile:
        if gate_profile not in cfg.profiles:
            known = ", ".join(cfg.profiles) or "(none in the thresholds file)"
            raise ConfigError(
                f"--gate-profile {gate_profile!r} is not a profile of {cfg.path or 'the config'}; known: {known}"
            )
        cfg.gate_profile = gate_profile
    if stability_repeats is not None:
        cfg.stability = dataclasses.replace(cfg.stability, repeats=stability_repeats)
    return cfg


def _ignore(phase: Phase, done: int, total: int) -> None:
    return None


def run_eval(
    datasets: Sequence[Path] | None = None,
    *,
    out: Path | None = None,
    baseline: Path | None = None,
    split: str = "all",
    checker: str = "lexical",
    thresholds: Path | None = DEFAULT_THRESHOLDS,
    limit: int | None = None,
    settings: Settings | None = None,
    corpus: Sequence[Path] | None = None,
    progress: bool = True,
    run_self_test: bool = False,
    echo: Callable[[str], None] | None = None,
    on_progress: Notify | None = None,
    stability_repeats: int | None = None,
    gate_profile: str | None = None,
    record: bool = True,
    source: str = "cli",
) -> EvalRun:
    """Run the suite, write the reports and record the run in the history; see the package docstring.

    `on_progress(phase, done, total)` reports progress (the app's progress bar);
    `stability_repeats` overrides the thresholds file's `stability.repeats` (0: off);
    `gate_profile` makes a published-bar profile gating; `source` ("cli", "app") is recorded.
    """
    echo = echo or (lambda s: click.echo(s, err=True))
    notify = on_progress or _ignore
    started = time.perf_counter()
    warm = threading.Thread(target=M.warm_up_retrieval, name="ranx-warm-up", daemon=True)
    warm.start()  # numba compiles ranx while the cases are answered
    stamp = datetime.now(UTC)
    settings = settings or Settings.from_env()
    cfg = _config(thresholds, gate_profile, stability_repeats)
    paths = [Path(p) for p in (datasets or default_datasets(settings))]
    cases = _select_cases(paths, split, limit)
    out_dir = Path(out) if out else Path("eval-runs") / stamp.strftime("%Y%m%d-%H%M%S")
    out_dir.mkdir(parents=True, exist_ok=True)

    clock = Clock()
    es = eval_settings_for(settings)
    report = _build_index(es, corpus, clock, echo, notify)
    advisor = Advisor(es)
    # the LLM judge's cache lives in the user's ADVISOR_HOME (shared across eval runs), not the eval index
    chk = MemoChecker(make_checker(checker, settings if checker == "llm" else es, threshold=cfg.checker_threshold))
    run_warnings = _org_warnings(advisor, cases, report, echo)
    notify(Phase.CASES, 0, len(cases))  # the first case also loads the models
    records, inputs = _run_cases(advisor, cases, chk, cfg, clock, progress, notify)
    t_ret = time.perf_counter()
    warm.join()
    fill_retrieval(records, inputs, cfg.k)
    clock.retrieval_metrics = time.perf_counter() - t_ret

    summary = summarize(records, cfg.k)
    stab = _stability(advisor, cases, records, cfg, clock, notify)
    th, verdicts = _judge(summary, cfg, stab)
    regression = compare_baseline(records, load_baseline(Path(baseline)), cfg, str(baseline)) if baseline else None
    failed = [t for t in th if t.status == ThresholdStatus.FAIL]
    gate_failed = failed or (regression and regression.regressed) or profile_gate_failed(verdicts.profiles)
    exit_code = 1 if gate_failed else 0
    st = self_test(records, inputs, chk, cfg.case) if run_self_test else None

    notify(Phase.REPORTS, 0, 1)
    setup = RunSetup(stamp, started, paths, split, limit, corpus, es, checker, chk, cfg, report, clock, run_warnings)
    manifest = build_manifest(setup, source)
    summary_doc = _summary_doc(manifest, summary, th, regression, st, exit_code, records, verdicts)
    manifest["duration_s"] = round(time.perf_counter() - started, 2)
    reports = _write_reports(out_dir, records, summary_doc, th, regression)
    run_id = _record(settings, summary_doc, records, reports, out_dir, source, echo) if record else None
    notify(Phase.REPORTS, 1, 1)
    return EvalRun(out_dir, jsonable(summary_doc), records, exit_code, th, regression, run_id)
