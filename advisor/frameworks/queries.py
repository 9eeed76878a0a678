"""Questions answered from framework data: what is loaded, what a control maps to, what an
organization's assessment covers. Pure functions over a `Catalog`; no index or model needed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .records import Catalog, Control, ControlMapping, CoverageState, Framework, Strength

Score = float | int | None


@dataclass(frozen=True)
class FrameworkSummary:
    """One row of `advisor frameworks --json`."""

    id: str
    name: str
    version: str
    controls: int
    crosswalks: int

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "version": self.version, "controls": self.controls,
                "crosswalks": self.crosswalks}  # fmt: skip


def summarize(catalog: Catalog) -> list[FrameworkSummary]:
    """Each framework with its assessable-control count and the number of crosswalks touching it."""
    out = []
    for fw in catalog.frameworks.values():
        n = sum(fw.id in (cw.source, cw.target) for cw in catalog.crosswalks)
        out.append(FrameworkSummary(fw.id, fw.name, fw.version, len(fw.assessable), n))
    return out


@dataclass(frozen=True)
class MappedControl:
    """A control in another framework that a queried control maps to, with the crosswalk row."""

    source: Control  # the queried control, or the descendant of it that the row maps
    control: Control  # the control it maps to
    strength: Strength
    rationale: str
    crosswalk: str

    def to_dict(self) -> dict:
        return {"from": self.source.id, "framework": self.control.framework, "control": self.control.id,
                "title": self.control.title, "strength": str(self.strength), "rationale": self.rationale,
                "crosswalk": self.crosswalk}  # fmt: skip


def _family(fw: Framework, control: Control) -> dict[str, Control]:
    return {c.id: c for c in (control, *fw.descendants(control.id))}


def map_control(catalog: Catalog, framework: str, control: str, target: str | None = None) -> list[MappedControl]:
    """What a control (or, for a category, its subcategories) maps to in the target framework, or in all.

    Crosswalks are read in both directions. Equivalent mappings come first."""
    fw = catalog.framework(framework)
    family = _family(fw, fw.control(control))
    tgt = catalog.framework(target).id if target else None
    out = []
    for m in catalog.mappings():
        for here_fw, here, there_fw, there in (
            (m.source_framework, m.source, m.target_framework, m.target),
            (m.target_framework, m.target, m.source_framework, m.source),
        ):
            if here_fw == fw.id and here in family and (tgt is None or there_fw == tgt):
                other = catalog.frameworks[there_fw].control(there)
                out.append(MappedControl(family[here], other, m.strength, m.rationale, m.crosswalk))
    order = {s: i for i, s in enumerate(Strength)}
    return sorted(out, key=lambda r: (order[r.strength], r.control.framework, r.control.line))


@dataclass(frozen=True)
class QuestionEvidence:
    """An assessment question behind a control, its score, and the route from question to control."""

    question: str
    score: Score
    target: float
    strength: Strength
    via: str  # "" when the question maps to the control directly, else "framework control"
    rationale: str

    @property
    def met(self) -> bool | None:
        return None if self.score is None else self.score >= self.target

    def to_dict(self) -> dict:
        return {"question": self.question, "score": self.score, "target": self.target,
                "strength": str(self.strength), "via": self.via, "rationale": self.rationale}  # fmt: skip


@dataclass(frozen=True)
class ControlCoverage:
    control: Control
    state: CoverageState
    questions: tuple[QuestionEvidence, ...]

    def to_dict(self) -> dict:
        return {"control": self.control.id, "title": self.control.title, "state": str(self.state),
                "questions": [q.to_dict() for q in self.questions]}  # fmt: skip


@dataclass(frozen=True)
class FrameworkCoverage:
    framework: Framework
    controls: tuple[ControlCoverage, ...]

    def ids(self, state: CoverageState) -> list[str]:
        return [c.control.id for c in self.controls if c.state is state]

    @property
    def counts(self) -> dict[str, int]:
        return {str(s): len(self.ids(s)) for s in CoverageState}

    def to_dict(self) -> dict:
        return {"framework": self.framework.id, "counts": self.counts, "controls": [c.to_dict() for c in self.controls]}


def _routes(catalog: Catalog, fw: Framework, control: Control) -> list[tuple[str, str, str]]:
    """(framework, control, via) pairs whose question evidence counts for this control: the control
    and its descendants directly, and controls mapped to them as equivalent in any crosswalk."""
    family = _family(fw, control)
    routes = [(fw.id, cid, "") for cid in family]
    for m in catalog.mappings():
        if m.strength is not Strength.EQUIVALENT:
            continue
        if m.source_framework == fw.id and m.source in family:
            routes.append((m.target_framework, m.target, f"{m.target_framework} {m.target}"))
        if m.target_framework == fw.id and m.target in family:
            routes.append((m.source_framework, m.source, f"{m.source_framework} {m.source}"))
    return routes


def _state(evidence: list[QuestionEvidence]) -> CoverageState:
    """Decide with the strongest assessed evidence: equivalent questions if any were scored, else related."""
    assessed = [e for e in evidence if e.score is not None]
    deciding = [e for e in assessed if e.strength is Strength.EQUIVALENT] or assessed
    if not deciding:
        return CoverageState.UNASSESSED
    return CoverageState.COVERED if all(e.met for e in deciding) else CoverageState.GAP


def coverage(
    catalog: Catalog, framework: str, scores: Mapping[str, Score], target: float | Mapping[str, float] = 3
) -> FrameworkCoverage:
    """Covered / gap / unassessed for each assessable control of a framework, from question scores.

    `scores` maps question id to score (None when unanswered); `target` is one level for every
    question or a per-question mapping (missing questions default to 3). A control is covered when
    every deciding question meets its target, a gap when one does not, unassessed when no question
    behind it has a score."""
    fw = catalog.framework(framework)
    by_control: dict[tuple[str, str], list] = {}
    for row in catalog.evidence_rows():
        by_control.setdefault((row.framework, row.control), []).append(row)
    results = []
    for control in fw.assessable:
        seen, evidence = set(), []
        for fid, cid, via in _routes(catalog, fw, control):
            for row in by_control.get((fid, cid), []):
                if (row.question, via) in seen:
                    continue
                seen.add((row.question, via))
                goal = float(target.get(row.question, 3) if isinstance(target, Mapping) else target)
                # evidence reached through a crosswalk is never stronger than related
                strength = Strength.RELATED if via else row.strength
                evidence.append(
                    QuestionEvidence(row.question, scores.get(row.question), goal, strength, via, row.rationale)
                )
        results.append(ControlCoverage(control, _state(evidence), tuple(evidence)))
    return FrameworkCoverage(fw, tuple(results))


def mappings_between(catalog: Catalog, a: str, b: str) -> list[ControlMapping]:
    """Every crosswalk row between two frameworks, whichever direction the crosswalk was written."""
    ids = {catalog.framework(a).id, catalog.framework(b).id}
    return [m for m in catalog.mappings() if {m.source_framework, m.target_framework} == ids]
