"""Load framework, crosswalk and question-evidence YAML into records, validating as we go.

A file's `schema:` says what it is: `advisor-framework/1`, `advisor-crosswalk/1` or
`advisor-evidence/1` (corpus/frameworks/README.md documents each). Bundled files live in
corpus/frameworks/ and corpus/frameworks/crosswalks/; a user adds their own by placing YAML in
ADVISOR_HOME/frameworks/ (or passing paths), with no code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from ..currency import Status
from ..errors import FrameworkError
from ..settings import CORPUS_DIR
from .records import (
    Catalog,
    Control,
    ControlMapping,
    Crosswalk,
    Evidence,
    EvidenceMap,
    Framework,
    Level,
    Link,
    Strength,
    Unmatched,
    norm_ref,
)
from .yamlsrc import Obj, compose

BUNDLED_DIR = CORPUS_DIR / "frameworks"
GUIDANCE_DIR = CORPUS_DIR / "guidance"
FRAMEWORK, CROSSWALK, EVIDENCE = "advisor-framework/1", "advisor-crosswalk/1", "advisor-evidence/1"
SCHEMAS = (FRAMEWORK, CROSSWALK, EVIDENCE)
# model-card review rules that live beside the frameworks; advisor.cards reads them, the catalog skips them
CARD_REVIEW_SCHEMAS = ("advisor-card-labels/1", "advisor-card-checks/1", "advisor-card-questions/1",
                       "advisor-card-gates/1")  # fmt: skip
STATUSES = tuple(s.value for s in Status)
STRENGTHS = tuple(s.value for s in Strength)
QUESTION_ID = re.compile(r"[A-Z][A-Z0-9]*-\d+")
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def user_dir(home: Path) -> Path:
    """Where a user drops their own framework and crosswalk YAML: ADVISOR_HOME/frameworks."""
    return home / "frameworks"


def _yaml_files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(x for x in p.rglob("*") if x.suffix in (".yaml", ".yml") and x.is_file())
        else:
            out.append(p)
    return out


def _control(o: Obj, fw_id: str, level_ids: tuple[str, ...]) -> Control:
    o.only("id", "level", "parent", "title", "summary", "aliases", "links", "properties")
    level = o.choice("level", level_ids)
    links = []
    for lo in o.objs("links", required=False):
        lo.only("document", "section")
        links.append(Link(lo.slug("document"), lo.text("section", one_line=True)))
    return Control(
        framework=fw_id,
        id=o.text("id", one_line=True),
        level=level,
        title=o.text("title", one_line=True),
        summary=o.text("summary", one_line=True),
        parent=o.text("parent", required=False) or None,
        aliases=tuple(o.texts("aliases")),
        links=tuple(links),
        properties=tuple(o.pairs("properties")),
        line=o.line,
    )


def _check_tree(controls: list[Control], items: list[Obj], level_ids: tuple[str, ...]) -> None:
    seen: dict[str, Control] = {}
    for c, co in zip(controls, items, strict=True):
        for ref in (c.id, *c.aliases):
            if norm_ref(ref) in seen:
                raise co.fail(co.node, "id", f"'{ref}' is already used by control '{seen[norm_ref(ref)].id}'")
            seen[norm_ref(ref)] = c
    for c, co in zip(controls, items, strict=True):
        if c.parent is None:
            continue
        parent = seen.get(norm_ref(c.parent))
        if parent is None or parent.id != c.parent:
            raise co.fail(co.fields["parent"][1], "parent", f"no control with id '{c.parent}' in this framework")
        if level_ids.index(parent.level) >= level_ids.index(c.level):
            raise co.fail(
                co.fields["parent"][1], "parent", f"'{c.parent}' is at level '{parent.level}', not above '{c.level}'"
            )


def parse_framework(o: Obj) -> Framework:
    o.only("schema", "id", "name", "version", "publisher", "source_url", "status", "as_of", "levels",
           "assessable_levels", "controls", "notes", "short_names")  # fmt: skip
    levels = []
    for lo in o.objs("levels"):
        lo.only("id", "name")
        levels.append(Level(lo.slug("id"), lo.text("name")))
    level_ids = tuple(lv.id for lv in levels)
    if len(set(level_ids)) != len(level_ids):
        raise o.fail(o.value_node("levels"), "levels", "level ids must be unique")
    assessable = o.texts("assessable_levels")
    if not assessable:
        raise o.fail(o.node, "assessable_levels", "is required: the levels whose entries are counted and assessed")
    for name in assessable:
        if name not in level_ids:
            raise o.fail(o.value_node("assessable_levels"), "assessable_levels", f"'{name}' is not one of the levels")
    fw_id = o.slug("id")
    items = o.objs("controls")
    controls = [_control(co, fw_id, level_ids) for co in items]
    _check_tree(controls, items, level_ids)
    return Framework(
        id=fw_id,
        name=o.text("name", one_line=True),
        version=o.text("version", one_line=True),
        publisher=o.text("publisher", required=False),
        source_url=o.text("source_url", required=False),
        status=Status(o.choice("status", STATUSES, required=False) or "guidance"),
        as_of=o.date("as_of"),
        levels=tuple(levels),
        assessable_levels=tuple(assessable),
        controls=tuple(controls),
        file=o.file,
        short_names=tuple(o.texts("short_names")),
    )


def _resolve(o: Obj, key: str, fw: Framework) -> str:
    ref = o.text(key, one_line=True)
    found = fw.find(ref)
    if found is None:
        raise o.fail(o.fields[key][1], key, f"no control '{ref}' in framework '{fw.id}'")
    return found.id


def _framework_ref(o: Obj, key: str, frameworks: dict[str, Framework]) -> Framework:
    ref = o.text(key)
    if ref not in frameworks:
        known = ", ".join(sorted(frameworks)) or "none"
        raise o.fail(o.fields[key][1], key, f"no framework with id '{ref}' is loaded; loaded: {known}")
    return frameworks[ref]


def parse_crosswalk(o: Obj, frameworks: dict[str, Framework]) -> Crosswalk:
    o.only("schema", "id", "name", "source", "target", "basis", "as_of", "mappings", "unmatched")
    cw_id = o.slug("id")
    src, tgt = _framework_ref(o, "source", frameworks), _framework_ref(o, "target", frameworks)
    if src.id == tgt.id:
        raise o.fail(o.fields["target"][1], "target", "must differ from source")
    rows, pairs = [], set()
    for mo in o.objs("mappings"):
        mo.only("source", "target", "strength", "rationale")
        row = ControlMapping(
            crosswalk=cw_id,
            source_framework=src.id,
            source=_resolve(mo, "source", src),
            target_framework=tgt.id,
            target=_resolve(mo, "target", tgt),
            strength=Strength(mo.choice("strength", STRENGTHS)),
            rationale=mo.text("rationale", one_line=True),
        )
        if (row.source, row.target) in pairs:
            raise mo.fail(mo.node, "", f"maps {row.source} to {row.target} a second time")
        pairs.add((row.source, row.target))
        rows.append(row)
    unmatched = []
    for uo in o.objs("unmatched", required=False):
        uo.only("source", "rationale")
        unmatched.append(Unmatched(_resolve(uo, "source", src), uo.text("rationale", one_line=True)))
    return Crosswalk(cw_id, o.text("name"), src.id, tgt.id, o.text("basis"), o.date("as_of"), tuple(rows),
                     tuple(unmatched), o.file)  # fmt: skip


def parse_evidence(o: Obj, frameworks: dict[str, Framework]) -> EvidenceMap:
    o.only("schema", "id", "name", "instrument", "questions")
    questions = Obj(o.file, o.value_node("questions"), "questions")
    rows = []
    for qid, (key, _) in questions.fields.items():
        if not QUESTION_ID.fullmatch(qid):
            raise questions.fail(key, qid, "is not a question id like 'GOV-2'")
        for eo in questions.objs(qid):
            eo.only("framework", "control", "strength", "rationale")
            fw = _framework_ref(eo, "framework", frameworks)
            strength = Strength(eo.choice("strength", STRENGTHS))
            rows.append(
                Evidence(qid, fw.id, _resolve(eo, "control", fw), strength, eo.text("rationale", one_line=True))
            )
    return EvidenceMap(o.slug("id"), o.text("name"), o.text("instrument"), tuple(rows), o.file)


def _read(path: Path) -> tuple[str, Obj]:
    file, node = compose(path)
    o = Obj(file, node)
    kind = o.choice("schema", SCHEMAS + CARD_REVIEW_SCHEMAS)
    return kind, o


def load_catalog(paths: Iterable[Path] = (), bundled: bool = True) -> Catalog:
    """Bundled frameworks and crosswalks (unless bundled=False) plus the YAML files or folders given."""
    files = _yaml_files(([BUNDLED_DIR] if bundled else []) + list(paths))
    read = [r for r in (_read(p) for p in files) if r[0] in SCHEMAS]
    frameworks: dict[str, Framework] = {}
    for kind, o in read:
        if kind != FRAMEWORK:
            continue
        fw = parse_framework(o)
        if fw.id in frameworks:
            raise o.fail(o.fields["id"][1], "id", f"framework '{fw.id}' is already defined in {frameworks[fw.id].file}")
        frameworks[fw.id] = fw
    crosswalks: list[Crosswalk] = []
    evidence: list[EvidenceMap] = []
    ids: set[str] = set()
    for kind, o in read:
        if kind == FRAMEWORK:
            continue
        item = parse_crosswalk(o, frameworks) if kind == CROSSWALK else parse_evidence(o, frameworks)
        if item.id in ids:
            raise o.fail(o.fields["id"][1], "id", f"'{item.id}' is already used by another crosswalk or evidence file")
        ids.add(item.id)
        if isinstance(item, Crosswalk):
            crosswalks.append(item)
        else:
            evidence.append(item)
    return Catalog(frameworks, tuple(crosswalks), tuple(evidence))


@functools.lru_cache(maxsize=1)
def bundled_catalog() -> Catalog:
    """The bundled frameworks and crosswalks, read once per process (records are immutable)."""
    return load_catalog()


def load_file(path: Path, catalog: Catalog | None = None) -> Framework | Crosswalk | EvidenceMap:
    """One YAML file; crosswalk and evidence files resolve against `catalog` (the bundled one by default)."""
    kind, o = _read(path)
    if kind in CARD_REVIEW_SCHEMAS:
        raise o.fail(o.fields["schema"][1], "schema", "is a model-card review file (read by advisor review-card), "
                     "not a framework, crosswalk or evidence file")  # fmt: skip
    if kind == FRAMEWORK:
        return parse_framework(o)
    frameworks = (catalog or load_catalog()).frameworks
    return parse_crosswalk(o, frameworks) if kind == CROSSWALK else parse_evidence(o, frameworks)


def headings(markdown: str) -> list[str]:
    """Heading texts of a Markdown document, outside fenced code."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := _HEADING.match(line)):
            out.append(m.group(2))
    return out


def broken_links(framework: Framework, guidance_dir: Path = GUIDANCE_DIR) -> list[str]:
    """Links that do not resolve to a heading of a guidance document, one message each."""
    cache: dict[str, set[str] | None] = {}
    problems = []
    for c in framework.controls:
        for link in c.links:
            if link.document not in cache:
                p = guidance_dir / f"{link.document}.md"
                cache[link.document] = set(headings(p.read_text(encoding="utf-8"))) if p.is_file() else None
            found = cache[link.document]
            if found is None:
                problems.append(f"{framework.file}:{c.line}: {c.id}: no guidance document '{link.document}'")
            elif link.section not in found:
                problems.append(f"{framework.file}:{c.line}: {c.id}: no heading '{link.section}' in {link.document}")
    return problems


def validation_error(path: Path) -> FrameworkError | None:
    """The error loading this one YAML file would raise, or None: for a UI that checks an upload."""
    try:
        load_file(path)
    except FrameworkError as exc:
        return exc
    return None
