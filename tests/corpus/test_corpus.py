"""The bundled guidance corpus: front matter, the 72 NIST subcategories, and key facts."""

from __future__ import annotations

import re

import pytest
import yaml

from advisor.guard import looks_like_injection
from advisor.ingest import load_document, parse_front_matter
from advisor.text import split_sentences

from ..conftest import ROOT

GUIDANCE = ROOT / "corpus" / "guidance"
DOCS = sorted(GUIDANCE.glob("*.md"))
REQUIRED = ("title", "publisher", "source_url", "framework", "sections", "scope", "last_reviewed")

NIST_IDS = (
    [f"GOVERN {c}.{s}" for c, n in ((1, 7), (2, 3), (3, 2), (4, 3), (5, 2), (6, 2)) for s in range(1, n + 1)]
    + [f"MAP {c}.{s}" for c, n in ((1, 6), (2, 3), (3, 5), (4, 2), (5, 2)) for s in range(1, n + 1)]
    + [f"MEASURE {c}.{s}" for c, n in ((1, 3), (2, 13), (3, 3), (4, 3)) for s in range(1, n + 1)]
    + [f"MANAGE {c}.{s}" for c, n in ((1, 4), (2, 4), (3, 2), (4, 3)) for s in range(1, n + 1)]
)


def test_there_are_at_least_thirty_documents():
    assert len(DOCS) >= 30


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_front_matter(path):
    meta, body = parse_front_matter(path.read_text(encoding="utf-8"), path)
    missing = [k for k in REQUIRED if not meta.get(k)]
    assert not missing, f"{path.name}: missing {missing}"
    assert meta.get("published") or meta.get("version"), f"{path.name}: needs published or version"
    assert "\n" not in str(meta["scope"]).strip(), "scope is one line"
    assert str(meta["source_url"]).startswith("http"), "source_url is a URL"
    assert isinstance(meta["sections"], list) and meta["sections"]
    assert re.fullmatch(r"[a-z0-9-]+", str(meta["framework"])), "framework is a slug"
    assert len(body.split()) > 300, "a document has substance"


def test_nist_function_documents_hold_all_72_subcategories_once():
    counts = dict.fromkeys(NIST_IDS, 0)
    item = re.compile(r"^\s*(?:#{1,6}|[-*+]|\d+[.)])\s+(?:\*\*)?((?:GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+)\b", re.M)
    for name in ("govern", "map", "measure", "manage"):
        text = (GUIDANCE / f"nist-ai-rmf-{name}.md").read_text(encoding="utf-8")
        for m in item.finditer(text):
            assert m.group(1) in counts, f"unknown subcategory {m.group(1)} in {name}"
            counts[m.group(1)] += 1
    assert len(NIST_IDS) == 72
    wrong = {k: v for k, v in counts.items() if v != 1}
    assert not wrong, f"each of the 72 ids must appear exactly once as a heading or list item: {wrong}"


def test_no_document_contradicts_the_fact_sheet():
    text = "\n".join(p.read_text(encoding="utf-8") for p in DOCS)
    for sentence in split_sentences(text):
        if re.search(r"\b73 subcategories", sentence):  # only ever mentioned to correct it
            assert re.search(r"wrong|incorrect|not 73", sentence), sentence
    assert "26 January 2023" in text  # AI RMF 1.0 release
    assert "9 January 2024" in text  # HTI-1 publication
    assert re.search(r"\b38 (?:reference )?controls", text)  # ISO/IEC 42001 Annex A
    assert "1 May 2025" in text  # Section 1557 §92.210 compliance date
    assert not re.search(r"AI RMF(?: 1\.0)? (?:was )?(?:released|published) (?:in|on) [^.\n]*2022", text)


def test_bundled_guidance_carries_no_instruction_like_text():
    flagged = []
    for p in DOCS:
        for block in load_document(p, str(p)).blocks:
            flagged += [f"{p.name}: {s}" for s in split_sentences(block.text) if looks_like_injection(s)]
    assert not flagged, flagged


def test_instrument_references_point_at_existing_documents_and_sections():
    inst = yaml.safe_load((GUIDANCE.parent / "assessment" / "instrument.yaml").read_text(encoding="utf-8"))
    stems = {p.stem for p in DOCS}
    refs = [r for d in inst["dimensions"] for q in d["questions"] for r in q.get("references", [])]
    assert refs
    missing = sorted({r["document"] for r in refs} - stems)
    assert not missing, f"instrument references unknown documents: {missing}"
