"""An amount of money a question names is answered by the band a document states it in: "who
signs a $250,000 contract" by the row "$100,000 to $499,999 | Chief Financial Officer"."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.amounts import asked_amounts, asked_bands, covers_amount, covers_share, money_noun_met

from .builders import indexed_settings

POLICY = """<html><head><title>Corvell Health Software Contracting Standard</title></head><body><main>
<h1>Corvell Health Software Contracting Standard</h1>
<h2>3 Signing authority</h2>
<p>Contracts for clinical software are signed according to their total value over the full term:</p>
<table><tr><th>Total value</th><th>Signs the contract</th></tr>
<tr><td>Under $75,000</td><td>Department director</td></tr>
<tr><td>$75,000 to $399,999</td><td>Chief Financial Officer</td></tr>
<tr><td>$400,000 or more</td><td>Chief Executive Officer</td></tr></table>
<h2>4 Renewal</h2>
<p>A contract is renewed only after the software owner has reported on its use in the last year.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("amounts"), {"corvell-contracting.html": POLICY}))


def test_an_amount_is_answered_by_the_band_holding_it(advisor):
    ans = advisor.ask("Who has to sign a $250,000 software contract at Corvell Health?")
    assert not ans.abstained, ans.answer
    assert "$75,000 to $399,999 | Chief Financial Officer" in ans.answer, ans.answer


def test_bands_of_money():
    (amount, written), *_ = asked_amounts("Who signs a $250,000 contract?")
    assert amount == 250_000 and written == {"250", "000"}
    assert covers_amount("$75,000 to $399,999 | Chief Financial Officer", amount)
    assert covers_amount("$400,000 or more", 400_000) and not covers_amount("$400,000 or more", amount)
    assert covers_amount("Under $75,000", 5_000) and not covers_amount("Under $75,000", amount)
    assert covers_amount("between $1 million and $5 million", 2_500_000)


def test_a_share_the_question_names_is_held_by_the_band_a_table_states():
    (share, written, covers), *_ = asked_bands("A surveyor finds 85% of records compliant. How is that scored?")
    assert share == 85.0 and written == {"85"} and covers is covers_share
    assert covers_share("Partial compliance | 80–89% of sampled records compliant", share)
    assert covers_share("between 80 and 89 percent", share)
    assert not covers_share("90% or more of samples compliant", share)
    assert not covers_share("Insufficient | less than 80%", share) and covers_share("less than 90%", share)
    assert covers_share("Availability | 99.5% to < 99.9%: 5% 99.0% to < 99.5%: 10%", 99.3)  # a band's upper bound
    assert not covers_share("falls below 99.0% in any 3 months", 99.3)
    # a band's "< 99.0%" top is not a bound of its own: 97% is in no band here
    assert not covers_share("99.0% to < 99.8%: 5% 98.5% to < 99.0%: 10%", 97.0)
    assert covers_share("98.5% to < 99.0%: 10% < 98.5%: 20%", 97.0)


SLA = """<html><head><title>Tarnbrook Imaging Services Agreement</title></head><body><main>
<h1>Tarnbrook Imaging Services Agreement</h1>
<h2>5 Service levels and service credits</h2>
<p>5.1 Vendor shall meet the service levels in Schedule 2 and report platform availability to Customer each
month. Service credits are calculated on the monthly fee for the month in which platform availability fell
short.</p>
<p>5.2 The total service credits for any month shall not exceed 20% of the monthly fee.</p>
<p>5.3 A chronic availability failure occurs if platform availability falls below 98.5% in any 3 months within
a rolling 6-month period, and Customer may then terminate and claim a service credit for each such month.</p>
<p>5.4 Customer must claim a service credit within 60 days after the monthly availability report.</p>
<h2>6 Fees</h2>
<p>6.1 The monthly fee is invoiced in advance and payable within 30 days.</p>
<h2>Schedule 2 Service level table</h2>
<table><tr><th>No.</th><th>Metric</th><th>Target</th><th>Credit (% of monthly fee)</th></tr>
<tr><td>1</td><td>Platform availability</td><td>99.8% per month</td><td>99.0% to &lt; 99.8%: 5% 98.5% to &lt; 99.0%: 10% &lt; 98.5%: 20%</td></tr>
<tr><td>2</td><td>Report turnaround</td><td>95% within 4 hours</td><td>3% if missed</td></tr></table>
</main></body></html>
"""


@pytest.fixture(scope="module")
def sla_advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("sla"), {"tarnbrook-sla.html": SLA}))


def test_a_share_reported_is_answered_by_the_band_row_holding_it(sla_advisor):
    ans = sla_advisor.ask("Platform availability came in at 98.7% last month. What service credit are we owed?")
    assert not ans.abstained, ans.answer
    band, chronic = ans.answer.find("98.5% to < 99.0%: 10%"), ans.answer.find("chronic availability failure")
    assert band >= 0 and (chronic < 0 or band < chronic), ans.answer  # the band row first


def test_an_amount_stated_by_its_tables_currency_or_as_a_share_of_fees_is_money_of_the_kind_asked():
    row = (
        "Item | Description | Amount (USD) | Invoicing\nA | Implementation fee (one-time) | 185,000 | 50% at signature"
    )
    assert money_noun_met("fee", row)
    assert money_noun_met(
        "cost", "Customer shall pay an early termination fee equal to 25% of the remaining subscription fees."
    )
    assert not money_noun_met("fine", row)  # a fee is no fine
    assert not money_noun_met("fee", "Item | Description | Quantity\nA | Implementation fee (one-time) | 3")
