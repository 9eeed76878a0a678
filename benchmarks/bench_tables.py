"""The table-cell look-up (`answer.tablecells.tables_asked`): what finding a table passage by the
row and column a question names costs, per index and per question.

    .venv/bin/python benchmarks/bench_tables.py [--passages 10000 100000] [--tables 0.05]
        [--questions 200] [--keep-root DIR]

The corpus is bench_scale's generated one (see `_scale_chunks.py`), with a share (`--tables`) of
its passages replaced by generated budget tables (a header of years, rows of named services).
Per size it prints one JSON object: the keyword index's build time, the first `Lexical.tables()`
call (the scan of every record for table passages, once per index), the first look-up (which
reads each table's header and rows, once per index), and per-question mean / p95 of later
look-ups, over questions naming a real row and column and questions naming none.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from _common import ROOT, pct
from _scale_chunks import scale_chunks

sys.path.insert(0, str(ROOT))

_NAMES = ["Identity Registry", "Results Service", "Consent Manager", "Telehealth Platform", "Prescribing Service"]
_PLACES = ["North", "South", "East", "West", "Central", "Coastal", "Upland", "River", "Harbour", "Valley"]


def _table(rng: random.Random, n: int) -> str:
    years = [str(2024 + i) for i in range(rng.randint(3, 6))]
    rows = [" | ".join(["Service", *years])]
    for name in rng.sample(_NAMES, 4):
        place = rng.choice(_PLACES)
        rows.append(" | ".join([f"{place} {name} {n}", *(f"{rng.uniform(1, 60):.1f}" for _ in years)]))
    return "\n".join(rows)


class _Library:
    """The one part of a retriever the look-up uses: its keyword index."""

    def __init__(self, lex):
        self.lex = lex

    def lexical(self):
        return self.lex


def run(passages: int, share: float, questions: int, keep: Path) -> dict:
    from advisor.answer.tablecells import tables_asked
    from advisor.retrieve import Filters, Lexical

    rng = random.Random(7)
    chunks = scale_chunks(passages, keep)
    asked = []
    for i in rng.sample(range(len(chunks)), int(len(chunks) * share)):
        text = _table(rng, i)
        chunks[i] = replace(chunks[i], text=text, meta={**chunks[i].meta, "block": "table"}, doc_type="user")
        row = text.split("\n")[1].split(" | ")[0]
        asked.append(f"How much is budgeted for the {row.lower()} in {text.split(' | ')[2]}?")
    t0 = time.perf_counter()
    lex = Lexical.build(chunks)
    build_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = lex.tables()
    scan_s = time.perf_counter() - t0
    library, f = _Library(lex), Filters(doc_types=("user",))
    t0 = time.perf_counter()
    tables_asked(asked[0], library, f, set())
    first_s = time.perf_counter() - t0
    plain = ["What should the AI governance committee review each quarter?", "Who signs off a new model?"]
    named, none = [], []
    hit = 0
    for q in rng.sample(asked, min(questions, len(asked))):
        t0 = time.perf_counter()
        hit += bool(tables_asked(q, library, f, set()))
        named.append((time.perf_counter() - t0) * 1000)
    for q in plain * (questions // 2):
        t0 = time.perf_counter()
        tables_asked(q, library, f, set())
        none.append((time.perf_counter() - t0) * 1000)
    return {
        "passages": len(chunks),
        "tables": len(found),
        "keyword_index_build_s": round(build_s, 2),
        "tables_scan_first_s": round(scan_s, 3),
        "first_lookup_s": round(first_s, 3),
        "lookup_named_ms": {"mean": round(statistics.mean(named), 2), "p95": round(pct(named, 95), 2)},
        "lookup_named_found_share": round(hit / max(len(named), 1), 3),
        "lookup_none_ms": {"mean": round(statistics.mean(none), 3), "p95": round(pct(none, 95), 3)},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--passages", type=int, nargs="+", default=[10000])
    ap.add_argument("--tables", type=float, default=0.05)
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--keep-root", type=Path, default=None)
    args = ap.parse_args()
    root = args.keep_root or Path(tempfile.mkdtemp(prefix="bench-tables-"))
    for n in args.passages:
        keep = root / str(n)
        keep.mkdir(parents=True, exist_ok=True)
        print(json.dumps(run(n, args.tables, args.questions, keep)))


if __name__ == "__main__":
    main()
