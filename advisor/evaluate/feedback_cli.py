"""`advisor feedback`: users' answer feedback for teams that triage outside the app."""

from __future__ import annotations

import json
import sys

import click

from ..audit import AuditStore
from ..errors import AdvisorError
from ..settings import Settings
from .review import ReviewStore, enters_queue, review_queue


@click.group("feedback")
def feedback() -> None:
    """Answer feedback (thumbs up/down with comments) and its review queue."""


@feedback.command("export")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option(
    "--queue", "queue_only", is_flag=True, help="Only rows in the review queue (thumbs-down, or up with a comment)."
)
@click.option("--limit", type=click.IntRange(1, None), default=100_000, show_default=True)
def export(as_json: bool, queue_only: bool, limit: int) -> None:
    """Every feedback row, newest first: question, org, rating, comment, answer (and its triage)."""
    try:
        settings = Settings.from_env()
        audit = AuditStore(settings)
        review = ReviewStore.for_settings(settings)
        try:
            triaged = {i.feedback_id: i for i in review_queue(audit, review, limit=limit)}
            rows = []
            for row in audit.feedback(limit=limit):
                if queue_only and not enters_queue(row):
                    continue
                item = triaged.get(int(row["id"]))
                rows.append({**row, "review": item.to_dict()["review"] if item else None})
        finally:
            audit.close()
            review.close()
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("No feedback yet.")
    for r in rows:
        review_state = (r["review"] or {}).get("status", "-")
        click.echo(f"#{r['id']} {r['ts']} {r['rating']:<4} org={r['org'] or '-'} review={review_state}")
        click.echo(f"  Q: {r['question']}")
        click.echo("  A: " + " ".join(str((r.get("answer") or {}).get("answer") or "").split())[:300])
        if r.get("comment"):
            click.echo(f"  comment: {r['comment']}")
