"""Which loader reads which file suffix: a registry that plugins add to.

Built-in loaders (Markdown, text, HTML, PDF, Word) register when their modules are imported.
Other loaders come from plugins, imported on first use, never at import time:

- :data:`DEFAULT_PLUGINS`, modules of this package's own distribution listed by name (the
  assessment-results loader lives with the assessment, so ingestion never imports it; the
  CHAI model-card XML loader reads the card fields from the frameworks data);
- third-party distributions, through the ``advisor.loaders`` entry-point group. An entry point
  names either a module that calls :func:`register_loader` when imported, or a callable that
  is called with no arguments and does so::

      [project.entry-points."advisor.loaders"]
      xlsx = "advisor_xlsx.loader:register"

A loader is ``load_fn(path, source)``. It returns a :class:`~.document.Document`, which
ingestion chunks (``LoaderOutput.DOCUMENT``), or, for a loader registered with
``output=LoaderOutput.CHUNKS``, the finished list of chunks. It raises
:class:`~advisor.errors.IngestError` naming the file and the fix when the file is bad.
"""

from __future__ import annotations

import importlib
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..chunk import Chunk
    from .document import Document

DEFAULT_PLUGINS: tuple[str, ...] = ("advisor.assessment.loader", "advisor.ingest.chai")
ENTRY_POINT_GROUP = "advisor.loaders"


class LoaderOutput(StrEnum):
    """What a loader returns: a Document for ingestion to chunk, or finished chunks."""

    DOCUMENT = "document"
    CHUNKS = "chunks"


LoadFn = Callable[[Path, str], "Document | Sequence[Chunk]"]


@dataclass(frozen=True)
class Loader:
    """A registered loader: its name (e.g. "pdf"), the suffixes it reads and its function."""

    name: str
    suffixes: tuple[str, ...]
    load: LoadFn
    output: LoaderOutput = LoaderOutput.DOCUMENT


def _suffix(s: str) -> str:
    s = s.strip().lower()
    return s if s.startswith(".") else f".{s}"


class LoaderRegistry:
    """Suffix -> loader, filled by registration and, on first lookup, by plugins."""

    def __init__(self, plugins: Sequence[str] = DEFAULT_PLUGINS, group: str = ENTRY_POINT_GROUP):
        self.plugins = tuple(plugins)
        self.group = group
        self._by_suffix: dict[str, Loader] = {}
        self._lock = threading.RLock()
        self._plugins_loaded = False

    def register(
        self,
        suffixes: Iterable[str],
        name: str,
        load_fn: LoadFn,
        *,
        output: LoaderOutput = LoaderOutput.DOCUMENT,
        replace: bool = False,
    ) -> Loader:
        """Read files with these suffixes with `load_fn`.

        Registering the same name again replaces it. A suffix another loader already reads
        raises ValueError unless `replace` is true.
        """
        loader = Loader(name, tuple(_suffix(s) for s in suffixes), load_fn, LoaderOutput(output))
        if not loader.suffixes:
            raise ValueError(f"loader {name!r} must read at least one file suffix")
        with self._lock:
            taken = {s: o.name for s in loader.suffixes if (o := self._by_suffix.get(s)) and o.name != name}
            if taken and not replace:
                owners = ", ".join(f"{s} ({n})" for s, n in taken.items())
                raise ValueError(f"loader {name!r}: suffixes already registered: {owners}; pass replace=True")
            self._forget(name)
            for s in loader.suffixes:
                self._by_suffix[s] = loader
        return loader

    def unregister(self, name: str) -> None:
        """Forget the loader of that name (for tests and plugins that withdraw a format)."""
        with self._lock:
            self._forget(name)

    def _forget(self, name: str) -> None:
        for s in [s for s, o in self._by_suffix.items() if o.name == name]:
            del self._by_suffix[s]

    def load_plugins(self, *, force: bool = False) -> None:
        """Import the default plugins and the entry-point plugins (once, unless `force`)."""
        with self._lock:
            if self._plugins_loaded and not force:
                return
            self._plugins_loaded = True  # set first: a plugin that looks loaders up must not recurse
            try:
                for module in self.plugins:
                    importlib.import_module(module)
            except Exception:
                self._plugins_loaded = False  # our own plugin failing is a bug: raise it, retry next time
                raise
            for ep in entry_points(group=self.group):
                self._load_entry_point(ep)

    @staticmethod
    def _load_entry_point(ep: Any) -> None:
        # A broken third-party plugin must not stop every other file from indexing: warn, go on.
        try:
            obj = ep.load()
            if callable(obj):
                obj()
        except Exception as exc:
            warnings.warn(
                f"loader plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}; "
                f"its file types are not indexed",
                RuntimeWarning,
                stacklevel=3,
            )

    def get(self, suffix: str) -> Loader | None:
        """The loader for a suffix (".pdf"), or None."""
        self.load_plugins()
        return self._by_suffix.get(_suffix(suffix)) if suffix else None

    def for_path(self, path: Path) -> Loader | None:
        return self.get(path.suffix)

    def names(self) -> dict[str, str]:
        """Suffix -> loader name, in registration order."""
        self.load_plugins()
        return {s: o.name for s, o in self._by_suffix.items()}


class SuffixTable(Mapping[str, str]):
    """A live read-only view: suffix -> loader name (``LOADERS[".pdf"] == "pdf"``)."""

    def __init__(self, registry: LoaderRegistry):
        self._registry = registry

    def __getitem__(self, suffix: str) -> str:
        return self._registry.names()[suffix]

    def __iter__(self) -> Iterator[str]:
        return iter(self._registry.names())

    def __len__(self) -> int:
        return len(self._registry.names())

    def __repr__(self) -> str:
        return f"LOADERS({self._registry.names()!r})"


REGISTRY = LoaderRegistry()
LOADERS: Mapping[str, str] = SuffixTable(REGISTRY)


def register_loader(
    suffixes: Iterable[str],
    name: str,
    load_fn: LoadFn,
    *,
    output: LoaderOutput = LoaderOutput.DOCUMENT,
    replace: bool = False,
) -> Loader:
    """Register a loader with the shared registry (see the module docstring)."""
    return REGISTRY.register(suffixes, name, load_fn, output=output, replace=replace)


def unregister_loader(name: str) -> None:
    REGISTRY.unregister(name)


def loader_for(path: Path) -> Loader | None:
    """The loader that reads this file, by its suffix; None when no loader does."""
    return REGISTRY.for_path(path)


def supported_extensions() -> tuple[str, ...]:
    """Every suffix some loader reads, sorted."""
    return tuple(sorted(REGISTRY.names()))
