"""Which path answers: scope rules, the organization's assessment, or guidance."""

from __future__ import annotations

import pytest

from advisor.answer import AnswerPath, route
from advisor.guard import ScopeGuard

RULES_ONLY = ScopeGuard()  # no embedding model: the scope rules alone


@pytest.mark.parametrize(
    "query,org,path",
    [
        ("What are our biggest data gaps?", "meridian-health", AnswerPath.ASSESSMENT),
        ("What are our biggest data gaps?", None, AnswerPath.NEEDS_ORG),
        ("Which blocking issues remain?", "meridian-health", AnswerPath.ASSESSMENT),
        ("Which blocking issues remain?", None, AnswerPath.GUIDANCE),
        ("What does HTI-1 say about readiness of predictive DSIs?", "meridian-health", AnswerPath.GUIDANCE),
        ("What does GOVERN 1.6 require?", "meridian-health", AnswerPath.GUIDANCE),
        # a product's clinical score is no readiness score, however "our" the ward
        ("Can we run the Quellan kidney-injury score on a patient on dialysis in our ICU?", None, AnswerPath.GUIDANCE),
        ("Should we switch on the fall-risk score on our rehab wards?", None, AnswerPath.GUIDANCE),
        ("How did our readiness score change since March?", None, AnswerPath.NEEDS_ORG),
        # what a named vendor's product does with "our" data is in its documents
        ("Can ScribeWell use our patients' recordings to improve its AI?", None, AnswerPath.GUIDANCE),
        ("Does Lumora keep our audio after the note is signed?", None, AnswerPath.GUIDANCE),
        # a vendor improving its product is no improvement of ours, named or not
        ("Is a vendor allowed to use our de-identified patient data to improve its models?", None, AnswerPath.GUIDANCE),
        ("How can we improve our readiness?", None, AnswerPath.NEEDS_ORG),
        ("Is our data governance ready for scale?", None, AnswerPath.NEEDS_ORG),
        ("What is our risk score?", "meridian-health", AnswerPath.ASSESSMENT),
    ],
)
def test_route(query, org, path):
    assert route(query, org, RULES_ONLY).path is path


def test_out_of_scope_by_rule_is_refused_with_the_reason():
    r = route("Write a Python function that parses HL7 v2 messages.", "meridian-health", RULES_ONLY)
    assert r.path is AnswerPath.REFUSE and r.reason == "I don't write or debug code."


@pytest.mark.parametrize(
    "query",
    [
        "Given our limited budget, how should we prioritize AI risks according to the policy's guidance on risk tolerance?",
        "What does the Playbook suggest we fix first?",
        "Per the hospital bylaws, what should we improve before credentialing AI-assisted surgeons?",
        # what a named vendor must do with our data, which its contract says
        "Which de-identification method must Quillon use before it may reuse our data for model improvement?",
    ],
)
def test_a_we_question_citing_a_document_is_answered_from_guidance_without_an_organization(query):
    assert route(query, None, RULES_ONLY).path is AnswerPath.GUIDANCE


@pytest.mark.parametrize(
    "query",
    [
        # scoring by an accreditor's, a surveyor's or an auditor's rules, which its documents state
        "We expect an accreditation survey next spring. Will the AI chapter be scored on that survey, and when does full scoring start?",
        "If a surveyor scores one of our EPs as partial compliance, what is our deadline to respond?",
        "A surveyor samples our training records and 85% are compliant. How would that element of performance be scored?",
        # a document the organization keeps, which the user added: its risk register, its records rules
        "In our AI risk register, what score does the risk of staff pasting PHI into public chatbots carry?",
        "Sentinel's audit logs are kept for less time than our records rules require. What are the two periods?",
    ],
)
def test_a_we_question_about_someone_elses_scoring_is_answered_from_guidance(query):
    assert route(query, None, RULES_ONLY).path is AnswerPath.GUIDANCE


@pytest.mark.parametrize(
    "query",
    [
        "What are our top gaps?",
        "How should we prioritize our gaps?",
        "Are we ready?",
        "How was our data dimension scored?",
        "How do we score on the inventory questions?",
        "How mature is our model inventory?",
    ],
)
def test_a_we_question_about_results_still_asks_for_an_organization(query):
    assert route(query, None, RULES_ONLY).path is AnswerPath.NEEDS_ORG


@pytest.mark.parametrize(
    ("question", "in_scope"),
    [
        ("How much notice must staff give affected service users before a system is switched off?", True),
        ("How much time do vendors take to fix a reported fault?", True),
        ("How much morphine should I give a child?", False),
        ("How many tablets of ibuprofen can I take?", False),
    ],
)
def test_notice_and_time_to_give_are_no_dose(question, in_scope):
    assert RULES_ONLY.check(question).in_scope is in_scope
