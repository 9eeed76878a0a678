"""A section the question asks for by its heading is the answer: "What are the limitations of X?"
quotes every sentence under X's "Limitations", though none of them says "limitation"; a short
list that leads the answer is quoted whole. A heading that only names the topic ("Who signs off on
new standards?" and a section "5 Standards") or a singular ("What is a Delinquent Record?" and
"Delinquent Records") lifts nothing. Sentences are our own words about a fictional product."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.headings import asks_intended_use, names_excluded_uses, names_section

from .builders import indexed_settings

SHEET = """---
title: Product datasheet — Acme PneumoFlag
---
# Acme PneumoFlag

## Intended use

Acme PneumoFlag analyses chest radiographs of adults and notifies radiologists of studies with a suspected pneumothorax.
Acme PneumoFlag does not provide a diagnosis and radiologists read every study in full.

## Limitations

Small apical collections on supine films may be missed.
Skin folds and chest drains can cause false notifications.
A study without a notification may still show a pneumothorax and is read in the usual order.

## Out-of-scope uses

- Patients younger than 18 years
- Lateral or decubitus views
- Follow-up of a pneumothorax that is already known
- Deciding on chest drain insertion without a radiologist's reading

## Regulatory status

Acme PneumoFlag is FDA 510(k) cleared as a Class II device.
"""


#: A model card whose list of excluded uses sits under a singular heading, as the Hugging Face
#: model-card template writes it ("Out-of-Scope Use"), among many sections about the model.
CARD = """---
title: "Model card: Corvale RetinaGrade 3"
---
# Model card: Corvale RetinaGrade 3

## Model details

- Developed by: Corvale Imaging, Inc.
- Model type: convolutional image classifier with a referable-retinopathy output
- Version: 3.1.0, released 4 March 2025
- Regulatory status: for research use only; not cleared by the FDA

## Intended use

RetinaGrade 3 grades colour fundus photographs of adults with diabetes so that an eye-care team
sees the photographs most likely to show referable diabetic retinopathy first.

## Out-of-scope use

- Photographs taken without pupil dilation on handheld cameras
- Children and adolescents
- Screening for glaucoma or macular degeneration
- Replacing the ophthalmologist's reading of a referred photograph

## Training data

Training used 212,000 fundus photographs from 48 diabetic screening programmes taken between 2014 and 2021.

## Evaluation

On 9,800 held-out photographs from three programmes the model reached a sensitivity of 91.4% and a specificity of 88.0% for referable retinopathy.

## Ethical considerations

Photographs of darker fundi were fewer in the training data, and specificity was lower for them.

## Caveats and recommendations

- Check sensitivity on your own screening population before go-live
- Review the operating threshold every year

## Training procedure

- Preprocessing: photographs cropped to the fundus and resized to 512 by 512 pixels
- Optimiser: AdamW for 40 epochs, with the Corvale RetinaGrade 2 weights as the starting point

## Subgroup results

| Subgroup | Photographs | Sensitivity | Specificity |
|---|---|---|---|
| Age 18 to 49 | 3,100 | 90.2% | 89.5% |
| Age 50 and older | 6,700 | 92.0% | 87.3% |

## How to get started

Load the RetinaGrade model with the Corvale client library and pass it one fundus photograph at a time.

## Model card contact

Questions about the Corvale RetinaGrade model card go to model-cards@corvale.example.
"""


@pytest.fixture(scope="module")
def card(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("card"), {"corvale-retinagrade.md": CARD}))


def test_the_list_under_a_singular_heading_the_question_names_is_quoted(card):
    ans = card.ask("Which uses are out of scope for the Corvale RetinaGrade model?")
    assert not ans.abstained, ans.answer
    for item in ("without pupil dilation", "Children and adolescents", "glaucoma", "Replacing the ophthalmologist"):
        assert item in ans.answer, ans.answer


def test_a_question_about_what_a_product_is_for_is_answered_by_its_intended_use_not_its_excluded_uses(card):
    ans = card.ask("What is Corvale RetinaGrade 3 meant to do, and for which patients?")
    assert not ans.abstained, ans.answer
    assert "adults with diabetes" in ans.answer, ans.answer
    # the excluded uses share the question's words ("patients") but answer the opposite question
    assert "Children and adolescents" not in ans.answer, ans.answer


@pytest.mark.parametrize(
    ("question", "intended"),
    [
        ("What is X meant to do, and for which patients?", True),
        ("What was X designed to detect?", True),
        ("What is the intended use of X?", True),
        ("What is RetinaGrade used for?", True),
        ("What should X not be used for?", False),  # the excluded uses
        ("Which uses are out of scope for X?", False),
        ("What data was X trained on?", False),
        ("Who are the intended users of X?", False),  # the people, not the use
    ],
)
def test_what_reads_as_a_question_about_what_a_product_is_for(question, intended):
    assert asks_intended_use(question) is intended


@pytest.fixture(scope="module")
def adv(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("sections"), {"acme-pneumoflag.md": SHEET}))


def test_the_limitations_asked_for_are_every_sentence_of_the_limitations_section(adv):
    ans = adv.ask("What are the limitations of Acme PneumoFlag?")
    assert not ans.abstained, ans.answer
    for point in ("apical collections", "Skin folds and chest drains", "without a notification"):
        assert point in ans.answer, ans.answer


def test_a_short_list_the_question_names_is_quoted_whole(adv):
    ans = adv.ask("What uses does Acme say are out of scope for PneumoFlag?")
    assert not ans.abstained, ans.answer
    for item in ("younger than 18", "Lateral or decubitus", "already known", "chest drain insertion"):
        assert item in ans.answer, ans.answer


@pytest.mark.parametrize(
    ("question", "section", "named"),
    [
        ("What are the limitations of Acme PneumoFlag?", "Limitations", True),
        ("What are the known risks and limitations of X?", "Model card: X > Known risks and limitations", True),
        ("What are the duties of the secretary?", "ARTICLE III > Section 3.2 Duties", True),
        ("Who signs off on new national standards?", "5 Standards", False),  # the topic, not what is asked
        ("What is a Delinquent Record under the rules?", "Section 4.5 Delinquent Records", False),  # one record
        ("What are the requirements for vendors?", "3 Data exchange requirements", False),  # "data exchange" not asked
        ("What is the intended use of X?", "Intended use", False),  # a topic heading, not a list
        # a singular heading, qualified, asked for in the plural: the list of such uses
        ("Which uses are out of scope for X?", "Model card: X > Out-of-scope use", True),
        ("Which uses does X have?", "Use", False),  # a bare singular noun is a topic
        # what a product must not be used for: the heading over the uses its document excludes
        ("What should X not be used for?", "Model card: X > Out-of-scope use", True),
        ("Which uses does X rule out?", "4 Contraindications", True),
        ("Where is X contraindicated?", "Uses not intended", True),
        ("What should X not be used for?", "Intended use", False),
        ("What is X used for?", "Out-of-scope use", False),  # not asking what is excluded
        ("Can X rule out a stroke?", "Out-of-scope use", False),  # a diagnosis ruled out, not a use
        ("Which patients were excluded from the study of X?", "Out-of-scope use", False),
    ],
)
def test_a_heading_names_its_section_when_the_question_asks_for_its_plural_noun(question, section, named):
    assert names_section(question, section) is named


@pytest.mark.parametrize(
    ("question", "label", "named"),
    [
        ("What should X not be used for?", "Cautioned out-of-scope settings and use cases", True),
        ("What are X's settings and use cases?", "Cautioned out-of-scope settings and use cases", False),
        ("What should X not be used for?", "Primary intended users", False),
    ],
)
def test_a_field_label_over_excluded_uses_is_named_by_a_question_about_them(question, label, named):
    assert names_excluded_uses(question, label) is named
