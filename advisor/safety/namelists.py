"""The bundled given-name and surname lists (see data/README.md), for the name screen and the contact rules."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["DATA", "name_lists"]

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames) from the bundled lists."""
    first = frozenset((DATA / "first_names.txt").read_text(encoding="utf-8").split())
    last = frozenset((DATA / "last_names.txt").read_text(encoding="utf-8").split())
    return first, last
