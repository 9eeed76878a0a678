"""A loaded document before chunking, and reading a file as text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import IngestError


@dataclass
class Block:
    """A run of text with its structural position (heading path, page)."""

    text: str
    section: str = ""
    page: int | None = None


@dataclass
class Document:
    """A loaded document before chunking."""

    source: str
    title: str
    blocks: list[Block]
    framework: str = ""
    publisher: str = ""
    meta: dict = field(default_factory=dict)


def fail(path: Path | str, problem: str) -> IngestError:
    """The error for a file that cannot be loaded: names the file and the fix."""
    return IngestError(str(path), problem)


def read_text(path: Path) -> str:
    """Read a text file as UTF-8, with a clear error for binary or mis-encoded content."""
    data = path.read_bytes()
    if not data.strip():
        raise fail(path, "file is empty; add content or remove it from the folder")
    if b"\x00" in data[:4096]:
        raise fail(path, "looks like a binary file, not text; save it as UTF-8 text or use a supported format")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(
            path,
            f"not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8",
        ) from None


def title_from_name(path: Path) -> str:
    """A readable title from a file name: "ai_policy-v2.md" -> "ai policy v2"."""
    return re.sub(r"[_\-]+", " ", path.stem).strip() or path.name


def heading_path(headings: list[tuple[int, str]], level: int, text: str) -> list[tuple[int, str]]:
    """The open headings after a heading of `level`: deeper and equal ones close."""
    return [(lvl, t) for lvl, t in headings if lvl < level] + [(level, text)]
