"""Frameworks in use: crosswalk rows and coverage as citable chunks, chat answers from them,
coverage on the dashboard, controls on recommendations, a framework YAML added through the Library."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.answer.frameworks import FrameworkIntent, framework_question
from advisor.assessment import load_instrument, load_results, score
from advisor.assessment.coverage import coverage_chunks
from advisor.chunk import DocType, Fact, ResultKind
from advisor.frameworks import bundled_catalog, coverage
from advisor.frameworks.records import CoverageState
from advisor.ingest import load_chunks
from advisor.retrieve import Filters, _headings
from advisor.ui.frameworks import coverage_rows, framework_coverages, store_framework

from .test_custom import STATE_LAW

ROOT = Path(__file__).resolve().parents[2]
CROSSWALKS = ROOT / "corpus" / "frameworks" / "crosswalks"
NORTHBRIDGE = ROOT / "corpus" / "assessment" / "results" / "northbridge-academic-2026-10-15.json"


def test_each_crosswalk_row_is_a_sentence_naming_both_controls():
    path = CROSSWALKS / "nist-ai-rmf--iso-iec-42001.yaml"
    chunks = load_chunks(path, "corpus/frameworks/crosswalks/x.yaml", doc_type=DocType.FRAMEWORK)
    cw = next(c for c in bundled_catalog().crosswalks if c.id == "nist-ai-rmf--iso-iec-42001")
    text = " ".join(c.text for c in chunks)
    for m in cw.mappings:
        assert f"Framework {m.source} (" in text and f"42001 AI management system {m.target} (" in text, m
    gov16 = next(c for c in chunks if c.section.startswith("GOVERN 1.6 "))
    assert "A.4.2" in gov16.text and "related" in gov16.text
    assert all(c.doc_type == DocType.FRAMEWORK for c in chunks)


def test_coverage_chunk_states_what_the_coverage_query_computes():
    inst = load_instrument()
    results = load_results(NORTHBRIDGE, inst)
    card = score(results, inst)
    chunks = coverage_chunks(results, card, inst, start=100)
    rmf = next(c for c in chunks if c.meta["covers"] == "nist-ai-rmf")
    assert rmf.result_kind is ResultKind.COVERAGE and rmf.org == "northbridge-academic"
    cov = coverage(
        bundled_catalog(),
        "nist-ai-rmf",
        {q: card.question_scores.get(q) for q in inst.question_ids},
        {q.id: float(q.target) for q in inst.questions},
    )
    uncovered = rmf.fact(Fact.UNCOVERED)
    assert uncovered is not None and uncovered.endswith(", ".join(cov.ids(CoverageState.UNASSESSED)) + ".")
    counts = rmf.fact(Fact.COVERAGE)
    assert f"covers {len(cov.ids(CoverageState.COVERED))} of 72 subcategories" in counts
    # the dashboard's table and the chunk agree
    row = next(
        r for r in coverage_rows(framework_coverages(bundled_catalog(), card, inst)) if "NIST AI Risk" in r["Framework"]
    )
    assert row["Not assessed"] == len(cov.ids(CoverageState.UNASSESSED))


def test_a_framework_yaml_from_the_library_is_validated_and_kept(tmp_path):
    stored, problem = store_framework(tmp_path, "state-law.yaml", STATE_LAW.encode())
    assert problem == "" and stored == tmp_path / "frameworks" / "state-law.yaml" and stored.is_file()
    bad, problem = store_framework(
        tmp_path, "broken.yaml", STATE_LAW.replace("level: duty", "level: clause", 1).encode()
    )
    assert bad is None and "broken.yaml" in problem and "level" in problem and ":" in problem
    assert not (tmp_path / "frameworks" / "broken.yaml").exists()
    assert [p.name for p in (tmp_path / "frameworks").iterdir()] == ["state-law.yaml"]


@pytest.mark.slow
def test_framework_questions_are_answered_from_the_data_with_citations(shared_corpus_advisor):
    adv = shared_corpus_advisor
    ans = adv.ask("What does GOVERN 1.6 map to in ISO 42001?")
    assert not ans.abstained and "A.4.2" in ans.answer
    assert all("nist-ai-rmf--iso-iec-42001" in c.source for c in ans.citations)
    assert not any("EU AI Act" in s for s in ans.answer.split("\n"))  # only the framework asked about

    ans = adv.ask("Which AI RMF subcategories does our assessment leave uncovered?", org="northbridge-academic")
    assert not ans.abstained and "GOVERN 1.1" in ans.answer and "leaves uncovered" in ans.answer
    assert any(c.source.endswith("northbridge-academic-2026-10-15.json") for c in ans.citations)

    ans = adv.ask("What in ISO/IEC 42001 does our governance gap also touch?", org="northbridge-academic")
    assert not ans.abstained and "ISO/IEC 42001" in ans.answer
    sources = {c.source for c in ans.citations}
    assert any("instrument-evidence" in s for s in sources) and any("northbridge" in s for s in sources)

    # without an organization, a coverage question is not answered from anyone's results
    ans = adv.ask("Which AI RMF subcategories does our assessment leave uncovered?")
    assert not any("northbridge" in c.source for c in ans.citations)


@pytest.mark.slow
def test_framework_rows_never_surface_in_ordinary_search(shared_corpus_advisor):
    hits = shared_corpus_advisor.retriever.search("GOVERN 1.6 inventory ISO 42001 crosswalk", k=20).hits
    assert hits and all(h.chunk.doc_type != DocType.FRAMEWORK for h in hits)
    rows = shared_corpus_advisor.retriever.search("GOVERN 1.6", k=5, filters=Filters(doc_types=(DocType.FRAMEWORK,)))
    assert rows and all(h.chunk.doc_type == DocType.FRAMEWORK for h in rows)


@pytest.mark.slow
def test_recommendations_name_the_controls_they_advance(shared_corpus_advisor):
    from advisor import recommend

    report = recommend.build_report(shared_corpus_advisor, "northbridge-academic")
    gov = [r for r in report.recommendations if "GOV-2" in r.question_ids]
    assert gov and any(c.startswith("NIST AI RMF GOVERN") for c in gov[0].controls)
    assert "Advances" in recommend.to_markdown(report)


def test_a_custom_crosswalk_is_indexed_as_framework_data(tmp_path):
    fw = tmp_path / "frameworks" / "state.yaml"
    fw.parent.mkdir()
    fw.write_text(STATE_LAW, encoding="utf-8")
    chunks = load_chunks(fw, str(fw), doc_type=DocType.FRAMEWORK)
    assert [c.section for c in chunks] == ["S1(a) — Patient notice", "S1(b) — Human contact"]
    assert "Readiness Advisor summary" in chunks[0].text


@pytest.mark.parametrize(
    "question,mapping",
    [
        ("What does MAP 1.5 require?", False),  # the MAP function's id is not the verb "map"
        ("What is in the MAP function?", False),
        ("How does MAP 1.5 map to ISO/IEC 42001?", True),
        ("Which ISO/IEC 42001 controls correspond to GOVERN 1.6?", True),
    ],
)
def test_a_control_question_is_a_mapping_question_only_when_it_asks_for_one(question, mapping):
    q = framework_question(question, bundled_catalog(), None)
    assert (q is not None and q.intent == FrameworkIntent.MAPPING) is mapping, q


def test_crosswalk_rows_do_not_define_what_an_identifier_means_in_queries():
    paths = [CROSSWALKS / "nist-ai-rmf--iso-iec-42001.yaml"]
    chunks = [
        c for p in paths for c in load_chunks(p, f"corpus/frameworks/crosswalks/{p.name}", doc_type=DocType.FRAMEWORK)
    ]
    guidance = ROOT / "corpus" / "guidance" / "nist-ai-rmf-govern.md"
    chunks += load_chunks(guidance, "corpus/guidance/nist-ai-rmf-govern.md", doc_type=DocType.GUIDANCE)
    assert _headings(chunks)["GOVERN 1.6"] == "Mechanisms to inventory AI systems"
