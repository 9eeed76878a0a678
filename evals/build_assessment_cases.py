"""Generate the assessment eval cases from the bundled sample organizations' results.

The truths (readiness index, tier, weakest dimension, top gaps, blocking rules, use-case
readiness, trend) are computed with ``advisor.assessment`` — never typed by hand — so they
follow the scoring rules if the instrument or a results file changes.

    .venv/bin/python evals/build_assessment_cases.py           # rewrite the asmt-* cases in dev/test
    .venv/bin/python evals/build_assessment_cases.py --check   # exit 1 if the committed cases are stale

Only lines whose id starts with ``asmt-`` are replaced; hand-written cases are kept in place.
About 40% of the generated cases go to dev.jsonl, the rest to test.jsonl (fixed by position).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advisor import assessment as A  # noqa: E402

EVALS = ROOT / "evals"
PREFIX = "asmt-"


def _num(x: float, places: int) -> list[str]:
    """Ways an answer may write a computed score: 1.53 also as 1.5/5; an index 44.9 as is."""
    if places == 1:
        return [f"{x:.1f}"]
    return [f"{x:.2f}", f"{x:.1f}/5", f"{x:.1f} out of 5"]


def _case(cid: str, question: str, org: str, src: str, keypoints: list[list[str]], tags: list[str], **kw) -> dict:
    d = {
        "id": PREFIX + cid,
        "question": question,
        "org": org,
        "answerable": True,
        "history": [],
        "expected_sources": [src],
        "keypoints": keypoints,
        "forbidden": [],
        "tags": ["assessment", *tags],
    }
    d.update(kw)
    return d


def build() -> list[dict]:
    inst = A.load_instrument()
    tier_names = {t.id: t.name for t in inst.tiers}
    scored = A.load_all()
    by_org: dict[str, list] = {}
    for results, card in scored:
        by_org.setdefault(card.org, []).append((results, card))
    cases: list[dict] = []
    for _org, items in sorted(by_org.items()):
        multi = len(items) > 1
        for _results, card in items:
            cases += _card_cases(card, tier_names, multi, latest=card is items[-1][1])
        if multi:
            cases += _trend_cases(A.trend(items[0][1], items[-1][1], inst), items[0][1], items[-1][1], tier_names)
    cases += _followup_cases([card for _, card in scored])
    return cases


def _card_cases(card, tier_names: dict[str, str], multi: bool, latest: bool) -> list[dict]:
    """Cases about one scorecard: index, weakest/strongest dimension, gaps, rules, a use case, questions."""
    org, src = card.org, Path(card.source).stem
    short = org.split("-")[0]
    tag = f"{short}-{card.date}" if multi else short
    when = f" in the {card.date} assessment" if multi else ""
    whose = card.org_name
    dims = [d for d in card.dimensions if d.score is not None]
    weakest = min(dims, key=lambda d: (d.score, d.id))
    strongest = max(dims, key=lambda d: (d.score, d.id))
    cases = [
        _case(
            f"{tag}-index",
            f"What is our overall AI readiness index and tier{when}?",
            org,
            src,
            [_num(card.index, 1), [tier_names[card.tier]]],
            ["index"],
        ),
        _case(
            f"{tag}-weakest",
            f"Which readiness dimension is weakest for {whose}{when}, and how low is it?",
            org,
            src,
            [[weakest.name, weakest.id], _num(weakest.score, 2)],
            ["dimension"],
        ),
    ]
    if not multi or latest:
        cases.append(
            _case(
                f"{tag}-strongest",
                "Where are we strongest across the readiness dimensions?",
                org,
                src,
                [[strongest.name, strongest.id]],
                ["dimension"],
            )
        )
    top = [g.question_id for g in card.gaps[:3]]
    cases.append(
        _case(
            f"{tag}-gaps",
            f"What are the top three gaps we should close first{when}?",
            org,
            src,
            [[q] for q in top],
            ["gaps"],
        )
    )
    if card.blocking_ids:
        cases.append(
            _case(
                f"{tag}-blocking",
                f"Which blocking rules are holding {whose} back{when}?",
                org,
                src,
                [[b] for b in card.blocking_ids],
                ["blocking"],
            )
        )
    cases.append(_ambient_case(card, tag, when, src))
    cases += _question_cases(card, tag, when, src)
    return cases


def _ambient_case(card, tag: str, when: str, src: str) -> dict:
    uc = card.use_case("ambient-documentation")
    if uc.ready:
        kps = [["ready"]]
        extra = {"forbidden": []}
    else:
        first_rule = next((b for b in card.blocking_ids if any(b in f for f in uc.first)), None)
        kps = [["blocked", "not ready", "not yet ready"]]
        if first_rule:
            kps.append([first_rule])
        extra = {}
    return _case(
        f"{tag}-ambient",
        f"Are we ready to roll out ambient clinical documentation{when}?",
        card.org,
        src,
        kps,
        ["use-case"],
        **extra,
    )


def _question_cases(card, tag: str, when: str, src: str) -> list[dict]:
    """The DATA dimension score, GOV-2 (the AI inventory) and every unanswered question."""
    org, whose = card.org, card.org_name
    data = card.dimension("DATA")
    cases = [
        _case(
            f"{tag}-data", f"How did we score on data readiness{when}?", org, src, [_num(data.score, 2)], ["dimension"]
        )
    ]
    g2 = card.question_scores.get("GOV-2")
    if g2 is not None:
        cases.append(
            _case(
                f"{tag}-gov2",
                f"Do we have an AI inventory? What did we score on that question{when}?",
                org,
                src,
                [["GOV-2", "inventory"], [f"{g2}/5", f"scored {g2}", f"score of {g2}"]],
                ["question"],
            )
        )
    for qid in card.missing:
        cases.append(
            _case(
                f"{tag}-{qid.lower()}-missing",
                f"What did {whose} score on {qid}?",
                org,
                src,
                [["not answered", "unanswered", "not assessed", "no score"]],
                ["question", "missing"],
            )
        )
    return cases


def _trend_cases(tr, earlier, later, tier_names: dict[str, str]) -> list[dict]:
    """Cases about the change between an organization's first and latest assessment."""
    org, src = later.org, Path(later.source).stem
    short = org.split("-")[0]
    both = [Path(earlier.source).stem, src]
    return [
        _case(
            f"{short}-trend-index",
            f"How much has our readiness index changed between {tr.earlier_date} and {tr.later_date}?",
            org,
            src,
            [_num(tr.index_before, 1), _num(tr.index_after, 1)],
            ["trend"],
            expected_sources=both,
        ),
        _case(
            f"{short}-trend-tier",
            "Did our readiness tier change since the first assessment?",
            org,
            src,
            [[tier_names[tr.tier_before]], [tier_names[tr.tier_after]]],
            ["trend"],
            expected_sources=both,
        ),
        _case(
            f"{short}-trend-rules",
            "Which blocking rules are still in the way after our second assessment?",
            org,
            src,
            [[b] for b in tr.blocking_persisting],
            ["trend", "blocking"],
        ),
    ]


def _followup_cases(cards: list) -> list[dict]:
    """Multi-turn follow-ups that switch from guidance to the organization's own results."""
    nb = next(c for c in cards if c.org == "northbridge-academic")
    pb = next(c for c in cards if c.org == "prairie-bend-cah")
    weakest = min((d for d in pb.dimensions if d.score is not None), key=lambda d: (d.score, d.id))
    return [
        _case(
            "northbridge-followup-inventory",
            "And how do we score on that?",
            nb.org,
            Path(nb.source).stem,
            [["GOV-2"], [f"{nb.question_scores['GOV-2']}/5", f"scored {nb.question_scores['GOV-2']}"]],
            ["multi-turn", "question"],
            history=[
                {"role": "user", "content": "What does GOVERN 1.6 ask for?"},
                {
                    "role": "assistant",
                    "content": "GOVERN 1.6 asks for mechanisms to inventory AI systems, resourced according to risk priorities [1].",
                },
            ],
        ),
        _case(
            "prairie-followup-foundations",
            "And for us?",
            pb.org,
            Path(pb.source).stem,
            [[weakest.name, weakest.id]],
            ["multi-turn", "dimension"],
            history=[
                {"role": "user", "content": "Which readiness foundations matter most before scaling AI?"},
                {
                    "role": "assistant",
                    "content": "Data readiness, infrastructure, governance, leadership alignment, workforce and measurable ROI [1].",
                },
            ],
        ),
    ]


def split_of(i: int) -> str:
    return "dev" if i % 5 in (0, 2) else "test"


def merged(generated: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in ("dev", "test"):
        path = EVALS / f"{name}.jsonl"
        kept = []
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not json.loads(line)["id"].startswith(PREFIX):
                    kept.append(line)
        mine = [json.dumps(c, ensure_ascii=False) for i, c in enumerate(generated) if split_of(i) == name]
        out[name] = kept + mine
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when dev/test hold stale assessment cases")
    args = ap.parse_args(argv)
    generated = build()
    files = merged(generated)
    stale = []
    for name, lines in files.items():
        path = EVALS / f"{name}.jsonl"
        text = "\n".join(lines) + "\n"
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            stale.append(path)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    if args.check:
        for p in stale:
            print(f"{p}: assessment cases are stale; run evals/build_assessment_cases.py", file=sys.stderr)
        return 1 if stale else 0
    print(f"{len(generated)} assessment cases; updated: {', '.join(p.name for p in stale) or 'nothing'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
