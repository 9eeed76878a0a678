"""Questions across the vendor cards a buyer asks: a region named in other words ("Europe" /
"the EU"), which of two sibling products reports the higher figure (both cards' figures
quoted), and how fast a product alerts (its time, with its unit)."""

from __future__ import annotations


def test_regulatory_status_in_the_us_and_europe_is_answered_from_the_card(advisor):
    ans = advisor.ask("What is the regulatory status of Halden NeuroTrace LVO in the US and Europe?")
    assert not ans.abstained, ans.answer
    assert "CE mark" in ans.answer and "not been cleared" in ans.answer


def test_which_sibling_has_the_higher_sensitivity_quotes_both_figures(advisor):
    ans = advisor.ask(
        "Which of Halvard's occlusion products has the higher overall sensitivity, the MVO or the LVO software?"
    )
    assert not ans.abstained, ans.answer
    assert "86.7" in ans.answer and "94.1" in ans.answer


def test_how_quickly_a_product_alerts_is_answered_with_its_time(advisor):
    ans = advisor.ask("How quickly does NeuroTriage MVO send its alert?")
    assert not ans.abstained, ans.answer
    assert "4.6 minutes" in ans.answer
