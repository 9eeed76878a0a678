"""A phase of a timeline is written as a sentence giving its dates and a field giving what it
delivers ("Phase 2 runs from July 2026 to December 2027. Main deliverables: ..."). Asked when
something is delivered, the answer quotes the two together: the field says what, the sentence when."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import SMALL_GUIDES, indexed_settings

PLAN = """---
title: Registry delivery plan of the Marrowfield health ministry
---
# Registry delivery plan of the Marrowfield health ministry

## Scope

The registry covers doctors, nurses, midwives, pharmacists and dentists licensed in Marrowfield.

## Timeline

### Phase 1 – Migration

Phase 1 runs from March 2026 to February 2027. Main deliverables: the four council registers merged into one master record.

### Phase 2 – Credentials

Phase 2 runs from March 2027 to August 2028. Main deliverables: a digital licence card issued to every doctor, nurse and pharmacist.
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("phases"), {**SMALL_GUIDES, "plan.md": PLAN}))


def test_a_phase_s_dates_and_its_deliverables_answer_when_together(advisor):
    ans = advisor.ask("By when should every doctor, nurse and pharmacist have been issued a digital licence card?")
    assert not ans.abstained, ans.answer
    text = " ".join(ans.answer.split())
    # the dates, then what that phase delivers, read together
    assert "Phase 2 runs from March 2027 to August 2028 [1]. Main deliverables: a digital licence card" in text, text
