"""Questions whose words a document states otherwise: a ratio as "1 per 15", a proportion at a
hospital the study abbreviates ("MV") as a percentage, a maximum fine as a civil penalty of "not
up to $40,000", "the council" for a council named in full sections earlier, and a contract
term asked as "an order form or SOW" where the contract only says "order form", "the second
contract year" as the fee schedule's row "Contract Year 2", and a product's clinical short form
("Harlow Peds") as the word its card is titled with ("Paediatric"). Each is
answered; none was before (each was declined as unanswered)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.cells import ordinal_named
from advisor.answer.focus import Focus
from advisor.answer.standins import said_otherwise
from advisor.answer.unsaid import called_back
from advisor.retrieve.spelled import spelled_out
from advisor.text import tokenize

from .builders import SMALL_GUIDES, indexed_settings

_DOCS = {
    "harlow-paediatric.md": (
        "---\ntitle: Harlow Sepsis Paediatric 1.3 - Model Facts\n---\n# Harlow Sepsis Paediatric 1.3 - Model Facts\n\n"
        "## Key facts at a glance\n\nVALIDATION SIZE: 41,207 encounters, 3 hospitals\n\n"
        "## Intended use\n\nThe model estimates the risk of sepsis in children admitted to hospital wards.\n"
    ),
    "harlow-adult.md": (
        "---\ntitle: Harlow Sepsis Adult 2.6 - Model Facts\n---\n# Harlow Sepsis Adult 2.6 - Model Facts\n\n"
        "## Key facts at a glance\n\nVALIDATION SIZE: 148,362 encounters, 4 hospitals\n\n"
        "## Intended use\n\nThe model estimates the risk of sepsis in adults admitted to hospital wards.\n"
    ),
    "scribe-plan.md": (
        "---\ntitle: Harrowgate ambient scribe rollout plan\n---\n# Harrowgate ambient scribe rollout plan\n\n"
        "## Support model\n\nEach clinic names super-users who coach their colleagues through the first weeks.\n\n"
        "- 1 per 15 scribe users\n- 4 hours protected time a month\n\n"
        "## Licences\n\nLicences are bought per clinician and renewed every year.\n"
    ),
    "alert-study.md": (
        "---\ntitle: Evaluation of a deterioration alert at three hospitals\n---\n"
        "# Evaluation of a deterioration alert at three hospitals\n\n"
        "## Methods\n\nThe study took place at Kettleby General Hospital (KG), a 600-bed teaching hospital, and at "
        "Marrowby Valley Hospital (MV), a 96-bed rural hospital with no intensive care unit.\n\n"
        "## Alert design\n\n"
        + "The alert combined heart rate, respiratory rate, oxygen saturation and blood pressure into one score, recalculated hourly from the electronic record. "
        * 8
        + "\n\n"
        "## Results\n\nAt KG most alerts were assessed within the hour. At MV the share assessed at the bedside "
        "within 60 minutes was 83.1% for alerts issued by day but only 47.9% for alerts issued overnight.\n"
    ),
    "bill.md": (
        "---\ntitle: Senate Bill 77 on clinical algorithms\n---\n# Senate Bill 77 on clinical algorithms\n\n"
        "## Section 4. Advisory council\n\nThe Harbourline Digital Care Advisory Council is established in the "
        "department to advise the director on clinical algorithms.\n\n"
        "## Section 4a. Duties of the council\n\n"
        + "The council reviews reports of adverse events involving clinical algorithms and advises on the rules the department adopts under this act. "
        * 8
        + "\n\n"
        "## Section 5. Membership\n\nThe council consists of the following 11 members, of whom two legislators "
        "serve without a vote.\n\n"
        "## Section 6. Penalties\n\nThe department may assess a civil penalty of up to $40,000 per "
        "violation where a facility acts on an algorithm's output without the human review this act requires "
        "and a patient suffers serious harm as a result.\n"
    ),
    "msa.md": (
        "---\ntitle: Master services agreement between Fenmoor Health and Quorra Analytics\n---\n"
        "# Master services agreement between Fenmoor Health and Quorra Analytics\n\n"
        "## 1. Parties\n\nThis master services agreement (MSA) is made between Fenmoor Health and Quorra Analytics.\n\n"
        "## 2. Order of precedence\n\nIf an order form conflicts with the clauses of this MSA, the clauses "
        "of this MSA prevail, unless the order form expressly overrides a named clause and is signed by "
        "Fenmoor Health's chief financial officer.\n\n"
        "## 3. Fees\n\nFees are invoiced quarterly in arrears.\n\n"
        "## Schedule 2. Fee schedule\n\n"
        "| Item | Description | Amount (USD) | Invoicing |\n|---|---|---|---|\n"
        "| A | Implementation fee (one-time) | 185,000 | 50% on signature, 50% on the Go-Live Date |\n"
        "| B | Annual Subscription Fee – Contract Year 1 | 412,000 | On the Go-Live Date |\n"
        "| C | Annual Subscription Fee – Contract Year 2 | 424,360 | On the first anniversary of the Go-Live Date |\n"
        "| D | Annual Subscription Fee – Contract Year 3 | 437,090 | On the second anniversary of the Go-Live Date |\n"
        "| E | Onboarding of an additional facility | 38,500 per facility | On the facility's go-live |\n"
        "| F | Additional local validation requested by the customer | 18,000 per validation | On completion |\n"
        "| G | Training days beyond the first ten | 2,400 per day | Monthly in arrears |\n"
    ),
}


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("said-otherwise"), {**SMALL_GUIDES, **_DOCS}))


def test_a_ratio_asked_is_answered_by_one_per_so_many(advisor):
    ans = advisor.ask("What ratio of super-users to scribe users does Harrowgate plan?")
    assert not ans.abstained and "1 per 15" in ans.answer, ans.answer


def test_a_proportion_at_a_hospital_the_study_abbreviates_is_answered(advisor):
    ans = advisor.ask(
        "At Marrowby Valley, what proportion of overnight alerts got a bedside assessment within an hour?"
    )
    assert not ans.abstained and "47.9%" in ans.answer, ans.answer


def test_the_most_a_department_can_fine_is_its_civil_penalty_cap(advisor):
    ans = advisor.ask(
        "If a facility skips the required human review and a patient suffers serious harm, "
        "what is the most the department can fine per violation?"
    )
    assert not ans.abstained and "$40,000" in ans.answer, ans.answer


def test_the_council_named_once_in_full_is_counted_where_it_is_called_the_council(advisor):
    ans = advisor.ask("How many members sit on the Harbourline Digital Care Advisory Council?")
    assert not ans.abstained and "11 members" in ans.answer, ans.answer


def test_a_word_offered_as_an_alternative_the_documents_never_use_is_not_required(advisor):
    ans = advisor.ask("If an order form or SOW says something different from the Quorra MSA, which one governs?")
    assert not ans.abstained and "expressly overrides" in ans.answer, ans.answer


def test_a_product_the_documents_never_name_is_still_declined_beside_one_they_do(advisor):
    # "Zorblat or Quorra" names two things: neither stands in for the other
    ans = advisor.ask("Does Zorblat or Quorra Analytics invoice fees quarterly?")
    assert ans.abstained, ans.answer


def test_a_two_letter_acronym_defined_in_brackets_is_spelled_out():
    # the study's results name the hospital only as "MV": its definition glosses the sentence
    found = spelled_out(["It ran at Marrowby Valley Hospital (MV), a 96-bed rural hospital."])
    assert found["mv"] == ["marrowby valley"], found


def test_a_name_called_back_by_its_last_word_counts_only_in_a_document_naming_it():
    q = "How many members sit on the Harbourline Digital Care Advisory Council?"
    naming = set(tokenize("The Harbourline Digital Care Advisory Council is established."))
    said = "The council consists of the following 11 members."
    assert called_back(q, "harbourlin", said, naming)
    assert not called_back(q, "harbourlin", said, set(tokenize("The Ostley Digital Care Advisory Council")))
    assert not called_back(q, "harbourlin", "The board consists of 11 members.", naming)


def test_an_ordinal_asked_is_the_row_its_number_names(advisor):
    # row D says "second anniversary": the row of the second year is the one numbered 2
    ans = advisor.ask("What subscription fee will Quorra bill for the second contract year?")
    assert not ans.abstained and "424,360" in ans.answer, ans.answer


def test_an_ordinal_is_named_by_its_number_not_by_the_ordinal_word_again():
    q = "What subscription fee will we be billed for the second contract year?"
    assert ordinal_named(q, "C | Annual Subscription Fee – Contract Year 2 | 424,360")
    assert ordinal_named(q, "The fee rises by 3% in the 2nd year.")
    assert not ordinal_named(q, "D | Annual Subscription Fee – Contract Year 3 | 437,090 | on the second anniversary")


def test_a_products_clinical_short_form_names_its_card(advisor):
    ans = advisor.ask("How many encounters were in the validation of Harlow Peds?")
    assert not ans.abstained and "41,207 encounters" in ans.answer, ans.answer
    assert "148,362" not in ans.answer, ans.answer


def test_a_ratio_or_a_share_is_stated_by_its_figures_not_by_any_number():
    assert said_otherwise("ratio", Focus.QUANTITY, "one nurse to every 4 patients")
    assert said_otherwise("ratio", Focus.QUANTITY, "a ratio of 1:8 on night shifts")
    assert not said_otherwise("ratio", Focus.QUANTITY, "The meeting opened at 14:30.")
    assert said_otherwise("proport", Focus.RATE, "two in five alerts were acted on")
    assert not said_otherwise("proport", Focus.RATE, "one in the morning and one at night")
