"""Sub-lists: items under an item that introduces them ("(c) An assessment shall include the
following elements:" over "(1) ...", "(2) ..."), marked differently from their parent's list.
Each hangs from the parent's own words, quoted as its lead-in, not from the outer list's."""

from __future__ import annotations

import re

from ..text import UNENDING
from .unit import Unit, UnitKind

__all__ = ["hang_sub_lists", "left_open", "next_in_list", "outer_item", "quoted_as_lead", "sub_list_lead"]


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


def _unfinished(u: Unit, after: Unit | None) -> bool:
    """An item stopping without punctuation over sub-items, marked otherwise, that finish it: "(2) The
    operator shall ensure that every human reviewer" over "(a) completes ...", "(b) is able to ..."."""
    return (
        after is not None
        and after.kind is UnitKind.ITEM
        and after.group == u.group
        and after.text[:1].islower()
        and len(u.text.split()) >= 3
        # "..., the operator shall, within 10 days," leads; "the data feeds; and" is joined to the next item
        and not re.search(r"(?:[.;:!?)\]\"'”’]|\b(?:and|or))$", u.text.rstrip())
        and not _alike(u, after)
    )


def _alike(parent: Unit, item: Unit) -> bool:
    """Are two items marked in one style (digits, letters, one bullet sign)? "(i)" after "(b)" opens
    roman numerals; after "(h)" it is the next letter."""
    if _marker(item).strip("()[]. ") == "i" and not next_in_list(parent, item):
        return False
    return _style(_marker(parent)) == _style(_marker(item))


def next_in_list(parent: Unit, item: Unit) -> bool:
    """Is the item marked as the one after `parent` in its list ("(c)" after "(b)", "3." after "2."):
    its sibling, not a sub-item ("(i)" after "(b)" is one)?"""
    before, after = _marker(parent).strip("()[]. "), _marker(item).strip("()[]. ")
    if before.isdigit() and after.isdigit():
        return int(after) == int(before) + 1
    return len(before) == len(after) == 1 and before.isalpha() and ord(after) == ord(before) + 1


def outer_item(before: list[Unit], first: Unit) -> Unit | None:
    """The item of `before` that `first` is marked as next after ("3." after "2.", whose sub-items
    "a."–"c." close the chunk before), or None."""
    return next((u for u in reversed(before) if u.kind is UnitKind.ITEM and next_in_list(u, first)), None)


def left_open(text: str) -> bool:
    """Does the text stop on a modal its sub-items finish ("the operator shall", "shall be an individual
    who")? Never quoted alone."""
    return bool(_MODAL_END.search(text.rstrip()))


#: (or on words no statement ends on: "a full written report …, setting out", "including", "of the")
_MODAL_END = re.compile(
    r"\b(?:(?:shall|must|should|will|may)(?: not)?|who|whose|set(?:ting)? out|including|namely|"
    rf"as follows|the following|{UNENDING})$"  # lower case: "Level A" ends a statement
)


def sub_list_lead(parent: Unit, item: Unit) -> Unit | None:
    """The lead-in an item takes from the item before it when that one introduces a sub-list
    marked otherwise ("(c) ...:" then "(1) ..."); None when they are items of one list."""
    if not _introduces(parent) or item.kind is not UnitKind.ITEM:
        return None
    if _alike(parent, item):
        return None  # same marks: a flattened sub-list is not told from the next item
    return _own_words(parent)


def _own_words(parent: Unit) -> Unit:
    """The parent item's text as a lead-in: the document's words, quoted above its sub-list."""
    return Unit(parent.text, parent.chunk, parent.start, UnitKind.SENTENCE, parent.position)


def hang_sub_lists(units: list[Unit]) -> None:
    """Give the items of each sub-list in a chunk their parent item as lead-in."""
    parent: Unit | None = None
    lead: Unit | None = None
    for i, u in enumerate(units):
        if u.kind is not UnitKind.ITEM:
            parent = None
            continue
        sub = parent is not None and u.group == parent.group and not _alike(parent, u)
        if sub and lead is not None:
            u.lead = lead
            continue
        # (quotable still: "..., within 10 days after detecting it," states the time limit asked for)
        unfinished = _unfinished(u, units[i + 1] if i + 1 < len(units) else None)
        parent, lead = (u, _own_words(u)) if _introduces(u) or unfinished else (None, None)


def quoted_as_lead(u: Unit, others: list[Unit]) -> bool:
    """Is the item the parent whose own words lead other items quoted with it ("If drift is detected,
    the operator shall, within 10 days," over "(a) notify ...")? It is said once, as their lead-in."""
    return u.kind is UnitKind.ITEM and any(
        o is not u and o.lead is not None and o.lead.chunk is u.chunk and o.lead.start == u.start for o in others
    )
