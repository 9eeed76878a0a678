"""`advisor review-card FILE [--json] [--out FILE.docx|FILE.md] [--org ORG]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NoReturn

import click

from ..errors import AdvisorError
from ..index import Index
from ..ingest import limits_for
from ..library import Library
from ..providers import get_chat_model
from ..settings import Settings
from .records import CardReview, Status
from .report import EXPORT_EXTENSIONS, export_review
from .review import review_card


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def _library(settings: Settings, org: str) -> Library:
    lib = Library(Index(settings))
    known = [o["org"] for o in lib.organizations()]
    if org not in known:
        hint = (
            f"known organizations: {', '.join(known)}" if known else "run `advisor index` first (samples are bundled)"
        )
        _fail(f"unknown organization {org!r}; {hint}", 2)
    return lib


def _summary(rv: CardReview) -> str:
    lines = [f"{rv.model or '(unnamed model)'} — {rv.developer or '(developer not stated)'} ({rv.card.format.value})"]
    for fw, c in rv.counts().items():
        lines.append(f"  {fw:<16} present {c['present']:>2}  partial {c['partial']:>2}  missing {c['missing']:>2}")
    lines.append("")
    for it in rv.items:
        where = f" (p. {it.evidence[0].page})" if it.evidence and it.evidence[0].page else ""
        lines.append(f"{it.status.value:<8} {it.id:<36} {it.name}{where}")
    lines += ["", f"Questions for the vendor ({len(rv.questions)}):"]
    lines += [f"{i}. {q.text}" for i, q in enumerate(rv.questions, 1)]
    if rv.readiness is not None:
        r = rv.readiness
        lines += ["", f"Readiness gates for {r.org_name} ({r.date or 'no assessment'}):"]
        lines += [f"- {g.text}" for g in r.gates] or [f"- {r.note}"]
    return "\n".join(lines)


@click.command("review-card")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print {model, developer, items, questions} as JSON.")
@click.option(
    "--out", "out", type=click.Path(path_type=Path), default=None, help="Also write the report: .docx or .md."
)
@click.option("--org", default=None, help="Add this organization's readiness gates for the card's use case.")
def review_card_command(file: Path, as_json: bool, out: Path | None, org: str | None) -> None:
    """Review a vendor's model card (PDF, Word or CHAI XML) against HTI-1 and the CHAI card fields."""
    if out is not None and out.suffix.lower() not in EXPORT_EXTENSIONS:
        _fail(f"--out {out}: unsupported format {out.suffix or '(no extension)'!r}; use a .docx or .md file name", 2)
    try:
        settings = Settings.from_env()
        library = _library(settings, org) if org else None
        limits = limits_for(settings, trusted=False)  # ADVISOR_INGEST_* caps; parsed in the worker
        rv = review_card(file, org=org, library=library, model=get_chat_model(settings), limits=limits)
        written = export_review(rv, out) if out is not None else None
    except AdvisorError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(rv.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(_summary(rv))
    if written is not None:
        n_open = sum(1 for i in rv.items if i.status is not Status.PRESENT)
        click.echo(
            f"Wrote {written}: {len(rv.items)} items ({n_open} to ask about), {len(rv.questions)} questions.",
            err=as_json,
        )
