"""A question asking whether something is allowed ("Can the vendor ever push an update without
notice?") is answered by the rule that allows or forbids it, before sentences that only describe
what it names (fictional contract terms, our own words)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.rules import _ALLOWS, _PROHIBITS, asks_permission

from .builders import SMALL_GUIDES, indexed_settings

POLICY = (
    "---\ntitle: Harlow Bay vendor change terms\nframework: test-guide\n---\n# Harlow Bay vendor change terms\n\n"
    "## Notice of model updates\n\nThe vendor gives the hospital written notice of every model update at least "
    "45 days before the update reaches production. The notice of a model update describes the change, the "
    "validation the vendor ran and how to roll the update back. The hospital may ask for the notice period to "
    "be extended by up to 30 days when its own testing needs longer. Each notice of a model update names the "
    "model version before and after the update. A notice of a model update goes to the hospital's AI governance "
    "committee. Where a model update changes the intended use, its notice says so on the first page.\n\n"
    "## Urgent fixes\n\nThe vendor may deploy a fix for a patient-safety defect without the normal notice, "
    "provided that it tells the hospital within 24 hours and sends the full notice within ten working days.\n\n"
    "## Records\n\nThe vendor keeps a log of every model update and every notice it has given.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "harlow-terms.md": POLICY}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("permission"), docs))


def test_a_question_whether_something_is_allowed_is_answered_by_the_rule_allowing_it(advisor):
    ans = advisor.ask("Can the vendor ever push a model update without the usual advance notice?")
    assert not ans.abstained, ans.answer
    assert "provided that it tells the hospital within 24 hours" in ans.answer, ans.answer


def test_what_reads_as_a_permission_question_and_as_a_rule():
    assert asks_permission("Can the model steward also be the validation lead?")
    assert asks_permission("Is it acceptable for our vendor to keep backups overseas?")
    assert not asks_permission("Can you list the roles the policy names?")  # a request
    assert not asks_permission("Who can sign the validation report?")
    assert _PROHIBITS.search("The steward must not sign its validation report.")
    assert _ALLOWS.search("The vendor may deploy it without notice, provided that it tells us within a day.")
    assert _ALLOWS.search("Provided that the hospital agrees in writing, the vendor may skip the notice.")
    assert not _ALLOWS.search("The steward watches the monthly report.")
