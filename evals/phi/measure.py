"""PHI detector figures: recall per kind on the synthetic notes, precision, and false positives
on the bundled guidance. Run: PYTHONPATH=$PWD python evals/phi/measure.py [--split heldout]"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from advisor.safety.phi import HIGH_PRECISION, Finding, PhiType, detect
from evals.phi.generate import SPLITS, Note, generate

ROOT = Path(__file__).resolve().parents[2]
GUIDANCE = ROOT / "corpus" / "guidance"
COVER = 0.8  # a labelled span counts as found when findings of its kind cover this share of its characters


@dataclass
class PhiReport:
    split: str
    notes: int
    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    redacted: int = 0  # labelled spans covered by findings of any kind
    findings: int = 0
    true_findings: int = 0
    false_by_kind: Counter = field(default_factory=Counter)
    unlisted_names: int = 0
    unlisted_found: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, span text, context)

    def recall(self, kind: str | None = None) -> float:
        g = self.gold[kind] if kind else sum(self.gold.values())
        f = self.found[kind] if kind else sum(self.found.values())
        return f / g if g else float("nan")

    @property
    def precision(self) -> float:
        return self.true_findings / self.findings if self.findings else float("nan")

    def to_dict(self) -> dict:
        return {
            "split": self.split,
            "notes": self.notes,
            "recall": round(self.recall(), 4),
            "precision": round(self.precision, 4),
            "redaction_recall": round(self.redacted / max(1, sum(self.gold.values())), 4),
            "recall_per_kind": {k: round(self.recall(k), 4) for k in sorted(self.gold)},
            "spans_per_kind": dict(sorted(self.gold.items())),
            "unlisted_name_recall": round(self.unlisted_found / max(1, self.unlisted_names), 4),
        }


def _covered(span_start: int, span_end: int, findings: Iterable[Finding], text: str) -> bool:
    chars = [i for i in range(span_start, span_end) if not text[i].isspace()]
    hit = sum(1 for i in chars if any(f.start <= i < f.end for f in findings))
    return bool(chars) and hit / len(chars) >= COVER


def measure(notes: list[Note], split: str, detector: Callable[[str], list[Finding]] = detect) -> PhiReport:
    rep = PhiReport(split, len(notes))
    for note in notes:
        found = detector(note.text)
        for s in note.spans:
            rep.gold[s.type] += 1
            same = [f for f in found if f.type == s.type]
            ok = _covered(s.start, s.end, same, note.text)
            rep.found[s.type] += ok
            rep.redacted += _covered(s.start, s.end, found, note.text)
            if s.type == "name" and s.unlisted:
                rep.unlisted_names += 1
                rep.unlisted_found += ok
            if not ok:
                ctx = note.text[max(0, s.start - 30) : s.end + 10].replace("\n", " ")
                rep.misses.append((s.type, s.text, ctx))
        for f in found:
            rep.findings += 1
            true = any(s.type == f.type and s.start < f.end and f.start < s.end for s in note.spans)
            rep.true_findings += true
            if not true:
                rep.false_by_kind[str(f.type)] += 1
    return rep


def guidance_texts() -> list[tuple[str, str]]:
    """(file name, indexed text) of each bundled guidance document, as ingestion reads it."""
    from advisor.ingest import load_document

    out = []
    for p in sorted(GUIDANCE.glob("*.md")):
        doc = load_document(p, str(p))
        out.append((p.name, "\n\n".join(b.text for b in doc.blocks)))
    return out


def guidance_false_positives(kinds: Iterable[PhiType] | None = None) -> list[tuple[str, Finding]]:
    """Findings on the bundled guidance (which holds no PHI), optionally only of `kinds`."""
    return [(name, f) for name, text in guidance_texts() for f in detect(text, kinds)]


def print_report(rep: PhiReport, out=sys.stdout) -> None:
    d = rep.to_dict()
    print(f"split={rep.split} notes={rep.notes} spans={sum(rep.gold.values())}", file=out)
    print(
        f"  overall recall {d['recall']:.3f}  precision {d['precision']:.3f}  redaction recall {d['redaction_recall']:.3f}",
        file=out,
    )
    print(
        f"  names from unlisted locales: recall {d['unlisted_name_recall']:.3f} ({rep.unlisted_names} spans)", file=out
    )
    for kind in sorted(rep.gold):
        print(
            f"  {kind:<12} recall {rep.recall(kind):.3f}  ({rep.found[kind]}/{rep.gold[kind]})  false findings {rep.false_by_kind.get(kind, 0)}",
            file=out,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description="PHI detector figures")
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--misses", type=int, default=0, help="print this many missed spans")
    args = ap.parse_args()
    rep = measure(generate(None, args.n, args.split), args.split)
    print_report(rep)
    for kind, text, ctx in rep.misses[: args.misses]:
        print(f"  MISS {kind}: {text!r}  in  ...{ctx}...")
    fps = guidance_false_positives()
    hp = [(n, f) for n, f in fps if f.type in HIGH_PRECISION]
    print(
        f"guidance: {len(hp)} high-precision findings (ssn, mrn, phone, health_plan, account); all kinds: {dict(Counter(str(f.type) for _, f in fps))}"
    )
    for name, f in hp:
        print(f"  {name}: {f.type} {f.text!r}")


if __name__ == "__main__":
    main()
