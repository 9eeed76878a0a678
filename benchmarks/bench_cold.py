"""Cold starts, side by side: each command in a fresh process, alternating, N rounds.

    .venv/bin/python benchmarks/bench_cold.py --home DIR [--naive DIR] [--rounds 3]

- `advisor orgs`, `corpus status`, `db status`, `assess FILE`, `users list`, `audit verify`: commands
  that do not embed (target: under a second);
- `advisor search` and `advisor ask` (offline) against DIR (an indexed ADVISOR_HOME);
- the naive LangChain script's `ask` (benchmarks/naive_langchain.py, torch model) against its
  own index in --naive DIR (built with `naive_langchain.py index`).

Prints median wall time and median CPU time (user + system) per command. The machine is
shared and loaded: wall times stretch with the load; CPU times and the ratios between
commands measured in the same rounds are the figures to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import ROOT

QUESTION = "What does GOVERN 1.6 require?"


def commands(home: Path, naive: Path | None) -> dict[str, list[str]]:
    adv = [sys.executable, "-m", "advisor.cli"]
    results = ROOT / "corpus" / "assessment" / "results" / "meridian-health-2026-09-30.csv"
    out = {
        "advisor orgs": [*adv, "orgs", "--json"],
        "advisor corpus status": [*adv, "corpus", "status", "--json"],
        "advisor db status": [*adv, "db", "status"],
        "advisor assess": [*adv, "assess", str(results), "--json"],
        "advisor users list": [*adv, "users", "list"],
        "advisor audit verify": [*adv, "audit", "verify"],
        "advisor search": [*adv, "search", QUESTION, "--json"],
        "advisor ask": [*adv, "ask", QUESTION, "--json"],
    }
    if naive:
        out["naive langchain ask"] = [
            sys.executable,
            str(ROOT / "benchmarks" / "naive_langchain.py"),
            "ask",
            str(naive),
            QUESTION,
        ]
    return out


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode not in (0, 1):
        raise SystemExit(f"{cmd}: {r.stderr[-1500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--naive", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ADVISOR_", "OPENAI_"))}
    env.update(ADVISOR_HOME=str(a.home), PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1")
    cmds = commands(a.home, a.naive)
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in cmds}
    for _ in range(a.rounds):
        for name, cmd in cmds.items():
            times[name].append(run(cmd, env))
    out = {}
    for name, xs in times.items():
        out[name] = {
            "wall_s": round(statistics.median(w for w, _ in xs), 2),
            "cpu_s": round(statistics.median(c for _, c in xs), 2),
        }
    if "naive langchain ask" in out:
        for k in ("advisor ask", "advisor search"):
            out[k]["wall_vs_naive"] = round(out[k]["wall_s"] / out["naive langchain ask"]["wall_s"], 2)
            out[k]["cpu_vs_naive"] = round(out[k]["cpu_s"] / out["naive langchain ask"]["cpu_s"], 2)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
