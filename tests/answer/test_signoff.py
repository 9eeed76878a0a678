"""A policy's sign-off table answers who approved it: the section whose heading is what the
question asks about ("Approval") is read even when retrieval ranks its table of names low."""

from __future__ import annotations

import shutil

import pytest

from advisor.answer import Advisor
from advisor.answer.signoff import SIGNOFF_ASK, signs_off
from advisor.index import Index
from advisor.settings import Settings

POLICY = """<html><head><title>Vessel Harbor Clinics Remote Monitoring Algorithm Policy</title></head><body><main>
<h1>Vessel Harbor Clinics Remote Monitoring Algorithm Policy</h1>
<h2>Approval</h2>
<table><tr><th>Name</th><th>Title</th><th>Signature</th><th>Date</th></tr>
<tr><td>Odile Marchetti-Ross</td><td>Chief Executive Officer</td><td>/s/ O. Marchetti-Ross</td><td>2 March 2026</td></tr>
<tr><td>Dr. Kwabena Ellery</td><td>Chief Medical Officer</td><td>/s/ K. Ellery</td><td>27 February 2026</td></tr>
</table>
<h2>1 Purpose</h2>
<p>This policy sets how Vessel Harbor Clinics choose, test and watch the algorithms that read home blood
pressure and glucose readings sent by patients.</p>
<h2>2 Procurement</h2>
<p>Every remote monitoring algorithm is bought through the clinics' procurement office after the digital
health committee has reviewed the vendor's validation study.</p>
<h2>3 Monitoring</h2>
<p>The digital health committee reviews each algorithm's false alert rate every six months.</p>
<h2>4 Review of this policy</h2>
<p>The chief medical officer reviews this policy every three years.</p>
<h2>5 Training</h2>
<p>Clinic nurses complete training on each remote monitoring algorithm before they act on its alerts. This applies under the remote monitoring algorithm policy.</p>
<h2>6 Patient notice</h2>
<p>Patients enrolled in remote monitoring are told in writing that an algorithm screens their readings. This applies under the remote monitoring algorithm policy.</p>
<h2>7 Data</h2>
<p>Readings sent for remote monitoring are kept in the clinics' record system for ten years. This applies under the remote monitoring algorithm policy.</p>
<h2>8 Vendors</h2>
<p>A vendor of a remote monitoring algorithm reports any change to the algorithm to the procurement office. This applies under the remote monitoring algorithm policy.</p>
<h2>9 Incidents</h2>
<p>A missed alert that harmed a patient is reported to the digital health committee within two days. This applies under the remote monitoring algorithm policy.</p>
<h2>10 Exceptions</h2>
<p>The chief medical officer may allow a trial of an unreviewed algorithm for up to 30 days. This applies under the remote monitoring algorithm policy.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory, corpus_home) -> Advisor:
    """The policy among the bundled guidance, as a user adds it: the guides on procurement and
    monitoring compete with its sections."""
    root = tmp_path_factory.mktemp("signoff")
    shutil.copytree(corpus_home, root / "home")
    (root / "vessel-harbor-rpm-policy.html").write_text(POLICY, encoding="utf-8")
    s = Settings.from_env({"ADVISOR_HOME": str(root / "home")})
    assert Index(s).index_paths([root / "vessel-harbor-rpm-policy.html"]).ok
    return Advisor(s)


def test_who_approved_the_policy_is_answered_from_its_signoff_table(advisor):
    ans = advisor.ask("Who approved Vessel Harbor's remote monitoring algorithm policy?")
    assert not ans.abstained, ans.answer
    assert "Odile Marchetti-Ross" in ans.answer and "Kwabena Ellery" in ans.answer, ans.answer
    assert ans.answer.index("Marchetti-Ross") < 120, ans.answer  # the names lead the answer


def test_a_signoff_line_and_question():
    assert SIGNOFF_ASK.search("Who signed off on the bylaws?") and SIGNOFF_ASK.search("who approved our policy")
    assert not SIGNOFF_ASK.search("What did the board approve in 2025?")
    assert signs_off("Jane Roe | CEO | 2 March 2026", "Name | Title | Signature | Date")
    assert signs_off("Jane Roe | CEO | 2 March 2026", "Name | Title | Date", "Policy > Approval")
    assert not signs_off("Class B | Moderate | 500 records", "Class | Risk | Evidence", "2 Risk classes")


AGREEMENT = """---
title: Master Services Agreement between Tallow Health and Quarrel Analytics
---
# Master Services Agreement

## 1. Services

Quarrel Analytics provides a sepsis prediction model to Tallow Health's three hospitals under this Agreement.

## 16. Execution

This Agreement is executed by the duly authorized representatives of the Parties on the dates set out below.

SIGNED for and on behalf of TALLOW HEALTH
Name: Edwina Marsh-Colley
Title: Chief Financial Officer
Date: 24 February 2025

SIGNED for and on behalf of QUARREL ANALYTICS, INC.
Name: Bertrand Okafor-Lind
Title: Chief Executive Officer
Date: 21 February 2025
"""


def test_who_signed_for_a_party_is_answered_from_that_partys_signature_block(tmp_path):
    from advisor.answer.fields import block_head

    from .builders import SMALL_GUIDES, indexed_settings

    head = AGREEMENT.index("Name: Bertrand")
    assert (
        block_head(AGREEMENT, head, "Name: Bertrand Okafor-Lind")
        == "SIGNED for and on behalf of QUARREL ANALYTICS, INC."
    )
    adv = Advisor(indexed_settings(tmp_path, {**SMALL_GUIDES, "tallow-quarrel-msa.md": AGREEMENT}))
    ans = adv.ask("Who signed the agreement on behalf of Quarrel Analytics?")
    assert not ans.abstained, ans.answer
    assert "Bertrand Okafor-Lind" in ans.answer, ans.answer
    # the party asked about signs first; the other party's signatory never leads
    assert "Marsh-Colley" not in ans.answer or ans.answer.index("Okafor-Lind") < ans.answer.index("Marsh-Colley")
