"""Chat over an organization's vendor cards (real embedding model and the bundled corpus)."""

from __future__ import annotations

import pytest

from advisor.cards import card_to_chai_xml, review_card

from .conftest import pdf, xml

pytestmark = pytest.mark.slow


def ask_about_cards(adv, tmp_path) -> dict[str, object]:
    """Index two near-identical Aidoc cards for Meridian (one read from its PDF, as the app does)
    and ask about each; the answers by question."""
    ad = tmp_path / "Aidoc-BriefCase-Triage-for-Aortic-Dissection-model-card.xml"
    ad.write_bytes(card_to_chai_xml(review_card(pdf("Aidoc_AD-01")).card))
    report = adv.index_paths([ad, xml("Aidoc_BA-01")], org="meridian-health")
    assert report.ok, report.errors
    questions = (
        "What does the Aidoc card say about bias?",
        "What does the Brain Aneurysm card say about bias?",
        "What does the Aortic Dissection card say about known risks and limitations?",
    )
    return {q: adv.ask(q, org="meridian-health") for q in questions}


def test_chat_answers_from_the_named_card_with_citations(corpus_advisor, tmp_path):
    answers = ask_about_cards(corpus_advisor, tmp_path)
    aidoc = answers["What does the Aidoc card say about bias?"]
    assert not aidoc.abstained and aidoc.citations
    assert any("Bias mitigation" in c.section or "Known biases" in c.section for c in aidoc.citations)
    ba = answers["What does the Brain Aneurysm card say about bias?"]
    assert not ba.abstained
    card_cites = [c for c in ba.citations if "Aidoc" in c.source or "BA-01" in c.source]
    assert card_cites and all("BriefCase-Triage for Brain Aneurysm — " in c.section for c in card_cites)
    ad = answers["What does the Aortic Dissection card say about known risks and limitations?"]
    sections = [c.section for c in ad.citations]
    assert "BriefCase-Triage for Aortic Dissection — Known risks and limitations" in sections
    assert not any("Brain Aneurysm" in s for s in sections)
