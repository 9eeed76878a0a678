"""The synthetic PHI set: deterministic, every kind labelled, and the detector meets its targets."""

from __future__ import annotations

from advisor.safety.phi import PhiType
from evals.phi.generate import generate, kinds_of
from evals.phi.measure import measure


def test_generator_is_deterministic_per_seed_and_differs_across_seeds():
    a, b = generate(5, 20, "dev"), generate(5, 20, "dev")
    assert [(n.text, n.spans) for n in a] == [(n.text, n.spans) for n in b]
    assert [n.text for n in generate(6, 20, "dev")] != [n.text for n in a]


def test_labelled_spans_point_at_their_text_and_cover_every_kind():
    notes = generate(None, 60, "heldout")
    for note in notes:
        for s in note.spans:
            assert note.text[s.start : s.end] == s.text
    assert kinds_of(notes) == {k.value for k in PhiType}


def test_heldout_notes_reach_the_recall_targets():
    rep = measure(generate(None, 80, "heldout"), "heldout")
    assert rep.recall() >= 0.95, rep.to_dict()
    for kind in rep.gold:
        assert rep.recall(kind) >= 0.9, (kind, rep.to_dict())
    assert rep.precision >= 0.95
