"""Every sentence that answers names what is asked about: sharing the question's words with a
sentence already chosen is no redundancy. Asked who runs a registry, after the registry's list
of components, the sentence naming its owner ("The system owner of the Health Practitioner
Registry is the ...") is quoted, not passed over for a weaker one that avoids the registry's name."""

from __future__ import annotations

import numpy as np

from advisor.answer.quotable import Unit
from advisor.answer.selection import Candidate, fill_mmr
from advisor.chunk import Chunk

QUESTION = "Who is responsible for running the practitioner registry?"
CHUNK = Chunk(
    chunk_id="b", source="blueprint.pdf", title="Blueprint", section="6 Health Practitioner Registry", text="x"
)


def _cand(text: str, vec: list[float], score: float) -> Candidate:
    v = np.asarray(vec, dtype=np.float32)
    return Candidate(Unit(text, CHUNK, 0), 1, score=score, vec=v / np.linalg.norm(v))


def test_the_sentence_naming_the_owner_is_chosen_though_it_names_the_registry_too():
    components = _cand("The Health Practitioner Registry consists of the following components:", [1, 0], 0.61)
    owner = _cand(
        "The system owner of the Health Practitioner Registry is the Kelvar Council of Health Professions.",
        [1, 1.33],
        0.57,
    )
    duties = _cand("The system owner is accountable for the service, its budget and its data quality.", [0.2, 1], 0.47)
    chosen = fill_mmr([components, owner, duties], [components], best=0.61, limit=2, asked=QUESTION)
    assert owner in chosen
    # judged on every word, the owner sentence repeated the list's lead-in too much to be quoted
    assert owner not in fill_mmr([components, owner, duties], [components], best=0.61, limit=2, asked="")
