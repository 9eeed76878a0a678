"""The chunks of bench_scale's generated corpus, without a vector store: for benchmarks of the
keyword index alone (`Lexical.build`, `sources_with`, identifier and acronym work).

The corpus is bench_scale's (real corpus sentences recombined, seed 7; see its docstring),
written under `keep/corpus` (or reused from there, e.g. a `bench_scale.py --keep DIR` folder)
and chunked by the real loader; the chunks are pickled in `keep` for the next run."""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

from _common import ROOT

sys.path.insert(0, str(ROOT))


def scale_chunks(passages: int, keep: Path) -> list:
    """The generated corpus's chunks (`passages` of them), made once per `keep` folder."""
    from bench_scale import generate, sentence_pool

    from advisor.index.sources import doc_type_for, source_for
    from advisor.ingest import load_chunks

    cached = keep / f"chunks-{passages}.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    corpus = keep / "corpus"
    if not (keep / "made.json").exists():
        corpus.mkdir(parents=True, exist_ok=True)
        made = generate(corpus, passages, sentence_pool())
        (keep / "made.json").write_text(json.dumps(made))
    chunks = []
    for p in sorted(corpus.glob("*.md")):
        chunks += load_chunks(p, source_for(p), doc_type=doc_type_for(p), org="", chunk_size=1000, overlap=120)
    cached.write_bytes(pickle.dumps(chunks))
    return chunks
