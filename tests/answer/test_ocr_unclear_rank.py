"""Words Tesseract could not read ("[unclear: ...]") make a sentence a last resort: of two
otherwise equal sentences, the one read cleanly is quoted first."""

from __future__ import annotations

import numpy as np

from advisor.answer.quotable import Unit
from advisor.answer.relevance import score
from advisor.answer.selection import Candidate
from advisor.chunk import Chunk


def _cand(text: str) -> Candidate:
    chunk = Chunk(chunk_id=text[:8], source="card.pdf", title="Model card", section="Limitations", text=text)
    v = np.asarray([1.0, 0.0], dtype=np.float32)
    return Candidate(Unit(text, chunk, 0), 1, score=0.0, vec=v)


def test_a_sentence_with_unread_words_ranks_below_a_clean_one():
    clean = _cand("Sensitivity is lowest for patients aged 80 and over and for patients on dialysis.")
    garbled = _cand(
        "Sensitivity is lowest for patients aged [unclear: 8O] and over and for [unclear: pati ents] on dialysis."
    )
    sims = np.array([0.5, 0.5], dtype=np.float32)
    got = score("For which patients is sensitivity lowest?", [clean, garbled], sims)
    assert got[0] > got[1]
