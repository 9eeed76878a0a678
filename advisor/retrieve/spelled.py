"""Acronyms and the words they stand for, as the indexed documents write them: "the Medical
Executive Committee (MEC)", "the Clinical Algorithms Committee". A question naming an acronym
the index never saw ("Who sits on the CAC?") is searched with the words it stands for."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator

from ..text import tokenize

__all__ = ["JOINERS", "content_word", "initial_runs", "spelled_out"]

#: Words an expansion may skip ("Office of the National Coordinator" is ONC).
JOINERS = frozenset({"of", "and", "for", "the", "on", "in", "to", "&"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: A run of capitalised words, joining words allowed between them: "Medical Executive Committee".
_CAPITALISED = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+(?:(?:of|and|for|the|on|in|to|&)\s+)*[A-Z][a-z'’-]+)+")
#: An acronym defined in brackets after its words: "electronic health record (EHR)", "Marrowby
#: Valley Hospital (MV)" (two letters too: the bracket says it is one).
_DEFINED = re.compile(r"((?:[A-Za-z][\w'’-]*\s+){1,8})\(([A-Z]{2,6})s?\)")
#: Where `_DEFINED` can end: a bracketed acronym.
_BRACKETED = re.compile(r"\(([A-Z]{2,6})s?\)")
#: A character no word of `_DEFINED` may hold.
_NOT_IN_WORDS = re.compile(r"[^\w'’\s-]")
#: Expansions kept per acronym, the commonest first.
_KEPT = 2


def content_word(word: str) -> bool:
    """A word an expansion is made of: three letters or more, not a stopword ("has", "will")."""
    return len(word) >= 3 and bool(tokenize(word))


def initial_runs(text: str, letters: str) -> list[list[str]]:
    """Runs of words in the text whose initials spell `letters` (joining words skipped)."""
    words = _WORD.findall(text)
    found: list[list[str]] = []
    for i, first in enumerate(words):
        if first[0].lower() != letters[0] or first.lower() in JOINERS:
            continue
        if not (content_word(first) or _spells(first, letters, 0) > 1):
            continue
        run, k, j = [first], _spells(first, letters, 0), i + 1
        while j < len(words) and k < len(letters):
            w = words[j]
            if w.lower() in JOINERS:
                j += 1
                continue
            if w[0].lower() != letters[k] or not (content_word(w) or _spells(w, letters, k) > 1):
                break
            run.append(w)
            k, j = k + _spells(w, letters, k), j + 1
        if k == len(letters):
            found.append(run)
    return found


def _spells(word: str, letters: str, k: int) -> int:
    """How many of the letters from k a word stands for: an acronym inside a name all of its own
    ("AI Stewardship Committee" is the "AISC"), any other word its initial."""
    if len(word) >= 2 and word.isupper() and word.isalpha() and letters.startswith(word.lower(), k):
        return len(word)
    return 1


def spelled_out(texts: Iterable[str]) -> dict[str, list[str]]:
    """Per acronym (lower-cased), the word runs the texts spell it out with: capitalised names of
    three to six words ("Clinical Algorithms Committee" -> "cac") and acronyms of two to six
    letters defined in brackets ("electronic health record (EHR)"), commonest first."""
    seen: dict[str, Counter[str]] = {}
    for text in texts:
        for m in _CAPITALISED.finditer(text):
            for key, phrase in _named_runs(m.group(0).split()):
                seen.setdefault(key, Counter())[phrase] += 1
        for m in _defined(text):
            letters = m.group(2).lower()
            runs = initial_runs(m.group(1), letters)
            if len(letters) == 2:  # two plain words: "Regulation (EU) 2017/745" defines nothing
                runs = [r for r in runs if len(r) == 2 and not any(w.isupper() for w in r)]
            if runs:
                seen.setdefault(letters, Counter())[" ".join(runs[-1]).lower()] += 1
    return {k: [p for p, _ in c.most_common(_KEPT)] for k, c in seen.items()}


def _defined(text: str) -> Iterator[re.Match[str]]:
    """`_DEFINED.finditer(text)`, the same matches, without trying the pattern at every letter.

    A match ends at a bracketed acronym and its words hold only word characters, apostrophes,
    hyphens and spaces: it starts after the last other character before the bracket. Each
    bracket is searched from there (or from the previous match's end), over the text up to the
    bracket's end; the pattern tried at every letter of a passage was most of a keyword-index
    rebuild (11 of 27 CPU s at 10,000 passages)."""
    if "(" not in text:
        return
    stops = [m.start() for m in _NOT_IN_WORDS.finditer(text)]
    done = 0
    for b in _BRACKETED.finditer(text):
        at = bisect_left(stops, b.start())  # the bracket's "(" is itself a stop, at index `at`
        start = max(done, stops[at - 1] + 1 if at else 0)
        m = _DEFINED.search(text, start, b.end())
        if m is not None:
            done = m.end()
            yield m


def _named_runs(words: list[str]) -> Iterable[tuple[str, str]]:
    """Each run of three to six capitalised words within a name, with its initials: "Chair of
    the Medical Executive Committee" holds "Medical Executive Committee" ("mec")."""
    at = [i for i, w in enumerate(words) if w.lower() not in JOINERS and content_word(w)]
    for a in range(len(at)):
        for b in range(a + 2, min(a + 6, len(at))):
            if any(not content_word(w) for w in words[at[a] : at[b] + 1] if w.lower() not in JOINERS):
                break
            yield "".join(words[i][0] for i in at[a : b + 1]).lower(), " ".join(words[at[a] : at[b] + 1])


#: A party defined by a name in quotes: 'Fenwick Vale Health System ("Covered Entity")',
#: 'Nimbrel Analytics, Inc. (the "Vendor")', 'Acme Corp. (hereinafter "Supplier")'.
_PARTY = re.compile(
    r"((?:[A-Z][\w&'’.-]*,?\s+){0,6}[A-Z][\w&'’.-]*)\s*\(\s*(?:the\s+|hereinafter\s+(?:the\s+)?|"
    r"collectively,?\s+(?:the\s+)?)?[\"“]([A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,3})[\"”]\s*\)"
)
#: Words opening a capitalised run that are no part of a name ("The Hospital").
_NOT_NAME = frozenset(["the", "this", "that", "each", "any", "all", "a", "an", "and", "or", "between", "by"])


def defined_parties(texts: Iterable[str]) -> dict[str, str]:
    """Per party name (as written), the term a contract calls it by once it has defined it:
    "Nimbrel Analytics, Inc." -> "Business Associate". The body then says only the term. A name
    set in capitals is written as a question would ("QUILLON PREDICTIVE, INC." -> "Quillon Predictive, Inc.")."""
    out: dict[str, str] = {}
    for text in texts:
        if "(" not in text or not ('"' in text or "“" in text):
            continue  # no party defined here: the pattern need not be tried at every capital
        for m in _PARTY.finditer(text):
            words = m.group(1).split()
            while words and words[0].lower() in _NOT_NAME:
                words = words[1:]
            alias = " ".join(m.group(2).split())
            name = " ".join(words).rstrip(",")
            if name.isupper():  # "QUILLON PREDICTIVE, INC." is set in capitals: a question writes "Quillon"
                name = name.title()
            if name and alias.lower() not in name.lower():
                out.setdefault(name, alias)
    return out
