"""CHAI Applied Model Card XML (mc-schema v0.2): the card's fields, and a loader that makes
each field a citable section carrying the model's name.

The field list is data: `corpus/frameworks/chai-model-card.yaml` gives each card field its
element name (the control id), title and `xml_path`. Parsing goes through defusedxml, so a
card with entity declarations or a DTD (an XML bomb, an external entity) is refused.

A section reads "<model name> — <field title>", so a question about one product ranks that
product's fields above another vendor card that says nearly the same thing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..frameworks import BUNDLED_DIR, load_file
from ..frameworks.records import Framework
from .document import Block, Document, fail
from .registry import register_loader

__all__ = [
    "CHAI_NAMESPACE",
    "ChaiCard",
    "ChaiField",
    "MetricPart",
    "chai_fields",
    "format_metric_value",
    "is_chai_xml",
    "load_chai",
    "parse_chai_xml",
]

CHAI_NAMESPACE = "https://mc.chai.org/"  # v0.2 is "https://mc.chai.org/v0.2/schema.xsd"
CHAI_FRAMEWORK = "chai-model-card"
# The parts of each key-metric group, in schema order, with the titles a printed card uses.
METRIC_PARTS = (
    ("MetricGoal", "Goal of metric"),
    ("Results", "Result"),
    ("Interpretation", "Interpretation"),
    ("TestType", "Test type"),
    ("TestingDataDescription", "Testing data description"),
    ("ValidationProcessAndJustification", "Validation process and justification"),
)
_NS = re.compile(r"^\{([^}]*)\}")


@dataclass(frozen=True)
class MetricPart:
    """One part of a key-metric group (goal, results, interpretation...) as text."""

    id: str
    title: str
    text: str


@dataclass(frozen=True)
class ChaiField:
    """One card field: its element name, path, title and text ("" when absent or empty)."""

    id: str
    path: str
    title: str
    text: str
    parts: tuple[MetricPart, ...] = ()


@dataclass(frozen=True)
class ChaiCard:
    """A parsed CHAI Applied Model Card."""

    source: str
    version: str  # the schema version from the namespace, e.g. "v0.2"
    fields: tuple[ChaiField, ...]

    def field(self, field_id: str) -> ChaiField | None:
        return next((f for f in self.fields if f.id == field_id), None)

    def value(self, field_id: str) -> str:
        f = self.field(field_id)
        return f.text if f else ""

    @property
    def model(self) -> str:
        return self.value("ModelName")

    @property
    def developer(self) -> str:
        return self.value("ModelDeveloper")


@lru_cache(maxsize=1)
def _framework() -> Framework:
    fw = load_file(BUNDLED_DIR / "chai-model-card.yaml")
    assert isinstance(fw, Framework)
    return fw


def chai_fields() -> tuple[tuple[str, str, str], ...]:
    """(element name, xml_path, title) of every card field, in schema order."""
    return tuple((c.id, c.prop("xml_path"), c.title) for c in _framework().assessable)


def _local(tag: str) -> str:
    return _NS.sub("", tag)


def _clean(text: str) -> str:
    """Element text with each line's indentation removed and blank-line paragraphs kept."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _child(el: Element | None, name: str) -> Element | None:
    if el is None:
        return None
    return next((c for c in el if _local(c.tag) == name), None)


def _find(root: Element, path: str) -> Element | None:
    el: Element | None = root
    for name in path.split("/"):
        el = _child(el, name)
    return el


def _num(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_metric_value(raw: str) -> str:
    """A metric result's ValueJson as a reader writes it: "88.5% (95% CI 80.4–94.1)"."""
    try:
        v = json.loads(raw)
    except ValueError:
        return _clean(raw)
    if not isinstance(v, dict):
        return _clean(raw)
    unit = str(v.get("unit") or "")
    sep = "" if unit == "%" else " "

    def with_unit(x: Any) -> str:
        return f"{_num(x)}{sep}{unit}".strip()

    kind = v.get("kind")
    if kind == "estimate_ci" and "estimate" in v:
        level = _num(v.get("level", 95))
        return f"{with_unit(v['estimate'])} ({level}% CI {_num(v.get('lower'))}–{_num(v.get('upper'))})"
    if kind == "mean_sd" and "mean" in v:
        return f"mean {with_unit(v['mean'])} (SD {_num(v.get('sd'))})"
    if "value" in v:
        return with_unit(v["value"])
    return ", ".join(f"{k} {_num(x)}" for k, x in v.items() if k != "kind")


def _metric_parts(el: Element) -> tuple[MetricPart, ...]:
    parts = []
    for pid, title in METRIC_PARTS:
        sub = _child(el, pid)
        if sub is None:
            continue
        if pid == "Results":
            rows = []
            for r in sub:
                label = _clean("".join(_child(r, "Label").itertext()) if _child(r, "Label") is not None else "")
                value_el = _child(r, "ValueJson")
                value = format_metric_value("".join(value_el.itertext())) if value_el is not None else ""
                if label or value:
                    rows.append(f"{label}: {value}" if label else value)
            text = "\n".join(rows)
        else:
            text = _clean("".join(sub.itertext()))
        parts.append(MetricPart(pid, title, text))
    return tuple(parts)


def _field_text(el: Element | None, field_id: str) -> tuple[str, tuple[MetricPart, ...]]:
    if el is None:
        return "", ()
    children = list(el)
    if field_id in ("Keywords", "EHRCompatibility"):  # lists of items
        return "; ".join(t for c in children if (t := _clean("".join(c.itertext())))), ()
    if any(_local(c.tag) == "MetricGoal" for c in children):
        parts = _metric_parts(el)
        text = "\n".join(f"{p.title}: {p.text}" for p in parts if p.text)
        return text, parts
    return _clean("".join(el.itertext())), ()


def _parse_root(path: Path) -> Element:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(path, f"cannot read file ({exc.strerror or exc})") from None
    if not data.strip():
        raise fail(path, "file is empty; add content or remove it from the folder")
    try:
        return SafeET.fromstring(data)
    except DefusedXmlException:
        raise fail(
            path, "refused: the XML declares entities or a DTD, which a model card never needs; remove them"
        ) from None
    except ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        raise fail(path, f"not well-formed XML (line {line}, column {col + 1}); fix the file or re-export it") from None


def is_chai_xml(root: Element) -> bool:
    ns = _NS.match(root.tag)
    return _local(root.tag) == "AppliedModelCard" and bool(ns) and ns.group(1).startswith(CHAI_NAMESPACE)


def parse_chai_xml(path: Path, source: str = "") -> ChaiCard:
    """The card's fields; IngestError naming the file for bad or non-CHAI XML."""
    root = _parse_root(path)
    if not is_chai_xml(root):
        found = _NS.match(root.tag)
        raise fail(
            path,
            f"not a CHAI Applied Model Card: the root element is <{_local(root.tag)}> in namespace "
            f"{found.group(1) if found else '(none)'!r}; only CHAI model card XML ({CHAI_NAMESPACE}...) is read",
        )
    ns = _NS.match(root.tag)
    version = re.search(r"/(v[\d.]+)/", ns.group(1) if ns else "")
    fields = []
    for fid, xml_path, title in chai_fields():
        text, parts = _field_text(_find(root, xml_path), fid)
        fields.append(ChaiField(fid, xml_path, title, text, parts))
    card = ChaiCard(source or str(path), version.group(1) if version else "", tuple(fields))
    if not card.model:
        raise fail(path, "the card has no BasicInfo/ModelName; fill in the model's name")
    return card


def load_chai(path: Path, source: str) -> Document:
    """One block per filled field: section "<model> — <field title>", text "<field title>: <text>"
    (a field's text alone, such as "None", would not say what it answers)."""
    card = parse_chai_xml(path, source)
    who = f" ({card.developer})" if card.developer else ""
    blocks = [Block(f"{f.title}: {f.text}", f"{card.model} — {f.title}") for f in card.fields if f.text]
    meta = {"version": card.value("ReleaseVersion")} if card.value("ReleaseVersion") else {}
    return Document(
        source=source,
        title=f"{card.model}{who} — CHAI Applied Model Card",
        blocks=blocks,
        publisher=card.developer,
        meta=meta,
    )


register_loader((".xml",), "chai-model-card", load_chai)
