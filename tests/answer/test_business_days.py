"""A length of time counted in business, working or calendar days ("within 12 Business Days")
states the time a "how quickly" question asks for, as "within 90 days" does."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.stated import TIME_STATED

from .builders import indexed_settings

# Our own words about a fictional supplier agreement.
AGREEMENT = (
    "---\ntitle: Ostwick Trust and Pellacor Services Agreement\n---\n"
    "# Ostwick Trust and Pellacor Services Agreement\n\n"
    "## Schedule 4 Service performance\n\n"
    "S4.1 Pellacor shall tell the Trust of a Service Failure within 3 Business Days after detecting it, and "
    "shall deliver a written corrective action plan within 12 Business Days after that notice. "
    "If the Service Failure is not corrected within 90 days after the notice, the Trust may suspend the "
    "Service and the fees shall be reduced for the suspension period.\n\n"
    "## Schedule 5 Records\n\nPellacor shall keep service logs for the term of the agreement and hand them "
    "over on request.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "a written plan within 12 Business Days after that notice",
        "the supplier replies within 5 working days",
        "objections are lodged within 30 calendar days",
        "the alert is sent within 4 minutes",
    ],
)
def test_a_time_counted_in_business_days_is_a_stated_time(text):
    assert TIME_STATED.search(text)


def test_how_quickly_is_answered_by_the_time_in_business_days(tmp_path):
    adv = Advisor(indexed_settings(tmp_path, {"agreement.md": AGREEMENT}))
    ans = adv.ask("How quickly must Pellacor deliver its corrective action plan after a service failure?")
    assert not ans.abstained, ans.answer
    assert "12 Business Days" in ans.answer, ans.answer
