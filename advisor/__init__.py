"""Readiness Advisor: cited answers on a health system's readiness to scale AI.

Nothing heavy is imported here; names resolve on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = [
    "Advisor",
    "AdvisorError",
    "Answer",
    "Chunk",
    "Citation",
    "Filters",
    "Hit",
    "Index",
    "IndexReport",
    "Retriever",
    "Settings",
]

_WHERE = {
    "Advisor": "answer",
    "Answer": "answer",
    "Citation": "answer",
    "Chunk": "chunk",
    "Filters": "retrieve",
    "Hit": "retrieve",
    "Index": "index",
    "IndexReport": "index",
    "Retriever": "retrieve",
    "Settings": "settings",
    "AdvisorError": "errors",
}

if TYPE_CHECKING:  # pragma: no cover
    from .answer import Advisor, Answer, Citation
    from .chunk import Chunk
    from .errors import AdvisorError
    from .index import Index, IndexReport
    from .retrieve import Filters, Hit, Retriever
    from .settings import Settings


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module 'advisor' has no attribute {name!r}")
