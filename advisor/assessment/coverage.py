"""How one assessment covers each framework, stated as citable chunks.

The instrument's questions evidence framework controls (corpus/frameworks/crosswalks/
instrument-evidence.yaml); from an assessment's scores each assessable control is covered
(every deciding question at its target), a gap, or not assessed. One chunk per framework
states the counts and the three lists, one named fact per sentence, so chat cites exactly the
sentence that answers "which AI RMF subcategories does our assessment leave uncovered?".
"""

from __future__ import annotations

from ..chunk import Chunk, DocType, Fact, ResultKind, fact_meta, make_chunk_id
from ..frameworks import bundled_catalog, coverage
from ..frameworks.queries import FrameworkCoverage
from ..frameworks.records import Catalog, CoverageState, Framework
from .instrument import Instrument
from .results import Results
from .scoring import Scorecard

__all__ = ["COVERAGE_SECTION", "coverage_chunks", "evidenced_frameworks", "plural_unit"]

COVERAGE_SECTION = "Framework coverage — "


def plural_unit(fw: Framework) -> str:
    """What the framework's assessable entries are called, plural ("subcategories", "controls")."""
    level = next((lv.name for lv in fw.levels if lv.id in fw.assessable_levels), "control")
    if level[:1].isupper() and level[1:2].islower():  # "Subcategory", not "DSI attribute"
        level = level[0].lower() + level[1:]
    return level[:-1] + "ies" if level.endswith("y") and level[-2:-1] not in "aeiou" else level + "s"


def evidenced_frameworks(catalog: Catalog) -> list[Framework]:
    """Frameworks some instrument question evidences, in catalog order."""
    ids = {r.framework for r in catalog.evidence_rows()}
    return [fw for fw in catalog.frameworks.values() if fw.id in ids]


def _ids(cov: FrameworkCoverage, state: CoverageState) -> str:
    ids = cov.ids(state)
    return ", ".join(ids) if ids else "none"


def _facts(cov: FrameworkCoverage, who: str, when: str) -> list[tuple[Fact, str]]:
    fw, unit = cov.framework, plural_unit(cov.framework)
    n = cov.counts
    total = len(cov.controls)
    return [
        (
            Fact.COVERAGE,
            f"Against {fw.name}, {who}'s {when} readiness assessment covers {n['covered']} of {total} {unit}, "
            f"shows gaps in {n['gap']} and leaves {n['unassessed']} uncovered.",
        ),
        (Fact.COVERED, f"{fw.name} {unit} that {who}'s {when} assessment covers: {_ids(cov, CoverageState.COVERED)}."),
        (
            Fact.COVERAGE_GAPS,
            f"{fw.name} {unit} where {who}'s {when} assessment shows gaps: {_ids(cov, CoverageState.GAP)}.",
        ),
        (
            Fact.UNCOVERED,
            f"{fw.name} {unit} that {who}'s {when} assessment leaves uncovered, because no scored question "
            f"evidences them: {_ids(cov, CoverageState.UNASSESSED)}.",
        ),
    ]


def coverage_chunks(
    results: Results, card: Scorecard, instrument: Instrument, start: int, catalog: Catalog | None = None
) -> list[Chunk]:
    """One chunk per framework the instrument evidences, positioned after the assessment's other chunks."""
    catalog = catalog or bundled_catalog()
    targets = {q.id: float(q.target) for q in instrument.questions}
    scores = {qid: card.question_scores.get(qid) for qid in instrument.question_ids}
    who = results.org_name
    out = []
    for pos, fw in enumerate(evidenced_frameworks(catalog), start=start):
        facts = _facts(coverage(catalog, fw.id, scores, targets), who, results.date)
        spans, at = {}, 0
        for fact, text in facts:
            spans[fact] = (at, at + len(text))
            at += len(text) + 1
        text = " ".join(t for _, t in facts)
        meta = {
            "org": results.org,
            "org_name": who,
            "date": results.date,
            "instrument_version": card.instrument_version,
            "kind": ResultKind.COVERAGE,
            "covers": fw.id,
            **fact_meta(spans),
        }
        out.append(
            Chunk(
                chunk_id=make_chunk_id(results.source, pos, text),
                text=text,
                source=results.source,
                title=f"Readiness assessment — {who} ({results.date})",
                section=COVERAGE_SECTION + fw.name,
                framework="readiness-assessment",
                doc_type=DocType.ASSESSMENT,
                org=results.org,
                position=pos,
                publisher=who,
                meta=meta,
            )
        )
    return out
