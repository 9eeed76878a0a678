"""Questions a buyer asks of an AI vendor contract (fictional parties, our own words): a fee stated
in a fee table whose header names the currency ("Amount (USD)") is an amount of money of the kind
asked, and the contract's clauses are not filed under its table of contents."""

from __future__ import annotations

from advisor.answer import Advisor

from .builders import with_uploads

CONTRACT = """---
title: Master services agreement between Dunmere Health and Sorrel Analytics
---
# Master services agreement between Dunmere Health and Sorrel Analytics

## Contents

- 1. Fees
- 2. Termination

## 1. Fees

| Item | Description | Amount (USD) | Invoicing |
|---|---|---|---|
| A | Implementation fee (one-time) | 96,500 | 50% on signature; 50% at go-live |
| B | Annual subscription fee, year 1 | 240,000 | Annually in advance |

## 2. Termination

Dunmere may terminate for convenience after the first anniversary of go-live on 180 days' written notice.
"""


def test_a_fee_in_a_fee_table_is_answered(corpus_advisor, tmp_path):
    advisor: Advisor = with_uploads(corpus_advisor, tmp_path / "uploads", {"dunmere-sorrel-msa.md": CONTRACT})
    ans = advisor.ask("How much is Sorrel's one-time implementation fee and how is it invoiced?")
    assert not ans.abstained, ans.answer
    assert "96,500" in ans.answer, ans.answer
    assert all(c.section != "Contents > 1. Fees" for c in ans.citations), [c.section for c in ans.citations]
