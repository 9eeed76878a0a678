"""PHI detector figures and speed: recall per identifier kind on the seeded synthetic notes (dev
and held-out split), precision, high-precision false positives on the bundled guidance, and
milliseconds per note.

Run: PYTHONPATH=$PWD python benchmarks/bench_phi.py [--n 300]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.safety.phi import HIGH_PRECISION, detect
from advisor.safety.phi_presidio import recognizers
from benchmarks._common import summary
from evals.phi.generate import SPLITS, generate
from evals.phi.measure import guidance_false_positives, measure, print_report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="notes per split")
    args = ap.parse_args()
    t = time.perf_counter()
    recognizers()
    print(f"presidio recognizers loaded in {time.perf_counter() - t:.1f}s (once per process)")
    for split in SPLITS:
        notes = generate(None, args.n, split)
        ms: list[float] = []

        def timed(text: str, ms=ms):
            t0 = time.perf_counter()
            out = detect(text)
            ms.append((time.perf_counter() - t0) * 1000)
            return out

        print_report(measure(notes, split, timed))
        print(
            "  " + summary("detect per note", ms) + f" (mean {sum(len(n.text) for n in notes) / len(notes):.0f} chars)"
        )
    t = time.perf_counter()
    fps = guidance_false_positives()
    hp = [(name, f) for name, f in fps if f.type in HIGH_PRECISION]
    print(
        f"bundled guidance ({time.perf_counter() - t:.1f}s): {len(hp)} high-precision findings (ssn, mrn, phone, health_plan, account)"
    )
    for name, f in hp:
        print(f"  {name}: {f.type} {f.text!r}")
    print(f"  all kinds: {dict(Counter(str(f.type) for _, f in fps))}")


if __name__ == "__main__":
    main()
