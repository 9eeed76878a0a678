"""The indexing screen's CPU on real files, old code against new (each in its own process).

    .venv/bin/python benchmarks/bench_screen.py [--roots OLD NEW] [--rounds 4] [--no-playbook]
        [--no-phi] [--files PICKLE]

The bundled corpus's files (and the AI RMF Playbook when ../shared/realdocs has it) are read
and chunked once, as uploads (so PHI detection and every rule run, as for a user's document),
and pickled; each checkout in `--roots` then screens every file's chunks in its own process
(`advisor.index.screening.screen`, importing that checkout's `advisor`; alternating, so both
see the same load) without an embedder: the similarity layer's model work is left out, the
rules, structure and PHI passes are in (`--no-phi` leaves PHI detection out too, when only the
rules changed: on a loaded host it is most of a run). `--files` reuses (or writes) the pickled
chunks. Prints CPU seconds per run and a digest of the screened chunks (ids, quarantine
reasons, PHI counts, refusals), which must be equal to compare.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import PLAYBOOK, ROOT

sys.path.insert(0, str(ROOT))

CHILD = """
import hashlib, json, pickle, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from advisor.errors import IngestError
from advisor.index import screening
from advisor.index.screening import screen
from advisor.safety.phi import detect
detect("warm up: Jane Doe, MRN 12345")  # the PHI recognisers load before the clock starts
if {no_phi}:
    screening._phi_findings = lambda chunk: []
files = pickle.loads(Path({pickled!r}).read_bytes())
got = []
c = time.process_time()
for path, chunks in files:
    try:
        s = screen(Path(path), chunks, embedder=None, redact_phi=True)
        got.append([[x.chunk_id, x.quarantine] for x in s.chunks] + [sorted(s.phi.items())])
    except IngestError as exc:
        got.append(str(exc))
cpu = time.process_time() - c
print(json.dumps({{"cpu_s": round(cpu, 2), "digest": hashlib.sha256(json.dumps(got).encode()).hexdigest()[:16]}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--roots", type=Path, nargs="+", default=[ROOT], help="checkouts to compare")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--no-playbook", action="store_true")
    ap.add_argument("--no-phi", action="store_true", help="leave PHI detection out of the timed screen")
    ap.add_argument("--files", type=Path, help="the pickled chunks: reused when present, else written there")
    args = ap.parse_args()
    pickled = args.files or Path(tempfile.mkdtemp(prefix="bench-screen-")) / "files.pickle"
    if not pickled.exists():
        write_files(pickled, args.no_playbook)
    files = pickle.loads(pickled.read_bytes())
    runs: dict[str, list] = {str(r.resolve()): [] for r in args.roots}
    for i in range(args.rounds):
        for root in list(runs) if i % 2 == 0 else list(reversed(runs)):
            code = CHILD.format(root=root, pickled=str(pickled), no_phi=args.no_phi)
            r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
            if r.returncode:
                raise SystemExit(r.stderr[-3000:])
            runs[root].append(json.loads(r.stdout.strip().splitlines()[-1]))
            print(root, runs[root][-1], file=sys.stderr, flush=True)
    summary = {k: {"cpu_s_median": statistics.median(x["cpu_s"] for x in v), "digests": sorted({x["digest"] for x in v})} for k, v in runs.items()}  # fmt: skip
    print(json.dumps({"files": len(files), "chunks": sum(len(c) for _, c in files), "summary": summary, "runs": runs}, indent=2))  # fmt: skip


def write_files(pickled: Path, no_playbook: bool) -> None:
    """Read and chunk the files once, as uploads, and pickle them."""
    from advisor.index.sources import bundled_paths, doc_type_for
    from advisor.ingest import load_chunks
    from advisor.settings import Settings

    s = Settings.from_env({"ADVISOR_HOME": tempfile.mkdtemp(prefix="bench-screen-")})
    paths = [p for t in bundled_paths() for p in (sorted(t.rglob("*")) if t.is_dir() else [t]) if p.is_file()]
    if PLAYBOOK.exists() and not no_playbook:
        paths.append(PLAYBOOK)
    files = []
    for p in paths:
        try:  # as a user's upload: not the bundled prefix, so not curated
            chunks = load_chunks(p, f"uploads/{p.name}", doc_type=doc_type_for(p), org="", chunk_size=s.chunk_size, overlap=s.chunk_overlap)  # fmt: skip
        except Exception as exc:  # a file the loaders do not read is no part of this benchmark
            print(f"skipped {p.name}: {exc}", file=sys.stderr)
            continue
        if chunks:
            files.append((str(p), chunks))
    pickled.write_bytes(pickle.dumps(files))


if __name__ == "__main__":
    main()
