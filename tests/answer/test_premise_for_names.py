"""A sentence saying something is not required ("findings ... do not require evidence of
compliance") corrects the premise of a question about a fine or a deadline; it tells nothing of a
person, so it never answers "who directs the division that issued the standard?" (fictional
accreditor, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.asks import read_ask
from advisor.answer.focus import corrects_premise

from .builders import indexed_settings

STANDARD = """# Orlin Accreditation Council standard OAC-AI: AI-enabled clinical tools (2026 edition)

Issued by the Council's Division of Standards and Survey Methods.

## Implementation timeline

The OAC-AI standard takes effect on 1 July 2026. Surveys from 1 July 2026 to 31 December 2026 assess
the standard in advisory mode: findings are reported for information, are not scored and do not
require evidence of standards compliance. Every element of performance is scored on surveys from
1 January 2027.

## Requests for clarification

A hospital that disagrees with an OAC-AI finding may ask for a clarification within 10 business
days after the final survey report is posted.
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("premise"), {"oac-ai-standard.md": STANDARD}))


def test_a_person_asked_is_not_answered_by_a_sentence_denying_something_else(advisor):
    ans = advisor.ask(
        "Who is the director of the Council's Division of Standards and Survey Methods that issued the AI standard?"
    )
    assert ans.abstained, ans.answer


def test_a_sentence_denying_what_the_question_names_still_corrects_it():
    for question, sentence in [
        ("Which agency enforces the OAC-AI standard?", "The OAC-AI standard is voluntary and is not enforced by law."),
        ("What is the fine for a late clarification request?", "There is no penalty for a late request."),
    ]:
        assert corrects_premise(sentence, read_ask(question)), question
    ask = read_ask("Who directs the division that issued the standard?")
    assert not corrects_premise("Advisory findings do not require evidence of standards compliance.", ask)
