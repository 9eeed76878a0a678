"""A sentence opening on "The X" where X is what the sentence before introduced ("A vendor may
ask for a time-limited exemption from a Mandatory standard. The exemption is granted for at most
twelve months ...") speaks of that sentence's subject: it answers "for how long" about an
exemption from a mandatory standard, and it is read after the sentence introducing it."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.anaphora import names_the_one_before

from .builders import SMALL_GUIDES, indexed_settings

BLUEPRINT = """---
title: Norvale National Interoperability Blueprint 2027-2031
doc_type: guidance
---
# Norvale National Interoperability Blueprint 2027-2031

## 5 Standards

5.1 Systems that connect to the national exchange must meet the standards in the catalogue. A
standard marked Mandatory must be met from the date shown; a Transitional standard is accepted
until that date and no longer.

5.2 A vendor may ask the Interoperability Office for a time-limited exemption from a Mandatory
standard. The exemption is granted for at most eighteen months and only against a dated plan to
conform, filed with the request.

## 6 Registries

6.1 The Interoperability Office runs the facility registry and publishes its codes every quarter.
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "norvale-blueprint.md": BLUEPRINT}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("definite"), docs))


def test_how_long_is_answered_by_the_sentence_naming_what_the_one_before_introduced(advisor):
    ans = advisor.ask("Can a vendor get out of a mandatory standard, and for how long?")
    assert not ans.abstained, ans.answer
    assert "eighteen months" in ans.answer
    # read after the sentence introducing the exemption, not before it
    assert ans.answer.index("may ask the Interoperability Office") < ans.answer.index("The exemption is granted")


@pytest.mark.parametrize(
    ("text", "before", "leans"),
    [
        ("The exemption is granted for at most twelve months.", "A vendor may ask for an exemption.", True),
        ("The system owner is accountable for the budget.", "The system owner of the registry is the Council.", True),
        # a description the sentence before does not hold is the document's own subject
        ("The registry is run by the Council.", "A vendor may ask for an exemption.", False),
        ("Exemptions are granted for twelve months.", "A vendor may ask for an exemption.", False),
        ("The exemption is granted for twelve months.", "", False),
    ],
)
def test_a_definite_description_leans_on_the_sentence_introducing_it(text, before, leans):
    assert names_the_one_before(text, before) is leans
