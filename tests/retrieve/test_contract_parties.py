"""A contract names its parties once ('Quarrel Bay Clinics ("Customer") and Tensile Data, LLC
("Processor")') and then only by those terms: a question naming a party finds the clauses that
use its term, and the terms are read from the definition, not from a list of our own."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
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
