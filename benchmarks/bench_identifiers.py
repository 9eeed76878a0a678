"""`identifiers()` on what an offline answer asks of it, old code against new (CPU seconds).

    .venv/bin/python benchmarks/bench_identifiers.py --keep DIR [--queries 40]
        [--roots OLD NEW] [--rounds 6] [--passes 20]

DIR is a `bench_scale.py --keep DIR` folder (its SQLite home is used as it is). First the texts
`identifiers()` is called on while answering bench_scale's questions offline are recorded, in
call order, through every `advisor` module that imported the function (DIR/identifier-calls.json,
reused when present). Then each checkout in `--roots` replays that stream in its own process
(importing that checkout's `advisor`, alternating, so both see the same load): `--passes` times,
each pass starting with an empty cache as a fresh process would, and prints CPU seconds per pass
and a digest of the results, which must be equal for the figures to compare like with like.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from _common import ROOT

RECORD = """
import json, sys
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
import advisor.text as text
from advisor.answer import Advisor
from advisor.settings import Settings
from profile_search import questions
orig, calls = text.identifiers, []
def recorded(t, *a, **k):
    calls.append(t)
    return orig(t, *a, **k)
adv = Advisor(Settings.from_env({{"ADVISOR_HOME": {home!r}}}))
adv.search("warm up"); adv.ask("warm up question about governance")
for name, mod in list(sys.modules.items()):  # every module that imported it by name
    if name.startswith("advisor") and getattr(mod, "identifiers", None) is orig:
        mod.identifiers = recorded
for q in questions({queries}):
    adv.ask(q)
json.dump(calls, open({out!r}, "w"))
"""

REPLAY = """
import hashlib, json, sys, time
sys.path.insert(0, {root!r})
import advisor.text as text
calls = json.load(open({calls!r}))
cpu = []
for _ in range({passes}):
    clear = getattr(getattr(text, "_identifiers_cached", None), "cache_clear", None)
    if clear:
        clear()  # each pass as a fresh process would see it
    c = time.process_time()
    got = [text.identifiers(t) for t in calls]
    cpu.append(time.process_time() - c)
digest = hashlib.sha256(json.dumps(got).encode()).hexdigest()[:16]
print(json.dumps({{"cpu_ms_per_pass": [round(x * 1000, 2) for x in cpu], "digest": digest}}))
"""


def run(code: str, cwd: Path) -> str:
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd)
    if r.returncode:
        raise SystemExit(r.stderr[-3000:])
    return r.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, required=True, help="a bench_scale --keep folder")
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--roots", type=Path, nargs="+", default=[ROOT], help="checkouts to compare")
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--passes", type=int, default=20)
    args = ap.parse_args()
    keep = args.keep.resolve()
    calls = keep / "identifier-calls.json"
    if not calls.exists():
        home = str(keep / "home-sqlite")
        run(
            RECORD.format(
                root=str(ROOT), bench=str(ROOT / "benchmarks"), home=home, queries=args.queries, out=str(calls)
            ),
            ROOT,
        )
    stream = json.loads(calls.read_text())
    runs: dict[str, list] = {str(r.resolve()): [] for r in args.roots}
    for i in range(args.rounds):
        for root in list(runs) if i % 2 == 0 else list(reversed(runs)):
            out = run(REPLAY.format(root=root, calls=str(calls), passes=args.passes), Path(root))
            runs[root].append(json.loads(out.strip().splitlines()[-1]))
    summary = {
        root: {
            "cpu_ms_per_pass_median": round(statistics.median(x for r in rs for x in r["cpu_ms_per_pass"]), 2),
            "digests": sorted({r["digest"] for r in rs}),
        }
        for root, rs in runs.items()
    }
    print(json.dumps({"calls": len(stream), "distinct": len(set(stream)), "summary": summary, "runs": runs}, indent=2))


if __name__ == "__main__":
    main()
