"""The readiness gates of an organization's assessment that a vendor model touches.

From the card: what kind of AI it is (generative or predictive) and which instrument use
cases it matches (corpus/frameworks/card-gates.yaml). From the organization's latest scored
assessment (`Library.history`): the matched use cases' gating questions and dimensions, the
triggered blocking rules that block that kind, and the questions every vendor model of that
kind depends on ("GOV-5 Post-deployment monitoring process scored 2/5 (needs 3):
post-deployment monitoring must come first.").
"""

from __future__ import annotations

from typing import Any

from ..assessment import BLOCKS_ALL, Instrument, Scorecard, UseCase, load_instrument
from ..library import Library
from .data import Gates
from .records import Card, Gate, GateKind, Readiness

# the card fields that say what the model does and how
_DESCRIBING = (
    "IntendedUseAndWorkflow",
    "Summary",
    "Keywords",
    "ModelType",
    "FoundationModels",
    "OutcomesAndOutputs",
    "HowToUse",
    "InputDataSource",
    "OutputAndInputDataTypes",
)


def describing_text(card: Card) -> str:
    return "\n".join(card.value(f) for f in _DESCRIBING)


def card_kind(card: Card, gates: Gates) -> str:
    """ "genai" or "predictive", by which kind's words the card uses more (predictive on a tie)."""
    text = describing_text(card)
    hits = {k: sum(len(p.findall(text)) for p in pats) for k, pats in gates.kinds.items()}
    return "genai" if hits.get("genai", 0) > hits.get("predictive", 0) else "predictive"


def matched_use_cases(card: Card, gates: Gates, instrument: Instrument) -> list[UseCase]:
    """Instrument use cases whose words the card uses, most hits first."""
    text = describing_text(card)
    scored = []
    for u in instrument.use_cases:
        hits = sum(len(p.findall(text)) for p in gates.use_cases.get(u.id, ()))
        if hits:
            scored.append((hits, u))
    return [u for _, u in sorted(scored, key=lambda x: -x[0])]


def _score_text(qid: str, title: str, score: int | None, need: float) -> str:
    need_s = f"{need:g}"
    if score is None:
        return f"{qid} {title} is unanswered (needs {need_s})"
    return f"{qid} {title} scored {score}/5 (needs {need_s})"


def _question_gate(
    kind: GateKind, qid: str, inst: Instrument, sc: Scorecard, need: float, first: str, via: str
) -> Gate:
    q = inst.question(qid)
    score = sc.question_scores.get(qid)
    met = score is not None and score >= need
    head = _score_text(qid, q.title, score, need)
    text = f"{head}: met." if met else f"{head}: {first}."
    return Gate(kind, qid, q.title, met, text, via, score, need)


def _use_case_gates(u: UseCase, inst: Instrument, sc: Scorecard, firsts: dict[str, str]) -> list[Gate]:
    out = []
    for qid, need in u.questions.items():
        action = inst.question(qid).action
        first = firsts.get(qid) or (
            f"{action[:1].lower() + action[1:]} must come first" if action else "raise it first"
        )
        out.append(_question_gate(GateKind.USE_CASE, qid, inst, sc, need, first, u.name))
    for did, floor in u.dimensions.items():
        dim = next((d for d in sc.dimensions if d.id == did), None)
        value = dim.score if dim is not None else None
        met = value is not None and value >= floor
        name = inst.dimension(did).name
        shown = "is unscored" if value is None else f"scored {value:.2f}"
        text = f"The {name} dimension ({did}) {shown} (needs {floor:g})" + (": met." if met else ": raise it first.")
        out.append(Gate(GateKind.USE_CASE, did, name, met, text, u.name, None, floor))
    return out


def _rule_gates(sc: Scorecard, kind: str) -> list[Gate]:
    out = []
    for b in sc.blocking:
        if BLOCKS_ALL in b.blocks or kind in b.blocks:
            text = f"Blocking rule {b.id} ({b.name}) is triggered: {'; '.join(b.failed)}; clear it first."
            out.append(Gate(GateKind.RULE, b.id, b.name, False, text, b.id))
    return out


def gates_for(card: Card, sc: Scorecard, gates: Gates, inst: Instrument) -> tuple[str, list[UseCase], list[Gate]]:
    kind = card_kind(card, gates)
    cases = matched_use_cases(card, gates, inst)
    text = describing_text(card)
    firsts = {r.question: r.first for r in gates.rules}
    found: list[Gate] = _rule_gates(sc, kind)
    for u in cases:
        found += _use_case_gates(u, inst, sc, firsts)
    for r in gates.rules:
        if kind not in r.kinds or (r.when is not None and not r.when.search(text)) or not inst.has_question(r.question):
            continue
        found.append(_question_gate(GateKind.VENDOR, r.question, inst, sc, r.min, r.first, "any vendor model"))
    seen: set[str] = set()
    unique = []
    for g in found:
        if g.id not in seen:
            seen.add(g.id)
            unique.append(g)
    # what must come first leads: rules, then unmet questions by shortfall, then what is met
    unique.sort(key=lambda g: (g.met, g.kind is not GateKind.RULE, -((g.required or 0) - (g.score or 0))))
    return kind, cases, unique


def readiness(card: Card, org: str, library: Library, gates: Gates, instrument: Instrument | None = None) -> Readiness:
    """The organization's readiness gates for this card's use case, from its latest assessment."""
    inst = instrument or load_instrument()
    hist = library.history(org, inst)
    latest: Any = hist.latest
    if latest is None:
        problems = "; ".join(m for _, m in hist.errors)
        note = f"No scored assessment for organization {org!r} in the index" + (f" ({problems})" if problems else "")
        return Readiness(org, hist.name or org, "", [], card_kind(card, gates), [], note + ".")
    sc: Scorecard = latest.card
    kind, cases, found = gates_for(card, sc, gates, inst)
    return Readiness(org, sc.org_name or org, sc.date, [u.name for u in cases], kind, found)
