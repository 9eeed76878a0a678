"""A fact asked of a name is answered only by a sentence saying it of that name: not the
sibling product's figure, not any date of the company for "when was it founded", not the
regulation's other sections for "what does it say about insurers". A statute's lettered
clauses are quoted as the rules they are, and a contents page's dotted lines never."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import indexed_settings

DOCS = {
    "quillon-faq.md": """---
title: Quillon Systems product FAQ
---
# Quillon Systems product FAQ

## How accurate is NoteDraft Clinic?

In Quillon's 2026 evaluation on 3,100 visits, NoteDraft Clinic had a word error rate of 5.1 percent.

## Pilot results for NoteDraft Clinic and NoteDraft Portal

In a 2025 pilot on 900 visits, NoteDraft Clinic had a word error rate of 6.3 percent.

## What do the products do?

Quillon Systems makes NoteDraft Clinic, which drafts visit notes, and NoteDraft Portal, which drafts replies to patient messages.
NoteDraft Portal drafts are deleted 10 days after the reply is sent.

## Certifications

Quillon holds an ISO 27001 certificate, renewed in 2025.

## Pricing

NoteDraft Clinic costs $160 per clinician per month.
NoteDraft Portal costs $45 per clinician per month.
""",
    "harrowgate-regulation.md": """---
title: Harrowgate Health Data Regulation
---
# Harrowgate Health Data Regulation

## Contents

1 Section 4.01 Definitions ..................................... 2
2 Section 4.02 Breach notification ............................. 3

## Section 4.01 Definitions

- "Covered entity" means a hospital licensed in Harrowgate with more than 40 beds, or a clinic group with annual revenue above $20 million.
- "Decision tool" means software that produces a score or recommendation used in a decision about a patient's care.

## Section 4.02 Breach notification

- A covered entity that discovers a breach of health data shall notify each affected resident no later than 40 calendar days after discovery.
- A vendor that discovers a breach of data it holds for a covered entity shall notify the covered entity within 4 calendar days after discovery.
- The Bureau may extend a deadline in this section by up to 15 days for good cause shown in writing.

## Section 4.03 Enforcement

Members of the Harrowgate medical staff pay the annual dues set by the Bureau.
The Bureau requires 12 data fields for each decision tool and 5 data fields for each rule-based alert.

The Bureau of Health Records enforces this regulation and may impose a civil penalty of up to $9,000 per violation.
""",
}


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("factofname"), DOCS))


@pytest.mark.parametrize(
    "question",
    [
        "What word error rate does NoteDraft Portal achieve?",  # only the sibling's is published
        # a heading naming both products: the sentence still names the sibling
        "What word error rate did NoteDraft Portal have in the 2025 pilot?",
        "When was Quillon Systems founded?",  # a renewal date is no founding date
        "How much does Quillon charge for implementation and onboarding?",  # prices of other things
        "What does the Harrowgate regulation say about health insurers using prior authorization?",
        "How much are the annual medical staff dues under the Harrowgate regulation?",  # set, not stated
    ],
)
def test_a_fact_the_documents_do_not_state_of_the_name_asked_is_declined(adv, question):
    ans = adv.ask(question)
    assert ans.abstained, ans.answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What word error rate does NoteDraft Clinic achieve?", "5.1 percent"),
        ("How much does NoteDraft Portal cost?", "$45"),
        ("How long are NoteDraft Portal drafts kept?", "10 days"),
        # "versus" and "require" frame the comparison; the fields are what is counted
        ("How many data fields does Harrowgate require for decision tools versus rule-based alerts?", "12 data fields"),
    ],
)
def test_the_same_fact_asked_of_the_name_that_has_it_is_answered(adv, question, expected):
    ans = adv.ask(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.split("[")[0].count(expected) or expected in ans.answer.split("\n")[0], ans.answer


def test_a_lettered_rule_is_quoted_as_a_sentence_first_with_no_lead_in_or_contents_line(adv):
    ans = adv.ask(
        "Within how many days must a vendor notify the covered entity of a breach under the Harrowgate regulation?"
    )
    assert not ans.abstained, ans.answer
    first = ans.answer.split("\n")[0]
    assert first.startswith("A vendor that discovers a breach"), ans.answer
    assert "items listed under" not in ans.answer and "....." not in ans.answer, ans.answer


def test_a_definition_asked_for_in_so_many_words_comes_first_without_a_written_lead_in(adv):
    ans = adv.ask("What does the Harrowgate regulation mean by a covered entity?")
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith('"Covered entity" means a hospital'), ans.answer
