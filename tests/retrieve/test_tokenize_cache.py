"""`tokenize` remembers short texts' tokens: a caller changing the list it got cannot change
what the next caller gets, and long texts give the same tokens as short ones."""

from __future__ import annotations

from advisor.text import tokenize


def test_a_caller_changing_its_tokens_does_not_change_the_next_callers():
    text = "Who reviews the AI inventory every quarter?"
    first = tokenize(text)
    expected = list(first)
    first.append("poison")
    first[0] = "changed"
    first.sort()
    assert tokenize(text) == expected == ["review", "ai", "inventori", "everi", "quarter"]
    assert tokenize(text) is not tokenize(text)


def test_cached_uncached_and_long_texts_tokenise_alike():
    text = "GOVERN 1.6 calls for mechanisms to inventory AI systems (§170.315(b)(11)); re-use is self-evident. "
    assert tokenize(text) == tokenize(text, cache=False)
    long = text * 40  # past the cached length
    assert len(long) > 2048
    assert tokenize(long) == tokenize(text) * 40 == tokenize(long, cache=False)
