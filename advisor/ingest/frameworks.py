"""Frameworks, crosswalks and question-evidence maps (YAML) as citable passages.

Each control, each source control's crosswalk rows and each question's evidence rows become one
section whose sentences state the data in words, so a framework answer quotes a sentence that
says exactly what the data says, and cites it like any passage. The words are the project's own
(the YAML's summaries and rationales), labelled as such.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import FrameworkError
from ..frameworks import BUNDLED_DIR, bundled_catalog, load_catalog, load_file
from ..frameworks.records import Catalog, Control, Crosswalk, EvidenceMap, Framework
from .document import Block, Document, fail
from .registry import register_loader

FRAMEWORK_LOADER = "framework"
SUFFIXES = (".yaml", ".yml")


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _catalog_for(path: Path) -> Catalog:
    """The bundled catalog, plus this file when it is not one of the bundled ones."""
    bundled = path.resolve().is_relative_to(BUNDLED_DIR.resolve())
    return bundled_catalog() if bundled else load_catalog((path,))


def _name(catalog: Catalog, fw_id: str, control_id: str) -> str:
    fw = catalog.frameworks.get(fw_id)
    c = fw.find(control_id) if fw else None
    return f"{control_id} ({c.title})" if c else control_id


def _framework_blocks(fw: Framework) -> list[Block]:
    def text(c: Control) -> str:
        parent = f" It sits under {c.parent}." if c.parent else ""
        return f"{fw.name}, {c.id} — {c.title}. Readiness Advisor summary: {_sentence(c.summary)}{parent}"

    return [Block(text(c), section=f"{c.id} — {c.title}") for c in fw.assessable]


def _crosswalk_blocks(cw: Crosswalk, catalog: Catalog) -> list[Block]:
    src, tgt = catalog.frameworks[cw.source], catalog.frameworks[cw.target]
    blocks: dict[str, list[str]] = {}
    for m in cw.mappings:
        blocks.setdefault(m.source, []).append(
            f"In the Readiness Advisor crosswalk, {src.name} {_name(catalog, src.id, m.source)} maps to "
            f"{tgt.name} {_name(catalog, tgt.id, m.target)} as {m.strength} controls: {_sentence(m.rationale)}"
        )
    for u in cw.unmatched:
        blocks.setdefault(u.control, []).append(
            f"In the Readiness Advisor crosswalk, {src.name} {_name(catalog, src.id, u.control)} has no counterpart "
            f"in {tgt.name}: {_sentence(u.rationale)}"
        )
    return [Block(" ".join(lines), section=f"{control} → {tgt.name}") for control, lines in blocks.items()]


def _evidence_blocks(ev: EvidenceMap, catalog: Catalog) -> list[Block]:
    blocks: dict[str, list[str]] = {}
    for r in ev.rows:
        fw = catalog.frameworks[r.framework]
        blocks.setdefault(r.question, []).append(
            f"Assessment question {r.question} is {r.strength} evidence for {fw.name} "
            f"{_name(catalog, fw.id, r.control)}: {_sentence(r.rationale)}"
        )
    return [Block(" ".join(lines), section=f"{q} — framework evidence") for q, lines in blocks.items()]


def load_framework_yaml(path: Path, source: str) -> Document:
    """A framework, crosswalk or evidence-map YAML file as a document; IngestError when invalid."""
    try:
        catalog = _catalog_for(path)
        item = load_file(path, catalog)
    except FrameworkError as exc:
        raise fail(path, f"{exc.field}: {exc.problem} (line {exc.line}); see corpus/frameworks/README.md") from None
    if isinstance(item, Framework):
        meta = {"source_url": item.source_url, "version": item.version, "status": str(item.status)}
        if item.as_of:
            meta["as_of"] = item.as_of.isoformat()
        return Document(
            source, item.name, _framework_blocks(item), framework=item.id, publisher=item.publisher, meta=meta
        )
    if isinstance(item, Crosswalk):
        meta = {"as_of": item.as_of.isoformat()} if item.as_of else {}
        return Document(source, item.name, _crosswalk_blocks(item, catalog), framework=item.source, meta=meta)
    return Document(source, item.name, _evidence_blocks(item, catalog), framework="readiness-assessment")


register_loader(SUFFIXES, FRAMEWORK_LOADER, load_framework_yaml)
