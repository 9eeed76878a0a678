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
