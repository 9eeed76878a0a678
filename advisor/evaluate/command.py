"""`advisor eval`: the command line of the answer-quality suite."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import AdvisorError
from ..settings import Settings
from .config import DEFAULT_THRESHOLDS
from .history import open_history
from .redteam import phi_table, run_phi, run_redteam, text_table
from .reports import jsonable, text_summary
from .runner import run_eval
from .runs import list_text, show_text


def _self_test_lines(self_test: dict[str, Any] | None) -> list[str]:
    lines = []
    for pname, stats in (self_test or {}).items():
        if pname == "errors":
            lines.append(f"self-test errors: {len(stats)} (see summary.json)")
            continue
        parts = ", ".join(f"{m} lowered {v['lowered']}/{v['applicable']}" for m, v in stats.items())
        lines.append(f"self-test {pname}: {parts}")
    return lines


@click.command("eval")
@click.option(
    "--dataset",
    "datasets",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="A JSONL dataset in the contract format (repeatable). Default: evals/dev.jsonl + evals/test.jsonl.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Report folder (default eval-runs/<timestamp>/).",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="A previous run's summary.json or cases.jsonl: fail on a significant regression.",
)
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="all", show_default=True)
@click.option(
    "--checker",
    type=click.Choice(["lexical", "nli", "llm"]),
    default="lexical",
    show_default=True,
    help="Support checker tier 0/1/2.",
)
@click.option(
    "--thresholds",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Thresholds YAML (default evals/thresholds.yaml).",
)
@click.option("--limit", type=click.IntRange(1, None), default=None, help="Run only the first N cases.")
@click.option(
    "--corpus",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Index these paths instead of the bundled corpus + evals/fixtures.",
)
@click.option(
    "--self-test", "run_self_test", is_flag=True, help="Also check that perturbed answers lower their metrics."
)
@click.option(
    "--stability-repeats",
    type=click.IntRange(0, 10_000),
    default=None,
    help="Repeat some questions N times and report the exact-match rate (default: thresholds file; 0: off).",
)
@click.option("--gate-profile", default=None, help="Make this published-bar profile (thresholds.yaml) gating.")
@click.option("--no-record", is_flag=True, help="Do not record the run in the evaluation history.")
@click.option("--list", "list_runs", is_flag=True, help="List the recorded runs (newest first) and exit.")
@click.option(
    "--show", "show_run", metavar="RUN", default=None, help="Show a recorded run (an id or 'latest') and exit."
)
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (summary.json; with --list/--show the stored runs).")
@click.option(
    "--suite",
    type=click.Choice(["answers", "redteam", "phi"]),
    default="answers",
    show_default=True,
    help="answers: answer quality; redteam: the attack suite (--limit N documents per split, --corpus: the benign "
    "documents beside them, default the bundled corpus); phi: PHI detector and storage figures.",
)
def eval_command(
    datasets: tuple[Path, ...],
    out: Path | None,
    baseline: Path | None,
    split: str,
    checker: str,
    thresholds: Path | None,
    limit: int | None,
    corpus: tuple[Path, ...],
    run_self_test: bool,
    stability_repeats: int | None,
    gate_profile: str | None,
    no_record: bool,
    list_runs: bool,
    show_run: str | None,
    no_progress: bool,
    as_json: bool,
    suite: str,
) -> None:
    """Run the answer-quality suite; exit 1 when a threshold or the regression gate fails.

    With --list or --show RUN, read the evaluation history instead of running; with --suite
    redteam|phi, run a content-safety suite instead.
    """
    if list_runs or show_run:
        _history_command(show_run, as_json)
        return
    if suite != "answers":
        _safety_suite(suite, out, limit, as_json, list(corpus) or None)
    try:
        settings = Settings.from_env()
        run = run_eval(
            list(datasets) or None,
            out=out,
            baseline=baseline,
            split=split,
            checker=checker,
            thresholds=thresholds or DEFAULT_THRESHOLDS,
            limit=limit,
            settings=settings,
            corpus=list(corpus) or None,
            progress=not no_progress,
            run_self_test=run_self_test,
            stability_repeats=stability_repeats,
            gate_profile=gate_profile,
            record=not no_record,
        )
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    s = run.summary
    if as_json:
        click.echo(json.dumps({k: v for k, v in s.items() if k != "per_case"}, indent=2, ensure_ascii=False))
    else:
        click.echo(text_summary(s, run.thresholds, run.regression, s["manifest"]["k"]))
        for line in _self_test_lines(s.get("self_test")):
            click.echo(line)
        click.echo(f"reports: {run.out_dir}/ (report.html, summary.json, cases.jsonl, junit.xml)")
        if run.run_id:
            click.echo(f"recorded as run {run.run_id} (advisor eval --show {run.run_id})")
    sys.exit(run.exit_code)


def _safety_suite(suite: str, out: Path | None, limit: int | None, as_json: bool, corpus: list[Path] | None) -> None:
    """`--suite redteam|phi` (advisor.evaluate.redteam): exit 1 when any attack reaches an answer, or
    when PHI recall or the guidance's false positives miss their bars."""
    try:
        settings = Settings.from_env()
        if suite == "phi":
            out_dir, summary = run_phi(settings, out=out)
            text, code = phi_table(summary), 1 if summary["failures"] else 0
        else:
            run = run_redteam(settings, out=out, per_split=limit, corpus=corpus, echo=lambda s: click.echo(s, err=True))
            out_dir, summary, text, code = run.out_dir, run.summary, text_table(run.summary), run.exit_code
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    click.echo(json.dumps(summary, indent=2, ensure_ascii=False) if as_json else text)
    if not as_json:
        click.echo(f"reports: {out_dir}/ (summary.json)")
    sys.exit(code)


def _history_command(show_run: str | None, as_json: bool) -> None:
    """`--list` / `--show RUN`: read the evaluation history of ADVISOR_HOME."""
    try:
        history = open_history(Settings.from_env())
        try:
            if show_run:
                run = history.get(show_run)
                cases = history.cases(run.id)
                payload: object = {**run.to_dict(), "cases": cases}
                text = show_text(run, cases)
            else:
                runs = history.runs(limit=1000)
                payload = [r.to_dict() for r in runs]
                text = list_text(runs)
        finally:
            history.close()
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    click.echo(json.dumps(jsonable(payload), indent=2, ensure_ascii=False) if as_json else text)
