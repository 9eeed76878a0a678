"""A question asking how a document defines a term is answered by the document's definition,
even when its definitions list is one long passage whose other terms outweigh the one asked."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.definitions import asks_definition

from .builders import SMALL_GUIDES, indexed_settings

TERMS = [
    ("Triage Assistant", "a program that sorts incoming patient messages by urgency for a nurse to confirm"),
    ("Clinical Software", "any program whose output is used in the care of one named patient"),
    ("Attending of Record", "the physician who holds primary responsibility for a patient during a stay"),
    ("Override", "a decision by a clinician not to follow a program's output, with the reason for it"),
    ("Software Register", "the list of programs cleared for clinical use, with the version of each"),
    ("Audit Sample", "the notes drawn at random each quarter for the committee to review"),
]
RULES = (
    "---\ntitle: Harrowmere Clinics rules for clinical software\n---\n"
    "# Harrowmere Clinics rules for clinical software\n\n## 2 Definitions\n\n"
    + "\n".join(f"2.{i} {t} means {d}." for i, (t, d) in enumerate(TERMS, start=1))
    + "\n\n## 3 Use of the Triage Assistant\n\n"
    "3.1 Nurses confirm every urgent label the Triage Assistant gives before the patient is called.\n"
    "3.2 The Triage Assistant stays off on public holidays, when messages go to the on-call nurse.\n"
    "3.3 Each label the Triage Assistant gives is kept with the message for two years.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("definitions"), {**SMALL_GUIDES, "rules.md": RULES}))


def test_how_a_document_defines_a_term_is_read_as_a_definition_question():
    assert asks_definition("How does Harrowmere's rulebook define a Triage Assistant?") == "Triage Assistant"
    assert asks_definition("How is an Override defined in the rules?") == "Override"
    # "What is ...?" may ask for a figure: no extra search for it
    assert asks_definition("What is the retention period for triage labels?") == ""


def test_the_definition_leads_the_answer(advisor):
    ans = advisor.ask("How does Harrowmere's rulebook define a Triage Assistant?")
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("Triage Assistant means") or ans.answer.startswith("2.1 Triage Assistant means"), (
        ans.answer
    )


def test_what_counts_as_x_under_a_named_framework_asks_x_defined():
    from advisor.answer.definitions import asks_definition, defined_subject

    question = "What counts as a Class I system under the Tarrow framework?"
    # the framework says where to look; the class is what is defined
    assert defined_subject(question) == asks_definition(question) == "Class I system"
    assert defined_subject("What qualifies as a serious incident?") == "serious incident"


def test_what_exactly_counts_as_x_where_it_is_met_asks_x_defined():
    from advisor.answer.definitions import asks_definition, defined_subject, defines

    question = "What exactly counts as a clinically significant error in a note or letter drafted by AI?"
    # "exactly" is the asker's emphasis; where the error is met says nothing of what it is
    assert defined_subject(question) == asks_definition(question) == "clinically significant error"
    assert defines("clinically significant error", "We define a clinically significant error as any omission.")


CLASSES = """<html><head><title>framework.html</title></head><body><main>
<h1>Tarrow Health Authority AI framework</h1>
<h2>3. Risk classes</h2>
<p>3.1 Every AI system in scope is assigned one of three risk classes before it is used.</p>
<p>3.2 Class I covers administrative systems that handle health information but inform no clinical decision,
such as rostering or coding aids.</p>
<p>3.3 Class II covers systems that inform a clinical decision a clinician reviews before it takes effect.</p>
<p>3.4 Class III covers systems that act without clinician review, such as alerts that page a team directly.</p>
<h2>8. Glossary</h2>
<p>AI system: software that produces predictions or recommendations that influence a health service.</p>
<p>Baseline: the performance of a system measured on the provider's own patients before go-live.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def classes(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "framework.html": CLASSES}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("classes"), docs))


def test_the_sentence_saying_what_a_class_covers_leads(classes):
    ans = classes.ask("What counts as a Class II system under the Tarrow framework?")
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("Class II covers systems that inform"), ans.answer
