"""Attack-suite figures and time: the suite as `advisor eval --suite redteam` runs it, and, with
`--without-quarantine`, the same attacks against the later layers alone (no passage is
quarantined at ingestion, so the composer's sentence filter, the prompt sanitiser and the
answer checks must hold by themselves): defence in depth, measured layer by layer.

Run: PYTHONPATH=$PWD python benchmarks/bench_redteam.py [--n 320] [--without-quarantine]
(uses ADVISOR_HOME; its own index lives in ADVISOR_HOME/redteam-index, or redteam-layers-index)
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.evaluate.redteam import run_redteam, text_table
from advisor.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=None, help="documents per split (default: the generator's 320)")
    ap.add_argument("--without-quarantine", action="store_true", help="measure the layers after ingestion alone")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    settings = Settings.from_env()
    t = time.perf_counter()
    if args.without_quarantine:
        layers = dataclasses.replace(settings, home=settings.home / "layers", embed_cache=settings.embed_cache_path)
        with mock.patch("advisor.index.screening.quarantine_reason", lambda flags: ""):
            run = run_redteam(layers, out=args.out, per_split=args.n, echo=print)
        print("ingestion quarantine OFF: the composer filter, prompt sanitiser and answer checks alone")
    else:
        run = run_redteam(settings, out=args.out, per_split=args.n, echo=print)
    print(text_table(run.summary))
    print(f"wall time {time.perf_counter() - t:.0f} s; reports in {run.out_dir}")


if __name__ == "__main__":
    main()
