"""Attack-suite figures and time: the suite as `advisor eval --suite redteam` runs it; with
`--without-quarantine`, the same attacks against the later layers alone (no passage is
quarantined at ingestion, so the composer's sentence filter, the prompt sanitiser and the
answer checks must hold by themselves); with `--defences-off`, the control with every layer off
(no quarantine, no composer filter, no prompt sanitising), which shows what the suite catches.

Run: PYTHONPATH=$PWD python benchmarks/bench_redteam.py [--n 320] [--without-quarantine | --defences-off]
(uses ADVISOR_HOME; its own index lives in ADVISOR_HOME/redteam-index, layers/ or off/ below it)
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.evaluate.redteam import run_redteam, text_table
from advisor.settings import Settings

OFF = {  # the same switches tests/safety/test_redteam_suite.py uses for its control run
    "advisor.index.screening.quarantine_reason": lambda flags: "",
    "advisor.answer.llm.sanitize_passage": lambda text: text,
    "advisor.answer.guidance.looks_like_injection": lambda s: False,
    "advisor.answer.render.looks_like_injection": lambda s: False,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=None, help="documents per split (default: the generator's 320)")
    ap.add_argument("--without-quarantine", action="store_true", help="measure the layers after ingestion alone")
    ap.add_argument("--defences-off", action="store_true", help="the control: every layer off")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument(
        "--corpus", type=Path, nargs="*", default=None, help="benign documents (default: the bundled corpus)"
    )
    args = ap.parse_args()
    settings = Settings.from_env()
    t = time.perf_counter()
    if args.without_quarantine:
        layers = dataclasses.replace(settings, home=settings.home / "layers", embed_cache=settings.embed_cache_path)
        with mock.patch("advisor.index.screening.quarantine_reason", lambda flags: ""):
            run = run_redteam(layers, out=args.out, per_split=args.n, corpus=args.corpus, echo=print)
        print("ingestion quarantine OFF: the composer filter, prompt sanitiser and answer checks alone")
    elif args.defences_off:
        off = dataclasses.replace(settings, home=settings.home / "off", embed_cache=settings.embed_cache_path)
        with contextlib.ExitStack() as stack:
            for target, fake in OFF.items():
                stack.enter_context(mock.patch(target, fake))
            run = run_redteam(off, out=args.out, per_split=args.n, corpus=args.corpus, echo=print)
        print("every defence OFF (the control): no quarantine, no composer filter, no prompt sanitising")
    else:
        run = run_redteam(settings, out=args.out, per_split=args.n, corpus=args.corpus, echo=print)
    print(text_table(run.summary))
    print(f"wall time {time.perf_counter() - t:.0f} s; reports in {run.out_dir}")


if __name__ == "__main__":
    main()
