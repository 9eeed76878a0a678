"""A PDF's title: its metadata title when that names the document, else the title block printed
on its first page (the largest heading there), else its first heading."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..safety.injection import is_instruction
from .document import Block, BlockKind
from .pdf_furniture import Piece

#: A title an authoring tool left: a placeholder, or the name of the file it was made from ("b.html",
#: "C:\\Drafts\\minutes.docx", "file:///tmp/report.htm", a browser's "about:blank"): the title block on
#: the first page names it instead.
_PLACEHOLDER_TITLE = re.compile(
    r"^(untitled|document\d*|title|microsoft (word|powerpoint) - .*"
    r"|.*\.(docx?|dotx?|pdf|pptx?|indd|tex|x?html?|mhtml?|md|markdown|txt|rtf|odt|odp|xlsx?|csv|xml|pages|key)"
    r"|(?:.*[/\\])?[^\s/\\]+\.[a-z]{2,5}|about:\S*|[a-z][a-z0-9+.-]*://\S*)$",
    re.I,
)

#: Words that number a document's part rather than say what it is about ("Part IX", "Vol. 2").
_DESIGNATORS = frozenset(["part", "vol", "vol.", "volume", "book", "chapter", "no", "no.", "rev", "rev.", "version"])
#: A subtitle naming the part of a larger work the document is ("Part IX — AI-Assisted Practice").
_PART = re.compile(r"^(?:part|volume|book|chapter)\s+(?:[IVXLC]+|\d{1,3}|[A-Z])\b", re.I)
#: How much larger than the body a title block's type is, at least.
_TITLE_SIZE = 1.3


def meta_title(doc: Any) -> str:
    try:
        return str(doc.get_metadata_dict().get("Title") or "").strip()
    except Exception:
        return ""


def usable_title(title: str) -> str:
    """The metadata title unless it is a placeholder an authoring tool left ("Microsoft Word - x.docx")."""
    title = " ".join(title.split())
    # metadata no page shows that instructs the reader never names the document
    return "" if not title or _PLACEHOLDER_TITLE.match(title) or is_instruction(title) else title


def code_title(title: str) -> bool:
    """A metadata title that is only a code or an abbreviation ("MSRR Part IX", "HD-2026/07"): no
    word of it says what the document is about, so the printed title block names it better."""
    words = title.split()
    return bool(words) and all(w.lower() in _DESIGNATORS or not re.search(r"[a-z]", w) for w in words)


def choose_title(meta: str, printed: str, heading: str, named: str) -> str:
    """The metadata title when it names the document; else the printed title block (in the casing
    of the first heading or the file name when they spell it alike: "AI RMF PLAYBOOK" set in
    capitals on a cover is "AI RMF Playbook"), a code of a metadata title, the first heading, the
    file name."""
    title = usable_title(meta)
    if title and not code_title(title):
        return title
    same = next((t for t in (heading, named) if printed and t.lower() == printed.lower()), "")
    return same or printed or title or heading or named


def first_heading(blocks: list[Block]) -> str:
    """The first heading on the first two pages (the document's own title line, usually)."""
    for b in blocks:
        if b.page is not None and b.page > 2:
            break
        if b.kind.indexed and b.section:
            return b.section.split(" > ")[0].strip()
    return ""


@dataclass
class TitleBlock:
    """The title printed on the first page: its heading, and its text with the part it names."""

    piece: Piece
    text: str
    passage: Block | None = None  # the title block read as text, over the content under it


def title_block(pages: list[list[Piece]], body: float) -> TitleBlock | None:
    """The largest heading of the first page with content, set well above the body's type and
    larger than anything else on that page, saying more than one word; a subtitle right under it
    naming the part of a larger work ("Part IX — AI-Assisted Clinical Practice") goes with it."""
    page = next((p for p in pages if any(q.kind.indexed and not q.hidden for q in p)), [])
    shown = [p for p in page if p.kind.indexed and not p.hidden and p.text.strip()]
    heads = [p for p in shown if p.heading and len(p.text.split()) >= 2]
    if not heads:
        return None
    top = max(heads, key=lambda p: p.size)
    if top.size < _TITLE_SIZE * body or any(p.size > top.size for p in shown):
        return None
    text = " ".join(top.text.split())
    nxt = shown[shown.index(top) + 1] if shown.index(top) + 1 < len(shown) else None
    if nxt is not None and nxt.heading and _PART.match(nxt.text.strip()) and nxt.size < top.size:
        text = f"{text}, {' '.join(nxt.text.split())}"
    return TitleBlock(top, text)


def title_over_fields(blocks: list[Block], passage: Block | None) -> list[Block]:
    """The title block's passage over a list of fields ("Reference: ...", "Published: ...") opens
    the list's first field, so the title and the facts under it are one passage."""
    i = next((k for k, b in enumerate(blocks) if b is passage), None)
    if passage is None or i is None or i + 1 >= len(blocks):
        return blocks
    nxt = blocks[i + 1]
    if (
        nxt.kind != BlockKind.TEXT
        or nxt.breaks[:1] != [0]
        or (nxt.section, nxt.page) != (passage.section, passage.page)
    ):
        return blocks
    cut = len(passage.text) + 1
    merged = replace(nxt, text=f"{passage.text}\n{nxt.text}", breaks=[b + cut for b in nxt.breaks[1:]])
    return [*blocks[:i], merged, *blocks[i + 2 :]]
