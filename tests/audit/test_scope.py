"""Who reads the audit trail (`Scope`): a member of an organization reads that organization's
events only; events of no organization (failed sign-ins, user administration, questions about
shared guidance) are for administrators and the operator, whatever the reader filters by."""

from __future__ import annotations

import json

import pytest

from advisor.accounts import Accounts
from advisor.accounts.service import SignInFailed
from advisor.audit import Actor, AuditStore, Event, Scope

PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def trail(settings):
    store = AuditStore(settings)
    accounts = Accounts(settings, audit=store)
    accounts.add_user("root", "admin", password=PASSWORD)  # user administration: no organization
    accounts.add_user("amy", "consultant", orgs="meridian-health", password=PASSWORD)
    accounts.add_user("bo", "consultant", orgs="northbridge-academic", password=PASSWORD)
    with pytest.raises(SignInFailed):
        accounts.sign_in("mallory-probe", "guess")  # a failed sign-in names the account tried
    amy, bo = Actor("amy", "consultant"), Actor("bo", "consultant")
    store.log(Event.QUESTION, {}, org="meridian-health", actor=amy, question="What is the Kestrel budget?")
    store.log(Event.QUESTION, {}, org="northbridge-academic", actor=bo, question="When does Osprey go live?")
    store.log(Event.QUESTION, {}, org=None, actor=amy, question="What does GOVERN 1.6 require?")
    store.record_feedback("down", "What is the Kestrel budget?", {"answer": "4.2 million [1]."}, org="meridian-health")
    store.record_feedback("up", "What does GOVERN 1.6 require?", {"answer": "An inventory."}, actor=amy)
    yield store, accounts
    store.close()


def _read(store: AuditStore, scope: Scope) -> str:
    """Everything the audit page and its exports show this reader."""
    parts = [
        store.events(limit=1000, scope=scope),
        store.facets(scope=scope),
        store.counts(scope=scope),
        store.feedback(limit=500, scope=scope),
    ]
    return json.dumps(parts) + store.export("json", scope=scope) + store.export("csv", scope=scope)


def test_a_member_reads_their_organizations_events_only(trail):
    store, accounts = trail
    scope = accounts.access("amy").audit_scope
    events = store.events(limit=1000, scope=scope)
    assert events and {e["org"] for e in events} == {"meridian-health"}
    seen = _read(store, scope)
    assert "Kestrel" in seen and "4.2 million" in seen
    assert "Osprey" not in seen and "northbridge-academic" not in seen


def test_a_member_never_reads_events_of_no_organization(trail):
    store, accounts = trail
    for name in ("amy", "bo"):
        scope = accounts.access(name).audit_scope
        seen = _read(store, scope)
        assert "mallory-probe" not in seen and "sign_in_failed" not in seen and "user_added" not in seen
        assert "GOVERN 1.6" not in seen and "An inventory" not in seen  # even their own question about guidance
        # asking for events of "no organization" through the filters finds nothing either
        assert store.events(limit=1000, org="", scope=scope) == [e for e in store.events(limit=1000, scope=scope)]
        assert store.events(limit=1000, event="sign_in_failed", scope=scope) == []
        assert store.events(limit=1000, user="root", scope=scope) == []


def test_an_administrator_and_the_operator_read_events_of_no_organization(trail):
    store, accounts = trail
    for scope in (accounts.access("root").audit_scope, accounts.access(None).audit_scope, Scope.everything()):
        assert scope.sees_all
        seen = _read(store, scope)
        assert "mallory-probe" in seen and "user_added" in seen and "GOVERN 1.6" in seen
        assert "Kestrel" in seen and "Osprey" in seen
        failed = store.events(limit=1000, event="sign_in_failed", scope=scope)
        assert [e["user"] for e in failed] == ["mallory-probe"] and failed[0]["org"] is None


def test_the_library_enforces_the_scope_whatever_form_the_caller_passes(trail):
    store, _ = trail
    # the older `orgs=` argument (a tuple of granted organizations) reads the same as a member's Scope
    by_tuple = store.events(limit=1000, orgs=("meridian-health",))
    by_name = store.events(limit=1000, orgs="meridian-health")  # one id, not its letters
    by_scope = store.events(limit=1000, scope=Scope.members_of(["meridian-health"]))
    assert by_tuple == by_name == by_scope and {e["org"] for e in by_scope} == {"meridian-health"}
    assert store.events(limit=1000, scope=Scope.members_of([])) == []  # a member of nothing reads nothing
    assert store.counts(scope=Scope.members_of([])) == {}
    assert not Scope.members_of(["meridian-health"]).admits(None)
    assert not Scope.members_of(["meridian-health"]).admits("")
    assert Scope.everything().admits(None)
