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
- **Immediate steps**: urgent risks found in the evidence notes by the patterns of roadmap.yaml
  (`urgent`: a deployed model nobody reviewed, a tool live without validation, an open
  incident, a lapsed BAA, PHI in public chatbots) come first, as steps to take now.
- **Horizon**: recommendations that act on an immediate step or clear a blocking rule start in
  0-90 days with their prerequisites, up to the capacity for the organization's tier
  (roadmap.yaml `capacity`: 3 for Foundational and Developing; `first_horizon` overrides it);
  the rest of them start in 3-6 months. The other recommendations are split by priority rank
  (the higher half in 3-6 months, the rest in 6-12 months); prerequisites are pulled forward
  so no recommendation lands in an earlier horizon than its dependencies. A body a question's
  level creates (roadmap.yaml `bodies`: the AI governance committee) gets no work before the
  recommendation that creates it.
- **Action, milestones, success measure, owner, effort, impact**: actions are the instrument's
  work title and the level descriptor the horizon aims at (the next working level, not the
  final target); milestones place each level in a horizon, then the evidence to collect; the
  owner is the one named in the assessment; effort from the levels to climb, impact from
  priority / blocking rules / use-case gates. The consultant may set a cost band (S/M/L).

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
    BANDS,
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
    Cost,
    DimensionRow,
    Effort,
    ExecutiveSummary,
    GapRef,
    Horizon,
    ImmediateStep,
    Impact,
    Milestone,
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
    "BANDS",
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
    "Cost",
    "DimensionRow",
    "Effort",
    "ExecutiveSummary",
    "GapRef",
    "Horizon",
    "ImmediateStep",
    "Impact",
    "Milestone",
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
