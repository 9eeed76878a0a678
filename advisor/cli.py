"""The `advisor` command line."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .errors import AdvisorError, AssessmentError

if TYPE_CHECKING:
    from .answer import Advisor

# Command groups that live with their feature, one line each (plugin-style, as in simonw/llm).
# They are imported only when named, so `advisor users list` never loads the answer stack.
LAZY_COMMANDS = {
    "eval": "advisor.evaluate.command:eval_command",
    "phi": "advisor.index.phi_cli:phi",
    "frameworks": "advisor.frameworks.command:frameworks_command",
    "corpus": "advisor.currency:corpus_group",
    "review-card": "advisor.cards.command:review_card_command",
    "users": "advisor.accounts.commands:users",
    "audit": "advisor.audit.commands:audit",
    "feedback": "advisor.evaluate.feedback_cli:feedback",
    "db": "advisor.stores.commands:db_group",
}


#: Stores register themselves when their module is imported (plugin-style): `advisor db` must
#: import every one before it lists or migrates them.
_LOADED_FIRST = {
    "db": (
        "advisor.accounts.store",
        "advisor.audit.schema",
        "advisor.conversations",
        "advisor.index.catalog",
        "advisor.index.embedcache",
    ),
}


class LazyGroup(click.Group):
    """A group whose feature commands are imported on first use (click's lazy-loading pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in LAZY_COMMANDS:
            return super().get_command(ctx, cmd_name)
        for needed in _LOADED_FIRST.get(cmd_name, ()):
            importlib.import_module(needed)
        module, attr = LAZY_COMMANDS[cmd_name].split(":")
        command = getattr(importlib.import_module(module), attr)
        if not isinstance(command, click.Command):  # pragma: no cover - a wrong table entry
            raise TypeError(f"{LAZY_COMMANDS[cmd_name]} is not a click command")
        return command


USER_HELP = "Act as this user: only the organizations granted to them (default: the local operator, who sees all)."


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def _advisor() -> Advisor:
    from .answer import Advisor

    try:
        return Advisor.from_env()
    except AdvisorError as exc:
        _fail(str(exc), 2)


def _prepare_search(adv: Advisor) -> None:
    """Save the library's search indexes now (loaded when they are this version's): the app's
    next start then loads them instead of building them. An empty library has none."""
    if adv.index.is_empty():
        return
    try:
        adv.retriever.prepare()
    except Exception as exc:  # the library is indexed; the first search builds them instead
        click.echo(
            f"Warning: the search indexes were not saved ({type(exc).__name__}: {exc}); the first search builds them.",
            err=True,
        )


def _warn_if_no_corpus(adv: Advisor) -> None:
    if not adv.index.has_doc_type("guidance"):
        click.echo(
            "Warning: the bundled guidance corpus is not indexed in ADVISOR_HOME; run `advisor index` first.",
            err=True,
        )


def _progress_printer(enabled: bool) -> Callable[[int, int, str], None] | None:
    """A tqdm bar on stderr for indexing runs (tqdm is imported only when a bar is shown)."""
    if not enabled:
        return None
    from tqdm import tqdm

    bar: dict[str, Any] = {}

    def progress(done: int, total: int, path: str) -> None:
        if "t" not in bar:
            bar["t"] = tqdm(total=total, unit="file", file=sys.stderr, leave=False, desc="indexing")
        bar["t"].n = done
        bar["t"].refresh()
        if done >= total:
            bar["t"].close()

    return progress


@click.group(cls=LazyGroup)
@click.version_option(package_name="readiness-advisor")
def main() -> None:
    """Readiness Advisor: cited answers on a health system's readiness to scale AI."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--org", default="", help="Scope the indexed files to this organization.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
def index(paths: tuple[Path, ...], org: str, as_json: bool) -> None:
    """Index the bundled corpus, or only PATH... (files or folders) added to the index."""
    adv = _advisor()
    try:
        report = adv.index_paths(
            list(paths) or None, org=org, progress=_progress_printer(not as_json and sys.stderr.isatty())
        )
    except AdvisorError as exc:
        _fail(str(exc))
    _prepare_search(adv)  # also when nothing changed: a new machine, an upgrade, a cleaned cache
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(
            f"{report.files_seen} files seen: {report.files_indexed} indexed, {report.files_unchanged} unchanged, "
            f"{report.files_removed} removed; {report.chunks_added} chunks added, {report.chunks_removed} removed "
            f"({report.seconds:.1f}s)."
        )
        for e in report.errors:
            click.echo(f"Error: {e['file']}: {e['error']}", err=True)
    sys.exit(0 if report.ok else 1)


@main.command()
@click.argument("query")
@click.option("--k", "k", type=click.IntRange(1, 100), default=None, help="Number of results.")
@click.option("--org", default=None, help="Include this organization's assessment results.")
@click.option("--user", default=None, help=USER_HELP)
@click.option("--json", "as_json", is_flag=True)
def search(query: str, k: int | None, org: str | None, user: str | None, as_json: bool) -> None:
    """Ranked chunks for QUERY (hybrid dense + BM25)."""
    adv = _advisor()
    _warn_if_no_corpus(adv)
    try:
        hits = adv.search(query, k=k, org=org, user=user)
    except AdvisorError as exc:
        _fail(str(exc))
    rows = [h.to_dict() for h in hits]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("No results. Has the corpus been indexed? Run `advisor index`.")
    for r in rows:
        where = r["source"] + (f" p.{r['page']}" if r["page"] else "")
        click.echo(
            f"{r['rank']:>2}. {r['title']} — {r['section'] or '(no section)'}  [{where}]  score={r['score']:.4f}"
        )
        click.echo("    " + " ".join(r["text"].split())[:300])


@main.command()
@click.argument("question")
@click.option("--org", default=None, help="Answer for this organization's assessment.")
@click.option("--user", default=None, help=USER_HELP)
@click.option("--json", "as_json", is_flag=True)
def ask(question: str, org: str | None, user: str | None, as_json: bool) -> None:
    """Answer QUESTION with citations."""
    adv = _advisor()
    _warn_if_no_corpus(adv)
    try:
        ans = adv.ask(question, org=org, user=user)
    except AdvisorError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(ans.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(ans.answer)
    if ans.citations:
        click.echo("")
    for c in ans.citations:  # whose words, how current, where the original lives (never "Publisher:" over our summary)
        click.echo(f"[{c.marker}] {c.heading()}" + (f" — {c.origin()}" if c.origin() else ""))
    if ans.unsupported:
        click.echo("\nNot supported by the cited passages: " + " | ".join(ans.unsupported))
    if ans.notice:
        click.echo(f"Note: {ans.notice}", err=True)


@main.command()
@click.option("--user", default=None, help=USER_HELP)
@click.option("--json", "as_json", is_flag=True)
def orgs(user: str | None, as_json: bool) -> None:
    """Organizations with assessment results in the index."""
    adv = _advisor()
    try:
        rows = adv.organizations(user)
    except AdvisorError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("No organizations indexed. Run `advisor index` (sample organizations are bundled).")
    for r in rows:
        click.echo(f"{r['org']}: {r['name']} — assessments {', '.join(r['assessments'])}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True)
def assess(file: Path, as_json: bool) -> None:
    """Validate and score an assessment results FILE (CSV or JSON)."""
    from . import assessment

    try:
        report = assessment.report(file)
    except AssessmentError as exc:
        _fail_problems(exc, as_json)
    except AdvisorError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(assessment.format_report(report))


def _fail_problems(exc: AssessmentError, as_json: bool) -> NoReturn:
    """Every problem of a results file on its own line, as the Assessment page lists them
    (with --json, as records on standard output); exit 1."""
    if as_json:
        rows = [
            {"message": p.message, "rows": list(p.rows), "result_index": p.result_index, "field": p.field}
            for p in exc.problems
        ]
        click.echo(json.dumps({"file": exc.file, "problems": rows}, indent=2, ensure_ascii=False))
    n = len(exc.problems)
    click.echo(f"Error: {exc.file} has {n} problem{'s' if n != 1 else ''}; nothing was scored:", err=True)
    for p in exc.problems:
        click.echo(f"  - {p.message}", err=True)
    sys.exit(1)


@main.command()
@click.option("--org", required=True, help="Organization id with assessment results in the index.")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="Output file: .docx or .md.")
@click.option("--user", default=None, help=USER_HELP)
@click.option("--json", "as_json", is_flag=True, help="Also print the report as JSON.")
@click.option(
    "--first-90-days",
    "first_90_days",
    type=click.IntRange(min=0),
    default=None,
    help="Initiatives that may start in the first 90 days (0: no limit). "
    "Default: 3 for a Foundational or Developing organization (roadmap.yaml).",
)
def recommend(org: str, out: Path, user: str | None, as_json: bool, first_90_days: int | None) -> None:
    """Draft a prioritized, cited readiness roadmap for ORG and write it as DOCX or Markdown."""
    from . import recommend as rec
    from .audit import Actor, Event

    if out.suffix.lower() not in rec.EXPORT_EXTENSIONS:
        _fail(f"--out {out}: unsupported format {out.suffix or '(no extension)'!r}; use a .docx or .md file name", 2)
    adv = _advisor()
    try:
        access = adv.access(user)
        known = [o["org"] for o in adv.organizations(user)]
        if org not in known:
            access.check(org)  # a user asking for an organization not granted: AccessDenied naming it
            # never list the organizations here: `advisor orgs` does, for those allowed to see them
            _fail(
                f"unknown organization {org!r}: it has no assessment results in the index"
                + (" you may see" if user else "")
                + "; run `advisor orgs` to list the organizations that have them",
                2,
            )
        report = rec.build_report(adv, org, user=user, first_horizon=first_90_days)
        path = rec.export(report, out)
    except AdvisorError as exc:
        _fail(str(exc))
    if adv.audit_store is not None:
        actor = Actor(user or "", str(access.role or ""))
        adv.audit_store.log(Event.EXPORT, {"what": "roadmap", "file": str(path)}, org=org, actor=actor)
    if as_json:
        click.echo(json.dumps({"out": str(path), **report.to_dict()}, indent=2, ensure_ascii=False))
        return
    live = rec.active(report)
    per = "; ".join(f"{sum(1 for r in live if r.horizon == h)} in {h}" for h in rec.HORIZONS)
    click.echo(
        f"Wrote {path}: {len(live)} recommendations for {report.org_name} ({per}), {len(report.citations)} citations."
    )
    for w in report.warnings:
        click.echo(f"Warning: {w}", err=True)


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--list", "list_only", is_flag=True, help="List the documents that can be removed, then stop.")
@click.option(
    "--keep-file", is_flag=True, help="Keep the uploaded copy under ADVISOR_HOME (a re-index brings it back)."
)
@click.option("--user", default=None, help=USER_HELP)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the run summary as JSON (the `advisor index --json` shape)."
)
def remove(sources: tuple[str, ...], list_only: bool, keep_file: bool, user: str | None, as_json: bool) -> None:
    """Remove added documents or assessment results (SOURCE as `advisor search` cites it) from
    the library and the index; audited."""
    adv = _advisor()
    if list_only:
        for row in adv.removable_documents(user):
            click.echo(f"{row['source']}\t{row['doc_type']}\t{row['org'] or '-'}")
        sys.exit(0)
    if not sources:
        _fail("name one or more documents to remove; `advisor remove --list` lists them.", 2)
    total = None
    try:
        for src in sources:
            report = adv.remove_document(src, user=user, delete_file=not keep_file)
            total = report if total is None else total.merged(report)
    except AdvisorError as exc:
        _fail(str(exc))
    assert total is not None
    if total.chunks_removed:
        _prepare_search(adv)
    if as_json:
        click.echo(json.dumps(total.to_dict(), indent=2))
    else:
        click.echo(f"{total.files_removed} documents removed; {total.chunks_removed} passages removed from the index.")


if __name__ == "__main__":  # pragma: no cover
    main()
