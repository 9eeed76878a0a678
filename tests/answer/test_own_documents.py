"""Questions about a document the user indexed, in the user's words: its status lines ("Effective
1 April 2027."), a figure its table states under a column heading, a figure the question says the
issuer "estimates", and a question no governance topic resembles but the document answers."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.asks import read_ask
from advisor.answer.focus import keyed_row
from advisor.guard import SCOPE_MESSAGE

from .builders import indexed_settings

RULE = """<html><head><title>Brackwater County Board of Health Rule 14</title></head><body><main>
<h1>Brackwater County Board of Health Rule 14: Audit of Clinical Software</h1>
<p>Adopted by the Board of Health on 12 March 2027.</p>
<p>Effective 1 April 2027.</p>
<h2>1 Purpose</h2>
<p>Every licensed clinic in the county audits the clinical decision software it uses once a year and
sends the audit summary to the county health office.</p>
<h2>2 Burden</h2>
<p>The county health office expects the audits to cost clinics less in the second year than in the first.</p>
<table><tr><th>Task</th><th>Hours per clinic</th><th>Clinics</th><th>Cost ($K)</th></tr>
<tr><td>Annual software audit</td><td>36</td><td>58</td><td>190</td></tr>
<tr><td>Summary to the health office</td><td>6</td><td>58</td><td>31</td></tr></table>
<h2>3 Signature</h2>
<p>Dated: 14 March 2027.</p>
<p>Orla Pennick, County Health Officer.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    root = tmp_path_factory.mktemp("own-documents")
    return Advisor(indexed_settings(root, {"brackwater-rule-14.html": RULE}))


def test_a_short_status_line_states_when_the_document_takes_effect(advisor):
    ans = advisor.ask("When does Rule 14 on software audits take effect?")
    assert not ans.abstained, ans.answer
    assert "1 April 2027" in ans.answer, ans.answer


def test_a_figure_under_its_column_heading_answers_what_the_issuer_estimates(advisor):
    ans = advisor.ask("How many hours per clinic does the county estimate the annual software audit will take?")
    assert not ans.abstained, ans.answer
    assert "36" in ans.answer, ans.answer


def test_a_question_about_the_users_own_document_is_not_refused_as_off_topic(advisor):
    ans = advisor.ask("Who signed Rule 14 and on what date?")
    assert ans.answer != SCOPE_MESSAGE and "outside what I cover" not in ans.answer, ans.answer
    # a question resembling nothing the user indexed still is
    off = advisor.ask("Who won the football match last night?")
    assert "outside what I cover" in off.answer or off.answer.startswith(SCOPE_MESSAGE[:40]), off.answer


def test_a_row_is_read_with_its_column_names_and_the_issuer_is_the_speaker():
    assert keyed_row("Annual software audit | 36 | 58", "Task | Hours per clinic | Clinics") == (
        "Task: Annual software audit; Hours per clinic: 36; Clinics: 58."
    )
    assert keyed_row("Annual software audit | 36", "Task | Hours per clinic | Clinics") == ""
    ask = read_ask("How many hours does the county health office estimate the audit takes?")
    assert "offic" in ask.speakers and "estim" not in ask.anchors
