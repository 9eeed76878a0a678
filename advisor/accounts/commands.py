"""`advisor users add|list|grant|revoke|disable|enable|passwd`: manage accounts (local operator)."""

from __future__ import annotations

import json
import sys
from typing import NoReturn

import click

from ..audit import AuditStore
from ..errors import AdvisorError
from ..settings import Settings
from .roles import Role
from .service import Accounts


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def _accounts() -> Accounts:
    try:
        settings = Settings.from_env()
        return Accounts(settings, audit=AuditStore(settings))
    except AdvisorError as exc:
        _fail(str(exc), 2)


def _read_password(from_stdin: bool, *, required: bool) -> str | None:
    """One line from standard input, a hidden prompt on a terminal, or None."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            _fail("--password-stdin: standard input held no password", 2)
        return line.rstrip("\r\n")
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if required:
        _fail("no password given: pass it on standard input with --password-stdin", 2)
    return None


@click.group()
def users() -> None:
    """Accounts: add users, list them, grant and revoke organizations, disable accounts."""


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]), help="The user's role.")
@click.option("--orgs", default="", help="Organization ids the user may see, comma-separated.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (one line).")
def add(name: str, role: str, orgs: str, password_stdin: bool) -> None:
    """Add user NAME with a role (and organizations)."""
    password = _read_password(password_stdin, required=False)
    try:
        user = _accounts().add_user(name, role, orgs=orgs, password=password)
    except AdvisorError as exc:
        _fail(str(exc))
    granted = ", ".join(user.orgs) or "no organization"
    click.echo(f"Added {user.name} ({user.role}; {granted}).")
    if password is None:
        click.echo(
            f"Warning: {user.name} has no password yet; set one with `advisor users passwd {user.name}`.", err=True
        )


@users.command("list")
@click.option("--json", "as_json", is_flag=True, help='Print [{"name", "role", "orgs", "disabled"}].')
def list_users(as_json: bool) -> None:
    """Every account, its role, organizations and whether it is disabled."""
    try:
        rows = [u.to_dict() for u in _accounts().users()]
    except AdvisorError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("No accounts yet. The first visitor of the app creates the administrator, or run "
                   "`advisor users add NAME --role admin`.")  # fmt: skip
    for r in rows:
        state = "  (disabled)" if r["disabled"] else ""
        click.echo(f"{r['name']}: {r['role']} — {', '.join(r['orgs']) or 'no organization'}{state}")


@users.command()
@click.argument("name")
@click.argument("org")
def grant(name: str, org: str) -> None:
    """Let user NAME see organization ORG."""
    try:
        changed = _accounts().grant(name, org)
    except AdvisorError as exc:
        _fail(str(exc))
    click.echo(f"Granted {org} to {name}." if changed else f"{name} could already see {org}.")


@users.command()
@click.argument("name")
@click.argument("org")
def revoke(name: str, org: str) -> None:
    """Stop user NAME from seeing organization ORG."""
    try:
        changed = _accounts().revoke(name, org)
    except AdvisorError as exc:
        _fail(str(exc))
    click.echo(f"Revoked {org} from {name}." if changed else f"{name} had no grant for {org}.")


@users.command()
@click.argument("name")
def disable(name: str) -> None:
    """Disable user NAME: no sign-in, and open sessions end."""
    try:
        _accounts().disable(name)
    except AdvisorError as exc:
        _fail(str(exc))
    click.echo(f"Disabled {name}.")


@users.command()
@click.argument("name")
def enable(name: str) -> None:
    """Enable user NAME again."""
    try:
        _accounts().disable(name, disabled=False)
    except AdvisorError as exc:
        _fail(str(exc))
    click.echo(f"Enabled {name}.")


@users.command()
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (one line).")
def passwd(name: str, password_stdin: bool) -> None:
    """Set user NAME's password (open sessions end; a lock-out is lifted)."""
    password = _read_password(password_stdin, required=True)
    try:
        _accounts().set_password(name, password or "")
    except AdvisorError as exc:
        _fail(str(exc))
    click.echo(f"Password set for {name}.")
