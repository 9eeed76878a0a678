"""Indexing as a pipeline: files are parsed and chunked in a background thread while the
previous batch is embedded (the model releases the GIL while it computes), so parsing
overlaps embedding. Results come back in file order; at most `depth` files wait, so memory
does not grow with the number of files.

After each batch is written, `release_free_memory` hands the C heap's free pages back to the
system: the embedded vector store (Chroma's native code) and Python allocate from the same
heap in several threads, and without it the heap's free but unreturned space grows with every
batch (about 7 KB per passage measured, `benchmarks/bench_index_memory.py`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import queue
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_DONE = object()


def load_ahead(files: list[Path], load: Callable[[Path], T], depth: int = 8) -> Iterator[tuple[int, Path, T]]:
    """(position, path, load(path)) for each file in order, loading up to `depth` files ahead.

    An exception raised by `load` is re-raised here, in the consumer's thread; stopping early
    (the consumer leaves the loop) stops the loader after the file it is reading."""
    q: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def run() -> None:
        try:
            for i, path in enumerate(files):
                if stop.is_set():
                    return
                q.put((i, path, load(path)))
        except BaseException as exc:  # handed to the consumer
            q.put(exc)
            return
        q.put(_DONE)

    worker = threading.Thread(target=run, name="advisor-index-loader", daemon=True)
    worker.start()
    try:
        while True:
            item = q.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while worker.is_alive():  # unblock a loader waiting on a full queue, then let it finish
            try:
                q.get_nowait()
            except queue.Empty:
                worker.join(timeout=0.05)


def _malloc_trim() -> Any:
    """glibc's malloc_trim, or None where the C library has none (macOS, musl)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()


def release_free_memory() -> None:
    """Return the C heap's free pages to the system (a few milliseconds; nothing where unsupported)."""
    if _TRIM is not None:
        _TRIM(0)
