"""Keyword-index rebuild time (`Lexical.build`) on the generated corpus, old code against new.

    .venv/bin/python benchmarks/bench_rebuild.py --passages 10000 [--keep-root DIR]
        [--roots /work/main .] [--rounds 2]

Each round builds the keyword index once per checkout in `--roots` (each in its own process,
importing that checkout's `advisor`; alternating, so both see the same load) and reports wall
and CPU seconds, the stages' CPU seconds (tokenising, acronyms, contract parties, identifiers,
BM25), and a digest of what was built (vocabulary, acronyms, parties, identifiers, headings):
the digests must be equal for the figures to compare like with like. The corpus is
bench_scale's generated one (see `_scale_chunks.py`), kept under DIR/<passages>.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import ROOT
from _scale_chunks import scale_chunks

CHILD = """
import hashlib, json, pickle, sys, time
sys.path.insert(0, {root!r})
import bm25s  # imported before timing: the import is no part of a rebuild
from advisor.retrieve import Lexical, spelled
from advisor.retrieve import lexical as lexical_module
from advisor import text as text_module
chunks = pickle.loads(open({chunks!r}, "rb").read())
stages = {{}}
def timed(name, fn):
    def run(*a, **k):
        t = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            stages[name] = stages.get(name, 0.0) + time.process_time() - t
    return run
lexical_module.tokenize = timed("tokenize", lexical_module.tokenize)
lexical_module.spelled_out = timed("acronyms", lexical_module.spelled_out)
lexical_module.defined_parties = timed("parties", lexical_module.defined_parties)
lexical_module.identifiers = timed("identifiers", lexical_module.identifiers)
bm25s.BM25.index = timed("bm25", bm25s.BM25.index)
t, c = time.perf_counter(), time.process_time()
lex = Lexical.build(chunks)
wall, cpu = time.perf_counter() - t, time.process_time() - c
built = [sorted(lex.df.items()), sorted(lex.spelled.items()), sorted(lex.parties.items()),
         [sorted(s) for s in lex.id_sets], sorted(lex.headings.items())]
digest = hashlib.sha256(json.dumps(built).encode()).hexdigest()[:16]
print(json.dumps({{"wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                  "stages_cpu_s": {{k: round(v, 2) for k, v in stages.items()}}, "digest": digest}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, default=10000)
    ap.add_argument("--keep-root", type=Path, help="keep (or reuse) the corpus under DIR/<passages>")
    ap.add_argument("--roots", type=Path, nargs="+", default=[ROOT], help="checkouts to compare")
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    keep = (args.keep_root or Path(tempfile.mkdtemp(prefix="rebuild-"))) / str(args.passages)
    keep.mkdir(parents=True, exist_ok=True)
    chunks = scale_chunks(args.passages, keep)
    pickled = keep / f"chunks-{args.passages}.pickle"
    runs: dict[str, list] = {str(r.resolve()): [] for r in args.roots}
    for i in range(args.rounds):
        order = list(runs) if i % 2 == 0 else list(reversed(runs))
        for root in order:
            code = CHILD.format(root=root, chunks=str(pickled))
            r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
            if r.returncode:
                raise SystemExit(r.stderr[-3000:])
            runs[root].append(json.loads(r.stdout.strip().splitlines()[-1]))
    print(json.dumps({"passages": args.passages, "chunks": len(chunks), "runs": runs}, indent=2))


if __name__ == "__main__":
    main()
