"""Shared setup of the answer tests: a home indexed from documents the test writes, and the two
small guides several tests ask over."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from advisor.answer import Advisor
from advisor.index import Index
from advisor.settings import Settings

#: An inventory guide and a monitoring guide of one framework ("test-guide").
SMALL_GUIDES = {
    "inventory.md": (
        "---\ntitle: AI inventory guide\nframework: test-guide\n---\n# AI inventory guide\n\n"
        "## Purpose\n\nGOVERN 1.6 calls for mechanisms to inventory AI systems, resourced according to "
        "organizational risk priorities. The inventory records the owner, vendor and risk tier of every AI system.\n\n"
        "## Review\n\nThe AI governance committee reviews the inventory every quarter.\n"
    ),
    "monitoring.md": (
        "---\ntitle: Monitoring guide\nframework: test-guide\n---\n# Monitoring guide\n\n"
        "## Drift\n\nDeployed sepsis models are checked monthly for calibration drift. "
        "An alert goes to the model steward when the AUROC falls below 0.75.\n"
    ),
}


def orrin_notice(*sections: str) -> str:
    """A fictional health authority's HTML notice on sepsis alert software: its scope and
    validation sections, then `sections` (HTML, numbered from 3)."""
    return (
        "<html><head><title>Orrin Valley Health Authority Notice 22 on Sepsis Alert Software</title></head>"
        "<body><main>\n<h1>Orrin Valley Health Authority Notice 22: Sepsis Alert Software</h1>\n"
        "<h2>1 Scope</h2>\n<p>This notice applies to every hospital in Orrin Valley that runs software raising "
        "sepsis alerts from\nvital signs and laboratory results.</p>\n"
        "<h2>2 Validation</h2>\n<p>A hospital validates each sepsis alert tool on at least 300 of its own "
        "admissions before the tool is\nswitched on for patient care.</p>\n"
        + "\n".join(sections)
        + "\n</main></body></html>\n"
    )


def indexed_settings(
    root: Path, docs: Mapping[str, str], made: Mapping[str, Callable[[Path], object]] | None = None
) -> Settings:
    """Settings of ADVISOR_HOME root/home, with `docs` (file name -> text) written to root/docs,
    and each of `made` (file name -> a function writing that file, a PDF or Word file) made there,
    and indexed there (the real bundled embedding model)."""
    folder = root / "docs"
    folder.mkdir()
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, make in (made or {}).items():
        make(folder / name)
    s = Settings.from_env({"ADVISOR_HOME": str(root / "home")})
    assert Index(s).index_paths([folder]).ok
    return s


def with_uploads(corpus_advisor: Advisor, folder: Path, docs: Mapping[str, str]) -> Advisor:
    """A fresh Advisor over `corpus_advisor`'s home once `docs` (file name -> text) are written to
    `folder` and indexed there, as a user's uploads."""
    folder.mkdir()
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert corpus_advisor.index.index_paths([folder]).ok
    return Advisor(Settings.from_env())
