"""Questions worded otherwise than the documents: notice asked as "how much notice", a date set
by an event, "what is meant by", who looks after something, a country named by its adjective.
Each is answered from the sentence that states it, never declined for the wording."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import indexed_settings

DOCS = {
    "vendor-terms.md": """---
title: Kestrel Valley Health vendor terms for clinical AI
---
# Kestrel Valley Health vendor terms for clinical AI

## Changes to a deployed model

The vendor must inform the hospital at least 45 days before any change to a deployed model's training data.
Emergency security patches may be applied at once and reported afterwards.
Change notices go to 2 named contacts in the hospital's informatics office.

## Go-live

Before go-live, each high-risk tool needs:

- a downtime plan describing how care continues if the tool is unavailable;
- a training plan for every role that will use the tool.

High-risk tools then run in shadow mode for at least 45 days, logging outputs that clinicians do not see, before the committee decides whether to switch them on.

## Reporting

The quarterly performance report is filed 20 business days after the end of each quarter.
The report lists the model's sensitivity, specificity and override rate for the quarter.

## Terms used

By a material change the terms mean any change that alters the model's intended use, inputs or outputs.
Minor interface changes are not material changes.

## Stewardship

Each model inventory entry records the model's version, owner and intended use.
The model inventory is maintained by the Clinical AI Oversight Committee.
The Clinical AI Oversight Committee (CAIOC) is the body that approves and retires AI tools.
The CAIOC is chaired by the CNIO and meets on the first Monday of every month.
The policy owner is the Chief Nursing Information Officer (CNIO), who reports to the Chief Nursing Officer.
Vendors keep their own release notes for every version.
""",
    "cross-border.md": """---
title: Kestrel Valley Health cross-border data rules
---
# Cross-border data rules

## Where data may be processed

Patient data from the hospital may be processed only on servers located in Canada.
Backups are encrypted with keys the hospital holds.
""",
}


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("unseen"), DOCS))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How much notice must the vendor give before changing a model's training data?", "45 days before"),
        ("When is the quarterly performance report due?", "20 business days after"),
        ("What is meant by a material change?", "alters the model's intended use"),
        ("What do the vendor terms mean by material change?", "alters the model's intended use"),
        ("Who looks after the model inventory?", "Clinical AI Oversight Committee"),
        ("Can patient data be processed on Canadian servers?", "located in Canada"),
        ("Who chairs the Clinical AI Oversight Committee?", "chaired by the CNIO"),  # an office by its acronym
        # the sentence after a list, ending on a particle ("switch them on"), is whole
        ("How long must a high-risk tool run in shadow mode before go-live?", "at least 45 days"),
    ],
)
def test_a_question_in_other_words_is_answered_from_the_stating_sentence(adv, question, expected):
    ans = adv.ask(question)
    assert not ans.abstained, ans.answer
    assert expected in ans.answer, ans.answer


def test_the_name_of_an_office_holder_no_document_gives_is_declined(adv):
    ans = adv.ask("What is the name of Kestrel Valley Health's current Chief Nursing Information Officer?")
    assert ans.abstained, ans.answer
