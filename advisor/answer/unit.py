"""A quotable unit of a passage: a prose sentence, a list item or a table row, and what
introduces it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from ..chunk import Chunk
from .fields import block_head

__all__ = ["Quoted", "Unit", "UnitKind"]


class UnitKind(StrEnum):
    """What a quotable unit is."""

    SENTENCE = "sentence"  # a prose sentence
    ITEM = "item"  # an item of a bulleted or numbered list
    ROW = "row"  # a table row ("cell | cell | cell")


@dataclass(eq=False)
class Unit:
    """One quotable span of a chunk: its text, kind, where it sits, and (for list items and
    table rows) the unit that introduces its list. `ok` is False for a unit that may only be
    shown as a lead-in (a heading-like table header) or not at all."""

    text: str
    chunk: Chunk
    start: int
    kind: UnitKind = UnitKind.SENTENCE
    position: int = 0  # order within the chunk
    lead: Unit | None = None  # what gives a list item or table row its meaning
    group: int = -1  # the list or table it belongs to (per chunk), -1 for prose
    ok: bool = True
    framing: bool = False  # a lead-in written from the section heading, not quoted text
    joined: tuple[str, int] | None = None  # the list it continues in the chunk before (a list split across chunks)
    contact: bool = False  # not ok, but only for its e-mail address: quotable when asked whom to contact
    title: bool = False  # not ok, but only as a reading list's title: quotable when the reading list is asked for
    stage: bool = False  # not ok, but only as a list's own item: it titles the numbered items under it

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def list_key(self) -> tuple[str, int]:
        """The list or table this unit belongs to, across the chunks a long list was split into."""
        return self.joined or (self.chunk.chunk_id, self.group)

    @property
    def order(self) -> tuple[int, int]:
        """Reading order within the document: the chunk's position, then the unit's."""
        return (self.chunk.position, self.position)

    @property
    def listed(self) -> bool:
        return self.kind is not UnitKind.SENTENCE

    @property
    def heads(self) -> str:
        """What it stands under: a row's column headings, a signature block's "SIGNED for X" line."""
        head = self.header_row
        return head.text if head is not None else block_head(self.chunk.text, self.start, self.text)

    @property
    def header_row(self) -> Unit | None:
        """The column headings of a table row (None for anything else)."""
        lead = self.lead
        return lead if self.kind is UnitKind.ROW and lead is not None and lead.kind is UnitKind.ROW else None


class Quoted(Protocol):
    """What rules outside selection read of a candidate unit (`selection.Candidate`)."""

    score: float
    follows: Any

    @property
    def text(self) -> str: ...
    @property
    def chunk(self) -> Chunk: ...
    @property
    def unit(self) -> Unit: ...
    @property
    def position(self) -> int: ...
    @property
    def kind(self) -> UnitKind: ...
    @property
    def anaphoric(self) -> bool: ...
