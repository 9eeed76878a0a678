"""Plain text files: paragraphs separated by blank lines; a short first line is the title. A
paragraph's short first line without a full stop, over prose, is its heading (a glossary's
term over its definition, a policy's "Scope" over its clause)."""

from __future__ import annotations

import re
from pathlib import Path

from .document import Block, Document, read_text, title_from_name, unwrap
from .registry import register_loader

#: A heading line: a few words, no sentence punctuation at its end.
_HEADING = re.compile(r"^[^\s.!?;:,][^.!?;]{0,79}$")


def _heading(paragraph: str) -> tuple[str, str]:
    """The paragraph's heading line and the prose under it, or ("", paragraph)."""
    head, _, rest = paragraph.partition("\n")
    head, rest = head.strip(), rest.strip()
    prose = re.search(r"[.!?]\s*$", rest) is not None and len(rest.split()) >= 6 and rest[:1].isupper()
    # a hard-wrapped paragraph's first line is as long as its others: no heading
    short = len(head) < 0.6 * max((len(line) for line in rest.splitlines()), default=0)
    if prose and short and _HEADING.match(head) and len(head.split()) <= 8 and not head.endswith((",", ":")):
        return head, rest
    return "", paragraph


def load_text(path: Path, source: str) -> Document:
    text = read_text(path).replace("\r\n", "\n")
    first = text.strip().split("\n", 1)[0].strip()
    title = first if 0 < len(first) <= 100 and not first.endswith(".") else title_from_name(path)
    blocks: list[Block] = []
    section = ""
    for paragraph in (p.strip() for p in re.split(r"\n\s*\n", text)):
        if not paragraph:
            continue
        head, body = _heading(paragraph) if blocks else ("", paragraph)
        section = head or section  # the paragraphs after a term's first still define it
        blocks.append(Block(unwrap(body.split("\n")), section=section))
    return Document(source=source, title=title, blocks=blocks)


register_loader((".txt", ".text"), "text", load_text)
