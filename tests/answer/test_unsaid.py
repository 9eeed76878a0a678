"""A yes/no question about something the documents never mention ("does the notice require
malpractice insurance?") is declined with what they do not say, not answered with the notice's
neighbouring facts; one about something they state, in other words too, is answered."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import indexed_settings, orrin_notice

NOTICE = orrin_notice(
    "<h2>3 Penalties</h2>\n<p>A hospital that switches on an unvalidated tool may be fined up to $5,000 per day "
    "by the Authority.</p>",
    "<h2>4 Training</h2>\n<p>Each clinician who responds to sepsis alerts completes a one-hour course on the tool "
    "before using it.</p>",
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("unsaid"), {"orrin-notice-22.html": NOTICE}))


def test_a_requirement_the_documents_never_mention_is_declined_naming_it(advisor):
    ans = advisor.ask(
        "Does Notice 22 require Orrin Valley hospitals to carry malpractice insurance for software errors?"
    )
    assert ans.abstained, ans.answer
    assert "malpractice" in ans.answer, ans.answer


def test_a_requirement_they_state_is_answered(advisor):
    ans = advisor.ask(
        "Does Notice 22 require Orrin Valley hospitals to validate sepsis alert tools on their own admissions?"
    )
    assert not ans.abstained and "300" in ans.answer, ans.answer


def test_what_a_document_requires_is_declined_when_it_never_mentions_the_thing(advisor):
    # "What X does the notice require": the thing required comes before the document
    ans = advisor.ask("What malpractice insurance cover does Notice 22 require Orrin Valley hospitals to hold?")
    assert ans.abstained, ans.answer
    assert "insurance" in ans.answer or "malpractice" in ans.answer, ans.answer


def test_what_a_document_requires_is_answered_when_it_says(advisor):
    ans = advisor.ask("What validation does Notice 22 require of Orrin Valley hospitals for sepsis alert tools?")
    assert not ans.abstained and "300" in ans.answer, ans.answer


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "What disciplinary action applies to clinicians who respond to sepsis alerts without completing the "
            "course on the tool?",
            "disciplinary",
        ),
        (
            "What refresher schedule applies to the one-hour course clinicians complete on the sepsis alert tool?",
            "refresher",
        ),
    ],
)
def test_what_kind_of_thing_the_documents_never_name_is_declined(advisor, question, kind):
    # the course is there; no disciplinary action or refresher is, and the course is no answer
    ans = advisor.ask(question)
    assert ans.abstained, ans.answer
    assert kind in ans.answer, ans.answer


def test_what_kind_of_thing_they_name_is_answered(advisor):
    ans = advisor.ask("What course must clinicians complete before responding to sepsis alerts?")
    assert not ans.abstained and "one-hour course" in ans.answer, ans.answer
