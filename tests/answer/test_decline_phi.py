"""A declined question's reason names what the documents lack in the question's words, but never
repeats an identifier the question holds (a record number, a social security number, a name)."""

from __future__ import annotations

import shutil

import pytest

from advisor.answer import Advisor
from advisor.answer.routing import declined
from advisor.settings import Settings


def test_the_reason_puts_the_question_s_identifiers_as_placeholders():
    question = "Which readmissions happened for patient Odile Farrant, MRN 00977245, SSN 456-78-9012?"
    why = "they say nothing about Odile, Farrant, 00977245, 456, 78, 9012, readmissions"
    text = declined(why, [], question)
    for value in ("Odile", "Farrant", "00977245", "456", "9012"):
        assert value not in text, text
    assert "[NAME], [MRN], [SSN], readmissions" in text


def test_a_part_of_an_identifier_the_reason_quotes_is_a_placeholder_too():
    question = "Did the sepsis alert fire for the patient reachable at (617) 555-0142?"
    text = declined("they say nothing about 0142, 555, 555-0142, 617", [], question)
    assert "555-0142" not in text and "617" not in text, text
    assert "they say nothing about [PHONE]." in text, text


def test_a_question_without_identifiers_keeps_its_words():
    why = "they say nothing about pediatric, AUROC"
    assert "pediatric, AUROC" in declined(why, [], "What AUROC did the score reach in the pediatric population?")


@pytest.fixture(params=[False, True], ids=["detected-on-declining", "detected-for-the-audit-trail"])
def asker(request, corpus_home, tmp_path):
    """The advisor over the bundled corpus, without and with the audit trail (whose question is
    screened for identifiers before the answer is drafted)."""
    if not request.param:
        return Advisor(Settings.from_env({"ADVISOR_HOME": str(corpus_home)}))
    home = tmp_path / "home"
    shutil.copytree(corpus_home, home)
    return Advisor(Settings.from_env({"ADVISOR_HOME": str(home)}), audit=True)


def test_the_advisor_declines_without_echoing_them(asker):
    # in scope and declined for a term no passage holds: the reason names that term, in the
    # question's words, and the term is a social security number
    ans = asker.ask("Was the sepsis alert reviewed for record 456-78-9012?")
    assert ans.abstained, ans.answer
    assert "they say nothing about [SSN]" in ans.answer, ans.answer
    for value in ("456-78-9012", "456", "9012"):
        assert value not in ans.answer, ans.answer
