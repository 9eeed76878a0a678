"""Questions about a document the user indexed, in the user's words: its status lines ("Effective
1 April 2027."), a figure its table states under a column heading, a figure the question says the
issuer "estimates", and a question no governance topic resembles but the document answers."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.asks import read_ask
from advisor.answer.cells import keyed_row
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
<p>During a declared outage of the electronic health record, the county health officer may allow clinics to
run the audit on paper for up to 30 days.</p>
<h2>4 Comments and Responses</h2>
<p>Comment: Several clinic groups asked that software a clinic writes for itself be left out of the audit.</p>
<p>Response: We disagree. Software a clinic writes for itself is audited like any other, because the board
found home-grown tools at 9 of the 58 clinics.</p>
<h2>3 Signature</h2>
<p>Dated: 14 March 2027.</p>
<p>Orla Pennick, County Health Officer.</p>
</main></body></html>
"""


# another document, naming the EHR by its acronym
EHR_GUIDE = (
    "---\ntitle: EHR downtime guide\n---\n# EHR downtime guide\n\n## Planning\n\nEvery EHR downtime plan "
    "names who may authorise paper workflows, and the EHR team rehearses the plan twice a year so that "
    "clinics know how long a downtime can last before the backup site takes over.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    root = tmp_path_factory.mktemp("own-documents")
    return Advisor(indexed_settings(root, {"brackwater-rule-14.html": RULE, "ehr-guide.md": EHR_GUIDE}))


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


def test_hours_of_training_are_not_hours_of_something_else():
    from advisor.answer.focus import gives

    ask = read_ask("How many hours of AI training must our staff complete each year?")
    assert not gives(ask, "The chief medical officer may approve emergency use of a tool for up to 72 hours.")
    assert gives(ask, "Every clinician completes 4 hours of AI training each year.")
    # a trigger event ("within how many days of an incident") is not what is measured
    assert gives(read_ask("Within how many days of an incident must we report?"), "Report within 10 days of discovery.")


def test_a_commenters_request_is_quoted_with_the_issuers_response(advisor):
    ans = advisor.ask("Is software that a clinic writes for itself left out of the Rule 14 audit?")
    assert not ans.abstained, ans.answer
    # a commenter's request alone reads as the rule: the response that decides it follows it
    assert "Comment:" in ans.answer and "Response: We disagree" in ans.answer, ans.answer
    assert ans.answer.index("Comment:") < ans.answer.index("Response: We disagree")
    assert "audited like any other" in ans.answer, ans.answer


def test_a_code_printed_with_an_en_dash_is_the_code_typed_with_a_hyphen(advisor):
    from advisor.text import identifiers, tokenize

    assert identifiers("the ADAPT\u20132 final rule") == identifiers("the ADAPT-2 final rule") == ["ADAPT-2"]
    assert "hti-1" in tokenize("HTI\u20111 criteria")  # a non-breaking hyphen
    assert tokenize("safety \u2014 first") == tokenize("safety first")  # an em dash still parts words


def test_a_document_spelling_out_an_acronym_names_it(advisor):
    ans = advisor.ask(
        "During an EHR outage, who can allow clinics to run their software audit on paper, and for how long?"
    )
    assert not ans.abstained, ans.answer
    assert "county health officer" in ans.answer and "30 days" in ans.answer, ans.answer
