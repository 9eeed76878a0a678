"""`advisor frameworks [--json]`: the loaded frameworks with control and crosswalk counts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import AdvisorError
from ..settings import Settings
from .loader import load_catalog, user_dir
from .queries import summarize
from .records import Catalog


def catalog_for_cli(paths: tuple[Path, ...] = ()) -> Catalog:
    """Bundled frameworks, the user's ADVISOR_HOME/frameworks folder if present, and any paths given."""
    home = user_dir(Settings.from_env().home)
    return load_catalog([*([home] if home.is_dir() else []), *paths])


@click.command("frameworks")
@click.option("--json", "as_json", is_flag=True, help="Print [{id, name, version, controls, crosswalks}].")
@click.option(
    "--path", "paths", multiple=True, type=click.Path(exists=True, path_type=Path),
    help="Also load framework or crosswalk YAML from this file or folder (repeatable).",
)  # fmt: skip
def frameworks_command(as_json: bool, paths: tuple[Path, ...]) -> None:
    """List the frameworks loaded as data (bundled and user-supplied), with control and crosswalk counts."""
    try:
        rows = summarize(catalog_for_cli(paths))
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in rows], indent=2))
        return
    for r in rows:
        click.echo(f"{r.id:<22} {r.controls:>4} controls  {r.crosswalks:>2} crosswalks  {r.name} ({r.version})")
