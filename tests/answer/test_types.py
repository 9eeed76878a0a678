"""The answer JSON (PRODUCT.md) and the answer records: kind and mode are named, JSON is the contract."""

from __future__ import annotations

import json

from advisor.answer import Answer, AnswerKind, AnswerMode, Citation


def _answer(**kw) -> Answer:
    base = dict(
        question="What does GOVERN 1.6 require?",
        query="What does GOVERN 1.6 require?",
        answer="GOVERN 1.6 calls for an inventory of AI systems [1].",
        abstained=False,
        mode=AnswerMode.OFFLINE,
        citations=[
            Citation(
                1,
                "nist-govern-0001",
                "corpus/guidance/nist-ai-rmf-govern.md",
                "NIST AI RMF: Govern",
                "GOVERN 1.6",
                None,
                "GOVERN 1.6 calls for an inventory of AI systems.",
                publisher="NIST",
                doc_type="guidance",
                source_url="https://example.org/nist",
            )
        ],
        timings_ms={"rewrite": 0.04, "retrieve": 12.345, "compose": 4.56},
        notice="shown in the app only",
        kind=AnswerKind.GUIDANCE,
        confidence=0.93,
    )
    return Answer(**(base | kw))


def test_answer_json_is_the_contract_byte_for_byte():
    assert json.dumps(_answer().to_dict()) == (
        '{"question": "What does GOVERN 1.6 require?", "query": "What does GOVERN 1.6 require?", '
        '"answer": "GOVERN 1.6 calls for an inventory of AI systems [1].", "abstained": false, "mode": "offline", '
        '"citations": [{"marker": 1, "chunk_id": "nist-govern-0001", '
        '"source": "corpus/guidance/nist-ai-rmf-govern.md", "title": "NIST AI RMF: Govern", '
        '"section": "GOVERN 1.6", "page": null, "quote": "GOVERN 1.6 calls for an inventory of AI systems."}], '
        '"unsupported": [], "timings_ms": {"rewrite": 0.0, "retrieve": 12.3, "compose": 4.6}}'
    )


def test_kind_and_mode_are_named_and_equal_their_strings():
    d = _answer(mode=AnswerMode.LLM).to_dict()
    assert d["mode"] == "llm" and type(d["mode"]) is str
    assert [k.value for k in AnswerKind] == ["guidance", "assessment", "refusal", "abstain", "clarify"]
    assert AnswerKind.REFUSAL == "refusal" and AnswerMode.OFFLINE == "offline"
    # an answer built with plain strings (older callers) serialises the same
    assert _answer(mode="offline").to_dict() == _answer().to_dict()


def test_to_dict_copies_and_leaves_display_fields_out():
    ans = _answer()
    d = ans.to_dict()
    d["citations"][0]["quote"] = "changed"
    d["unsupported"].append("changed")
    assert ans.citations[0].quote.startswith("GOVERN") and ans.unsupported == []
    assert not {"notice", "kind", "confidence", "hits"} & set(d)
    assert not {"publisher", "doc_type", "source_url"} & set(d["citations"][0])
