"""The exported document as a list of blocks (headings, paragraphs, lists, tables, references),
shared by the Markdown and DOCX writers. Markers are renumbered in order of first use."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from enum import StrEnum

from ..text import Numbering, marker_numbers, renumber_markers
from .edits import active, sequence_warnings
from .model import (
    FIRST_HORIZON_CAPACITY,
    HORIZONS,
    STATUSES,
    CitationKind,
    Mode,
    Recommendation,
    Report,
    ReportCitation,
    Status,
)
from .wording import join


class BlockKind(StrEnum):
    TITLE = "title"
    H1 = "h1"
    H2 = "h2"
    H3 = "h3"
    P = "p"
    BULLETS = "bullets"
    NUMBERED = "numbered"
    TABLE = "table"
    FIELDS = "fields"  # a two-column field/value table
    REFS = "refs"


@dataclass
class Block:
    kind: BlockKind
    text: str = ""
    items: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    refs: list[ReportCitation] = field(default_factory=list)


def _s(n: int) -> str:
    return "s" if n != 1 else ""


def document(report: Report) -> list[Block]:
    """The report's blocks in export order, ending with the References they cite."""
    blocks = _front(report) + _overview(report) + _roadmap(report) + _recommendations(report) + _back(report)
    return _renumber(blocks, report)


def _front(report: Report) -> list[Block]:
    """Title, provenance, the executive summary and the first horizon."""
    s = report.summary
    recs = active(report)
    counts = {h: sum(1 for r in recs if r.horizon == h) for h in HORIZONS}
    status_counts = {st: sum(1 for r in report.recommendations if r.status == st) for st in STATUSES}
    idx = f"{s.index:.1f}/100" if s.index is not None else "n/a"
    drafted = (
        "offline" if report.mode == Mode.OFFLINE else "with model-polished wording, verified against the cited passages"
    )
    rejected = status_counts[Status.REJECTED]
    B = [
        Block(BlockKind.TITLE, f"AI readiness roadmap — {report.org_name}"),
        Block(
            BlockKind.P,
            f"Prepared from the readiness assessment of {report.date}"
            + (f" by {report.assessor.rstrip('.')}" if report.assessor else "")
            + ". "
            f"Readiness index {idx}, tier {s.tier_name}. "
            f"Status: {status_counts[Status.ACCEPTED]} accepted, {status_counts[Status.DRAFT]} draft, "
            f"{rejected} rejected recommendation{_s(rejected)}. "
            f"Drafted {drafted}; to be reviewed and signed off by the consultant.",
        ),
        Block(BlockKind.H1, "Executive summary"),
        Block(BlockKind.P, s.text),
    ]
    if s.trend:
        B.append(Block(BlockKind.P, s.trend))
    B.append(
        Block(
            BlockKind.P,
            f"This roadmap has {len(recs)} recommendation{_s(len(recs))}: "
            + "; ".join(f"{counts[h]} in {h}" for h in HORIZONS)
            + ".",
        )
    )
    first_h = HORIZONS[0]
    if report.capacity is not None:
        B.append(Block(BlockKind.P, _capacity_text(report, counts[first_h])))
    if counts[first_h] > FIRST_HORIZON_CAPACITY:
        B.append(
            Block(
                BlockKind.P,
                f"{counts[first_h]} recommendations land in {first_h} because each clears a blocking rule or "
                "is a prerequisite of one that does. Start them in the order listed; within 90 days the aim is the "
                "level each blocking rule needs, and the full targets follow in later horizons.",
            )
        )
    if s.provisional:
        B.append(Block(BlockKind.P, "The scorecard is provisional: at least one dimension is incomplete."))
    if s.unanswered:
        B.append(
            Block(
                BlockKind.P,
                f"Not answered in the assessment: {', '.join(s.unanswered)}. Assess "
                f"{'them' if len(s.unanswered) > 1 else 'it'} at the next review; unanswered questions are not "
                "scored and get no recommendation.",
            )
        )
    if report.immediate:
        B.append(Block(BlockKind.H2, "Immediate steps"))
        B.append(Block(BlockKind.NUMBERED, items=[_immediate_line(x) for x in report.immediate]))
    first = [r for r in recs if r.horizon == first_h]
    if first:
        B.append(Block(BlockKind.H2, f"First {first_h}"))
        B.append(
            Block(
                BlockKind.BULLETS,
                items=[f"{r.id} — {r.title} (owner: {r.owner}; effort {r.effort}, impact {r.impact})" for r in first],
            )
        )
    return B


def _overview(report: Report) -> list[Block]:
    """Top risks, blocking issues, readiness by dimension and the use cases."""
    s = report.summary
    B = [Block(BlockKind.H2, "Top risks"), Block(BlockKind.NUMBERED, items=list(s.top_risks))]
    B.append(Block(BlockKind.H2, "Blocking issues"))
    if s.blocking:
        B.append(Block(BlockKind.BULLETS, items=[b.text for b in s.blocking]))
    else:
        B.append(Block(BlockKind.P, "No blocking rule is triggered."))
    B.append(Block(BlockKind.H2, "Readiness by dimension"))
    B.append(
        Block(
            BlockKind.TABLE,
            header=["Dimension", "Score", "Weight", "Gaps", "Recommendations"],
            rows=[
                [
                    f"{d.name} ({d.id})",
                    "n/a" if d.score is None else f"{d.score:.2f}/5",
                    f"{d.weight:.0%}",
                    str(d.gaps),
                    ", ".join(_live(report, d.recommendations)) or "—",
                ]
                for d in s.dimensions
            ],
        )
    )
    B.append(Block(BlockKind.H2, "Use cases"))
    B.append(
        Block(
            BlockKind.TABLE,
            header=["Use case", "Status", "What must come first", "Unblocked after"],
            rows=[
                [
                    u.name,
                    "ready" if u.ready else "blocked",
                    ", ".join(_live(report, u.recommendations)) or ("—" if u.ready else "see gaps"),
                    u.earliest or "—",
                ]
                for u in report.use_cases
            ],
        )
    )
    B.append(Block(BlockKind.BULLETS, items=[f"{u.name}: {u.text}" for u in report.use_cases]))
    return B


def _roadmap(report: Report) -> list[Block]:
    """One table per horizon, after any sequencing warnings the edits caused."""
    recs = active(report)
    B = [Block(BlockKind.H1, "Roadmap")]
    warn = sequence_warnings(report)
    if warn:
        B.append(Block(BlockKind.P, "Sequencing warnings (from the consultant's edits):"))
        B.append(Block(BlockKind.BULLETS, items=warn))
    for h in HORIZONS:
        B.append(Block(BlockKind.H2, h))
        if h == HORIZONS[0] and report.immediate:
            B.append(Block(BlockKind.P, "Start now: " + "; ".join(x.step for x in report.immediate) + "."))
        in_h = [r for r in recs if r.horizon == h]
        if not in_h:
            B.append(Block(BlockKind.P, "No recommendations in this horizon."))
            continue
        B.append(
            Block(
                BlockKind.TABLE,
                header=["ID", "Recommendation", "Closes", "Owner", "Effort", "Impact", "Depends on", "Status"],
                rows=[
                    [
                        r.id,
                        r.title,
                        ", ".join(f"{g.question_id} {g.score}→{g.target}" for g in r.gaps),
                        r.owner,
                        r.effort,
                        r.impact,
                        ", ".join(r.dependencies) or "—",
                        r.status,
                    ]
                    for r in in_h
                ],
            )
        )
    return B


def _fields(report: Report, r: Recommendation) -> list[list[str]]:
    rows = [
        ["Gaps closed", "; ".join(f"{g.question_id} {g.title}: {g.score}/5 → target {g.target}" for g in r.gaps)],
        ["Horizon", f"{r.horizon} ({r.horizon_reason})"],
        ["Owner", r.owner],
    ]
    if r.assessment_owners:
        rows.append(["Named in the assessment", ", ".join(r.assessment_owners)])
    rules = [
        f"clears {join(r.clears)}" if r.clears else "",
        f"helps clear {join(r.contributes)}" if r.contributes else "",
    ]
    rows += [
        ["Effort / impact", f"{r.effort} / {r.impact}"]
        if r.cost is None
        else ["Effort / cost / impact", f"{r.effort} / {r.cost} / {r.impact}"],
        ["Depends on", ", ".join(f"{d} ({_title(report, d)})" for d in r.dependencies) or "—"],
        ["Blocking rules", "; ".join(x for x in rules if x) or "—"],
        ["Needed for", ", ".join(r.unblocks) or "—"],
        ["Advances", "; ".join(r.controls) or "—"],
        ["Status", r.status],
    ]
    return rows


def _recommendations(report: Report) -> list[Block]:
    B = [Block(BlockKind.H1, "Recommendations")]
    for r in active(report):
        B += [
            Block(BlockKind.H2, f"{r.id} — {r.title}"),
            Block(BlockKind.FIELDS, header=["Field", "Value"], rows=_fields(report, r)),
            Block(BlockKind.H3, "Why"),
            Block(BlockKind.BULLETS, items=list(r.rationale)),
            Block(BlockKind.H3, "Action"),
            Block(BlockKind.P, r.action),
            Block(BlockKind.P, "Milestones:"),
            Block(BlockKind.NUMBERED, items=list(r.steps)),
            Block(BlockKind.H3, "Success measure"),
            Block(BlockKind.P, r.success_measure),
        ]
        if r.note.strip():
            B += [Block(BlockKind.H3, "Consultant note"), Block(BlockKind.P, r.note.strip())]
    return B


def _back(report: Report) -> list[Block]:
    """The rejected recommendations, the method notes and any warnings."""
    B: list[Block] = []
    rejected = [r for r in report.recommendations if r.status == Status.REJECTED]
    if rejected:
        B.append(Block(BlockKind.H1, "Appendix: rejected recommendations"))
        B.append(
            Block(
                BlockKind.BULLETS,
                items=[
                    f"{r.id} — {r.title} ({', '.join(r.question_ids)})"
                    + (f": {r.note.strip()}" if r.note.strip() else "")
                    for r in rejected
                ],
            )
        )
    B.append(Block(BlockKind.H1, "How this roadmap was built"))
    B.append(Block(BlockKind.BULLETS, items=list(report.method)))
    # report.warnings (stale index, unreadable earlier files) are for the consultant, not the
    # client: they name internal files, so the app and the CLI show them instead
    return B


def _immediate_line(x) -> str:
    part = f" Part of {x.recommendation}." if x.recommendation else ""
    return f"{x.step}. {x.detail} Owner: {x.owner}.{part}"


def _capacity_text(report: Report, first: int) -> str:
    n = report.capacity
    tier = report.summary.tier_name
    return (
        f"At most {n} initiative{_s(n or 0)} start in the first 90 days, what a {tier} organization can run "
        f"alongside daily operations ({first} planned); the other blocking-rule fixes start in 3–6 months."
    )


def _live(report: Report, ids: list[str]) -> list[str]:
    by_id = {r.id: r for r in report.recommendations}
    return [i if by_id.get(i) is None or by_id[i].status != Status.REJECTED else f"{i} (rejected)" for i in ids]


def _title(report: Report, rid: str) -> str:
    try:
        return report.recommendation(rid).title
    except KeyError:
        return "?"


def _texts(b: Block) -> list[str]:
    return [b.text, *b.items, *(c for row in b.rows for c in row)]


def _renumber(blocks: list[Block], report: Report) -> list[Block]:
    """Renumber [n] markers in order of first use and append the references they point to."""
    known = {c.marker: c for c in report.citations}
    order = Numbering()
    for b in blocks:
        for text in _texts(b):
            for n in marker_numbers(text):
                if n in known:
                    order.number(n)
    used = order.keys()  # old markers, in order of first use
    mapping = {old: order.number(old) for old in used}
    for b in blocks:
        b.text = renumber_markers(b.text, mapping)
        b.items = [renumber_markers(x, mapping) for x in b.items]
        b.rows = [[renumber_markers(str(c), mapping) for c in row] for row in b.rows]
    refs = []
    for old in used:
        c = copy.copy(known[old])
        c.marker = mapping[old]
        refs.append(c)
    blocks.append(Block(BlockKind.H1, "References"))
    blocks.append(Block(BlockKind.REFS, refs=refs))
    return blocks


def reference_line(c: ReportCitation) -> str:
    """One reference, labelled honestly: the organization's results, our summary of a framework
    (with the publisher's URL, never a file path), or a document's own words (the only "Quote")."""
    text = " ".join(c.quote.split())
    if c.kind == CitationKind.ASSESSMENT:
        label = c.label or f"{c.title} — {c.section or '(no section)'}"
        return f"Assessment: {label}. Result: {text}"
    label = c.label or f"{c.title} — {c.section or '(no section)'}"
    where = f" Original: {c.url}." if c.url else ""
    when = f" As of {c.as_of}." if c.as_of else ""
    status = {"proposed": " Proposed rule, not final.", "superseded": " Superseded version."}.get(c.status, "")
    if c.verbatim:  # the label names the document; a client document shows no file name
        page = f", p. {c.page}" if c.page else ""
        return f"Guidance: {label}{page}.{where}{when}{status} Quote: “{text}”"
    if c.source_kind == "synthesis":
        based = f" Background source: {c.url}." if c.url else ""  # not an original: our text draws on several
        return f"Guidance: {label}.{based}{when}{status} Readiness Advisor's own guidance: {text}"
    return f"Guidance: {label}.{where}{when}{status} Summary (Readiness Advisor's wording, not the publisher's): {text}"
