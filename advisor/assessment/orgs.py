"""Organizations' display names: two organizations (different ids) may not share one.

Every list of organizations, the dashboard and each results citation name an organization by its
display name (`org_name`), so a second organization taking an existing one's name — differing only
in case, spacing or look-alike forms of the same letters — would be mistaken for it, and could be
used to pass one organization's scores off as another's. Names are compared after Unicode
compatibility normalisation (NFKC), case folding and collapsing whitespace.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import AssessmentError, Problem
from .results import Results

__all__ = ["NameClash", "OrgName", "check_names", "name_clashes", "name_key"]


def name_key(name: str) -> str:
    """The form two display names are compared in: "  Meridian  HEALTH " and "meridian health" match."""
    return " ".join(unicodedata.normalize("NFKC", name or "").casefold().split())


@dataclass(frozen=True)
class OrgName:
    """An organization's display name as one results file gives it (or the index holds it)."""

    org: str
    name: str
    source: str  # the results file's citable source
    path: Path | None = None  # the file on disk, when known

    @property
    def key(self) -> str:
        return name_key(self.name or self.org)


@dataclass(frozen=True)
class NameClash:
    """A results file whose organization takes the display name another organization has."""

    file: OrgName  # the file refused
    other: OrgName  # where the other organization's name comes from

    @property
    def message(self) -> str:
        """What is wrong, naming the field, and what to do about it."""
        return (
            f"field org_name: {self.file.name or self.file.org!r} (organization {self.file.org!r}) is already the "
            f"display name of the organization {self.other.org!r} ({self.other.source}); two organizations may not "
            "share a name, since readers would take one for the other. Give org_name this organization's own name, "
            f"or, if the file is {self.other.org}'s assessment, set org to {self.other.org}; nothing was stored"
        )


def name_clashes(candidates: Iterable[OrgName], known: Iterable[OrgName]) -> list[NameClash]:
    """The candidates (files about to be stored) whose name another organization already has:
    one in `known` (stored), or an earlier candidate of a different organization."""
    holders: dict[str, OrgName] = {}
    for k in known:
        holders.setdefault(k.key, k)
    out = []
    for c in candidates:
        holder = holders.get(c.key)
        if holder is not None and holder.org != c.org:
            out.append(NameClash(c, holder))
        elif holder is None:
            holders[c.key] = c
    return out


def check_names(results: Results, known: Iterable[OrgName], file: str = "") -> None:
    """AssessmentError when the results' organization takes another organization's display name."""
    name = file or results.source
    clashes = name_clashes([OrgName(results.org, results.org_name, name)], known)
    if clashes:
        raise AssessmentError(name, [Problem(file=name, field="org_name", message=c.message) for c in clashes])
