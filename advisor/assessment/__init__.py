"""Readiness assessment: the instrument, results validation, scoring, trends and citable chunks.

The instrument (``corpus/assessment/instrument.yaml``) defines eight dimensions of questions,
tiers, blocking rules and use-case gates. A results file (JSON or CSV) records one
organization's scores on one date. :func:`score` turns results into a :class:`Scorecard`;
:func:`trend` compares two scorecards of the same organization; :func:`result_chunks` turns
results into citable :class:`~advisor.chunk.Chunk` objects for the index.

Modules, in the order data flows:

- :mod:`.instrument` records and :mod:`.schema` (reading and validating the YAML);
- :mod:`.results` records and value rules, read by :mod:`.jsonfile` / :mod:`.csvfile`
  through :mod:`.reader`; :mod:`.orgs` (no two organizations share a display name);
- :mod:`.scoring` (with :mod:`.rules` for blocking rules and :mod:`.gates` for use cases),
  :mod:`.trend`;
- :mod:`.narrative` (citable chunks), :mod:`.report` (the `advisor assess` report);
- :mod:`.loader`, the ingestion plugin for results files (imported by ingestion on demand).

Scoring rules are documented in ``corpus/assessment/README.md``; this package implements them.
Nothing is read at import time.
"""

from __future__ import annotations

from ..chunk import Chunk, Fact, fact_meta, make_chunk_id
from ..errors import AssessmentError, Problem
from .csvfile import csv_records, rows_label
from .gates import UseCaseReadiness, UseCaseStatus, match_use_case
from .instrument import (
    ASSESSMENT_DIR,
    BLOCKS_ALL,
    DEFAULT_INSTRUMENT,
    DEFAULT_RESULTS_DIR,
    DOC_TYPE,
    FRAMEWORK,
    GUIDANCE_DIR,
    SCORE_MAX,
    SCORE_MIN,
    USE_CASE_KINDS,
    BlockingRule,
    Check,
    CheckKind,
    Dimension,
    Instrument,
    Question,
    Reference,
    Tier,
    UseCase,
    UseCaseKind,
    by_id,
    known_guidance,
)
from .narrative import result_chunks
from .orgs import NameClash, OrgName, check_names, name_clashes, name_key
from .phrasing import mid, rule_key
from .reader import discover_results, load_results
from .report import format_report, load_all, report
from .results import CSV_COLUMNS, CSV_REQUIRED, Answer, Results, ResultsFormat
from .rules import BlockingIssue
from .schema import build_instrument, load_instrument
from .scoring import DimensionScore, Gap, Scorecard, Strength, score
from .trend import DimensionDelta, QuestionDelta, TierChange, Trend, trend

__all__ = [
    "ASSESSMENT_DIR",
    "BLOCKS_ALL",
    "CSV_COLUMNS",
    "CSV_REQUIRED",
    "DEFAULT_INSTRUMENT",
    "DEFAULT_RESULTS_DIR",
    "DOC_TYPE",
    "FRAMEWORK",
    "GUIDANCE_DIR",
    "SCORE_MAX",
    "SCORE_MIN",
    "USE_CASE_KINDS",
    "Answer",
    "AssessmentError",
    "BlockingIssue",
    "BlockingRule",
    "Check",
    "CheckKind",
    "Chunk",
    "Dimension",
    "DimensionDelta",
    "DimensionScore",
    "Fact",
    "Gap",
    "Instrument",
    "NameClash",
    "OrgName",
    "Problem",
    "Question",
    "QuestionDelta",
    "Reference",
    "Results",
    "ResultsFormat",
    "Scorecard",
    "Strength",
    "Tier",
    "TierChange",
    "Trend",
    "UseCase",
    "UseCaseKind",
    "UseCaseReadiness",
    "UseCaseStatus",
    "build_instrument",
    "by_id",
    "check_names",
    "csv_records",
    "discover_results",
    "fact_meta",
    "format_report",
    "known_guidance",
    "load_all",
    "load_instrument",
    "load_results",
    "make_chunk_id",
    "match_use_case",
    "mid",
    "name_clashes",
    "name_key",
    "report",
    "result_chunks",
    "rows_label",
    "rule_key",
    "score",
    "trend",
]
