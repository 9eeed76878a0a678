"""One evaluation run in its own process, for the app: ``python -m advisor.evaluate.worker REQUEST``.

The app starts runs here rather than in a thread of the server: a run is CPU-bound for
minutes, and in the server process it would compete for the GIL with every session (and with
the garbage collection Streamlit forces after each script run). REQUEST is a JSON object
(datasets, corpus, out, split, checker, limit, stability_repeats); progress and the result are
written to standard output as JSON lines:

    {"phase": "CASES", "done": 3, "total": 20}
    {"warning": "org 'x' has no assessment results in the eval index"}
    {"result": {"run_id": "20261130-120000", "exit_code": 0, "out_dir": "..."}}
    {"error": "..."}
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ..errors import AdvisorError
from .runner import Phase, run_eval


def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def run_request(req: dict[str, Any]) -> int:
    """Run one request; returns the process exit code (0 done, 1 crashed, 2 usage or input error)."""
    try:
        run = run_eval(
            [Path(p) for p in req.get("datasets") or []] or None,
            out=Path(req["out"]),
            split=str(req.get("split") or "all"),
            checker=str(req.get("checker") or "lexical"),
            limit=req.get("limit"),
            progress=False,
            echo=lambda w: _emit({"warning": w}),
            on_progress=lambda phase, done, total: _emit({"phase": phase.name, "done": done, "total": total}),
            stability_repeats=req.get("stability_repeats"),
            corpus=[Path(p) for p in req.get("corpus") or []] or None,
            source="app",
        )
    except AdvisorError as exc:
        _emit({"error": str(exc)})
        return 2
    except Exception as exc:  # reported to the page; the traceback goes to the worker log
        _emit({"error": f"{type(exc).__name__}: {exc}"})
        raise
    _emit({"result": {"run_id": run.run_id, "exit_code": run.exit_code, "out_dir": str(run.out_dir)}})
    return 0


def parse_line(line: str) -> dict[str, Any]:
    """One line of the worker's output as a dict ({} for anything that is not a JSON object)."""
    try:
        obj = json.loads(line)
    except ValueError:
        return {}
    if isinstance(obj, dict) and obj.get("phase") in Phase.__members__:
        obj["phase"] = Phase[obj["phase"]]
    return obj if isinstance(obj, dict) else {}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        _emit({"error": "usage: python -m advisor.evaluate.worker REQUEST_JSON"})
        return 2
    return run_request(json.loads(args[0]))


if __name__ == "__main__":  # pragma: no cover - run as a process by the app
    sys.exit(main())
