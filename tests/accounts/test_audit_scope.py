"""The audit log and the feedback on answers hold each question, the passages read and the
answer: a signed-in user who is not an administrator (an evaluator reads the audit log) sees
them only for the organizations granted to them; events of no organization are for administrators
and the operator only (tests/audit/test_scope.py)."""

from __future__ import annotations

import json

import pytest

from advisor.accounts import Accounts
from advisor.audit import Actor, AuditStore, Event

ALICE = Actor("alice", "consultant")
BOB = Actor("bob", "consultant")


@pytest.fixture
def trail(settings):
    store = AuditStore(settings)
    store.log(Event.QUESTION, {}, org="meridian-health", actor=ALICE, question="What is the Kestrel scribe budget?")
    store.log(Event.QUESTION, {}, org="northbridge-academic", actor=BOB, question="When does Osprey go live?")
    store.log(Event.QUESTION, {}, org=None, actor=BOB, question="What does GOVERN 1.6 require?")
    answer = {"answer": "The board approved 4.2 million dollars for Kestrel [1]."}
    store.record_feedback("down", "What is the Kestrel scribe budget?", answer, org="meridian-health", actor=ALICE)
    store.record_feedback("up", "What does GOVERN 1.6 require?", {"answer": "Inventory."}, actor=BOB)
    accounts = Accounts(settings)  # account changes are not the subject here
    accounts.add_user("eve", "evaluator")
    accounts.add_user("ed", "evaluator", orgs="northbridge-academic")
    accounts.add_user("root", "admin")
    yield store, accounts
    store.close()


def _everything(store: AuditStore, scope) -> str:
    """All a reader of the audit page sees with this scope: events, counts, filters, feedback, exports."""
    parts = [
        store.events(limit=1000, orgs=scope),
        store.facets(orgs=scope),
        store.counts(orgs=scope),
        store.feedback(limit=500, orgs=scope),
    ]
    return json.dumps(parts) + store.export("json", orgs=scope) + store.export("csv", orgs=scope)


def test_an_evaluator_without_grants_reads_no_organizations_questions_answers_or_feedback(trail):
    store, accounts = trail
    seen = _everything(store, accounts.access("eve").event_orgs)
    assert "Kestrel" not in seen and "4.2 million" not in seen and "Osprey" not in seen
    assert "meridian-health" not in seen and "northbridge-academic" not in seen
    assert "GOVERN 1.6" not in seen  # an event of no organization is for administrators only


def test_a_granted_evaluator_reads_that_organization_only(trail):
    store, accounts = trail
    seen = _everything(store, accounts.access("ed").event_orgs)
    assert "Osprey" in seen and "northbridge-academic" in seen
    assert "Kestrel" not in seen and "meridian-health" not in seen and "GOVERN 1.6" not in seen
    assert store.counts(orgs=accounts.access("ed").event_orgs).get("feedback_down", 0) == 0


def test_an_administrator_and_the_operator_read_everything(trail):
    store, accounts = trail
    assert accounts.access("root").event_orgs is None and accounts.access(None).event_orgs is None
    seen = _everything(store, None)
    assert "Kestrel" in seen and "Osprey" in seen and "4.2 million" in seen
