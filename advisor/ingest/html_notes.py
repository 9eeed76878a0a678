"""Footnotes of an HTML page read with the sentence that marks them: a mark linking to a note
("...in use.<sup><a href="#fn1">1</a></sup>", a Word page's "[1]") is cut from the text, so it
never glues to the word before it ("use.1 It"), and the note, without its mark and its link
back, is read right after the paragraph, item or table that marked it, under the same heading
(as Word and Markdown footnotes are). A raised number that links nowhere is a mark when it
follows a word or a stop; one after a number is a power ("10³") and stays raised."""

from __future__ import annotations

import re
from typing import Any

from .html_furniture import text_of

__all__ = ["cut_notes"]

_MARK = re.compile(r"^[\[(]?(?:\d{1,3}|[a-z]|[ivx]{1,4}|\*{1,3}|[\u2020\u2021\u00a7\u00b6])[\])]?$", re.I)
_NOTE_NAME = re.compile(r"fn|ftn|note|foot|endnote|ref", re.I)
_OPENING = re.compile(r"^\s*(?:[\[(]?(?:\d{1,3}|[a-z]|[ivx]{1,4}|\*{1,3}|[\u2020\u2021])[\])]?[.:]?)\s+", re.I)
_BACK = re.compile(r"^(?:[\u21a9\u21ba\u2191\u2934^]\ufe0e?|back|return|top)\W*$", re.I)
_HOSTS = frozenset(
    [
        "p",
        "li",
        "td",
        "th",
        "dd",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "caption",
        "figcaption",
        "div",
        "section",
    ]
)
_NOTES = frozenset(["li", "p", "dd", "div", "aside", "section"])
_SUPERSCRIPT = str.maketrans("0123456789+-", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b")


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _is_ref(a: Any, mark: str) -> bool:
    """A link reads as a note's mark: raised, bracketed, or named as a footnote's."""
    raised = any(_tag(x) == "sup" for x in (a, *a.iterancestors())) or mark.startswith("[")
    names = " ".join(f"{x.get('class') or ''} {x.get('id') or ''} {x.get('name') or ''}" for x in (a, *a.iter()))
    return raised or bool(_NOTE_NAME.search(names + (a.get("href") or "")))


def _note_text(box: Any) -> str:
    """A note's text without its mark and its links back to the text."""
    for a in list(box.iter("a")):
        text = text_of(a)
        if (a.get("href") or "").startswith("#") and (_MARK.match(text) or _BACK.match(text)):
            a.drop_tree()
    for sup in list(box.iter("sup")):
        if _MARK.match(text_of(sup)):
            sup.drop_tree()
    return _OPENING.sub("", text_of(box), count=1).strip()


def _host(el: Any) -> Any:
    return next((a for a in el.iterancestors() if _tag(a) in _HOSTS), None)


def cut_notes(root: Any) -> dict[Any, list[str]]:
    """Cut note marks and notes out of the tree; return the notes' texts by the block element
    (paragraph, item, cell, heading) whose text marked them."""
    order = {el: i for i, el in enumerate(root.iter())}
    targets: dict[str, Any] = {}
    for el in root.iter():
        for key in (el.get("id"), el.get("name") if _tag(el) == "a" else None):
            if key:
                targets.setdefault(key, el)
    notes: dict[Any, list[str]] = {}
    boxes: list[Any] = []
    for a in list(root.iter("a")):
        href = a.get("href") or ""
        mark = text_of(a)
        target = targets.get(href[1:]) if href.startswith("#") and len(href) > 1 else None
        if target is None or not _MARK.match(mark) or order.get(target, -1) <= order.get(a, 0):
            continue  # not a link down to a note (a note's own link back goes up)
        box = next((x for x in (target, *target.iterancestors()) if _tag(x) in _NOTES), None)
        if box is None or not _is_ref(a, mark) or box in boxes or any(True for _ in box.iter("h1", "h2", "h3", "h4")):
            continue
        host = _host(a)
        if host is None or host is box or box in host.iterancestors():
            continue
        text = _note_text(box)
        wrapper = a.getparent()
        cut = wrapper if _tag(wrapper) == "sup" and text_of(wrapper) == mark else a
        cut.drop_tree()
        if text:
            boxes.append(box)
            notes.setdefault(host, []).append(text)
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
    _raised_numbers(root)
    return notes


def _raised_numbers(root: Any) -> None:
    """A raised number linking nowhere: a footnote's mark after a word or a stop ("weeks.2") is
    cut; after a number it is a power, kept raised ("10³") so it never reads as more digits."""
    for sup in list(root.iter("sup")):
        mark = text_of(sup)
        if not mark or len(sup):
            continue
        prev = sup.getprevious()
        before = (prev.tail or text_of(prev)) if prev is not None else (sup.getparent().text or "")
        before = before.rstrip()
        if _MARK.match(mark) and re.search(r"(?:[^\W\d_]{3}|[.,;:)\]\"'\u2019\u201d])$", before):
            sup.drop_tree()
        elif re.fullmatch(r"[+-]?\d{1,3}", mark):
            sup.text = mark.translate(_SUPERSCRIPT)
            sup.drop_tag()
