""" "Who sits on the committee?" is answered by every sentence saying who its members are ("... attend
as non-voting members"), though only the first names the committee, before the sentences that name it
and say what it does ("The Committee meets monthly")."""

from __future__ import annotations

from advisor.answer import Advisor

from .builders import indexed_settings

# Our own words about a fictional hospital's committee.
BYLAWS = (
    "---\ntitle: Tollandside Hospital Credentials Committee Bylaws\n---\n"
    "# Tollandside Hospital Credentials Committee Bylaws\n\n"
    "## Article 2. Membership\n\n"
    "The Committee consists of five voting members of the active medical staff, appointed by the President "
    "of the Medical Staff for terms of two years. The Director of Credentialing and the Chief Quality Officer "
    "attend as non-voting members.\n\n"
    "## Article 3. Duties\n\n"
    "The Committee reviews every application for appointment and privileges and reports to the Medical "
    "Executive Committee. The Committee meets monthly and at the call of its Chair. The Committee keeps "
    "minutes of each meeting and sends them to the Medical Executive Committee. The Committee may defer a "
    "recommendation once when it needs further information.\n"
)


def test_who_sits_on_the_committee_names_its_non_voting_members(tmp_path):
    adv = Advisor(indexed_settings(tmp_path, {"bylaws.md": BYLAWS}))
    ans = adv.ask("Who sits on the committee under the bylaws?")
    assert not ans.abstained, ans.answer
    assert "five voting members" in ans.answer, ans.answer
    assert "Chief Quality Officer" in ans.answer, ans.answer
