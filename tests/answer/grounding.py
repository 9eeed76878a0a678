"""The offline guarantee, checked on an answer: the contract shape, and every sentence supported by its cited chunks."""

from __future__ import annotations

from advisor.answer import Advisor
from advisor.text import MARKER, marked_sentences, marker_numbers, strip_markers


def markers_in(text: str) -> set[int]:
    return {int(n) for m in MARKER.finditer(text) for n in m.group(1).replace(";", ",").split(",")}


def assert_grounded(adv: Advisor, ans) -> None:
    """The contract and the offline guarantee: every sentence is supported by its cited chunk."""
    d = ans.to_dict()
    assert set(d) == {"question", "query", "answer", "abstained", "mode", "citations", "unsupported", "timings_ms"}
    cites = {c["marker"]: c for c in d["citations"]}
    assert markers_in(d["answer"]) == set(cites) == set(range(1, len(cites) + 1))
    chunks = adv.index.get_chunks(c["chunk_id"] for c in d["citations"])
    for c in d["citations"]:
        assert c["quote"] and c["quote"] in chunks[c["chunk_id"]].text, "quotes are exact spans of the source"
    assert d["unsupported"] == []
    for line in d["answer"].splitlines():
        for sentence in marked_sentences(line.removeprefix("- ")):
            nums = marker_numbers(sentence)
            assert nums, f"uncited sentence: {sentence}"
            evidence = [chunks[cites[n]["chunk_id"]].text for n in nums]
            claim = strip_markers(sentence)
            assert adv.checker.support(claim, evidence) >= adv.checker.threshold, sentence
