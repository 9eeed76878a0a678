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
