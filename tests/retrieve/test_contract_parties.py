"""A contract names its parties once ('Quarrel Bay Clinics ("Customer") and Tensile Data, LLC
("Processor")') and then only by those terms: a question naming a party finds the clauses that
use its term, and the terms are read from the definition, not from a list of our own."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.corpus import Corpus
from advisor.answer.paraphrase import derived
from advisor.retrieve.spelled import defined_parties

from ..answer.builders import SMALL_GUIDES, indexed_settings

CONTRACT = """<html><head><title>Data Processing Agreement</title></head><body><main>
<h1>Data Processing Agreement</h1>
<p>This Agreement is made between Quarrel Bay Clinics ("Customer") and Tensile Data, LLC ("Processor").</p>
<h2>1. Use of data</h2>
<p>Processor shall not use Customer data to build or tune machine-learning products licensed to other
clients, unless Customer's privacy officer consents in writing.</p>
<h2>2. Return of data</h2>
<p>Within forty-five days after the agreement ends, Processor shall return all outputs to Customer as CSV files.</p>
</main></body></html>
"""


def test_party_terms_are_read_from_their_definition():
    found = defined_parties(['between Quarrel Bay Clinics ("Customer") and Tensile Data, LLC (the “Processor”).'])
    assert found == {"Quarrel Bay Clinics": "Customer", "Tensile Data, LLC": "Processor"}


#: A guide on the same topics in general words: without the parties' terms it outranks the clauses.
GUIDE = (
    "---\ntitle: Vendor data terms guide\nframework: test-guide\n---\n# Vendor data terms guide\n\n"
    "## Training on customer data\n\nA vendor may want to use a health system's data to train models it sells "
    "to other clients; contracts should say whether it can.\n\n"
    "## Handing data back\n\nWhen a contract ends, the vendor should hand back outputs and data promptly, "
    "in a file format the health system can read.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "vendor-terms.md": GUIDE, "dpa.html": CONTRACT}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("parties"), docs))


def test_a_question_naming_the_parties_finds_the_clause_using_their_terms(advisor):
    ans = advisor.ask("Can Tensile use Quarrel Bay data to train models it licenses to other clients?")
    assert not ans.abstained and "privacy officer consents in writing" in ans.answer, ans.answer


def test_the_return_clause_is_found_by_the_party_names(advisor):
    ans = advisor.ask("How soon must Tensile hand the outputs back to Quarrel Bay after the contract ends?")
    assert not ans.abstained and "forty-five days" in ans.answer, ans.answer


def test_the_search_query_carries_the_terms_of_the_parties_it_names(advisor):
    expanded = advisor.retriever.expand("Can Tensile use Quarrel Bay data to train models?")
    assert "Processor" in expanded and "Customer" in expanded
    assert (
        advisor.retriever.expand("Can a vendor train models on our data?") == "Can a vendor train models on our data?"
    )


#: A contract setting its parties' names in capitals, with a cap stated of one party and an
#: officer of the other.
CAPITALS = """<html><head><title>Master Services Agreement</title></head><body><main>
<h1>Master Services Agreement</h1>
<p>This Agreement is made between ORRENDALE ANALYTICS, INC. ("Vendor") and Pellbrook Health Partners ("Customer").</p>
<h2>14. Limitation of liability</h2>
<p>14.3 Vendor's total aggregate liability for losses arising from any Security Incident shall not exceed
USD 4,000,000 (the "Data Protection Cap").</p>
<h2>15. Security incidents</h2>
<p>15.1 Vendor shall notify Customer's Chief Information Security Officer of any Security Incident within
48 hours after Vendor becomes aware of it.</p>
</main></body></html>
"""


def test_a_name_set_in_capitals_is_read_as_a_question_writes_it():
    found = defined_parties(['between ORRENDALE ANALYTICS, INC. ("Vendor") and Pellbrook Health ("Customer").'])
    assert found == {"Orrendale Analytics, Inc.": "Vendor", "Pellbrook Health": "Customer"}


@pytest.fixture(scope="module")
def capitals(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "vendor-terms.md": GUIDE, "msa.html": CAPITALS}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("capitals"), docs))


def test_a_party_named_in_capitals_is_searched_by_its_term(capitals):
    assert "Vendor" in capitals.retriever.expand("What is the most Orrendale can be liable for?")


def test_a_clause_saying_the_term_answers_for_the_party(capitals):
    # "liable" is stated as "liability", "Orrendale" as "Vendor", "the maximum" as "shall not exceed"
    ans = capitals.ask("What is the maximum Orrendale can be liable for after a security incident?")
    assert not ans.abstained and "4,000,000" in ans.answer, ans.answer


def test_another_partys_officer_is_not_the_one_asked_for(capitals):
    ans = capitals.ask("Who is Orrendale's designated HIPAA Security Officer for this engagement?")
    assert ans.abstained or "Chief Information Security Officer" not in ans.answer, ans.answer


def test_the_partys_term_speaks_of_it_unless_it_gives_the_thing_asked_to_another_party(capitals):
    corpus = Corpus(capitals.retriever)
    hits = capitals.retriever.search("Vendor liability cap security incident", k=8).hits
    chunk = next(h.chunk for h in hits if h.chunk.source.endswith("msa.html"))
    asked = {"orrendal": 1.0, "liabl": 1.0, "secur": 1.0, "offic": 1.0}
    cap = "Vendor's total aggregate liability shall not exceed USD 4,000,000."
    assert corpus.parties("What is the most Orrendale can be liable for?", asked, chunk, cap) == ({"orrendal"}, set())
    officer = "Vendor shall notify Customer's Chief Information Security Officer of any Security Incident."
    said, other = corpus.parties("Who is Orrendale's security officer?", asked, chunk, officer)
    assert other == {"orrendal"} and not said


def test_an_adjective_in_ble_is_stated_by_its_noun_in_bility():
    assert derived("liabl", {"liabil"}) and derived("liabil", {"liabl"})
    assert not derived("liabl", {"liab"}) and not derived("stabl", {"liabil"})
