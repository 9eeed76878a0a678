"""Questions a board member asks of an internal audit report (fictional trust, our own words), where
the report states the answer in other words than the question's: a "problem" found is stated as the
finding itself, a "combined" value as an aggregate, changes that "skipped" approval as changes made
without it, a share "by the end of 2025" at 31 December 2025 of a module the sentence calls "it", a
performance "drop" as a decline, a pilot's "scope" by its places, people and length.
Each is answered; a question the report does not answer in any words is still declined."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import with_uploads

REPORT = """---
title: Orrinford Trust internal audit report IA-25-03 on clinical prediction models
---
# Orrinford Trust internal audit report IA-25-03 on clinical prediction models

## Vendor contracts

We examined the 9 contracts for vendor-supplied prediction models in clinical use, with an
aggregate annual value of GBP 2.7 million excluding implementation fees. Only 2 of the 9 contracts
required the supplier to give notice before retraining a model.

## Equity analysis

Subgroup analysis had been completed for 1 of the 6 high-risk models. That analysis showed that the
falls risk model under-predicted risk by 4.8 percentage points for patients aged over 85 compared
with patients aged 65 to 84.

## Change control

The analytics team maintains 17 in-house models. During 2025, 11 production changes were made to
these models; 3 of the 11 were released without a Change Advisory Board ticket.

## Monitoring

A decline of more than 10% from the validated baseline on any primary metric triggers a documented
review by the model's clinical owner within 14 days.

## Ambient scribe pilot

The proposal is a 90-day pilot of the Quellwick ambient scribe in the Harlan Street and Mere Lane
clinics, with up to 40 clinicians.

## Assurance ratings

| Rating | Share of sampled controls operating as designed |
|---|---|
| Substantial assurance | 90% or more |
| Reasonable assurance | 75–89% |
| Limited assurance | below 75% |

## Training

The 30-minute Model Safety Awareness e-learning module is mandatory for nurses who receive model alerts. At 31
December 2025, 1,204 of the 1,880 nurses in the target group (64%) had completed it, against a target
of 85% by that date. Refresher training is required at least every 24 months, and also whenever the module changes materially.
"""


@pytest.fixture
def advisor_with_report(corpus_advisor, tmp_path) -> Advisor:
    return with_uploads(corpus_advisor, tmp_path / "uploads", {"orrinford-ia-25-03.md": REPORT})


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("What equity problem was found in Orrinford's falls risk model?", "4.8 percentage points"),
        (
            "What is the combined annual value of the vendor model contracts Orrinford's auditors examined?",
            "2.7 million",
        ),
        (
            "How many production changes to Orrinford's in-house models in 2025 skipped Change Advisory Board approval?",
            "3 of the 11",
        ),
        ("What level of performance drop triggers a review of one of Orrinford's models?", "10%"),
        # a plain word the documents never use ("redo") is a paraphrase, in a question asking how often
        (
            "How often do Orrinford's nurses need to redo training on the module, and is there any other trigger "
            "for retraining?",
            "every 24 months",
        ),
        # a share the question supposes, in the band a table states
        (
            "If 82% of the sampled controls in an area operate as designed, what rating do Orrinford's auditors give?",
            "Reasonable",
        ),
        ("What is the scope of Orrinford's Quellwick scribe pilot?", "Harlan Street"),
        (
            "What share of the target staff had completed the Model Safety Awareness module by the end of 2025, "
            "against what target?",
            "64%",
        ),
    ],
)
def test_a_fact_stated_in_other_words_is_answered(advisor_with_report, question, stated):
    ans = advisor_with_report.ask(question)
    assert not ans.abstained, ans.answer
    assert stated in ans.answer, ans.answer


def test_a_fact_the_report_does_not_state_is_declined(advisor_with_report):
    ans = advisor_with_report.ask(
        "How many production changes to Orrinford's in-house models in 2025 skipped penetration testing?"
    )
    assert ans.abstained, ans.answer
