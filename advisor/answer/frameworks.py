"""Framework questions answered from framework data, each sentence quoted from an indexed row.

Three kinds of question, recognised from the frameworks a question names (their names, ids and
short names are data) and the controls it cites:

- mapping: "What does GOVERN 1.6 map to in ISO 42001?" — the crosswalk rows for the control;
- coverage: "Which AI RMF subcategories does our assessment leave uncovered?" — the selected
  organization's coverage chunk for that framework;
- gap mapping: "What in ISO/IEC 42001 does our governance gap also touch?" — the organization's
  gap questions and the evidence rows linking them to the framework.

Every sentence shown is a sentence of an indexed chunk (crosswalk rows, evidence rows and
coverage chunks are indexed), so answers cite and verify like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..chunk import Chunk, Fact
from ..conversation import names_framework
from ..frameworks.loader import bundled_catalog
from ..frameworks.records import Catalog, Control, Framework
from ..index.sources import source_for
from ..library import Library, OrgHistory
from ..text import identifiers, sentence_spans
from .types import AnswerKind, Draft, Part

__all__ = ["FrameworkIntent", "FrameworkQuestion", "compose_framework", "framework_question", "names_a_framework"]


class FrameworkIntent(StrEnum):
    MAPPING = "mapping"
    COVERAGE = "coverage"
    GAP_MAPPING = "gap_mapping"


_MAPPING = re.compile(
    r"\b(map(s|ped|ping)?|crosswalk\w*|correspond\w*|equivalents?|align\w*|relates?|related|"
    r"counterparts?|touch(es)?|line up|match(es)?)\b",
    re.I,
)
_COVERAGE = re.compile(r"\b(uncovered|not covered|cover(s|ed|age)?|leaves?|left out|miss(es|ing)?|untested)\b", re.I)
_UNCOVERED = re.compile(r"\b(uncovered|not covered|leaves?|left out|miss(es|ing)?|untested|not assessed)\b", re.I)
_GAPS = re.compile(r"\bgaps?\b", re.I)
_OURS = re.compile(r"\b(our|we|us)\b", re.I)
_FUNCTION_NAME = re.compile(r"\bMAP\b")  # NIST's MAP function, not the verb


def _asks_mapping(query: str) -> bool:
    """True when the query asks how controls map; "MAP 1.5" or "the MAP function" does not."""
    text = query
    for ident in identifiers(query):
        text = re.sub(re.escape(ident).replace("\\ ", r"\s*"), " ", text, flags=re.I)
    return bool(_MAPPING.search(_FUNCTION_NAME.sub(" ", text)))


@dataclass(frozen=True)
class FrameworkQuestion:
    intent: FrameworkIntent
    frameworks: tuple[Framework, ...]  # the frameworks named, first mention first
    control: Control | None = None  # the control a mapping question asks about
    dimensions: tuple[str, ...] = field(default=())  # dimensions a gap question names


def _control_in(query: str, catalog: Catalog, named: tuple[Framework, ...]) -> Control | None:
    """The control a query cites: a recognised identifier ("GOVERN 1.6", "§164.312"), else an
    id of a framework it names written out ("A.6.2.6" with "ISO 42001")."""
    for ident in identifiers(query):
        for fw in catalog.frameworks.values():
            c = fw.find(ident)
            if c is not None:
                return c
    for fw in named:
        for c in sorted(fw.controls, key=lambda c: -len(c.id)):
            if re.search(rf"(?<![\w.]){re.escape(c.id)}(?![\w.]|\.\d)", query, re.I):
                return c
    return None


def framework_question(
    query: str, catalog: Catalog, org: str | None, dimensions: tuple[str, ...] = ()
) -> FrameworkQuestion | None:
    """The framework question a query asks, or None when it is not one."""
    named = tuple(catalog.named_in(query))
    control = _control_in(query, catalog, named)
    if control is not None and _asks_mapping(query):
        others = tuple(fw for fw in named if fw.id != control.framework)
        return FrameworkQuestion(FrameworkIntent.MAPPING, others, control)
    if not named or not org:
        return None
    if _GAPS.search(query) and _asks_mapping(query) and (_OURS.search(query) or dimensions):
        return FrameworkQuestion(FrameworkIntent.GAP_MAPPING, named, None, dimensions)
    if _COVERAGE.search(query) and (_OURS.search(query) or "assessment" in query.lower()):
        return FrameworkQuestion(FrameworkIntent.COVERAGE, named)
    return None


def _sentences(chunk: Chunk) -> list[str]:
    return [chunk.text[s:e] for s, e in sentence_spans(chunk.text)]


def _mentions(sentence: str, fw: Framework, control_id: str) -> bool:
    return re.search(rf"{re.escape(fw.name)} {re.escape(control_id)}(?![\w.])", sentence) is not None


def _mapping_parts(q: FrameworkQuestion, catalog: Catalog, library: Library) -> list[Part]:
    assert q.control is not None
    fw = catalog.frameworks[q.control.framework]
    family = {q.control.id, *(c.id for c in fw.descendants(q.control.id))}
    targets = {t.id for t in q.frameworks}
    parts: list[Part] = []
    for cw in catalog.crosswalks:
        if fw.id not in (cw.source, cw.target):
            continue
        other = cw.target if cw.source == fw.id else cw.source
        if targets and other not in targets:
            continue
        for chunk in library.framework_chunks(source_for(Path(cw.file))):
            for s in _sentences(chunk):
                if any(_mentions(s, fw, cid) for cid in family):
                    parts.append(Part(s, [chunk], bullet=True, quotes=[s]))
    return parts


def _coverage_parts(q: FrameworkQuestion, history: OrgHistory, query: str) -> list[Part]:
    latest = history.latest
    if latest is None:
        return []
    facts = [Fact.COVERAGE]
    if _UNCOVERED.search(query):
        facts.append(Fact.UNCOVERED)
    elif _GAPS.search(query):
        facts.append(Fact.COVERAGE_GAPS)
    else:
        facts += [Fact.COVERED, Fact.COVERAGE_GAPS, Fact.UNCOVERED]
    parts = []
    for fw in q.frameworks:
        chunk = latest.chunks.coverage.get(fw.id)
        for i, fact in enumerate(facts):
            s = chunk.fact(fact) if chunk is not None else None
            if s:
                parts.append(Part(s, [chunk], bullet=bool(parts) and i > 0, quotes=[s]))
    return parts


def _gap_mapping_parts(q: FrameworkQuestion, history: OrgHistory, catalog: Catalog, library: Library) -> list[Part]:
    latest = history.latest
    if latest is None:
        return []
    gaps = [g for g in latest.card.gaps if not q.dimensions or g.dimension in q.dimensions][:3]
    evidence = [cw for cw in catalog.evidence]
    parts: list[Part] = []
    for g in gaps:
        qc = latest.chunks.questions.get(g.question_id)
        rows: list[Part] = []
        for ev in evidence:
            for chunk in library.framework_chunks(source_for(Path(ev.file))):
                for s in _sentences(chunk):
                    if s.startswith(f"Assessment question {g.question_id} ") and any(
                        fw.name in s for fw in q.frameworks
                    ):
                        rows.append(Part(s, [chunk], bullet=True, quotes=[s]))
        if qc is not None and rows:
            first = _sentences(qc)[0]
            parts.append(Part(first, [qc], bullet=bool(parts), quotes=[first]))
            parts += rows
    return parts


def compose_framework(
    query: str, q: FrameworkQuestion, catalog: Catalog, library: Library, history: OrgHistory | None
) -> Draft | None:
    """A cited draft for a framework question; None when the data holds nothing to quote."""
    if q.intent is FrameworkIntent.MAPPING:
        parts, kind = _mapping_parts(q, catalog, library), AnswerKind.GUIDANCE
    elif history is None:
        return None
    elif q.intent is FrameworkIntent.COVERAGE:
        parts, kind = _coverage_parts(q, history, query), AnswerKind.ASSESSMENT
    else:
        parts, kind = _gap_mapping_parts(q, history, catalog, library), AnswerKind.ASSESSMENT
    if not parts:
        return None
    parts[0].bullet = False
    return Draft(parts[:12], kind, 1.0)


#: Capitals that name no framework: roles, record systems, places and the subject itself.
_NOT_FRAMEWORK = frozenset(
    [
        "AI",
        "ML",
        "IT",
        "EHR",
        "EMR",
        "US",
        "USA",
        "UK",
        "EU",
        "PHI",
        "PII",
        "CEO",
        "CIO",
        "CMIO",
        "CMO",
        "CNO",
        "CFO",
        "COO",
        "CTO",
        "CISO",
        "CDO",
        "IRB",
        "QI",
        "ROI",
        "KPI",
        "LLM",
        "GPT",
        "OK",
    ]
)
#: An acronym as frameworks and standards are known by ("CSF", "CMMI", "EMRAM", "SOC 2", "FedRAMP").
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![\w-])")
#: A framework by what it is: "the Cybersecurity Framework", "Capability Maturity Model", "the
#: assurance framework", "this policy".
_FRAMEWORK_NOUN = re.compile(
    r"\b(?:[A-Z][\w-]*\s+){1,5}(?:Framework|Model|Standard|Profile|Act|Rule|Guide|Playbook|Blueprint|Scale|Matrix|"
    r"Regulation|Directive|Code)\b"
    r"|\b(?:the|this|that|its|their|a|an)\s+(?:[\w-]+\s+){0,3}?(?:framework|maturity model|standard|profile|playbook|"
    r"guidance|guideline|policy|rubric|scheme|regulation|rule|model card|act)s?\b"
)


def names_a_framework(text: str) -> bool:
    """Does the text name a framework, standard or guidance document, listed or not: a bundled
    framework's name, a standard's acronym ("NIST CSF", "CMMI"), or a titled or described one
    ("the Cybersecurity Framework", "the assurance framework")?"""
    if names_framework(text) or bundled_catalog().named_in(text):
        return True
    if any(m.group(0) not in _NOT_FRAMEWORK for m in _ACRONYM.finditer(text)):
        return True
    return _FRAMEWORK_NOUN.search(text) is not None
