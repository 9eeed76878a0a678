"""Readability of an answer, and whether it cites the right document and page first.

Pure functions over the answer text (no model, no I/O), beside ``metrics`` (which is near the
module size limit) and in the same style: not-applicable values are ``metrics.UNDEFINED``.

- ``fragment_rate``: sentences that are not whole — start mid-sentence, stop on a word no
  sentence ends on ("... in place to address"), unbalanced brackets, a lead-in ("... include:")
  with no list after it, or a list item quoted without the line that introduces it;
- ``heading_rate``: headings and table-of-contents lines (dot leaders, a title followed by a
  page number, a short line of capitalised words without a verb);
- ``duplicate_rate``: sentences that repeat an earlier one of the same answer;
- ``broken_hyphen_rate``: sentences holding a word broken at a line end ("re-silient",
  "track-ing") or a soft hyphen;
- ``words_per_answer``: words in the answer, markers excluded.

Each rate is the share of the answer's sentences (each list item counts as one) that it flags.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..ingest.hyphens import model_vocab
from ..text import AGENT_CLAUSE, DEFINED_TERM, STRANDED, broken_word, marked_sentences, strip_markers, tokenize
from .metrics import UNDEFINED

#: Per-case metrics of an answer (UNDEFINED when it abstains), in report order.
READABILITY_METRICS = ("fragment_rate", "heading_rate", "duplicate_rate", "broken_hyphen_rate", "words_per_answer")
ANSWER_METRICS = ("first_cited_source", "cited_page_hit", *READABILITY_METRICS)

#: Words a whole sentence does not end on: an article, a preposition, a conjunction, a
#: possessive or an enumeration lead ("... are in place to address", "including the").
_DANGLING_END = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "as",
        "than",
        "and",
        "or",
        "nor",
        "but",
        "its",
        "their",
        "our",
        "your",
        "his",
        "her",
        "including",
        "include",
        "includes",
        "e.g",
        "i.e",
        "via",
        "per",
        "between",
        "among",
        "within",
        "without",
        "toward",
        "towards",
        "versus",
        "vs",
    ]
)
#: Auxiliaries and common verbs: a line with none of them and mostly capitalised words is a heading.
_VERB_CUE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|can|could|should|must|may|might|will|would|"
    r"shall|need|needs|requires?|includes?|means|provides?|describes?|helps?|uses?|makes?|sets?|gives?|"
    r"calls?|states?|defines?|covers?|applies|apply|ensures?)\b",
    re.I,
)
#: A clause cut before its object: "... in place to address", "... communicated to relevant".
_CUT_CLAUSE = re.compile(
    # ("... with a plain-language description of each." ends on the pronoun: whole)
    r"\b(?:to|of|for|with|by|from|in|on|at|into|about|across|among)\s+(?:relevant|appropriate|other|all|any|"
    r"every|both|such|key|specific|various|several|applicable|related|potential|additional|external|internal|"
    r"new|existing|current|future|possible)$"
    r"|\bto\s+(?:address|ensure|include|provide|identify|establish|determine|assess|evaluate|consider|inform|"
    r"enable|promote|reduce|prevent|define|describe|implement|mitigate|communicate|characterize|incorporate|"
    r"detect|reflect|enhance|facilitate|prioritize|allocate)$",
    re.I,
)
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "for",
        "in",
        "on",
        "to",
        "with",
        "by",
        "at",
        "from",
        "as",
        "vs",
        "via",
        "per",
        "into",
    ]
)
_TOC_LINE = re.compile(r"(?:\.\s?){4,}|…|\.{3}\s*\d|\s\d{1,3}\s*$")
#: A form field with its value: a label of at most four words without numbers (not "GOVERN 6:"),
#: a colon, then the value.
_FIELD = re.compile(r"^[A-Z][A-Za-z()/&-]*(?: [A-Za-z()/&-]+){0,3}:\s+\S")
_BULLET = re.compile(r"^\s*(?:[-*•▪–]|\d{1,2}[.)])\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


@dataclass
class ReadabilityReport:
    """How an answer reads: the share of its sentences (list items count as sentences) that are
    fragments, headings or table-of-contents lines, near-duplicates of an earlier one, or hold a
    word broken at a line end; and its length in words. Every rate is UNDEFINED without sentences."""

    fragment_rate: Any = UNDEFINED
    heading_rate: Any = UNDEFINED
    duplicate_rate: Any = UNDEFINED
    broken_hyphen_rate: Any = UNDEFINED
    words: Any = UNDEFINED
    flagged: dict[str, list[str]] = field(default_factory=dict)  # metric -> the sentences it flags

    def values(self) -> dict[str, Any]:
        return {
            "fragment_rate": self.fragment_rate,
            "heading_rate": self.heading_rate,
            "duplicate_rate": self.duplicate_rate,
            "broken_hyphen_rate": self.broken_hyphen_rate,
            "words_per_answer": self.words,
        }


@dataclass
class _Unit:
    """One sentence of an answer, or one list item; `lead_in` tells whether a list item sits
    under a line that introduces it ("... include:")."""

    text: str
    bullet: bool = False
    lead_in: bool = False
    ends_lead: bool = False  # a prose sentence ending in ":"
    followed_by_list: bool = False


def _lines(text: str) -> list[str]:
    """Lines as a reader sees them: a list item starts a line; other line breaks inside a
    paragraph are soft (Markdown joins them)."""
    out: list[str] = []
    for raw in (text or "").splitlines():
        if not raw.strip():
            out.append("")
        elif _BULLET.match(raw) or not out or not out[-1]:
            out.append(raw.strip())
        else:
            out[-1] += " " + raw.strip()
    return [ln for ln in out if ln]


def _units(text: str) -> list[_Unit]:
    """The answer's sentences and list items, markers removed, in order."""
    out: list[_Unit] = []
    under_lead = False
    for line in _lines(text):
        m = _BULLET.match(line)
        if m:
            item = strip_markers(line[m.end() :])
            if item:
                out.append(_Unit(item, bullet=True, lead_in=under_lead))
            continue
        sentences = [strip_markers(s) for s in _row_whole(marked_sentences(line))]
        sentences = [s for s in sentences if s]
        for s in sentences:
            out.append(_Unit(s, ends_lead=s.rstrip().endswith(":")))
        under_lead = bool(sentences) and sentences[-1].rstrip().endswith(":")
    for prev, cur in itertools.pairwise(out):
        if prev.ends_lead and cur.bullet:
            prev.followed_by_list = True
    return out


def _row_whole(pieces: list[str]) -> list[str]:
    """A table row quoted in a paragraph ("... [2]. Rec. | Topic | Certainty [3]:") runs to the line's
    end and is one unit: the sentence splitter cuts it at a cell's full stop ("Rec.", "| No.")."""
    for k, piece in enumerate(pieces):
        if "|" in piece or (k + 1 < len(pieces) and pieces[k + 1].lstrip().startswith("|")):
            return [*pieces[:k], " ".join(pieces[k:])]
    return pieces


def _last_word(s: str) -> str:
    """The sentence's last token, lower-cased, when it is a word ("... to address." -> "address";
    "... §170.315(a)(9)." -> "")."""
    tokens = s.replace("e.g.", "e.g").replace("i.e.", "i.e").split()
    last = tokens[-1].strip(".,;:!?\"'”’)(]") if tokens else ""
    if last == "A" and len(tokens) > 1:
        return ""  # a label ("in Appendix A", "Class A"): the article "A" only opens a sentence
    return last.lower() if re.fullmatch(r"[A-Za-z][A-Za-z.]*", last) else ""


def _is_fragment(u: _Unit) -> bool:
    """Not a whole sentence: starts mid-sentence, stops mid-clause, unbalanced brackets, a lead-in
    with no list after it, or a list item quoted without the line that gives it its meaning."""
    s = u.text.strip().strip("\"'“”‘’")
    if not s:
        return True
    if s.count("(") != s.count(")") or s.count("[") != s.count("]"):
        return True
    if u.ends_lead and u.followed_by_list:
        return False  # a lead-in its list completes ("Policies should be designed to:" + items)
    body = re.sub(r"[\s.!?:\"'”’)]+$", "", s)
    if (_last_word(s) in _DANGLING_END and not STRANDED.search(body)) or _CUT_CLAUSE.search(body):
        return True
    if body.endswith(("-", ",", ";")):
        return True
    if u.ends_lead and not u.followed_by_list:
        return True
    if u.bullet:
        if u.lead_in:
            return False
        return not ((s[:1].isupper() or s[:1].isdigit()) and s.endswith((".", "!", "?")) and len(s.split()) >= 5)
    # a legal definition starts with its quoted term, in lower case ('"operator" means the licensee ...')
    if (s[:1].islower() and not DEFINED_TERM.match(u.text.strip())) or not s.rstrip("\"'”’)").endswith(
        (".", "!", "?", ":")
    ):
        return True
    words = s.split()
    # a form field with its value is whole however short ("Version: 2.0.")
    return len(words) < 3 and not re.match(r"(?i)(?:yes|no)\b", s) and not _FIELD.match(s)


def _is_heading(u: _Unit) -> bool:
    """A heading or table-of-contents line: dot leaders or a trailing page number after a
    title, or a line without a verb whose words are all capitalised (or that is only a few
    words long: "Readiness prerequisites")."""
    s = u.text.strip().rstrip(".:").strip()
    if " | " in s:
        return False  # a table row
    words = [w for w in _WORD.findall(s) if w.lower() not in _SMALL_WORDS]
    if not words:
        return bool(s)
    capitalised = sum(1 for w in words if w[0].isupper()) / len(words)
    toc = _TOC_LINE.search(s)
    # a field's value may end on its figure ("DEFAULT ALERT THRESHOLD: Score ≥ 55"): no page number
    if toc and capitalised >= 0.6 and not (_FIELD.match(s) and toc.group(0).strip().isdigit()):
        return True
    if u.bullet and u.lead_in:
        return False  # a short item of an introduced list ("Protect autonomy") is not a heading
    if _FIELD.match(s):
        return False  # a form field with its value ("Release Date: June 2024") states a fact
    if len(words) > 14 or _VERB_CUE.search(s) or AGENT_CLAUSE.search(s):
        return False
    return capitalised == 1.0 or (len(s.split()) <= 4 and capitalised >= 0.5)


def _fingerprint(s: str) -> set[str]:
    return set(tokenize(s))


_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")


_LEAD_IN = re.compile(r":\s*$")


def _duplicates(units: Sequence[_Unit]) -> list[int]:
    """Indexes of units that repeat an earlier one: token Jaccard >= 0.8, or nearly contained in it
    while at least half its length (a short item whose few words a longer one also uses is no repeat),
    unless each states a figure the other does not; a lead-in repeats only a lead-in of the same words."""
    prints = [_fingerprint(u.text) for u in units]
    figures = [set(_NUMBERS.findall(u.text)) for u in units]
    out: list[int] = []
    for j in range(len(units)):
        for i in range(j):
            a, b = prints[i], prints[j]
            if len(a) < 3 or len(b) < 3:
                continue
            if figures[i] - figures[j] and figures[j] - figures[i]:
                continue  # "suppressed for 6 hours" and "for 8 hours": two cards' facts, no repeat
            if (_LEAD_IN.search(units[i].text) or _LEAD_IN.search(units[j].text)) and a != b:
                continue  # a lead-in says what its items finish ("The officer shall:"): read with them
            inter = len(a & b)
            small, large = sorted((len(a), len(b)))
            if inter / len(a | b) >= 0.8 or (inter / small >= 0.9 and small * 2 >= large):
                out.append(j)
                break
    return out


def vocabulary(passages: Iterable[str]) -> set[str]:
    """Words of the evidence, hyphenated words kept whole: what a joined word is checked against."""
    out: set[str] = set()
    for p in passages:
        out.update(w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", p or ""))
    return out


def readability(text: str, vocab: Iterable[str] = ()) -> ReadabilityReport:
    """Readability of an answer (markers ignored). `vocab` is the words of the evidence, as
    :func:`vocabulary` gives them; without it, broken hyphens are found by their tails alone."""
    units = _units(text)
    if not units:
        return ReadabilityReport()
    words = set(vocab)
    flags = {
        "fragment_rate": [u.text for u in units if _is_fragment(u)],
        "heading_rate": [u.text for u in units if _is_heading(u)],
        "duplicate_rate": [units[i].text for i in _duplicates(units)],
        "broken_hyphen_rate": [u.text for u in units if broken_word(u.text, words, model_vocab())],
    }
    n = len(units)
    return ReadabilityReport(
        fragment_rate=len(flags["fragment_rate"]) / n,
        heading_rate=len(flags["heading_rate"]) / n,
        duplicate_rate=len(flags["duplicate_rate"]) / n,
        broken_hyphen_rate=len(flags["broken_hyphen_rate"]) / n,
        words=float(len(re.findall(r"\w[\w'’.-]*", strip_markers(text)))),
        flagged={k: v for k, v in flags.items() if v},
    )


def first_cited_source(citations: Sequence[dict[str, Any]], expected_sources: Sequence[str]) -> Any:
    """1 when the answer's first citation is an expected source (the right product's card cited
    first), else 0; UNDEFINED without citations or expected sources."""
    srcs = [s.lower() for s in expected_sources or [] if s]
    if not srcs or not citations:
        return UNDEFINED
    first = min(citations, key=lambda c: int(c.get("marker") or 0))
    return float(any(s in str(first.get("source") or "").lower() for s in srcs))


def cited_page_hit(
    citations: Sequence[dict[str, Any]], expected_sources: Sequence[str], expected_pages: Sequence[int] | None
) -> Any:
    """1 when some citation of an expected source cites an expected page; UNDEFINED without
    citations or expected pages."""
    srcs = [s.lower() for s in expected_sources or [] if s]
    pages = {int(p) for p in expected_pages or []}
    if not srcs or not pages or not citations:
        return UNDEFINED
    return float(
        any(c.get("page") in pages and any(s in str(c.get("source") or "").lower() for s in srcs) for c in citations)
    )
