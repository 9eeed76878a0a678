"""A document's status in a few words: a masthead's segments ("Issued 3 March 2026 · Effective
1 June 2026 · Supersedes Circular TR-2023-08") each answer when it applies and what it replaces;
a question asking when a product was "cleared" is answered by its "clearance ... on <date>"."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.quotable import read_units
from advisor.answer.status import status_line
from advisor.chunk import Chunk

from .builders import indexed_settings

CIRCULAR = """<html><head><title>Tarrow Province Circular on Triage Algorithms</title></head><body><main>
<h1>Tarrow Province Circular on Triage Algorithms</h1>
<p>Health Standards Circular TR-2026-14 · Issued 3 March 2026 · Effective 1 June 2026 · Supersedes Circular TR-2023-08</p>
<h2>1 Purpose</h2>
<p>This circular tells emergency departments in Tarrow how to govern software that sorts arriving patients
by urgency.</p>
<h2>2 Review</h2>
<p>Each emergency department reviews the triage software's undertriage rate every quarter and reports it to
the provincial quality office.</p>
</main></body></html>
"""

PRODUCT = """<html><head><title>Quellon StrokeSort product sheet</title></head><body><main>
<h1>Quellon StrokeSort</h1>
<h2>Regulatory status</h2>
<p>Quellon StrokeSort received FDA 510(k) clearance under number K259031 on 4 February 2026 as a Class II
device.</p>
<h2>Intended use</h2>
<p>StrokeSort flags head CT scans with a suspected large vessel occlusion for a radiologist to read first.</p>
</main></body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {"tarrow-circular.html": CIRCULAR, "quellon-strokesort.html": PRODUCT}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("status"), docs))


def test_a_masthead_line_is_read_as_its_status_segments():
    line = "Health Standards Circular TR-2026-14 · Issued 3 March 2026 · Effective 1 June 2026 · Supersedes Circular TR-2023-08"
    units = read_units(Chunk("c1", line, "circular.html", "Circular", "Circular"))
    assert [u.text for u in units if u.ok] == [
        "Issued 3 March 2026",
        "Effective 1 June 2026",
        "Supersedes Circular TR-2023-08",
    ]
    # a heading that happens to start with a status word and hold a year states no status
    assert not status_line("Updated Recommendations for 2025") and not status_line("Approved by the Board")


def test_when_the_document_kicks_in_and_what_it_replaces(advisor):
    ans = advisor.ask("When do Tarrow's new triage algorithm rules kick in, and which older circular do they replace?")
    assert not ans.abstained, ans.answer
    assert "1 June 2026" in ans.answer and "TR-2023-08" in ans.answer, ans.answer
    assert ans.answer.index("1 June 2026") < ans.answer.index("TR-2023-08"), ans.answer


def test_when_a_product_was_cleared_is_its_clearance_date(advisor):
    ans = advisor.ask("What is Quellon StrokeSort's 510(k) number and when was it cleared?")
    assert not ans.abstained, ans.answer
    assert "K259031" in ans.answer and "4 February 2026" in ans.answer, ans.answer


def test_what_a_document_is_for_does_not_lead_an_answer_about_what_it_requires():
    import numpy as np

    from advisor.answer.quotable import Unit
    from advisor.answer.relevance import score
    from advisor.answer.selection import Candidate

    chunk = Chunk("c1", "", "circular.html", "Tarrow Circular", "1 Purpose")
    purpose = Candidate(
        Unit("This circular tells emergency departments in Tarrow how to govern triage software.", chunk, 0), 1
    )
    rule = Candidate(
        Unit(
            "Each emergency department in Tarrow reviews its triage software's undertriage rate every quarter.",
            chunk,
            90,
        ),
        1,
    )
    sims = np.array([0.6, 0.6], dtype=np.float32)
    asked = score("What must Tarrow emergency departments do about their triage software?", [purpose, rule], sims)
    assert asked[0] < asked[1]  # the purpose line says what the circular is for, not what it requires
    about = score("What is the purpose of the Tarrow circular on triage software?", [purpose, rule], sims)
    assert about[0] - about[1] > asked[0] - asked[1] + 0.1  # asked what it is for, the purpose line is not held back
