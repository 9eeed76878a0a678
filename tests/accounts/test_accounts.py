"""Accounts: users, grants, sign-in with lock-out, expiring sessions, the users CLI, OIDC claims."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from advisor.accounts import (
    LOCK_MINUTES,
    MAX_FAILURES,
    SIGN_IN_FAILED,
    Access,
    Accounts,
    Capability,
    ClaimMapping,
    Role,
    map_claims,
    users_path,
)
from advisor.audit import AuditStore
from advisor.cli import main
from advisor.errors import AccessDenied, AccountError, SignInFailed

PASSWORD = "correct horse battery"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def audit(settings):
    store = AuditStore(settings)
    yield store
    store.close()


@pytest.fixture
def accounts(settings, audit, clock):
    return Accounts(settings, audit=audit, clock=clock)


def test_first_visitor_creates_the_admin_once(accounts):
    assert accounts.needs_first_admin()
    admin = accounts.create_first_admin("Ada", PASSWORD)
    assert admin.name == "ada" and admin.role is Role.ADMIN
    assert not accounts.needs_first_admin()
    with pytest.raises(AccountError, match="already exists; sign in"):
        accounts.create_first_admin("mallory", PASSWORD)
    assert [u.name for u in accounts.users()] == ["ada"]


def test_passwords_are_argon2_hashed_and_checked(accounts, settings):
    with pytest.raises(AccountError, match="at least 10"):
        accounts.add_user("dana", "consultant", password="short")
    with pytest.raises(AccountError, match="easy to guess"):
        accounts.add_user("dana", "consultant", password="dana-is-great")
    accounts.add_user("dana", "consultant", password=PASSWORD)
    raw = users_path(settings).read_bytes()
    assert PASSWORD.encode() not in raw
    conn = sqlite3.connect(users_path(settings))
    assert conn.execute("SELECT password_hash FROM users").fetchone()[0].startswith("$argon2id$")
    conn.close()


def test_sign_in_and_session(accounts):
    accounts.add_user("dana", "consultant", orgs="meridian-health", password=PASSWORD)
    token = accounts.sign_in("Dana", PASSWORD)
    user = accounts.session_user(token)
    assert user is not None and user.name == "dana" and user.orgs == ("meridian-health",)
    accounts.sign_out(token)
    assert accounts.session_user(token) is None
    assert accounts.session_user("forged-token") is None


def test_failures_never_say_whether_the_user_exists(accounts):
    accounts.add_user("dana", "consultant", password=PASSWORD)
    accounts.add_user("old", "consultant", password=PASSWORD)
    accounts.disable("old")
    messages = set()
    for name, password in (("dana", "wrong password!"), ("nobody", PASSWORD), ("old", PASSWORD), ("", "")):
        with pytest.raises(SignInFailed) as err:
            accounts.sign_in(name, password)
        messages.add(str(err.value))
    assert messages == {SIGN_IN_FAILED}
    assert "dana" not in SIGN_IN_FAILED and "exist" not in SIGN_IN_FAILED


def test_lock_out_after_repeated_failures_then_lifted(accounts, clock, audit):
    accounts.add_user("dana", "consultant", password=PASSWORD)
    for _ in range(MAX_FAILURES):
        with pytest.raises(SignInFailed):
            accounts.sign_in("dana", "not the password")
    with pytest.raises(SignInFailed):  # locked: even the right password is refused
        accounts.sign_in("dana", PASSWORD)
    clock.now += LOCK_MINUTES * 60 + 1
    assert accounts.session_user(accounts.sign_in("dana", PASSWORD)).name == "dana"
    failed = audit.events(event="sign_in_failed", limit=0)
    assert len(failed) == MAX_FAILURES + 1 and failed[0]["detail"]["reason"] == "locked"
    assert audit.events(event="sign_in")[0]["user"] == "dana"


def test_unknown_names_are_locked_out_too(accounts):
    for _ in range(MAX_FAILURES + 2):
        with pytest.raises(SignInFailed, match="wrong"):
            accounts.sign_in("ghost", "whatever password")


def test_sessions_expire_when_idle_and_absolutely(accounts, clock, settings):
    accounts.add_user("dana", "consultant", password=PASSWORD)
    token = accounts.sign_in("dana", PASSWORD)
    clock.now += settings.session_idle_minutes * 60 - 5
    assert accounts.session_user(token) is not None  # used: the idle clock restarts
    clock.now += settings.session_idle_minutes * 60 + 5
    assert accounts.session_user(token) is None
    token = accounts.sign_in("dana", PASSWORD)
    for _ in range(13 * 2):  # active every 30 minutes, but 12 hours is the limit
        clock.now += 29 * 60
        if accounts.session_user(token) is None:
            break
    assert accounts.session_user(token) is None and clock.now - 1_000_000 <= 14 * 3600


def test_disabling_ends_sessions(accounts):
    accounts.add_user("dana", "consultant", password=PASSWORD)
    token = accounts.sign_in("dana", PASSWORD)
    accounts.disable("dana")
    assert accounts.session_user(token) is None
    with pytest.raises(AccessDenied, match="no active user"):
        accounts.access("dana")


def test_access_follows_role_and_grants(accounts):
    accounts.add_user("dana", "consultant", orgs=["meridian-health"])
    accounts.add_user("cio", "executive", orgs="prairie-bend-cah")
    accounts.add_user("eve", "evaluator")
    accounts.add_user("root", "admin")
    dana = accounts.access("dana")
    assert dana.check("meridian-health") == "meridian-health" and dana.check(None) is None
    for other in ("northbridge-academic", "MERIDIAN-HEALTH", " meridian-health", "meridіan-health", "*"):
        with pytest.raises(AccessDenied) as err:
            dana.check(other)
        assert repr(other) in str(err.value)
    orgs = [{"org": o} for o in ("meridian-health", "northbridge-academic", "prairie-bend-cah")]
    assert [o["org"] for o in dana.visible(orgs)] == ["meridian-health"]
    assert accounts.access("eve").visible(orgs) == [] and accounts.access("root").visible(orgs) == orgs
    assert accounts.access("root").check("anything-at-all") == "anything-at-all"
    assert Access.operator().visible(orgs) == orgs
    cio = accounts.access("cio")
    assert cio.can(Capability.RECOMMENDATIONS) and not cio.can(Capability.EDIT_RECOMMENDATIONS)
    assert not cio.can(Capability.LIBRARY) and not dana.can(Capability.LIBRARY)
    with pytest.raises(AccessDenied, match="may not use library"):
        cio.require(Capability.LIBRARY)
    assert accounts.access("eve").can(Capability.AUDIT) and not accounts.access("eve").can(Capability.ASSESSMENT)


def test_grant_and_revoke_are_audited(accounts, audit):
    accounts.add_user("dana", "consultant")
    assert accounts.grant("dana", "meridian-health") and not accounts.grant("dana", "meridian-health")
    assert accounts.access("dana").may_see("meridian-health")
    assert accounts.revoke("dana", "meridian-health")
    assert not accounts.access("dana").may_see("meridian-health")
    kinds = [e["event"] for e in audit.events(limit=0)][::-1]
    assert kinds == ["user_added", "grant", "grant", "revoke"]
    assert audit.events(event="grant")[0]["org"] == "meridian-health"
    with pytest.raises(AccountError, match="not an organization id"):
        accounts.grant("dana", "../etc")
    with pytest.raises(AccountError, match="no user named"):
        accounts.grant("ghost", "meridian-health")


def test_bad_names_and_roles_are_refused(accounts):
    with pytest.raises(AccountError, match="not valid"):
        accounts.add_user("bad name", "consultant")
    with pytest.raises(AccountError, match="not one of admin, consultant"):
        accounts.add_user("dana", "superuser")
    accounts.add_user("dana", "consultant")
    with pytest.raises(AccountError, match="already exists"):
        accounts.add_user("DANA", "consultant")


# ------------------------------------------------------------------------------ CLI


def test_users_cli(home):
    runner = CliRunner()
    res = runner.invoke(
        main,
        ["users", "add", "dana", "--role", "consultant", "--orgs", "meridian-health", "--password-stdin"],
        input=PASSWORD + "\n",
    )
    assert res.exit_code == 0, res.output
    assert runner.invoke(main, ["users", "add", "cio", "--role", "executive"]).exit_code == 0
    assert runner.invoke(main, ["users", "grant", "dana", "northbridge-academic"]).exit_code == 0
    assert runner.invoke(main, ["users", "revoke", "dana", "meridian-health"]).exit_code == 0
    assert runner.invoke(main, ["users", "disable", "cio"]).exit_code == 0
    res = runner.invoke(main, ["users", "list", "--json"])
    assert json.loads(res.output) == [
        {"name": "cio", "role": "executive", "orgs": [], "disabled": True},
        {"name": "dana", "role": "consultant", "orgs": ["northbridge-academic"], "disabled": False},
    ]
    res = runner.invoke(main, ["users", "add", "x", "--role", "king"])
    assert res.exit_code == 2 and "king" in res.output
    res = runner.invoke(main, ["users", "grant", "ghost", "meridian-health"])
    assert res.exit_code == 1 and "no user named 'ghost'" in res.output
    res = runner.invoke(main, ["users", "add", "eve", "--role", "evaluator", "--password-stdin"], input="\n")
    assert res.exit_code == 2 and "no password" in res.output
    audit = runner.invoke(main, ["audit", "export", "--json"])
    events = [e["event"] for e in json.loads(audit.output)]
    assert events == ["user_added", "user_added", "grant", "revoke", "user_disabled"]


# ------------------------------------------------------------------------------ OIDC


MAPPING = ClaimMapping.from_secrets(
    {
        "name_claim": "email",
        "role_claim": "groups",
        "orgs_claim": "advisor_orgs",
        "roles": {"advisor-admins": "admin", "advisor-consultants": "consultant", "cio": "executive"},
    }
)


def test_claims_map_to_name_role_and_grants():
    who = map_claims(
        {
            "email": "Dana@Example.org",
            "groups": ["staff", "advisor-consultants"],
            "advisor_orgs": "meridian-health, BAD ORG",
        },
        MAPPING,
    )
    assert (who.name, who.role, who.orgs) == ("dana@example.org", Role.CONSULTANT, ("meridian-health",))
    # the first rule that matches wins, in the order written
    assert map_claims({"email": "a@x.org", "groups": ["cio", "advisor-admins"]}, MAPPING).role is Role.ADMIN
    assert map_claims({"email": "c@x.org", "groups": "cio"}, MAPPING).role is Role.EXECUTIVE
    with pytest.raises(AccessDenied, match="no role is mapped"):
        map_claims({"email": "z@x.org", "groups": ["staff"]}, MAPPING)
    with pytest.raises(AccountError, match="no 'email' claim"):
        map_claims({"sub": "123"}, MAPPING)
    default = ClaimMapping.from_secrets({"default_role": "evaluator"})
    assert map_claims({"email": "z@x.org"}, default).role is Role.EVALUATOR
    with pytest.raises(AccountError, match=r"advisor_oidc.roles\] 'x'"):
        ClaimMapping.from_secrets({"roles": {"x": "emperor"}})


def test_oidc_sign_in_provisions_and_follows_the_claims(accounts):
    who = map_claims(
        {"email": "dana@example.org", "groups": ["advisor-consultants"], "advisor_orgs": ["meridian-health"]}, MAPPING
    )
    token = accounts.sign_in_external(who)
    assert accounts.session_user(token).orgs == ("meridian-health",)
    again = map_claims({"email": "dana@example.org", "groups": ["advisor-consultants"], "advisor_orgs": []}, MAPPING)
    token = accounts.sign_in_external(again)  # the provider revoked the grant: so do we
    assert accounts.session_user(token).orgs == ()
    with pytest.raises(SignInFailed):  # an OIDC account has no password to sign in with
        accounts.sign_in("dana@example.org", "")
    accounts.add_user("local", "admin", password=PASSWORD)
    with pytest.raises(SignInFailed):  # a provider cannot take over a local account
        accounts.sign_in_external(map_claims({"email": "local", "groups": ["advisor-admins"]}, MAPPING))
