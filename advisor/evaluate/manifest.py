"""The manifest of a run: what was run, on what, with which settings, and how long each stage took."""

from __future__ import annotations

import platform
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..index import IndexReport, bundled_paths, corpus_version
from ..settings import PROJECT_DIR, Settings
from .config import EvalConfig
from .datasets import FIXTURES_DIR, dataset_version, dataset_versions, sha256_file
from .judges import CHECKER_TIERS
from .scoring import MemoChecker


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


@dataclass
class Clock:
    """Seconds spent per stage (manifest timing_s)."""

    index: float = 0.0
    ask: float = 0.0
    score: float = 0.0
    retrieval_metrics: float = 0.0
    stability: float = 0.0


@dataclass
class RunSetup:
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
    clock: Clock
    warnings: list[str]


def build_manifest(s: RunSetup, source: str = "cli") -> dict[str, Any]:
    """The manifest of summary.json (and of the run history): code, corpus and dataset versions, settings, model."""
    cfg, chk, report, clock = s.cfg, s.chk, s.report, s.clock
    inner_model = getattr(chk.inner, "model_path", None) or getattr(chk.inner, "model", None)
    return {
        "timestamp": s.stamp.isoformat(timespec="seconds"),
        "duration_s": round(time.perf_counter() - s.started, 2),
        "datasets": [{"path": str(p), "sha256": sha256_file(p)} for p in s.paths],
        "dataset_version": dataset_version(s.paths),
        "dataset_versions": dataset_versions(s.paths),
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
            "targets": cfg.targets,
            "profiles": sorted(cfg.profiles),
            "gate_profile": cfg.gate_profile,
        },
        "stability": asdict(cfg.stability),
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
        "launched_from": source,
    }
