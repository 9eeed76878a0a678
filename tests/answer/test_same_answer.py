"""A user asking the same thing twice gets the same answer: first in a fresh process, or after
other questions in a process whose approximate vector graph was built differently (Chroma
replays its log into the graph in parallel on opening, so each process holds its own)."""

from __future__ import annotations

import numpy as np
import pytest

from advisor.answer import Advisor
from advisor.settings import Settings

from ..lossy_graph import LossyGraph
from .builders import SMALL_GUIDES, indexed_settings

QUESTION = "Can a highly accurate sepsis model still harm patients once it is deployed?"
OTHERS = [
    "Who reviews the AI inventory?",
    "How often are deployed sepsis models checked for drift?",
    "What does GOVERN 1.6 call for?",
]
TOPICS = [
    "Highly accurate models can still cause harm when the setting they are deployed in changes",
    "Deployed models are monitored because accuracy measured before go-live does not guarantee safety",
    "A model validated on one hospital's admissions may generalise poorly to another hospital",
    "Harm from an accurate model often comes from how clinicians act on its alerts",
    "Vendors document the validation data and the intended use of each model",
    "The governance committee approves each model before patient care use",
    "Bias audits compare a model's errors across patient groups every year",
    "Incident reports about a model go to the patient safety office within a day",
]


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    docs = dict(SMALL_GUIDES)
    for i, topic in enumerate(TOPICS * 3):
        docs[f"note-{i:02d}.md"] = f"# Safety note {i}\n\n## Finding\n\n{topic}; note {i} records it for unit {i}.\n"
    s = indexed_settings(tmp_path_factory.mktemp("same-answer"), docs)
    return Settings.from_env({"ADVISOR_HOME": str(s.home), "ADVISOR_CANDIDATES": "8"})


def _nearest(adv: Advisor) -> list[str]:
    """Every passage by its exact similarity to the question as searched, best first."""
    got = adv.index.collection.get(include=["embeddings"])
    q = np.asarray(adv.embedder.embed_query(adv.retriever.expand(QUESTION)), dtype=np.float32)
    sims = {
        cid: float(np.dot(q, np.asarray(v, dtype=np.float32)))
        for cid, v in zip(got["ids"], got["embeddings"], strict=True)
    }
    return sorted(sims, key=lambda cid: (-sims[cid], cid))


def _process(settings: Settings, lost: list[int]) -> Advisor:
    """A fresh advisor whose vector graph misses the passages at these places of the exact ranking."""
    adv = Advisor(settings, audit=False)
    adv.embedder.shared.clear()  # no sentence vectors kept from earlier advisors of this model
    adv.embedder._query_cache.clear()
    nearest = _nearest(adv)
    store = adv.index.vectors
    store._collection = LossyGraph(store.collection, {nearest[i] for i in lost})
    return adv


def _shown(adv: Advisor, question: str) -> dict:
    d = adv.ask(question).to_dict()
    del d["timings_ms"]
    return d


def test_the_same_question_gets_the_same_answer_and_citations_whatever_was_asked_before(settings):
    first = _shown(_process(settings, [0, 2, 5]), QUESTION)
    later = _process(settings, [1, 3, 4])
    for q in OTHERS:
        later.ask(q)
    again = _shown(later, QUESTION)
    assert first["answer"] and not first["abstained"], first["answer"]
    assert again == first
