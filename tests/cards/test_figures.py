"""A question asking a card for a figure (a metric's value, a count, the figure for a subgroup)
is answered only by a clause stating that figure, for that property, population and thing
counted; the nearest sentence (the metric named among endpoints, the test set's count beside
the word "training", "aged 18 and older" for "under 18") is declined. The right card's figure
is found even when retrieval missed its metrics table. Sentences are our own words about
fictional products."""

from __future__ import annotations

import pytest

from advisor.ingest import load_chunks

from .conftest import answers, card_path, evidence, first_source


def test_a_count_of_another_set_beside_the_word_training_does_not_answer_how_many_trained_on():
    q = "How many head CT studies was the Tern ICH model trained on?"
    test_set = evidence(
        "The Tern ICH model was measured on 528 head CT studies from four hospitals, none of which "
        "contributed training data."
    )
    ok, reason = answers(q, test_set)
    assert not ok and "how many" in reason
    trained = evidence("The Tern ICH model was trained on 9,870 head CT studies from 23 sites.")
    assert answers(q, test_set, trained)[0]
    # a label names what its figure counts: "Training data: 212,400 encounters"
    assert answers(
        "How many encounters was the Tern ICH model trained on?",
        evidence("Tern ICH training data: 212,400 encounters."),
    )[0]


def test_a_count_from_other_countries_does_not_answer_how_many_came_from_the_us():
    q = "How many head CT studies from US hospitals was the Tern ICH model trained on?"
    elsewhere = evidence(
        "The Tern ICH model was trained on 9,870 head CT studies from hospitals in the United Kingdom."
    )
    assert not answers(q, elsewhere)[0]
    assert answers(
        q, evidence("The Tern ICH model was trained on 4,100 head CT studies from hospitals in the United States.")
    )[0]


def test_a_metric_named_without_its_value_does_not_answer_what_value_it_reached():
    q = "What negative predictive value did the Tern ICH model achieve?"
    named = evidence(
        "Secondary endpoints of the Tern ICH model were positive predictive value (PPV), "
        "negative predictive value (NPV) and time to notification."
    )
    goal = evidence("For the Tern ICH model, sensitivity and specificity exceeded the 80% performance goal.")
    ok, reason = answers(q, named, goal)
    assert not ok and "negative predictive value" in reason
    assert answers(q, named, evidence("The Tern ICH model reached an NPV of 98.1% (95% CI: 96.0%, 99.2%)."))[0]
    # each measure asked needs its own figure; one sentence may state both in separate clauses
    both = "What sensitivity and specificity did the Tern ICH model achieve?"
    assert answers(
        both, evidence("Specifically, Tern ICH sensitivity was 88.5% (95% CI: 80.4%, 94.1%) and specificity was 89.5%.")
    )[0]
    assert not answers(both, evidence("Tern ICH sensitivity was 88.5%."))[0]


def test_a_population_the_card_excludes_is_not_answered_by_the_cards_own_population():
    q = "What specificity did the Tern ICH model reach in patients under 18?"
    scope = evidence("The Tern ICH model is for adults aged 18 and older.")
    overall = evidence("The Tern ICH model reached a specificity of 91.0%.")
    ok, reason = answers(q, scope, overall)
    assert not ok and "under 18" in reason
    assert answers(q, evidence("In patients under 18, the Tern ICH model reached a specificity of 84.0%."))[0]


def test_a_date_about_something_else_does_not_answer_when_a_thing_happens():
    q = "When will the Tern ICH model next be retrained?"
    label = evidence("Label date: 12 March 2025", "Tern ICH model")
    monitoring = evidence(
        "Monitoring: calibration of the Tern ICH model is reviewed every quarter; it is retrained when "
        "its AUROC falls below 0.82."
    )
    ok, reason = answers(q, label, monitoring)
    assert not ok and "time asked for" in reason
    assert answers(q, label, evidence("The Tern ICH model is retrained twice a year, in March and September."))[0]
    assert answers("When was the Tern ICH model released?", evidence("Release date: October 2023", "Tern ICH model"))[0]


def test_a_subgroup_row_under_a_header_naming_the_measure_answers_for_that_subgroup():
    q = "What specificity does the Tern ICH model report for women?"
    header = "Subgroup | Studies | Sensitivity | Specificity"
    women = evidence("Women | 318 | 90.4% | 94.6%", "Tern ICH model Evaluation", header)
    everyone = evidence("All studies | 640 | 91.2% | 94.0%", "Tern ICH model Evaluation", header)
    assert answers(q, women)[0]
    assert not answers(q, everyone)[0]  # the overall figure is not the women's


def test_a_model_card_web_page_reads_its_facts_table_as_fields_naming_the_product(tmp_path):
    page = tmp_path / "card.html"
    page.write_text(
        "<html><head><title>Model cards | Tern Imaging</title></head><body><nav><a href='/'>Home</a></nav>"
        "<main><h1>Model cards</h1><table><tr><th>Model name</th><td>Tern ICH Finder</td></tr>"
        "<tr><th>Developer</th><td>Tern Imaging Ltd, York</td></tr>"
        "<tr><th>Version</th><td>4.1, released May 2025</td></tr></table>"
        "<h2>Intended use</h2><p>Tern ICH Finder flags head CT studies that show a suspected bleed so that "
        "radiologists read them first.</p></main></body></html>",
        encoding="utf-8",
    )
    chunks = load_chunks(page, str(page), doc_type="user")
    assert {c.title for c in chunks} == {"Model cards | Tern Imaging — Tern ICH Finder (Tern Imaging Ltd)"}
    lines = {line for c in chunks for line in c.text.split("\n")}
    assert "Version: 4.1, released May 2025" in lines


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "stem", "figure"),
    [
        # the question paraphrases the product: retrieval finds the card, not its metrics table
        (
            "What specificity does the Halvard intracranial hemorrhage triage tool report?",
            "Halvard_NeuroTriage_ICH",
            "96.8%",
        ),
        ("What specificity does Halden NeuroTrace LVO report for women?", "Halden_NeuroTrace_LVO_model_card", "94.6%"),
    ],
)
def test_the_right_cards_figure_is_quoted(advisor, question, stem, figure):
    ans = advisor.ask(question)
    assert not ans.abstained, ans.answer
    assert figure in ans.answer and first_source(ans) == stem, ans.answer


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "nearest"),
    [
        ("How many head CT studies was Halvard NeuroTriage ICH trained on?", "528"),
        ("What sensitivity does Halden NeuroTrace LVO report in patients under 22?", "91.2%"),
        # not cleared; a hidden line claims K249999 and Halvard's near-named LVO sheet has K223051
        ("What is the FDA 510(k) number for Halden NeuroTrace LVO?", "K2"),
        ("What AUC does Halden NeuroTrace LVO report?", "0.962"),  # Halvard LVO's AUC
        ("When will Kestrel Sepsis Early Warning next be retrained?", "2025"),
    ],
)
def test_a_figure_the_card_does_not_state_is_declined(advisor, question, nearest):
    ans = advisor.ask(question)
    assert ans.abstained, ans.answer
    assert nearest not in ans.answer


@pytest.mark.slow
def test_the_field_a_question_names_is_quoted(advisor):
    ans = advisor.ask("Who should we contact with questions about the NeuroTrace LVO model card?")
    assert "clinical safety officer" in ans.answer and first_source(ans) == "Halden_NeuroTrace_LVO_model_card", (
        ans.answer
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "question", ["What is the Lumora melanoma model's specificity?", "What specificity does the Lumora model report?"]
)
def test_a_measure_asked_of_no_group_quotes_the_tables_overall_row_first(advisor, question):
    # the Lumora card's subgroup table reads "Fitzpatrick I-II | ... | 73.0%" as close to the
    # question as its "All test images | ... | 71.4%" row, which is the answer
    ans = advisor.ask(question)
    assert not ans.abstained, ans.answer
    assert "All test images | 8,240 | 612 | 0.941 | 93.8% | 71.4%" in ans.answer, ans.answer
    assert ans.answer.index("All test images") < ans.answer.find("Fitzpatrick") or "Fitzpatrick" not in ans.answer


@pytest.mark.slow
def test_a_measure_asked_of_a_group_quotes_that_groups_row(advisor):
    ans = advisor.ask("What is Lumora's specificity in women?")
    assert not ans.abstained, ans.answer
    assert "Women | 4,380 | 281 | 0.937 | 93.2% | 72.0%" in ans.answer, ans.answer
    assert "- All test images" not in ans.answer, ans.answer


@pytest.mark.slow
def test_a_count_of_scans_a_model_was_trained_tuned_and_validated_on_is_quoted_from_the_real_card(advisor):
    # the CHAI card writes "trained, tuned, and validated on over 10,000 scans": the three verbs
    # share the count, and "over" reports it, as no rule's bound would
    card_path("v0.1-Aidoc_AD-01.pdf")
    ans = advisor.ask("How many scans was Aidoc's aortic dissection model trained, tuned and validated on?")
    assert not ans.abstained, ans.answer
    assert "10,000 scans" in ans.answer and first_source(ans) == "v0.1-Aidoc_AD-01", ans.answer
