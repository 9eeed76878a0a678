"""Questions for the vendor: one per missing or partial item, citing it, filled with the card's
facts; a chat model's polish is kept only when its facts are found in the card."""

from __future__ import annotations

import re

import pytest

from advisor.cards import Status, facts_verified, review_card
from advisor.errors import LLMError
from advisor.testing import ScriptedChatModel

from .conftest import STEMS, pdf, reviewed, xml

CITE = re.compile(r"\[(HTI-1|CHAI) ([A-Za-z0-9-]+): [^\]]+\]")
OPENINGS = ("The card", "Could you", "Will you", "When monitoring", "Has ", "Is ")


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("fmt", ["pdf", "xml"])
def test_every_gap_gets_one_polite_question_citing_its_attribute(stem, fmt):
    rv = reviewed(pdf(stem) if fmt == "pdf" else xml(stem))
    open_items = {i.id: i for i in rv.items if i.status is not Status.PRESENT}
    cited: list[str] = []
    for q in rv.questions:
        refs = CITE.findall(q.text)
        assert refs, f"question cites no attribute: {q.text}"
        assert [r[1] for r in refs] == q.items
        for framework, item_id in refs:
            assert item_id in open_items, f"{item_id} is present but asked about"
            assert framework == ("HTI-1" if open_items[item_id].framework == "onc-hti-1" else "CHAI")
        cited += [r[1] for r in refs]
        body = CITE.sub("", q.text).strip()
        assert body.endswith("?") and body.startswith(OPENINGS), body
        assert "{" not in body and "}" not in body  # every template slot filled
    assert sorted(cited) == sorted(open_items)  # each gap asked about exactly once
    assert len(rv.questions) <= len(open_items)


def test_questions_carry_the_cards_own_facts():
    ba = reviewed(pdf("Aidoc_BA-01"))
    local = next(q.text for q in ba.questions if "SA-27:" in q.text)
    # the headline result with its interval, in the card's words, and the test it came from
    assert "sensitivity was 88.5% (95% CI: 80.4%, 94.1%)" in local
    assert "retrospective, blinded, multicenter study" in local
    assert "BriefCase-Triage for Brain Aneurysm" in local
    ad = reviewed(pdf("Aidoc_AD-01"))
    external = next(q.text for q in ad.questions if "SA-23:" in q.text)
    assert "87.1%" in external and "6 US-based clinical sites" in external and "confidence intervals" in external
    orb = reviewed(xml("OrbDoc_Voice-to-SOAP"))
    reg = next(q.text for q in orb.questions if "[CHAI RegulatoryApproval:" in q.text)
    assert "“HIPAA Compliant”" in reg and "medical device" in reg
    biases = next(q.text for q in ad.questions if "KnownBiasesOrEthicalConsiderations" in q.text)
    assert biases.startswith("The card gives “None” under known biases")


def test_related_card_fields_lacking_the_same_thing_are_asked_once():
    ad = reviewed(xml("Aidoc_AD-01"))
    ci = [q for q in ad.questions if "UsefulnessUsabilityEfficacy" in q.text]
    assert len(ci) == 1 and ci[0].items[0] == "SA-21" and "UsefulnessUsabilityEfficacy" in ci[0].items


# --------------------------------------------------------------------------- polish


def _rewrite(transform):
    """A scripted model reply: the numbered questions from the prompt, each transformed."""

    def reply(messages):
        lines = messages[-1]["content"].splitlines()[1:]
        return "\n".join(transform(line) for line in lines if re.match(r"^\d+\. ", line))

    return reply


def test_a_faithful_polish_is_kept_and_citations_stay():
    model = ScriptedChatModel([_rewrite(lambda line: line.replace("Could you", "Would you kindly"))])
    rv = review_card(xml("Aidoc_BA-01"), model=model)
    assert rv.mode == "llm" and len(model.requests) == 1
    prompt = model.requests[0][-1]["content"]
    assert "[HTI-1" not in prompt  # the model never sees (or edits) the citations
    changed = [q for q in rv.questions if q.polished]
    assert changed and all("Would you kindly" in q.text for q in changed)
    assert all(CITE.search(q.text) for q in rv.questions)
    assert all(q.template != q.text for q in changed)


def test_a_polish_that_adds_a_fact_is_refused_and_the_template_kept():
    def invent(line: str) -> str:
        n, text = line.split(". ", 1)
        if n == "1":
            return f"{n}. {text[:-1]}, given its 99.9% accuracy at Mayo Clinic?"
        if n == "2":
            return f"{n}. Could you confirm the “excellent results in every subgroup”?"
        return f"{n}. {text}"

    model = ScriptedChatModel([_rewrite(invent)])
    plain = review_card(xml("Aidoc_AD-01"))
    rv = review_card(xml("Aidoc_AD-01"), model=model)
    assert [q.text for q in rv.questions] == [q.text for q in plain.questions]
    assert rv.mode == "offline" and not any(q.polished for q in rv.questions)


def test_a_failing_model_leaves_the_questions_as_drafted():
    plain = review_card(xml("OrbDoc_Voice-to-SOAP"))
    rv = review_card(xml("OrbDoc_Voice-to-SOAP"), model=ScriptedChatModel([LLMError("HTTP 500")]))
    assert [q.text for q in rv.questions] == [q.text for q in plain.questions] and rv.mode == "offline"


def test_fact_check_of_a_polished_question():
    card = "The card reports sensitivity 88.5% (95% CI 80.4–94.1) at five study sites. Aidoc BriefCase K213721."
    template = "The card reports “sensitivity 88.5%”. Could you share results at sites like ours?"
    assert facts_verified("Could you share results like the “sensitivity 88.5%” at sites like ours?", template, card)
    assert facts_verified("Aidoc, could you share BriefCase results for K213721 sites?", template, card)
    assert not facts_verified("Could you share the 91% specificity?", template, card)  # a new number
    assert not facts_verified("Could you share results from Mayo sites?", template, card)  # a new name
    assert not facts_verified("Could you share results like “perfect sensitivity”?", template, card)  # a new quote
    assert not facts_verified("Could you share the K999999 summary?", template, card)  # a new identifier
