"""A vendor's card names its product in its title and in most of its sentences, so the name
alone ranks every passage of the card alike and the one answering the question can fall out of
the evidence: inside the card, the card is searched with the rest of the question (the answer
this gives is tested on the fictional vendor cards, tests/cards/test_vendor_layouts.py). Our
own words about a fictional product of a fictional vendor."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.docref import without_names

from .builders import SMALL_GUIDES, indexed_settings

_NAME = "Corvane SkinSight 3"
CARD = f"""<html><head><title>Model Card: {_NAME}</title></head><body><main>
<h1>Model Card: {_NAME}</h1>
<p>{_NAME} scores dermoscopic photographs of skin lesions for how likely each is to show melanoma.</p>
<h2>Model details</h2>
<ul><li>Developed by: Corvane Imaging, Inc., Denver, Colorado</li>
<li>Version: {_NAME}.1, released 3 March 2025</li>
<li>Regulatory status: for research use only in the United States; not cleared or approved by the FDA</li></ul>
<h2>Intended use</h2>
<p>{_NAME} puts the most worrying teledermatology referrals first so that a dermatologist sees them sooner.
{_NAME} is not meant for lesions on nails or mucous membranes.</p>
<h2>Training data</h2>
<p>{_NAME} was trained on 48,000 dermoscopic images from two academic clinics collected between 2014 and 2022.
{_NAME} saw images of patients aged 18 and older only.</p>
<h2>Evaluation</h2>
<p>{_NAME} was tested on 6,100 images from a third clinic. {_NAME} reached a sensitivity of 92.4% and a
specificity of 70.8% at its default threshold. {_NAME} was least sensitive on the darkest skin types.</p>
<h2>Ethical considerations</h2>
<p>{_NAME} may miss melanomas on darker skin more often. {_NAME} stores no photographs after scoring.</p>
<h2>Training procedure</h2>
<p>{_NAME} was fine-tuned for 30 epochs on four GPUs. {_NAME} images were resized to 384 pixels.</p>
<h2>Subgroup results</h2>
<p>{_NAME} sensitivity was 94.0% for patients aged 65 and older and 90.1% for patients aged 18 to 49.</p>
<h2>Monitoring</h2>
<p>{_NAME} reports its weekly score distribution to the customer. {_NAME} alerts the vendor when it drifts.</p>
<h2>How to get started</h2>
<p>Install the {_NAME} client and load the {_NAME} weights with your licence key.</p>
<h2>Caveats and recommendations</h2>
<p>Measure {_NAME} on your own patients before go-live. Re-check {_NAME} every six months.</p>
</main></body></html>
"""


#: General guidance on the same subject, in the words of the question.
GUIDE = (
    "---\ntitle: Device clearance guide\nframework: test-guide\n---\n# Device clearance guide\n\n"
    "## FDA clearance\n\nMany AI tools reach the market through FDA clearance after a 510(k) submission; "
    "ask every vendor whether its tool has been through clearance and for which intended use.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "skinsight.html": CARD, "device-rules.md": GUIDE}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("cardnames"), docs))


def test_the_name_is_left_out_of_the_search_inside_its_card(advisor):
    inside = without_names("Has Corvane SkinSight been through clearance?", advisor.retriever)
    assert inside == "Has been through clearance?"
    # the rest of the question stays as written; a question that would be left too short stays whole
    assert (
        without_names("Is the AI inventory for Corvane current?", advisor.retriever)
        == "Is the AI inventory for current?"
    )
    assert without_names("Corvane SkinSight clearance?", advisor.retriever) == "Corvane SkinSight clearance?"
