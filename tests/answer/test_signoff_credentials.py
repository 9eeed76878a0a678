"""Names written with post-nominal letters ("Jane Smith, MD, MPH") are people and sign-off lines:
a question about who signed a policy finds the name with its credentials, and the letters of
ordinary acronyms in a sentence name nobody."""

from __future__ import annotations

import shutil

import pytest

from advisor.answer import Advisor
from advisor.answer.people import names_a_person
from advisor.answer.signoff import credentialed_names, signed_names, signs_off
from advisor.index import Index
from advisor.settings import Settings


@pytest.mark.parametrize(
    ("text", "name", "credentials"),
    [
        ("Jane Smith, MD, MPH", "Jane Smith", ("MD", "MPH")),
        ("R. Patel RN BSN", "R. Patel", ("RN", "BSN")),
        ("Dr. Amy Lee, PhD, FACHE", "Dr. Amy Lee", ("PhD", "FACHE")),
        ("Approved by: John O'Neil, CPA, Chief Financial Officer", "John O'Neil", ("CPA",)),
        ("Maria de la Cruz, DNP, RN, NEA-BC, Chief Nursing Officer", "Maria de la Cruz", ("DNP", "RN", "NEA-BC")),
        ("Sean McDonald M.D., Ph.D.", "Sean McDonald", ("MD", "PhD")),
        ("Priya Natarajan, PharmD, BCPS", "Priya Natarajan", ("PharmD", "BCPS")),
        ("Chief Medical Officer Kwabena Ellery, MD", "Kwabena Ellery", ("MD",)),
        # letters the list does not hold, after a name that is plainly a person's
        ("Helen Okafor, FHFMA, CPXP", "Helen Okafor", ("FHFMA", "CPXP")),
    ],
)
def test_a_name_with_post_nominal_letters_is_found_with_them(text, name, credentials):
    found = credentialed_names(text)
    assert [(n.name, n.credentials) for n in found] == [(name, credentials)]
    assert names_a_person(text, set())
    assert signs_off(text)  # a name block on a line of its own, or after a sign-off label


@pytest.mark.parametrize(
    "text",
    [
        "The CMS and ONC rules both apply to predictive decision support.",
        "Under Section 1557, HHS requires covered entities to identify discriminatory tools.",
        "Send comments to the FDA, 10903 New Hampshire Avenue, Silver Spring, MD 20993.",
        "The Food and Drug Administration, FDA, cleared the device in 2024.",
        "Regional Medical Center, Baltimore, MD",
        "Jane Smith, AI lead for the pilot, presented the results.",
    ],
)
def test_acronyms_and_places_are_no_credentialed_name(text):
    assert credentialed_names(text) == []
    assert not signs_off(text)


def test_a_credentialed_name_in_a_sentence_is_a_person_but_no_signoff():
    text = "The pilot was led by Jane Smith, MD, MPH, who chairs the committee."
    assert [n.name for n in credentialed_names(text)] == ["Jane Smith"]
    assert signed_names(text) == []  # named in prose, not signing


POLICY = """# Lakemont Health Clinical AI Validation Policy

Policy number: CLN-AI-014. Effective date: 1 February 2027.

## 1 Purpose

This policy sets how Lakemont Health validates clinical artificial intelligence models before and after they are used in patient care.

## 2 Local validation

Every clinical AI model is validated on at least twelve months of Lakemont patient data before go-live. The validation report states sensitivity, specificity and calibration for each hospital site.

## 3 Revalidation

A clinical AI model in use is revalidated every eighteen months, and sooner when the vendor changes the model's inputs or outputs.

## 4 Subgroup review

The validation report compares performance across age bands, sex, race and ethnicity, and payer groups. A gap of more than five percentage points in sensitivity between subgroups is escalated to the AI oversight committee.

## 5 Records

Validation reports are kept in the AI inventory for the life of the model plus seven years.

## 6 Review of this policy

The AI oversight committee reviews this policy every two years.

Approved by: John O'Neil, CPA, Chief Financial Officer

Marisol Quenby, MD, MPH, Chief Medical Officer

R. Tamsin Okafor RN BSN, Director of Nursing Informatics
"""

SIGNATORIES = ("O'Neil", "Quenby", "Okafor")


@pytest.fixture(scope="module")
def advisor(tmp_path_factory, corpus_home) -> Advisor:
    """The policy, signed at its foot with no "Approval" heading, among the bundled guidance."""
    root = tmp_path_factory.mktemp("credentialed")
    shutil.copytree(corpus_home, root / "home")
    doc = root / "lakemont-clinical-ai-validation-policy.md"
    doc.write_text(POLICY, encoding="utf-8")
    s = Settings.from_env({"ADVISOR_HOME": str(root / "home")})
    assert Index(s).index_paths([doc]).ok
    return Advisor(s)


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "Who signed Lakemont's clinical AI validation policy?",
        "Who approved the Lakemont clinical AI validation policy?",
    ],
)
def test_who_signed_the_policy_is_answered_with_the_name_and_its_credentials(advisor, question):
    ans = advisor.ask(question)
    assert not ans.abstained, ans.answer
    assert "John O'Neil, CPA" in ans.answer, ans.answer
    assert ans.answer.index("O'Neil") < 60, ans.answer  # the signatory leads the answer
    assert any("lakemont" in c.source for c in ans.citations)


@pytest.mark.slow
def test_the_signoff_is_not_quoted_for_a_question_about_the_policys_rules(advisor):
    ans = advisor.ask("How often must Lakemont revalidate a clinical AI model?")
    assert not ans.abstained and "eighteen months" in ans.answer, ans.answer
    assert not any(name in ans.answer for name in SIGNATORIES), ans.answer


def test_a_credentialed_name_answers_who_holds_an_office_only_when_it_holds_that_office():
    asked = {"chief", "medic", "offic"}  # "Who is the Chief Medical Officer?"
    assert names_a_person("Marisol Quenby, MD, MPH, Chief Medical Officer", asked)
    assert not names_a_person("Approved by: John O'Neil, CPA, Chief Financial Officer", asked)
    assert names_a_person("Approved by: John O'Neil, CPA, Chief Financial Officer", {"approv", "polici"})
