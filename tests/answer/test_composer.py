"""The offline composer on documents a user adds: whole lists under their lead-in, no
ride-along sentences, near-duplicates cited once, definitions first, the product asked about,
and refusals that say what the documents do cover."""

from __future__ import annotations

import re

import pytest

from advisor.answer import Advisor

from .builders import indexed_settings

DOCS = {
    "ambient-readiness.md": """---
title: Ambient documentation readiness
---
# Ambient documentation readiness

## Readiness prerequisites

Ambient documentation drafts clinical notes from recorded visits for clinician review.

A health system is ready to pilot ambient clinical documentation when each of these can be checked:

- The tool is registered in the AI inventory with a named AI product owner.
- Legal counsel has confirmed the patient consent approach for every state in scope.
- Clinicians review and edit every draft note before signing it.

## Pilot monitoring

Note edit rates are tracked weekly by the pilot team during the ambient documentation pilot. The cafeteria on level two closes at six in the evening.
""",
    "oversight-a.md": """---
title: Clinical AI oversight policy
---
# Clinical AI oversight policy

## Human oversight

Human oversight measures must allow clinicians to override the model's output at any time.
Overrides are logged and reviewed by the AI governance committee every month.
""",
    "oversight-b.md": """---
title: Radiology AI standard operating procedure
---
# Radiology AI standard operating procedure

## Clinician control

Human oversight measures must allow clinicians to override the model's output at any time.
Radiologists read every flagged study in the normal worklist order as well.
""",
    "pccp.md": """---
title: Device change planning notes
---
# Device change planning notes

## Planning modifications

Manufacturers often raise a predetermined change control plan with FDA during pre-submission meetings.
A predetermined change control plan is the part of a marketing submission that describes planned modifications to an AI-enabled device and how each will be validated.
""",
    "card-sepsiswatch.md": """---
title: Acme SepsisWatch model card
---
# Acme SepsisWatch model card

## Release

Acme SepsisWatch is FDA cleared under 510(k) number K111111 and was released in May 2023.

## Warnings

Clinicians must review every alert before acting on it, and the tool is not a diagnostic device.
""",
    "card-strokealert.md": """---
title: Acme StrokeAlert model card
---
# Acme StrokeAlert model card

## Release

Acme StrokeAlert is FDA cleared under 510(k) number K222222 and was released in June 2024.

## Warnings

Clinicians must review every alert before acting on it, and the tool is not a diagnostic device.
""",
    "hti.md": """---
title: Decision support certification timeline
---
# Decision support certification timeline

## Dates

Developers of certified health IT had to update their decision support interventions by December 31, 2024.
""",
}


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("composer"), DOCS))


def _lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip()]


def test_a_list_item_is_quoted_under_its_lead_in(adv):
    ans = adv.ask("Has legal counsel confirmed the patient consent approach for ambient documentation?")
    assert not ans.abstained, ans.answer
    lines = _lines(ans.answer)
    i = next(i for i, ln in enumerate(lines) if "Legal counsel has confirmed" in ln)
    assert lines[i].startswith("- ")
    lead = next(ln for ln in reversed(lines[:i]) if not ln.startswith("- "))
    assert "when each of these can be checked" in lead and lead.rstrip().endswith(":")


def test_a_list_question_gets_the_whole_list(adv):
    ans = adv.ask("What are the readiness prerequisites for piloting ambient documentation?")
    assert not ans.abstained, ans.answer
    for item in ("registered in the AI inventory", "Legal counsel has confirmed", "review and edit every draft"):
        assert item in ans.answer, ans.answer
    assert ans.answer.index("registered in the AI inventory") < ans.answer.index("Legal counsel")


def test_no_sentence_rides_along_because_it_follows_a_chosen_one(adv):
    ans = adv.ask("How often are note edit rates tracked during the ambient documentation pilot?")
    assert not ans.abstained, ans.answer
    assert "weekly" in ans.answer
    assert "cafeteria" not in ans.answer.lower()


def test_near_duplicates_across_documents_are_quoted_once_citing_both(adv):
    ans = adv.ask("Can clinicians override the model's output?")
    assert not ans.abstained, ans.answer
    assert ans.answer.count("override the model's output at any time") == 1
    sentence = next(s for s in _lines(ans.answer) if "override the model's output" in s)
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", sentence.split("output at any time")[1][:12])}
    sources = {c.source.rsplit("/", 1)[-1] for c in ans.citations if c.marker in markers}
    assert sources == {"oversight-a.md", "oversight-b.md"}


def test_what_is_x_leads_with_the_sentence_defining_x(adv):
    ans = adv.ask("What is a predetermined change control plan?")
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("A predetermined change control plan is the part of a marketing submission")


def test_a_product_question_cites_that_products_card_first(adv):
    ans = adv.ask("What is the 510(k) number of Acme StrokeAlert?")
    assert not ans.abstained, ans.answer
    assert "K222222" in ans.answer and "K111111" not in ans.answer
    first = min(ans.citations, key=lambda c: c.marker)
    assert first.source.endswith("card-strokealert.md")
    assert all(not c.source.endswith("card-sepsiswatch.md") for c in ans.citations)


def test_neighbouring_facts_are_not_an_answer_and_the_refusal_says_what_is_covered(adv):
    ans = adv.ask("What is the FDA's deadline for our sepsis model 510(k) submission?")
    assert ans.abstained and ans.citations == [], ans.answer
    assert "December 31, 2024" not in ans.answer
    assert "come closest with" in ans.answer
    answered = adv.ask(
        "By when did developers of certified health IT have to update their decision support interventions?"
    )
    assert not answered.abstained and "December 31, 2024" in answered.answer


def test_list_items_are_quoted_without_their_source_separators():
    from advisor.answer.render import render_offline
    from advisor.answer.types import AnswerKind, Draft, Part
    from advisor.chunk import Chunk

    class Supports:
        threshold = 0.5

        def support(self, claim, evidence):
            return 1.0

    chunk = Chunk(
        "c1", "Stop the pilot when: a safety event occurs; a harm limit is exceeded; and", "s.md", "Stopping rules"
    )
    parts = [
        Part("Stop the pilot when:", [chunk]),
        Part("a safety event occurs;", [chunk], bullet=True),
        Part("a harm limit is exceeded; and", [chunk], bullet=True),
    ]
    ans = render_offline("q", "q", Draft(parts, AnswerKind.GUIDANCE), [], Supports())
    assert ans.answer.splitlines() == [
        "Stop the pilot when [1]:",
        "- a safety event occurs [1].",
        "- a harm limit is exceeded [1].",
    ]


def test_the_quote_shown_for_a_row_holds_the_row_not_only_the_header_above_it():
    from advisor.answer.render import quote_span

    head = "Ref | Question | Supplier answer"
    rows = [f"R-{i} | What about topic {i}? | " + "A long answer sentence about this topic. " * 5 for i in range(1, 6)]
    text = "\n".join([head, *rows])
    # the header introduces the row an answer cites; the rows between them make the span too long
    quote = quote_span(text, [head, rows[4]], leads=frozenset({head}))
    assert rows[4] in quote and quote in text
    # a short span keeps the header with its row
    assert quote_span(text, [head, rows[0]], leads=frozenset({head})) == f"{head}\n{rows[0]}"
