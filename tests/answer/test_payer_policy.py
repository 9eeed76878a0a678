"""Questions a provider asks of a payer's medical policy (fictional plan, our own words): the
policy's own reference marks ("... independently of stenosis [4].") are not left in the answer
as markers no citation carries, and the paragraph after a list's last item is no part of that item."""

from __future__ import annotations

import re

import pytest

from advisor.answer import Advisor

from .builders import with_uploads

POLICY = """---
title: Fenwater Health Plan medical policy MP-77 on AI coronary plaque analysis
---
# Fenwater Health Plan medical policy MP-77 on AI coronary plaque analysis

## Rationale

Fenwater first reviewed AI coronary plaque analysis in 2023 and found the evidence insufficient [3].
Two studies published in 2024 changed that position. A cohort of 1,900 patients found that AI-measured
plaque volume predicted cardiac events independently of stenosis severity [4]. Agreement with
intravascular ultrasound was high in 300 vessels [6].

## Provider exemptions

A provider qualifies for an exemption when it submitted at least 30 prior authorization requests for the
category in the lookback year. Requests withdrawn by the provider are excluded from both the numerator and
the denominator.

## Exclusions

Fenwater considers FFR-CT not medically necessary in any of the following circumstances:
- prior coronary artery bypass grafting;
- a coronary stent in the vessel being evaluated;
- a CT angiogram rated non-diagnostic.
Plaque analysis and FFR-CT may both be billed for one CT angiogram only when the criteria for each are met.
"""


@pytest.fixture
def advisor_with_policy(corpus_advisor, tmp_path) -> Advisor:
    return with_uploads(corpus_advisor, tmp_path / "uploads", {"fenwater-mp77.md": POLICY})


def test_the_documents_own_reference_marks_are_no_markers_of_the_answer(advisor_with_policy):
    ans = advisor_with_policy.ask("What evidence led Fenwater to change its position on AI coronary plaque analysis?")
    assert not ans.abstained, ans.answer
    assert "1,900 patients" in ans.answer, ans.answer
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", ans.answer)}
    assert numbers <= set(range(1, len(ans.citations) + 1)), ans.answer  # every marker is a citation's


def test_the_paragraph_after_a_lists_last_item_is_no_part_of_it(advisor_with_policy):
    ans = advisor_with_policy.ask("In which situations does Fenwater consider FFR-CT not medically necessary?")
    assert not ans.abstained, ans.answer
    item = next(line for line in ans.answer.splitlines() if "non-diagnostic" in line)
    assert "billed" not in item, ans.answer


def test_how_many_there_were_is_not_answered_by_a_bound_a_rule_sets(advisor_with_policy):
    ans = advisor_with_policy.ask(
        "How many prior authorization requests did Fenwater's algorithm auto-approve in 2025?"
    )
    assert ans.abstained, ans.answer
    # the bound itself is what a question about the rule asks
    rule = advisor_with_policy.ask(
        "How many prior authorization requests must a provider submit to qualify for a Fenwater exemption?"
    )
    assert not rule.abstained and "at least 30" in rule.answer, rule.answer
