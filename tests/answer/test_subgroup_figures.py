"""A figure asked for a subgroup the page never reports ("for tension pneumothorax
specifically") is declined naming it, not answered with the overall or per-site figures; one it
reports is answered. "Specifically" names no subgroup (nor matches "specificity")."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import SMALL_GUIDES, indexed_settings

PAGE = """<html><head><title>LungLight CXR | Tavener Imaging</title></head><body><main>
<h1>LungLight CXR</h1>
<p>LungLight CXR flags adult chest radiographs with a suspected pneumothorax for priority reading.</p>
<h2>Clinical performance</h2>
<p>Across 7,420 radiographs, sensitivity was 91.5% and specificity was 93.0%.</p>
<p>Sensitivity for small pneumothoraces (rim under 1 cm) was 70.2% (n = 121).</p>
<table><caption>Table 1. Performance by site</caption>
<tr><th>Site</th><th>Pneumothorax cases</th><th>Sensitivity</th><th>Specificity</th></tr>
<tr><td>North campus</td><td>410</td><td>93.0%</td><td>92.1%</td></tr>
<tr><td>South campus</td><td>332</td><td>89.6%</td><td>94.1%</td></tr>
</table>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("subgroups"), {**SMALL_GUIDES, "lunglight.html": PAGE}))


def test_a_subgroup_never_reported_is_declined_naming_it(advisor):
    ans = advisor.ask("What is LungLight's sensitivity for tension pneumothorax specifically?")
    assert ans.abstained, ans.answer
    assert "tension pneumothorax" in ans.answer and "91.5%" not in ans.answer, ans.answer


def test_a_subgroup_reported_is_answered(advisor):
    ans = advisor.ask("What is LungLight's sensitivity for small pneumothoraces specifically?")
    assert not ans.abstained and "70.2%" in ans.answer, ans.answer


def test_a_measure_never_reported_for_a_site_is_declined(advisor):
    ans = advisor.ask("What was LungLight's positive predictive value at the North campus?")
    assert ans.abstained and "positive predictive value" in ans.answer.lower(), ans.answer


def test_a_measure_reported_for_a_site_is_answered(advisor):
    ans = advisor.ask("What was LungLight's sensitivity at the South campus?")
    assert not ans.abstained and "89.6%" in ans.answer, ans.answer


def test_how_a_figure_is_put_names_no_subgroup(advisor):
    # "in sensitivity terms" says how the answer is put, not whom the figure is for
    ans = advisor.ask("How well does LungLight detect pneumothorax overall, in sensitivity terms?")
    assert not ans.abstained, ans.answer
    assert "91.5%" in ans.answer, ans.answer
