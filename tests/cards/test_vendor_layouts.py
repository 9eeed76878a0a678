"""Vendor cards laid out unlike CHAI's: two product datasheets of one made-up vendor (same
sections, different numbers) and a "Model Facts" label in Word, built by
evals/fixtures/cards/build_cards.py and indexed together, with the CHAI cards when ../shared
is present. A question about one product cites that product's card first; a field the named
card lacks is declined rather than answered from its sibling or from a near field."""

from __future__ import annotations

import pytest

from advisor.answer.asks import Evidence, addressed, read_ask
from advisor.ingest import load_chunks
from advisor.text import tokenize

from .conftest import CARDS, first_source, pdf


def test_each_card_names_its_own_product_in_every_chunk_title(built):
    titles = {}
    for stem, p in built.items():
        chunks = load_chunks(p, str(p), doc_type="user")
        titles[stem] = {c.title for c in chunks}
    # the two datasheets share the template title "Product datasheet": the "Product" row tells them apart
    assert titles["Halvard_NeuroTriage_LVO"] == {
        "Product datasheet — Halvard NeuroTriage LVO (Halvard Medical AI, Inc.)"
    }
    assert titles["Halvard_NeuroTriage_ICH"] == {
        "Product datasheet — Halvard NeuroTriage ICH (Halvard Medical AI, Inc.)"
    }
    assert titles["Kestrel_Sepsis_Model_Facts"] == {
        "Model Facts: Kestrel Sepsis Early Warning (Kestrel Clinical Analytics)"
    }


def test_a_facts_table_reads_as_fields_and_a_metrics_table_stays_a_table(built):
    p = built["Kestrel_Sepsis_Model_Facts"]
    lines = {line for c in load_chunks(p, str(p), doc_type="user") for line in c.text.split("\n")}
    assert "Output: A score from 0 to 100; a high-risk flag is raised at a score of 68 or above." in lines
    assert not any(" | " in line for line in lines)
    p = built["Halvard_NeuroTriage_LVO"]
    chunks = load_chunks(p, str(p), doc_type="user")
    assert any("Release date: April 2023" in c.text.split("\n") for c in chunks)
    metrics = [c for c in chunks if c.meta.get("block") == "table"]
    assert metrics and "Specificity | 92.6% | 88.9% to 95.3%" in metrics[0].text.split("\n")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "stem", "wanted", "sibling"),
    [
        ("What is the FDA clearance number of NeuroTriage ICH?", "Halvard_NeuroTriage_ICH", "K230744", "K223051"),
        ("What is the 510(k) number for Halvard NeuroTriage LVO?", "Halvard_NeuroTriage_LVO", "K223051", "K230744"),
        ("When was Halvard NeuroTriage ICH released?", "Halvard_NeuroTriage_ICH", "October 2023", "April 2023"),
    ],
)
def test_a_question_about_one_product_cites_its_card_first(advisor, question, stem, wanted, sibling):
    ans = advisor.ask(question)
    assert not ans.abstained, ans.answer
    assert first_source(ans) == stem, [c.source for c in ans.citations]
    assert wanted in ans.answer and sibling not in ans.answer


def test_a_status_line_inside_a_card_answers_for_its_product(advisor):
    # every passage of the card carries "DermaScan-Mel": inside it, "FDA clearance" picks the line
    ans = advisor.ask("Has DermaScan-Mel been through FDA clearance?")
    assert not ans.abstained and "not cleared or approved by the FDA" in ans.answer, ans.answer
    assert first_source(ans) == "lumora-dermascan-mel-v2-model-card", [c.source for c in ans.citations]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "elsewhere"),
    [
        # the LVO sheet reports no PPV; the Kestrel label does (18%)
        ("What positive predictive value does Halvard NeuroTriage LVO report?", ["18%"]),
        # the same asked with the product's possessive, the measure closing the question
        ("What is Halvard NeuroTriage LVO's positive predictive value?", ["18%"]),
        # the Kestrel label reports a sensitivity but no specificity; both Halvard sheets do
        ("What specificity does the Kestrel Sepsis Early Warning model have?", ["92.6", "96.8", "71%"]),
    ],
)
def test_a_field_the_card_lacks_is_declined_not_taken_from_another_card(advisor, question, elsewhere):
    ans = advisor.ask(question)
    assert ans.abstained, ans.answer
    assert not any(x in ans.answer for x in elsewhere)


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        "Which uses are out of scope for the Lumora melanoma model?",
        # asked without the heading's words: the list's items are far from them in meaning
        "What should Lumora's melanoma model not be used for?",
        "What uses does Lumora rule out for its melanoma model?",
    ],
)
def test_the_out_of_scope_uses_under_a_singular_heading_are_quoted_whole(advisor, question):
    # the Lumora card lists them under "Out-of-scope use", as Hugging Face's card template does;
    # no item says "scope", and the card's other sections outrank the list on the product's words
    ans = advisor.ask(question)
    assert not ans.abstained, ans.answer
    for item in ("nails, palms, soles", "younger than 18", "without a dermatoscope", "without a clinician"):
        assert item in ans.answer, ans.answer


@pytest.mark.slow
def test_a_chai_cards_out_of_scope_field_answers_what_it_must_not_be_used_for(advisor):
    pdf("Aidoc_AD-01")  # skips, naming the file, when ../shared is absent
    # the label is a field of the card's first page, not a heading; its words are far in meaning
    # from "not be used for", which reads close to the card's "intended to be used by" lines
    ans = advisor.ask("What should the Aidoc aortic dissection solution not be used for?")
    assert not ans.abstained, ans.answer
    assert "not intended for diagnostic use beyond notification" in ans.answer, ans.answer


def _evidence(text: str, document: str) -> Evidence:
    return Evidence(text, set(tokenize(text)), set(), set(tokenize(document)), frozenset(document.lower().split()))


def test_the_property_asked_must_be_in_the_cards_answering():
    ask = read_ask("What specificity does the Kestrel Sepsis Early Warning model have?")
    card = "Kestrel Sepsis Early Warning validation: AUROC 0.87; sensitivity 71% at the payer-specific threshold"
    verdict = addressed(
        ask, [_evidence("AUROC 0.87; sensitivity 71%.", card)], min_coverage=0.0, min_focus_coverage=0.0
    )
    assert not verdict.ok and "specif" in verdict.reason  # "payer-specific" is not a specificity
    sibling = card + "; specificity 93%"
    assert addressed(ask, [_evidence("Specificity 93%.", sibling)], min_coverage=0.0, min_focus_coverage=0.0).ok
    # what a document recommends is answered by its items, not by the word asked with
    ask = read_ask("Which data quality checks does the Northwind white paper recommend?")
    paper = "Northwind white paper: check completeness, conformance and plausibility"
    assert addressed(ask, [_evidence(paper, paper)], min_coverage=0.0, min_focus_coverage=0.0).ok
    # and a plural asks for a list, answered by its items
    ask = read_ask("What are the dimensions of the Kahn framework?")
    kahn = "The Kahn framework: conformance, completeness and plausibility"
    assert addressed(ask, [_evidence(kahn, kahn)], min_coverage=0.0, min_focus_coverage=0.0).ok


@pytest.mark.slow
def test_a_chai_card_without_the_metric_is_not_answered_from_its_sibling(advisor):
    if not CARDS.is_dir():
        pytest.skip(f"the shared CHAI model cards {CARDS} are absent")
    ans = advisor.ask("What specificity does OrbDoc Voice-to-SOAP report?")
    assert ans.abstained, ans.answer
    assert "89.5" not in ans.answer  # the Brain Aneurysm card's specificity
