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
- ``stability``: the same questions repeated, answers compared exactly
- ``profiles``: published bars (CHAI) a run is judged against; ``headline``: the honest verdict
- ``reports``: cases.jsonl, junit.xml, report.html, the text table
- ``manifest`` / ``runner``: the run (``run_eval``); ``command``: the ``advisor eval`` command
- ``history``: every run recorded (``open_history``); ``runs``: lists, trends, comparisons
- ``review``: the review queue that turns feedback into reviewed cases; ``feedback_cli``: ``advisor feedback``
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
    compare_cases,
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
    StabilitySettings,
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
    default_datasets,
    load_dataset,
    load_datasets,
    parse_case,
    reviewed_dataset,
)
from .headline import Headline, Verdict, headline
from .history import RunHistory, StoredRun, keep_runs, open_history
from .profiles import Profile, ProfileResult, ProfileStatus, judge_profiles
from .records import CaseEvidence, CaseResult, CaseScore, RankedPassage, RankingSource, ThresholdResult
from .reports import _jsonable, jsonable, render_html, text_summary, write_cases, write_junit
from .runner import EvalRun, Phase, default_corpus, eval_settings_for, git_commit, run_eval
from .runs import Comparison, compare_runs, run_row, trend_rows
from .scoring import CaseInputs, MemoChecker, check_thresholds, fill_retrieval, score_case, self_test, summarize
from .stability import StabilityResult, fingerprint, measure_stability

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
    "Comparison",
    "ConfigError",
    "DatasetError",
    "Direction",
    "EvalCase",
    "EvalConfig",
    "EvalRun",
    "Headline",
    "MemoChecker",
    "MetricDelta",
    "Phase",
    "Profile",
    "ProfileResult",
    "ProfileStatus",
    "RankedPassage",
    "RankingSource",
    "Regression",
    "RegressionSettings",
    "RunHistory",
    "ScopeKind",
    "StabilityResult",
    "StabilitySettings",
    "StatusChange",
    "StoredRun",
    "Threshold",
    "ThresholdKind",
    "ThresholdResult",
    "ThresholdStatus",
    "Verdict",
    "_jsonable",
    "case_metric_names",
    "check_thresholds",
    "compare_baseline",
    "compare_cases",
    "compare_runs",
    "default_corpus",
    "default_datasets",
    "eval_command",
    "eval_settings_for",
    "fill_retrieval",
    "fingerprint",
    "git_commit",
    "headline",
    "jsonable",
    "judge_profiles",
    "keep_runs",
    "load_baseline",
    "load_config",
    "load_dataset",
    "load_datasets",
    "measure_stability",
    "open_history",
    "parse_case",
    "render_html",
    "reviewed_dataset",
    "run_eval",
    "run_row",
    "score_case",
    "self_test",
    "summarize",
    "summary_metric_names",
    "text_summary",
    "trend_rows",
    "write_cases",
    "write_junit",
]
