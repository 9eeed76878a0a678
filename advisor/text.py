"""Text utilities shared by ingestion, retrieval and answering: sentences, tokens, identifiers."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache

import Stemmer  # PyStemmer

# Abbreviations after which a period does not end a sentence.
_ABBREV = frozenset(
    re.split(
        r"\s+",
        "e.g i.e etc vs dr mr mrs ms no nos art arts fig figs sec secs al inc ltd co corp approx u.s u.k e.u st "
        "jan feb mar apr jun jul aug sep sept oct nov dec ca cf p pp vol ed eds rev ref refs para ch dept "
        "doc gov jr sr",  # "doc": "Doc. Control No. MSR-7"
    )
)

#: Abbreviations that are one only before a number: a statute's "s. 8", "ss. 13 and 15", "r. 4", "cl. 7".
_BEFORE_NUMBER = {"s", "ss", "r", "rr", "reg", "regs", "cl", "sch", "subs", "paras"}

_SENT_END = re.compile(r"[.!?](?:[\"'”’)\]]*)(?=\s+|$)|\n\s*\n|\n(?=\s*(?:[-*•▪–]|\d+[.)])\s)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences in text; spans exclude surrounding space.

    Bullet items and paragraph breaks also end a sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        end = m.end()
        mark = m.group(0)
        if mark.startswith("."):
            before = text[start : m.start()]
            word = re.search(r"([A-Za-z][A-Za-z.]*)$", before)
            abbrev = word.group(1).lower().rstrip(".") if word else ""
            # "No. 12" and "No. HCR-0091" abbreviate "number"; an FAQ's "No. Section 4 requires ..." answers
            if abbrev in _ABBREV and not (abbrev == "no" and not re.match(r"\s*(?:[\d#]|[^\s\d]*\d)", text[end:])):
                continue
            alone = word is not None and not before[: word.start()][-1:].isalnum()  # "s. 8", not "the 1990s. 8"
            if abbrev in _BEFORE_NUMBER and alone and re.match(r"\s*\(?\d", text[end:]):
                continue  # "amended by V.R. 153/26, s. 8, by striking out ...": a section's number
            if re.search(r"\b[A-Z]$", before):  # initials like "J. Smith"
                continue
            if re.fullmatch(r"\s*\d{1,3}", before):  # a list item's number ("5. Agreed with ..."), not a sentence
                continue
            nxt = text[end : end + 3].lstrip()
            if nxt[:1].islower():
                continue
        s, e = _trim(text, start, end)
        if e > s:
            spans.append((s, e))
        start = end
    if start < n:
        s, e = _trim(text, start, n)
        if e > s:
            spans.append((s, e))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    # A leading bullet marker is layout, not content.
    m = re.match(r"(?:[-*•▪–]|\d+[.)])\s+", text[s:e])
    if m and e - s > m.end():
        s += m.end()
    return s, e


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


_ITEM_LABELS = (
    "Recommendation",
    "Requirement",
    "Standard",
    "Principle",
    "Rule",
    "Clause",
    "Criterion",
    "Control",
    "Objective",
)
_COMPOUND_ID = re.compile(r"\b([A-Z]{2,6}(?:-[A-Z]{2,6})+-\d{1,2}(?:\.\d{1,2}){0,2})(?![\w-])")
_ITEM_NUMBER = r"\d{1,2}(?:\.\d{1,2}){0,3}(?![\d.]*\d)"
#: A statute's section number: chapter, hyphen, section ("44-2231", "12-1.5").
STATUTE_NUMBER = r"\d{1,3}-\d{1,5}(?:\.\d+)?"

# Identifiers users quote: "GOVERN 1.6", "MEASURE 2.13", "GV-1.1-001", "§170.315(b)(11)",
# "§ 164.312", "Art. 14", "Article 14", "DATA-3", "45 CFR 92.210".
_ID_PATTERNS = [
    re.compile(r"\b(GOVERN|MAP|MEASURE|MANAGE)\s+(\d{1,2})(?:\.(\d{1,2}))?\b", re.I),
    re.compile(r"\b(GV|MP|MS|MG)-(\d{1,2})\.(\d{1,2})(?:-(\d{3}))?\b", re.I),
    re.compile(r"§\s?(\d{2,3}\.\d{1,4}(?:\([a-z0-9]+\))*)", re.I),
    re.compile(r"\b(\d{3}\.(?:3\d\d|2\d\d|1\d\d|\d{2})(?:\([a-z0-9]+\))+)", re.I),
    re.compile(r"\b(\d{3}\.\d{3})\b"),
    re.compile(r"\bArt(?:icle|\.)?\s?(\d{1,3})\b", re.I),
    re.compile(r"\b([A-Z]{2,6}-\d{1,2})\b"),
    # numbered items of a guideline, standard or rule book: "Recommendation 2.1", "Rule 4.2.1",
    # "Standards 3 and 4" (each number is the label's)
    re.compile(
        rf"\b({'|'.join(_ITEM_LABELS)})s?\s+({_ITEM_NUMBER}(?:(?:\s*,\s*|\s+(?:and|or|to)\s+|\s*[-\u2013]\s*){_ITEM_NUMBER})*)",
        re.I,
    ),
]


#: Dashes set between two word characters where a hyphen is meant ("ADAPT–2", "HTI‑1" with a
#: non-breaking hyphen): read as the hyphen, so the question's "ADAPT-2" finds the document's.
_JOINING_DASH = re.compile("(?<=\\w)[\u2010\u2011\u2012\u2013\u2212](?=\\w)")


def hyphenated(text: str) -> str:
    """The text with dashes joining two word characters read as hyphens."""
    return _JOINING_DASH.sub("-", text) if any(ch in text for ch in "\u2010\u2011\u2012\u2013\u2212") else text


_IDS_CACHED = 8192  # texts whose identifiers are kept (sentences and headings the composer re-reads)
_IDS_TEXT_MAX = 1024  # longer texts are read afresh: at most ~8 MB of texts kept
_DIGIT = re.compile(r"\d")  # every identifier pattern needs a digit


def identifiers(text: str, *, cache: bool = True) -> list[str]:
    """Normalised identifiers mentioned in text, in order of first appearance.

    Texts up to 1,024 characters are remembered (8,192 of them): an answer reads the same
    candidate sentences and headings many times. Each call returns a new list, so a caller
    changing it cannot change what the next caller gets. `cache=False` skips the cache."""
    if _DIGIT.search(text) is None:
        return []
    return _identifiers_cached(text, cache)


def _identifiers(text: str) -> list[str]:
    text = hyphenated(text)
    found: list[str] = []
    # a compound code ("HS-GV-2.3") is one identifier, not the "GV-2.3" inside it
    for m in _COMPOUND_ID.finditer(text):
        _add(found, m.group(1).upper())
    if found:
        text = _COMPOUND_ID.sub(" ", text)
    for i, pat in enumerate(_ID_PATTERNS):
        for m in pat.finditer(text):
            if i == 0:
                ident = f"{m.group(1).upper()} {m.group(2)}" + (f".{m.group(3)}" if m.group(3) else "")
            elif i == 1:
                ident = f"{m.group(1).upper()}-{m.group(2)}.{m.group(3)}" + (f"-{m.group(4)}" if m.group(4) else "")
            elif i in (2, 3, 4):
                ident = "§" + m.group(1).lower()
            elif i == 5:
                ident = f"Art. {m.group(1)}"
            elif i == 6:
                ident = m.group(1).upper()
            else:
                label = m.group(1).capitalize()
                numbers = re.findall(_ITEM_NUMBER, m.group(2))
                # "the standard 30 days" is prose: a lower-case label needs a numbered item ("rule 4.2")
                if m.group(1)[0].islower() and not all("." in n for n in numbers):
                    continue
                for number in numbers:
                    if f"{label} {number}" not in found:
                        found.append(f"{label} {number}")
                continue
            _add(found, ident)
    return found


def _add(found: list[str], ident: str) -> None:
    if ident not in found and not any(f.startswith(ident) for f in found):
        found.append(ident)


_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "me",
        "might",
        "must",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "ours",
        "out",
        "over",
        "shall",
        "should",
        "so",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "too",
        "under",
        "up",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "about",
        "also",
        "any",
        "each",
        "more",
        "most",
        "other",
        "some",
        "only",
        "own",
        "same",
        "very",
        "just",
        "s",
        "t",
    ]
)

_TOKEN = re.compile(r"§?\d+(?:\.\d+)+(?:\([a-z0-9]+\))*|[a-z0-9]+(?:[-'][a-z0-9]+)*", re.I)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


_TOKENS_CACHED = 16384  # texts whose tokens are kept (questions, headings, sentences the composer re-reads)
_CACHED_TEXT_MAX = 2048  # longer texts are tokenised afresh: at most ~50 MB kept in all


def tokenize(text: str, *, cache: bool = True) -> list[str]:
    """Lower-cased, stemmed word tokens without stopwords; dotted ids like 1.6 stay whole.

    Texts up to 2,048 characters are remembered (16,384 of them): the composer tokenises the
    same questions, titles and sentences many times per answer. Each call returns a new list,
    so a caller changing it cannot change what the next caller gets. `cache=False` skips the
    cache (a whole-index rebuild would only push everything else out of it)."""
    return _tokens_cached(text, cache)


class _TextMemo:
    """A function of a text whose results for short texts are kept; each call gets a new list."""

    def __init__(self, fn: Callable[[str], list[str]], kept: int, longest: int):
        self._fn, self._longest = fn, longest
        self._kept = lru_cache(maxsize=kept)(lambda text: tuple(fn(text)))

    def __call__(self, text: str, cache: bool = True) -> list[str]:
        return list(self._kept(text)) if cache and len(text) <= self._longest else self._fn(text)

    def cache_clear(self) -> None:
        self._kept.cache_clear()


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    memo = _WORD_TOKENS
    for raw in _TOKEN.findall(hyphenated(text).lower()):
        toks = memo.get(raw)
        if toks is None:
            if len(memo) >= _WORDS_KEPT:
                memo.clear()
            toks = memo[raw] = _word_tokens(raw)
        out += toks
    return out


# each word's tokens, once worked out: a library has far fewer distinct words than words, and
# stemming them one by one was most of the time a keyword-index rebuild spent tokenising
_WORD_TOKENS: dict[str, tuple[str, ...]] = {}
_WORDS_KEPT = 200_000  # about 40 MB at most; emptied when full


_tokens_cached = _TextMemo(_tokens, _TOKENS_CACHED, _CACHED_TEXT_MAX)
_identifiers_cached = _TextMemo(_identifiers, _IDS_CACHED, _IDS_TEXT_MAX)


def _word_tokens(raw: str) -> tuple[str, ...]:
    """The tokens of one word `_TOKEN` found (lower-cased)."""
    stem = _stemmer()
    raw = raw.lstrip("§")
    parts = [raw]
    if "-" in raw:
        parts += [p for p in raw.split("-") if p]
    out = []
    for tok in parts:
        tok = tok.strip("'")
        if not tok or tok in _STOP:
            continue
        if tok.isalpha():
            tok = stem.stemWord(tok)
        out.append(tok)
    return tuple(out)


def derived_from(token: str, known: Callable[[str], bool]) -> str:
    """The token, or the stem it derives from when the documents never use it but use that:
    an adjective in -y is asked of its noun ("risky" is stemmed "riski", "faulty" "faulti")."""
    if len(token) >= 5 and token[-1] == "i" and token.isalpha() and not known(token) and known(token[:-1]):
        return token[:-1]
    return token


# --------------------------------------------------------------------------- broken words

SOFT_HYPHEN = "\u00ad"
PDFIUM_HYPHEN = "\ufffe"  # PDFium's mark for a hyphen at a line end
_LEFT_HYPHEN = re.compile(f"[{SOFT_HYPHEN}{PDFIUM_HYPHEN}]")
#: A word written with a hyphen, possibly a space after it where a line break was: "track- ing".
#: A clause opening with a participle and its agent ("Resolved by the Board ...", "Approved by our
#: committee"): capitalised like a heading, but a clause (a lead-in or a byline), never a heading.
AGENT_CLAUSE = re.compile(r"^(?:[A-Z]\w+ )?\w+ed by (?:the |our |its )?[A-Z]")
#: What separates a list item from the next in its source ("...;", "..., and"): not the item's end.
#: Words no statement ends on ("... set out in the", "... the duties of"): its sentence goes on.
UNENDING = r"the|an?|of|to|for|with|from|that|which"
ITEM_SEPARATOR = re.compile(r"\s*[;,]\s*(?:and|or)?\s*$", re.I)
#: A legal definition's opening, a quoted term and its verb ('"operator" means ...'): a sentence
#: starts there though the term is in lower case, and in a list of definitions ends on ";".
DEFINED_TERM = re.compile(r"^[\"“‘'][^\"”’'\n]{1,60}[\"”’']\s+(?:means|includes|has the (?:same )?meaning|refers to)\b")
#: A relative clause closing on its preposition ("the users it is meant for", "the data they were
#: trained on"): a whole phrase, not a clause cut before its object ("... in place to address").
STRANDED = re.compile(
    r"\b(?:it|they|we|you|he|she)\s+(?:(?:is|are|was|were|has been|have been|will be|can be|may be)\s+)?"
    r"(?:meant|made|built|run|sold|given|\w+ed)\s+(?:for|on|with|in|at|from|about|by)[,;.]?\s*$",
    re.I,
)
HYPHENATED = re.compile(r"\b([A-Za-z]+)-\s?([a-z]{2,})\b")
#: Words after a suspended hyphen ("pre- and post-deployment"): the space there is the author's.
SUSPENDED_BEFORE = frozenset(["and", "or", "nor", "to", "vs", "versus", "through", "than", "as"])
#: Second halves that exist only as the tail of a word broken at a line end ("track-ing", "set-ting").
WORD_TAILS = frozenset(
    [
        "ing",
        "ings",
        "tion",
        "tions",
        "sion",
        "sions",
        "ment",
        "ments",
        "ness",
        "ity",
        "ities",
        "ance",
        "ances",
        "ence",
        "ences",
        "ical",
        "ically",
        "ally",
        "ated",
        "ating",
        "ting",
        "ning",
        "ring",
        "ling",
        "ging",
        "ding",
        "ming",
        "ping",
        "ship",
        "ships",
        "ible",
        "ibly",
        "ized",
        "ised",
        "izing",
        "ising",
        "zation",
        "sation",
        "ure",
        "ures",
        "ous",
        "ious",
        "ive",
        "ives",
        "ily",
        "ier",
        "iest",
    ]
)


def broken_word(text: str, vocabulary: Collection[str] | None = None, known: Collection[str] = ()) -> bool:
    """A word broken at a line end and left so by extraction ("re-silient", "track-ing"): a soft
    hyphen, a tail that is no word of its own, or halves that `vocabulary` (the words of the
    evidence, hyphenated words kept whole) writes as one word and neither half alone, unless both
    halves are `known` whole words (a compound such as "down-time" beside "downtime"); a hyphen
    left before a space by a join ("course- corrected"), unless it is suspended ("pre- and post-")."""
    if _LEFT_HYPHEN.search(text):
        return True
    for m in HYPHENATED.finditer(text):
        head, tail = m.group(1).lower(), m.group(2).lower()
        if tail in WORD_TAILS or (" " in m.group(0) and tail not in SUSPENDED_BEFORE):
            return True
        # hyphenation never leaves one letter before a line end ("e-mail", "x-ray" are spelled so)
        joined = len(head) > 1 and vocabulary and head + tail in vocabulary and {head, tail}.isdisjoint(vocabulary)
        if joined and not (head in known and tail in known):
            return True
    return False


def content_words(text: str) -> set[str]:
    """Distinct content tokens, for overlap scores."""
    return set(tokenize(text))


def fuzzy(words: set[str]) -> set[str]:
    """Stems cut to six letters: "compli(ance)" meets "compli(es)", "requir(ement)" meets "requir(e)"."""
    return {w[:6] for w in words}


def normalize_space(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- citation markers

# The one citation-marker pattern: "[3]", "[1, 2]", "[1;2]".
MARKER = re.compile(r"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")
_MARKERS_ONLY = re.compile(r"(?:\s*\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\])+\s*[.!?]?")
_LEADING_MARKERS = re.compile(r"^(?:\s*\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\])+")


def marker_numbers(text: str) -> list[int]:
    """Citation numbers in order of appearance, repeats included: "a [1] b [2, 3]" -> [1, 2, 3]."""
    return [int(n) for m in MARKER.finditer(text or "") for n in re.split(r"\s*[,;]\s*", m.group(1))]


def strip_markers(text: str) -> str:
    """Text without citation markers, with the space before punctuation closed."""
    t = MARKER.sub("", text or "")
    t = re.sub(r"\s+([.,;:!?])", r"\1", t)
    return " ".join(t.split())


def renumber_markers(text: str, mapping: dict[int, int], drop_unknown: bool = False) -> str:
    """Each marker number replaced through `mapping`; unknown numbers kept (or dropped)."""

    def sub(m: re.Match[str]) -> str:
        nums = [int(n) for n in re.split(r"\s*[,;]\s*", m.group(1))]
        new = [mapping.get(n, None if drop_unknown else n) for n in nums]
        kept = [str(n) for n in new if n is not None]
        return f"[{', '.join(kept)}]" if kept else ""

    return MARKER.sub(sub, text)


def marked_sentences(text: str) -> list[str]:
    """Sentences of cited text, each with its markers: a marker placed after the full stop
    ("claim. [2]") belongs to the sentence before it."""
    out: list[str] = []
    for raw in split_sentences(text or ""):
        lead = _LEADING_MARKERS.match(raw)
        only = _MARKERS_ONLY.fullmatch(raw)
        if out and (only or lead):
            cut = len(raw) if only or lead is None else lead.end()
            out[-1] += " " + raw[:cut].strip()
            raw = raw[cut:].strip()
            if not raw:
                continue
        out.append(raw)
    return out


class Numbering:
    """The one citation numbering: markers 1..n in order of first use, one number per key."""

    def __init__(self) -> None:
        self._numbers: dict[object, int] = {}

    def number(self, key: object) -> int:
        """The marker for `key`, assigning the next number on first use."""
        if key not in self._numbers:
            self._numbers[key] = len(self._numbers) + 1
        return self._numbers[key]

    def get(self, key: object) -> int | None:
        return self._numbers.get(key)

    def keys(self) -> list[object]:
        """Keys in marker order."""
        return list(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)

    def __contains__(self, key: object) -> bool:
        return key in self._numbers


#: A postal address in a line: "1180 Quarry Ridge Parkway", "Lindenfall, OR 97599", "PO Box 12".
POSTAL = re.compile(
    r"\b\d{1,6}[A-Z]?\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|"
    r"Court|Ct|Place|Pl|Parkway|Pkwy|Way|Highway|Hwy|Square|Sq|Plaza|Circle|Terrace)\b"
    r"|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*,\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\bP\.?\s?O\.?\s*Box\s+\d+",
)


_CITATION_ENTRY = re.compile(
    r"\(\d{4}[a-z]?\)\.|\bet al\.|\barXiv\b|\bdoi:|\bdoi\.org\b|\bRetrieved (?:from|on)\b|\bIn Proceedings\b"
    r"|\bVol\. \d|\bpp\. \d|https?://",
    re.I,
)


def reference_entry(text: str) -> bool:
    """Is the text a bibliography entry (a pointer elsewhere, not an answer)?"""
    return _CITATION_ENTRY.search(text) is not None
