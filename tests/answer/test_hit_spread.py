"""No one document takes every place among the passages an answer draws on: when a buyer asks
which of two sibling products does better, each product's own card is read (both figures can be
quoted), and a card about a namesake product ("Tamsin Gauge" beside "Tamsin Meter") does not
take the places of the card for the product asked about."""

from __future__ import annotations

from advisor.answer.lookup import compared_names, search_guidance
from advisor.chunk import Chunk
from advisor.retrieve import Hit, SearchResult
from advisor.text import tokenize

#: What each fictional document says, as the keyword index holds its words.
WORDS = {
    "corvane-ax-card.pdf": "Corvane AX lung nodule detector specificity sensitivity Korrel Imaging",
    "corvane-bx-card.pdf": "Corvane BX lung nodule detector specificity Korrel Imaging Corvane AX predicate",
    "tamsin-meter-card.pdf": "Tamsin Meter glucose trend model training data Ostrava clinics",
    "tamsin-gauge-card.pdf": "Tamsin Gauge insulin dose model training data Ostrava clinics",
    "monitoring-guide.md": "monitoring deployed models drift calibration training data",
}


class _Library:
    """A retriever over fixed hits (as many as asked for) that knows each document's words."""

    def __init__(self, hits: list[Hit]):
        self.hits = hits

    def search(self, query, k=None, filters=None):
        return SearchResult(self.hits[: k or len(self.hits)])

    def document_words(self, source: str) -> frozenset[str]:
        return frozenset(tokenize(WORDS[source]))


def _hits(*sources: str) -> list[Hit]:
    out = []
    for n, src in enumerate(sources, start=1):
        chunk = Chunk(chunk_id=f"c{n}", text=f"passage {n} of {src}", source=src, title=src, section="S", position=n)
        out.append(Hit(chunk, 1.0 / n, rank=n, dense=0.5, lexical=1.0))
    return out


def _sources(question: str, hits: list[Hit]) -> list[str]:
    found = search_guidance(_Library(hits), question, k=6, org=None, user_documents=False)
    return [h.chunk.source for h in found.hits]


def test_both_compared_products_cards_are_read_when_one_card_ranks_highest_throughout():
    ax, bx = "corvane-ax-card.pdf", "corvane-bx-card.pdf"
    hits = _hits(ax, ax, ax, ax, ax, bx, ax, bx, bx, ax)
    got = _sources("Which of Korrel's detectors has the higher specificity, the Corvane AX or the Corvane BX?", hits)
    assert len(got) == 6
    assert got.count(ax) == 3 and got.count(bx) == 3  # the sibling's card keeps places for its figures
    assert got[0] == ax  # the best passage still leads


def test_a_question_comparing_nothing_keeps_the_ranking():
    ax = "corvane-ax-card.pdf"
    hits = _hits(ax, ax, ax, ax, ax, ax, "corvane-bx-card.pdf")
    assert _sources("What is the specificity of Corvane AX?", hits) == [ax] * 6


def test_a_namesake_products_card_gives_way_to_the_card_of_the_product_asked_about():
    meter, gauge, guide = "tamsin-meter-card.pdf", "tamsin-gauge-card.pdf", "monitoring-guide.md"
    hits = _hits(meter, gauge, guide, gauge, meter, meter, meter)
    got = _sources("Where did the training data for Tamsin Meter come from?", hits)
    # the Gauge's card shares the maker's name, not the product's: the Meter's passages come first;
    # the general guide, naming neither, keeps its place among them
    assert got == [meter, guide, meter, meter, meter, gauge]


def test_the_things_a_question_compares_are_read_by_name():
    assert compared_names("Which has the higher sensitivity, the MVO or the LVO software?") == ["MVO", "LVO"]
    assert compared_names("How does Aidoc BA compare with Aidoc AD?") == ["Aidoc BA", "Aidoc AD"]
    assert compared_names("What is its status in the US and Europe?") == []  # one thing, two places
    assert compared_names("What do GOVERN 1.1 and MAP 2.3 ask for?") == []  # two items of one framework
