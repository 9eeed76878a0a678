"""`advisor db status|upgrade`: which backend holds the stores, and their schema versions.

Migrations also run by themselves when a process first opens a store (once: PostgreSQL
serializes them with an advisory lock); `advisor db upgrade` runs them ahead of a rollout.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..errors import AdvisorError
from ..settings import Settings
from . import backend_for, mask_url, open_store, registered


def _status(settings: Settings, *, upgrade: bool) -> list[dict[str, Any]]:
    out = []
    for spec in registered():
        row: dict[str, Any] = {"store": spec.name, "code_version": len(spec.migrations)}
        if settings.database_url:
            row["where"] = f"schema {spec.schema(settings)}"
        else:
            row["where"] = str(spec.sqlite_path(settings))
            if not upgrade and not spec.sqlite_path(settings).exists():
                row["version"] = 0
                out.append(row)
                continue
        try:
            row["version"] = open_store(settings, spec).version()
        except AdvisorError as exc:
            row["version"], row["error"] = None, str(exc)
        out.append(row)
    return out


@click.group("db")
def db_group() -> None:
    """The stores (catalog, embedding cache, users, audit, feedback): SQLite or PostgreSQL."""


@db_group.command("status")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def status(as_json: bool) -> None:
    """Show the backend and each store's schema version (opening a store migrates it)."""
    try:
        settings = Settings.from_env()
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    rows = _status(settings, upgrade=False)
    where = mask_url(settings.database_url) if settings.database_url else str(settings.home)
    if as_json:
        click.echo(json.dumps({"backend": str(backend_for(settings)), "where": where, "stores": rows}, indent=2))
    else:
        click.echo(f"backend: {backend_for(settings)} ({where})")
        for r in rows:
            extra = f"  ERROR: {r['error']}" if r.get("error") else ""
            click.echo(f"  {r['store']:<12} version {r['version']}/{r['code_version']}  {r['where']}{extra}")
    sys.exit(1 if any(r.get("error") for r in rows) else 0)


@db_group.command("upgrade")
def upgrade() -> None:
    """Apply pending migrations to every store now (run once per release, before the app)."""
    try:
        settings = Settings.from_env()
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    rows = _status(settings, upgrade=True)
    for r in rows:
        if r.get("error"):
            click.echo(f"Error: {r['error']}", err=True)
        else:
            click.echo(f"{r['store']}: version {r['version']} ({r['where']})")
    sys.exit(1 if any(r.get("error") for r in rows) else 0)
