"""A list question answered by a list gets the whole list: where the document's items on what
is barred rank among the best but one of them is chosen (another list's lead-in ranking first),
every item of that list is quoted under its lead-in. An item of a list that answers nothing else
(one line of an executive summary) does not bring its list, and an item the source cut off
mid-clause ("... or its lack of.") is never quoted."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.answer.fields import cut_off, dangling

from .builders import SMALL_GUIDES, indexed_settings

GUIDE = (
    "<html><head><title>Ambient scribes in Fenwick Vale hospitals</title></head><body><main>\n"
    "<h1>Ambient scribes in Fenwick Vale hospitals</h1>\n"
    "<h2>Telling patients and asking them</h2>\n"
    "<p>Patients have the right to know when an ambient scribe records their visit and to refuse it. Clinicians "
    "using an ambient scribe follow the same steps in every situation, in clinics and on wards.</p>\n"
    "<p>Before the ambient scribe starts recording, the clinician must:</p>\n<ul>\n"
    "<li>tell the patient that software will listen to the visit and draft a note;</li>\n"
    "<li>explain that the clinician checks and corrects the draft before it is filed;</li>\n"
    "<li>ask whether the patient agrees, and say that refusing will not change their care;</li>\n"
    "<li>record the answer in the scribe agreement field of the patient record.</li>\n</ul>\n"
    "<h2>Exclusions</h2>\n"
    "<p>Ambient scribes must not be used:</p>\n<ul>\n"
    "<li>in visits held through an interpreter, until the health board's interpreter study has reported;</li>\n"
    "<li>during compulsory assessments under the Fenwick Vale Mental Health Act 2019;</li>\n"
    "<li>when the patient lacks capacity and no representative is present to agree for them;</li>\n"
    "<li>in forensic medical examinations.</li>\n</ul>\n"
    "<h2>Training</h2>\n<p>Every clinician completes a 60-minute module before first use.</p>\n"
    "</main></body></html>\n"
)


#: A list whose third item the source cut off mid-clause ("... or its lack of.").
STEPS = (
    "---\ntitle: Buying clinical AI at Fenwick Vale\n---\n# Buying clinical AI at Fenwick Vale\n\n"
    "## Steps before purchase\n\nBefore a clinical AI tool is bought, the sponsoring team should:\n\n"
    "- write down the clinical problem the tool is meant to solve.\n"
    "- name the clinical owner who will answer for the tool.\n"
    "- document the task and benefits of the tool to inform whether the utility of the project or its lack of.\n"
    "- check whether a simpler, non-AI change would solve the problem.\n"
)


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    docs = {**SMALL_GUIDES, "scribes.html": GUIDE, "buying.md": STEPS}
    return Advisor(indexed_settings(tmp_path_factory.mktemp("lists"), docs))


def test_a_barred_list_is_quoted_whole(advisor):
    ans = advisor.ask("In which situations are clinicians barred from using an ambient scribe?")
    assert not ans.abstained, ans.answer
    for item in ("interpreter", "Mental Health Act", "lacks capacity", "forensic"):
        assert item in ans.answer, ans.answer


def test_an_item_the_source_cut_off_is_left_out_of_its_list(advisor):
    ans = advisor.ask("What steps should the sponsoring team take before a clinical AI tool is bought?")
    assert "clinical owner" in ans.answer and "non-AI change" in ans.answer, ans.answer
    assert "its lack of" not in ans.answer, ans.answer


UPDATE = (
    "<html><head><title>Harrowgate AI programme update, October 2026</title></head><body><main>\n"
    "<h1>Harrowgate AI programme update, October 2026</h1>\n"
    "<h2>Executive summary</h2>\n<ul>\n"
    "<li>Portfolio growing: 31 models now inventoried, up from 19 last year</li>\n"
    "<li>Two initiatives red</li>\n"
    "<li>Spend forecast under budget for the year</li>\n"
    "<li>Policy version 2 ready for the board</li>\n</ul>\n"
    "<h2>Initiative status</h2>\n<table>\n"
    "<tr><th>Initiative</th><th>Owner</th><th>Status</th></tr>\n"
    "<tr><td>Stroke imaging triage</td><td>Chair of Radiology</td><td>Red</td></tr>\n"
    "<tr><td>Readmission risk model</td><td>Director of Analytics</td><td>Green</td></tr>\n"
    "<tr><td>Discharge letter drafting</td><td>CMIO</td><td>Red</td></tr>\n"
    "</table>\n</main></body></html>\n"
)


@pytest.fixture(scope="module")
def update_advisor(tmp_path_factory) -> Advisor:
    return Advisor(indexed_settings(tmp_path_factory.mktemp("update"), {**SMALL_GUIDES, "update.html": UPDATE}))


def test_an_item_answering_alone_does_not_bring_its_list(update_advisor):
    ans = update_advisor.ask("Which initiatives are currently rated red?")
    assert "Stroke imaging triage" in ans.answer and "Discharge letter drafting" in ans.answer, ans.answer
    assert "Spend forecast" not in ans.answer and "Policy version 2" not in ans.answer, ans.answer


def test_a_compound_or_a_capital_letter_ends_an_item_whole():
    assert not dangling("the tool is enabled only with the customer's written opt-in")
    assert not dangling("rating definitions are in Appendix A") and not dangling("the clinic bought an add-on")
    assert dangling("whether the utility of the project or its lack of") and dangling("a change to the")
    assert cut_off("Perform context analysis within the setting (or conditions that approximate the setting.")
    assert cut_off("inform whether the utility of the project or its lack of.")
    assert not cut_off("Report each result (with its date) to the committee.")
