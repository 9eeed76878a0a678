"""Questions that point at a document ("the blueprint", "our bylaws", "per the Playbook"): which
indexed documents the user added they mean, so the answer reads from those first.

A reference is a determiner or possessive, up to four modifiers and a noun naming a kind of
document ("the national blueprint", "Harbourview's bylaws", "the procurement framework"). It
names the documents whose title or file name carries the noun and most of the modifiers (the
cover page counts half, for a PDF whose title says little). A bundled guide named more
precisely ("the CHAI Blueprint" when the user's blueprint is not CHAI's) keeps the answer it
gives today: only documents the user added are ever preferred.
"""

from __future__ import annotations

import itertools
import re
import weakref
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

from ..chunk import DocType
from ..retrieve import Retriever
from ..text import tokenize
from .selection import Candidate

__all__ = [
    "Pointing",
    "Reference",
    "documents_named",
    "documents_naming",
    "pointing",
    "prefer_pointed",
    "read_references",
    "reference_nouns",
    "referenced",
    "without_names",
    "without_pointers",
    "without_references",
]

#: Words naming a kind of document (as written: "guiding" is no guide).
KINDS = frozenset(
    [
        "playbook",
        "blueprint",
        "bylaw",
        "rule",
        "regulation",
        "framework",
        "guideline",
        "guidance",
        "guide",
        "policy",
        "policies",
        "standard",
        "card",
        "charter",
        "profile",
        "manual",
        "handbook",
        "toolkit",
        "roadmap",
        "specification",
        "directive",
        "act",
        "statute",
        "whitepaper",
        "brochure",
        "faq",
        "newsletter",
        "constitution",
        "briefing",
        "questionnaire",
        "presentation",
        "deck",
        "memo",
        "memorandum",
        "bulletin",
        "circular",
        "notice",
        "order",
        # "the consensus statement", "the position statement"
        "statement",
        # "the bill": a legislature's (not "study", "article", "letter", "agreement" or "audit":
        # "the MVO performance study", "the new AI article", "a tool that drafts discharge
        # letters", "our monthly audit" name a part of a document or a thing, no document)
        "bill",
    ]
)
#: Other words a document of a kind is titled by, tried only when no document carries the
#: question's own noun: "the deck" is a "Board Briefing", "the bill" a "... Act".
KIND_ALIASES: dict[str, tuple[str, ...]] = {
    "deck": ("slides", "presentation", "briefing"),
    "presentation": ("deck", "slides", "briefing"),
    "briefing": ("deck", "slides", "presentation"),
    "bill": ("act",),
    "act": ("bill",),
    "regulation": ("rules",),
    "guideline": ("guidance",),
    "guidance": ("guideline",),
    "questionnaire": ("vsaq", "assessment", "survey"),
    # "this study" is an article titled "Evaluation of ...", "this report" an internal audit's
    "study": ("evaluation", "trial", "analysis"),
    "report": ("audit",),
}
#: Nouns that name a document only after "this" ("who funded this study?", "in this report"): after
#: "the" they name a thing the document describes ("the MVO performance study", "an incident report").
_THIS_KINDS = frozenset(["study", "report", "audit", "article", "letter", "review", "evaluation", "minutes"])
#: Words naming any document the user added ("the document I uploaded", "our PDF").
GENERIC = frozenset(["document", "pdf", "file", "upload", "paper"])
_GENERIC_TOKENS = frozenset(t for w in GENERIC for t in tokenize(w))
#: Any kind of name for a document, as tokens ("policy", "bulletin", "document", ...).
DOCUMENT_TOKENS = frozenset(t for w in KINDS | GENERIC for t in tokenize(w))
#: Words saying the document is the user's own: only documents the user added are meant.
OWN = frozenset(["our", "my", "uploaded", "attached", "added", "indexed", "own", "internal"])
#: Words after the noun saying the same ("the document I uploaded").
OWN_AFTER = frozenset(["uploaded", "attached", "added", "indexed", "shared", "provided"])
#: Nouns a document noun may qualify to name a body of people instead ("standards committee"), or
#: a thing other than a document ("the bill rate", "the policy template", "the document log").
_BODIES = frozenset(
    ["committee", "committees", "board", "council", "group", "panel", "team", "office", "officer", "lead", "body"]
    + ["trail", "log", "logs", "logging", "population", "participants", "site", "sites", "rate", "rates"]
    + ["period", "design", "arm", "arms", "template", "templates"]
)
#: The cover page counts half: a title can be a file name or a series number.
FRONT_WEIGHT = 0.5
#: Chunks read as a document's cover page.
FRONT_CHUNKS = 2

_OPENER = re.compile(
    r"\b(?:the|our|this|that|your|these|those|its|their|my)\b|\b[A-Za-z][\w&-]*['’]s\b"
    # "according to guideline NG-DH 04/2026": a source named without an article
    r"|\b(?:according to|as per)\b(?!\s+(?:the|our|this|that|your|these|those|its|their|my)\b)",
    re.I,
)
#: A word of a document's number or code: "NG-DH", "04", "7.2", "2019", "(EU)".
_CODE_WORD = re.compile(r"^\(?(?:[A-Z]{2,}(?:-[A-Z0-9]+)*|[A-Z]*-?\d[\w.-]*)\)?$")
_WORD = re.compile(r"[\w().&'’-]+")
#: Words that end a noun phrase before a document noun is reached ("the board that reviews ...").
_BREAK = frozenset(
    [
        "of",
        "for",
        "in",
        "on",
        "at",
        "to",
        "by",
        "with",
        "from",
        "under",
        "per",
        "about",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "is",
        "are",
        "was",
        "were",
        "be",
        "does",
        "do",
        "did",
        "has",
        "have",
        "had",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
        "will",
        "would",
        "shall",
        "and",
        "or",
        "but",
        "if",
        "when",
        "where",
        "how",
        "what",
        "why",
    ]
)


@dataclass(frozen=True)
class Reference:
    """One document reference in a question: its noun and modifiers as tokens."""

    phrase: str
    noun: str
    modifiers: frozenset[str]
    own: bool  # "our", "uploaded": the user's own document is meant
    code: frozenset[str] = frozenset()  # the tokens of its number ("NG-DH 04/2026"), among the modifiers


def read_references(question: str) -> list[Reference]:
    """The document references a question makes, in order ([] when it points at none)."""
    out: list[Reference] = []
    text = re.sub(r"\bby-laws?\b", "bylaws", question, flags=re.I)
    for m in _OPENER.finditer(text):
        words = list(_WORD.finditer(text, m.end(), m.end() + 120))[:9]
        ref = _reference(m.group(0), [w.group(0) for w in words])
        if ref is not None and _said_before(m.group(0), ref.noun, text[: m.start()]):
            continue  # "how much advance notice ..., and what must that notice contain?": the notice asked of
        if ref is not None:
            # the phrase as written ("guideline NG-DH 04/2026"), so that it can be taken out whole
            n = len(ref.phrase.split()) - len(m.group(0).split())
            out.append(replace(ref, phrase=text[m.start() : words[n - 1].end()]))
    return out


def _said_before(opener: str, noun: str, before: str) -> bool:
    """Does a demonstrative ("that notice") name a thing the question named before it?"""
    return opener.lower() in ("this", "that", "these", "those") and noun in tokenize(before)


def _kind(word: str) -> str:
    """The document kind a word names ("bylaws" -> "bylaws"), "" when it names none."""
    w = re.sub(r"['’]s$", "", word.lower())
    for form in (w, w[:-1] if w.endswith("s") else w):
        if form in KINDS or form in GENERIC:
            return form
    return ""


def _reference(opener: str, words: list[str]) -> Reference | None:
    """The reference an opener ("the", "our", "Harbourview's") starts, when a document noun
    follows it within six words ("the Pellwyn Regional Medical Center board briefing") and before
    a preposition or verb ends the phrase."""
    mods: list[str] = []
    for i, word in enumerate(words[:6]):
        plain = re.sub(r"['’]s$", "", word.strip("().,;:?!'’").lower())
        if not plain or plain in _BREAK:
            return None
        kind = _kind(plain) or (plain if not i and opener.lower() == "this" and plain in _THIS_KINDS else "")
        if kind and words[i + 1 : i + 2] and words[i + 1].strip("().,;:?!").lower() in _BODIES:
            return None  # "the technical standards committee", "the policy team": a body, no document
        if kind:
            # "guideline NG-DH 04/2026", "Policy 7.2": the number after the noun names the document too
            code = list(itertools.takewhile(lambda w: bool(_CODE_WORD.match(w)), words[i + 1 : i + 4]))
            lead = opener[:-2] if opener.lower().endswith(("'s", "’s")) else ""
            mod_toks = frozenset(t for w in [lead, *mods, *code] for t in tokenize(w))
            after = {w.lower().strip(".,;:?!") for w in words[i + 1 + len(code) : i + 4 + len(code)]}
            own = opener.lower() in OWN or bool(set(mods) & OWN) or bool(after & OWN_AFTER)
            noun = (tokenize(kind) or [kind])[-1]
            phrase = " ".join([opener] + words[: i + 1 + len(code)])
            code_toks = frozenset(t for w in code for t in tokenize(w))
            return Reference(phrase, noun, mod_toks - set(tokenize(" ".join(OWN))), own, code_toks)
        mods.append(plain)
    return None


@dataclass
class _Doc:
    source: str
    doc_type: str
    name: frozenset[str]  # tokens of the title and file name
    front: frozenset[str] | None = None  # tokens of the cover page, read when first needed


@dataclass
class _Catalog:
    generation: int
    docs: list[_Doc] = field(default_factory=list)


_CATALOGS: weakref.WeakKeyDictionary[Any, _Catalog] = weakref.WeakKeyDictionary()


def _catalog(retriever: Retriever) -> _Catalog:
    """The indexed documents' names, kept per index until it changes."""
    index = retriever.index
    gen = index.generation
    have = _CATALOGS.get(index)
    if have is None or have.generation != gen:
        docs = []
        for f in index.files():
            if f.get("doc_type") not in (DocType.GUIDANCE, DocType.USER):
                continue
            stem = re.sub(r"[_.-]+", " ", PurePath(str(f["source"])).stem)
            docs.append(
                _Doc(str(f["source"]), str(f["doc_type"]), frozenset(tokenize(f"{f.get('title') or ''} {stem}")))
            )
        have = _CATALOGS[index] = _Catalog(gen, docs)
    return have


def _front(retriever: Retriever, doc: _Doc) -> frozenset[str]:
    """The tokens of a document's cover page (its first chunks); a bundled guide's title is its cover."""
    if doc.front is None:
        if doc.doc_type != DocType.USER:
            doc.front = frozenset()
        else:
            first = retriever.index.chunks_for_source(doc.source)[:FRONT_CHUNKS]
            doc.front = frozenset(t for c in first for t in tokenize(f"{c.section} {c.text}"))
    return doc.front


def _score(ref: Reference, doc: _Doc, retriever: Retriever) -> float:
    """How well a document answers to a reference: its noun (0 when absent), then its modifiers."""
    if ref.noun in _GENERIC_TOKENS:
        noun = 1.0 if doc.doc_type == DocType.USER else 0.0
    elif ref.noun in doc.name:
        noun = 1.0
    elif doc.doc_type == DocType.USER and ref.noun in _front(retriever, doc):
        noun = FRONT_WEIGHT
    else:
        return 0.0
    if noun == 0.0:
        return 0.0
    mods = 0.0
    for m in ref.modifiers:
        if m in doc.name:
            mods += 1.0
        elif doc.doc_type == DocType.USER and m in _front(retriever, doc):
            mods += FRONT_WEIGHT
    return noun + 0.5 * mods


def documents_named(ref: Reference, retriever: Retriever) -> tuple[str, ...]:
    """The documents the user added that a reference names best (none when a bundled guide
    answers to it better, or nothing does); by the noun's aliases (`KIND_ALIASES`) when no
    document carries the noun itself."""
    docs = _catalog(retriever).docs
    if ref.own:
        docs = [d for d in docs if d.doc_type == DocType.USER]
    scored = [(s, d) for d in docs if (s := _score(ref, d, retriever)) > 0]
    for alias in _aliases(ref.noun) if not scored else ():
        scored += [(s, d) for d in docs if (s := _score(replace(ref, noun=alias), d, retriever)) > 0]
    if not scored:
        return ()
    best = max(s for s, _ in scored)
    top = [d for s, d in scored if s >= best - 1e-9]
    return tuple(sorted(d.source for d in top if d.doc_type == DocType.USER))


def _aliases(noun: str) -> list[str]:
    """The tokens of the other words a document of the noun's kind is titled by."""
    for kind, aliases in KIND_ALIASES.items():
        if (tokenize(kind) or [kind])[-1] == noun:
            return [t for a in aliases for t in tokenize(a)[-1:]]
    return []


_LEAD_IN = r"(?:\b(?:under|per|according to|in|from|by|within|of)\s+)?"
_POINTER = r"\b(?:under|per|according to|in|from|within)\s+"


def without_references(question: str) -> str:
    """The question without its document references ("Who sits on the committee under the
    bylaws?" -> "Who sits on the committee?"): inside the document they name, every passage
    shares those words, and they only blur what is asked."""
    return _cut(question, read_references(question), _LEAD_IN)


def without_pointers(question: str, retriever: Retriever | None) -> str:
    """The question without the phrases pointing at an indexed document it names ("How often does
    the panel meet under the Brennmoor guideline?" -> "How often does the panel meet?"): every
    passage of that document shares them, and in the vector sentences are scored by they only
    draw the passages about the document. A document that is what is asked about ("amend the
    bylaws") stays."""
    if retriever is None:
        return question
    return _cut(question, [r for r in read_references(question) if documents_named(r, retriever)], _POINTER)


def _cut(question: str, refs: list[Reference], lead_in: str) -> str:
    """The question without each reference's phrase (after `lead_in`); the question itself when
    under three words would be left."""
    out = re.sub(r"\bby-laws?\b", "bylaws", question, flags=re.I)
    for ref in refs:
        out = re.sub(lead_in + re.escape(ref.phrase) + r"(?:['’]s)?", " ", out, count=1, flags=re.I)
    out = re.sub(r"\s+([?.,;:!])", r"\1", " ".join(out.split())).lstrip(" ,;:")
    return out if len(out.split()) >= 3 else question


def reference_nouns(question: str) -> set[str]:
    """The words of the question that only say which kind of document it points at ("bylaws" in
    "under the bylaws"), as written: every passage of that document shares them."""
    out: set[str] = set()
    for ref in read_references(question):
        last = [w for w in re.findall(r"[\w-]+", ref.phrase) if _kind(w)][-1:]
        out.update(w.lower() for w in last)
    return out


#: A name the question uses scopes a search to the documents using it when at most this many do.
NAMING_DOCS = 2
_NAME_WORD = re.compile(r"(?<=\S\s)[A-Z][\w'’-]*[a-z][\w'’-]*|\b[A-Z]{3,}\b")


def documents_naming(question: str, retriever: Retriever) -> tuple[str, ...]:
    """The documents the user added that alone use a name the question uses ("At St. Orlaith,
    if a doctor disagrees ..." -> the hospital's rule book): its passages answer, however far
    the question's words are from theirs. () when every such name is also in a bundled guide
    or in more than `NAMING_DOCS` documents."""
    found: dict[str, None] = {}
    for holders in _naming(question, retriever).values():
        found.update(dict.fromkeys(holders))
    return tuple(sorted(found))


def without_names(question: str, retriever: Retriever) -> str:
    """The question without the names that pick out its documents (`documents_naming`): inside
    a product's card every passage carries the product's name, so within it only the rest of the
    question ("Has DermaScan-Mel been through FDA clearance?" -> "Has been through FDA
    clearance?") tells its passages apart. The question itself when under three words would be left."""
    out = question
    for word in _naming(question, retriever):
        out = re.sub(rf"(?<![\w-]){re.escape(word)}(?:['’]s)?(?![\w-])", " ", out, count=1)
    out = re.sub(r"\s+([?.,;:!])", r"\1", " ".join(out.split()))
    return out if len(out.split()) >= 3 else question


def _naming(question: str, retriever: Retriever) -> dict[str, list[str]]:
    """Each name in the question that only the user's documents use, and at most `NAMING_DOCS`
    of them, with those documents."""
    lex = retriever.lexical()
    user = {d.source for d in _catalog(retriever).docs if d.doc_type == DocType.USER}
    out: dict[str, list[str]] = {}
    if not user:
        return out
    for word in dict.fromkeys(_NAME_WORD.findall(question)):
        for tok in tokenize(word)[:1]:
            holders = lex.sources_with(tok) if lex.df.get(tok, 0) else []
            if holders and len(holders) <= NAMING_DOCS and set(holders) <= user:
                out[word] = list(holders)
    return out


def referenced(question: str, retriever: Retriever | None) -> tuple[str, ...]:
    """The documents the user added that the question points at, in a stable order; () when it
    points at none of them (no reference, or one naming a bundled guide)."""
    if retriever is None:
        return ()
    refs = read_references(question)
    if not refs:
        return ()
    found: dict[str, None] = {}
    for ref in refs:
        found.update(dict.fromkeys(documents_named(ref, retriever)))
    return tuple(found)


#: Score a passage of the document a question points at gains, and any other passage loses.
POINTED_LIFT = 0.06
#: Without a reference, the user's own document leads when its best passage scores at least
#: this share of the best passage's score.
OWN_NEAR = 0.9
#: A question naming one document the user added exactly (`Pointing.exact`), and comparing nothing,
#: is answered from it alone when its best passage scores at least this share of the best.
POINTED_KEEP = 0.6


@dataclass(frozen=True)
class Pointing:
    """What a question points at: its document references and the documents the user added
    they name (empty when it names none of them, or no document at all)."""

    refs: tuple[Reference, ...] = ()
    sources: frozenset[str] = frozenset()
    # every reference names its one document by a word of its title and all of its own modifiers
    # ("the deck's risk tiers": a "Board Briefing"), not by its noun alone ("the IHE IT
    # Infrastructure framework" is no user's "Assurance Framework"; "the preliminary notice" no letter)
    exact: bool = False


def pointing(question: str, retriever: Retriever | None) -> Pointing:
    """The question's document references and the user's documents they name."""
    if retriever is None:
        return Pointing()
    refs = tuple(read_references(question))
    if not refs:
        return Pointing()
    sources = frozenset(referenced(question, retriever))
    # one document: "the policy" naming two of them may mean a third one's subject (an audit's)
    exact = len(sources) == 1 and all(_exactly(ref, retriever) for ref in refs)
    return Pointing(refs, sources, exact)


def _exactly(ref: Reference, retriever: Retriever) -> bool:
    """Does the reference name its documents by their title's or file name's words, all of them?"""
    named = set(documents_named(ref, retriever))
    docs = [d for d in _catalog(retriever).docs if d.source in named]
    nouns = {ref.noun, *_aliases(ref.noun)}
    return bool(docs) and all(
        bool(nouns & d.name) and all(m in d.name or m in _front(retriever, d) for m in ref.modifiers) for d in docs
    )


def prefer_pointed(cands: list[Candidate], at: Pointing, *, only: bool = False) -> None:
    """The passages of the document a question points at rank first (`only`, and named exactly:
    every one of them above any other document's, when they answer at all); without a reference,
    the user's own document leads when it answers nearly as well as a bundled guide. A question
    naming a bundled guide ("the CHAI Blueprint") keeps its ranking."""
    if not cands:
        return
    if at.sources:
        inside = [c.score for c in cands if c.chunk.source in at.sources]
        best = max(c.score for c in cands)
        # "under the deck's risk tiers": another document's tier table is no answer, however well it scores
        sink = only and at.exact and bool(inside) and best > 0 and max(inside) >= POINTED_KEEP * best
        # sunk below zero too, so that no other document's sentence clears the floor of an answer's rest
        drop = 2 * best - min(inside) + POINTED_LIFT if sink else POINTED_LIFT
        for c in cands:
            c.score += POINTED_LIFT if c.chunk.source in at.sources else -drop
        return
    if at.refs:
        return  # a bundled guide is named, or no document answers to the name
    best = max(cands, key=lambda c: c.score)
    users = [c for c in cands if c.chunk.doc_type == DocType.USER]
    if best.chunk.doc_type == DocType.USER or not users or best.score <= 0:
        return
    own = max(users, key=lambda c: c.score)
    if own.score >= OWN_NEAR * best.score:
        # the user's document says it nearly as well: its words and page lead the answer
        lift = best.score - own.score + 0.001
        for c in users:
            c.score += lift
