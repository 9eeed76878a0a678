"""How current each guidance document is: `as_of`, `status` and `review_by` from its front matter.

Every bundled guidance document carries three fields in its YAML front matter:

- `as_of` — the date (YYYY-MM-DD) its facts were last checked against sources;
- `status` — what the source it describes is: `final`, `proposed`, `superseded` or `guidance`;
- `review_by` — the date by which its facts should be checked again.

`load_currency()` reads them into `DocumentCurrency` records; `advisor corpus status` lists them.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

import click
import yaml

from .errors import AdvisorError, CorpusMetadataError
from .settings import CORPUS_DIR, PROJECT_DIR

GUIDANCE_DIR = CORPUS_DIR / "guidance"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available; both are safe loaders
FIELDS = ("as_of", "status", "review_by")
_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_HINT = {
    "as_of": "add `as_of: YYYY-MM-DD`, the date the document's facts were last checked",
    "review_by": "add `review_by: YYYY-MM-DD`, the date by which its facts should be checked again",
}


class Status(StrEnum):
    """What the source a document describes is."""

    FINAL = "final"  # a final rule, law or standard in force
    PROPOSED = "proposed"  # a proposed rule or draft regulation, not yet binding
    SUPERSEDED = "superseded"  # replaced by a later version; kept for history
    GUIDANCE = "guidance"  # voluntary guidance, frameworks and syntheses


@dataclass(frozen=True)
class DocumentCurrency:
    """The currency fields of one document, and whether its review date has passed."""

    source: str
    title: str
    as_of: date
    status: Status
    review_by: date
    overdue: bool

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "title": self.title,
            "as_of": self.as_of.isoformat(),
            "status": str(self.status),
            "review_by": self.review_by.isoformat(),
            "overdue": self.overdue,
        }


def source_for(path: Path) -> str:
    """The `source` string the index uses for a file: relative to the project when inside it."""
    p = path.resolve()
    try:
        return p.relative_to(PROJECT_DIR).as_posix()
    except ValueError:
        return p.as_posix()


def _front_matter(text: str, file: str) -> tuple[dict, dict[str, int]]:
    """The front matter mapping and the file line of each top-level key."""
    m = _FRONT.match(text)
    if not m:
        raise CorpusMetadataError(
            file, "front matter", "is missing; start the file with a YAML block between '---' lines"
        )
    try:
        node = yaml.compose(m.group(1), Loader=_LOADER)
        meta = yaml.load(m.group(1), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CorpusMetadataError(
            file,
            "front matter",
            "is not valid YAML; fix the block between the '---' lines",
            mark.line + 2 if mark else None,
        ) from None
    if not isinstance(meta, dict):
        raise CorpusMetadataError(file, "front matter", "must be a mapping of field: value", 2)
    lines = {}
    if isinstance(node, yaml.MappingNode):
        # +2: the opening '---' is line 1 and yaml marks count from 0
        lines = {k.value: k.start_mark.line + 2 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return meta, lines


def _date(value: object, file: str, field: str, line: int | None) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise CorpusMetadataError(file, field, f"must be a date YYYY-MM-DD, got {value!r}", line)


def parse_currency(text: str, source: str, today: date | None = None) -> DocumentCurrency:
    """Currency fields from a document's text; `source` names it in errors and in the record."""
    meta, lines = _front_matter(text, source)
    for field in FIELDS:
        if meta.get(field) in (None, ""):
            hint = _HINT.get(field, "add `status:` with one of " + ", ".join(s.value for s in Status))
            raise CorpusMetadataError(source, field, f"is missing; {hint}", lines.get(field))
    as_of = _date(meta["as_of"], source, "as_of", lines.get("as_of"))
    review_by = _date(meta["review_by"], source, "review_by", lines.get("review_by"))
    raw = str(meta["status"]).strip().lower()
    if raw not in {s.value for s in Status}:
        choices = ", ".join(s.value for s in Status)
        raise CorpusMetadataError(
            source, "status", f"must be one of {choices}; got {meta['status']!r}", lines.get("status")
        )
    if review_by < as_of:
        raise CorpusMetadataError(
            source,
            "review_by",
            f"({review_by}) is before as_of ({as_of}); a review date follows the check date",
            lines.get("review_by"),
        )
    title = str(meta.get("title") or "").strip() or Path(source).stem
    today = today or date.today()
    return DocumentCurrency(source, title, as_of, Status(raw), review_by, overdue=review_by < today)


def read_currency(path: Path, today: date | None = None) -> DocumentCurrency:
    """Currency fields of one Markdown file."""
    source = source_for(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusMetadataError(source, "front matter", f"cannot be read ({exc.__class__.__name__})") from None
    return parse_currency(text, source, today)


def markdown_files(paths: Iterable[Path] | None = None) -> list[Path]:
    """The Markdown files named, folders expanded; the bundled guidance when none are given."""
    out: list[Path] = []
    for p in list(paths) if paths else [GUIDANCE_DIR]:
        out += sorted(p.rglob("*.md")) if p.is_dir() else [p]
    return out


def load_currency(paths: Iterable[Path] | None = None, today: date | None = None) -> list[DocumentCurrency]:
    """Currency records for the bundled guidance corpus, or for the Markdown files and folders given."""
    return [read_currency(p, today) for p in markdown_files(paths)]


def currency_index(paths: Iterable[Path] | None = None, today: date | None = None) -> dict[str, DocumentCurrency]:
    """Currency records keyed by `source`, as citations and search results name documents."""
    return {r.source: r for r in load_currency(paths, today)}


def corpus_digest(paths: Iterable[Path] | None = None) -> str:
    """A short hash of the documents' bytes: changes whenever any document changes."""
    h = hashlib.sha256()
    for p in markdown_files(paths):
        h.update(source_for(p).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def corpus_status(paths: Iterable[Path] | None = None, today: date | None = None) -> list[dict]:
    """The `advisor corpus status --json` rows: source, title, as_of, status, review_by, overdue."""
    return [r.to_dict() for r in load_currency(paths, today)]


def _line(r: DocumentCurrency) -> str:
    flag = "  OVERDUE" if r.overdue else ""
    return f"{r.as_of}  {r.status:<10}  review by {r.review_by}{flag}  {r.source} — {r.title}"


@click.group("corpus")
def corpus_group() -> None:
    """The bundled guidance corpus and how current it is."""


@corpus_group.command("status")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per document.")
@click.option("--overdue", "only_overdue", is_flag=True, help="List only documents past their review_by date.")
def corpus_status_command(paths: tuple[Path, ...], as_json: bool, only_overdue: bool) -> None:
    """Each document's as_of, status and review_by (the bundled guidance, or PATHS...)."""
    try:
        records = load_currency(list(paths) or None)
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    if only_overdue:
        records = [r for r in records if r.overdue]
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in records], indent=2))
        return
    for r in records:
        click.echo(_line(r))
    late = sum(r.overdue for r in records)
    click.echo(f"{len(records)} documents; {late} past review_by.")
