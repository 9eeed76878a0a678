"""The index as the composer reads it: how rare a word is, a document's chunks and words, and
the chunks of one numbered item ("MAP 2.2", "Article 14")."""

from __future__ import annotations

import functools
import math
import re
import weakref
from collections import OrderedDict
from collections.abc import Collection
from typing import Any

from ..chunk import Chunk, DocType
from ..retrieve import Hit, Retriever
from ..text import identifiers, tokenize
from .docref import DOCUMENT_TOKENS
from .paraphrase import WordMatcher, expands

__all__ = ["MAX_FAMILY", "Corpus"]


#: A numbered heading: "Section 3.2", "Article 14", "4.2 Credentialing", "Rule 7(a)", "§ 164.312".
_NUMBERED = re.compile(r"^\s*(?:[A-Za-z]+\.?\s+)?\d+(?:\.\d+)*(?:\([a-z0-9]+\))?(?=[\s:.—–-]|$)|\b\d+\.\d+\b|§\s*\d")
#: A heading's number: "7.", "4.2", "Section 3".
_HEADING_NUMBER = re.compile(r"^\s*(?:(?:section|part|article|chapter)\s+)?\d+(?:\.\d+)*[.)]?\s+", re.I)
#: Per index, the documents whose chunk lists stay cached across questions (generation, source).
#: A name of several capitalised words ("REPUBLIC OF VELORIA", "St. Orlaith Regional Medical Center").
_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]+(?:[ \t]+(?:(?:of|and|for|the|on|in)[ \t]+)?[A-Z][\w'’.-]+)+")
#: How much of a document's first passage is read as its masthead.
_MASTHEAD_CHARS = 400
_DOCUMENTS: weakref.WeakKeyDictionary[Any, OrderedDict[tuple[int, str], list[Chunk]]] = weakref.WeakKeyDictionary()
_DOCUMENTS_KEPT = 4
#: An acronym as a passage writes it ("VDHA", "GAIOC").
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")
#: Letters two stems of one word share from the start ("overse" / "oversight").
_STEM_START = 5


def _same_start(a: str, b: str) -> bool:
    return len(a) >= _STEM_START and len(b) >= _STEM_START and a[:_STEM_START] == b[:_STEM_START]


#: Chunks of a numbered item read together at most: a longer item is a chapter, not one provision.
MAX_FAMILY = 12


class Corpus:
    """What the index knows about words and documents: how rare a token is (inverse document
    frequency over chunks) and the words of a whole document (cached per index generation)."""

    def __init__(self, retriever: Retriever | None, words: WordMatcher | None = None):
        self.retriever = retriever
        self.words_alike = words  # how far a passage's words stand in for a question's (None: not judged)
        self._words: dict[str, frozenset[str]] = {}
        self._chunks: dict[str, list[Chunk]] = {}
        self._spelled: dict[str, frozenset[str]] = {}
        self._spells: dict[tuple[str, str], bool] = {}
        self._running: dict[str, str] = {}
        self._generation = -1

    def _fresh(self) -> None:
        gen = self.retriever.index.generation if self.retriever is not None else 0
        if gen != self._generation:
            self._words.clear()
            self._chunks.clear()
            self._spelled.clear()
            self._spells.clear()
            self._running.clear()
            self._generation = gen

    def rarity(self, token: str) -> float:
        """log((N + 1) / (df + 0.5)) over the index's chunks; 1.0 without an index."""
        if self.retriever is None:
            return 1.0
        lex = self.retriever.lexical()
        n = max(len(lex.ids), 1)
        return float(math.log((n + 1) / (lex.df.get(token, 0) + 0.5)))

    def known(self, token: str) -> bool:
        """Does any indexed passage use the token? True without an index."""
        return self.retriever is None or self.retriever.lexical().holds(token)

    def chunks(self, source: str) -> list[Chunk]:
        """A document's chunks in reading order ([] without an index); the last few documents
        read stay cached across questions until the index changes."""
        self._fresh()
        if source not in self._chunks:
            if self.retriever is None:
                self._chunks[source] = []
            else:
                kept = _DOCUMENTS.setdefault(self.retriever.index, OrderedDict())
                key = (self._generation, source)
                if key not in kept:
                    kept[key] = self.retriever.index.chunks_for_source(source)
                    while len(kept) > _DOCUMENTS_KEPT:
                        kept.popitem(last=False)
                kept.move_to_end(key)
                self._chunks[source] = kept[key]
        return self._chunks[source]

    def spelled(self, chunk: Chunk) -> frozenset[str]:
        """The words of the chunk's whole document as written, lower-cased (its own without an index)."""
        self._fresh()
        if chunk.source not in self._spelled:
            texts = [f"{c.title} {c.section} {c.text}" for c in self.chunks(chunk.source)] or [chunk.text]
            self._spelled[chunk.source] = frozenset(re.findall(r"\w+", " ".join(texts).lower()))
        return self._spelled[chunk.source]

    def spells_out(self, acronym: str, chunk: Chunk) -> bool:
        """Does the chunk's document write out what the acronym stands for ("EHR": "electronic
        health record"): in a wording the documents define it with (the keyword index's), or in
        consecutive words of one passage (cached per index generation)?"""
        self._fresh()
        key = (acronym, chunk.source)
        if key not in self._spells:
            words = self.words(chunk)
            spelled = self.retriever.lexical().spelled.get(acronym.lower(), []) if self.retriever is not None else []
            self._spells[key] = any(w and w <= words for w in (set(tokenize(p)) for p in spelled)) or any(
                # written out without being defined: "an electronic health record outage"
                expands(acronym, c.text)
                for c in self.chunks(chunk.source) or [chunk]
            )
        return self._spells[key]

    def running(self, chunk: Chunk) -> frozenset[str]:
        """Tokens of the running header and footer lines of the chunk's document ("Kestrelmoor
        Regional Medical Center · AI Oversight Council"), and of the names its masthead prints
        ("REPUBLIC OF VELORIA · MINISTRY OF HEALTH"): they frame every page, as its title does."""
        return frozenset(tokenize(self.framing(chunk)))

    def framing(self, chunk: Chunk) -> str:
        """The running lines of the chunk's document and the capitalised names atop its first
        passage, when it is a document a user added ("" for the bundled guides, whose first
        passage is prose about their topic)."""
        self._fresh()
        if chunk.source not in self._running:
            chunks = self.chunks(chunk.source)
            lines = [c.text for c in chunks if c.meta.get("running")]
            first = next((c for c in chunks if not c.meta.get("running")), None)
            if first is not None and first.doc_type == DocType.USER:
                lines += _NAME_RUN.findall(first.text[:_MASTHEAD_CHARS])
            self._running[chunk.source] = " ".join(lines)
        return self._running[chunk.source]

    def expansions(self, text: str) -> str:
        """What the acronyms in the text stand for where the documents spell them out ("VDHA":
        "Vantoria Digital Health Agency"), "" without an index or acronyms."""
        if self.retriever is None:
            return ""
        return " ".join(phrases[0] for phrases in self._defined(text) if phrases)

    def _defined(self, text: str) -> list[list[str]]:
        """Per acronym the text uses (once each, in order), the wordings the keyword index saw
        defining it, commonest first ([] for one never defined; needs an index)."""
        assert self.retriever is not None
        spelled = self.retriever.lexical().spelled
        return [spelled.get(a.lower(), []) for a in dict.fromkeys(_ACRONYM.findall(text))]

    def glosses(self, chunk: Chunk, text: str) -> str:
        """What the acronyms in the text stand for where the chunk's own document spells them out
        ("for MV" in a paper that wrote "Marrowby Valley Hospital (MV)": "marrowby valley"); ""
        without an index or such acronyms. Another document's meaning of the letters is not theirs."""
        if self.retriever is None or not _ACRONYM.search(text):
            return ""
        words = self.words(chunk)
        found = (next((p for p in phrases if set(tokenize(p)) <= words), "") for phrases in self._defined(text))
        return " ".join(f for f in found if f)

    def glossed(self, asked: Collection[str], text: str) -> frozenset[str]:
        """The asked words an acronym in the text stands for as the documents define it, in any
        order: "the committee that oversees generative AI" is "the GAIOC" where a document writes
        "Generative AI Oversight Committee (GAIOC)". Two words of the definition at least (one
        from a definition of one word), so a shared "AI" alone glosses nothing."""
        if self.retriever is None or not asked:
            return frozenset()
        out: set[str] = set()
        for phrases in self._defined(text):
            for phrase in phrases:
                defined = set(tokenize(phrase))
                # a word the question derives otherwise ("oversees" / "Oversight") shares its stem's start
                hit = {t for t in asked if t in defined or any(_same_start(t, d) for d in defined)}
                if len(hit) >= min(2, len(defined)):
                    out |= hit
        return frozenset(out)

    def parties(self, question: str, asked: Collection[str], chunk: Chunk, text: str) -> tuple[set[str], set[str]]:
        """The asked words naming contract parties that the text speaks of, and those it must not
        be credited with. Spoken of: the text calls the party by the term its contract defines
        for it ("Quillon" in "Vendor shall ..." of the agreement naming 'QUILLON PREDICTIVE, INC.
        ("Vendor")'; the party's first word, in the chunk's document). Not credited: the text
        gives what the question gives the party to another party ("Quillon's security officer"
        is not "Customer's Chief Information Security Officer")."""
        said: set[str] = set()
        other: set[str] = set()
        if self.retriever is None or not asked:
            return said, other
        parties = self.retriever.lexical().parties
        for name, alias in parties.items():
            first = name.split()[0]
            tok = (tokenize(first) or [""])[0]
            if tok not in asked:
                continue
            owned = _owned(first, question)
            if owned and any(owned & _owned(a, text) for a in set(parties.values()) - {alias}):
                other.add(tok)
            elif tok in self.words(chunk) and re.search(rf"\b{re.escape(alias)}\b", text):
                said.add(tok)
        return said, other

    def family(self, chunk: Chunk) -> list[Chunk]:
        """The chunks of the numbered item a chunk sits in ("MAP 2.2 > About" -> all of "MAP
        2.2": its statement, discussion and suggested actions; "Article 14 > (2)" -> Article
        14), in reading order; [] when no heading of its path is numbered or the item is long."""
        parts = [p.strip() for p in chunk.section.split(" > ")]
        numbered = [i for i, p in enumerate(parts) if identifiers(p) or _NUMBERED.search(p)]
        if not numbered:
            return []
        root = " > ".join(parts[: numbered[-1] + 1])
        fam = [c for c in self.chunks(chunk.source) if c.section == root or c.section.startswith(root + " > ")]
        return fam if len(fam) <= MAX_FAMILY else []

    def namesake(self, chunk: Chunk, source: str) -> list[Chunk]:
        """The chunks of another document under the heading that names the same identifier as
        the chunk's deepest identified heading (a guide's "MANAGE 1 > MANAGE 1.1" -> the
        document's own "MANAGE 1.1" item, statement and discussion), in reading order; [] when
        the chunk's headings name no single identifier or the item is long."""
        want = _item_id(chunk.section)
        if not want or source == chunk.source:
            return []
        same = [c for c in self.chunks(source) if _item_id(c.section) == want]
        return same if len(same) <= MAX_FAMILY else []

    def headed_hits(self, question: str, hits: list[Hit], limit: int = 2) -> list[Hit]:
        """The sections of the best hits' documents whose heading is what the question asks
        about ("Approval" for "who approved our policy?"), as hits after the others: retrieval
        ranks a table of names under it low, for none of its words is asked."""
        words = (
            set(tokenize(question)) - DOCUMENT_TOKENS
        )  # a heading naming the document's kind is no section asked about
        have = {h.chunk.chunk_id for h in hits}
        out: list[Hit] = []
        for source in dict.fromkeys(h.chunk.source for h in hits[:2]):
            out += [Hit(c, 0.0, len(hits) + 1) for c in self.headed(source, words) if c.chunk_id not in have]
        return out[:limit]

    def headed(self, source: str, words: Collection[str]) -> list[Chunk]:
        """The chunks of a document under a heading of its own made only of these words
        ("7. Approval" for a question asking who approved the policy), in reading order."""
        out, asked = [], frozenset(words)
        for c in self.chunks(source):
            last = c.section.split(" > ")[-1]
            toks = _heading_tokens(last)
            if toks and toks <= asked and last.strip() != c.title.strip():
                out.append(c)
        return out

    def words(self, chunk: Chunk) -> frozenset[str]:
        """Tokens of the chunk's whole document (title, headings and text); the chunk's own
        tokens when the index cannot list the document."""
        self._fresh()
        if chunk.source not in self._words:
            # the keyword index keeps every document's words: no catalog read, no tokenising
            known = self.retriever.document_words(chunk.source) if self.retriever is not None else None
            self._words[chunk.source] = (
                known if known is not None else frozenset(tokenize(f"{chunk.title} {chunk.section} {chunk.text}"))
            )
        return self._words[chunk.source]


@functools.lru_cache(maxsize=32768)
def _heading_tokens(heading: str) -> frozenset[str]:
    """A heading's words without its number; cached, for every question scans whole documents' headings."""
    return frozenset(tokenize(_HEADING_NUMBER.sub("", heading)))


def _item_id(section: str) -> str:
    """The identifier of a heading path's deepest heading that names exactly one ("" if none)."""
    for part in reversed(section.split(" > ")):
        ids = identifiers(part)
        if len(ids) == 1:
            return ids[0]
    return ""


def _owned(owner: str, text: str) -> set[str]:
    """The words of what the text says the owner has ("Quillon's designated security officer")."""
    found = re.finditer(rf"\b{re.escape(owner)}['’]s\s+((?:[\w-]+\s+){{0,4}}[\w-]+)", text, re.I)
    return {t for m in found for t in tokenize(m.group(1))}
