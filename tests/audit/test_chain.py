"""The audit trail is append-only and hash-chained: `advisor audit verify` finds tampering."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from advisor.audit import MIGRATIONS, Actor, AuditStore, ChunkRef, Event, Provenance
from advisor.cli import main
from advisor.stores.sqlite import SQLiteDatabase


@pytest.fixture
def store(settings):
    s = AuditStore(settings)
    for i in range(6):
        s.log(Event.QUESTION, {"i": i}, org="meridian-health", actor=Actor("dana", "consultant"), question=f"q{i}")
    yield s
    s.close()


def _raw(settings) -> sqlite3.Connection:
    return sqlite3.connect(settings.audit_path)


def _verify() -> tuple[int, str]:
    res = CliRunner().invoke(main, ["audit", "verify"])
    return res.exit_code, res.output


def test_intact_trail_verifies(store):
    result = store.verify()
    assert result.ok and result.rows == 6
    assert _verify()[0] == 0 and "intact: 6 rows" in _verify()[1]


def test_rows_cannot_be_changed_or_deleted_through_sqlite(store, settings):
    conn = _raw(settings)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE events SET question='nothing happened' WHERE id=3")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM events WHERE id=3")
    conn.close()
    assert store.verify().ok


def test_an_edited_row_is_named(store, settings):
    conn = _raw(settings)
    conn.execute("DROP TRIGGER events_no_update")  # what someone editing the file could do
    conn.execute("UPDATE events SET username='mallory' WHERE id=4")
    conn.commit()
    conn.close()
    code, out = _verify()
    assert code == 1 and "row 4 was altered" in out
    assert store.verify().first_bad == 4


def test_an_edited_row_with_a_recomputed_hash_is_named(store, settings):
    from advisor.audit import row_hash

    conn = _raw(settings)
    conn.row_factory = sqlite3.Row
    conn.execute("DROP TRIGGER events_no_update")
    row = dict(conn.execute("SELECT * FROM events WHERE id=2").fetchone()) | {"org": "northbridge-academic"}
    conn.execute("UPDATE events SET org=?, hash=? WHERE id=2", (row["org"], row_hash(row)))
    conn.commit()
    conn.close()
    code, out = _verify()
    assert code == 1 and "row 2 was altered or replaced" in out


def test_a_missing_row_is_named(store, settings):
    conn = _raw(settings)
    conn.execute("DROP TRIGGER events_no_delete")
    conn.execute("DELETE FROM events WHERE id=3")
    conn.commit()
    conn.close()
    code, out = _verify()
    assert code == 1 and "row 3 is missing" in out


def test_missing_rows_at_the_end_are_named(store, settings):
    conn = _raw(settings)
    conn.execute("DROP TRIGGER events_no_delete")
    conn.execute("DELETE FROM events WHERE id >= 5")
    conn.commit()
    conn.close()
    code, out = _verify()
    assert code == 1 and "rows 5-6 are missing" in out


def test_retention_removes_old_rows_and_the_chain_still_verifies(store, settings):
    later = datetime.now(UTC) + timedelta(days=400)
    assert store.prune(365, now=later) == 6
    store.log(Event.EXPORT, {"what": "x"})
    assert store.verify().ok
    kinds = [e["event"] for e in store.events(limit=0)]
    assert kinds == ["export", "retention"]
    assert store.events(event="retention")[0]["detail"]["removed"] == 6


def test_export_json_and_csv(store):
    rows = json.loads(store.export("json"))
    assert [r["id"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[0]["user"] == "dana" and rows[0]["role"] == "consultant" and rows[0]["question"] == "q0"
    assert rows[1]["prev_hash"] == rows[0]["hash"]
    table = list(csv.DictReader(io.StringIO(store.export("csv"))))
    assert len(table) == 6 and table[5]["org"] == "meridian-health"
    res = CliRunner().invoke(main, ["audit", "export", "--csv"])
    assert res.exit_code == 0 and res.output.startswith("id,ts,event,user,role,org,question")


def test_csv_export_neutralises_formulas(settings):
    s = AuditStore(settings)
    s.log("export", {"x": 1}, question='=HYPERLINK("http://evil")')
    cell = next(csv.DictReader(io.StringIO(s.export("csv"))))["question"]
    assert cell.startswith("'=")


def test_questions_are_stored_with_phi_redacted(settings):
    s = AuditStore(settings)
    s.log(Event.QUESTION, question="Patient John Smith, SSN 123-45-6789: what are our data gaps?")
    s.record_feedback("down", "Call 617-555-0143 about MRN 8812345", None, actor=Actor("dana", "consultant"))
    s.close()
    raw = settings.audit_path.read_bytes() + b"".join(
        p.read_bytes() for p in settings.home.glob("audit.sqlite3*") if p.is_file()
    )
    assert b"123-45-6789" not in raw and b"617-555-0143" not in raw
    s = AuditStore(settings)
    assert "[SSN]" in s.events(event="question")[0]["question"]
    fb = s.feedback()[0]
    assert fb["user"] == "dana" and "[PHONE]" in fb["question"]


def test_provenance_is_kept(settings):
    s = AuditStore(settings)
    prov = Provenance(
        "rewritten query", (ChunkRef("c1", "h1"),), "v1", "offline", "", "ah", ({"marker": 1, "chunk_id": "c1"},)
    )
    s.log(Event.ANSWER, org="meridian-health", question="q", provenance=prov, actor=Actor("dana", "consultant"))
    e = s.events()[0]
    assert e["query"] == "rewritten query" and e["chunks"] == [{"chunk_id": "c1", "content_hash": "h1"}]
    assert (e["corpus_version"], e["mode"], e["answer_hash"]) == ("v1", "offline", "ah")
    assert e["citations"] == [{"marker": 1, "chunk_id": "c1"}]


def test_a_store_from_before_the_chain_is_sealed_on_upgrade(settings):
    old = SQLiteDatabase(settings.audit_path, "audit", MIGRATIONS[:1])
    old.execute("INSERT INTO events (ts, event, org, detail) VALUES ('2026-01-01T00:00:00+00:00','ask','','{}')")
    old.execute("INSERT INTO events (ts, event, org, detail) VALUES ('2026-01-02T00:00:00+00:00','export','','{}')")
    old.close()
    s = AuditStore(settings)
    s.log(Event.INDEX, {"files": 1})
    result = s.verify()
    assert result.ok and result.rows == 3


def test_filters_by_user_org_event_and_date(store):
    store.log(Event.EXPORT, {}, org="prairie-bend-cah", actor=Actor("cio", "executive"))
    assert {e["user"] for e in store.events(user="cio")} == {"cio"}
    assert len(store.events(org="meridian-health", event="question")) == 6
    today = datetime.now(UTC).date().isoformat()
    assert len(store.events(since=today, until=today, limit=0)) == 7
    assert store.events(until="2000-01-01") == []
    assert store.facets()["user"] == ["cio", "dana"]
