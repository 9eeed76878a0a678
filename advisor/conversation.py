"""Follow-up questions rewritten into standalone queries from the conversation history."""

from __future__ import annotations

import re

from .text import content_words

# Entities a follow-up can swap in for one of the previous question ("what about MAP?").
_ENTITY_CLASSES: list[tuple[str, re.Pattern]] = [
    ("nist", re.compile(r"\b(?:GOVERN|MAP|MEASURE|MANAGE)(?:\s+\d{1,2}(?:\.\d{1,2})?)?\b(?:\s+function)?")),
    ("id", re.compile(r"§\s?\d{2,3}\.\d{1,4}(?:\([a-z0-9]+\))*|\bArt(?:icle|\.)\s?\d{1,3}\b|\b[A-Z]{2,6}-\d{1,2}\b")),
    (
        "framework",
        re.compile(
            r"\b(?:NIST AI RMF|AI RMF(?: Playbook)?|NIST AI 600-1|Generative AI Profile|CHAI(?: Blueprint| Assurance Standards Guide| model card)?|"
            r"HTI-1|HTI-5|GMLP|PCCP|HIPAA(?: Security Rule)?|Section 1557|EU AI Act|AI Act|ISO/IEC 42001|ISO 42001|WHO|"
            r"Joint Commission|ABCDS|AMA|FHIR|US Core|USCDI|TEFCA|OMOP|Kahn framework|TEVV)\b",
            re.I,
        ),
    ),
    (
        "use_case",
        re.compile(
            r"\b(?:ambient (?:clinical )?(?:documentation|scribes?|listening)|patient[- ]messag\w*|portal messag\w*|"
            r"(?:medical |clinical )?coding|prior auth\w*|sepsis(?: model| prediction)?|deterioration(?: model)?|chatbots?)\b",
            re.I,
        ),
    ),
    (
        "dimension",
        re.compile(
            r"\b(?:strategy|leadership|data|infrastructure|platforms?|security|privacy|governance|workforce|culture|"
            r"clinical integration|workflow|value(?: measurement)?|ROI)\b",
            re.I,
        ),
    ),
]

_SELF = re.compile(r"\b(?:we|us|our|ours|ourselves)\b", re.I)
_ELLIPSIS = re.compile(
    r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<a>.+?)\s*[?.!]*\s*$|^\s*and\s+(?P<b>.+?)\s*[?.!]*\s*$"
    r"|^\s*(?:same|the same)\s+(?:for|with)\s+(?P<c>.+?)\s*[?.!]*\s*$",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those)\b", re.I)


def _entities(text: str) -> list[tuple[str, re.Match]]:
    found = []
    for cls, pat in _ENTITY_CLASSES:
        for m in pat.finditer(text):
            if not any(m.start() < o.end() and o.start() < m.end() for _, o in found):
                found.append((cls, m))
    return sorted(found, key=lambda x: x[1].start())


def last_user_question(history: list[dict] | None) -> str:
    for turn in reversed(history or []):
        if turn.get("role") == "user" and str(turn.get("content", "")).strip():
            return str(turn["content"]).strip()
    return ""


def _previous_query(history: list[dict]) -> str:
    """The last user question, itself resolved against the turns before it, so a chain of
    follow-ups ("what about data?", "and security?") keeps the topic of the first question."""
    for i in range(len(history) - 1, -1, -1):
        turn = history[i]
        if turn.get("role") == "user" and str(turn.get("content", "")).strip():
            return standalone_query(str(turn["content"]).strip(), history[:i])
    return ""


def assistant_answers(history: list[dict] | None) -> list[str]:
    """The conversation's earlier answers, oldest first (a follow-up does not repeat them)."""
    return [str(t.get("content", "")) for t in history or [] if t.get("role") == "assistant" and t.get("content")]


def standalone_query(question: str, history: list[dict] | None) -> str:
    """Rewrite a follow-up ("what about MAP?", "and for us?") into a standalone query.

    Questions that already stand alone are returned unchanged.
    """
    q = " ".join(question.split())
    prev = _previous_query(history or [])
    if not prev or not q:
        return q
    prev_body = prev.rstrip(" ?.!")
    if q.rstrip(" ?.!").lower() == prev_body.lower():
        return q  # the same question asked again
    m = _ELLIPSIS.match(q)
    if m:
        focus = (m.group("a") or m.group("b") or m.group("c") or "").strip()
        if re.fullmatch(
            r"(?:for |with |in )?(?:us|our (?:organi[sz]ation|org|hospital|health system|system))", focus, re.I
        ):
            return prev_body if _SELF.search(prev_body) else f"{prev_body} for us?"
        focus_ents = _entities(focus)
        if focus_ents:
            cls = focus_ents[0][0]
            prev_ents = _entities(prev_body)
            same = [e for c, e in prev_ents if c == cls] or [
                e for c, e in prev_ents if c in ("nist", "id", "framework")
            ]
            if same:
                e = same[0]
                return f"{prev_body[: e.start()]}{focus}{prev_body[e.end() :]}?"
        return f"{prev_body}: what about {focus}?"
    words = content_words(q)
    own = _entities(q)
    has_pronoun = bool(_PRONOUN.search(q)) and not own
    if has_pronoun or (len(words) <= 2 and not own):
        prev_ents = _entities(prev_body)
        if has_pronoun and prev_ents:
            subject = prev_ents[0][1].group(0)
            return _PRONOUN.sub(
                lambda mm: subject + ("'s" if mm.group(0).lower() in ("its", "their") else ""), q, count=1
            )
        return f"{q.rstrip(' ?.!')} (about: {prev_body})?"
    return q


def refers_to_self(text: str) -> bool:
    """The question is about the asker's own organization ("our gaps", "are we ready")."""
    return bool(_SELF.search(text))


def names_framework(text: str) -> bool:
    """The text names a framework, regulation or standard ("HTI-1", "NIST AI RMF", "HIPAA")."""
    return any(cls == "framework" for cls, _ in _entities(text))
