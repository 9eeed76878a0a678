"""Plain text files: paragraphs separated by blank lines; a short first line is the title."""

from __future__ import annotations

import re
from pathlib import Path

from .document import Block, Document, read_text, title_from_name
from .registry import register_loader


def load_text(path: Path, source: str) -> Document:
    text = read_text(path).replace("\r\n", "\n")
    first = text.strip().split("\n", 1)[0].strip()
    title = first if 0 < len(first) <= 100 and not first.endswith(".") else title_from_name(path)
    blocks = [Block(p.strip()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Document(source=source, title=title, blocks=blocks)


register_loader((".txt", ".text"), "text", load_text)
