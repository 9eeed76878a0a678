"""Users, grants, sessions and the audit chain on the store seam: SQLite under ADVISOR_HOME and
a real PostgreSQL database (tests marked `server`). Two store objects stand for two app
processes; the concurrent tests write from several threads, each with its own store object,
through their own connections."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from advisor.accounts import Accounts, Role, User
from advisor.audit import Actor, AuditStore, Event
from advisor.errors import AccountError, StoreError
from advisor.settings import Settings
from advisor.stores import Backend

PASSWORD = "correct horse battery staple"
ROOT = Path(__file__).resolve().parents[2]


def _accounts(settings: Settings) -> Accounts:
    return Accounts(settings, audit=AuditStore(settings))


def test_a_user_added_by_one_process_signs_in_on_another(backend_settings):
    one, two = _accounts(backend_settings), _accounts(backend_settings)
    one.create_first_admin("ada", PASSWORD)
    one.add_user("dana", "consultant", orgs="meridian-health", password=PASSWORD)
    token = two.sign_in("dana", PASSWORD)
    user = one.session_user(token)  # the session is valid on the other replica
    assert user is not None and user.orgs == ("meridian-health",)
    one.grant("dana", "prairie-bend-cah")
    assert two.session_user(token).orgs == ("meridian-health", "prairie-bend-cah")
    two.sign_out(token)
    assert one.session_user(token) is None
    with pytest.raises(AccountError, match="already exists"):
        two.add_user("dana", "executive", password=PASSWORD)
    events = [e["event"] for e in two.audit.events(limit=0)]
    assert events.count("user_added") == 2 and "sign_in" in events
    assert two.audit.verify().ok


def test_only_one_first_administrator_when_two_processes_race(backend_settings):
    stores = [_accounts(backend_settings) for _ in range(4)]
    barrier, made, refused = threading.Barrier(4), [], []

    def first(i: int) -> None:
        barrier.wait(timeout=30)
        try:
            made.append(stores[i].create_first_admin(f"admin{i}", PASSWORD).name)
        except AccountError:
            refused.append(i)

    threads = [threading.Thread(target=first, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(made) == 1 and len(refused) == 3
    assert [u.name for u in stores[0].users()] == made


def test_failed_sign_ins_count_across_processes(backend_settings):
    one, two = _accounts(backend_settings), _accounts(backend_settings)
    one.add_user("dana", "consultant", password=PASSWORD)
    for acc in (one, two, one):
        with pytest.raises(Exception, match="wrong"):
            acc.sign_in("dana", "not the password")
    assert two.store.failures("dana")[0] == 3


def test_the_audit_chain_stays_one_chain_under_concurrent_writers(backend_settings):
    writers = [AuditStore(backend_settings) for _ in range(3)]

    def write(store: AuditStore, who: str) -> None:
        for i in range(15):
            store.log(Event.QUESTION, {"i": i}, actor=Actor(who, "consultant"), question=f"{who} {i}")

    threads = [threading.Thread(target=write, args=(s, f"u{n}")) for n, s in enumerate(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    result = AuditStore(backend_settings).verify()
    assert result.ok, result.message()
    assert result.rows == 45
    ids = [e["id"] for e in writers[0].events(limit=0, event="question")]
    assert sorted(ids) == list(range(1, 46))


def test_the_trail_refuses_changes_and_verify_names_an_altered_row(backend_settings):
    store = AuditStore(backend_settings)
    for i in range(4):
        store.log(Event.EXPORT, {"i": i})
    with pytest.raises(StoreError, match="append-only"):
        store.db.execute("UPDATE events SET detail = ? WHERE id = 2", ('{"i": 99}',))
    with pytest.raises(StoreError, match="append-only"):
        store.db.execute("DELETE FROM events WHERE id = 4")
    assert store.verify().ok
    # someone with the database owner's rights goes around the triggers
    if store.db.backend == Backend.SQLITE:
        store.db.script("DROP TRIGGER events_no_update;")
        store.db.execute("UPDATE events SET detail = ? WHERE id = 2", ('{"i": 99}',))
    else:
        with store.db.transaction() as tx:
            tx.execute("ALTER TABLE events DISABLE TRIGGER USER")
            tx.execute("UPDATE events SET detail = ? WHERE id = 2", ('{"i": 99}',))
            tx.execute("ALTER TABLE events ENABLE TRIGGER USER")
    result = AuditStore(backend_settings).verify()
    assert not result.ok and result.first_bad == 2 and "altered" in result.problem


def test_retention_prunes_and_the_chain_still_verifies(backend_settings):
    from datetime import UTC, datetime, timedelta

    store = AuditStore(backend_settings)
    for i in range(5):
        store.log(Event.EXPORT, {"i": i})
    removed = store.prune(1, now=datetime.now(UTC) + timedelta(days=3))
    assert removed == 5
    assert [e["event"] for e in store.events(limit=0)] == ["retention"]
    assert store.verify().ok


@pytest.mark.server
def test_the_users_cli_and_audit_verify_run_against_postgresql(pg_url, tmp_path):
    """What an operator runs on any machine of the deployment: `advisor users add` on one,
    `advisor users list` and `advisor audit verify` on another (two ADVISOR_HOMEs)."""

    def cli(home: str, *args: str) -> subprocess.CompletedProcess:
        env = {"ADVISOR_DATABASE_URL": pg_url, "ADVISOR_HOME": str(tmp_path / home), "PATH": "/usr/bin:/bin",
               "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}  # fmt: skip
        return subprocess.run([sys.executable, "-m", "advisor.cli", *args], env=env, capture_output=True, text=True,
                              timeout=120, cwd=ROOT, input=f"{PASSWORD}\n")  # fmt: skip

    added = cli("a", "users", "add", "dana", "--role", "consultant", "--orgs", "meridian-health", "--password-stdin")
    assert added.returncode == 0, added.stderr
    listed = cli("b", "users", "list")
    assert listed.returncode == 0 and "dana" in listed.stdout and "meridian-health" in listed.stdout
    verified = cli("b", "audit", "verify")
    assert verified.returncode == 0 and "intact" in verified.stdout, verified.stdout + verified.stderr
    assert not (tmp_path / "a" / "users.sqlite3").exists() and not (tmp_path / "b" / "audit.sqlite3").exists()


def test_session_times_keep_sub_second_precision(backend_settings):
    """Idle and absolute expiry compare epoch seconds: a 4-byte float would round them by minutes."""
    from advisor.accounts import SessionRecord, open_user_store

    store = open_user_store(backend_settings)
    store.add(User("dana", Role.CONSULTANT), None)
    record = SessionRecord("h" * 64, "dana", 1_764_500_000.25, 1_764_500_123.5, 1_764_543_200.75)
    store.add_session(record)
    assert open_user_store(backend_settings).session("h" * 64) == record
    store.record_failure("dana", 1_764_500_001.125)
    assert store.failures("dana") == (1, 1_764_500_001.125)


def test_saved_conversations_follow_their_user_to_another_replica(backend_settings):
    from advisor.conversations import ConversationStore
    from advisor.errors import ConversationNotFound

    one, two = ConversationStore(backend_settings), ConversationStore(backend_settings)
    cid = one.create("dana", org="meridian-health", title="What are our data gaps?")
    positions = []

    def add(store: ConversationStore, n: int) -> None:
        for i in range(5):
            positions.append(store.append(cid, "dana", {"role": "user", "content": f"{n}-{i}"}))

    threads = [threading.Thread(target=add, args=(s, n)) for n, s in enumerate((one, two))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(positions) == list(range(10))  # no position taken twice across replicas
    assert len(two.messages(cid, "dana")) == 10 and two.of_user("dana")[0].id == cid
    with pytest.raises(ConversationNotFound):
        two.messages(cid, "mallory")
