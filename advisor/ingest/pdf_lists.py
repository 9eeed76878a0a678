"""A list whose bullets the PDF draws as shapes or omits: indented paragraphs under a lead-in
ending with a colon ("... designed according to the following principles:") are read as its
items ("- Person at the centre: ..."), so the list stays one passage under its lead-in and a
question asking for the list gets every item, not a field per passage."""

from __future__ import annotations

import re
from itertools import pairwise

from .chunking import ITEM_MARKER
from .pdf_boxes import Line
from .pdf_furniture import Piece

__all__ = ["BULLET_SIGNS", "ends_list", "goes_on", "marked_items", "unmarked_lists"]

#: List bullets in the Symbol and Wingdings fonts Word exports, as PDFium reads them: their codes
#: in Unicode's private-use area (U+F0B7 "•", U+F0A7 "▪", U+F076 "❖", U+F0D8 "➢", U+F0FC "✓" ...).
_SYMBOL_BULLETS = "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e8\uf0d9\uf0b2"
#: The signs a PDF prints list bullets with (the hyphen apart: in a character class it needs escaping).
BULLET_SIGNS = "•▪●◦■□▫◆◇➢►▶✓✔○·–—*" + _SYMBOL_BULLETS

#: How much further right than its lead-in a list's paragraphs start (points): a list's indent,
#: not the jitter of one margin.
INDENT = 8.0


def unmarked_lists(pieces: list[Piece]) -> None:
    """Mark the items of each unmarked list in a page's pieces (in reading order), in place."""
    for lead, body in pairwise(pieces):
        if lead.heading or not _lead_in(lead.text) or body.kind != lead.kind or body.heading or body.note:
            continue
        paras = body.text.split("\n")
        if len(paras) < 2 or body.x0 < lead.x0 + INDENT or any(not p.strip() or ITEM_MARKER.match(p) for p in paras):
            continue
        body.text = "\n".join(f"- {p}" for p in paras)
        body.breaks = []  # the items are one list, not a form's fields each in a passage of its own


def _lead_in(text: str) -> bool:
    """Is the paragraph prose closing on a colon (a list's lead-in), not a field label or an item?"""
    text = text.rstrip()
    return text.endswith(":") and len(text.split()) >= 4 and "\n" not in text and not ITEM_MARKER.match(text)


def marked_items(paragraphs: list[list[Line]], texts: list[str]) -> list[str]:
    """The texts of one item's paragraphs, the indented ones under a lead-in in it marked as
    list items ("- "): at least two in a row, each starting at the first one's indent."""
    out = list(texts)
    i = 1
    while i < len(out):
        lead = out[i - 1]
        indent = paragraphs[i][0].x0
        run = i
        while run < len(out) and abs(paragraphs[run][0].x0 - indent) <= 1.0 and not ITEM_MARKER.match(out[run]):
            run += 1
        if _lead_in(lead) and indent >= paragraphs[i - 1][0].x0 + INDENT and run - i >= 2:
            out[i:run] = [f"- {t}" for t in out[i:run]]
        i = max(run, i + 1)
    return out


_NUMBER = re.compile(r"^\((\d{1,3})\)\s")
#: A line ending on the name of a part of a text, whose number or letter the next line gives.
_REFERENCE_END = re.compile(
    r"\b(?:sub)?(?:sections?|paragraphs?|clauses?|articles?|items?|schedules?|rules?|parts?|regulations?|chapters?)$",
    re.I,
)
#: A list item's marker in parentheses ("(2) ", "(b) ", "(A) ", "(iv) ").
BRACKETED = re.compile(r"^\((?:\d{1,3}|[A-Za-z]{1,2}|[ivx]{1,5})\)\s")
#: An em dash opening a line before a lower-case word: the close of an aside ("— remained in
#: force"), where a list's bullet would be a bullet sign or an en dash.
_CLOSING_DASH = re.compile(r"^—\s+[a-z]")
#: A bullet opening a line: the paragraph is a list item, whose dashes may be the list's.
_ITEM_MARK = re.compile(rf"[{BULLET_SIGNS}\-]\s")


def ends_list(item: list[Line], line: Line) -> bool:
    """Does the line end the list item it follows (the item's lines so far)? It does when it
    starts back at the list's bullets after the item wrapped under its text, unless it goes on
    in lower case (a statute's "and, in the case of ..." after its lettered paragraphs)."""
    size = line.size
    hanging = item[-1].x0 > item[0].x0 + 0.5 * size
    return hanging and line.x0 < item[-1].x0 - 0.5 * size and not line.text[:1].islower()


def reference_wrapped(last: str, line: str) -> bool:
    """Does the line give the number a reference on the line before ends without ("... under
    paragraph (2) of subsection" / "(c) of section 44-2902; and"), not open an item?"""
    return bool(_REFERENCE_END.search(last.rstrip()) and BRACKETED.match(line))


def goes_on(para: list[str], line: str, ended: bool) -> bool:
    """Does a line opening like a list item go on with the sentence of the paragraph before (the
    texts of its lines), which `ended` says is unfinished or not? A bracketed number mid-sentence
    ("within seventy-two" / "(72) hours") does, unless it is the next number of the list the
    paragraph is an item of ("(2)" after "(1)"); so does an em dash closing an aside in prose
    ("The legacy criteria — a set of ... consciousness" / "— remained in force")."""
    if ended:
        return False
    if _CLOSING_DASH.match(line):
        return not _ITEM_MARK.match(para[0])
    if reference_wrapped(para[-1], line):
        return True
    m = _NUMBER.match(line)
    if m is None:
        return False
    prev = _NUMBER.match(para[0])
    return prev is None or int(m[1]) != int(prev[1]) + 1
