"""A run of sentences about one subject ("X is a device. It reads ... It is intended ...") may be
quoted from any of them once the sentence opening the run is in the answer: the last one's "It"
still reads as X."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import indexed_settings

PAGE = """<html><head><title>Quellon StrokeSort product page</title></head><body><main>
<h1>Quellon StrokeSort</h1>
<h2>What it does</h2>
<p>Quellon StrokeSort is a computer-assisted triage device for head CT angiography. It runs on the hospital's own
servers, needs no internet connection and is licensed per hospital site for three years. It is intended to be used by neuroradiologists to decide which scan to read first; it does not
give a diagnosis, does not mark the location of the occlusion on the image, and does not hold back scans it
does not flag.</p>
<h2>Training data</h2>
<p>The model was trained on 41,200 CT angiography scans from 9 stroke centres, 18% of which showed an
occlusion on the image.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("subject"), {"quellon-strokesort.html": PAGE}))


def test_a_later_it_sentence_answers_once_its_subject_is_quoted(advisor):
    ans = advisor.ask("Does StrokeSort show the neuroradiologist where on the image the occlusion is?")
    assert not ans.abstained, ans.answer
    assert "does not mark the location of the occlusion" in ans.answer, ans.answer
    assert ans.answer.index("Quellon StrokeSort is") < ans.answer.index("It is intended"), ans.answer
