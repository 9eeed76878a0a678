"""A sentence that leans on the one before it ("For example, ...") is quoted only where it
reads: when it is among the most relevant sentences, the sentence it leans on comes with it,
just before it; without a relevant sentence to lean on, it stays out. A sentence pointing at
means it does not name ("... through other means.") is read with the example naming them, and a
lead that only echoes the question with the sentence after it."""

from __future__ import annotations

import numpy as np

from advisor.answer.anaphora import echo_answered, next_fields, spelled_out
from advisor.answer.quotable import UnitKind, read_units
from advisor.answer.selection import Candidate, arrange, fill_mmr
from advisor.chunk import Chunk

TEXT = (
    "Wrenfield Clinic reviews its triage models every quarter. "
    "A model whose scores agree across age groups is not necessarily safe. "
    "For example, a model with equal scores for every age group may still miss patients who cannot use the kiosk. "
    "Reviews are recorded in the clinic's model register."
)


def _cands(scores: list[float], vecs: list[list[float]]) -> list[Candidate]:
    chunk = Chunk(chunk_id="w", source="wrenfield.md", title="Model reviews", section="Reviews", text=TEXT)
    units = [u for u in read_units(chunk) if u.kind is UnitKind.SENTENCE and u.ok]
    assert len(units) == 4
    out = []
    for u, sc, v in zip(units, scores, vecs, strict=True):
        vec = np.asarray(v, dtype=np.float32)
        out.append(Candidate(u, 1, score=sc, vec=vec / np.linalg.norm(vec)))
    return out


VECS = [[1, 0, 0, 0], [0.2, 1, 0, 0], [0.2, 0.3, 1, 0], [0.3, 0, 0, 1]]


def test_a_relevant_example_brings_the_sentence_it_leans_on():
    # the claim alone ranks below the register line; the example it leads to outranks both
    review, claim, example, register = _cands([0.5, 0.42, 0.49, 0.48], VECS)
    assert example.anaphoric
    chosen = fill_mmr([review, claim, example, register], [review], best=0.5, limit=3, asked="")
    assert chosen == [review, claim, example]
    lines = [p.text for p in arrange(chosen)]
    assert lines.index(claim.text) + 1 == lines.index(example.text)  # read right after it


def test_an_example_whose_claim_is_off_topic_stays_out():
    review, claim, example, register = _cands([0.5, 0.2, 0.49, 0.4], VECS)
    chosen = fill_mmr([review, claim, example, register], [review], best=0.5, limit=3, asked="")
    assert example not in chosen and claim not in chosen


def test_the_pair_needs_two_places():
    review, claim, example, register = _cands([0.5, 0.42, 0.49, 0.3], VECS)
    chosen = fill_mmr([review, claim, example, register], [review], best=0.5, limit=2, asked="")
    assert example not in chosen


def test_a_sentence_going_on_from_a_chosen_one_needs_only_the_runners_up_floor():
    # three sentences are chosen, the claim among them; the example after it scores below the
    # usual floor (0.72 of the best) but above the runners-up one (0.55): it is the claim's
    # second half, quoted right after it
    review, claim, example, register = _cands([0.5, 0.45, 0.30, 0.4], VECS)
    assert example in fill_mmr(
        [review, claim, example, register], [review, register, claim], best=0.5, limit=5, asked=""
    )
    # an off-topic sentence after a chosen one stays out, going on or not
    review, claim, example, register = _cands([0.5, 0.45, 0.2, 0.4], VECS)
    assert example not in fill_mmr(
        [review, claim, example, register], [review, register, claim], best=0.5, limit=5, asked=""
    )


MEANS = (
    "A full-time ethics office may be out of reach for a rural practice, but its partners can still review "
    "models through other means. "
    "For example, a monthly case conference can look at every alert the model raised in the month. "
    "The practice serves four villages."
)


def _means() -> list[Candidate]:
    chunk = Chunk(chunk_id="m", source="fenmoor.md", title="Fenmoor Practice", section="Review", text=MEANS)
    units = [u for u in read_units(chunk) if u.kind is UnitKind.SENTENCE and u.ok]
    assert len(units) == 3
    return [Candidate(u, 1, score=0.5 - 0.1 * i) for i, u in enumerate(units)]


def test_a_sentence_pointing_at_means_it_does_not_name_brings_the_one_naming_them():
    promise, example, villages = _means()
    assert spelled_out([promise], [promise, example, villages]) == [example]
    lines = [
        p.text for p in arrange([promise, villages, *spelled_out([promise, villages], [promise, example, villages])])
    ]
    assert lines.index(promise.text) + 1 == lines.index(example.text)


def test_a_sentence_naming_its_means_brings_nothing():
    promise, example, villages = _means()
    assert spelled_out([example], [promise, example, villages]) == []
    assert spelled_out([villages], [promise, example, villages]) == []


def test_a_sentence_giving_the_name_of_what_the_one_before_describes_comes_with_it():
    text = (
        "Scores from the Tallow Ridge sepsis model slowly fell as the lab changed its assay. "
        "This slow decline is usually known as calibration drift. "
        "This review was carried out in the spring of that year."
    )
    chunk = Chunk(chunk_id="t", source="tallow.md", title="Tallow Ridge", section="Drift", text=text)
    fell, named, review = [Candidate(u, 1, score=0.4) for u in read_units(chunk) if u.ok]
    assert spelled_out([fell], [fell, named, review]) == [named]
    assert spelled_out([named], [fell, named, review]) == []  # a review date names nothing


ECHO = (
    "Well-calibrated triage models can still harm patients. "
    "Relatedly, staff at Quillon Bay may use a model on wards it was never designed to serve. "
    "Quillon Bay opened a new ward in March."
)


def _echo(scores: list[float]) -> list[Candidate]:
    chunk = Chunk(chunk_id="q", source="quillon.md", title="Quillon Bay", section="Harms", text=ECHO)
    units = [u for u in read_units(chunk) if u.ok]
    assert len(units) == 3
    return [Candidate(u, 1, score=sc) for u, sc in zip(units, scores, strict=True)]


def test_a_lead_echoing_the_question_is_read_with_the_sentence_after_it():
    lead, why, ward = _echo([0.5, 0.3, 0.2])
    question = "Can well-calibrated triage models still harm patients?"
    assert echo_answered(question, [lead, ward], [lead, why, ward]) == [why]
    lines = [p.text for p in arrange([lead, ward, why])]
    assert lines.index(lead.text) + 1 == lines.index(why.text)


def test_a_lead_saying_more_than_the_question_or_an_off_topic_next_sentence_brings_nothing():
    lead, why, ward = _echo([0.5, 0.3, 0.2])
    assert echo_answered("What harms can triage models cause?", [lead], [lead, why, ward]) == []
    lead, why, ward = _echo([0.5, 0.2, 0.2])  # the next sentence is not relevant enough
    assert echo_answered("Can well-calibrated triage models still harm patients?", [lead], [lead, why, ward]) == []


def test_a_lead_ending_on_this_comes_after_the_sentence_saying_what_this_is():
    from advisor.answer.guidance import SentenceIndex, compose_guidance
    from advisor.retrieve import Hit
    from advisor.testing import HashEmbedder

    text = (
        "Local validation runs a model on the clinic's own records before any clinician sees its output. "
        "Vendor performance figures from other sites do not substitute for this. "
        "The register lists every model in use."
    )
    chunk = Chunk(chunk_id="v", source="guide.md", title="Guide", section="Validation", text=text)
    emb = HashEmbedder("hash")
    question = "Do vendor performance figures from other sites substitute for our own test?"
    q = np.asarray(emb.embed_query(question), dtype=np.float32)
    draft = compose_guidance(question, [Hit(chunk, 1.0, rank=1, dense=0.6)], SentenceIndex(emb), q)
    lines = [p.text for p in draft.parts]
    said = next(i for i, t in enumerate(lines) if t.startswith("Vendor performance figures"))
    assert said > 0 and lines[said - 1].startswith("Local validation runs a model")


def test_a_sentence_leaning_on_another_leads_only_with_that_sentence_before_it():
    from advisor.answer.anaphora import to_front

    review, claim, example, register = _cands([0.5, 0.42, 0.49, 0.48], VECS)
    # moved to the front, the example brings the claim it leans on, read just before it
    led = to_front([review, claim, example, register], 2)
    assert led[:2] == [claim, example] and set(led) == {review, claim, example, register}
    assert [p.text for p in arrange(led)][:2] == [claim.text, example.text]
    # without the claim in the answer it does not lead at all
    assert to_front([review, example, register], 1) == [review, example, register]
    assert to_front([review, register], 1) == [register, review]


FIELDS = "Rating: High\n\nOwner: Chief Nursing Information Officer\n\nTarget date: 30 September 2026"


def _fields(scores: list[float], text: str = FIELDS) -> list[Candidate]:
    chunk = Chunk(chunk_id="f", source="audit.md", title="Harrowgate audit", section="Finding 1", text=text)
    units = [u for u in read_units(chunk) if u.ok]  # "Rating: High" says too little to be quoted alone
    assert len(units) == len(scores)
    return [Candidate(u, 1, score=sc) for u, sc in zip(units, scores, strict=True)]


def test_a_chosen_field_of_a_record_brings_the_fields_after_it():
    # "Who owns finding 1, and what is the deadline?": the owner's field is chosen, the target date comes with it
    owner, target = _fields([0.5, 0.45])
    assert next_fields([owner], [owner, target]) == [target]
    lines = [p.text for p in arrange([owner, target])]
    assert lines.index(owner.text) + 1 == lines.index(target.text)
    owner, target = _fields([0.5, 0.1])  # a field far less relevant does not come
    assert next_fields([owner], [owner, target]) == []
    owner, target = _fields([0.4, 0.5])  # nor one before the chosen field
    assert next_fields([target], [owner, target]) == []


def test_sentences_are_no_record_of_fields():
    text = "The finding was discussed with the committee in March 2026.\n\nOwner: Chief Nursing Information Officer\n\nTarget date: 30 September 2026"
    prose, owner, target = _fields([0.3, 0.5, 0.45], text)
    assert next_fields([owner], [prose, owner, target]) == []


def test_a_field_repeated_word_for_word_is_not_brought_twice():
    text = "Test type: Retrospective multicenter study.\n\nTest type: Retrospective multicenter study"
    first, second = _fields([0.5, 0.45], text)
    assert next_fields([first], [first, second]) == []
