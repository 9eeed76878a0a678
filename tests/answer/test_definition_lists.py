"""A regulation's definitions list: each quoted term on a line of its own, in lower case, each
entry closed by ";" (fictional regulation, our own words). "Who exactly counts as the
'operator'?" is answered by the operator's entry, quoted as a whole sentence without its ";",
before the sections that only say what an operator must do."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.definitions import defined_subject, defines
from advisor.answer.quotable import read_units
from advisor.chunk import Chunk
from advisor.evaluate.readability import readability

from .builders import SMALL_GUIDES, indexed_settings

_DEFINITIONS = (
    "(1) In this Regulation, “Act” means the Health Facilities Licensing Act, 2019;\n"
    "“AI oversight committee” means the committee established under section 7;\n"
    "“operator” means the licensee of a facility at which an AI system is deployed;\n"
    "“supplier” means a person who makes an AI system available to an operator.\n"
)
_REGULATION = (
    "---\ntitle: Ostley Health Facilities AI Regulation\n---\n# Ostley Health Facilities AI Regulation\n\n"
    "## 2. Definitions\n\n" + _DEFINITIONS + "\n## 3. Responsibility of operator\n\n"
    "(1) The operator is responsible for compliance with this Regulation in respect of every AI system deployed "
    "at its facility.\n(2) Every operator shall appoint a designated AI officer for each facility.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "ostley-regulation.md": _REGULATION}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("definitions"), docs))


def test_who_counts_as_a_defined_term_is_answered_by_its_entry_first(advisor):
    ans = advisor.ask("Under the Ostley regulation, who exactly counts as the 'operator'?")
    assert not ans.abstained, ans.answer
    first = ans.answer.split(" [")[0]
    assert first == "“operator” means the licensee of a facility at which an AI system is deployed", ans.answer
    assert "deployed;" not in ans.answer  # the list's separator is no end of the answer's sentence
    assert readability(ans.answer).fragment_rate == 0.0, ans.answer


def test_each_entry_of_a_definitions_list_is_a_whole_sentence_of_its_own():
    chunk = Chunk("c-1", _DEFINITIONS, "docs/reg.pdf", "Regulation", section="2. Definitions", page=4)
    quotable = [u.text for u in read_units(chunk) if u.ok]
    assert "“operator” means the licensee of a facility at which an AI system is deployed;" in quotable
    assert "“supplier” means a person who makes an AI system available to an operator." in quotable


def test_a_duty_of_the_term_is_no_definition_of_it():
    assert defined_subject("Under the Ostley regulation, who exactly counts as the 'operator'?") == "operator"
    assert not defines("operator", "The operator is responsible for compliance with this Regulation.")
    assert defines("operator", "“operator” means the licensee of a facility;")
    assert defines("AI inventory", "An AI inventory is a list of every AI system in use.")
    # what the documents say there is of X, even that it is not given, still heads "What are X?"
    assert defines("names of the OAMM stages", "The names of the OAMM stages are not reproduced here.")


def test_whether_we_are_a_quoted_term_is_answered_by_its_definition_first(advisor):
    # the user says who they are, then asks whether they are a term the regulation defines
    q = "We run two clinics and a lab that use an AI triage tool. Are we an 'operator' under the Ostley regulation?"
    assert defined_subject(q) == "operator"
    ans = advisor.ask(q)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("“operator” means the licensee of a facility"), ans.answer


def test_a_question_with_a_quoted_word_that_is_no_term_asks_no_definition():
    assert defined_subject("Is it the vendor's responsibility to retrain the model?") == ""
    assert defined_subject("Does the committee's 'fast track' still need two signatures? It did last year.") == ""


_BILL = (
    "---\ntitle: Tarrow Clinical Algorithms Act\n---\n# Tarrow Clinical Algorithms Act\n\n"
    "## 2. Definitions\n\n"
    "(7) “Qualified reviewer” means a licensed practitioner who meets all of the following conditions:\n"
    "(A) The decision under review falls within the practitioner’s scope of practice.\n"
    "(B) The practitioner has completed the training the department requires.\n"
    "(C) The practitioner is not paid according to how often they agree with the system.\n\n"
    "## 3. Human review\n\n"
    "(a) A facility shall not act on a system's output without review by a qualified reviewer.\n"
    "(b) A facility shall not require a qualified reviewer to obtain a supervisor's approval before overriding "
    "the system.\n"
    "(c) A patient may ask that a decision be reconsidered by a qualified reviewer who did not take part in it.\n"
)


def test_what_makes_someone_a_quoted_term_is_answered_by_the_list_its_definition_leads(tmp_path):
    q = "What conditions must a clinician satisfy to count as a 'qualified reviewer' under the Tarrow act?"
    assert defined_subject(q) == "qualified reviewer"
    # an adjective quoted without its noun asks what makes a thing so, not for a defined term
    assert defined_subject("What makes an AI incident count as 'serious' under the framework?") == ""
    adv = Advisor(indexed_settings(tmp_path, {**SMALL_GUIDES, "tarrow-act.md": _BILL}))
    ans = adv.ask(q)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("“Qualified reviewer” means a licensed practitioner"), ans.answer
    for condition in ("scope of practice", "completed the training", "not paid according to"):
        assert condition in ans.answer, ans.answer
