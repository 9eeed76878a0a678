"""Two model cards of one vendor's family, "Harlow Sepsis Adult" and "Harlow Sepsis Paediatric":
a question naming the brand with the edition's word, in any order or case and in American
spelling ("the pediatric Harlow model"), is answered from that edition's card alone, not from
its sibling's near-identical sections (fictional products, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import with_uploads

CARDS = {
    "harlow-adult.md": """---
title: Harlow Sepsis Adult 2.1 – Model Facts
---
# Harlow Sepsis Adult 2.1 – Model Facts

## Out-of-scope uses

Harlow Sepsis Adult must not be used for:

- Patients younger than 18 years.
- Patients in intensive care units.
- Emergency department patients before an admission decision.
- Patients on an end-of-life pathway.

## Performance

In external validation the model reached an AUROC of 0.83 across 52,110 adult encounters.
""",
    "harlow-paediatric.md": """---
title: Harlow Sepsis Paediatric 1.2 – Model Facts
---
# Harlow Sepsis Paediatric 1.2 – Model Facts

## Out-of-scope uses

Harlow Sepsis Paediatric must not be used for:

- Neonates younger than 30 days.
- Children in the paediatric intensive care unit.
- Adults aged 18 years or older on paediatric wards.
- Children on a palliative care plan.

## Performance

In external validation the model reached an AUROC of 0.79 across 18,400 paediatric encounters.
""",
}


@pytest.fixture
def advisor_with_cards(corpus_advisor, tmp_path) -> Advisor:
    return with_uploads(corpus_advisor, tmp_path / "uploads", CARDS)


def test_the_edition_named_in_lower_case_picks_its_card_over_its_sibling(advisor_with_cards):
    ans = advisor_with_cards.ask("Which patient groups is the adult Harlow sepsis model not meant to be used on?")
    assert "Emergency department patients" in ans.answer, ans.answer
    assert "Neonates" not in ans.answer and "palliative" not in ans.answer, ans.answer


def test_an_american_spelling_of_the_edition_picks_the_british_titled_card(advisor_with_cards):
    ans = advisor_with_cards.ask("What patients should the pediatric Harlow model not be used for?")
    assert "Neonates younger than 30 days" in ans.answer, ans.answer
    assert "Emergency department" not in ans.answer, ans.answer


def test_a_figure_asked_of_one_edition_is_not_given_with_its_siblings(advisor_with_cards):
    ans = advisor_with_cards.ask("What AUROC did the Harlow paediatric model reach?")
    assert "0.79" in ans.answer and "0.83" not in ans.answer, ans.answer


def test_a_question_naming_both_editions_is_answered_from_both_cards(advisor_with_cards):
    ans = advisor_with_cards.ask("What AUROC did the Harlow adult and paediatric models reach?")
    assert "0.79" in ans.answer and "0.83" in ans.answer, ans.answer


#: A standard and its FAQ: two kinds of document on one subject, not two editions of a product.
STANDARD_AND_FAQ = {
    "tesk-standard.md": """---
title: "TESK Hospital Accreditation Standards - Chapter AI: AI-Enabled Clinical Tools"
---
# TESK Hospital Accreditation Standards - Chapter AI: AI-Enabled Clinical Tools

## Survey process

Surveyors review the hospital's AI tool inventory and interview the AI oversight committee during the
survey. A hospital that disagrees with a Chapter AI finding may ask for a clarification within 10 business days.
""",
    "tesk-faq.md": """---
title: "Frequently asked questions: AI-enabled clinical tools standard | TESK"
---
# Frequently asked questions: AI-enabled clinical tools standard

## Will the AI chapter cost us more?

No. There is no additional survey fee for Chapter AI during the first survey cycle, and the number of
survey days does not change.
""",
}


@pytest.fixture
def advisor_with_faq(corpus_advisor, tmp_path) -> Advisor:
    return with_uploads(corpus_advisor, tmp_path / "faq", STANDARD_AND_FAQ)


def test_an_faq_on_the_standard_asked_about_is_no_sibling_of_it(advisor_with_faq):
    ans = advisor_with_faq.ask(
        "Is TESK charging hospitals an extra survey fee for the AI-enabled clinical tools chapter?"
    )
    assert not ans.abstained and "no additional survey fee" in ans.answer, ans.answer
