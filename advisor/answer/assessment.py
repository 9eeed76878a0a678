"""The offline assessment composer: answers about an organization's own readiness results.

Answers are computed from the organization's scorecards and cite the result chunks that
state each fact (read by name from the summary chunk, or built with the same
:mod:`advisor.assessment.prose` function that wrote the chunk, never found by searching its
prose), plus the guidance each gap maps to. One step per kind of question, tried in order;
the first that applies answers.

Answers read like a person wrote them: the organization and the date are stated once, in the
first sentence; the rest quote sentences that leave them out (or the short form of a
headline). A follow-up never repeats a sentence the conversation's earlier answers already
gave: the steps move on to the next items instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..assessment import match_use_case, trend
from ..assessment.prose import dimension_headline, rule_sentence
from ..chunk import Fact
from ..library import Library, OrgHistory, ScoredAssessment
from ..text import identifiers, sentence_spans
from .asked import Ask, tier_name
from .types import AnswerKind, Draft, Part

__all__ = ["citable", "compose_assessment"]

_TREND = re.compile(
    r"\b(improv\w*|progress\w*|chang\w*|since|compared|trend\w*|over time|last (assessment|time)|previous|"
    r"better|worse|declin\w*|moved|grown|grew)\b",
    re.I,
)
_BLOCKING = re.compile(
    r"\b(block\w*|prevent\w*|stopping|hold\w* (us|it) back|must come first|prerequisites?|barriers?)\b", re.I
)
_GAPS = re.compile(
    r"\b(gaps?|weak\w*|fix|lowest|biggest|worst|risks?|shortfalls?|priorit\w*|focus|improve|below target|work on)\b",
    re.I,
)
_GAP_WORD = re.compile(r"\bgaps?\b", re.I)
_FIX_FIRST = re.compile(
    r"\b(fix\w*|tackle|start(?:ing)? (?:with|on)|where (?:do|should) we (?:start|begin)|first steps?|next steps?|"
    r"do (?:first|next)|work on|focus on|priorit\w*|what (?:else|next)|and then)\b",
    re.I,
)
_CLOSE = re.compile(
    r"\b(close|closing|fix\w*|raise|improve|get (?:to|it)|reach|move|lift|address|improving|level up|next level)\b",
    re.I,
)
_SCORE_ASK = re.compile(r"\b(score[sd]?|scoring|rated?|rating|level|do we have|how (?:good|mature) (?:is|are))\b", re.I)
_STRENGTHS = re.compile(r"\b(strengths?|strong\w*|good at|best|doing well|excel\w*)\b", re.I)
_RANK = (
    re.compile(r"\b(weakest|lowest|worst|strongest|highest|best)\b.{0,40}\b(dimensions?|areas?|pillars?)\b", re.I),
    re.compile(r"\b(dimensions?|areas?|pillars?)\b.{0,40}\b(weakest|lowest|worst|strongest|highest|best)\b", re.I),
)
_KIND = (
    ("genai", re.compile(r"\b(generative|gen ?ai|genai|llms?|large language)\b", re.I)),
    ("predictive", re.compile(r"\bpredictive\b", re.I)),
)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def citable(history: OrgHistory) -> list[ScoredAssessment]:
    """The organization's assessments an answer can cite (those with an indexed summary), oldest first."""
    return [a for a in history.assessments if a.chunks.summary is not None]


def _named_assessment(query: str, dates: list[str]) -> int | None:
    """Which assessment a question names: a date, a month ("in March"), or first/previous/latest."""
    q = query.lower()
    for i, d in enumerate(dates):
        if d in q:
            return i
    for i, d in enumerate(dates):
        month = _MONTHS[int(d[5:7]) - 1]
        if re.search(rf"\b{month}\b", q) and (d[:4] in q or not re.search(r"\b20\d\d\b", q)):
            return i
    if len(dates) > 1:
        # "first" names an assessment ("our first assessment"), not a priority ("what should we fix first")
        first = r"\bfirst (?:assessment|one|review|round|scorecard)\b"
        if re.search(rf"{first}|\b(earliest|initial|baseline|previous|prior|earlier|last time|before)\b", q):
            return len(dates) - 2 if re.search(r"\b(previous|prior|last time|before)\b", q) else 0
        if re.search(r"\b(latest|current|most recent|newest|now|today)\b", q):
            return len(dates) - 1
    return None


def _question_ids(items: list[str]) -> list[str]:
    out = []
    for it in items:
        for m in re.finditer(r"\b[A-Z]{2,6}-\d{1,2}\b", it):
            if m.group(0) not in out:
                out.append(m.group(0))
    return out


# ------------------------------------------------------------------------------ the steps
# Each step answers one kind of question and returns True when it did.


def _trend_step(a: Ask) -> bool:
    """Trend between two assessments (the one named, or the previous, and the latest)."""
    if not a.trend_asked:
        return False
    last = len(a.assessments) - 1
    first = a.named if a.named is not None and a.named < last else last - 1
    earlier, later = a.assessments[first], a.assessments[last]
    t = trend(earlier.card, later.card, a.inst)
    before, after = earlier.chunks, later.chunks
    assert before.summary is not None and after.summary is not None  # citable() kept only these
    verb = "rose" if (t.index_delta or 0) > 0 else "fell" if (t.index_delta or 0) < 0 else "held"
    tiers = (
        f", moving from the {tier_name(a.inst, t.tier_before)} tier to the {tier_name(a.inst, t.tier_after)} tier"
        if t.tier_before != t.tier_after
        else f", staying in the {tier_name(a.inst, t.tier_after)} tier"
    )
    a.add(
        Part(
            f"{a.possessive} AI readiness index {verb} from {t.index_before:.1f}/100 on "
            f"{t.earlier_date} to {t.index_after:.1f}/100 on {t.later_date}{tiers}.",
            [before.summary, after.summary],
        )
    )
    for d in sorted((d for d in t.dimensions if d.delta), key=lambda d: -abs(d.delta or 0.0))[:3]:
        cb, ca = before.dimensions.get(d.id), after.dimensions.get(d.id)
        if cb is None or ca is None:
            continue
        word = "improved" if (d.delta or 0.0) > 0 else "declined"
        a.add(Part(f"{d.name} ({d.id}) {word} from {d.before:.1f}/5 to {d.after:.1f}/5.", [cb, ca], bullet=True))
    if t.blocking_resolved:
        names = "; ".join(f"{b.id} ({b.name})" for b in earlier.card.blocking if b.id in t.blocking_resolved)
        a.add(
            Part(
                f"Blocking rules triggered on {t.earlier_date} and no longer triggered on {t.later_date}: {names}.",
                [before.summary],
                bullet=True,
            )
        )
    if t.use_cases_now_ready:
        s = after.summary.fact(Fact.READY_USE_CASES)
        if s:
            a.add(Part(s, [after.summary], bullet=True, quotes=[s]))
    return True


def _use_case_step(a: Ask) -> bool:
    """A named use case: ready or blocked, why, and the work that must come first."""
    uc = match_use_case(a.query, a.inst)
    if uc is None:
        return False
    ucc = a.chunks.use_cases.get(uc.id)
    ready = next((u for u in a.card.use_cases if u.id == uc.id), None)
    if ucc is not None:
        for i, (s, e) in enumerate(sentence_spans(ucc.text)[:3]):
            a.add(Part(ucc.text[s:e], [ucc], bullet=i == 2, quotes=[ucc.text[s:e]]))
    if ready is not None and not ready.ready:
        a.add_actions(_question_ids([x["id"] for x in ready.unmet if x["type"] == "question"]) or a.rule_questions(), 2)
    a.add_guidance(uc.references, uc.name)
    return True


def _close_gap_step(a: Ask) -> bool:
    """ "How do we close our GOV-2 gap?": the work, the next levels up to the target, the evidence
    an assessor asks for, and the guidance the instrument links to the question."""
    qids = [i for i in identifiers(a.query) if i in a.chunks.questions and a.inst.has_question(i)]
    if not qids or not _CLOSE.search(a.query):
        return False
    for n, qid in enumerate(qids[:2]):
        a.close_gap(qid, lead=n == 0)
    return True


def _question_step(a: Ask) -> bool:
    """Specific question ids ("how did we score on DATA-3?")."""
    qids = [i for i in identifiers(a.query) if i in a.chunks.questions]
    if not qids:
        return False
    for n, qid in enumerate(qids[:3]):
        a.add_question(qid, short=n > 0, with_guidance=False)
        a.add_target(qid)
        if a.inst.has_question(qid):
            q = a.inst.question(qid)
            a.add_guidance(q.references, q.text)
    if a.parts:
        a.parts[0].bullet = False
    return True


def _topic_step(a: Ask) -> bool:
    """A question named by its topic ("what did we score on our AI inventory?") or by the
    framework section the instrument maps it to ("how do we score on GOVERN 1.6?")."""
    if not _SCORE_ASK.search(a.query):
        return False
    qids = [q for q in a.topic_questions() if q in a.chunks.questions]
    if not qids or len(qids) > 2:
        return False
    for n, qid in enumerate(qids):
        a.add_question(qid, short=n > 0, with_guidance=False)
        a.add_target(qid)
        q = a.inst.question(qid)
        a.add_guidance(q.references, q.text)
    if a.parts:
        a.parts[0].bullet = False
    return bool(a.parts)


def _blocking_step(a: Ask) -> bool:
    """The blocking rules triggered, why each holds, and the work that clears them."""
    if not _BLOCKING.search(a.query):
        return False
    dims = a.dimensions
    if dims:
        for did in dims[:2]:
            a.add_dimension_rules(did)
        return True
    a.add_fact(Fact.INDEX, bullet=False)
    a.add_fact(Fact.CAPPED, bullet=False)
    if not a.add_fact(Fact.BLOCKING, bullet=False):
        a.add(Part(f"No blocking rules are triggered for {a.name} as of {a.card.date}.", [a.summary]))
    for b in a.card.blocking:
        s = rule_sentence(b, a.inst, a.card)
        a.quote(a.summary, s, bullet=True)
    a.add_actions(a.rule_questions(), 2)
    return True


def _fix_first_step(a: Ask) -> bool:
    """ "What should we fix first?": the blocking rules, then the work on the weakest gating
    questions in priority order (the dashboard's gap order), each cited, and the guidance."""
    if not _FIX_FIRST.search(a.query) or _GAP_WORD.search(a.query):
        return False
    dims = a.dimensions
    if dims:
        a.add_dimension_lead(dims[0])
        qids = [g.question_id for g in a.card.gaps if g.dimension in dims]
        if not a.add_actions(qids, 3):
            a.add_dimension_sentences(dims[0], bullet=True)
        a.add_dimension_rules(dims[0], lead=False)
        return True
    a.add_fact(Fact.INDEX, bullet=False)
    kind = next((k for k, pat in _KIND if pat.search(a.query)), None)
    if kind is None:
        a.add_fact(Fact.BLOCKING, bullet=False)
        qids = a.rule_questions() + [g.question_id for g in a.card.gaps]
    else:  # "... to be ready for generative AI": the rules and gates of that kind of use case
        rules = [b for b in a.card.blocking if "all" in b.blocks or kind in b.blocks]
        for b in rules:
            a.quote(a.summary, rule_sentence(b, a.inst, a.card), bullet=True)
        if not rules:
            a.add_fact(Fact.READY_USE_CASES, bullet=True)
            a.add_fact(Fact.BLOCKED_USE_CASES, bullet=True)
        gating = [x["id"] for u in a.card.use_cases if u.kind == kind for x in u.unmet if x["type"] == "question"]
        qids = a.rule_questions(kind) + a.by_priority(gating)
    added = a.add_actions(qids, 3)
    if added:
        q = a.inst.question(added[0])
        a.add_guidance(q.references, q.text)
    return True


def _ranking_step(a: Ask) -> bool:
    """Which dimension is weakest or strongest."""
    rank = _RANK[0].search(a.query) or _RANK[1].search(a.query)
    if not rank:
        return False
    word = (rank.group(1) + rank.group(2)).lower()
    scored = sorted((d for d in a.card.dimensions if d.score is not None), key=lambda d: d.score or 0.0)
    if re.search(r"strongest|highest|best", word):
        scored = scored[::-1]
    for d in scored[:2]:
        if not a.parts:
            a.add_dimension_lead(d.id)
        else:
            dc = a.chunks.dimensions.get(d.id)
            if dc is not None:
                full = dimension_headline(d.name, d.id, d.score, d.answered, d.total, a.name, a.card.date)
                short = dimension_headline(d.name, d.id, d.score, d.answered, d.total)
                a.add(Part(short, [dc], bullet=True, quotes=[full] if full in dc.text else []))
    a.add_fact(Fact.DIMENSION_SCORES, bullet=True)
    return bool(a.parts)


def _strengths_step(a: Ask) -> bool:
    """Strengths, overall or within the dimensions named."""
    if not _STRENGTHS.search(a.query) or _GAPS.search(a.query):
        return False
    a.add_fact(Fact.INDEX, bullet=False)
    dims = a.dimensions
    for x in [x for x in a.card.strengths if not dims or x.dimension in dims][:4]:
        a.add_question(x.question_id, with_guidance=False, short=True)
    return True


def _dimension_step(a: Ask) -> bool:
    """A dimension ("how is our data readiness?", "our biggest data gaps")."""
    for n, did in enumerate(a.dimensions[:2]):
        if n == 0:
            a.add_dimension_lead(did)
        a.add_dimension_sentences(did, bullet=True)
        for g in [g for g in a.card.gaps if g.dimension == did][:3]:
            a.add_question(g.question_id, short=True)
    return bool(a.parts)


def _gaps_step(a: Ask) -> bool:
    """Gaps and priorities."""
    if not _GAPS.search(a.query):
        return False
    a.add_fact(Fact.INDEX, bullet=False)
    a.add_fact(Fact.TOP_GAPS, bullet=False)
    fresh = [g.question_id for g in a.card.gaps if a.question_fresh(g.question_id)]
    for qid in fresh[:3]:
        a.add_question(qid, short=True)
    return True


def _overall_step(a: Ask) -> bool:
    """Overall readiness: index and tier, dimensions, blocking rules, ready use cases, top gaps."""
    for fact in (Fact.INDEX, Fact.DIMENSION_SCORES, Fact.BLOCKING, Fact.READY_USE_CASES):
        a.add_fact(fact, bullet=bool(a.parts))
    for g in a.card.gaps[:2]:
        a.add_question(g.question_id, with_guidance=False, short=True)
    return True


_STEPS: tuple[Callable[[Ask], bool], ...] = (
    _trend_step,
    _use_case_step,
    _close_gap_step,
    _question_step,
    _topic_step,
    _blocking_step,
    _fix_first_step,
    _ranking_step,
    _strengths_step,
    _dimension_step,
    _gaps_step,
    _overall_step,
)


def compose_assessment(query: str, history: OrgHistory, library: Library, said: list[str] | None = None) -> Draft:
    """An answer about the organization's own assessment, computed and cited.

    `history` must hold at least one citable assessment (see `citable`). `said` are the
    conversation's earlier answers: no sentence of theirs is repeated.
    """
    assessments = citable(history)
    a = Ask.build(query, assessments, library, said or [], _named_assessment, _TREND)
    for step in _STEPS:
        if step(a):
            break
    if not a.parts and a.said:  # everything this step knows was said already: widen to the overview
        _overall_step(a)
    if not a.parts:  # still nothing new: answer again rather than not at all
        a.said = ""
        for step in _STEPS:
            if step(a):
                break
    return Draft(a.parts, AnswerKind.ASSESSMENT, 1.0)
