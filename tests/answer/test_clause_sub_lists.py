"""A list asked for that sits under a lettered clause ("(c) An assessment shall include the
following elements:" over "(1)" ... "(4)") is quoted whole under the clause's own words, not
mixed with the section's other clauses under a lead-in written from the heading (a small
fictional regulation through the real composer and model)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import indexed_settings

RULE = """---
title: Orlen Board of Health rule on scoring tools
---
# Orlen Board of Health rule on scoring tools

## Section 7 Impact assessments

(a) A provider shall complete an impact assessment before it first uses a scoring tool in patient care, and shall update it every two years.

(b) The provider shall file each completed assessment with the Board within 30 days of completing it.

(c) An impact assessment shall include at least the following elements:

(1) the intended purpose of the tool and the decisions it informs;

(2) a description of the data used to train and test the tool;

(3) results for each patient group for which data are available;

(4) the name of the person accountable for the tool.

(d) The Board may ask a provider for its latest assessment at any time.
"""


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("clause-lists"), {"orlen-rule.md": RULE}))


def test_the_elements_are_listed_whole_under_the_clause_that_names_them(adv):
    text = adv.ask("What elements must an Orlen impact assessment include?").answer
    assert "An impact assessment shall include at least the following elements" in text, text
    for item in ("intended purpose", "train and test", "each patient group", "person accountable"):
        assert item in text, (item, text)
    # the other clauses are not presented as elements of the assessment
    assert "The items listed under" not in text, text
