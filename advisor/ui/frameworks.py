"""Framework coverage of an organization's assessment, as tables for the dashboard."""

from __future__ import annotations

from pathlib import Path

from ..assessment import Instrument, Scorecard
from ..assessment.coverage import evidenced_frameworks, plural_unit
from ..frameworks import coverage, user_dir, validation_error
from ..frameworks.queries import FrameworkCoverage
from ..frameworks.records import Catalog

__all__ = ["FRAMEWORK_SUFFIXES", "coverage_control_rows", "coverage_rows", "framework_coverages", "store_framework"]

FRAMEWORK_SUFFIXES = (".yaml", ".yml")


def framework_coverages(catalog: Catalog, card: Scorecard, inst: Instrument) -> list[FrameworkCoverage]:
    """Coverage of every framework the instrument evidences, from the scorecard's question scores."""
    scores = {qid: card.question_scores.get(qid) for qid in inst.question_ids}
    targets = {q.id: float(q.target) for q in inst.questions}
    return [coverage(catalog, fw.id, scores, targets) for fw in evidenced_frameworks(catalog)]


def coverage_rows(coverages: list[FrameworkCoverage]) -> list[dict]:
    """One row per framework: how many of its assessable entries are covered, gaps, uncovered."""
    rows = []
    for cov in coverages:
        n = cov.counts
        total = len(cov.controls)
        rows.append(
            {
                "Framework": cov.framework.name,
                "Entries": f"{total} {plural_unit(cov.framework)}",
                "Covered": n["covered"],
                "Gaps": n["gap"],
                "Not assessed": n["unassessed"],
                "Covered share": n["covered"] / total if total else 0.0,
            }
        )
    return rows


def coverage_control_rows(cov: FrameworkCoverage) -> list[dict]:
    """One row per control: its state and the questions (with scores) behind it."""
    label = {"covered": "Covered", "gap": "Gap", "unassessed": "Not assessed"}
    return [
        {
            "Control": c.control.id,
            "Title": c.control.title,
            "State": label[str(c.state)],
            "Questions": ", ".join(
                f"{q.question} {'—' if q.score is None else f'{q.score:g}/5'}" + (f" (via {q.via})" if q.via else "")
                for q in c.questions
            ),
        }
        for c in cov.controls
    ]


def store_framework(home: Path, filename: str, data: bytes) -> tuple[Path | None, str]:
    """Validate an uploaded framework, crosswalk or evidence YAML and keep it in
    ADVISOR_HOME/frameworks: (stored path, "") or (None, the error naming file, line and field)."""
    folder = user_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(filename).name
    pending = folder / f".pending-{name}"
    pending.write_bytes(data)
    error = validation_error(pending)
    if error is not None:
        pending.unlink(missing_ok=True)
        return None, str(error).replace(str(pending), name)
    target = folder / name
    pending.replace(target)
    return target, ""
