"""Feedback and the audit trail: who did what, with the provenance of every answer.

- `records`: event kinds, actors, provenance, the reader's `Scope`, the row hash and verification results;
- `schema`: the store's migrations (append-only triggers, the chain over older rows);
- `store`: `AuditStore`, the SQLite store (log, read, verify, prune, export, feedback);
- `chain`: verification of the hash chain;
- `commands`: the `advisor audit` command group (verify, export, prune).
"""

from __future__ import annotations

from .records import (
    GENESIS,
    OPERATOR,
    Actor,
    ChunkRef,
    Event,
    Filter,
    Provenance,
    Scope,
    Verification,
    row_hash,
    text_hash,
)
from .schema import MIGRATIONS
from .store import EVENTS, AuditStore

__all__ = [
    "EVENTS",
    "GENESIS",
    "MIGRATIONS",
    "OPERATOR",
    "Actor",
    "AuditStore",
    "ChunkRef",
    "Event",
    "Filter",
    "Provenance",
    "Scope",
    "Verification",
    "row_hash",
    "text_hash",
]
