"""`advisor phi scan [FILE|-]... [--json]`: a click group for cli.py to attach (`main.add_command(phi)`)."""

from __future__ import annotations

import json
import sys

import click

from ..errors import AdvisorError
from .phi import scan_files


@click.group()
def phi() -> None:
    """Find protected health information (HIPAA Safe Harbor identifiers) in text."""


@phi.command("scan")
@click.argument("files", nargs=-1)
@click.option(
    "--json", "as_json", is_flag=True, help='Print [{"file", "findings": [{"type", "start", "end", "text"}]}].'
)
def scan(files: tuple[str, ...], as_json: bool) -> None:
    """Scan FILE... ('-' or nothing: standard input) for names, dates, phone numbers, SSNs, MRNs and other identifiers."""
    try:
        results = scan_files(list(files) or ["-"])
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], indent=2, ensure_ascii=False))
        return
    for r in results:
        name = "standard input" if r.file == "-" else r.file
        click.echo(f"{name}: {len(r.findings)} finding{'s' if len(r.findings) != 1 else ''}")
        for f in r.findings:
            click.echo(f"  {f.type.value:<12} {f.start}-{f.end}  {f.text}")
