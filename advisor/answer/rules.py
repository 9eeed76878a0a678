"""Rules a question asks about: what is forbidden ("Where are AI scribes off limits?") and whether
something is allowed ("Can the RCAI also act as the CSO?"), and the sentences stating such rules."""

from __future__ import annotations

import re

from .selection import Candidate

__all__ = ["asks_forbidden", "asks_permission", "rule_bonus"]

#: A question about what is forbidden ("off limits", "not allowed", "prohibited").
_FORBIDDEN_ASK = re.compile(
    r"\boff[- ]limits?\b|\bnot (?:be )?(?:allowed|permitted)\b|\b(?:forbidden|prohibited|banned|barred|disallowed)\b"
    r"|\b(?:must|may|can)(?:\s+not|n['’]t)\b|\bcannot\b",
    re.I,
)
#: A question asking whether something is allowed: "Can the RCAI also act as the CSO?", "Is it
#: acceptable for the vendor to ...?" (not a request: "Can you list ...").
_PERMISSION_ASK = re.compile(
    r"^\s*(?:can|may|could)\s+(?!you\b)\w+|\b(?:is|are)\s+(?:it|we|they)\s+(?:\w+\s+)?"
    r"(?:acceptable|allowed|permitted|permissible|ok|okay)\b",
    re.I,
)
#: A sentence allowing something on a condition: "may deploy it without notice, provided that ...".
_ALLOWS = re.compile(r"\b(?:is|are)\s+(?:only\s+)?(?:permitted|allowed)\b|\bmay\s+only\b|\bprovided\s+that\b", re.I)
#: A sentence forbidding something.
_PROHIBITS = re.compile(
    r"\b(?:must|may|shall|should|can)\s+not\b|\b(?:mustn|shan|can)['’]t\b|\bcannot\b|\bnever\b|\bprohibit\w*"
    r"|\bforbid\w*|\bnot (?:be )?(?:used|permitted|allowed)\b|^\s*no (?:\w+ ){0,2}(?:may|shall|must)\b",
    re.I,
)


def asks_forbidden(question: str) -> bool:
    """Does the question ask what is forbidden ("off limits", "not allowed", "prohibited")?"""
    return bool(_FORBIDDEN_ASK.search(question))


def asks_permission(question: str) -> bool:
    """Does the question ask whether something is allowed ("Can X also ...?", "Is it acceptable ...?")?"""
    return bool(_PERMISSION_ASK.search(question))


def rule_bonus(c: Candidate, forbidden: bool, permission: bool) -> float:
    """For a question about what is forbidden, a sentence forbidding something (or an item under
    one); for one whether something is allowed, a rule forbidding or allowing it."""
    if forbidden and (_PROHIBITS.search(c.text) or (c.unit.lead is not None and _PROHIBITS.search(c.unit.lead.text))):
        return 0.08  # "where is it off limits": "Ambient scribes must not be used in ...", or an item under it
    if permission and (_PROHIBITS.search(c.text) or _ALLOWS.search(c.text)):
        return 0.08  # "can X also act as Y": the rule "X must never also be Y" answers yes or no
    return 0.0
