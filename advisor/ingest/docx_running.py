"""A Word file's page headers and footers as running lines, the way a PDF's are read.

A header or footer prints on every page: it is not the document's text, and a line repeating the
organisation, code and version the document states anyway is never a passage of its own (it was
quoted as an answer's sentence). A line is kept, once, when it says something the body does not:
a code or date (as a PDF's running line is kept for its code), a name, a field ("Owner: Office of
Clinical AI") or a statement of its own ("Printed copies are uncontrolled."). What a page-number
field leaves behind ("Page", "Page 2 of 9") is dropped from it.
"""

from __future__ import annotations

import re

from .document import Block
from .pdf_furniture import document_codes

#: Page numbering at either end of a running line, with the separator before or after it: what a
#: PAGE / NUMPAGES field leaves ("... Owner: CMIO. Page", "Page 2 of 9 | ...", "- 3 -").
_PAGING = re.compile(
    r"(?:^|\s*[|·•—–-]\s*|\s+)\(?\b(?:page|p\.)(?:\s+\d{1,4})?(?:\s*(?:of|/)(?:\s*\d{1,4})?)?\)?\s*$"
    r"|^\s*\(?\b(?:page|p\.)(?:\s+\d{1,4})?(?:\s*(?:of|/)\s*\d{1,4})?\)?(?:\s*[|·•—–-]\s*|\s+|$)"
    r"|^\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*$",
    re.I,
)
#: The parts of a running line: "Org · Controlled document X-1 · Version 3", sentences, fields.
_PARTS = re.compile(r"\s+[|·•—–]\s+|\s+-\s+|(?<=[.;!?])\s+")
#: A name: capitalised words, perhaps joined by "of", "the", "and" ("Office of the CMIO").
_NAME = re.compile(r"\b[A-Z][\w'’&-]*(?:\s+(?:(?:of|the|and|for|&)\s+)*[A-Z][\w'’&-]*)+")
#: A field: a short label and its value ("Owner: Office of Clinical AI").
_FIELD = re.compile(r"^[A-Z][\w ()/&'’-]{0,40}:\s+\S")
#: A part this long with no code, name or field is a statement of its own, not a label ("Internal").
_STATEMENT_WORDS = 3


def _flat(text: str) -> str:
    return " ".join(re.sub(r"[‐‑‒–—]", "-", text).lower().split())


def without_paging(text: str) -> str:
    """A running line without the page numbering at its ends."""
    prev = None
    while prev != text:
        prev, text = text, _PAGING.sub("", text).strip()
    return text


def _says_more(line: str, content: str) -> bool:
    """Does a running line state something the document's body does not?"""
    for part in _PARTS.split(line):
        part = part.strip(" .;,")
        if not re.search(r"[A-Za-z]{2}", part):
            continue
        facts = document_codes(part) + _NAME.findall(part) + ([part] if _FIELD.match(part) else [])
        if any(_flat(f) not in content for f in facts):
            return True
        if not facts and len(part.split()) >= _STATEMENT_WORDS and _flat(part) not in content:
            return True
    return False


def running_lines(lines: list[Block], body: list[Block]) -> list[Block]:
    """The header or footer blocks to keep: each distinct line once, without its page numbering,
    when it says something the body does not. Quarantined blocks (hidden text) are kept as read."""
    content = _flat(" ".join(b.text for b in body if b.kind.indexed and not b.quarantine))
    seen: set[str] = set()
    out: list[Block] = []
    for b in lines:
        if b.quarantine:
            out.append(b)
            continue
        b.text = without_paging(b.text)
        key = _flat(b.text)
        if key in seen or not re.search(r"[A-Za-z]{2,}", b.text) or not _says_more(b.text, content):
            continue
        seen.add(key)
        out.append(b)
    return out
