"""Injection scanner figures: red-team documents caught per style (dev and held-out split), and
flagged sentences per 1,000 on the bundled guidance and on the AI RMF Playbook (benign prose).

Run: PYTHONPATH=$PWD python benchmarks/bench_scanner.py [--embed] [--n 320]

A document counts as caught when every sentence of its extracted text (as ingestion loads it)
that holds the planted marker is quarantined (a flag scoring >= 0.5 that is not only a bare
link or e-mail), or when the loader already dropped the planted text ("dropped").
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.ingest import load_document
from advisor.safety.injection import QUARANTINE_SCORE, scan
from advisor.safety.rules import Reason
from advisor.text import sentence_spans
from benchmarks._common import PLAYBOOK, ROOT
from evals.redteam.generate import SPLITS, RedteamCase, generate

_WEAK = {Reason.LINK, Reason.EMAIL}


def extracted_text(path: Path) -> str:
    """The text ingestion indexes for a file."""
    doc = load_document(path, str(path))
    return "\n\n".join(b.text for b in doc.blocks)


def case_outcome(case: RedteamCase, embedder=None) -> str:
    """'caught', 'dropped' (the loader removed the planted text) or 'missed'."""
    text = extracted_text(case.path)
    if case.marker not in text:
        return "dropped"
    flags = [f for f in scan(text, embedder) if f.score >= QUARANTINE_SCORE and f.reason not in _WEAK]
    for s, e in sentence_spans(text):
        if case.marker in text[s:e] and not any(f.start < e and s < f.end for f in flags):
            return "missed"
    return "caught"


def run_split(split: str, n: int, embedder=None, show_missed: int = 0) -> dict[str, Counter]:
    per_style: dict[str, Counter] = {}
    with tempfile.TemporaryDirectory(prefix="redteam-") as tmp:
        missed = []
        for case in generate(tmp, None, split, n):
            outcome = case_outcome(case, embedder)
            per_style.setdefault(case.style, Counter())[outcome] += 1
            if outcome == "missed":
                missed.append(case)
        for case in missed[:show_missed]:
            print(f"  MISSED {case.style}/{case.format}: {case.payload!r}")
    return per_style


def print_split(split: str, per_style: dict[str, Counter]) -> None:
    total = Counter()
    print(f"{split}: style                docs  caught  dropped  missed  success-rate")
    for style, c in per_style.items():
        total.update(c)
        docs = sum(c.values())
        print(f"  {style:<22} {docs:>4} {c['caught']:>7} {c['dropped']:>8} {c['missed']:>7}  {c['missed'] / docs:.3f}")
    docs = sum(total.values())
    print(
        f"  {'ALL':<22} {docs:>4} {total['caught']:>7} {total['dropped']:>8} {total['missed']:>7}  {total['missed'] / docs:.3f}"
    )


def benign_rate(texts: list[tuple[str, str]], embedder=None, show: int = 0) -> tuple[int, int]:
    """(sentences, quarantined sentences) over benign documents, each scanned whole."""
    n = flagged = 0
    for name, text in texts:
        flags = [f for f in scan(text, embedder) if f.score >= QUARANTINE_SCORE and f.reason not in _WEAK]
        for s, e in sentence_spans(text):
            n += 1
            hits = [f for f in flags if f.start < e and s < f.end]
            if hits:
                flagged += 1
                if show > 0:
                    show -= 1
                    print(f"  FLAGGED {name}: {sorted({str(f.reason) for f in hits})} {text[s:e][:160]!r}")
    return n, flagged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=320, help="documents per split")
    ap.add_argument("--embed", action="store_true", help="add embedding similarity (loads the bundled model)")
    ap.add_argument("--show", type=int, default=10, help="print this many misses and false flags")
    ap.add_argument("--benign-only", action="store_true", help="only the false-positive figures")
    args = ap.parse_args()
    embedder = None
    if args.embed:
        from advisor.providers import get_embedder
        from advisor.settings import Settings

        embedder = get_embedder(Settings.from_env())
    for split in SPLITS if not args.benign_only else ():
        t = time.perf_counter()
        per_style = run_split(split, args.n, embedder, args.show)
        print_split(split, per_style)
        print(f"  ({time.perf_counter() - t:.1f}s)")
    guidance = [(p.name, extracted_text(p)) for p in sorted((ROOT / "corpus" / "guidance").glob("*.md"))]
    n, flagged = benign_rate(guidance, embedder, args.show)
    print(f"bundled guidance: {flagged} of {n} sentences flagged = {1000 * flagged / n:.2f} per 1,000")
    playbook = next(
        (p for p in (PLAYBOOK, ROOT.parent.parent / "shared" / "realdocs" / PLAYBOOK.name) if p.is_file()), None
    )
    if playbook:
        n, flagged = benign_rate([(playbook.name, extracted_text(playbook))], embedder, args.show)
        print(
            f"AI RMF Playbook (held-out benign): {flagged} of {n} sentences flagged = {1000 * flagged / n:.2f} per 1,000"
        )
    else:
        print("AI RMF Playbook not found under ../shared/realdocs: held-out benign figure skipped")


if __name__ == "__main__":
    main()
