"""A rule book's amendment history is a table of dated rows: "when was it first adopted, and when
was the latest amendment?" is answered from those rows (the dates rank the events), not declined
for want of a sentence saying "latest"."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import SMALL_GUIDES, indexed_settings

RULES = """<html><head><title>rules.html</title></head><body><main>
<h1>Fenwold Community Hospital Medical Staff Rules, Part VI: Clinical Decision Software</h1>
<h2>Article 1 Scope</h2>
<p>This Part sets the rules that every member of the Fenwold medical staff follows when clinical decision
software contributes to a patient's care.</p>
<h2>Article 2 Oversight</h2>
<p>The Clinical Software Committee approves each tool before use and reviews it every year.</p>
<h2>Amendment history</h2>
<table>
<tr><th>Version</th><th>Date</th><th>Change</th><th>Approved by</th></tr>
<tr><td>1.0</td><td>3 June 2023</td><td>Initial adoption of Part VI</td><td>Medical Executive Committee</td></tr>
<tr><td>1.1</td><td>11 January 2024</td><td>Annual review made mandatory</td><td>Medical Executive Committee</td></tr>
<tr><td>2.0</td><td>27 August 2025</td><td>Oversight moved to the Clinical Software Committee</td><td>Board</td></tr>
</table>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("history"), {**SMALL_GUIDES, "rules.html": RULES}))


def test_first_and_latest_dates_come_from_the_amendment_table(advisor):
    ans = advisor.ask(
        "When was Part VI of the Fenwold medical staff rules first adopted, and when was the latest amendment?"
    )
    assert not ans.abstained, ans.answer
    assert "3 June 2023" in ans.answer and "27 August 2025" in ans.answer, ans.answer


def test_a_latest_date_the_documents_do_not_hold_is_still_declined(advisor):
    ans = advisor.ask("When was the latest amendment of the Fenwold hospital's visitor parking policy?")
    assert ans.abstained, ans.answer
