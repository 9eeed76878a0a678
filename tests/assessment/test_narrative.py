"""Citable chunks stating an assessment."""

from __future__ import annotations

from advisor.assessment import load_results, result_chunks
from advisor.ingest import Chunk

from .helpers import MERIDIAN_1, MERIDIAN_2, NORTHBRIDGE, PRAIRIE


def test_result_chunks(inst):
    r = load_results(MERIDIAN_2, inst)
    chunks = result_chunks(r, inst)
    assert all(isinstance(c, Chunk) for c in chunks)
    kinds = [c.meta["kind"] for c in chunks]
    assert kinds.count("question") == 48
    assert kinds.count("dimension") == 8
    assert kinds.count("summary") == 1
    assert kinds.count("use_case") == len(inst.use_cases)
    for c in chunks:
        assert c.org == "meridian-health" and c.doc_type == "assessment"
        assert c.framework == "readiness-assessment"
        assert c.source == str(MERIDIAN_2)
        assert c.title == "Readiness assessment — Meridian Health Partners (2026-09-30)"
        assert "Meridian Health Partners" in c.text and "2026-09-30" in c.text
        assert c.meta["date"] == "2026-09-30"
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    assert [c.position for c in chunks] == list(range(len(chunks)))

    gov2 = next(c for c in chunks if c.meta.get("question_id") == "GOV-2" and c.meta["kind"] == "question")
    assert gov2.section.startswith("GOV-2 — ")
    assert gov2.text.startswith("GOV-2 (Governance & risk) scored 3/5 on 2026-09-30 for Meridian Health Partners:")
    assert gov2.meta["score"] == 3 and gov2.meta["dimension"] == "GOV"
    assert "target for scaling AI on GOV-2 is 4/5" in gov2.text
    summary = next(c for c in chunks if c.meta["kind"] == "summary")
    assert "47.3/100" in summary.text and "Developing" in summary.text and "B3" in summary.text
    dim = next(c for c in chunks if c.meta["kind"] == "dimension" and c.meta["dimension"] == "DATA")
    assert dim.text.startswith("Data readiness (DATA) scored 2.7/5 for Meridian Health Partners")


def test_result_chunk_ids_are_deterministic(inst):
    a = result_chunks(load_results(NORTHBRIDGE, inst), inst)
    b = result_chunks(load_results(NORTHBRIDGE, inst), inst)
    assert [c.chunk_id for c in a] == [c.chunk_id for c in b]
    assert [c.text for c in a] == [c.text for c in b]
    other = result_chunks(load_results(MERIDIAN_1, inst), inst)
    assert not {c.chunk_id for c in a} & {c.chunk_id for c in other}


def test_unanswered_question_chunk(inst):
    chunks = result_chunks(load_results(PRAIRIE, inst), inst)
    v3 = next(c for c in chunks if c.meta.get("question_id") == "VALUE-3" and c.meta["kind"] == "question")
    assert v3.meta["answered"] is False and "score" not in v3.meta
    assert "was not answered in the 2026-08-20 readiness assessment for Prairie Bend Community Hospital" in v3.text


def test_chunk_meta_is_flat(inst):
    for c in result_chunks(load_results(NORTHBRIDGE, inst), inst):
        for k, v in c.meta.items():
            assert isinstance(v, (str, int, float, bool)), (k, v)
