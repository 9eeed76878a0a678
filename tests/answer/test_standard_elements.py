"""An accreditation standard's elements of performance (fictional accreditor, our own words): an
element opening with its number ("EP 3 The committee includes, at a minimum, the following
members:") introduces its list, and "who must sit on" a committee asks for all of its members."""

from __future__ import annotations

from advisor.answer import Advisor

from .builders import with_uploads

STANDARD = """---
title: Varnholt Accreditation Council standard VA.02 on clinical AI oversight
---
# Varnholt Accreditation Council standard VA.02 on clinical AI oversight

## Elements of performance for VA.02.01

EP 1 The governing body approves a written policy for clinical AI tools.

EP 2 Leaders establish a clinical AI committee under a written charter.

EP 3 The clinical AI committee includes, at a minimum, the following members:

- a practising physician;
- a registered nurse;
- a clinical pharmacist;
- an information security lead;
- a patient representative.

EP 4 The clinical AI committee meets at least every two months.
"""


def test_who_must_sit_on_a_committee_gets_every_member_the_element_lists(corpus_advisor, tmp_path):
    advisor: Advisor = with_uploads(corpus_advisor, tmp_path / "uploads", {"varnholt-va02.md": STANDARD})
    ans = advisor.ask("Who must sit on the clinical AI committee at a minimum under the Varnholt standard?")
    assert not ans.abstained, ans.answer
    for member in (
        "physician",
        "registered nurse",
        "clinical pharmacist",
        "information security lead",
        "patient representative",
    ):
        assert member in ans.answer, ans.answer
    assert "EP 3 The clinical AI committee includes, at a minimum, the following members" in ans.answer, ans.answer
