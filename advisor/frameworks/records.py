"""Records for frameworks, crosswalks and question evidence, as loaded from YAML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from ..currency import Status
from ..errors import FrameworkLookupError


class Strength(StrEnum):
    """How closely two controls (or a question and a control) correspond."""

    EQUIVALENT = "equivalent"  # meeting one substantially meets the other
    RELATED = "related"  # they overlap; meeting one is evidence toward the other, not proof


class CoverageState(StrEnum):
    COVERED = "covered"  # every deciding question meets the target
    GAP = "gap"  # a deciding question scores below the target
    UNASSESSED = "unassessed"  # no question evidences the control, or none has a score


def norm_ref(text: str) -> str:
    """A control reference compared loosely: case, spacing and '§ ' do not matter."""
    return re.sub(r"\s+", " ", text.replace("§ ", "§")).strip().casefold()


@dataclass(frozen=True)
class Link:
    """A guidance passage that discusses a control: document stem and heading text."""

    document: str
    section: str


@dataclass(frozen=True)
class Level:
    id: str
    name: str


@dataclass(frozen=True)
class Control:
    """One entry of a framework at any level (function, category, attribute, article...)."""

    framework: str
    id: str
    level: str
    title: str
    summary: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    properties: tuple[tuple[str, str], ...] = ()
    line: int = 0

    def prop(self, key: str, default: str = "") -> str:
        return dict(self.properties).get(key, default)

    def to_dict(self) -> dict:
        return {
            "framework": self.framework,
            "id": self.id,
            "level": self.level,
            "title": self.title,
            "summary": self.summary,
            "parent": self.parent,
            "links": [{"document": lk.document, "section": lk.section} for lk in self.links],
        }


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    version: str
    publisher: str
    source_url: str
    status: Status
    as_of: date | None
    levels: tuple[Level, ...]
    assessable_levels: tuple[str, ...]
    controls: tuple[Control, ...]
    file: str
    short_names: tuple[str, ...] = ()  # how people name it in a question ("AI RMF", "ISO 42001")
    _index: dict[str, Control] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for c in self.controls:
            for ref in (c.id, *c.aliases):
                self._index.setdefault(norm_ref(ref), c)

    @property
    def assessable(self) -> tuple[Control, ...]:
        """The controls counted and assessed: those at the framework's assessable levels."""
        return tuple(c for c in self.controls if c.level in self.assessable_levels)

    def find(self, ref: str) -> Control | None:
        """The control with this id or alias (loosely compared), if any."""
        return self._index.get(norm_ref(ref))

    def control(self, ref: str) -> Control:
        found = self.find(ref)
        if found is None:
            examples = ", ".join(c.id for c in self.assessable[:3])
            raise FrameworkLookupError(f"no control '{ref}' in framework '{self.id}'; ids look like {examples}")
        return found

    def children(self, control_id: str) -> tuple[Control, ...]:
        return tuple(c for c in self.controls if c.parent == control_id)

    def descendants(self, control_id: str) -> tuple[Control, ...]:
        out: list[Control] = []
        for child in self.children(control_id):
            out += [child, *self.descendants(child.id)]
        return tuple(out)


@dataclass(frozen=True)
class ControlMapping:
    """One row of a crosswalk: a source control, a target control, how close, and why."""

    crosswalk: str
    source_framework: str
    source: str
    target_framework: str
    target: str
    strength: Strength
    rationale: str


@dataclass(frozen=True)
class Unmatched:
    """A source control with no counterpart in the target framework, and why."""

    control: str
    rationale: str


@dataclass(frozen=True)
class Crosswalk:
    id: str
    name: str
    source: str
    target: str
    basis: str
    as_of: date | None
    mappings: tuple[ControlMapping, ...]
    unmatched: tuple[Unmatched, ...]
    file: str


@dataclass(frozen=True)
class Evidence:
    """An assessment question that evidences a control."""

    question: str
    framework: str
    control: str
    strength: Strength
    rationale: str


@dataclass(frozen=True)
class EvidenceMap:
    id: str
    name: str
    instrument: str
    rows: tuple[Evidence, ...]
    file: str

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.question for r in self.rows))


@dataclass(frozen=True)
class Catalog:
    """Every loaded framework, crosswalk and evidence map."""

    frameworks: dict[str, Framework]
    crosswalks: tuple[Crosswalk, ...] = ()
    evidence: tuple[EvidenceMap, ...] = ()

    def framework(self, ref: str) -> Framework:
        fw = self.frameworks.get(ref) or next(
            (f for f in self.frameworks.values() if norm_ref(f.name) == norm_ref(ref)), None
        )
        if fw is None:
            known = ", ".join(sorted(self.frameworks))
            raise FrameworkLookupError(f"no framework '{ref}'; loaded frameworks: {known}")
        return fw

    def named_in(self, text: str) -> list[Framework]:
        """Frameworks a text names by name, id or short name, in order of first mention; a name
        inside a longer one ("CHAI" in "CHAI model card") counts only for the longer one."""
        spans: list[tuple[int, int, Framework]] = []
        for fw in self.frameworks.values():
            for n in {fw.name, fw.id, *fw.short_names}:
                for m in re.finditer(rf"(?<![\w/]){re.escape(n)}(?![\w/])", text, re.I):
                    spans.append((m.start(), m.end(), fw))
        kept = [
            (a, b, fw)
            for a, b, fw in spans
            if not any(x <= a and b <= y and (y - x) > (b - a) and f2 is not fw for x, y, f2 in spans)
        ]
        first: dict[str, tuple[int, Framework]] = {}
        for a, _, fw in kept:
            if fw.id not in first or a < first[fw.id][0]:
                first[fw.id] = (a, fw)
        return [fw for _, fw in sorted(first.values(), key=lambda x: x[0])]

    def mappings(self) -> tuple[ControlMapping, ...]:
        return tuple(m for cw in self.crosswalks for m in cw.mappings)

    def evidence_rows(self) -> tuple[Evidence, ...]:
        return tuple(r for em in self.evidence for r in em.rows)
