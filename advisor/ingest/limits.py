"""Caps on what one file may cost to parse, and the checks that apply them before parsing.

Hostile files are cheap to make and expensive to read: a 1 MB Word file that inflates to
gigabytes, 2 million empty paragraphs, a PDF claiming 100,000 pages, XML entities that expand
a billion-fold. Every cap here is checked as early as possible (zip directory before any
part is read; page count before any page is parsed) and gives one clear line naming the file.
"""

from __future__ import annotations

import contextlib
import time
import zipfile
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .document import fail


@dataclass(frozen=True)
class Limits:
    """Per-file parsing caps (defaults suit real policies, guidelines and model cards).

    The index builds these from Settings (see the ADVISOR_INGEST_* variables in the report);
    `isolate` runs the parse in a subprocess with `memory_mb` and `seconds` enforced by the OS.
    """

    max_pages: int = 3000
    max_paragraphs: int = 50_000
    max_chunks: int = 20_000
    max_unzipped_mb: float = 300.0
    max_zip_ratio: float = 100.0
    max_zip_entries: int = 5_000
    max_page_objects: int = 20_000
    max_page_chars: int = 400_000
    seconds: float = 120.0
    memory_mb: int = 1024
    isolate: bool = False
    ocr: bool = True
    ocr_seconds: float = 60.0  # per page; each OCR'd page also extends the file's time limit by this
    max_ocr_pages: int = 300
    ocr_min_confidence: float = 60.0  # words read with less (0-100) are never quoted as exact


DEFAULT_LIMITS = Limits()

# Settings fields (ADVISOR_INGEST_* variables) that override a default cap when present
SETTINGS_FIELDS = {
    "ingest_max_pages": "max_pages",
    "ingest_max_paragraphs": "max_paragraphs",
    "ingest_max_chunks": "max_chunks",
    "ingest_unzipped_mb": "max_unzipped_mb",
    "ingest_zip_ratio": "max_zip_ratio",
    "ingest_seconds": "seconds",
    "ingest_memory_mb": "memory_mb",
    "ingest_ocr": "ocr",
}

_ACTIVE: ContextVar[Limits] = ContextVar("advisor_ingest_limits", default=DEFAULT_LIMITS)
# called after each slow unit of work (an OCR'd page); the sandbox worker reports it to its parent
PROGRESS: ContextVar[Callable[[], None] | None] = ContextVar("advisor_ingest_progress", default=None)


def progress() -> None:
    """Tell whoever waits for this file that it is still being read (see PROGRESS)."""
    hook = PROGRESS.get()
    if hook is not None:
        hook()


def limits_for(settings: Any, *, trusted: bool) -> Limits:
    """The caps for one file: Settings' ADVISOR_INGEST_* values over the defaults; untrusted
    files (anything but the bundled corpus) are parsed in an isolated, resource-limited process."""
    known = {f.name for f in fields(Limits)}
    values = {
        name: getattr(settings, attr)
        for attr, name in SETTINGS_FIELDS.items()
        if name in known and getattr(settings, attr, None) is not None
    }
    return Limits(**values, isolate=not trusted)


def active() -> Limits:
    """The caps of the file being loaded (set by `load_chunks`; defaults elsewhere)."""
    return _ACTIVE.get()


@contextlib.contextmanager
def using(limits: Limits) -> Iterator[Limits]:
    """Make `limits` the caps loaders see while a file is read."""
    token = _ACTIVE.set(limits)
    try:
        yield limits
    finally:
        _ACTIVE.reset(token)


class Deadline:
    """Wall-clock budget for one file, checked between pages and parts."""

    def __init__(self, path: Path | str, seconds: float):
        self.path = path
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def extend(self, seconds: float) -> None:
        self.end += seconds
        self.seconds += seconds

    def check(self, what: str = "parsing") -> None:
        if time.monotonic() > self.end:
            raise fail(
                self.path,
                f"{what} took longer than {self.seconds:g} s, the per-file limit; "
                "split the file or raise ADVISOR_INGEST_SECONDS",
            )


def check_zip(path: Path, limits: Limits) -> zipfile.ZipFile:
    """Open a zip container (DOCX) after checking its directory for decompression bombs."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise fail(path, f"not a readable Word .docx file ({exc}); re-save it from Word as .docx") from None
    infos = zf.infolist()
    if len(infos) > limits.max_zip_entries:
        zf.close()
        raise fail(
            path, f"has {len(infos)} parts inside, over the {limits.max_zip_entries} limit; not a normal Word file"
        )
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > limits.max_unzipped_mb * 1e6:
        zf.close()
        raise fail(
            path,
            f"unpacks to {total / 1e6:.0f} MB, over the {limits.max_unzipped_mb:g} MB limit "
            "(a decompression bomb or an oversized file); split it or raise ADVISOR_INGEST_UNZIPPED_MB",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1e6 and ratio > limits.max_zip_ratio:
            zf.close()
            raise fail(
                path,
                f"part {info.filename} expands {ratio:.0f}-fold ({info.compress_size / 1e3:.0f} KB to "
                f"{info.file_size / 1e6:.0f} MB), over the {limits.max_zip_ratio:g}x limit: a decompression bomb",
            )
    if total > 1e6 and total / max(packed, 1) > limits.max_zip_ratio:
        zf.close()
        raise fail(
            path,
            f"expands {total / max(packed, 1):.0f}-fold, over the {limits.max_zip_ratio:g}x limit: a decompression bomb",
        )
    return zf


def read_member(zf: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """One part of a checked zip, reading no more than its declared size (a lying header stops)."""
    info = zf.getinfo(name)
    cap = int(min(info.file_size, limits.max_unzipped_mb * 1e6)) + 1
    try:
        with zf.open(info) as f:
            data = f.read(cap)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise fail(
            str(zf.filename), f"corrupt .docx file (part {name}: {exc}); re-save it from Word as .docx"
        ) from None
    if len(data) > info.file_size:
        raise fail(str(zf.filename), f"part {name} is larger than its zip header says: a damaged or hostile file")
    return data
