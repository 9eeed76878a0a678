"""A reading list ("AI Transparency Resources", "Further reading") is quoted when the question
asks for resources, never as an answer to anything else."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor

from .builders import indexed_settings

POLICY = """---
title: Incident response handbook
---
# Incident response handbook

## Incident policies

Establish policies for AI system incident response, or confirm that existing incident response policies apply
to AI systems. Name the people responsible for monitoring AI systems and for responding to incidents.

### AI Transparency Resources

GAO-21-519SP: AI Accountability Framework for Federal Agencies & Other Entities.

## Further reading

The federal accountability framework organises its audit practices around governance, data, performance and
monitoring.
"""


GUIDE = """---
title: Model documentation guide
---
# Model documentation guide

## Model cards

Keep a model card for every AI tool in use at Harrowgate Health, updated at each release.

### Transparency Resources

- Harrowgate Model Card Template, Second Edition.
- Northmere Accountability Framework for Regional Health Boards.
- Datasheets for Clinical Datasets.
"""


PAYER = """---
title: Orrin Health Plan medical policy on AI plaque analysis
---
# Orrin Health Plan medical policy on AI plaque analysis

## IV. Summary of evidence

AI plaque analysis was considered investigational until 2024. Two studies published in 2024 changed that
position: a cohort of 2,380 patients linked AI-measured plaque volume to later cardiac events, and a
validation series of 412 vessels agreed closely with intravascular ultrasound.

## VI. REFERENCES

- Lindgren M, Oduya F. AI-quantified plaque and cardiac events in non-obstructive coronary disease. Heart
  Imaging Reports. 2024;12(1):44-57.
- Teague RA, Moreau C. Plaque volume by AI analysis against intravascular ultrasound. Vessel Studies.
  2024;9(2):101-112.
"""


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    docs = {"handbook.md": POLICY, "cards.md": GUIDE, "payer.md": PAYER}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("readings"), docs))


def test_a_reading_list_is_not_quoted_as_an_answer(adv):
    ans = adv.ask("Do we need a separate incident response policy for AI accountability, or can our existing one do?")
    assert not ans.abstained, ans.answer
    assert "existing incident response policies apply" in ans.answer
    assert "GAO-21-519SP" not in ans.answer


def test_a_question_asking_for_resources_gets_the_reading_list(adv):
    ans = adv.ask("Which accountability framework resources does the handbook point to for further reading?")
    assert "organises its audit practices around governance" in ans.answer, ans.answer


def test_a_question_asking_for_resources_gets_the_titles_listed(adv):
    ans = adv.ask("Which accountability framework does the model documentation guide list as a transparency resource?")
    assert "Northmere Accountability Framework for Regional Health Boards" in ans.answer, ans.answer


def test_listed_titles_are_not_an_answer_to_anything_else(adv):
    ans = adv.ask("How often should Harrowgate Health update its model cards?")
    assert "at each release" in ans.answer, ans.answer
    assert "Template" not in ans.answer and "Northmere" not in ans.answer


def test_a_numbered_reference_list_is_not_quoted_as_an_answer(adv):
    ans = adv.ask("What evidence prompted the health plan to cover AI plaque analysis?")
    assert not ans.abstained, ans.answer
    assert "Two studies published in 2024" in ans.answer, ans.answer
    assert "Teague RA" not in ans.answer and "Lindgren M" not in ans.answer, ans.answer
