"""The feedback and audit store (advisor/audit.py)."""

from __future__ import annotations

import sqlite3

import pytest

from advisor.answer import Answer, Citation
from advisor.audit import MIGRATIONS, AuditStore
from advisor.errors import StoreError


@pytest.fixture
def store(settings):
    s = AuditStore(settings)
    yield s
    s.close()


ANSWER = {
    "question": "What does GOVERN 1.6 require?",
    "answer": "Inventory AI systems [1].",
    "citations": [{"marker": 1, "chunk_id": "c1", "source": "corpus/guidance/nist-ai-rmf-govern.md"}],
}


def test_feedback_round_trip(store, settings):
    fid = store.record_feedback("up", ANSWER["question"], ANSWER, org="meridian-health", comment=" useful ")
    got = store.feedback()
    assert len(got) == 1
    fb = got[0]
    assert fb["id"] == fid and fb["rating"] == "up" and fb["comment"] == "useful"
    assert fb["org"] == "meridian-health" and fb["question"] == ANSWER["question"]
    assert fb["answer"]["citations"][0]["chunk_id"] == "c1"
    assert fb["ts"].endswith("+00:00")
    # recording feedback is itself an audit event
    ev = store.events(event="feedback")
    assert ev[0]["detail"] == {"feedback_id": fid, "rating": "up"} and ev[0]["org"] == "meridian-health"
    # persisted: a new store on the same home reads it back
    again = AuditStore(settings)
    assert again.feedback()[0]["id"] == fid
    again.close()


@pytest.mark.parametrize(
    ("value", "expected"), [("up", "up"), ("down", "down"), (1, "up"), (0, "down"), (-1, "down"), (True, "up")]
)
def test_ratings_accept_thumbs_values(store, value, expected):
    store.record_feedback(value, "q")
    assert store.feedback()[0]["rating"] == expected


def test_bad_rating_and_event_name_are_refused(store):
    with pytest.raises(ValueError, match="thumbs up or down"):
        store.record_feedback("maybe", "q")
    with pytest.raises(ValueError, match="event name"):
        store.log("Not An Event", {})
    assert store.feedback() == [] and store.events() == []


def test_update_feedback_changes_rating_and_comment(store):
    fid = store.record_feedback("up", "q", None)
    store.update_feedback(fid, rating="down", comment="wrong section")
    fb = store.feedback()[0]
    assert fb["rating"] == "down" and fb["comment"] == "wrong section" and fb["answer"] == {}


def test_answer_objects_are_stored_as_contract_json(store):
    ans = Answer("q", "q", "Text [1].", False, "offline", [Citation(1, "c1", "src.md", "T", "S", None, "Text")])
    store.record_feedback("down", "q", ans)
    assert store.feedback()[0]["answer"]["citations"][0]["quote"] == "Text"


def test_events_newest_first_filtered_and_limited(store):
    for i in range(5):
        store.log("ask", {"i": i}, org="meridian-health" if i % 2 else None)
    store.log("export", {"format": "markdown"})
    store.log("assessment_saved", {"file": "x.json"}, org="riverside-health")
    evs = store.events()
    assert [e["event"] for e in evs[:2]] == ["assessment_saved", "export"]
    assert [e["detail"]["i"] for e in store.events(event="ask")] == [4, 3, 2, 1, 0]
    assert len(store.events(limit=3)) == 3
    assert {e["detail"]["i"] for e in store.events(event="ask", org="meridian-health")} == {1, 3}
    assert store.events(event="ask")[0]["org"] is None
    counts = store.counts()
    assert counts["ask"] == 5 and counts["export"] == 1 and counts["assessment_saved"] == 1


def test_schema_version_counts_migrations(store, settings):
    conn = sqlite3.connect(settings.audit_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    conn.close()


def test_a_corrupt_store_gives_a_clear_error(settings):
    settings.home.mkdir(parents=True, exist_ok=True)
    settings.audit_path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="audit store is not a readable SQLite database"):
        AuditStore(settings)


def test_a_newer_store_is_refused(settings):
    settings.home.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(settings.audit_path)
    conn.execute(f"PRAGMA user_version={len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this advisor"):
        AuditStore(settings)


def test_a_locked_store_gives_a_clear_error(settings):
    store = AuditStore(settings, busy_timeout_ms=50)
    store.log("ask", {"q": 1})
    other = sqlite3.connect(settings.audit_path, timeout=0.05)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked by another process"):
            store.log("ask", {"q": 2})
    finally:
        other.rollback()
        other.close()
    store.log("ask", {"q": 3})  # usable again once the lock is gone
    assert [e["detail"]["q"] for e in store.events()] == [3, 1]
    store.close()
