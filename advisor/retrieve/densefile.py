"""The dense channel's exact matrix saved under ADVISOR_HOME, one file per index generation.

Reading 100,000 stored vectors from the vector store took 5-8 s here (SQLite); loading the
saved matrix memory-mapped takes milliseconds, and every process (or app replica) on the home
shares its pages. `dense/<catalog id>-<generation>.npy` holds the float32 rows in the keyword
index's id order; its stamp, `<same name>.json`, names the catalog, generation, row count,
dimension and a digest of the ids, and is written after the matrix (each through a temporary
file and `os.replace`), so a stamp is never seen before its complete matrix. A file whose
stamp or shape does not match what is asked for is ignored, never used.

Rows are never carried over from the previous generation's matrix: a chunk id does not cover
the section heading its vector embeds, and an id's vector changes when its passage is removed
and added again (or released from quarantine) in generations a process may never see; nothing
records which vectors changed without reading them. Each generation's matrix is therefore read
whole from the vector store once per home (by the first process to need it) and loaded by the rest.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

__all__ = ["Stamp", "load", "one_builder", "save"]

FORMAT = 1
_KEEP = 2  # generations kept: a process still searching the previous one can load it too
_TMP_AGE_S = 3600.0  # a temporary file this old was left by a writer that died
_WAIT_S = 60.0  # longest wait for another process's build before reading the vector store too


@dataclass(frozen=True)
class Stamp:
    """What a saved matrix must be to serve a keyword index: its catalog, generation and ids."""

    catalog: str
    generation: int
    rows: int
    ids: str  # sha256 of the ids in row order

    @classmethod
    def of(cls, catalog: str, generation: int, ids: list[str]) -> Stamp:
        """The stamp of the matrix whose row i is the vector of `ids[i]`."""
        digest = hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()
        return cls(catalog, generation, len(ids), digest)

    @property
    def name(self) -> str:
        return f"{self.catalog or 'none'}-{self.generation}"


def load(folder: Path, stamp: Stamp) -> np.ndarray | None:
    """The saved matrix with this stamp, memory-mapped read-only; None when there is none or
    the file is damaged or another generation's (its rows or ids differ)."""
    try:
        meta = json.loads((folder / f"{stamp.name}.json").read_text(encoding="utf-8"))
        dim = int(meta.pop("dim"))
        if meta != {"format": FORMAT, **asdict(stamp)}:
            return None
        matrix = np.load(folder / f"{stamp.name}.npy", mmap_mode="r", allow_pickle=False)
    except Exception:  # missing, damaged (an empty file raises EOFError) or foreign: never used
        return None
    if matrix.dtype != np.float32 or matrix.shape != (stamp.rows, dim):
        return None
    return matrix.view(np.ndarray)  # the same pages, as a plain array (no memmap subclass in results)


def save(folder: Path, stamp: Stamp, matrix: np.ndarray) -> np.ndarray | None:
    """Save `matrix` with its stamp and return it memory-mapped from the file (its pages shared
    with other processes); None when the home is read-only or full (keep the in-memory copy)."""
    tag = f"{os.getpid()}-{threading.get_ident()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _replace(folder / f"{stamp.name}.npy", tag, lambda fh: np.save(fh, matrix, allow_pickle=False))
        meta = {"format": FORMAT, **asdict(stamp), "dim": int(matrix.shape[1])}
        _replace(folder / f"{stamp.name}.json", tag, lambda fh: fh.write(json.dumps(meta).encode("utf-8")))
    except OSError:
        return None
    _prune(folder, stamp.name)
    return load(folder, stamp)


@contextlib.contextmanager
def one_builder(folder: Path, stamp: Stamp, wait_s: float = _WAIT_S) -> Iterator[None]:
    """Build this generation's matrix in one process of the home at a time: two app replicas
    seeing the same change read the vector store once, the second then loads the first's file.
    After `wait_s` (a builder stuck on a slow store), or on a read-only home, build without it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fh = open(folder / f".{stamp.name}.lock", "a+b")  # noqa: SIM115 - held across the yield
    except OSError:
        yield
        return
    with fh:
        locked = False
        deadline = time.monotonic() + wait_s
        while not locked:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
            except BlockingIOError:  # another process builds it
                if time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            except OSError:  # no locks on this file system (some network mounts): build without
                break
        try:
            yield
        finally:
            if locked:
                fcntl.flock(fh, fcntl.LOCK_UN)


def _replace(path: Path, tag: str, write) -> None:
    """Write a file through a temporary one, so readers see the old file or the whole new one."""
    tmp = path.with_name(f".{path.name}.{tag}.tmp")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _prune(folder: Path, keep: str) -> None:
    """Remove all but the newest generations' files (a process that mapped one keeps its pages)."""
    try:
        stamps = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        old = [p.stem for p in stamps if p.stem != keep][_KEEP - 1 :]
        for stem in old:
            (folder / f"{stem}.json").unlink(missing_ok=True)  # the stamp first: never a stamp without its matrix
            (folder / f"{stem}.npy").unlink(missing_ok=True)
            (folder / f".{stem}.lock").unlink(missing_ok=True)
        now = time.time()
        for tmp in folder.glob(".*.tmp"):
            if now - tmp.stat().st_mtime > _TMP_AGE_S:
                tmp.unlink(missing_ok=True)
    except OSError:
        pass  # another process pruned it first; pruning is housekeeping
