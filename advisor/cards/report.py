"""The review as a report a committee can file: Markdown or DOCX, with the same sections.

Sections: model and vendor; summary counts per framework; the items with quotes and pages;
the questions for the vendor; the organization's readiness gates (when one was chosen).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import ModelCardError
from .records import CHAI, HTI1, CardReview, Item, Status

EXPORT_EXTENSIONS = (".docx", ".md")
FRAMEWORK_NAMES = {HTI1: "ONC HTI-1 source attributes", CHAI: "CHAI Applied Model Card fields"}
SECTIONS = ("Model and vendor", "Summary", "Items", "Questions for the vendor", "Readiness gates")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    table: tuple[list[str], list[list[str]]] | None = None
    numbered: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)


def _clean(text: Any) -> str:
    return _CONTROL.sub("", " ".join(str(text).split()))


def _where(page: int | None) -> str:
    return f"p. {page}" if page else "—"


def _evidence(item: Item) -> str:
    if not item.evidence:
        return ""
    return " / ".join(f"“{e.quote}” ({_where(e.page)})" for e in item.evidence)


def _note(item: Item) -> str:
    if item.status is Status.PRESENT:
        return ""
    if item.asks:
        return "Does not state " + "; ".join(item.asks) + "."
    return "The card gives only a placeholder." if item.placeholder else "Not on the card."


def sections(rv: CardReview, *, today: date | None = None) -> list[Section]:
    """The report's content, shared by the Markdown and DOCX writers."""
    card = rv.card
    facts = [
        ["Model", rv.model or "(not stated)"],
        ["Developer", rv.developer or "(not stated)"],
        ["Version", card.value("ReleaseVersion") or "(not stated)"],
        ["Release date", card.value("ReleaseDate") or "(not stated)"],
        ["Card file", f"{Path(card.source).name} ({card.format.value.upper()})"],
        ["Reviewed", (today or date.today()).isoformat()],
    ]
    out = [Section(SECTIONS[0], table=(["", ""], facts))]
    counts = rv.counts()
    rows = [[FRAMEWORK_NAMES.get(fw, fw), *(str(c[s.value]) for s in Status)] for fw, c in counts.items()]
    out.append(
        Section(
            SECTIONS[1],
            paragraphs=[
                "Each HTI-1 source attribute and CHAI card field is present (quoted from the card), partial "
                "(the card answers it but lacks what the item asks for) or missing."
            ],
            table=(["Framework", "Present", "Partial", "Missing"], rows),
        )
    )
    items = [
        [
            it.framework.replace(HTI1, "HTI-1").replace(CHAI, "CHAI"),
            it.id,
            it.name,
            str(it.status),
            _evidence(it),
            _note(it),
        ]
        for it in rv.items
    ]
    out.append(Section(SECTIONS[2], table=(["Framework", "Id", "Item", "Status", "Quote (page)", "Note"], items)))
    polished = (
        " Wording polished by the language model; every fact checked against the card." if rv.mode == "llm" else ""
    )
    out.append(
        Section(
            SECTIONS[3],
            paragraphs=[f"{len(rv.questions)} questions, one for each missing or partial item.{polished}"],
            numbered=[q.text for q in rv.questions],
        )
    )
    if rv.readiness is not None:
        r = rv.readiness
        head = f"{r.org_name} ({r.org})" + (f", assessment of {r.date}" if r.date else "")
        uses = ", ".join(r.use_cases) if r.use_cases else "no instrument use case matched"
        paras = [
            f"{head}. The card describes {'generative' if r.kind == 'genai' else 'predictive'} AI; use cases: {uses}."
        ]
        if r.note:
            paras.append(r.note)
        out.append(Section(SECTIONS[4], paragraphs=paras, bullets=[g.text for g in r.gates]))
    return out


# --------------------------------------------------------------------------- Markdown


def _md_cell(text: str) -> str:
    return _clean(text).replace("|", "\\|")


def to_markdown(rv: CardReview) -> str:
    lines = [f"# Model card review: {_clean(rv.model or 'unnamed model')}", ""]
    for s in sections(rv):
        lines += [f"## {s.title}", ""]
        lines += [x for p in s.paragraphs for x in (_clean(p), "")]
        if s.table:
            header, rows = s.table
            lines.append("| " + " | ".join(_md_cell(h) for h in header) + " |")
            lines.append("|" + "|".join("---" for _ in header) + "|")
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            lines.append("")
        lines += [f"{i}. {_clean(q)}" for i, q in enumerate(s.numbered, 1)]
        lines += [f"- {_clean(b)}" for b in s.bullets]
        if s.numbered or s.bullets:
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- DOCX


def _docx_table(d: Any, header: list[str], rows: list[list[str]]) -> None:
    from docx.shared import Pt

    t = d.add_table(rows=len(rows) + (1 if any(header) else 0), cols=len(header))
    t.style = "Table Grid"
    body = t.rows[1:] if any(header) else t.rows
    if any(header):
        for cell, h in zip(t.rows[0].cells, header, strict=True):
            run = cell.paragraphs[0].add_run(_clean(h))
            run.bold = True
            run.font.size = Pt(9)
    for row, vals in zip(body, rows, strict=True):
        for cell, val in zip(row.cells, vals, strict=True):
            cell.paragraphs[0].add_run(_clean(val)).font.size = Pt(9)


def to_docx(rv: CardReview) -> bytes:
    import docx  # python-docx: loaded when a report is written

    d = docx.Document()
    d.add_heading(f"Model card review: {_clean(rv.model or 'unnamed model')}", level=0)
    for s in sections(rv):
        d.add_heading(s.title, level=1)
        for p in s.paragraphs:
            d.add_paragraph(_clean(p))
        if s.table:
            _docx_table(d, *s.table)
        for q in s.numbered:
            d.add_paragraph(_clean(q), style="List Number")
        for b in s.bullets:
            d.add_paragraph(_clean(b), style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def export_review(rv: CardReview, out: Path) -> Path:
    """Write the report as .docx or .md (by the file name); ModelCardError for other names."""
    suffix = out.suffix.lower()
    if suffix not in EXPORT_EXTENSIONS:
        raise ModelCardError(f"--out {out}: unsupported format {out.suffix or '(no extension)'!r}; use .docx or .md")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".md":
            out.write_text(to_markdown(rv), encoding="utf-8")
        else:
            out.write_bytes(to_docx(rv))
    except OSError as exc:
        raise ModelCardError(f"--out {out}: cannot write the report ({exc.strerror or exc})") from None
    return out
