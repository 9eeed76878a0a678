"""Vendor documents in layouts the other cards lack: an FDA 510(k) summary (Halvard NeuroTriage
MVO, whose predicate is the Halvard NeuroTriage LVO datasheet) and a Hugging-Face/Google-style
model card (Lumora DermaScan-Mel), built by evals/fixtures/cards/build_cards.py and indexed with
every other card. A question about one product is answered from its own card, not from the card
of its sibling that names it; a figure for a subgroup the card does not report is declined.
Sentences are our own words about fictional products."""

from __future__ import annotations

import pytest

from advisor.answer.asks import read_ask
from advisor.answer.properties import asked_population
from advisor.ingest import load_chunks
from advisor.text import tokenize

from .conftest import answers, evidence, first_source

MVO = "K243310_Halvard_NeuroTriage_MVO_510k_summary"
DERM = "lumora-dermascan-mel-v2-model-card"
LVO = "Halvard_NeuroTriage_LVO"


def test_a_510k_summary_and_a_model_card_name_their_product_and_maker_in_every_chunk_title(built):
    titles = {
        stem: {c.title for c in load_chunks(built[stem], str(built[stem]), doc_type="user")} for stem in (MVO, DERM)
    }
    # "Name of device" and "Submitter" are how a 510(k) summary names its subject and maker
    assert titles[MVO] == {"510(k) Summary — Halvard NeuroTriage MVO (Halvard Medical AI, Inc.)"}
    # a card titled with its model alone gains the maker its "Developed by" line names
    assert titles[DERM] == {"Model Card: DermaScan-Mel v2 (Lumora Health Labs, Inc.)"}


def test_a_word_qualifying_how_a_measure_was_reported_is_not_asked_of_the_card():
    q = "What were the headline sensitivity and specificity of the Tern ICH tool in its standalone study?"
    row = evidence("Sensitivity | 86.7% | 81.2% to 91.0%", "Tern ICH 510(k) Summary", "Endpoint | Estimate | 95% CI")
    spec = evidence("Specificity | 91.2% | 87.3% to 94.2%", "Tern ICH 510(k) Summary", "Endpoint | Estimate | 95% CI")
    assert answers(q, row, spec)[0]  # no card says "headline"
    assert read_ask(q).asked_property == frozenset(tokenize("sensitivity specificity"))
    # "in its standalone study" is the study, not a subgroup
    assert asked_population(q) == (frozenset(), frozenset())


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # a measure closing the question, asked of a product in its possessive
        ("What is OrbDoc's positive predictive value?", "positive predictive value"),
        ("What is the Tern ICH tool's sensitivity?", "sensitivity"),
        ("What was the specificity?", "specificity"),
        # a thing that is not a measure asks for no figure
        ("What is the hospital's policy on AI?", ""),
        ("What is Tern's mission?", ""),
    ],
)
def test_a_measure_closing_a_question_is_the_property_asked(question, asked):
    assert read_ask(question).asked_property == frozenset(tokenize(asked))


def test_a_subgroup_named_at_the_end_of_the_question_must_be_the_figure_s_subgroup():
    title = "Tern MVO 510(k) Summary"
    lead = "Subgroup | Studies | Sensitivity (95% CI)"
    overall = evidence("Sensitivity | 86.7% | 81.2% to 91.0%", title, "Endpoint | Estimate | 95% CI")
    m3 = evidence("M3 segment | 52 | 78.8% (65.3 to 88.9)", title, lead)
    ok, reason = answers("What sensitivity does Tern MVO report for basilar artery occlusions?", overall, m3)
    assert not ok and "basilar" in reason
    assert answers("What sensitivity does Tern MVO report in the M3 segment?", overall, m3)[0]


def test_how_well_a_tool_detects_in_a_subgroup_is_answered_by_that_subgroup_s_figure():
    q = "How well did Tern MVO pick up occlusions in patients aged 80 or older?"
    title = "Tern MVO 510(k) Summary"
    lead = "Subgroup | Studies | Sensitivity (95% CI)"
    intended = evidence("Tern MVO flags occlusions on CT angiography of patients aged 22 years and older.", title)
    younger = evidence("Age 65 to 79 | 192 | 86.7% (77.5 to 93.2)", title, lead)
    ok, reason = answers(q, intended, younger)
    assert not ok and "performance" in reason
    assert answers(q, intended, evidence("Age 80 and older | 123 | 82.7% (69.7 to 91.8)", title, lead))[0]


def test_a_test_set_s_count_does_not_say_how_many_studies_a_model_was_trained_on():
    q = "How many CT angiography studies was Tern MVO trained on?"
    tested = evidence(
        "Standalone performance was assessed in a retrospective, blinded study of 486 CT angiography studies "
        "from six hospitals.",
        "Tern MVO 510(k) Summary",
    )
    ok, reason = answers(q, tested)
    assert not ok and "how many" in reason
    assert answers(
        q, tested, evidence("Tern MVO was trained on 9,870 CT angiography studies.", "Tern MVO 510(k) Summary")
    )[0]


def test_a_property_only_a_sibling_card_states_is_not_the_named_product_s():
    q = "Which CE marking class does Tern MVO hold under the EU MDR?"
    own = evidence("Regulatory class: II", "Tern MVO 510(k) Summary", document="Regulatory class: II Product code: QAS")
    sibling = evidence(
        "Tern LVO is CE marked under the EU MDR as a Class IIa device.", "Tern LVO datasheet", document="CE marked"
    )
    assert not answers(q, own, sibling)[0]
    assert answers(
        q, evidence("Tern MVO is CE marked under the EU MDR as a Class IIa device.", "Tern MVO 510(k) Summary")
    )[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "stem", "wanted"),
    [
        # the MVO summary names the LVO product as its predicate device and ranks first by it
        ("What sensitivity and specificity does Halvard's large vessel occlusion triage software report?", LVO, "94.1"),
        ("How well did NeuroTriage MVO pick up occlusions in patients aged 80 or older?", MVO, "82.7"),
        ("What AUROC does DermaScan-Mel reach on Fitzpatrick type III-IV skin?", DERM, "0.931"),
    ],
)
def test_a_question_about_one_product_is_answered_from_its_own_card(advisor, question, stem, wanted):
    ans = advisor.ask(question)
    assert not ans.abstained, ans.answer
    assert first_source(ans) == stem, [c.source for c in ans.citations]
    assert wanted in ans.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "elsewhere"),
    [
        # the MVO summary reports sensitivity for patients 80 and older; the LVO datasheet does not
        ("What sensitivity did Halvard NeuroTriage LVO achieve in patients over 80?", ["82.7"]),
        # the LVO datasheet is CE marked as Class IIa; the MVO summary says nothing of a CE mark
        ("Which CE marking class does NeuroTriage MVO hold under the EU MDR?", ["IIa"]),
        # the MVO summary reports the M2, M3 and anterior segments, not the basilar artery
        ("What sensitivity does NeuroTriage MVO report for basilar artery occlusions?", ["86.7", "91.5"]),
        # the 486 studies are the test set
        ("How many CT angiography studies was NeuroTriage MVO trained on?", ["486"]),
    ],
)
def test_what_a_card_does_not_state_is_declined_not_taken_from_its_sibling(advisor, question, elsewhere):
    ans = advisor.ask(question)
    assert ans.abstained, ans.answer
    assert not any(x in ans.answer for x in elsewhere)
