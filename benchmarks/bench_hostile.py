"""Peak memory and time per hostile file, parsed the way uploads are: in the sandbox worker.

    .venv/bin/python benchmarks/bench_hostile.py [--keep DIR] [--memory-mb N] [--seconds S]

Writes the hostile files of tests/ingest/hostile.py (a ~200-400 KB DOCX with 2 million
paragraphs, a 1 MB DOCX zip bomb inflating to 1 GB, a billion-laughs DOCX, a PDF with 100,000
pages, a 1 MB PDF flate bomb inflating to 1 GB, a deeply nested PDF), then parses each in a
fresh `python -m advisor.ingest.worker` and prints the wall time, the worker's peak RSS
(wait4's ru_maxrss) and the one line the user sees. Then measures what isolation would cost
the bundled corpus: every corpus file in-process vs through the (reused) worker.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.ingest import Limits, load_chunks  # noqa: E402
from advisor.ingest.sandbox import POOL, crash_problem  # noqa: E402
from advisor.settings import CORPUS_DIR  # noqa: E402
from tests.ingest.hostile import HOSTILE  # noqa: E402


def run_worker(path: Path, limits: Limits) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, reply line) for one file in a fresh worker."""
    env = dict(os.environ, ADVISOR_WORKER_MEMORY_MB=str(limits.memory_mb))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    request = {
        "path": str(path),
        "source": str(path),
        "doc_type": "user",
        "org": "",
        "chunk_size": 1000,
        "overlap": 120,
        "max_bytes": None,
        "limits": {**dataclasses.asdict(limits), "isolate": False},
    }
    t = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "advisor.ingest.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    timer = threading.Timer(limits.seconds + 10, proc.kill)  # the wall-clock limit
    timer.start()
    proc.stdin.write(json.dumps(request).encode() + b"\n")
    proc.stdin.close()
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)  # reaped here, so its own peak RSS is known
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t
    try:
        reply = json.loads(out.decode().strip().splitlines()[-1])
        line = reply.get("error") or f"{len(reply.get('chunks', []))} chunks"
    except (ValueError, IndexError):
        line = crash_problem(proc.returncode, limits)  # what the parent reports for a killed worker
    return seconds, usage.ru_maxrss / 1024, line


def corpus_cost() -> None:
    files = sorted(p for p in CORPUS_DIR.rglob("*") if p.suffix in (".md", ".csv", ".json"))
    for isolate in (False, True):
        POOL.close()
        t = time.perf_counter()
        for p in files:
            load_chunks(p, str(p), doc_type="guidance", limits=Limits(isolate=isolate))
        label = "worker (reused)" if isolate else "in-process"
        print(f"bundled corpus, {len(files)} files, {label:16s}: {time.perf_counter() - t:6.2f} s")
    POOL.close()
    p = files[0]
    t = time.perf_counter()
    for _ in range(3):
        POOL.close()
        load_chunks(p, str(p), doc_type="guidance", limits=Limits(isolate=True))
    print(f"worker start-up (fresh worker per file): {(time.perf_counter() - t) / 3:.2f} s per file")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="folder for the generated files (default: a temp folder)")
    ap.add_argument("--memory-mb", type=int, default=Limits().memory_mb)
    ap.add_argument("--seconds", type=float, default=Limits().seconds)
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    limits = Limits(memory_mb=args.memory_mb, seconds=args.seconds)
    print(f"limits: {limits.memory_mb} MB address space, {limits.seconds:g} s, caps {Limits()}")
    for name, (make, suffix) in HOSTILE.items():
        path = folder / f"{name}{suffix}"
        if not path.exists():
            make(path)
        seconds, rss, line = run_worker(path, limits)
        size = path.stat().st_size / 1e3
        print(f"{name:22s} {size:8.0f} KB  {seconds:6.2f} s  peak RSS {rss:7.1f} MB  | {line[:150]}")
    # the 2-million-paragraph file again with the zip-ratio cap off: the streamed paragraph cap stops it
    path = folder / "docx-2M-paragraphs.docx"
    seconds, rss, line = run_worker(path, dataclasses.replace(limits, max_zip_ratio=1e9))
    print(
        f"{'  (ratio cap off)':22s} {path.stat().st_size / 1e3:8.0f} KB  {seconds:6.2f} s  peak RSS {rss:7.1f} MB  | {line[:150]}"
    )
    corpus_cost()


if __name__ == "__main__":
    main()
