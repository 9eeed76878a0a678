"""The sandbox worker: ``python -m advisor.ingest.worker`` loads files under OS limits.

It caps its address space once (RLIMIT_AS, from ADVISOR_WORKER_MEMORY_MB), then reads one
JSON request per line on stdin (see :func:`advisor.ingest.sandbox.load_isolated`); for each it
gives the file its own CPU budget (RLIMIT_CPU soft limit above the time used so far), loads it
and prints ``{"chunks": [...]}`` (``{"document": ...}``, or ``{"result": ...}`` for a named
reader's call) or ``{"error": "one line"}`` as one JSON line.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import sys
from pathlib import Path
from typing import Any

from ..errors import AdvisorError, IngestError
from .limits import PROGRESS, Limits, using
from .pipeline import load_chunks, load_document
from .sandbox import chunk_dict, document_dict


def _cap_memory() -> int:
    memory_mb = int(os.environ.get("ADVISOR_WORKER_MEMORY_MB") or "2048")
    mem = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return memory_mb


def _cap_cpu(seconds: float) -> None:
    """CPU for the next file: the soft limit sits `seconds` above what this process used so far."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = used.ru_utime + used.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(spent + seconds) + 1
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def handle(request: dict[str, Any], memory_mb: int) -> dict[str, Any]:
    """Load one file; the reply is its chunks or one line saying what went wrong."""
    limits = Limits(**request["limits"])
    _cap_cpu(limits.seconds)
    try:
        if "call" in request:
            return {"result": _call(request["call"], Path(request["path"]), request["source"], limits)}
        if request.get("want") == "document":
            doc = load_document(Path(request["path"]), request["source"], limits=limits)
            return {"document": document_dict(doc)}
        chunks = load_chunks(
            Path(request["path"]),
            request["source"],
            doc_type=request["doc_type"],
            org=request["org"],
            chunk_size=request["chunk_size"],
            overlap=request["overlap"],
            max_bytes=request["max_bytes"],
            limits=limits,
        )
        return {"chunks": [chunk_dict(c) for c in chunks]}
    except IngestError as exc:
        return {"error": exc.problem}
    except MemoryError:
        return {
            "error": f"parsing needs more than {memory_mb} MB of memory, the per-file limit; "
            "split the file or raise ADVISOR_INGEST_MEMORY_MB"
        }
    except RecursionError:
        return {"error": "nested too deeply to parse (a damaged or hostile file)"}
    except AdvisorError as exc:
        return {"error": str(exc)}
    except Exception as exc:  # a parser bug or a damaged file: one line, never a traceback
        return {"error": f"could not be read ({type(exc).__name__}: {str(exc)[:200]})"}


def _call(target: str, path: Path, source: str, limits: Limits) -> Any:
    """Run an advisor reader ("advisor.module:function") on one file under `limits`."""
    module, _, name = target.partition(":")
    if not module.startswith("advisor."):
        raise ValueError(f"not an advisor reader: {target!r}")
    fn = getattr(importlib.import_module(module), name)
    with using(limits):
        return fn(path, source)


_CPU_PER_PAGE_S = 5  # rendering and encoding one scanned page for OCR


def _report_progress() -> None:
    """A progress line: the parent extends its wall clock (one OCR'd page at a time); the page's
    rendering gets its own CPU budget here (Tesseract's CPU is its own process's)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if soft != resource.RLIM_INFINITY:
        soft += _CPU_PER_PAGE_S
        resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
    sys.stdout.write('{"progress": 1}\n')
    sys.stdout.flush()


def main() -> int:
    memory_mb = _cap_memory()
    PROGRESS.set(_report_progress)
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        reply = handle(json.loads(line.decode("utf-8")), memory_mb)
        try:
            out = json.dumps(reply, default=str)
        except MemoryError:
            out = json.dumps({"error": f"the result is too large for the {memory_mb} MB limit; split the file"})
        sys.stdout.write(out + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
