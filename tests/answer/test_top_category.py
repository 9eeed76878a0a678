"""A superlative naming a category ("the highest risk tier", which a document calls "Tier 3") is no
ranking: a count asked of it ("how many were in the highest risk tier") needs no sentence that
ranks anything, and its adjective is no word the count's sentence must repeat."""

from __future__ import annotations

from advisor.answer.asks import read_ask
from advisor.answer.focus import gives
from advisor.answer.ranking import ranks
from advisor.text import tokenize

QUESTION = "How many AI tools were on the inventory in June 2025, and how many of those were in the highest risk tier?"


def test_a_top_category_is_no_ranking():
    assert not ranks(QUESTION)
    assert not ranks("Which tools sit in the lowest risk level?")
    assert ranks("Which vendor has the highest error rate?")
    assert ranks("Which hospital had the lowest AUROC?")


def test_a_count_of_the_top_category_is_given_by_the_tally():
    ask = read_ask(QUESTION)
    assert not ask.superlative
    assert tokenize("highest")[0] in ask.light
    assert gives(ask, "The inventory held 31 AI tools at 30 June 2025: 7 in Tier 3, 12 in Tier 2 and 12 in Tier 1.")
