"""The review queue: users' feedback turned into evaluation cases.

Every thumbs-down, and every thumbs-up that carries a comment, enters the queue with its
question, organization, answer, citations and comment (read through the audit store's
feedback API). An evaluator triages each item:

- *dismiss* it;
- mark it a *known issue*, linked to a case id already in the suite;
- *promote* it: a case pre-filled from the feedback (question with identifiers redacted, org,
  expected sources from the cited documents), completed by the evaluator (history, key
  points, forbidden strings) and appended to the reviewed dataset (``evals/reviewed.jsonl``,
  or ``ADVISOR_EVAL_REVIEWED``), which bumps the dataset version in the VERSION file next to
  it. Promoted cases join the dev split unless the evaluator picks test.

Decisions are stored in ``<ADVISOR_HOME>/review.sqlite3`` by feedback id; the feedback itself
is never changed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from .. import db
from ..errors import DatasetError, ReviewError
from ..safety import phi
from ..settings import Settings
from .datasets import EvalCase, default_datasets, has_cases, load_datasets, parse_case, reviewed_dataset

try:  # POSIX: promotions from several app processes append one at a time
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

SPLITS = ("dev", "test")
REVIEW_TAGS = ["reviewed", "feedback"]

MIGRATIONS = [
    """
    CREATE TABLE decisions (
        feedback_id INTEGER PRIMARY KEY,
        status TEXT NOT NULL,
        case_id TEXT NOT NULL DEFAULT '',
        split TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL DEFAULT ''
    );
    """,
]


class Triage(StrEnum):
    NEW = "new"
    DISMISSED = "dismissed"
    KNOWN_ISSUE = "known issue"
    PROMOTED = "promoted"


class FeedbackSource(Protocol):
    """What the queue reads: the audit store's feedback API."""

    def feedback(self, limit: int = 100, *, org: str | None = None) -> list[dict[str, Any]]: ...


@dataclass
class Decision:
    feedback_id: int
    status: Triage
    case_id: str = ""
    split: str = ""
    note: str = ""
    decided_at: str = ""
    decided_by: str = ""


@dataclass
class ReviewItem:
    """One feedback row in the queue, with its triage decision."""

    feedback_id: int
    ts: str
    org: str | None
    rating: str  # "up" or "down"
    comment: str
    question: str
    answer: dict[str, Any]
    user: str | None = None
    decision: Decision | None = None

    @property
    def status(self) -> Triage:
        return self.decision.status if self.decision else Triage.NEW

    @property
    def answer_text(self) -> str:
        return str(self.answer.get("answer") or "")

    @property
    def citations(self) -> list[dict[str, Any]]:
        return [c for c in self.answer.get("citations") or [] if isinstance(c, dict)]

    @property
    def follow_up_query(self) -> str | None:
        """The standalone query searched, when the question was a follow-up in a conversation."""
        q = str(self.answer.get("query") or "").strip()
        return q if q and q != self.question.strip() else None

    def to_dict(self) -> dict[str, Any]:
        d = self.decision
        return {
            "id": self.feedback_id,
            "ts": self.ts,
            "user": self.user,
            "org": self.org,
            "rating": self.rating,
            "comment": self.comment,
            "question": self.question,
            "answer": self.answer,
            "review": {"status": str(self.status), "case_id": d.case_id if d else "", "split": d.split if d else ""},
        }


def enters_queue(row: dict[str, Any]) -> bool:
    """Thumbs-down always; thumbs-up only with a comment."""
    return row.get("rating") == "down" or bool(str(row.get("comment") or "").strip())


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ReviewStore(db.SharedStore):
    """Triage decisions by feedback id, in ``<ADVISOR_HOME>/review.sqlite3``."""

    def __init__(self, path: Path):
        super().__init__(path, MIGRATIONS, name="review queue")

    @classmethod
    def for_settings(cls, settings: Settings) -> ReviewStore:
        return cls(settings.home / "review.sqlite3")

    def decisions(self) -> dict[int, Decision]:
        rows = self._sql("SELECT * FROM decisions")
        return {
            int(r["feedback_id"]): Decision(
                int(r["feedback_id"]),
                Triage(r["status"]),
                r["case_id"],
                r["split"],
                r["note"],
                r["decided_at"],
                r["decided_by"],
            )
            for r in rows
        }

    def decide(self, d: Decision) -> None:
        self._sql(
            "INSERT OR REPLACE INTO decisions (feedback_id, status, case_id, split, note, decided_at, decided_by)"
            " VALUES (?,?,?,?,?,?,?)",
            (d.feedback_id, str(d.status), d.case_id, d.split, d.note, d.decided_at or _now(), d.decided_by),
        )

    def reopen(self, feedback_id: int) -> None:
        """Undo a dismissal or a known-issue link (a promoted case stays in its dataset)."""
        self._sql(
            "DELETE FROM decisions WHERE feedback_id = ? AND status != ?", (int(feedback_id), str(Triage.PROMOTED))
        )


def review_queue(
    feedback: FeedbackSource, store: ReviewStore, *, include_triaged: bool = True, limit: int = 10_000
) -> list[ReviewItem]:
    """Feedback that enters the queue, newest first, each with its decision."""
    decisions = store.decisions()
    items = []
    for row in feedback.feedback(limit=limit):
        if not enters_queue(row):
            continue
        fid = int(row["id"])
        item = ReviewItem(
            feedback_id=fid,
            ts=str(row.get("ts") or ""),
            org=row.get("org") or None,
            rating=str(row.get("rating") or ""),
            comment=str(row.get("comment") or ""),
            question=str(row.get("question") or ""),
            answer=row.get("answer") if isinstance(row.get("answer"), dict) else {},
            user=row.get("user") or None,
            decision=decisions.get(fid),
        )
        if include_triaged or item.status == Triage.NEW:
            items.append(item)
    return items


# --------------------------------------------------------------------------- promotion


@dataclass
class CaseDraft:
    """An eval case being written from feedback (the dataset contract plus its split)."""

    id: str
    question: str
    org: str | None = None
    answerable: bool = True
    history: list[dict[str, Any]] = field(default_factory=list)
    expected_sources: list[str] = field(default_factory=list)
    keypoints: list[list[str]] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=lambda: list(REVIEW_TAGS))
    split: str = "dev"

    def to_json(self) -> dict[str, Any]:
        """The JSONL line: the contract fields, then the split this case belongs to."""
        d = asdict(self)
        split = d.pop("split")
        return {**d, "split": split}


def source_name(source: str) -> str:
    """A citation's source as an expected-source substring: the file or URL name without extension."""
    tail = source.rstrip("/").replace("\\", "/").rsplit("/", 1)[-1]
    stem = tail.rsplit(".", 1)[0] if "." in tail else tail
    return stem or source


def draft_case(item: ReviewItem) -> CaseDraft:
    """A case pre-filled from feedback: the question with identifiers redacted, the org, and the
    cited documents as expected sources. Key points, forbidden strings and history are the evaluator's."""
    sources = list(dict.fromkeys(source_name(str(c.get("source") or "")) for c in item.citations if c.get("source")))
    return CaseDraft(
        id=f"rev-{item.feedback_id:04d}",
        question=phi.redact(item.question),
        org=item.org,
        answerable=True,
        expected_sources=sources,
    )


def _phi_problems(draft: CaseDraft) -> list[str]:
    fields_ = [("question", draft.question)]
    fields_ += [(f"history[{i}]", str(m.get("content") or "")) for i, m in enumerate(draft.history)]
    fields_ += [(f"keypoints[{i}]", " / ".join(g)) for i, g in enumerate(draft.keypoints)]
    fields_ += [(f"forbidden[{i}]", f) for i, f in enumerate(draft.forbidden)]
    out = []
    for name, text in fields_:
        kinds = sorted({str(f.type.value) for f in phi.detect(text)})
        if kinds:
            out.append(
                f"{name} holds what looks like {', '.join(kinds)}; remove it (cases are committed to the repository)"
            )
    return out


def _validate(draft: CaseDraft) -> EvalCase:
    if draft.split not in SPLITS:
        raise ReviewError(f"split {draft.split!r}: a reviewed case goes to dev or test")
    problems: list[str] = []
    case = parse_case(draft.to_json(), f"case {draft.id}", draft.split, problems)
    if case is None:
        raise DatasetError(problems)
    phi_found = _phi_problems(draft)
    if phi_found:
        raise ReviewError(f"case {draft.id}: " + "; ".join(phi_found))
    return case


def bump_version(version_file: Path) -> str:
    """Bump the minor part of a MAJOR.MINOR.PATCH dataset version (a new case); create 0.1.0 if absent."""
    try:
        current = version_file.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        current = "0.0.0"
    parts = current.split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ReviewError(
            f"{version_file}: {current!r} is not a MAJOR.MINOR.PATCH version; fix the file and promote again"
        )
    new = f"{parts[0]}.{int(parts[1]) + 1}.0"
    tmp = version_file.with_name(version_file.name + ".tmp")
    tmp.write_text(new + "\n", encoding="utf-8")
    tmp.replace(version_file)
    return new


@dataclass
class Promotion:
    case_id: str
    split: str
    dataset: Path
    dataset_version: str


def _suite_ids(settings: Settings, extra: Sequence[Path] = ()) -> set[str]:
    paths = [p for p in dict.fromkeys([*default_datasets(settings), *extra]) if has_cases(p)]
    return {c.id for c in load_datasets(paths)} if paths else set()


def promote(item: ReviewItem, draft: CaseDraft, store: ReviewStore, settings: Settings, *, by: str = "") -> Promotion:
    """Append the case to the reviewed dataset, bump its VERSION and record the decision."""
    if item.status == Triage.PROMOTED and item.decision:
        raise ReviewError(f"feedback {item.feedback_id} was already promoted as case {item.decision.case_id}")
    _validate(draft)
    path = reviewed_dataset(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as f:
        if fcntl is not None:
            fcntl.flock(f, fcntl.LOCK_EX)
        if draft.id in _suite_ids(settings, [path]):
            raise ReviewError(f"case id {draft.id!r} is already in the suite; choose another id")
        f.seek(0)
        text = f.read()
        f.seek(0, 2)
        if text and not text.endswith("\n"):
            f.write("\n")
        f.write(json.dumps(draft.to_json(), ensure_ascii=False) + "\n")
        f.flush()
        version = bump_version(path.parent / "VERSION")
    store.decide(Decision(item.feedback_id, Triage.PROMOTED, draft.id, draft.split, decided_by=by))
    return Promotion(draft.id, draft.split, path, version)


def dismiss(item: ReviewItem, store: ReviewStore, *, note: str = "", by: str = "") -> None:
    if item.status == Triage.PROMOTED:
        raise ReviewError(
            f"feedback {item.feedback_id} was promoted as case {item.decision.case_id if item.decision else '?'}; it cannot be dismissed"
        )
    store.decide(Decision(item.feedback_id, Triage.DISMISSED, note=note.strip(), decided_by=by))


def mark_known_issue(
    item: ReviewItem, case_id: str, store: ReviewStore, settings: Settings, *, note: str = "", by: str = ""
) -> None:
    """Link the feedback to a case already in the suite (the case id must exist)."""
    case_id = case_id.strip()
    if item.status == Triage.PROMOTED:
        raise ReviewError(
            f"feedback {item.feedback_id} was promoted as case {item.decision.case_id if item.decision else '?'}"
        )
    if not case_id:
        raise ReviewError("a known issue must name the case that covers it")
    if case_id not in _suite_ids(settings):
        raise ReviewError(f"case {case_id!r} is not in the suite's datasets; link a case id from dev, test or reviewed")
    store.decide(Decision(item.feedback_id, Triage.KNOWN_ISSUE, case_id, note=note.strip(), decided_by=by))


def split_counts(settings: Settings) -> dict[str, dict[str, int]]:
    """Cases per split in the whole suite and in the reviewed dataset alone."""
    paths = [p for p in default_datasets(settings) if has_cases(p)]
    suite = Counter(c.split for c in load_datasets(paths)) if paths else Counter()
    reviewed = reviewed_dataset(settings)
    rev = Counter(c.split for c in load_datasets([reviewed])) if has_cases(reviewed) else Counter()
    return {"suite": dict(sorted(suite.items())), "reviewed": dict(sorted(rev.items()))}
