"""A question asking for one end of a table's column ("which site had the weakest sensitivity?")
is answered by that row, not by the whole table the reader would have to search."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import indexed_settings

PAGE = """<html><head><title>Orvale FractureFinder validation summary</title></head><body><main>
<h1>Orvale FractureFinder</h1>
<h2>Validation by site</h2>
<p>FractureFinder was validated on wrist radiographs at four hospitals that gave no training data.</p>
<table><tr><th>Site</th><th>Setting</th><th>Sensitivity</th><th>Specificity</th></tr>
<tr><td>Site 1</td><td>Teaching hospital</td><td>93.4%</td><td>90.1%</td></tr>
<tr><td>Site 2</td><td>Community hospital</td><td>88.2%</td><td>94.7%</td></tr>
<tr><td>Site 3</td><td>Rural hospital</td><td>84.9%</td><td>92.2%</td></tr>
<tr><td>Site 4</td><td>Urgent care network</td><td>90.6%</td><td>89.5%</td></tr>
<tr><td>All sites</td><td>-</td><td>80.2%</td><td>96.0%</td></tr></table>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("ranked"), {"orvale-fracturefinder.html": PAGE}))


def test_the_weakest_site_is_its_row(advisor):
    ans = advisor.ask("Which FractureFinder validation site had the weakest sensitivity, and how low was it?")
    assert not ans.abstained, ans.answer
    assert "Site 3 | Rural hospital | 84.9%" in ans.answer, ans.answer
    assert "Site 1 |" not in ans.answer and "Site 2 |" not in ans.answer, ans.answer


def test_the_highest_is_its_row_and_a_summary_row_is_no_site(advisor):
    ans = advisor.ask("Which FractureFinder site had the highest specificity?")
    assert not ans.abstained, ans.answer
    assert "Site 2 | Community hospital" in ans.answer and "All sites" not in ans.answer, ans.answer
