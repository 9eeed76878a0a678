"""Evaluation datasets: the JSONL case contract of PRODUCT.md, validated line by line and field by field."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatasetError
from ..settings import PROJECT_DIR, Settings

EVALS_DIR = PROJECT_DIR / "evals"
#: The suite. The unanswerable sets (questions a CIO asks that the corpus cannot answer) name
#: their split (dev/test) in every case, so the test split's false-answer gate covers them.
DEFAULT_DATASETS = (
    EVALS_DIR / "dev.jsonl",
    EVALS_DIR / "test.jsonl",
    EVALS_DIR / "unanswerable-dev.jsonl",
    EVALS_DIR / "unanswerable-test.jsonl",
)
FIXTURES_DIR = EVALS_DIR / "fixtures"
REVIEWED_ENV = "ADVISOR_EVAL_REVIEWED"
DEFAULT_REVIEWED = EVALS_DIR / "reviewed.jsonl"


def reviewed_dataset(settings: Settings | None = None, env: Mapping[str, str] | None = None) -> Path:
    """Where promoted feedback cases go: Settings.eval_reviewed_dataset, else ADVISOR_EVAL_REVIEWED,
    else evals/reviewed.jsonl (its VERSION file is the one next to it)."""
    configured = getattr(settings, "eval_reviewed_dataset", None) if settings is not None else None
    if configured:
        return Path(configured)
    raw = (os.environ if env is None else env).get(REVIEWED_ENV, "").strip()
    return Path(raw).expanduser() if raw else DEFAULT_REVIEWED


def has_cases(path: Path) -> bool:
    """True when a dataset file exists and holds a non-blank line."""
    try:
        return any(line.strip() for line in Path(path).read_text(encoding="utf-8-sig").splitlines())
    except OSError:
        return False


def default_datasets(settings: Settings | None = None) -> list[Path]:
    """The suite: dev and test, plus the reviewed cases promoted from feedback once there are any."""
    reviewed = reviewed_dataset(settings)
    return [*DEFAULT_DATASETS, *([reviewed] if has_cases(reviewed) else [])]


@dataclass
class EvalCase:
    """One evaluation case (the dataset contract), plus the split it belongs to and where it was read."""

    id: str
    question: str
    org: str | None = None
    answerable: bool = True
    history: list[dict[str, Any]] = field(default_factory=list)
    expected_sources: list[str] = field(default_factory=list)
    keypoints: list[list[str]] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    expected_pages: list[int] = field(default_factory=list)
    split: str = ""
    where: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The case in the contract format: split and location dropped, expected_pages only when given."""
        d = asdict(self)
        del d["split"], d["where"]
        if not self.expected_pages:
            del d["expected_pages"]
        return d


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


class _Problems:
    """Collects the problems of one case, each naming the line and the field."""

    def __init__(self, where: str, problems: list[str]):
        self.where = where
        self.problems = problems
        self.start = len(problems)

    def bad(self, fld: str, msg: str) -> None:
        self.problems.append(f"{self.where}, field {fld}: {msg}")

    @property
    def found(self) -> bool:
        return len(self.problems) > self.start


def _identity(obj: dict[str, Any], p: _Problems) -> tuple[Any, Any, Any, Any]:
    """id, question, org and answerable, checked."""
    cid = obj.get("id")
    if cid is None or (isinstance(cid, str) and not cid.strip()):
        p.bad("id", "missing; every case needs a unique, non-empty string id")
    elif not isinstance(cid, str):
        p.bad("id", f"must be a string, got {type(cid).__name__} {cid!r}")
    q = obj.get("question")
    if q is None or (isinstance(q, str) and not q.strip()):
        p.bad("question", "missing; every case needs a non-empty question")
    elif not isinstance(q, str):
        p.bad("question", f"must be a string, got {type(q).__name__}")
    org = obj.get("org")
    if org is not None and not isinstance(org, str):
        p.bad("org", f"must be a string or null, got {type(org).__name__}")
    answerable = obj.get("answerable", True)
    if answerable is None:
        answerable = True
    if not isinstance(answerable, bool):
        p.bad("answerable", f"must be true or false, got {answerable!r}")
    return cid, q, org, answerable


def _history(obj: dict[str, Any], p: _Problems) -> list[Any]:
    history = obj.get("history") or []
    if not isinstance(history, list):
        p.bad("history", f"must be a list of {{role, content}} messages, got {type(history).__name__}")
        return []
    for i, msg in enumerate(history):
        if not isinstance(msg, dict) or not isinstance(msg.get("content"), str):
            p.bad(f"history[{i}]", "must be an object with a string content")
        elif msg.get("role") not in ("user", "assistant", "system"):
            p.bad(f"history[{i}].role", f"must be user, assistant or system, got {msg.get('role')!r}")
    return list(history)


def _string_lists(obj: dict[str, Any], p: _Problems) -> dict[str, list[str]]:
    lists: dict[str, list[str]] = {}
    for name in ("expected_sources", "forbidden", "tags"):
        v = obj.get(name) or []
        if not _is_str_list(v):
            p.bad(name, "must be a list of strings")
            v = []
        lists[name] = [x for x in v if x.strip()]
    return lists


def _pages(obj: dict[str, Any], p: _Problems) -> list[int]:
    pages = obj.get("expected_pages") or []
    if not isinstance(pages, list) or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in pages):
        p.bad("expected_pages", "must be a list of page numbers (integers, 1-based)")
        return []
    return list(pages)


def _keypoints(obj: dict[str, Any], p: _Problems) -> list[list[str]]:
    kps = obj.get("keypoints") or []
    groups: list[list[str]] = []
    if not isinstance(kps, list):
        p.bad("keypoints", "must be a list of lists of alternative strings")
        return groups
    for i, g in enumerate(kps):
        if isinstance(g, str):
            groups.append([g])  # a bare string is a group with one alternative
        elif _is_str_list(g) and g:
            groups.append(list(g))
        else:
            p.bad(f"keypoints[{i}]", "must be a non-empty list of alternative strings")
    return groups


def parse_case(obj: Any, where: str, split: str, problems: list[str]) -> EvalCase | None:
    """Validate one decoded JSONL value; append problems (naming `where` and the field)."""
    if not isinstance(obj, dict):
        problems.append(f"{where}: a case must be a JSON object, got {type(obj).__name__}")
        return None
    p = _Problems(where, problems)
    cid, q, org, answerable = _identity(obj, p)
    history = _history(obj, p)
    lists = _string_lists(obj, p)
    pages = _pages(obj, p)
    groups = _keypoints(obj, p)
    if p.found:
        return None
    own_split = obj.get("split")
    case_split = own_split if isinstance(own_split, str) and own_split else split
    return EvalCase(
        id=cid.strip(),
        question=q.strip(),
        org=(org or None),
        answerable=answerable,
        history=history,
        expected_sources=lists["expected_sources"],
        expected_pages=pages,
        keypoints=groups,
        forbidden=lists["forbidden"],
        tags=lists["tags"],
        split=case_split,
        where=where,
    )


def load_dataset(path: Path, split: str | None = None) -> list[EvalCase]:
    """Read and validate one JSONL dataset; DatasetError lists every problem by line and field."""
    return load_datasets([path], splits=[split] if split else None)


def _read_text(path: Path, problems: list[str]) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(f"{path}: cannot read the dataset ({exc.strerror or exc})")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(f"{path} line {line}: not UTF-8 text (byte {exc.start}); save the file as UTF-8")
        return None


def _read_cases(
    path: Path, text: str, split: str, seen: dict[str, str], cases: list[EvalCase], problems: list[str]
) -> None:
    """Parse one file's lines into `cases`; ids must be unique across every file (`seen`)."""
    found = 0
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name} line {i}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); one case per line")
            continue
        except RecursionError:  # hostile nesting ([[[[...]]]]) must be a problem line, not a traceback
            problems.append(f"{where}: JSON nested too deeply to read; a case is one flat object per line")
            continue
        case = parse_case(obj, where, split, problems)
        if case is None:
            continue
        found += 1
        if case.id in seen:
            problems.append(f"{where}, field id: duplicate id {case.id!r} (first on {seen[case.id]})")
            continue
        seen[case.id] = where
        cases.append(case)
    if found == 0 and not any(p.startswith(path.name) for p in problems):
        problems.append(f"{path}: no cases (expected one JSON object per line)")


def load_datasets(paths: Sequence[Path], splits: Sequence[str] | None = None) -> list[EvalCase]:
    """Read and validate several datasets (split = file stem unless given); ids are unique across them."""
    problems: list[str] = []
    cases: list[EvalCase] = []
    seen: dict[str, str] = {}
    for n, path in enumerate(paths):
        path = Path(path)
        split = splits[n] if splits else path.stem
        text = _read_text(path, problems)
        if text is not None:
            _read_cases(path, text, split, seen, cases, problems)
    if problems:
        raise DatasetError(problems)
    return cases


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes (datasets and thresholds are pinned by it in the manifest)."""
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def dataset_versions(paths: Sequence[Path]) -> dict[str, str | None]:
    """The VERSION next to each dataset, by dataset path (None where a folder has none)."""
    out: dict[str, str | None] = {}
    for p in paths:
        try:
            out[str(p)] = (Path(p).resolve().parent / "VERSION").read_text(encoding="utf-8").strip()
        except OSError:
            out[str(p)] = None
    return out


def dataset_version(paths: Sequence[Path]) -> str | None:
    """The VERSION file next to the datasets (evals/VERSION for the bundled suite), if any."""
    for folder in dict.fromkeys(Path(p).resolve().parent for p in paths):
        try:
            return (folder / "VERSION").read_text(encoding="utf-8").strip()
        except OSError:
            continue
    return None
