"""A figure question is declined when the sentences found state a figure of something else: "how
many hospitals" is not answered by "notify the hospital at least 45 days before", a subgroup's
AUROC not by the share of that subgroup in the training data, an old version's clearance number
not by the current version's."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.asks import Evidence, addressed, read_ask
from advisor.answer.focus import Focus, gives
from advisor.answer.properties import unstated
from advisor.text import tokenize

from .builders import SMALL_GUIDES, indexed_settings


def _ev(text: str, section: str = "", passage: str = "") -> Evidence:
    return Evidence(
        text,
        set(tokenize(text)),
        set(tokenize(section)),
        set(tokenize(f"{section} {text}")),
        passage=passage or f"{section}. {text}",
    )


def _ok(question: str, text: str, passage: str = "") -> bool:
    return addressed(read_ask(question), [_ev(text, passage=passage)], min_coverage=0.3, min_focus_coverage=0.5).ok


@pytest.mark.parametrize(
    "question,text",
    [
        # a length of time beside the thing counted counts days, not hospitals
        (
            "How many hospitals are covered by the guideline?",
            "The vendor must notify the hospital at least 45 days before any change the guideline covers.",
        ),
        ("How many alerts are active?", "The officer may activate an alert for no longer than 10 days."),
        ("How many alerts are active?", "An active alert whose override rate exceeds 90 percent is retired."),
        ("How many alerts are active?", "An active alert that has not fired in 12 months is retired."),
        # the thing is one of four tiers: how many such things there are is not said
        ("How many systems are in use?", "Every system in use is assigned one of four risk tiers."),
    ],
)
def test_a_figure_of_something_else_is_no_count(question, text):
    assert not _ok(question, text)


@pytest.mark.parametrize(
    "question,text",
    [
        ("How many hospitals are covered by the guideline?", "The guideline covers 38 hospitals."),
        ("How many alerts are active?", "There are 212 active alerts."),
        ("How many days of downtime did the exchange report?", "The exchange reported 4 days of downtime."),
        ("How many peer references does an applicant need?", "Peer references come from three practitioners."),
        ("How many hospitals does Marrowby Health run?", "St. Ives is one of 14 hospitals Marrowby Health runs."),
    ],
)
def test_a_count_of_the_thing_asked_answers(question, text):
    assert _ok(question, text)


CARD = """<html><head><title>Renalyte Watch model card | Ostrander Health AI</title></head><body><main>
<h1>Model card: Renalyte Watch</h1>
<h2>Model details</h2>
<p>Product name: Renalyte Watch</p>
<p>Model version: 3.2.0 (previous version 3.1.4, released 2 March 2025)</p>
<p>Regulatory status: FDA 510(k) clearance K259911, cleared 4 June 2026.</p>
<h2>Intended use</h2>
<p>The intended patient population is adults in the emergency department, general wards and intensive care units.</p>
<h2>Training data</h2>
<p>The training population was 52% female; 68% of patients were White, 17% Black or African American,
9% Hispanic or Latino, 4% Asian and 2% of other or unrecorded race and ethnicity.</p>
<h2>Performance</h2>
<p>AUROC: 0.81 (95% CI 0.80 to 0.83). Sensitivity: 70.2%. Specificity: 79.5%.</p>
<p>Lead time is the median interval between the first alert and the onset of kidney injury.</p>
<p>Median lead time: 5.1 hours.</p>
<table><caption>AUROC by subgroup</caption>
<tr><th>Subgroup</th><th>AUROC</th></tr>
<tr><td>Female</td><td>0.82</td></tr>
<tr><td>Black or African American</td><td>0.78</td></tr>
</table>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("declined"), {**SMALL_GUIDES, "renalyte.html": CARD}))


def test_a_subgroup_figure_the_card_lacks_is_declined(advisor):
    # the card writes "AUROC" in its performance section; the training data's "4% Asian" is no AUROC
    ans = advisor.ask("What is Renalyte Watch's AUROC for Asian patients?")
    assert ans.abstained and "0.81" not in ans.answer and "4% Asian" not in ans.answer, ans.answer


def test_a_subgroup_figure_the_card_reports_is_answered(advisor):
    ans = advisor.ask("What is Renalyte Watch's AUROC for Black or African American patients?")
    assert not ans.abstained and "0.78" in ans.answer, ans.answer


def test_the_current_versions_clearance_is_not_the_previous_versions(advisor):
    ans = advisor.ask("What was the FDA clearance number of Renalyte Watch version 3.1.4?")
    assert ans.abstained and "K259911" not in ans.answer, ans.answer


def test_the_clearance_of_the_version_the_card_describes_is_answered(advisor):
    ans = advisor.ask("What was the FDA clearance number of Renalyte Watch version 3.2.0?")
    assert not ans.abstained and "K259911" in ans.answer, ans.answer


def test_a_statistic_asked_for_a_subgroup_the_card_never_splits_is_declined(advisor):
    # the definition of lead time and the intended population are no lead time in ICU patients
    ans = advisor.ask("What is the median lead time of Renalyte Watch in intensive care unit patients specifically?")
    assert ans.abstained and "5.1 hours" not in ans.answer, ans.answer


def test_the_statistic_asked_overall_is_answered(advisor):
    ans = advisor.ask("What is the median lead time of Renalyte Watch?")
    assert not ans.abstained and "5.1 hours" in ans.answer, ans.answer


def _card_line(text: str) -> Evidence:
    # a line of a list whose heading ("AUROC by subgroup:") ended the passage before
    return Evidence(
        text,
        set(tokenize(text)),
        set(tokenize("Model card: Renalyte Watch 4. Performance")),
        set(tokenize(f"Renalyte Watch AUROC by subgroup {text}")),
    )


def test_a_subgroups_line_under_the_measures_list_states_its_figure():
    ask = read_ask("What is Renalyte Watch's AUROC for Black or African American patients?")
    assert unstated(ask, [_card_line("Black or African American: 0.78")]) == []
    # a share of the training data names the group, not its AUROC
    shares = _card_line("Patients were 68% White, 17% Black or African American and 4% Asian.")
    assert unstated(ask, [shares]) != []


@pytest.mark.parametrize(
    "question,text,stated",
    [
        # a threshold set in a rule is not the rate the hospital had
        (
            "What was Pinecrest's overall alert override rate last year?",
            "An alert whose override rate exceeds 90 percent over any 90-day period is referred for redesign.",
            False,
        ),
        (
            "What was Pinecrest's overall alert override rate last year?",
            "Override rate: the share of alert firings in which the user dismissed the alert.",
            False,
        ),
        ("What was Pinecrest's overall alert override rate last year?", "The override rate in 2025 was 71%.", True),
        # asked for the threshold, the threshold answers
        (
            "Above what override rate must an alert be referred for redesign?",
            "An alert whose override rate exceeds 90 percent over any 90-day period is referred for redesign.",
            True,
        ),
        ("What is Renalyte Watch's alert rate?", "Alert rate: 1.1 alerts per 10 patient-days.", True),
    ],
)
def test_a_rate_asked_is_a_rate_stated_not_a_threshold(question, text, stated):
    ask = read_ask(question)
    assert ask.focus is Focus.RATE
    assert gives(ask, text) is stated


def _rule_line(text: str) -> Evidence:
    return Evidence(text, set(tokenize(text)), set(tokenize("Clinical AI Framework. 3 Review board")), set())


def test_words_whose_initials_happen_to_spell_the_measure_do_not_name_it():
    ask = read_ask("What minimum AUC must a sepsis model reach under the framework?")
    # "applications to use Class": a, u, c
    line = _rule_line("The Board decides applications to use Class IV systems within 60 days.")
    assert unstated(ask, [line]) != []
    assert unstated(ask, [_rule_line("A sepsis model must reach an AUC of at least 0.80.")]) == []
    ppv = read_ask("What PPV must a sepsis model reach under the framework?")
    assert unstated(ppv, [_rule_line("Its positive predictive value must be at least 0.30.")]) == []
