"""The review's rules as data: how cards label their fields, what each item must state, the
question templates and the readiness gates (corpus/frameworks/card-*.yaml).

Each file is validated as it is read; a bad one is refused with `FILE:LINE: FIELD: problem`
(a `FrameworkError`), like the framework files beside it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..frameworks import BUNDLED_DIR
from ..frameworks.yamlsrc import Obj, compose
from .records import Status

LABELS_FILE, CHECKS_FILE, QUESTIONS_FILE, GATES_FILE = (
    "card-labels.yaml",
    "card-checks.yaml",
    "card-questions.yaml",
    "card-gates.yaml",
)
# the facts a question template may use (filled by advisor.cards.facts)
FACTS = frozenset(
    {
        "model",
        "developer",
        "version",
        "metric",
        "test_type",
        "sites",
        "population",
        "intended_use",
        "demographics",
        "fairness_quote",
        "quote",
        "placeholder",
        "fields",
        "name",
        "ask",
        "lacking",
    }
)
KINDS = ("genai", "predictive")


@dataclass(frozen=True)
class Labels:
    """How printed cards label fields, metric columns, metric parts and headings."""

    fields: tuple[tuple[str, tuple[str, ...]], ...]
    groups: tuple[tuple[str, tuple[str, ...]], ...]
    parts: tuple[tuple[str, tuple[str, ...]], ...]
    headings: tuple[str, ...]
    key_metrics: tuple[str, ...]
    qualifiers: tuple[str, ...]


@dataclass(frozen=True)
class Check:
    """One thing an item must state: a sentence matching every pattern in `all`, within the
    listed card fields; `unless` patterns anywhere in them fail it. A failed `required` check
    makes the item missing rather than partial."""

    id: str
    asks: str
    all: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...] = ()
    fields: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class Checks:
    placeholders: frozenset[str]
    rules: dict[str, tuple[Check, ...]]
    elsewhere: dict[str, tuple[Check, ...]]  # where else a card field's content may be stated

    def for_item(self, item: str) -> tuple[Check, ...]:
        return self.rules.get(item, ())

    def is_placeholder(self, text: str) -> bool:
        return norm_placeholder(text) in self.placeholders


@dataclass(frozen=True)
class Template:
    """A question wording: for an item (or "*"), a status and optionally a failed check."""

    item: str
    status: Status | None
    lacking: str
    text: str
    line: int

    @property
    def slots(self) -> tuple[str, ...]:
        return tuple(name for _, name, _, _ in string.Formatter().parse(self.text) if name)


@dataclass(frozen=True)
class Questions:
    frameworks: dict[str, str]  # framework id -> short name used in citations
    cite: str
    asks: dict[str, str]  # item id -> what to ask for, as a noun phrase
    templates: tuple[Template, ...]


@dataclass(frozen=True)
class GateRule:
    """An assessment question deploying a vendor model of these kinds depends on."""

    question: str
    kinds: tuple[str, ...]
    when: re.Pattern[str] | None
    min: int
    first: str


@dataclass(frozen=True)
class Gates:
    kinds: dict[str, tuple[re.Pattern[str], ...]]
    use_cases: dict[str, tuple[re.Pattern[str], ...]]
    rules: tuple[GateRule, ...]


@dataclass(frozen=True)
class ReviewData:
    labels: Labels
    checks: Checks
    questions: Questions
    gates: Gates


def norm_placeholder(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .;:")


def _read(path: Path, schema: str) -> Obj:
    file, node = compose(path)
    o = Obj(file, node)
    if o.text("schema") != schema:
        raise o.fail(o.fields["schema"][1], "schema", f"must be {schema!r} for this file")
    return o


def _regex(o: Obj, node_key: str, pattern: str, patterns: dict[str, str]) -> re.Pattern[str]:
    try:
        expanded = re.sub(r"\{([A-Za-z_]\w*)\}", lambda m: f"(?:{patterns[m.group(1)]})", pattern)
    except KeyError as exc:
        raise o.fail(o.fields[node_key][1], node_key, f"unknown pattern name {exc} in {pattern!r}") from None
    try:
        return re.compile(expanded, re.IGNORECASE)
    except re.error as exc:
        raise o.fail(o.fields[node_key][1], node_key, f"not a valid regular expression ({exc}): {pattern!r}") from None


def _named_lists(o: Obj, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    sub = Obj(o.file, o.value_node(key), o.where(key))
    return tuple((name, tuple(sub.texts(name))) for name in sub.fields)


def load_labels(path: Path) -> Labels:
    o = _read(path, "advisor-card-labels/1")
    o.only("schema", "fields", "metric_groups", "metric_parts", "headings", "key_metrics", "qualifiers")
    return Labels(
        fields=_named_lists(o, "fields"),
        groups=_named_lists(o, "metric_groups"),
        parts=_named_lists(o, "metric_parts"),
        headings=tuple(o.texts("headings")),
        key_metrics=tuple(o.texts("key_metrics")),
        qualifiers=tuple(o.texts("qualifiers")),
    )


def _check(co: Obj, patterns: dict[str, str], items: set[str]) -> Check:
    co.only("id", "asks", "all", "unless", "in", "required")
    fields = tuple(co.texts("in"))
    for f in fields:
        if f.split(".")[0] not in items:
            raise co.fail(co.fields["in"][1], "in", f"no card field {f!r}")
    return Check(
        id=co.slug("id"),
        asks=co.text("asks", one_line=True),
        all=tuple(_regex(co, "all", p, patterns) for p in co.texts("all")),
        unless=tuple(_regex(co, "unless", p, patterns) for p in co.texts("unless")),
        fields=fields,
        required=co.choice("required", ("true", "false"), required=False) == "true",
    )


def load_checks(path: Path, known: set[str]) -> Checks:
    o = _read(path, "advisor-card-checks/1")
    o.only("schema", "placeholders", "patterns", "items")
    patterns = dict(o.pairs("patterns"))
    rules: dict[str, tuple[Check, ...]] = {}
    elsewhere: dict[str, tuple[Check, ...]] = {}
    for io in o.objs("items"):
        io.only("item", "checks", "elsewhere")
        item = io.text("item")
        if item not in known:
            raise io.fail(io.fields["item"][1], "item", f"no HTI-1 attribute or CHAI card field {item!r}")
        if item in rules:
            raise io.fail(io.fields["item"][1], "item", f"{item!r} is listed twice")
        checks = tuple(_check(co, patterns, known) for co in io.objs("checks", required=False))
        elsewhere[item] = tuple(_check(co, patterns, known) for co in io.objs("elsewhere", required=False))
        if any(not c.fields for c in elsewhere[item]):
            raise io.fail(io.node, "elsewhere", "each entry needs `in`: the card fields to look in")
        if len({c.id for c in checks}) != len(checks):
            raise io.fail(io.node, "checks", "check ids must be unique within an item")
        if any(not c.all for c in checks):
            raise io.fail(io.node, "checks", "every check needs at least one pattern in `all`")
        rules[item] = checks
    return Checks(frozenset(norm_placeholder(p) for p in o.texts("placeholders")), rules, elsewhere)


def load_questions(path: Path, known: set[str]) -> Questions:
    o = _read(path, "advisor-card-questions/1")
    o.only("schema", "frameworks", "cite", "asks", "templates")
    asks = dict(o.pairs("asks"))
    for item in asks:
        if item not in known:
            raise o.fail(o.value_node("asks"), "asks", f"no HTI-1 attribute or CHAI card field {item!r}")
    missing = sorted(known - set(asks))
    if missing:
        raise o.fail(o.value_node("asks"), "asks", f"no entry for {', '.join(missing[:5])}")
    templates = []
    for to in o.objs("templates"):
        to.only("item", "status", "lacking", "text")
        item = to.text("item")
        if item != "*" and item not in known:
            raise to.fail(to.fields["item"][1], "item", f"no HTI-1 attribute or CHAI card field {item!r}")
        status = to.choice("status", (Status.PARTIAL.value, Status.MISSING.value), required=False)
        t = Template(
            item, Status(status) if status else None, to.text("lacking", required=False), to.text("text"), to.line
        )
        unknown = [s for s in t.slots if s not in FACTS]
        if unknown:
            raise to.fail(
                to.fields["text"][1], "text", f"unknown fact {{{unknown[0]}}}; known: {', '.join(sorted(FACTS))}"
            )
        templates.append(t)
    if not any(t.item == "*" and t.status is s for t in templates for s in (Status.PARTIAL, Status.MISSING)):
        raise o.fail(o.value_node("templates"), "templates", "needs a fallback (item '*') for partial and missing")
    cite = o.text("cite", one_line=True)
    return Questions(dict(o.pairs("frameworks")), cite, asks, tuple(templates))


def load_gates(path: Path) -> Gates:
    o = _read(path, "advisor-card-gates/1")
    o.only("schema", "kinds", "use_cases", "gates")

    def pattern_map(key: str) -> dict[str, tuple[re.Pattern[str], ...]]:
        sub = Obj(o.file, o.value_node(key), key)
        return {name: tuple(_regex(sub, name, p, {}) for p in sub.texts(name)) for name in sub.fields}

    kinds = pattern_map("kinds")
    for k in kinds:
        if k not in KINDS:
            raise o.fail(o.value_node("kinds"), "kinds", f"{k!r} is not one of {', '.join(KINDS)}")
    rules = []
    for go in o.objs("gates"):
        go.only("question", "kinds", "when", "min", "first")
        kinds_of = tuple(go.texts("kinds")) or KINDS
        for k in kinds_of:
            if k not in KINDS:
                raise go.fail(go.fields["kinds"][1], "kinds", f"{k!r} is not one of {', '.join(KINDS)}")
        when = go.text("when", required=False)
        level = go.text("min")
        if not level.isdigit():
            raise go.fail(go.fields["min"][1], "min", f"must be a score 1-5, got {level!r}")
        rules.append(
            GateRule(
                go.text("question"),
                kinds_of,
                _regex(go, "when", when, {}) if when else None,
                int(level),
                go.text("first", one_line=True),
            )
        )
    return Gates(kinds, pattern_map("use_cases"), tuple(rules))


def load_review_data(folder: Path, known: set[str]) -> ReviewData:
    """The four card-*.yaml files in `folder`; `known` is every HTI-1 attribute and CHAI field id."""
    return ReviewData(
        labels=load_labels(folder / LABELS_FILE),
        checks=load_checks(folder / CHECKS_FILE, known),
        questions=load_questions(folder / QUESTIONS_FILE, known),
        gates=load_gates(folder / GATES_FILE),
    )


@lru_cache(maxsize=4)
def bundled_review_data(known: frozenset[str]) -> ReviewData:
    return load_review_data(BUNDLED_DIR, set(known))
