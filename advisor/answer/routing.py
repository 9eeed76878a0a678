"""Which path answers a question: refused (scope), the organization's assessment, or guidance."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..assessment import load_instrument
from ..chunk import DocType
from ..conversation import names_framework, refers_to_self
from ..errors import AssessmentError
from ..guard import ScopeDecision, ScopeGuard
from ..retrieve import Hit
from ..safety import phi
from ..text import identifiers
from .frameworks import names_a_framework
from .render import ABSTAIN_MESSAGE

__all__ = [
    "AnswerPath",
    "Route",
    "about_results",
    "asks_about_levels",
    "closest_topics",
    "declined",
    "evidence_scope",
    "is_assessment_question",
    "own_level",
    "route",
    "unresolved_reference",
]


class AnswerPath(StrEnum):
    """The path a question takes."""

    REFUSE = "refuse"  # out of scope by rule
    ASSESSMENT = "assessment"  # about the selected organization's own results
    NEEDS_ORG = "needs_org"  # about "our" results, but no organization is selected
    GUIDANCE = "guidance"  # answered from guidance (and the user's documents)


@dataclass(frozen=True)
class Route:
    path: AnswerPath
    reason: str = ""  # why a question is refused


_ASSESS_WORDS = re.compile(
    r"\b(score[sd]?|scoring|assessment|readiness|ready|tier|index|gaps?|blocking|blocked|mature|maturity|"
    # "improve its models" is a vendor improving its product, not our readiness
    r"weak\w*|strengths?|improv\w*(?!\s+(?:its|their|his|her)\b)|progress|fix\w*|tackle|work on|priorit\w*|"
    r"first steps?|next steps?)\b",
    re.I,
)

_RESULT_WORDS = re.compile(
    r"\b(?:scored?|scores|assessment|readiness index|tier|blocking|blocked|blockers?|gaps?|weakest|strongest|"
    r"trend|improv\w* since|progress since)\b",
    re.I,
)


#: The kinds of documents an organization keeps of its own (not its readiness assessment or report).
_OWN_DOCUMENT = (
    r"(?:register|registry|questionnaire|contract|agreement|addendum|minutes|polic(?:y|ies)|bylaws|charter|inventory|"
    r"log|plan|procedures?|rules|standards?|deck|slides|memo|letter|sla|baa)"
)
#: "according to the guide", "what does the policy suggest", "the Playbook's guidance on": the
#: question asks what a document says, even when it says "we" and "prioritize".
_ASKS_A_SOURCE = re.compile(
    r"\b(?:according to|as per|per) (?:the|this|that) \w"
    r"|\b(?:does|do|did) (?:the|this|that) (?:[\w’'-]+ ){1,4}?(?:say|suggest|recommend|require|expect|advise|propose)\b"
    r"|\bthe (?:[\w’'-]+ ){0,3}?[\w-]+['’]s (?:guidance|advice|recommendations?|suggestions?|suggested actions|view)\b"
    # "Can ScribeWell use our recordings ...?", "Does Lumora keep our data?": what a named vendor
    # or product does, which its documents say, not the organization's own results
    # ("Which approach must Quillon use before it may reuse our data?": what the vendor must do)
    r"|(?:^\s*|\b)(?:can|could|does|do|did|will|would|may|must|shall|is|has)\s+"
    r"(?-i:(?!(?:We|I|Our|The|This|That|It|AI)\b)[A-Z][\w-]*[a-z][\w-]*)\b"
    # "In our AI risk register, what score ...", "... than our records rules require": a document
    # of the organization's own, which the user added, not its readiness results
    r"|\b(?:in|under|from|per)\s+our\s+(?:[\w-]+\s+){0,3}?" + _OWN_DOCUMENT + r"\b"
    r"|\bour\s+(?:[\w-]+\s+){0,3}?"
    + _OWN_DOCUMENT
    + r"\s+(?:says?|requires?|states?|allows?|permits?|lists?|shows?)\b",
    re.I,
)


#: An assessment of something else: "Is an impact assessment a one-off, or should we repeat
#: it?" asks about a practice, not about the organization's readiness results.
_OTHER_ASSESSMENT = re.compile(
    r"\b(?:impact|risk|privacy|security|conformity|bias|fairness|equity|algorithmic|vendor|needs|threat|"
    r"vulnerability|technology|data protection|safety|clinical)[ -]assessments?\b",
    re.I,
)


#: A clinical score a product computes ("the kidney-injury score", "a sepsis risk score",
#: "the Harrowgate early warning score"): not a readiness score.
_CLINICAL_SCORE = re.compile(
    r"\b(?:warning|severity|acuity|deterioration|sepsis|fall|frailty|triage|prediction|predictive|readmission|"
    r"mortality|delirium|stroke|pain|injury|distress|alert)(?:[\s-]+risk)?\s+scores?\b",
    re.I,
)


#: Scoring by someone else's rules: a surveyor's, an auditor's, an accreditation standard's ("If a
#: surveyor scores one of the EPs as partial compliance", "Will the chapter be scored on that
#: survey?", "How would that element of performance be scored?"): not the organization's readiness.
_THIRD_PARTY_SCORING = re.compile(
    r"\b(?:surveyors?|auditors?|assessors?|inspectors?|accreditors?|examiners?)\b[^.?!]{0,40}?\bscor\w*"
    r"|\bscor(?:e[sd]?|ing)\b[^.?!]{0,40}?\b(?:surveys?|surveyors?|audits?|auditors?|inspections?|inspectors?|"
    r"accreditation|accreditors?|elements? of performance)\b"
    r"|\b(?:elements? of performance|EPs?|standards?|requirements?|criteri(?:on|a)|findings?|chapters?)\s+"
    r"(?:will\s+|would\s+|is\s+|are\s+)?(?:be|is|are|was|were|get|gets)\s+scored\b"
    r"|\b(?:full|partial)\s+scoring\b",
    re.I,
)


def _without_other_scores(query: str) -> str:
    return _THIRD_PARTY_SCORING.sub(" ", _CLINICAL_SCORE.sub(" ", _OTHER_ASSESSMENT.sub(" ", query)))


def is_assessment_question(query: str) -> bool:
    return bool(_ASSESS_WORDS.search(_without_other_scores(query)))


def about_results(query: str) -> bool:
    """With an organization selected, a question without "we/our" is about its results only when
    it uses result words and names no framework ("What does HTI-1 say about readiness?" is guidance);
    an assessment question id ("What did we score on VALUE-3?") is not a framework's."""
    framework_ids = [i for i in identifiers(query) if not _instrument_question(i)]
    return bool(_RESULT_WORDS.search(_without_other_scores(query))) and not framework_ids and not names_framework(query)


def _instrument_question(identifier: str) -> bool:
    try:
        return load_instrument().has_question(identifier)
    except AssessmentError:  # a broken instrument is reported where it is loaded
        return False


# ------------------------------------------------------------------ a framework's tiers or ours

#: A grade word: "tier", "levels", "stage", "maturity".
_LEVEL_WORD = re.compile(r"\b(?:tiers?|levels?|stages?|maturity|tiered|tiering)\b", re.I)
_GRADED = re.compile(r"\b(?:tiers?|levels?|stages?|maturity|mature)\b", re.I)
_GRADE = r"(?:tiers?|levels?|stages?|class(?:es)?)"
#: A framework's grades however named, with no framework named: "implementation tiers", "maturity
#: levels", "Tier 3", "Level C", "which tier requires ...", "what level does a sepsis model need".
_FRAMEWORK_GRADES = re.compile(
    rf"\b(?:implementation|maturity|adoption|assurance|autonomy|risk|review|evidence|capability|automation|impact|"
    rf"criticality|classification|security|safety|oversight|certification|accreditation)[ -]{_GRADE}\b"
    r"|\b(?:tier|level|stage)[ -](?:\d{1,2}|(?-i:[IVX]{1,4}|[A-F])|zero|one|two|three|four|five|six|seven|eight)\b(?![.-]\d)"
    r"|\bmaturity\s+(?:models?|scales?|ladders?|grids?|ratings?|stages?)\b"
    r"|\b(?:which|what)\s+(?:[\w-]+\s+)?(?:tier|level|stage)\s+(?:requires?|needs?|calls? for|covers?|includes?|means?|"
    r"applies|mandates?|demands?|expects?|(?:do|does|would|should|must|will|is|are)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:need\w*|requir\w*|get|gets|fall|falls|go|goes|belong\w*|sit|sits|fit|fits|assign\w*|give|apply|applies|"
    r"placed|put|target|aim|use))\b",
    re.I,
)
#: The organization's own grade: "our maturity level", "what tier are we at", "have we reached",
#: "the organization's tier", "where do we stand".
_OWN_LEVEL = re.compile(
    r"\bour\s+(?:(?:current|overall|present|own|assessed|ai|readiness|maturity|implementation|adoption|capability)\s+){0,2}"
    r"(?:tier|level|stage|maturity|score)\b"
    r"|\b(?:tiers?|levels?|stages?|maturity|mature)\b[^?.]{0,30}?\b(?:are|were|am)\s+we\b"
    r"|\b(?:are|were)\s+we\s+(?:now\s+|currently\s+|still\s+)?(?:at|in|on)\b|\bwe(?:['’]re|\s+are|\s+were)\s+(?:now\s+)?(?:at|in|on)\b"
    r"|\b(?:have|has|did|do)\s+we\s+(?:\w+\s+)?(?:reach\w*|achiev\w*|get|got|score\w*|hit|attain\w*|land\w*|sit|stand|fall|rank)\b"
    r"|\bwhere\s+(?:do|does|did)\s+(?:we|the organi[sz]ation)\s+(?:sit|stand|fall|land|rank)\b"
    r"|\b(?:the|this|my)\s+(?:organi[sz]ation|org|hospital|health system|client)['’]s\s+(?:[\w-]+\s+){0,2}?"
    r"(?:tier|level|stage|maturity|score)\b"
    r"|\b(?:current|overall|index|readiness)\s+(?:tier|level|stage)\b"
    r"|\b(?:tier|level|stage)\s+(?:is|are|was|were|does|did)\s+(?-i:[A-Z])[\w'’&.-]*(?:\s+(?-i:[A-Z])[\w'’&.-]*){0,4}\s+"
    r"(?:at|in|on|assessed|rated|placed|scored)\b",
    re.I,
)
#: The readiness index's own grades: "the tier we need to scale", "Ready to pilot".
_READINESS_TIER = re.compile(
    r"\btiers?\b.*\b(?:pilot\w*|scal\w+|ready|readiness|index)\b|\b(?:pilot\w*|scal\w+|ready|readiness|index)\b.*\btiers?\b",
    re.I,
)


def _instrument_tier_named(query: str) -> bool:
    try:
        names = [t.name for t in load_instrument().tiers]
    except AssessmentError:
        return False
    return any(re.search(rf"\b{re.escape(n)}\b", query, re.I) for n in names)


def _names_org(query: str, org: str | None) -> bool:
    """Does the question name the selected organization ("What tier is Meridian in?")?"""
    words = [w for w in re.split(r"[\W_]+", org or "") if len(w) > 3 and w.lower() not in _GENERIC_ORG_WORDS]
    return any(re.search(rf"\b{re.escape(w)}\b", query, re.I) for w in words)


_GENERIC_ORG_WORDS = frozenset(
    [
        "health",
        "healthcare",
        "medical",
        "center",
        "centre",
        "hospital",
        "hospitals",
        "system",
        "systems",
        "clinic",
        "clinics",
        "care",
        "academic",
        "university",
        "regional",
        "network",
        "group",
    ]
)


def own_level(query: str, org: str | None = None) -> bool:
    """Is the question about the organization's own grade ("What tier are we at?", "our maturity
    level", "What tier is Meridian in?"), its readiness tier included ("Have we reached Ready to pilot?")?"""
    if _instrument_tier_named(query):
        return True
    if not _GRADED.search(query):
        return False  # "are we in breach?" asks about no grade
    if _OWN_LEVEL.search(query) or _names_org(query, org):
        return True
    return bool(refers_to_self(query) and _READINESS_TIER.search(query))


def asks_about_levels(query: str, org: str | None = None) -> bool:
    """Does the question ask about a framework's tiers, levels or stages ("What are the NIST CSF
    implementation tiers?", "Which maturity level requires an AI inventory?") rather than the
    organization's own grade or an assessment question's levels ("level 3 of GOV-2")?"""
    if not _LEVEL_WORD.search(query) or own_level(query, org):
        return False
    if any(_instrument_question(i) for i in identifiers(query)):
        return False  # the assessment's own questions have levels 1-5
    return bool(_FRAMEWORK_GRADES.search(query)) or names_a_framework(query)


def route(query: str, org: str | None, scope: ScopeGuard) -> Route:
    """The path for a standalone query: scope rules first, then a framework's tiers (guidance
    explains them), then assessment intent."""
    rule = scope.check(query, evidence=1.0)  # rules only: evidence=1 disables the embedding test
    if not rule.in_scope:
        return Route(AnswerPath.REFUSE, rule.reason)
    if asks_about_levels(query, org):
        return Route(AnswerPath.GUIDANCE)
    ours = own_level(query, org)
    assessment_intent = (is_assessment_question(query) or ours) and (
        refers_to_self(query) or bool(org and (about_results(query) or ours))
    )
    if assessment_intent and org:
        return Route(AnswerPath.ASSESSMENT)
    if assessment_intent and refers_to_self(query) and not _ASKS_A_SOURCE.search(query):
        return Route(AnswerPath.NEEDS_ORG)  # a question citing a document is answered from it
    return Route(AnswerPath.GUIDANCE)


#: A question whose words the user's own documents hold this much of, in a passage this close to
#: it, asks about what the user indexed ("Who signed the final rule?"): in scope, however little
#: it reads like a governance question.
OWN_COVERAGE = 0.35
OWN_DENSE = 0.3


def evidence_scope(
    scope: ScopeGuard, query: str, hits: list[Hit], coverage: float, own: Callable[[list[Hit]], float] | None = None
) -> ScopeDecision:
    """The scope decision once the evidence is known: how close the corpus comes to the query.
    `own(hits)`: the share of the question's words the given hits hold."""
    top_dense = max((h.dense or 0.0 for h in hits), default=0.0)
    decision = scope.check(query, evidence=top_dense, coverage=coverage, id_match=any(h.id_match for h in hits))
    users = [h for h in hits if h.chunk.doc_type == DocType.USER]
    if decision.in_scope or own is None or not users or max(h.dense or 0.0 for h in users) < OWN_DENSE:
        return decision
    return ScopeDecision(True, "", decision.margin) if own(users) >= OWN_COVERAGE else decision


def _phrases(text: str) -> list[str]:
    """Each run of an identifier's words as written: "(617) 555-0142" gives "617", "555", "0142", "555-0142",
    "617) 555-0142" and so on, so a term the reason quotes ("555-0142") is found whichever part it is."""
    spans = [m.span() for m in re.finditer(r"\w+", text)]
    return [text, *(text[a:z] for i, (a, _) in enumerate(spans) for _, z in spans[i:])]


def _without_phi(why: str, question: str, found: Sequence[phi.Finding] | None = None) -> str:
    """`why` with each word of an identifier in the question put as its placeholder ("[MRN]"):
    the reason names what the documents lack in the question's own words. `found` is the
    question's identifiers when the caller has detected them already; None detects them here."""
    if not why or not question:
        return why
    if found is None:
        found = phi.detect(question)
    if not found:
        return why
    kinds = {w.lower(): f.type.placeholder for f in found for w in _phrases(f.text)}
    words = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(kinds, key=len, reverse=True)) + r")(?![\w-])", re.I
    )
    out = words.sub(lambda m: kinds[m.group(0).lower()], why)
    return re.sub(r"(\[[A-Z_]+\])(?:, \1)+", r"\1", out)  # "[NAME], [NAME]" once


def closest_topics(hits: list[Hit], limit: int = 3) -> list[str]:
    """What the indexed documents do cover near the question: the best hits' documents and
    sections ("FDA predetermined change control plans (What a PCCP contains)"), one per document."""
    out: list[str] = []
    seen: set[str] = set()
    for h in hits:
        c = h.chunk
        if c.quarantine or c.source in seen:
            continue
        seen.add(c.source)
        section = c.section.split(" > ")[-1].strip()
        out.append(f"{c.title} ({section})" if section and section != c.title else c.title)
        if len(out) >= limit:
            break
    return out


def declined(why: str, hits: list[Hit], question: str = "", found: Sequence[phi.Finding] | None = None) -> str:
    """The abstention: that the documents do not answer the question, why (when known), and
    what they do cover nearby, so the user can ask about that or add the document that answers.
    Identifiers the question holds (a record number, a date of birth) are not repeated in it:
    `found` when the caller has detected them in `question` already, else detected here."""
    text = ABSTAIN_MESSAGE
    why = _without_phi(why, question, found)
    if why:
        text += f" The closest passages do not answer it: {why}."
    topics = closest_topics(hits)
    if topics:
        text += " The indexed documents come closest with: " + "; ".join(topics) + "."
    return text


#: "this product", "that tool": a thing named earlier in a conversation, never by a first question.
#: The plural is not pointed ("access to one of these tools" opening a conversation means the
#: kind of tool the documents are about, and is answered from them).
_POINTED_THING = re.compile(
    r"\b(?:this|that|the same)\s+(product|tool|device|model|algorithm|software|solution|app|vendor)\b",
    re.I,
)
#: A name in the question (a capitalised word after its first) says which thing is meant.
_NAME = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-Z][a-z][\w-]*")


def unresolved_reference(question: str) -> str:
    """The phrase a first question points back with and names nothing else ("this product" in "Can
    we use this product on children?"), "" when it names what it asks about, describes it before
    pointing back, or points at nothing."""
    m = _POINTED_THING.search(question)
    if m is None or _NAME.search(question):
        return ""
    if re.search(rf"\b{m.group(1)}s?\b", question[: m.start()], re.I):
        return ""  # the question itself says which ("We run a sepsis model ... that model's assessment")
    if re.search(r"\b(?:what|which)\b[^?]*?\s+and\b", question[: m.start()], re.I):
        return ""  # it is what an earlier part asks for ("What LLM sits underneath, and ... that model's maker?")
    return " ".join(m.group(0).split())
