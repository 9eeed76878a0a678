"""A third-party loader plugin, as a distribution would ship it: `.notes` files, one note a line."""

from __future__ import annotations

from pathlib import Path

from advisor.ingest import Block, Document, read_text, register_loader

NAME = "field-notes"


def load_notes(path: Path, source: str) -> Document:
    lines = [x.strip() for x in read_text(path).splitlines() if x.strip()]
    return Document(source=source, title=f"Field notes: {path.stem}", blocks=[Block(x, "Notes") for x in lines])


def register() -> None:
    """The entry point: ``[project.entry-points."advisor.loaders"] notes = "...notes_plugin:register"``."""
    register_loader((".notes",), NAME, load_notes)
