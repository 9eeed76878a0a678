"""Sub-lists: items under an item that introduces them ("(c) An assessment shall include the
following elements:" over "(1) ...", "(2) ..."), marked differently from their parent's list.
Each hangs from the parent's own words, quoted as its lead-in, not from the outer list's."""

from __future__ import annotations

import re

from .unit import Unit, UnitKind

__all__ = ["hang_sub_lists", "left_open", "sub_list_lead"]


def _marker(u: Unit) -> str:
    """The list marker before an item's text on its line ("(c)", "2.", "•")."""
    text = u.chunk.text
    return text[text.rfind("\n", 0, u.start) + 1 : u.start].strip()


def _style(marker: str) -> str:
    """How a list numbers its items: by digits, by letters, or with one bullet sign."""
    core = marker.strip("()[]. ")
    if core.isdigit():
        return "digits"
    if len(core) == 1 and core.isalpha():
        return "letters"
    return marker


def _introduces(u: Unit) -> bool:
    """An item ending ':' in a few words at least ("the following elements:"), or on a modal its
    sub-items finish ("(1) Before deploying a system, the operator shall" over "(a) complete ...")."""
    text = u.text.rstrip()
    return u.kind is UnitKind.ITEM and (text.endswith(":") or left_open(text)) and len(text.split()) >= 3


def left_open(text: str) -> bool:
    """Does the text stop on a modal its sub-items finish ("the operator shall", "shall be an individual
    who")? Never quoted alone."""
    return bool(_MODAL_END.search(text.rstrip()))


_MODAL_END = re.compile(r"\b(?:(?:shall|must|should|will|may)(?: not)?|who|that|which|whose)$")


def sub_list_lead(parent: Unit, item: Unit) -> Unit | None:
    """The lead-in an item takes from the item before it when that one introduces a sub-list
    marked otherwise ("(c) ...:" then "(1) ..."); None when they are items of one list."""
    if not _introduces(parent) or item.kind is not UnitKind.ITEM:
        return None
    if _style(_marker(parent)) == _style(_marker(item)):
        return None  # same marks: a flattened sub-list is not told from the next item
    return _own_words(parent)


def _own_words(parent: Unit) -> Unit:
    """The parent item's text as a lead-in: the document's words, quoted above its sub-list."""
    return Unit(parent.text, parent.chunk, parent.start, UnitKind.SENTENCE, parent.position)


def hang_sub_lists(units: list[Unit]) -> None:
    """Give the items of each sub-list in a chunk their parent item as lead-in."""
    parent: Unit | None = None
    lead: Unit | None = None
    for u in units:
        if u.kind is not UnitKind.ITEM:
            parent = None
            continue
        sub = parent is not None and u.group == parent.group and _style(_marker(u)) != _style(_marker(parent))
        if sub and lead is not None:
            u.lead = lead
            continue
        parent, lead = (u, _own_words(u)) if _introduces(u) else (None, None)
