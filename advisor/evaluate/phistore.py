"""The PHI suite's end-to-end figure: which identifiers of synthetic notes end up in clear in
the stores under ADVISOR_HOME (catalog, vectors, keyword index, audit trail) when the notes
are added as documents and typed into questions.

Measured twice in scratch homes, with stored passages redacted (the default) and with
ADVISOR_REDACT_PHI=0 (the admin's choice): the second run is the control that shows the
check can see identifiers at all. The uploaded originals are the user's own files and are
not counted; everything the advisor derived from them is.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from ..answer import Advisor
from ..errors import AdvisorError
from ..settings import Settings

MIN_SPAN = 6  # shorter identifiers (ages, initials) match unrelated bytes and prove nothing


def _question(text: str) -> str:
    """A question quoting the note, as a user pasting a case into the chat would."""
    return f"How should our AI governance committee handle this case? {text[:600]}"


def _blobs(home: Path, originals: Path) -> list[bytes]:
    return [p.read_bytes() for p in home.rglob("*") if p.is_file() and originals not in p.parents]


def stored_in_clear(settings: Settings, notes: list[Any], *, redact: bool, questions: int = 10) -> dict[str, Any]:
    """Index `notes` as uploads and ask `questions` of them with auditing on, in a scratch home;
    count the notes' identifiers found byte-for-byte in what the advisor stored."""
    home = settings.home / ("phi-store-redacted" if redact else "phi-store-clear")
    shutil.rmtree(home, ignore_errors=True)
    s = dataclasses.replace(settings, home=home, embed_cache=settings.embed_cache_path, redact_phi=redact, llm_model="")
    uploads = home / "uploads"
    uploads.mkdir(parents=True)
    for i, note in enumerate(notes):
        (uploads / f"note-{i:03d}.md").write_text(f"# Incident note {i}\n\n## Case\n\n{note.text}\n", encoding="utf-8")
    adv = Advisor(s, audit=True)
    try:
        report = adv.index_paths([uploads])
        asked = 0
        for note in notes[:questions]:
            try:
                adv.ask(_question(note.text))
                asked += 1
            except AdvisorError:
                continue
    finally:
        adv.index.close()
        if adv.audit_store is not None:
            adv.audit_store.close()
    blobs = _blobs(home, uploads)
    spans = [sp for note in notes for sp in note.spans if len(sp.text.strip()) >= MIN_SPAN]
    kinds: Counter[str] = Counter(sp.type for sp in spans)
    clear: Counter[str] = Counter(sp.type for sp in spans if any(sp.text.encode("utf-8") in b for b in blobs))
    return {
        "redact_phi": redact,
        "notes": len(notes),
        "questions": asked,
        "index_errors": len(report.errors),
        "spans": len(spans),
        "in_clear": sum(clear.values()),
        "in_clear_rate": round(sum(clear.values()) / max(1, len(spans)), 4),
        "in_clear_per_kind": {k: clear.get(k, 0) for k in sorted(kinds)},
        "spans_per_kind": dict(sorted(kinds.items())),
    }
