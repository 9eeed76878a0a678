"""Domain data for planning a roadmap (corpus/assessment/roadmap.yaml): themes, prerequisites,
the first horizon's capacity, the bodies a question's level creates and the urgent risks to
look for in evidence notes. Dimension owners and single-question action titles live in the
instrument itself (`Dimension.owner_role`, `Question.action`).

:func:`load_roadmap` reads and validates the YAML against the instrument; every problem names
the file, the field and what to change, and is raised as one AssessmentError.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import assessment as A
from ..errors import AssessmentError
from .urgent import UrgentRisk, parse_urgent

ROADMAP_FILE = Path(__file__).resolve().parents[2] / "corpus" / "assessment" / "roadmap.yaml"


@dataclass(frozen=True)
class Theme:
    """Related questions of one dimension that one recommendation closes together."""

    key: str
    dimension: str
    questions: tuple[str, ...]
    title: str


@dataclass(frozen=True)
class Capacity:
    """How many initiatives organizations in `tiers` can start in the first 90 days."""

    first_horizon: int = 3
    tiers: tuple[str, ...] = ("foundational", "developing")

    def for_tier(self, tier: str, override: int | None = None) -> int | None:
        """The first horizon's limit for an organization in `tier` (None: no limit)."""
        if override is not None:
            return override if override > 0 else None
        return self.first_horizon if tier in self.tiers else None


@dataclass(frozen=True)
class Body:
    """A group that a question's level creates (the AI governance committee from GOV-1 level 3)."""

    name: str
    created_by: str
    level: int
    mentions: tuple[str, ...]
    until: str  # who acts until it exists

    def named_in(self, text: str) -> bool:
        low = text.lower()
        return any(m.lower() in low for m in self.mentions)

    def exists(self, scores: dict[str, int]) -> bool:
        return scores.get(self.created_by, 0) >= self.level


@dataclass(frozen=True)
class Roadmap:
    """The planning rules: themes (gaps in one theme become one recommendation),
    prerequisites (question -> questions that must be in place first), the first horizon's
    capacity, bodies created by a question's level, and urgent risks in evidence notes."""

    themes: tuple[Theme, ...]
    prerequisites: dict[str, tuple[str, ...]]
    capacity: Capacity = field(default_factory=Capacity)
    bodies: tuple[Body, ...] = ()
    urgent: tuple[UrgentRisk, ...] = ()

    def theme_of(self, qid: str) -> Theme | None:
        for t in self.themes:
            if qid in t.questions:
                return t
        return None


_THEME_FIELDS = ("key", "dimension", "questions", "title")
_TOP_FIELDS = ("themes", "prerequisites", "capacity", "bodies", "urgent")
_BODY_FIELDS = ("name", "created_by", "level", "mentions", "until")


def load_roadmap(path: str | Path | None = None, instrument: A.Instrument | None = None) -> Roadmap:
    """Load and validate the roadmap YAML (default: corpus/assessment/roadmap.yaml).

    Raises AssessmentError listing every problem found, each naming the field and the fix.
    """
    p = Path(path) if path is not None else ROADMAP_FILE
    name = str(p)
    if not p.is_file():
        raise AssessmentError(name, [f"roadmap file not found; expected a YAML file at {name}"])
    inst = instrument or A.load_instrument()
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise AssessmentError(name, [f"not UTF-8 text (byte {exc.start}); save the roadmap as UTF-8"]) from None
    except yaml.YAMLError as exc:
        raise AssessmentError(name, [f"not valid YAML: {' '.join(str(exc).split())}"]) from None
    return _build_roadmap(raw, name, inst)


def _build_roadmap(raw: Any, name: str, inst: A.Instrument) -> Roadmap:
    if not isinstance(raw, dict):
        raise AssessmentError(name, ["the roadmap must be a YAML mapping with the fields themes and prerequisites"])
    problems = [
        f"unknown field {k!r}; the roadmap has only the fields {', '.join(_TOP_FIELDS)}"
        for k in raw
        if k not in _TOP_FIELDS
    ]
    themes = _themes(raw.get("themes"), inst, problems)
    prerequisites = _prerequisites(raw.get("prerequisites"), inst, problems)
    capacity = _capacity(raw.get("capacity"), inst, problems)
    bodies = _bodies(raw.get("bodies"), inst, problems)
    urgent = parse_urgent(raw.get("urgent"), problems)
    if problems:
        raise AssessmentError(name, problems)
    return Roadmap(themes, prerequisites, capacity, bodies, urgent)


def _capacity(raw: Any, inst: A.Instrument, problems: list[str]) -> Capacity:
    if raw is None:
        return Capacity()
    tiers = [t.id for t in inst.tiers]
    if not isinstance(raw, dict) or set(raw) - {"first_horizon", "tiers"}:
        problems.append("field 'capacity' must be a mapping with first_horizon (a number) and tiers (tier ids)")
        return Capacity()
    n = raw.get("first_horizon", 3)
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        problems.append(f"capacity.first_horizon: {n!r} is not a whole number of initiatives (1 or more)")
        n = 3
    got = raw.get("tiers", [])
    if not isinstance(got, list) or any(t not in tiers for t in got):
        problems.append(f"capacity.tiers: {got!r} must list tier ids of the instrument: {', '.join(tiers)}")
        got = []
    return Capacity(n, tuple(got))


def _bodies(raw: Any, inst: A.Instrument, problems: list[str]) -> tuple[Body, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append("field 'bodies' must be a list of bodies with name, created_by, level, mentions and until")
        return ()
    out = []
    for i, b in enumerate(raw):
        where = f"bodies[{i}]"
        if not isinstance(b, dict) or set(b) != set(_BODY_FIELDS):
            problems.append(f"{where}: a body has exactly the fields {', '.join(_BODY_FIELDS)}")
            continue
        wrong = _question_problem(f"{where}.created_by", b["created_by"], inst)
        if wrong:
            problems.append(wrong)
            continue
        if b["level"] not in (2, 3, 4, 5):
            problems.append(f"{where}.level: {b['level']!r} must be the level (2-5) at which the body exists")
            continue
        mentions = b["mentions"]
        if not isinstance(mentions, list) or not mentions or not all(isinstance(m, str) and m for m in mentions):
            problems.append(f"{where}.mentions: list the words that name the body, e.g. [governance committee]")
            continue
        out.append(Body(str(b["name"]), b["created_by"], b["level"], tuple(mentions), str(b["until"])))
    return tuple(out)


def _question_problem(where: str, qid: Any, inst: A.Instrument) -> str | None:
    """Why `qid` is not a question id of the instrument (None when it is one)."""
    if isinstance(qid, str) and qid in inst.question_ids:
        return None
    close = difflib.get_close_matches(str(qid), inst.question_ids, n=1)
    hint = f"did you mean {close[0]}?" if close else "use an id from instrument.yaml such as GOV-2"
    return f"{where}: {qid!r} is not a question of the instrument; {hint}"


def _themes(raw: Any, inst: A.Instrument, problems: list[str]) -> tuple[Theme, ...]:
    if not isinstance(raw, list) or not raw:
        problems.append("field 'themes' is missing or not a list; list themes with key, dimension, questions and title")
        return ()
    dims = [d.id for d in inst.dimensions]
    out: list[Theme] = []
    owner: dict[str, str] = {}  # question -> the theme that already holds it
    keys: set[str] = set()
    for i, t in enumerate(raw):
        where = f"themes[{i}]"
        if not isinstance(t, dict):
            problems.append(f"{where}: each theme must be a mapping with key, dimension, questions and title")
            continue
        key = str(t.get("key") or "").strip()
        where = f"{where} ({key})" if key else where
        bad = len(problems)
        problems += [
            f"{where}: unknown field {k!r}; use {', '.join(_THEME_FIELDS)}" for k in t if k not in _THEME_FIELDS
        ]
        if not key:
            problems.append(f"{where}: field 'key' is missing; give the theme a unique key such as GOV-A")
        elif key in keys:
            problems.append(f"{where}: key {key!r} is used by an earlier theme; keys must be unique")
        keys.add(key)
        dim = t.get("dimension")
        if dim not in dims:
            problems.append(
                f"{where}: dimension {dim!r} is not a dimension of the instrument; use one of {', '.join(dims)}"
            )
        title = t.get("title")
        if not isinstance(title, str) or not title.strip():
            problems.append(f"{where}: field 'title' is missing; write the recommendation title for the theme")
        qs = t.get("questions")
        if not isinstance(qs, list) or len(qs) < 2:
            problems.append(f"{where}: field 'questions' must list at least two question ids of one dimension")
            qs = []
        for qid in qs:
            wrong = _question_problem(f"{where} questions", qid, inst)
            if wrong:
                problems.append(wrong)
            elif dim in dims and inst.question(qid).dimension != dim:
                problems.append(
                    f"{where} questions: {qid} belongs to {inst.question(qid).dimension}, not {dim}; "
                    "a theme groups questions of its own dimension"
                )
            elif qid in owner:
                problems.append(
                    f"{where} questions: {qid} is already in theme {owner[qid]}; "
                    "a question belongs to at most one theme"
                )
            else:
                owner[qid] = key
        if len(problems) == bad:
            out.append(Theme(key, dim, tuple(qs), title.strip()))
    return tuple(out)


def _prerequisites(raw: Any, inst: A.Instrument, problems: list[str]) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append("field 'prerequisites' must be a mapping: question id -> list of question ids needed first")
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for qid, pres in raw.items():
        where = f"prerequisites.{qid}"
        bad = len(problems)
        wrong = _question_problem("prerequisites", qid, inst)
        if wrong:
            problems.append(wrong)
        if not isinstance(pres, list) or not pres:
            problems.append(f"{where}: list the question ids that must be in place first, e.g. [GOV-2]")
            continue
        for pre in pres:
            wrong = _question_problem(where, pre, inst)
            if wrong:
                problems.append(wrong)
            elif pre == qid:
                problems.append(f"{where}: a question cannot be its own prerequisite; remove {pre}")
        if len(set(map(str, pres))) != len(pres):
            problems.append(f"{where}: {pres} lists a question twice; list each prerequisite once")
        if len(problems) == bad:
            out[qid] = tuple(pres)
    return out
