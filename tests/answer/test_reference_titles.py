"""A reference entry (a document's code, a colon and its title) is never quoted as a sentence,
though it ends with a full stop; a sentence about a titled document, or a numbered item's own
statement, still is."""

from __future__ import annotations

import pytest

from advisor.answer.quotable import whole_sentence


@pytest.mark.parametrize(
    "entry",
    [
        "GAO-21-519SP: AI Accountability Framework for Federal Agencies & Other Entities.",
        "NISTIR 8312: Four Principles of Explainable Artificial Intelligence.",
    ],
)
def test_a_reference_entry_is_no_sentence(entry):
    assert not whole_sentence(entry)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Joint Commission and the Coalition for Health AI (CHAI) released the Responsible Use of AI "
        "in Healthcare (RUAIH) guidance on 17 September 2025.",
        "GOVERN 1.6: Mechanisms are in place to inventory AI systems and are resourced according to "
        "organizational risk priorities.",
    ],
)
def test_a_sentence_naming_titles_or_a_numbered_statement_is_still_one(sentence):
    assert whole_sentence(sentence)
