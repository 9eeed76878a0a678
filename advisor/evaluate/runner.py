"""Running the suite: a separate eval index, every case asked and scored, the gates checked, the reports written."""

from __future__ import annotations

import dataclasses
import json
import platform
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from ..answer import Advisor
from ..index import Index, IndexReport, bundled_paths, corpus_version
from ..settings import PROJECT_DIR, Settings
from . import metrics as M
from .baseline import Regression, compare_baseline, load_baseline
from .config import DEFAULT_THRESHOLDS, EvalConfig, ThresholdStatus, load_config
from .datasets import (
    DEFAULT_DATASETS,
    FIXTURES_DIR,
    DatasetError,
    EvalCase,
    dataset_version,
    load_datasets,
    sha256_file,
)
from .judges import CHECKER_TIERS, make_checker
from .records import CaseResult, CaseScore, RankedPassage, RankingSource, ThresholdResult
from .reports import jsonable, render_html, write_cases, write_junit
from .scoring import CaseInputs, MemoChecker, check_thresholds, fill_retrieval, score_case, self_test, summarize


@dataclass
class EvalRun:
    """A finished run: where its reports are, summary.json as written, the per-case results, the exit code."""

    out_dir: Path
    summary: dict[str, Any]
    records: list[CaseResult]
    exit_code: int
    thresholds: list[ThresholdResult] = field(default_factory=list)
    regression: Regression | None = None


def git_commit(root: Path = PROJECT_DIR) -> str | None:
    """The checked-out commit, read from .git without running git (None outside a checkout)."""
    gitdir = root / ".git"
    try:
        if gitdir.is_file():  # a worktree: "gitdir: <path>"
            gitdir = Path(gitdir.read_text().split(":", 1)[1].strip())
        head = (gitdir / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head
        ref = head.split(":", 1)[1].strip()
        ref_file = gitdir / ref
        if ref_file.exists():
            return ref_file.read_text().strip()
        common = gitdir / "commondir"
        base = (gitdir / common.read_text().strip()).resolve() if common.exists() else gitdir
        if (base / ref).exists():
            return (base / ref).read_text().strip()
        packed = base / "packed-refs"
        for line in packed.read_text().splitlines() if packed.exists() else []:
            parts = line.split()
            if len(parts) == 2 and parts[1] == ref:
                return parts[0]
    except (OSError, IndexError):
        return None
    return None


def default_corpus() -> list[Path]:
    """What the eval index holds by default: the bundled corpus plus the poisoned fixtures."""
    return [*bundled_paths(), FIXTURES_DIR]


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


@dataclass
class _Clock:
    """Seconds spent per stage (manifest timing_s)."""

    index: float = 0.0
    ask: float = 0.0
    score: float = 0.0
    retrieval_metrics: float = 0.0


def _run_case(
    advisor: Advisor, case: EvalCase, chk: MemoChecker, cfg: EvalConfig, clock: _Clock
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
    advisor: Advisor, cases: list[EvalCase], chk: MemoChecker, cfg: EvalConfig, clock: _Clock, progress: bool
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
    es: Settings, corpus: Sequence[Path] | None, clock: _Clock, echo: Callable[[str], None]
) -> IndexReport:
    """Index the eval corpus into the eval index (incremental: unchanged files are not re-embedded)."""
    ix = Index(es)
    t0 = time.perf_counter()
    report = ix.index_paths(list(corpus) if corpus else default_corpus())
    clock.index = time.perf_counter() - t0
    ix.close()
    for e in report.errors:
        echo(f"warning: eval index: {e['file']}: {e['error']}")
    return report


def _org_warnings(
    advisor: Advisor, cases: list[EvalCase], report: IndexReport, echo: Callable[[str], None]
) -> list[str]:
    known_orgs = {o["org"] for o in advisor.index.orgs()}
    warnings = [f"index: {e['file']}: {e['error']}" for e in report.errors]
    for org in sorted({c.org for c in cases if c.org} - known_orgs):
        warnings.append(f"org {org!r} has no assessment results in the eval index")
        echo(f"warning: org {org!r} has no assessment results in the eval index")
    return warnings


@dataclass
class _Setup:
    """What the manifest records about how the run was set up."""

    stamp: datetime
    started: float
    paths: list[Path]
    split: str
    limit: int | None
    corpus: Sequence[Path] | None
    es: Settings
    checker: str
    chk: MemoChecker
    cfg: EvalConfig
    report: IndexReport
    clock: _Clock
    warnings: list[str]


def _manifest(s: _Setup) -> dict[str, Any]:
    cfg, chk, report, clock = s.cfg, s.chk, s.report, s.clock
    inner_model = getattr(chk.inner, "model_path", None) or getattr(chk.inner, "model", None)
    return {
        "timestamp": s.stamp.isoformat(timespec="seconds"),
        "duration_s": round(time.perf_counter() - s.started, 2),
        "datasets": [{"path": str(p), "sha256": sha256_file(p)} for p in s.paths],
        "dataset_version": dataset_version(s.paths),
        "split": s.split,
        "limit": s.limit,
        "corpus_version": corpus_version(),
        "corpus_paths": [str(p) for p in (s.corpus or default_corpus())],
        "git_commit": git_commit(),
        "settings": s.es.masked(),
        "mode": s.es.mode,
        "model": s.es.llm_model or None,
        "checker": {
            "name": s.checker,
            "tier": CHECKER_TIERS.get(s.checker),
            "threshold": chk.threshold,
            "model": inner_model if s.checker != "lexical" else None,
            "calls": chk.calls,
        },
        "k": cfg.k,
        "thresholds": {
            "path": cfg.path,
            "sha256": cfg.sha256,
            "metrics": cfg.metrics,
            "tags": cfg.tags,
            "splits": cfg.splits,
        },
        "case_rules": asdict(cfg.case),
        "regression": asdict(cfg.regression),
        "index": {
            "files_seen": report.files_seen,
            "files_indexed": report.files_indexed,
            "embeddings_computed": report.embeddings_computed,
            "seconds": round(clock.index, 2),
            "errors": report.errors,
        },
        "timing_s": {name: round(v, 2) for name, v in asdict(clock).items()},
        "python": platform.python_version(),
        "platform": platform.platform(),
        "warnings": s.warnings,
    }


def _summary_doc(
    manifest: dict[str, Any],
    summary: dict[str, Any],
    th: list[ThresholdResult],
    regression: Regression | None,
    st: dict[str, Any] | None,
    exit_code: int,
    records: list[CaseResult],
) -> dict[str, Any]:
    """summary.json (before its values are made JSON)."""
    return {
        "manifest": manifest,
        **summary,
        "thresholds": [t.to_dict() for t in th],
        "regression": regression.to_dict() if regression else None,
        "self_test": st,
        "exit_code": exit_code,
        "per_case": {
            r.id: {"split": r.split, "tags": r.case.tags, "passed": r.score.passed, "metrics": r.score.metrics}
            for r in records
        },
    }


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
) -> EvalRun:
    """Run the suite and write the reports; see the package docstring."""
    echo = echo or (lambda s: click.echo(s, err=True))
    started = time.perf_counter()
    warm = threading.Thread(target=M.warm_up_retrieval, name="ranx-warm-up", daemon=True)
    warm.start()  # numba compiles ranx while the cases are answered
    stamp = datetime.now(UTC)
    settings = settings or Settings.from_env()
    cfg = load_config(thresholds) if thresholds else EvalConfig()
    paths = [Path(p) for p in (datasets or DEFAULT_DATASETS)]
    cases = _select_cases(paths, split, limit)
    out_dir = Path(out) if out else Path("eval-runs") / stamp.strftime("%Y%m%d-%H%M%S")
    out_dir.mkdir(parents=True, exist_ok=True)

    clock = _Clock()
    es = eval_settings_for(settings)
    report = _build_index(es, corpus, clock, echo)
    advisor = Advisor(es)
    # the LLM judge's cache lives in the user's ADVISOR_HOME (shared across eval runs), not the eval index
    chk = MemoChecker(make_checker(checker, settings if checker == "llm" else es, threshold=cfg.checker_threshold))
    run_warnings = _org_warnings(advisor, cases, report, echo)
    records, inputs = _run_cases(advisor, cases, chk, cfg, clock, progress)
    t_ret = time.perf_counter()
    warm.join()
    fill_retrieval(records, inputs, cfg.k)
    clock.retrieval_metrics = time.perf_counter() - t_ret

    summary = summarize(records, cfg.k)
    th = check_thresholds(summary, cfg)
    regression = compare_baseline(records, load_baseline(Path(baseline)), cfg, str(baseline)) if baseline else None
    failed = [t for t in th if t.status == ThresholdStatus.FAIL]
    exit_code = 1 if failed or (regression and regression.regressed) else 0
    st = self_test(records, inputs, chk, cfg.case) if run_self_test else None

    setup = _Setup(stamp, started, paths, split, limit, corpus, es, checker, chk, cfg, report, clock, run_warnings)
    manifest = _manifest(setup)
    summary_doc = _summary_doc(manifest, summary, th, regression, st, exit_code, records)
    manifest["duration_s"] = round(time.perf_counter() - started, 2)
    write_cases(out_dir / "cases.jsonl", records)
    (out_dir / "summary.json").write_text(
        json.dumps(jsonable(summary_doc), indent=2, ensure_ascii=False), encoding="utf-8"
    )
    (out_dir / "report.html").write_text(render_html(records, summary_doc, th, regression, manifest), encoding="utf-8")
    write_junit(out_dir / "junit.xml", records, th, regression)
    return EvalRun(out_dir, jsonable(summary_doc), records, exit_code, th, regression)
