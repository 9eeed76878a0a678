"""Consultant recommendations: a prioritized, cited readiness roadmap drafted from an assessment.

:func:`build_report` turns an organization's latest indexed assessment (and its trend, when
the index holds an earlier one) into a draft :class:`Report`: an executive summary, a roadmap in
three horizons and one :class:`Recommendation` per weak question or group of related questions.
Everything that decides *what* is recommended and *when* is a rule, never prose:

- **Priority** is the assessment's gap priority (normalized question weight x dimension weight x
  gap, boosted 1.5x when the question keeps a triggered blocking rule open; see
  corpus/assessment/README.md). A recommendation's priority is the sum of its gaps' priorities.
- **Grouping**: gaps in the same theme (``themes`` in corpus/assessment/roadmap.yaml, related
  questions of one dimension) form one recommendation; every other gap is its own recommendation.
- **Dependencies**: ``prerequisites`` in roadmap.yaml say which question must be in place before
  another (an AI inventory before monitoring, governance before a vendor review, ...). A
  recommendation depends on another when one of its questions has a prerequisite the other closes.
- **Horizon**: blocking-rule fixes land in 0-90 days; the other recommendations are split by
  priority rank (the higher half in 3-6 months, the rest in 6-12 months); then every
  prerequisite is pulled forward so no recommendation lands in an earlier horizon than its
  dependencies.
- **Action, success measure, owner, effort, impact**: from the instrument (the level descriptors
  between the current score and the target say what "done" looks like; the evidence prompt
  says what proves it), the dimension's owner role in the instrument, the points to
  close (effort) and priority / blocking rules / use-case gates (impact).

Every recommendation cites the organization's assessment result for each gap (its question
chunk in the index) and guidance passages found by retrieval seeded by the instrument's
references. Every citation resolves to an indexed chunk and quotes an exact sentence of it.

With a chat model configured, the model may polish the wording of each action and of the
executive summary; passages reach its prompt only through the one passage sanitiser, and each
polished sentence is verified against the cited passages (:func:`advisor.citations.verify_answer`);
the offline wording is kept where it is not supported or the markers changed.

Exports: :func:`to_markdown`, :func:`to_docx` / :func:`docx_bytes`, and :func:`export` (by
extension). Rejected recommendations are left out of the roadmap and the recommendation
sections and listed in an appendix; citation markers are renumbered in order of first use in
the exported document, so every ``[n]`` has exactly one reference and every reference is used.
Offline, the same index gives the same report and byte-identical Markdown.

Modules: ``model`` (records), ``roadmap`` (domain data and its loader), ``plan`` (grouping,
dependencies, horizons), ``evidence`` (assessments, guidance, citations), ``context``,
``summary`` and ``draft`` (the drafted text), ``polish`` (LLM wording), ``edits``, ``document``
(blocks shared by the writers) and ``export`` (Markdown, DOCX).
"""

from __future__ import annotations

from typing import Any

from ..errors import RecommendError
from .document import Block, BlockKind, document, reference_line
from .draft import build_report
from .edits import EDITABLE, active, apply_edits, sequence_warnings
from .evidence import assessments_for, known_orgs
from .export import docx_bytes, export, to_docx, to_markdown
from .model import (
    EXPORT_EXTENSIONS,
    FIRST_HORIZON_CAPACITY,
    GUIDANCE_PER_GAP,
    HORIZONS,
    IMPACT_HIGH,
    IMPACT_MEDIUM,
    METHOD,
    PREREQUISITE_LEVEL,
    SEARCH_K,
    STATUSES,
    BlockingItem,
    CitationKind,
    DimensionRow,
    Effort,
    ExecutiveSummary,
    GapRef,
    Horizon,
    Impact,
    Mode,
    Recommendation,
    Report,
    ReportCitation,
    Status,
    UseCasePlan,
)
from .polish import POLISH_SYSTEM, polish_report
from .roadmap import ROADMAP_FILE, Roadmap, Theme, load_roadmap

__all__ = [
    "EDITABLE",
    "EXPORT_EXTENSIONS",
    "FIRST_HORIZON_CAPACITY",
    "GUIDANCE_PER_GAP",
    "HORIZONS",
    "IMPACT_HIGH",
    "IMPACT_MEDIUM",
    "METHOD",
    "POLISH_SYSTEM",
    "PREREQUISITES",
    "PREREQUISITE_LEVEL",
    "ROADMAP_FILE",
    "SEARCH_K",
    "STATUSES",
    "THEMES",
    "Block",
    "BlockKind",
    "BlockingItem",
    "CitationKind",
    "DimensionRow",
    "Effort",
    "ExecutiveSummary",
    "GapRef",
    "Horizon",
    "Impact",
    "Mode",
    "RecommendError",
    "Recommendation",
    "Report",
    "ReportCitation",
    "Roadmap",
    "Status",
    "Theme",
    "UseCasePlan",
    "active",
    "apply_edits",
    "assessments_for",
    "build_report",
    "document",
    "docx_bytes",
    "export",
    "known_orgs",
    "load_roadmap",
    "polish_report",
    "reference_line",
    "sequence_warnings",
    "to_docx",
    "to_markdown",
]


def __getattr__(name: str) -> Any:
    """THEMES and PREREQUISITES, once constants here, now come from roadmap.yaml (read on use)."""
    if name == "THEMES":
        return load_roadmap().themes
    if name == "PREREQUISITES":
        return load_roadmap().prerequisites
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
