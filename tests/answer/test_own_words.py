"""A guide's hit on a numbered item brings the user's own copy of that item, and a guide's
sentence restating the user's document gives way to the user's words."""

from __future__ import annotations

import numpy as np

from advisor.answer.asks import Corpus
from advisor.answer.ownwords import prefer_own_words
from advisor.answer.quotable import Unit, UnitKind
from advisor.answer.selection import Candidate, gather_passages
from advisor.chunk import Chunk, DocType
from advisor.index import Index
from advisor.retrieve import Hit, Retriever

from .builders import indexed_settings

GUIDE = """# Vendor guide

## Chapter II — Vendor oversight

### Article 7

Article 7 calls for a review of every vendor contract before renewal.

### Article 8

Article 8 calls for an exit plan for every vendor.
"""

RULES = """# Hospital rules

## Article 7

Every vendor contract is reviewed before it is renewed.

### About

Contracts that renew silently carry terms nobody has read.

## Article 8

An exit plan exists for every vendor.
"""


def test_a_numbered_item_has_its_namesake_in_another_document(tmp_path):
    s = indexed_settings(tmp_path, {"guide.md": GUIDE, "rules.md": RULES})
    index = Index(s)
    chunks = list(index.all_chunks())
    guide_hit = next(c for c in chunks if "Article 7 calls" in c.text)
    rules_src = next(c.source for c in chunks if c.source.endswith("rules.md"))
    corpus = Corpus(Retriever(index))
    same = corpus.namesake(guide_hit, rules_src)
    texts = " ".join(c.text for c in same)
    assert "reviewed before it is renewed" in texts  # the item's statement
    assert "renew silently" in texts  # and its discussion
    assert "exit plan" not in texts  # not the next item
    assert corpus.namesake(guide_hit, guide_hit.source) == []  # never its own document


def _cand(text: str, source: str, doc_type: DocType, score: float) -> Candidate:
    chunk = Chunk(chunk_id=source, source=source, title="T", section="S", text=text, doc_type=doc_type)
    c = Candidate(Unit(text, chunk, 0, kind=UnitKind.SENTENCE), 1, vec=np.ones(2, dtype=np.float32) / np.sqrt(2))
    c.score = score
    return c


GUIDE_SAYS = "The framework calls for a review of whether each vendor contract meets its stated terms before renewal."
USER_SAYS = "A review is made of whether each vendor contract meets its stated terms and obligations before renewal."


def test_a_guide_sentence_restating_the_users_document_gives_way_to_its_words():
    guide = _cand(GUIDE_SAYS, "guide.md", DocType.GUIDANCE, 0.50)
    own = _cand(USER_SAYS, "rules.pdf", DocType.USER, 0.42)
    other = _cand("Vendors are scored every year on uptime and support.", "rules.pdf", DocType.USER, 0.49)
    chosen = [guide]
    prefer_own_words(chosen, [guide, other, own])
    assert chosen == [own]
    assert own.also == [guide]  # both documents cited


def test_the_users_words_do_not_replace_a_far_better_or_different_sentence():
    guide = _cand(GUIDE_SAYS, "guide.md", DocType.GUIDANCE, 0.60)
    weak = _cand(USER_SAYS, "rules.pdf", DocType.USER, 0.42)
    chosen = [guide]
    prefer_own_words(chosen, [guide, weak])
    assert chosen == [guide]  # much less relevant to the question
    near = _cand("Vendors are scored every year on uptime and support terms.", "rules.pdf", DocType.USER, 0.59)
    prefer_own_words(chosen, [guide, near])
    assert chosen == [guide] and not guide.also  # a different claim


def test_a_guide_hit_brings_the_same_item_of_a_user_document_among_the_hits():
    guide = Chunk(chunk_id="g", source="guide.md", title="G", section="Article 7", text="Article 7 calls for X.")
    mine = Chunk(chunk_id="u1", source="rules.pdf", title="R", section="Article 2", text="Y.", doc_type=DocType.USER)
    theirs = Chunk(chunk_id="u2", source="rules.pdf", title="R", section="Article 7", text="Z.", doc_type=DocType.USER)
    asked: list[tuple[str, str]] = []

    def namesake(c: Chunk, source: str) -> list[Chunk]:
        asked.append((c.chunk_id, source))
        return [theirs] if c is guide else []

    hits = [Hit(guide, 1.0, rank=1, dense=0.6), Hit(mine, 0.9, rank=2, dense=0.5)]
    passages, sims = gather_passages(hits, None, None, namesake)
    assert (theirs, 2) in passages and sims["u2"] == 0.6  # ranked just below the guide's hit
    assert ("g", "rules.pdf") in asked
    passages, _ = gather_passages(hits[:1], None, None, namesake)  # no user document among the hits
    assert [c.chunk_id for c, _ in passages] == ["g"]


def test_a_guide_sentence_naming_the_item_keeps_its_words_and_cites_the_users_document():
    named = GUIDE_SAYS.replace("The framework", "Article 7 in the framework")
    guide = _cand(named, "guide.md", DocType.GUIDANCE, 0.50)
    own = _cand(USER_SAYS, "rules.pdf", DocType.USER, 0.45)
    chosen = [guide]
    prefer_own_words(chosen, [guide, own])
    assert chosen == [guide] and guide.also == [own]  # "Article 7" stays in the answer, both cited
