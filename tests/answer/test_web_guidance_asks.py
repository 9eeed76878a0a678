"""Questions a CIO asks of an agency's web guidance (fictional agency, our own words) that the page
does not answer, though it is all about the subject: money asked as "is there money, and how
much?", a named official, minutes of a named activity, and how often a thing is needed. Each is
declined; the same kind of question the page does answer is still answered. Also the kinds of fact
asked, and amounts written with a currency's code or name, or in a budget table's units."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.focus import Focus, focus_of
from advisor.answer.money import MONEY, in_money_units
from advisor.answer.objects import thing_words

from .builders import with_uploads

GUIDANCE = """---
title: Deploying AI scribes and clinical AI tools in public hospitals
---
# Deploying AI scribes and clinical AI tools in public hospitals

The Harlow Digital Health Authority (HDHA) sets out what public hospitals must do before and after
they deploy AI scribes.

## Before you deploy

Every clinician must complete the HDHA AI scribe training module, which takes about 90 minutes,
before they first use an AI scribe. Each hospital must name a Responsible Clinical Lead for every AI
scribe before it goes live.

## Telling patients

Every clinic that uses an AI scribe must display the HDHA standard patient notice in its waiting
areas. The notice is available in the 12 most commonly spoken languages in Harlow.

AI scribes must not be used:

- in consultations conducted through an interpreter;
- during compulsory assessments under mental health law.

## Quarterly reporting to HDHA

Hospitals must send HDHA the following every quarter through the Clinical AI Assurance Portal:

- the number of consultations in which an AI scribe was used;
- the proportion of patients who declined the AI scribe;
- any material changes made by suppliers.

## Review of draft notes

Clinicians should review and sign draft notes within 24 hours of the consultation.

## Periodic review

Each hospital must review each AI scribe's audit results every six months.

## Timeline

| Milestone | Deadline | Responsible |
|---|---|---|
| Guidance comes into effect | 1 February 2026 | HDHA |
| Publish the evaluation of interpreter-mediated consultations | September 2026 | HDHA Evaluation Unit |
"""

GRANTS = """---
title: Harlow readiness grants for AI scribes
---
# Harlow readiness grants for AI scribes

HDHA offers each hospital a one-off readiness grant of EUR 40,000 for its first AI scribe.
"""


@pytest.fixture
def advisor_with_guidance(corpus_advisor, tmp_path) -> Advisor:
    return with_uploads(corpus_advisor, tmp_path / "uploads", {"harlow-ai-scribes.md": GUIDANCE})


@pytest.fixture
def advisor_with_grants(corpus_advisor, tmp_path) -> Advisor:
    return with_uploads(corpus_advisor, tmp_path / "uploads", {"harlow-ai-scribes.md": GUIDANCE, "grants.md": GRANTS})


@pytest.mark.parametrize(
    "question",
    [
        # "how much" after naming money asks an amount: "12 languages" is no answer
        "Is there HDHA money available for each hospital to get ready for AI scribes, and how much?",
        # a named official: the agency and its roles are no person's name
        "Which named HDHA official, the Chief Clinical Information Officer, wrote this guidance?",
        # minutes of documentation time: the training's 90 minutes are minutes of something else
        "How many minutes of documentation time per consultation does HDHA expect AI scribes to cut for clinicians?",
        # how often an inspection is needed: a review of audit results is no inspection
        "How often do AI scribes need an independent safety inspection?",
    ],
)
def test_a_question_the_guidance_does_not_answer_is_declined(advisor_with_guidance, question):
    ans = advisor_with_guidance.ask(question)
    assert ans.abstained, ans.answer


def test_money_the_documents_state_is_answered(advisor_with_grants):
    ans = advisor_with_grants.ask("Is there HDHA money for each hospital's first AI scribe, and how much?")
    assert not ans.abstained, ans.answer
    assert "EUR 40,000" in ans.answer, ans.answer


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("How many minutes of training must a clinician complete before using an AI scribe?", "90 minutes"),
        ("How often do AI scribes need a review of their audit results?", "every six months"),
    ],
)
def test_the_same_kind_of_question_the_guidance_answers_is_answered(advisor_with_guidance, question, stated):
    ans = advisor_with_guidance.ask(question)
    assert not ans.abstained, ans.answer
    assert stated in ans.answer, ans.answer


def test_the_kind_of_fact_asked():
    assert focus_of("Is there money for each hospital to get ready, and how much?") is Focus.MONEY
    assert focus_of("How much money is earmarked for the lab results service in 2028?") is Focus.MONEY
    assert focus_of("How much faster is the new model?") is Focus.QUANTITY
    assert focus_of("Which named official wrote this guidance?") is Focus.PERSON
    assert focus_of("Which individual signs off a new model?") is Focus.PERSON
    assert focus_of("Which official body regulates AI scribes?") is not Focus.PERSON
    assert focus_of("What personal data does the scribe keep?") is not Focus.PERSON
    # a possessive before the office or the amount: "Kestrelane's chief information security officer"
    assert focus_of("Who is Kestrelane's chief information security officer?") is Focus.PERSON
    assert focus_of("Who is the Partnership's Chief AI Officer?") is Focus.PERSON
    assert focus_of("What was Kestrelane's annual revenue last year?") is Focus.MONEY
    assert focus_of("What is the vendor's pricing model?") is Focus.NONE
    assert focus_of("What is our organization's approach to fees?") is Focus.NONE


def test_what_a_length_of_time_or_a_frequency_is_asked_of():
    assert thing_words("How many minutes of documentation time does it save?") == {"document"}
    assert thing_words("How many hours of protected time will super-users get?") == {"protect"}
    assert thing_words("How often do Class 1A systems need an independent third-party audit?") == {"audit"}
    assert thing_words("How often does the committee meet?") == set()
    # the measure asked, not the group it is asked for, nor an adverb after it
    assert thing_words("What was the word error rate for patients aged 80 and older?") == set()
    assert thing_words("What did data quality score on readiness back in Q1 2026?") == {"readi"}


def test_the_users_own_body_is_no_other_body_a_passage_must_name():
    # a contract calls our committee "Customer": "governance" says whose committee, not which one
    assert thing_words("What happens if our AI governance committee objects to a model change?") == set()
    assert thing_words("Who runs the national immunisation registry?") == {"immunis"}
    assert thing_words("Who chairs the governance committee at our hospital?") == {"govern"}


def test_an_amount_written_with_a_currencys_code_or_name_or_in_a_tables_units():
    for stated in ("CHF 250", "EUR 40,000", "120,000 rupees", "3.5 million euros", "₹ 5,000", "40k USD"):
        assert MONEY.search(stated), stated
    for other in ("ISO 27001", "NHS 111", "5 random samples", "42 clinicians"):
        assert not MONEY.search(other), other
    assert in_money_units("Laboratory Results Service | 2.5 | 33.5", "Table 27: Budget by year (TVK million)")
    assert in_money_units("Ambient scribe licences | 3.1 | 4.6", "Line item ($m) | FY2027 | FY2028")
    assert not in_money_units("Electronic health record | 3", "Systems in use (EHR)")
    assert not in_money_units("No figures here", "Cost (USD)")


POLICY = """---
title: Clinical AI Tools - Intake and Approval
---
# Clinical AI Tools - Intake and Approval

## 2 Governance

The Clinical AI Oversight Board (CAIOB) reviews every request to deploy a clinical AI tool.

## 7.1 CAIOB decision

The CAIOB approves, approves with conditions or declines each request within 45 days. A sponsor whose
request is declined may appeal within 30 calendar days to the Chief Medical Officer, whose decision is final.
"""


def test_a_body_its_passage_names_by_the_acronym_its_document_defines_is_named(corpus_advisor, tmp_path):
    # "the oversight board" is the CAIOB of the section's heading, spelled out elsewhere in the policy
    advisor = with_uploads(corpus_advisor, tmp_path / "uploads", {"intake.md": POLICY})
    ans = advisor.ask("If the oversight board turns down a tool, how long does the sponsor have to appeal?")
    assert not ans.abstained, ans.answer
    assert "30 calendar days" in ans.answer, ans.answer


VENDOR = """---
title: Quillfen Scribe - vendor assessment responses
---
# Quillfen Scribe - vendor assessment responses

## 4 Performance metrics

Table 4-A. Primary performance metrics

| Metric | Value | 95% CI | Test population |
|---|---|---|---|
| Word error rate (WER), all words | 6.8% | 6.3-7.3% | 2,140 adult encounters at 3 sites |
| Clinically significant note errors | 1.9 per 100 notes | 1.4-2.5 | 1,020 adult notes |
"""


def test_a_rate_asked_for_a_group_the_vendor_never_reports_is_declined(corpus_advisor, tmp_path):
    # "word error rate": its "rate" frames the figure; asked for a subgroup, the figure must be
    # stated for that subgroup (the adult cohort's is no answer), and is when asked without one
    advisor = with_uploads(corpus_advisor, tmp_path / "uploads", {"quillfen.md": VENDOR})
    ans = advisor.ask("What word error rate did Quillfen Scribe achieve for pediatric patients?")
    assert ans.abstained, ans.answer
    ans = advisor.ask("What word error rate did Quillfen Scribe achieve?")
    assert not ans.abstained and "6.8%" in ans.answer, ans.answer


REPORT = """---
title: Harlow Health Partnership clinical AI annual report
---
# Harlow Health Partnership clinical AI annual report

## Foreword

My thanks go to every member of staff who has questioned an AI output, and to Dr Tobias Renshaw-Okafor,
our Chief Clinical Information Officer, who leads the programme with ambition and caution.
"""


def test_a_person_holding_another_office_is_no_answer_for_the_office_asked(corpus_advisor, tmp_path):
    # "Chief AI Officer" and "Chief Clinical Information Officer" share "Chief" and "Officer" only
    advisor = with_uploads(corpus_advisor, tmp_path / "uploads", {"report.md": REPORT})
    ans = advisor.ask("Who is the Partnership's Chief AI Officer?")
    assert ans.abstained, ans.answer
    ans = advisor.ask("Who is the Partnership's Chief Clinical Information Officer?")
    assert not ans.abstained and "Tobias Renshaw-Okafor" in ans.answer, ans.answer


def test_how_satisfied_asks_a_score_or_a_share():
    # a pilot's metrics list "patient satisfaction" to track; no score is no answer to "how satisfied"
    assert focus_of("How satisfied were patients with the AI-drafted portal replies?") is Focus.RATE


def test_how_satisfied_is_declined_where_only_the_metric_to_track_is_named(corpus_advisor):
    # the bundled guide lists "patient satisfaction" among a messaging pilot's metrics: no result
    ans = corpus_advisor.ask("How satisfied were patients with the AI-drafted portal replies?")
    assert ans.abstained, ans.answer


REGULATION = """---
title: Harlow Health Facilities (Artificial Intelligence) Regulation 2026
---
# Harlow Health Facilities (Artificial Intelligence) Regulation 2026

## 5. Responsibility of operator

(1) The operator is responsible for compliance with this Regulation in respect of every AI system deployed
at its facility, whether or not a supplier has agreed by contract to perform an obligation on its behalf.

## 6. Designated AI officer

(1) Every operator shall appoint a designated AI officer for each facility at which an AI system is deployed.
"""


def test_what_the_regulation_requires_is_read_in_the_regulation_not_a_guide(corpus_advisor, tmp_path):
    # a bundled guide's contract clauses mention liability and insurance; the regulation does not
    advisor = with_uploads(corpus_advisor, tmp_path / "uploads", {"regulation.md": REGULATION})
    ans = advisor.ask("Does the regulation require operators to carry liability insurance for their AI systems?")
    assert ans.abstained, ans.answer
    ans = advisor.ask("Does the regulation require operators to appoint a designated AI officer?")
    assert not ans.abstained and "designated AI officer" in ans.answer, ans.answer
