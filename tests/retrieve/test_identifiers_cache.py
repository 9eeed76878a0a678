"""`identifiers` remembers short texts' identifiers: a caller changing the list it got cannot
change what the next caller gets, and cached, uncached and long texts read alike."""

from __future__ import annotations

from advisor.text import identifiers


def test_a_caller_changing_its_identifiers_does_not_change_the_next_callers():
    text = "GOVERN 1.6 and MAP 2.2 ask for an inventory; see § 170.315(b)(11)."
    first = identifiers(text)
    expected = list(first)
    first.append("GOVERN 9.9")
    first[0] = "changed"
    first.sort()
    assert identifiers(text) == expected == ["GOVERN 1.6", "MAP 2.2", "§170.315(b)(11)"]
    assert identifiers(text) is not identifiers(text)


def test_cached_uncached_and_long_texts_read_alike():
    text = "Recommendations 2.1 and 2.3 extend GV-1.1-001 and HS-GV-2.3 under Article 14 (DATA-3). "
    assert identifiers(text) == identifiers(text, cache=False)
    assert identifiers(text) == [
        "HS-GV-2.3",
        "GV-1.1-001",
        "Art. 14",
        "DATA-3",
        "Recommendation 2.1",
        "Recommendation 2.3",
    ]
    long = "Plain words about governance and oversight. " * 40 + text  # past the cached length
    assert len(long) > 1024
    assert identifiers(long) == identifiers(text) == identifiers(long, cache=False)


def test_texts_without_a_digit_name_no_identifier():
    for text in ("GOVERN and MAP, Article and Recommendation", "HTI-one", "§ section", ""):
        assert identifiers(text) == [] == identifiers(text, cache=False)


def test_a_big_keyword_index_rebuild_leaves_the_composers_cached_identifiers_alone(monkeypatch):
    from advisor.chunk import Chunk
    from advisor.retrieve import lexical
    from advisor.text import _identifiers_cached

    monkeypatch.setattr(lexical, "_TOKENS_CACHED_BUILD", 10)  # "big": past the cached build size
    identifiers("MAP 2.2 asks for knowledge limits.")  # an answer's candidate sentence
    before = _identifiers_cached._kept.cache_info().currsize
    chunks = [
        Chunk(chunk_id=f"c{i}", source="s.md", title="S", section="S", text=f"Policy {i} cites GOVERN {i}.{i % 7}.")
        for i in range(40)
    ]
    index = lexical.Lexical.build(chunks)
    assert index.by_id["text:GOVERN 5.5"] == [5]  # the identifiers are indexed all the same
    assert _identifiers_cached._kept.cache_info().currsize == before
