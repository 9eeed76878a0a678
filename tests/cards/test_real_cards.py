"""The three CHAI cards in ../shared/realdocs, as PDF (read by layout and labels) and as XML."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from advisor.cards import CHAI, HTI1, CardFormat, Status, review_data
from advisor.cards.judge import filled

from .conftest import STEMS, pdf, reviewed, xml


def letters(text: str) -> str:
    """Letters and digits only: how a quote is compared with PDFium's own page text, which
    drops line-end hyphens and lays columns out differently."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


@cache
def pdfium_pages(path: Path) -> tuple[str, ...]:
    doc = pdfium.PdfDocument(str(path))
    try:
        return tuple(letters(doc[i].get_textpage().get_text_bounded()) for i in range(len(doc)))
    finally:
        doc.close()


@pytest.mark.parametrize("stem", STEMS)
def test_every_field_the_xml_fills_is_found_in_the_pdf_on_the_right_page(stem):
    from_xml, from_pdf = reviewed(xml(stem)), reviewed(pdf(stem))
    _, data = review_data()
    pages = pdfium_pages(pdf(stem))
    filled_by_xml = [f for f in from_xml.card.fields if filled(from_xml.card, f, data.checks)]
    assert len(filled_by_xml) >= 30
    for fid in filled_by_xml:
        x, p = from_xml.item(fid), from_pdf.item(fid)
        assert p.status is not Status.MISSING, f"{stem}: {fid} is filled in the XML but not found in the PDF"
        assert p.status is x.status, f"{stem}: {fid} is {x.status} from the XML, {p.status} from the PDF"
        assert p.evidence and p.evidence[0].page, f"{stem}: {fid} has no quote with a page"
        ev = p.evidence[0]
        # the page is right: PDFium's own text of that page (not our layout) holds the quote
        assert letters(ev.quote) in pages[ev.page - 1], f"{stem}: {fid}: {ev.quote!r} is not on page {ev.page}"


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_and_xml_agree_on_every_item(stem):
    from_xml, from_pdf = reviewed(xml(stem)), reviewed(pdf(stem))
    differ = [
        (i.id, i.status.value, from_xml.item(i.id).status.value)
        for i in from_pdf.items
        if i.status is not from_xml.item(i.id).status
    ]
    assert differ == []
    assert len(from_pdf.items) == 71  # 31 HTI-1 source attributes + 40 CHAI card fields
    assert {i.framework for i in from_pdf.items} == {HTI1, CHAI}


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("fmt", ["pdf", "xml"])
def test_each_quote_appears_verbatim_in_the_extracted_text(stem, fmt):
    rv = reviewed(pdf(stem) if fmt == "pdf" else xml(stem))
    quotes = [(i.id, e) for i in rv.items for e in i.evidence]
    assert len(quotes) > 40
    for item_id, e in quotes:
        assert e.quote and e.quote in rv.card.page_text(e.page), f"{item_id}: {e.quote!r} not verbatim on {e.page}"
        if rv.card.format is CardFormat.PDF:
            assert e.page is not None and letters(e.quote) in pdfium_pages(pdf(stem))[e.page - 1]
        else:
            assert e.page is None  # no pages in XML


def test_the_model_and_developer_come_from_the_card():
    assert (reviewed(pdf("Aidoc_BA-01")).model, reviewed(pdf("Aidoc_BA-01")).developer) == (
        "BriefCase-Triage for Brain Aneurysm",
        "Aidoc",
    )
    assert reviewed(pdf("OrbDoc_Voice-to-SOAP")).model == "OrbDoc Voice-to-SOAP Documentation System"


def test_columns_and_page_breaks_are_followed():
    rv = reviewed(pdf("Aidoc_AD-01"))
    card = rv.card
    # the out-of-scope cautions run from the right column of page 1 to the right column of page 2,
    # past the left column's "Keywords: None" and the "Warnings" heading
    cautions = card.fields["CautionedOutOfScopeSettings"]
    assert [s.page for s in cautions.spans][:2] == [1, 2]
    assert cautions.text.endswith("for further information on warnings and precautions.")
    assert "Keywords" not in cautions.text and "Warnings" not in cautions.text
    assert card.value("Keywords") == "None"
    # Key Metrics: three columns, each split into Result and Interpretation, continued on page 6
    fair = card.fields["FairnessEquity"]
    assert " ".join(s.text for s in fair.parts["Interpretation"]).startswith("Device performance did not")
    assert " ".join(s.text for s in fair.parts["ValidationProcessAndJustification"]) == "Link to Methods Description"
    assert "87.1%" in " ".join(s.text for s in card.fields["UsefulnessUsabilityEfficacy"].parts["Results"])
    safety = " ".join(s.text for s in card.fields["SafetyReliability"].parts["ValidationProcessAndJustification"])
    assert safety.startswith("Link to Methods Description AiDoc develops software")


def test_partial_items_name_what_is_missing():
    ad, ba, orb = reviewed(pdf("Aidoc_AD-01")), reviewed(pdf("Aidoc_BA-01")), reviewed(pdf("OrbDoc_Voice-to-SOAP"))
    # a metric with no confidence interval is partial; one with an interval is present
    assert ad.item("SA-21").status is Status.PARTIAL and ad.item("SA-21").lacking == ["ci"]
    assert ba.item("SA-21").status is Status.PRESENT
    assert "95% CI" in ba.item("SA-21").evidence[0].quote
    # a fairness analysis without results by patient group is partial, on every card
    for rv in (ad, ba, orb):
        assert rv.item("FairnessEquity").status is Status.PARTIAL
        assert rv.item("FairnessEquity").lacking == ["subgroups"]
    # internal testing only: external validity is missing, not partial
    assert orb.item("SA-23").status is Status.MISSING and ad.item("SA-23").status is Status.PARTIAL
    # the card's "None" under known biases is no answer
    none = ad.item("KnownBiasesOrEthicalConsiderations")
    assert none.status is Status.MISSING and none.placeholder == "None"
    assert none.evidence[0].quote == "Known biases or ethical considerations: None" and none.evidence[0].page == 2


def test_a_field_printed_under_another_label_is_found_there():
    # the v0.1 PDF has no EHR field; OrbDoc names its EHRs under "How to use"
    ehr = reviewed(pdf("OrbDoc_Voice-to-SOAP")).item("EHRCompatibility")
    assert ehr.status is Status.PRESENT
    assert ehr.evidence[0].quote == "The system integrates with EHR systems including Athena, OpenMRS, and OpenEMR."
    assert ehr.evidence[0].page == 1
    assert reviewed(pdf("Aidoc_AD-01")).item("EHRCompatibility").status is Status.MISSING
