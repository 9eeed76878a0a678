"""Ingestion plugin: assessment results files (.csv, .json) become citable chunks.

Listed in :data:`advisor.ingest.registry.DEFAULT_PLUGINS` and imported by ingestion on first
use, so ingestion never imports the assessment package itself.
"""

from __future__ import annotations

from pathlib import Path

from ..chunk import Chunk
from ..errors import AssessmentError, IngestError
from ..ingest.registry import LoaderOutput, register_loader
from .coverage import coverage_chunks
from .narrative import result_chunks
from .reader import RESULTS_SUFFIXES, load_results
from .schema import load_instrument
from .scoring import score

#: The loader name ingestion and the index know results files by.
RESULTS_LOADER = "results"
_SHOWN = 5  # problems quoted in the one-line ingest error; `advisor assess FILE` lists them all


def load_results_chunks(path: Path, source: str) -> list[Chunk]:
    """Validate and score a results file and state it as chunks; IngestError when it is invalid."""
    try:
        instrument = load_instrument()
        results = load_results(path, instrument)
    except AssessmentError as exc:
        n = len(exc.problems)
        more = f" (and {n - _SHOWN} more; run `advisor assess {path}`)" if n > _SHOWN else ""
        raise IngestError(str(path), "; ".join(p.message for p in exc.problems[:_SHOWN]) + more) from None
    results.source = source
    card = score(results, instrument)
    chunks = result_chunks(results, instrument, card)
    return chunks + coverage_chunks(results, card, instrument, start=len(chunks))


register_loader(RESULTS_SUFFIXES, RESULTS_LOADER, load_results_chunks, output=LoaderOutput.CHUNKS)
