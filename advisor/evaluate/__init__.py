"""`advisor eval`: the answer-quality suite.

Loads and validates evaluation datasets (the JSONL contract in PRODUCT.md), indexes the
bundled corpus plus the poisoned fixtures into a separate eval index (the user's index is
never touched), asks every case, scores it with :mod:`advisor.evaluate.metrics`, aggregates per
split and per tag, checks thresholds (``evals/thresholds.yaml``), compares against a baseline
run with a paired bootstrap, and writes ``cases.jsonl``, ``summary.json``, ``report.html`` and
``junit.xml``. The exit code is non-zero when a threshold or the regression gate fails.

Modules, in the order a run uses them:

- ``datasets``: the case contract, validated (``EvalCase``, ``load_datasets``)
- ``config``: thresholds.yaml (``EvalConfig``, ``Threshold``, ``CaseRules``)
- ``metrics`` / ``perturbations``: pure metric functions and self-test perturbations
- ``judges``: support checkers of tiers 1 (NLI) and 2 (LLM judge)
- ``records``: per-case results (``CaseResult``, ``CaseScore``) and checked thresholds
- ``scoring``: one case's score, aggregates, threshold checks, the self-test
- ``baseline``: the paired-bootstrap regression gate
- ``reports``: cases.jsonl, junit.xml, report.html, the text table
- ``runner``: the run (``run_eval``); ``command``: the ``advisor eval`` command
"""

from __future__ import annotations

from ..errors import ConfigError, DatasetError
from .baseline import (
    LOWER_IS_BETTER,
    BaselineCase,
    Direction,
    MetricDelta,
    Regression,
    StatusChange,
    compare_baseline,
    load_baseline,
)
from .command import eval_command
from .config import (
    DEFAULT_CASE_RULES,
    DEFAULT_REGRESSION,
    DEFAULT_THRESHOLDS,
    CaseRules,
    EvalConfig,
    RegressionSettings,
    ScopeKind,
    Threshold,
    ThresholdKind,
    ThresholdStatus,
    case_metric_names,
    load_config,
    summary_metric_names,
)
from .datasets import (
    DEFAULT_DATASETS,
    EVALS_DIR,
    FIXTURES_DIR,
    EvalCase,
    load_dataset,
    load_datasets,
    parse_case,
)
from .records import CaseEvidence, CaseResult, CaseScore, RankedPassage, RankingSource, ThresholdResult
from .reports import _jsonable, jsonable, render_html, text_summary, write_cases, write_junit
from .runner import EvalRun, default_corpus, eval_settings_for, git_commit, run_eval
from .scoring import CaseInputs, MemoChecker, check_thresholds, fill_retrieval, score_case, self_test, summarize

__all__ = [
    "DEFAULT_CASE_RULES",
    "DEFAULT_DATASETS",
    "DEFAULT_REGRESSION",
    "DEFAULT_THRESHOLDS",
    "EVALS_DIR",
    "FIXTURES_DIR",
    "LOWER_IS_BETTER",
    "BaselineCase",
    "CaseEvidence",
    "CaseInputs",
    "CaseResult",
    "CaseRules",
    "CaseScore",
    "ConfigError",
    "DatasetError",
    "Direction",
    "EvalCase",
    "EvalConfig",
    "EvalRun",
    "MemoChecker",
    "MetricDelta",
    "RankedPassage",
    "RankingSource",
    "Regression",
    "RegressionSettings",
    "ScopeKind",
    "StatusChange",
    "Threshold",
    "ThresholdKind",
    "ThresholdResult",
    "ThresholdStatus",
    "_jsonable",
    "case_metric_names",
    "check_thresholds",
    "compare_baseline",
    "default_corpus",
    "eval_command",
    "eval_settings_for",
    "fill_retrieval",
    "git_commit",
    "jsonable",
    "load_baseline",
    "load_config",
    "load_dataset",
    "load_datasets",
    "parse_case",
    "render_html",
    "run_eval",
    "score_case",
    "self_test",
    "summarize",
    "summary_metric_names",
    "text_summary",
    "write_cases",
    "write_junit",
]
