"""The keyword channel's shortcuts give exactly the results of the plain computation: BM25
scores bit-for-bit those of bm25s (a word in most chunks is added as a whole column), and an
identifier named in hundreds of passages ranks them as one named in a few does (heading
matches first, then text mentions, equal scores by chunk id, the filter respected)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from advisor.chunk import Chunk, DocType
from advisor.retrieve import Filters
from advisor.retrieve import lexical as lexical_module
from advisor.retrieve.lexical import Lexical
from advisor.text import identifiers, tokenize


def _chunk(cid: str, text: str, section: str = "", org: str = "") -> Chunk:
    return Chunk(cid, text, "doc.md", "Generated", section=section, doc_type=DocType.GUIDANCE, org=org)


@pytest.fixture(scope="module")
def mixed() -> Lexical:
    """Words from everywhere (in every chunk) to nowhere; chunk ids not in index order."""
    rng = random.Random(3)
    rare = [f"rare{i}" for i in range(40)]
    chunks = []
    for i in range(800):
        words = ["everywhere"] + (["often"] if i % 3 else []) + (["sometimes"] if i % 11 == 0 else [])
        words += rng.choices(rare, k=rng.randrange(0, 4)) + ["filler"] * rng.randrange(1, 30)
        rng.shuffle(words)
        chunks.append(_chunk(f"c{rng.randrange(10**6):06d}-{i}", " ".join(words), org="acme" if i % 4 == 0 else ""))
    return Lexical.build(chunks)


@pytest.mark.parametrize(
    "query",
    [
        "everywhere",
        "often rare3",
        "rare1 everywhere rare1 often",
        "sometimes rare7 rare8",
        "rare9",
        "unknown everywhere",
    ],
)
def test_bm25_scores_are_bit_for_bit_those_of_bm25s(mixed, query):
    toks = tokenize(query)
    for _ in range(2):  # computed, then from the kept columns
        assert np.array_equal(mixed._scores(toks), mixed.bm25.get_scores(toks))


def test_keyword_ranking_is_the_same_with_few_columns_kept(mixed, monkeypatch):
    mask = mixed.mask(Filters(org="acme"))
    want = mixed.search("everywhere often rare2 sometimes", 25, mask)
    monkeypatch.setattr(lexical_module, "_COLUMNS_KEPT", 1)
    mixed._columns.clear()
    assert mixed.search("everywhere often rare2 sometimes", 25, mask) == want
    assert len(mixed._columns) == 1


def _by_identifiers(lex: Lexical, query: str, mask: np.ndarray) -> list[str]:
    """The ranking by definition: 2 a heading naming an identifier, 1 a text naming it; ties by chunk id."""
    score: dict[str, int] = {}
    for i, cid in enumerate(lex.ids):
        for w in identifiers(query):
            score[cid] = score.get(cid, 0) + 2 * (w in lex.id_sets[i]) + ("text:" + w in lex.id_sets[i])
    return [cid for s, cid in sorted((-s, cid) for cid, s in score.items() if s and mask[lex.pos[cid]])]


@pytest.mark.parametrize("n", [None, 1, 15, 400])
def test_an_identifier_named_in_hundreds_of_passages_ranks_as_one_named_in_a_few(n):
    rng = random.Random(9)
    chunks = []
    for i in range(900):
        text = "See HTI-1 and GOVERN 1.6." if i % 2 else ("Cites HTI-1." if i % 3 else "Nothing cited.")
        section = "HTI-1 Decision support" if i % 7 == 0 else ("GOVERN 1.6 Inventory" if i % 5 == 0 else "Other")
        chunks.append(_chunk(f"c{rng.randrange(10**6):06d}-{i}", text, section, org="acme" if i % 6 == 0 else ""))
    lex = Lexical.build(chunks)
    query = "What does HTI-1 say about GOVERN 1.6?"
    assert len(lex.by_id["text:HTI-1"]) > lexical_module._ID_MANY  # the many-passages path
    for f in (Filters(), Filters(org="acme")):
        mask = lex.mask(f)
        want = _by_identifiers(lex, query, mask)
        assert lex.id_search(query, mask, n) == (want if n is None else want[:n])
