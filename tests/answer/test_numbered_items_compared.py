"""Comparison questions on real-document layouts: two numbered recommendations named by their
labels are each quoted, together and in the question's order (not a third recommendation); a
question comparing two groups ("in women compared with men") is answered by both rows of the
performance table, ahead of a list about neither."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.comparison import compared_terms
from advisor.text import identifiers

from .builders import SMALL_GUIDES, indexed_settings

GUIDELINE = """<html><head><title>guideline.html</title></head><body><main>
<h1>Tamsford Regional Health Board guideline on AI in community clinics</h1>
<h2>1 Introduction</h2>
<p>Community clinics in Tamsford increasingly rely on commercially supplied algorithms for triage and
documentation. Each recommendation below states its strength and the certainty of its evidence.</p>
<h2>2 Governance</h2>
<p>Recommendation 2.1 (strong, high certainty): Every clinic that intends to use an AI tool must list it in the
board's AI register before its first clinical use.</p>
<p>Recommendation 2.2 (conditional, low certainty): Clinics with fewer than four clinicians may share one named
AI lead with a neighbouring clinic.</p>
<p>Recommendation 2.3 (strong, moderate certainty): Suppliers must describe each tool's intended use and known
failure modes in plain language.</p>
<h2>3 Monitoring</h2>
<p>Recommendation 3.1 (conditional, very low certainty): Clinics re-check each tool against their own patients
at least every two years.</p>
</main></body></html>
"""

SHEET = """<html><head><title>sheet.html</title></head><body><main>
<h1>Brannock Fall Alert — product fact sheet</h1>
<p>Product: Brannock Fall Alert. Manufacturer: Ostrava Health Analytics Ltd.</p>
<h2>Do not use</h2>
<p>Do not use Brannock Fall Alert for the following patients:</p>
<ul><li>Patients younger than 16 years.</li><li>Patients in intensive care.</li><li>Patients receiving end-of-life care.</li></ul>
<h2>Performance by subgroup</h2>
<p>Validation covered 18,400 admissions at two hospitals between 2023 and 2025.</p>
<table>
<tr><th>Subgroup</th><th>Admissions</th><th>AUROC</th><th>Sensitivity</th><th>PPV</th></tr>
<tr><td>All patients</td><td>18,400</td><td>0.81</td><td>0.74</td><td>0.19</td></tr>
<tr><td>Age 16-64</td><td>9,100</td><td>0.83</td><td>0.77</td><td>0.15</td></tr>
<tr><td>Age 65 and over</td><td>9,300</td><td>0.79</td><td>0.71</td><td>0.23</td></tr>
<tr><td>Female</td><td>9,600</td><td>0.80</td><td>0.72</td><td>0.18</td></tr>
<tr><td>Male</td><td>8,800</td><td>0.82</td><td>0.76</td><td>0.20</td></tr>
</table>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "guideline.html": GUIDELINE, "sheet.html": SHEET}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("compare"), docs))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How do Recommendation 2.1 and Recommendation 2.2 differ?", ["Recommendation 2.1", "Recommendation 2.2"]),
        ("What do Recommendations 3.1 and 2.3 ask?", ["Recommendation 3.1", "Recommendation 2.3"]),
        ("Under rules 4.2.1 and 4.3, who signs?", ["Rule 4.2.1", "Rule 4.3"]),
        ("Which controls does HS-GV-2.3 list?", ["HS-GV-2.3"]),
        # prose, not a numbered item: a lower-case label needs a numbered item
        ("The standard 30 days apply", []),
    ],
)
def test_numbered_items_are_identifiers(text, expected):
    assert identifiers(text) == expected


def test_two_groups_compared_are_the_terms():
    assert compared_terms("How does the tool perform in women compared with men?") == ["women", "men"]


def test_both_recommendations_named_are_quoted_together_in_order(advisor):
    ans = advisor.ask("In the Tamsford guideline, how do Recommendation 2.1 and Recommendation 2.2 differ in strength?")
    assert not ans.abstained, ans.answer
    first, second = ans.answer.find("Recommendation 2.1 (strong"), ans.answer.find("Recommendation 2.2 (conditional")
    assert 0 <= first < second, ans.answer
    # nothing between them, and no other recommendation rides along
    assert "Recommendation 2.3" not in ans.answer and "Recommendation 3.1" not in ans.answer, ans.answer
    assert "Recommendation" not in ans.answer[first + 10 : second], ans.answer


def test_a_comparison_of_two_groups_quotes_both_rows_first(advisor):
    ans = advisor.ask("How does Brannock Fall Alert perform in women compared with men?")
    assert not ans.abstained, ans.answer
    female, male = ans.answer.find("Female | 9,600"), ans.answer.find("Male | 8,800")
    assert female >= 0 and male >= 0, ans.answer
    contra = ans.answer.find("Do not use")
    assert contra == -1 or contra > max(female, male), ans.answer


def test_a_measure_asked_in_words_is_read_from_its_initials_column(advisor):
    ans = advisor.ask("What's the positive predictive value for patients 65 and over?")
    assert not ans.abstained, ans.answer
    assert "Age 65 and over | 9,300 | 0.79 | 0.71 | 0.23" in ans.answer, ans.answer


CHART = """<html><head><title>survey.html</title></head><body><main>
<h1>Tamsford community clinics: digital health survey 2026</h1>
<h2>3 Uptake</h2>
<p>Triage tools and note-drafting assistants are the most common kinds of AI tool in Tamsford community clinics.
Uptake of AI tools grew fastest in the two largest districts. Most community clinics that use an AI tool bought it
from a national supplier. Community clinics using at least one AI tool report shorter waits for same-day
appointments. The board expects every community clinic to name an AI lead by 2026.</p>
<p>Figure 2. Share of community clinics using at least one AI tool, 2021-2024 (board survey).
Figure 2 data labels: 2021: 9%; 2022: 15%; 2023: 27%; 2024: 38%.</p>
<p>Clinics without any AI tool most often cited cost and a lack of local technical support.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def survey(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "survey.html": CHART}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("chart"), docs))


def test_a_chart_caption_brings_the_values_read_from_the_chart(survey):
    ans = survey.ask("What share of Tamsford community clinics used at least one AI tool in 2024?")
    assert not ans.abstained, ans.answer
    assert "2024: 38%" in ans.answer, ans.answer
    # the values are read with what they measure
    assert ans.answer.find("Share of community clinics") < ans.answer.find("2024: 38%"), ans.answer
