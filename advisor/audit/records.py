"""What the audit trail records: event kinds, provenance, and the hash that chains the rows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

GENESIS = "0" * 64  # the previous hash of the first row


class Event(StrEnum):
    """Kinds of audit event (any other lowercase name is accepted too)."""

    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    QUESTION = "question"
    ANSWER = "answer"
    SEARCH = "search"
    ACCESS_DENIED = "access_denied"
    INDEX = "index"
    UPLOAD = "upload"
    DELETE = "delete"
    EXPORT = "export"
    RECOMMEND = "recommend"
    ASSESSMENT_SAVED = "assessment_saved"
    FEEDBACK = "feedback"
    USER_ADDED = "user_added"
    USER_DISABLED = "user_disabled"
    PASSWORD_SET = "password_set"
    GRANT = "grant"
    REVOKE = "revoke"
    SETTINGS = "settings"
    RETENTION = "retention"
    QUARANTINE_RELEASE = "quarantine_release"  # an admin released a passage held back by the injection scanner
    PHI_UNREDACTED = "phi_unredacted"  # PHI found in added documents was stored in clear (ADVISOR_REDACT_PHI=0)


@dataclass(frozen=True)
class ChunkRef:
    """A retrieved chunk, as the audit trail keeps it: its id and the hash of its text."""

    chunk_id: str
    content_hash: str

    def to_dict(self) -> dict[str, str]:
        return {"chunk_id": self.chunk_id, "content_hash": self.content_hash}


@dataclass(frozen=True)
class Provenance:
    """Where an answer came from: the query searched, what was retrieved from which corpus,
    who wrote it (mode and model), a hash of the answer text and the chunks it cites."""

    query: str = ""
    chunks: tuple[ChunkRef, ...] = ()
    corpus_version: str = ""
    mode: str = ""
    model: str = ""
    answer_hash: str = ""
    citations: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Actor:
    """Who did it: a user name and role; both empty for the local operator (CLI, scripts)."""

    user: str = ""
    role: str = ""


OPERATOR = Actor()

# Columns of an event row, in hashing order (`hash` itself excluded).
HASHED = (
    "id",
    "ts",
    "event",
    "username",
    "role",
    "org",
    "question",
    "query",
    "chunks",
    "corpus_version",
    "mode",
    "model",
    "answer_hash",
    "citations",
    "detail",
    "prev_hash",
)


def row_hash(row: Any) -> str:
    """SHA-256 over the stored values of a row's hashed columns (exactly as stored)."""
    values = {k: row[k] for k in HASHED}
    blob = json.dumps(values, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Verification:
    """The result of checking the chain: intact, or the first row altered or missing."""

    ok: bool
    rows: int
    head: str = ""
    first_bad: int | None = None
    problem: str = ""

    def message(self) -> str:
        if self.ok:
            return f"audit trail intact: {self.rows} rows, head {self.head[:16]}"
        return f"audit trail broken at row {self.first_bad}: {self.problem}"


@dataclass
class Filter:
    """Which events to read (all fields optional; dates are ISO `YYYY-MM-DD`, inclusive)."""

    event: str | None = None
    org: str | None = None
    user: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 200
    newest_first: bool = True
    #: who is reading: None (or `Scope.everything()`) reads every event; see `Scope`
    scope: Scope | None = None


@dataclass(frozen=True)
class Scope:
    """Who is reading the audit trail, and so which events and feedback they may see.

    The operator and an administrator read everything, including the events that concern no
    organization (failed sign-ins, user administration, questions about shared guidance), which
    name accounts and show who tried what. Anyone else reads the events of the organizations
    granted to them and nothing else: never an event of no organization.
    """

    reader: str = ""  # the user name ("" for the operator)
    orgs: frozenset[str] | None = None  # None: every event; else only these organizations'

    @classmethod
    def everything(cls, reader: str = "") -> Scope:
        """The operator's or an administrator's view: every event, of any organization or none."""
        return cls(reader, None)

    @classmethod
    def members_of(cls, orgs: Iterable[str], reader: str = "") -> Scope:
        """A member's view: the events of these organizations only."""
        return cls(reader, frozenset(o for o in orgs if o))

    @classmethod
    def of(cls, value: Scope | Iterable[str] | None) -> Scope:
        """A scope from what a caller passed: a Scope, None (everything), or organization ids."""
        if isinstance(value, Scope):
            return value
        if isinstance(value, str):  # one organization's id, not its letters
            return cls.members_of([value])
        return cls.everything() if value is None else cls.members_of(value)

    @property
    def sees_all(self) -> bool:
        return self.orgs is None

    def admits(self, org: str | None) -> bool:
        """Whether an event or feedback row of this organization ("" or None: of none) is readable."""
        return self.orgs is None or bool(org and org in self.orgs)

    def clause(self, column: str = "org") -> tuple[str, list[str]]:
        """SQL limiting rows to what this reader may see, and its parameters."""
        if self.orgs is None:
            return "1 = 1", []
        if not self.orgs:
            return "1 = 0", []
        orgs = sorted(self.orgs)
        return f"{column} IN ({', '.join('?' for _ in orgs)})", orgs
