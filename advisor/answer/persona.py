"""The asker's description of themselves, which frames a question without being what it asks.

"As the CIO of a regional health system, what does the guide suggest for retiring AI systems?"
asks about retiring AI systems: the CIO and the health system are who asks. Left in, such a
clause makes the answer look off-topic (no passage names "CIO") and dilutes the evidence score
of a question the documents answer. `core_question` returns the question without it.
"""

from __future__ import annotations

import re

from ..text import tokenize

__all__ = ["asked_part", "core_question"]

#: Words naming who someone is or what they do: an "as a/the ..." clause led by one (or by an
#: acronym such as CIO or CMIO) describes the asker; "as the guide suggests" does not. What the
#: organization is ("We are a small clinic without ...", "As a 300-bed hospital, ...") is kept:
#: its situation can be what the documents answer ("smaller organizations can ...").
_ROLE = (
    r"(?:[A-Z]{2,5}s?|chief|officer|director|manager|head|lead|leader|consultant|advisor|adviser|evaluator|"
    r"auditor|assessor|reviewer|analyst|nurse|physician|doctor|clinician|pharmacist|surgeon|member|chair|"
    r"executive|administrator|engineer|scientist|researcher|student|counsel|lawyer|attorney|regulator|inspector|"
    r"owner|buyer|purchaser|vendor|developer|deployer|practitioner|specialist|coordinator|sponsor|champion|"
    r"president|vice|founder)"
)
_ARTICLE = r"(?:a|an|the|our|my|its|their)"
#: "as the CIO of X," / "speaking as a consultant," — a parenthetical ending at a comma or
#: semicolon, or at the colon of "As the CMIO of X I need to know: what ...?".
_AS_ROLE = re.compile(
    rf"(?:^|(?<=[,;:.!?])\s*)(?:speaking\s+)?as\s+{_ARTICLE}\s+(?:[\w'’-]+\s+){{0,3}}?{_ROLE}\b[^,;:.?!]{{0,100}}[,;:]",
    re.I,
)
#: "I'm a consultant helping a hospital set up its governance;" — a self-introduction clause.
_I_AM = re.compile(
    rf"(?:^|(?<=[,;:.!?])\s*)(?:i'?m|i am)\s+{_ARTICLE}\s+[^,;.?!]{{1,120}}[,;.]",
    re.I,
)
#: "From the perspective of a chief nursing officer," — the viewpoint asked from.
_VIEWPOINT = re.compile(
    rf"(?:^|(?<=[,;:.!?])\s*)(?:from|with)\s+(?:the\s+)?(?:perspective|point of view|standpoint|viewpoint|hat)\s+of\s+"
    rf"{_ARTICLE}\s+[^,;.?!]{{1,100}}[,;]",
    re.I,
)
#: "As the FDA notes, ...", "as the guide puts it,": a source being quoted, not the asker.
_REPORTING = re.compile(
    r"\b(?:notes?|noted|says?|said|suggests?|suggested|states?|stated|requires?|required|recommends?|recommended|"
    r"explains?|explained|describes?|described|defines?|defined|writes?|wrote|puts it|mentions?|mentioned|"
    r"points? out|warns?|warned|reports?|reported|shows?|showed)\b",
    re.I,
)
#: The rest must still be a question of some words: a "question" that is only a persona is left whole.
_MIN_WORDS = 3


def core_question(question: str) -> str:
    """The question without the clauses in which the asker describes who they are."""
    core = question
    for pat in (_VIEWPOINT, _I_AM, _AS_ROLE):
        core = pat.sub(lambda m: m.group(0) if _REPORTING.search(m.group(0)) else " ", core)
    core = re.sub(r"\s+([,;.?!])", r"\1", re.sub(r"\s{2,}", " ", core)).strip(" ,;")
    if len(re.findall(r"\w+", core)) < _MIN_WORDS:
        return question
    return core[:1].upper() + core[1:] if core[:1].islower() and question[:1].isupper() else core


#: Words that open a question (or a clause asking one).
_ASKING = re.compile(
    r"\b(?:what|which|how|why|when|who|whom|whose|where|whether|is there|are there|does|do|did|can|could|should|"
    r"would|will|must|may)\b",
    re.I,
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def asked_part(question: str) -> str:
    """What is asked, without the statements setting the scene before it: "We run twelve
    hospitals in the Midwest on Epic. What should we document?" asks what to document (the
    Midwest and Epic are the asker's situation); "Our compliance people keep asking: what
    should happen to ...?" likewise. The question itself when nothing precedes it."""
    sentences = _SENTENCES.split(question.strip())
    first = next((i for i, s in enumerate(sentences) if s.rstrip().endswith("?")), None)
    if first is None:
        return question
    context = sentences[:first]
    if any(s.rstrip().endswith("?") or _ASKING.match(s.strip()) for s in context):
        return question  # an earlier sentence asks something too: nothing is mere scene-setting
    asked = " ".join(sentences[first:])
    head, colon, tail = asked.partition(": ")
    if colon and not _ASKING.search(head) and _ASKING.search(tail):
        asked = tail  # "Before the board meeting I need a summary: what are ...?"
    if len(re.findall(r"\w+", asked)) < _MIN_WORDS or _POINTS_BACK.search(asked):
        return question  # "... keep an eye on that underlying model too?": the scene names what is asked about
    return asked


#: A question pointing back at the scene: "that underlying model", "this tool", "those vendors".
_POINTS_BACK = re.compile(
    r"\b(?:that|this|these|those)\s+(?!(?:we|you|i|they|it|he|she|is|are|was|were|the|a|an|our|your|their|its|"
    r"can|could|should|will|would|must|may|might|has|have|had|does|do|did|not|in|on|of|for|to|by|with|and|or)\b)"
    r"[a-z][\w-]*",
    re.I,
)


#: "X is too heavy. How else can we ...?", "What can we do instead of X?": an option set aside.
_ELSE = re.compile(r"\b(?:how else|what else|instead of|other than|rather than|alternatives? to)\b", re.I)
_VERDICT = re.compile(
    r"\b(?:is|are|was|were|seems?|would be|will be|isn't|aren't|doesn't|don't|can't|won't|cannot)\b", re.I
)


def set_aside(question: str) -> tuple[set[str], set[str]]:
    """The words (stems) only the option a question sets aside uses, and those of what it asks
    for: "A committee is too slow. How else can we review models?" sets aside the committee;
    "instead of X" / "other than X" set aside X. Both empty when nothing is set aside."""
    m = _ELSE.search(question)
    if m is None:
        return set(), set()
    if m.group(0).lower().endswith("else"):
        cut = max(question.rfind(p, 0, m.start()) for p in ".!?;")
        if cut < 0:
            return set(), set()  # "How else ...?" with no premise before it
        rejected, asked = question[: cut + 1], question[cut + 1 :]
        # "X is too heavy for our clinic": X is set aside, the clinic is the asker's context
        verb = _VERDICT.search(rejected)
        rejected = rejected[: verb.start()] if verb and verb.start() > 0 else rejected
    else:
        tail = question[m.end() :]
        end = re.search(r"[,;.?!]|\b(?:to|for|so|that|which|when|while)\b", tail)
        rejected = tail[: end.start()] if end else tail
        asked = question[: m.start()] + (tail[end.start() :] if end else "")
    wanted = {w[:6] for w in tokenize(asked)}
    return {w[:6] for w in tokenize(rejected)} - wanted, wanted
