"""A document's sign-off: the signature lines, "Signature" columns and "Approval" blocks that
answer who signed or approved it."""

from __future__ import annotations

import re

from ..text import tokenize

__all__ = ["SIGNATURE", "SIGNOFF_ASK", "signature_met", "signs_off"]

#: A signature line: "Signature: /s/ Jane Roe", "Signed: Jane Roe", "/s/ Jane Roe".
SIGNATURE = re.compile(
    r"(?:\b(?i:signature|signed(?: by)?|signatory)\s*[:|]\s*(?:/s/\s*)?|/s/\s*)"
    r"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+",
)
#: The act a "who signed" question asks about, as a signature line names it.
_SIGNING = frozenset(tokenize("sign signed signs signing signature signatory"))


#: "Who approved the policy?", "who signed it", "who endorsed the rules": the document's sign-off.
SIGNOFF_ASK = re.compile(
    r"\bwho\b[^?]{0,40}?\b(?:approv\w*|sign(?:ed|s)?|endors\w*|ratif\w*|adopt\w*|authori[sz]ed)\b", re.I
)
#: Headings and column names of a sign-off block.
_SIGNOFF_WORDS = frozenset(tokenize("approval approvals approved signature signatures signed signoff endorsement"))


def signs_off(text: str, header: str = "", section: str = "") -> bool:
    """Is the line part of a document's sign-off: a signature ("/s/ Jane Roe"), or a row under a
    "Signature" column or an "Approval" heading?"""
    heading = section.split(" > ")[-1]
    return (
        "/s/" in text
        or SIGNATURE.search(text) is not None
        or bool(_SIGNOFF_WORDS & set(tokenize(f"{header} {heading}")))
    )


def signature_met(token: str, sentence: str, words: set[str] | frozenset[str] = frozenset()) -> bool:
    """Does a signature line ("Signature: /s/ Jane Roe"), or a sentence whose own words or
    headings name the signing in any form (`words`: "Signature", "signed by"), name the signing a
    question asks about?"""
    return token in _SIGNING and (SIGNATURE.search(sentence) is not None or bool(_SIGNING & words))
