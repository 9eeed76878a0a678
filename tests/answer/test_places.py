"""A place a question names ("in the US and Europe") is named by a document in its other forms:
"the EU Medical Device Regulation", "European conformity", "the U.S. FDA"."""

from __future__ import annotations

import pytest

from advisor.answer.places import names_place


@pytest.mark.parametrize(
    ("place", "text"),
    [
        ("Europe", "It carries a CE mark under the EU Medical Device Regulation."),
        ("Europe", "Its European conformity assessment was completed in 2024."),
        ("United States", "It has not been cleared by the U.S. FDA."),
        ("America", "It is sold only in the USA."),
        ("Britain", "It is registered with the UK MHRA."),
    ],
)
def test_a_place_is_named_by_its_abbreviation_or_adjective(place, text):
    assert names_place(place, text)


@pytest.mark.parametrize(
    ("place", "text"),
    [
        ("Europe", "It has not been cleared by the US FDA."),  # another place
        ("United States", "Let us know how the tool performs."),  # "us" is a pronoun
        ("Europe", "The EULAR criteria were used."),  # letters inside a longer word
        ("Canada", "It is CE marked in the EU."),  # a place without other forms is named as written only
    ],
)
def test_other_places_pronouns_and_words_containing_the_letters_do_not_name_it(place, text):
    assert not names_place(place, text)
