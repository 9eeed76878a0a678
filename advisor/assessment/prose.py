"""Sentences about one scorecard in plain words, shared by the result chunks and the chat composer.

The result chunks (:mod:`.narrative`) are built from these sentences, and the chat composer
builds the same sentence from the same records to cite it: a sentence is found in its chunk
by construction, never by searching the prose for a phrase. Wording rules: scores read as
"averages 1.5 of 5" or "is at level 2", thresholds as "level 3 is needed", and what must come
first is the work to do (the question's `action`), not a rule id.
"""

from __future__ import annotations

from .instrument import Check, CheckKind, Instrument, Question, UseCase
from .phrasing import fmt1, mid, num, question_key, sentence
from .rules import BlockingIssue
from .scoring import Scorecard

__all__ = [
    "action_phrase",
    "action_sentence",
    "and_join",
    "dimension_headline",
    "dimension_results",
    "dimension_rules",
    "evidence_sentence",
    "first_actions",
    "level_sentence",
    "levels_to_close",
    "no_rule_sentence",
    "question_headline",
    "rule_sentence",
    "target_sentence",
]


def and_join(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# ------------------------------------------------------------------ headlines
# A chunk's first sentence names the organization and the date; an answer that has already
# said both quotes the same sentence in its short form (the same words, without them).


def question_headline(qid: str, dimension_name: str, score: int, evidence: str, name: str = "", when: str = "") -> str:
    """ "GOV-2 (Governance & risk) scored 1/5 on <when> for <name>: <evidence>" (short form without when/name)."""
    head = f"{qid} ({dimension_name}) scored {score}/5"
    if when and name:
        head += f" on {when} for {name}"
    return f"{head}: {sentence(evidence)}" if evidence else f"{head}."


def dimension_headline(
    name_: str, did: str, score: float | None, answered: int, total: int, org: str = "", when: str = ""
) -> str:
    """ "Data readiness (DATA) scored 4.4/5 for <org> in the <when> readiness assessment, with 7 of 7 questions answered." """
    where = f" for {org} in the {when} readiness assessment," if org and when else ","
    return f"{name_} ({did}) scored {fmt1(score)}/5{where} with {answered} of {total} questions answered."


# ------------------------------------------------------------------ blocking rules


def _failing(chk: Check, inst: Instrument, card: Scorecard) -> list[str]:
    """The clauses of one check that fail: "Governance & risk averages 1.5 of 5", "GOV-2 is at level 1"."""
    out: list[str] = []
    if chk.kind in (CheckKind.DIMENSION, CheckKind.ALL_DIMENSIONS):
        ids = [chk.target] if chk.kind == CheckKind.DIMENSION else [d.id for d in inst.dimensions]
        for did in ids:
            d = card.dimension(did)
            if d.score is None:
                out.append(f"{d.name} is unscored")
            elif d.score < chk.min:
                out.append(f"{d.name} averages {fmt1(d.score)} of 5")
        return out
    qs = [inst.question(chk.target)] if chk.kind == CheckKind.QUESTION else inst.questions_with_tag(chk.target)
    for q in qs:
        s = card.question_scores.get(q.id)
        if s is None:
            out.append(f"{q.id} ({q.title}) is unanswered")
        elif s < chk.min:
            out.append(f"{q.id} ({q.title}) is at level {s}")
    return out


def rule_sentence(b: BlockingIssue, inst: Instrument, card: Scorecard) -> str:
    """Why a triggered rule holds, in words: "Blocking rule B1 (Governance before scale):
    Governance & risk averages 1.5 of 5; level 3 is needed." """
    groups = [(chk.min, _failing(chk, inst, card)) for chk in inst.rule(b.id).checks]
    groups = [(m, c) for m, c in groups if c]
    if not groups:  # a rule triggered by a check this wording does not know: say which
        return f"Blocking rule {b.id} ({b.name}) is triggered."
    if len({m for m, _ in groups}) == 1:
        body = f"{and_join([c for _, cs in groups for c in cs])}; level {num(groups[0][0])} is needed"
    else:
        body = "; ".join(f"{and_join(cs)} (level {num(m)} is needed)" for m, cs in groups)
    return f"Blocking rule {b.id} ({b.name}): {body}."


def dimension_rules(inst: Instrument, card: Scorecard, did: str) -> list[BlockingIssue]:
    """The triggered blocking rules a dimension holds open: through its average or one of its questions."""
    out = []
    value = card.dimension(did).score
    for b in card.blocking:
        by_average = any(
            (c.kind == CheckKind.DIMENSION and c.target == did) or c.kind == CheckKind.ALL_DIMENSIONS
            for c in inst.rule(b.id).checks
            if value is None or value < c.min
        )
        if by_average or any(inst.question(q).dimension == did for q in b.questions):
            out.append(b)
    return out


def dimension_results(inst: Instrument, card: Scorecard, did: str) -> list[str]:
    """A dimension's strongest and weakest answered question, and those below target."""
    d = card.dimension(did)
    answered = [(q, card.question_scores[q.id]) for q in inst.dimension(did).questions if q.id in card.question_scores]
    if not answered:
        return []
    parts = []
    hi = max(answered, key=lambda x: (x[1], -question_key(x[0].id)[1]))
    lo = min(answered, key=lambda x: (x[1], question_key(x[0].id)[1]))
    if hi[1] != lo[1]:
        parts.append(
            f"The strongest {d.name} result was {hi[0].id} ({hi[0].title}) at "
            f"{hi[1]}/5, and the weakest was {lo[0].id} ({lo[0].title}) at {lo[1]}/5."
        )
    below = [(q, s) for q, s in answered if s < q.target]
    if below:
        parts.append(
            f"{d.name} questions below target: "
            + "; ".join(f"{q.id} ({q.title}) at {s}/5 against a target of {q.target}" for q, s in below)
            + "."
        )
    else:
        parts.append(f"Every answered {d.name} question meets its target.")
    return parts


def no_rule_sentence(dimension_name: str) -> str:
    return f"No triggered blocking rule involves {dimension_name}."


# ------------------------------------------------------------------ questions


def action_phrase(q: Question, need: int | None = None) -> str:
    """The work that closes a gap on a question, mid-sentence ("build and maintain an AI system inventory")."""
    if q.action:
        return mid(q.action.strip().rstrip("."))
    return f"raise {q.id} ({q.title}) to level {need or q.target}"


def _rule_needs(q: Question, inst: Instrument, card: Scorecard) -> list[tuple[str, int]]:
    """(rule id, level) for each triggered rule that checks this question directly."""
    out = []
    for b in card.blocking:
        for chk in inst.rule(b.id).checks:
            direct = (chk.kind == CheckKind.QUESTION and chk.target == q.id) or (
                chk.kind == CheckKind.TAG and chk.target in q.tags
            )
            if direct:
                out.append((b.id, int(chk.min)))
                break
    return out


def action_sentence(q: Question, score: int | None, inst: Instrument, card: Scorecard) -> str:
    """What to do about a question, action first: "Build and maintain an AI system inventory:
    GOV-2 is at level 1 of 5; blocking rule B2 needs level 3, and the target is 4." """
    act = action_phrase(q)
    head = f"{act[0].upper()}{act[1:]}: "
    now = f"{q.id} is unanswered" if score is None else f"{q.id} is at level {score} of 5"
    needs = _rule_needs(q, inst, card)
    if needs:
        levels = sorted({lvl for _, lvl in needs})
        rules = [r for r, _ in needs]
        word = "rule" if len(rules) == 1 else "rules"
        verb = "needs" if len(rules) == 1 else "need"
        lvl = " or ".join(str(x) for x in levels)
        if levels == [q.target]:
            return f"{head}{now}; level {lvl} meets the target and clears blocking {word} {and_join(rules)}."
        return f"{head}{now}; blocking {word} {and_join(rules)} {verb} level {lvl}, and the target is {q.target}."
    return f"{head}{now}, and the target is {q.target}."


def target_sentence(q: Question, score: int) -> str:
    """Where a score stands against the question's target."""
    if score < q.target:
        gap = q.target - score
        return f"The target for scaling AI on {q.id} is {q.target}/5, {gap} point{'s' if gap != 1 else ''} above today."
    if score == q.target:
        return f"The target for scaling AI on {q.id} is {q.target}/5, which is met."
    return f"The target for scaling AI on {q.id} is {q.target}/5, which is exceeded by {score - q.target}."


def levels_to_close(q: Question, score: int | None) -> list[int]:
    """The levels between today's score and the target: the next one first, the target last."""
    start = 1 if score is None else score + 1
    return list(range(start, max(q.target, start) + 1)) if start <= 5 else []


def level_sentence(q: Question, level: int, score: int | None, needed_by: list[str] | None = None) -> str:
    """ "Level 3 of GOV-2, the next level, which blocking rule B2 needs, means: A maintained inventory ..." """
    names = []
    if score is not None and level == score + 1:
        names.append("the next level")
    if level == q.target:
        names.append("the target")
    tag = f", {and_join(names)}" if names else ""
    if needed_by:
        one = len(needed_by) == 1
        tag += f", which blocking {'rule' if one else 'rules'} {and_join(needed_by)} {'needs' if one else 'need'}"
    return f"Level {level} of {q.id}{tag + ',' if tag else ''} means: {sentence(q.level(level))}"


def evidence_sentence(q: Question) -> str:
    """What an assessor asks to see for the question."""
    return f"Evidence to show for {q.id}: {sentence(q.evidence_prompt)}"


def rule_levels(q: Question, inst: Instrument, card: Scorecard) -> dict[int, list[str]]:
    """Level -> rules that need it, for the rules that check this question directly."""
    out: dict[int, list[str]] = {}
    for rid, lvl in _rule_needs(q, inst, card):
        out.setdefault(lvl, []).append(rid)
    return out


# ------------------------------------------------------------------ use cases


def first_actions(u: UseCase, unmet: list[dict], inst: Instrument, card: Scorecard) -> list[str]:
    """What must come first for a blocked use case, as work to do, most urgent first: the
    questions its blocking rules and gates hold open (by gap priority), then the dimensions."""
    priority = {g.question_id: i for i, g in enumerate(card.gaps)}
    qids: list[str] = []
    for x in unmet:
        if x["type"] == "rule":
            qids += [q for q in _rule_questions(x["id"], inst, card) if q not in qids]
        elif x["type"] == "question" and x["id"] not in qids:
            qids.append(x["id"])
    qids.sort(key=lambda q: (priority.get(q, len(priority)), question_key(q)))
    out = []
    for qid in qids:
        q = inst.question(qid)
        if card.question_scores.get(qid) is None:
            out.append(f"assess {qid} ({q.title})")
        else:
            out.append(f"{action_phrase(q)} ({qid})")
    for x in unmet:
        if x["type"] == "dimension":
            out.append(f"lift {x['title']} to an average of {num(x['required'])} of 5")
    return out


def _rule_questions(rid: str, inst: Instrument, card: Scorecard) -> list[str]:
    return next((list(b.questions) for b in card.blocking if b.id == rid), [])


def use_case_kind_words(kind: str) -> str:
    return "generative AI" if kind == "genai" else "predictive"
