"""`advisor audit verify|export|prune`: check, export and trim the audit trail."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from ..errors import AdvisorError
from ..settings import Settings
from .store import AuditStore


def _store() -> AuditStore:
    try:
        return AuditStore(Settings.from_env())
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)


@click.group()
def audit() -> None:
    """The audit trail: verify its hash chain, export it, apply the retention setting."""


@audit.command()
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def verify(as_json: bool) -> None:
    """Exit 0 when the trail is intact; 1 naming the first altered or missing row."""
    try:
        result = _store().verify()
    except AdvisorError as exc:  # a damaged store is not an intact trail
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(asdict(result)))
    else:
        click.echo(result.message(), err=not result.ok)
    sys.exit(0 if result.ok else 1)


@audit.command()
@click.option("--json", "fmt", flag_value="json", default=True, help="JSON list (the default).")
@click.option("--csv", "fmt", flag_value="csv", help="CSV, one event a row.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write to this file instead of stdout.")
def export(fmt: str, out: Path | None) -> None:
    """Every event, oldest first, with its provenance and chain hashes."""
    try:
        text = _store().export(fmt)
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        click.echo(f"Error: --out {out}: cannot write ({exc.strerror or exc})", err=True)
        sys.exit(1)
    click.echo(f"Wrote {out}.")


@audit.command()
@click.option("--days", type=click.IntRange(1, 36500), default=None, help="Default: ADVISOR_AUDIT_RETENTION_DAYS.")
def prune(days: int | None) -> None:
    """Remove events older than the retention period (the chain stays verifiable)."""
    keep = days or Settings.from_env().audit_retention_days
    if not keep:
        click.echo("ADVISOR_AUDIT_RETENTION_DAYS is 0: the audit trail is kept forever; nothing removed.")
        return
    removed = _store().prune(keep)
    click.echo(f"Removed {removed} events older than {keep} days.")
