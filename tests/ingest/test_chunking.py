"""Chunk ids, sentence packing and the text helpers chunking relies on."""

from __future__ import annotations

from advisor.ingest import load_chunks, make_chunk_id, pack_sentences
from advisor.text import identifiers, split_sentences, tokenize


def _chunks(path, **kw):
    kw.setdefault("doc_type", "user")
    return load_chunks(path, str(path), **kw)


def test_chunk_ids_are_deterministic_and_content_addressed(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# A\n\nFirst sentence here.\n", encoding="utf-8")
    assert [c.chunk_id for c in _chunks(p)] == [c.chunk_id for c in _chunks(p)]
    a = make_chunk_id("x.md", 0, "one")
    assert a == make_chunk_id("x.md", 0, "one")
    assert a != make_chunk_id("x.md", 0, "two") and a != make_chunk_id("y.md", 0, "one")


def test_packing_never_splits_sentences_and_keeps_exact_spans():
    sentences = [f"Sentence number {i} talks about governance and data quality in detail." for i in range(40)]
    text = " ".join(sentences)
    pieces = pack_sentences(text, 300, 80)
    assert len(pieces) > 5
    for piece in pieces:
        assert piece in text and len(piece) <= 300
        assert piece.endswith(".") and piece[0].isupper()
    # overlap: consecutive pieces share a whole sentence
    assert any(pieces[i].split(". ")[-1] in pieces[i + 1] for i in range(len(pieces) - 1))


def test_sentences_respect_abbreviations_and_bullets():
    text = "NIST released it on 26 Jan. 2023, e.g. for the U.S. market. Second one.\n- bullet item\n- another"
    assert split_sentences(text) == [
        "NIST released it on 26 Jan. 2023, e.g. for the U.S. market.",
        "Second one.",
        "bullet item",
        "another",
    ]


def test_identifiers_and_tokens():
    assert identifiers("What does GOVERN 1.6 and §170.315(b)(11) say, and Art. 14?") == [
        "GOVERN 1.6",
        "§170.315(b)(11)",
        "Art. 14",
    ]
    assert "1.6" in tokenize("GOVERN 1.6") and "the" not in tokenize("the inventory")
