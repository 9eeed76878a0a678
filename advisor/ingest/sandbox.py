"""Parsing untrusted files in a separate, resource-limited worker process.

`load_isolated` (chunks), `load_document_isolated` (a Document) and `call_isolated` (any
advisor reader's JSON result) hand one file to a worker (``python -m advisor.ingest.worker``) and reads its
chunks back as one JSON line (never pickle: a compromised parser must not run code in the
parent). The worker caps its own address space (RLIMIT_AS) once and its CPU time (RLIMIT_CPU)
per file; the parent kills the whole worker process group at the wall-clock limit. The worker
is kept for the next file (starting Python and the parsers costs about a second), and replaced
after any failure and every `_RECYCLE` files. Whatever happens to the worker, the caller gets
either the chunks or one IngestError naming the file.
"""

from __future__ import annotations

import atexit
import dataclasses
import json
import os
import selectors
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from ..chunk import Chunk
from ..settings import PROJECT_DIR
from .document import Block, BlockKind, Document, fail
from .limits import Limits

_GRACE_S = 10.0  # start-up and JSON time the wall clock allows on top of the parse limit
_RECYCLE = 100  # files one worker parses before it is replaced


def chunk_dict(c: Chunk) -> dict[str, Any]:
    d = dataclasses.asdict(c)
    d["doc_type"] = str(c.doc_type)
    return d


def document_dict(doc: Document) -> dict[str, Any]:
    d = dataclasses.asdict(doc)
    d["meta"] = {k: v if isinstance(v, (str, int, float, bool)) or v is None else str(v) for k, v in doc.meta.items()}
    return d


def document_from_dict(d: dict[str, Any]) -> Document:
    blocks = [
        Block(
            text=b["text"],
            section=b["section"],
            page=b["page"],
            kind=BlockKind(b["kind"]),
            quarantine=b["quarantine"],
            meta=b["meta"],
            uncertain=[(s, e) for s, e in b["uncertain"]],
            breaks=list(b.get("breaks", [])),
        )
        for b in d["blocks"]
    ]
    return Document(d["source"], d["title"], blocks, d["framework"], d["publisher"], d["meta"])


class _Crashed(Exception):
    """The worker died or went silent; `code` is its exit status when known."""

    def __init__(self, code: int | None):
        self.code = code


class _Worker:
    """One worker process and the memory cap it was started with."""

    def __init__(self, memory_mb: int):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT_DIR), env.get("PYTHONPATH", "")) if p)
        env["ADVISOR_WORKER_MEMORY_MB"] = str(memory_mb)
        self.memory_mb = memory_mb
        self.files = 0
        self.buf = bytearray()  # bytes read after the last complete line
        self.proc = subprocess.Popen(
            # -P: the working directory is not on the worker's import path, so a `bisect.py` or
            # `json.py` in the folder `advisor index` runs from is never imported (nor run)
            [sys.executable, "-P", "-m", "advisor.ingest.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,  # its own process group: OCR children die with it
        )

    def ask(self, request: dict[str, Any], timeout: float, extend: float = 0.0, most: float = 0.0) -> dict[str, Any]:
        """Send one request and wait for its reply, at most `timeout` seconds; each progress line
        from the worker (an OCR'd page) adds `extend` seconds, up to `most` in all."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.files += 1
        try:
            self.proc.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise _Crashed(self.proc.poll()) from None
        start = time.monotonic()
        end = start + timeout
        while True:
            line = self._read_line(end)
            try:
                reply = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise _Crashed(self.proc.poll()) from None
            if not isinstance(reply, dict):
                raise _Crashed(self.proc.poll())
            if "progress" not in reply:
                return reply
            end = min(end + extend, start + max(most, timeout))

    def _read_line(self, end: float) -> bytes:
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while b"\n" not in self.buf:
                left = end - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                if not sel.select(left):
                    continue
                data = os.read(fd, 1 << 20)
                if not data:
                    self.proc.wait(timeout=5)
                    raise _Crashed(self.proc.returncode)
                self.buf += data
        cut = self.buf.index(b"\n")
        line = bytes(self.buf[:cut])
        del self.buf[: cut + 1]
        return line

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self.proc.kill()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a process that ignores SIGKILL
            pass
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()


class _Pool:
    """The one worker this process keeps, used by one file at a time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.worker: _Worker | None = None
        atexit.register(self.close)

    def run(self, path: Path, request: dict[str, Any], limits: Limits) -> dict[str, Any]:
        with self.lock:
            w = self.worker
            if w is None or w.proc.poll() is not None or w.memory_mb != limits.memory_mb or w.files >= _RECYCLE:
                if w is not None:
                    w.stop()
                w = self.worker = _Worker(limits.memory_mb)
            try:
                most = limits.seconds + _GRACE_S + limits.max_ocr_pages * limits.ocr_seconds
                reply = w.ask(request, limits.seconds + _GRACE_S, limits.ocr_seconds, most)
            except TimeoutError:
                self._drop()
                raise fail(
                    path,
                    f"parsing took longer than {limits.seconds:g} s, the per-file limit, and was stopped; "
                    "split the file or raise ADVISOR_INGEST_SECONDS",
                ) from None
            except _Crashed as exc:
                self._drop()
                raise fail(path, crash_problem(exc.code, limits)) from None
            if "error" in reply:
                self._drop()  # a file that failed may have left the worker in a bad state
            return reply

    def _drop(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def close(self) -> None:
        with self.lock:
            self._drop()


def crash_problem(code: int | None, limits: Limits) -> str:
    if code in (-signal.SIGXCPU, 128 + signal.SIGXCPU, -signal.SIGKILL):
        return f"parsing used more than {limits.seconds:g} s of CPU, the per-file limit, and was stopped"
    if code in (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS):
        # under RLIMIT_AS a native parser that cannot allocate aborts: almost always the memory cap
        return (
            f"parsing was stopped at the {limits.memory_mb} MB memory limit (signal {-code}): a decompression "
            "bomb, a damaged or a hostile file; if it is genuine, raise ADVISOR_INGEST_MEMORY_MB"
        )
    return f"the parser stopped without a result (exit status {code}); the file may be damaged or hostile"


POOL = _Pool()


def load_isolated(
    path: Path,
    source: str,
    *,
    doc_type: str,
    org: str,
    chunk_size: int,
    overlap: int,
    max_bytes: int | None,
    limits: Limits,
) -> list[Chunk]:
    """The file's chunks, parsed in the worker process under `limits` (memory, CPU, wall clock)."""
    request = {
        "path": str(path),
        "source": source,
        "doc_type": str(doc_type),
        "org": org,
        "chunk_size": chunk_size,
        "overlap": overlap,
        "max_bytes": max_bytes,
        "limits": {**dataclasses.asdict(limits), "isolate": False},
    }
    reply = POOL.run(path, request, limits)
    if "error" in reply:
        raise fail(path, str(reply["error"]))
    return [Chunk(**c) for c in reply.get("chunks", [])]


def load_document_isolated(path: Path, source: str, limits: Limits) -> Document:
    """The loaded Document (blocks before chunking), parsed in the worker under `limits`."""
    request = {
        "want": "document",
        "path": str(path),
        "source": source,
        "limits": {**dataclasses.asdict(limits), "isolate": False},
    }
    reply = POOL.run(path, request, limits)
    if "error" in reply:
        raise fail(path, str(reply["error"]))
    return document_from_dict(reply["document"])


def call_isolated(target: str, path: Path, source: str, limits: Limits) -> Any:
    """What ``target(path, source)`` returns, called in the worker under `limits`.

    `target` is "advisor.module:function" (a reader above ingestion, e.g. the model-card reader,
    that must not parse an untrusted file in this process); its result must be JSON data.
    """
    if not target.startswith("advisor.") or ":" not in target:
        raise ValueError(f"not an advisor reader: {target!r}")
    request = {
        "call": target,
        "path": str(path),
        "source": source,
        "limits": {**dataclasses.asdict(limits), "isolate": False},
    }
    reply = POOL.run(path, request, limits)
    if "error" in reply:
        raise fail(path, str(reply["error"]))
    return reply.get("result")
