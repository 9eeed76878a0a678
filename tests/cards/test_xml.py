"""CHAI XML cards: fields read directly, blanked fields found missing, the ingestion loader's
citable sections, and hostile or foreign XML refused with a clear message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advisor.cards import Status, review_card, review_data
from advisor.cards.judge import filled
from advisor.errors import IngestError
from advisor.ingest import load_chunks, loader_for
from advisor.ingest.chai import format_metric_value, parse_chai_xml

from .conftest import STEMS, xml

NS = "https://mc.chai.org/v0.2/schema.xsd"


def blank(src: Path, element: str, out: Path) -> Path:
    """A copy of the card (its CHAI copyright notice kept) with one element emptied."""
    text = src.read_text(encoding="utf-8")
    new, n = re.subn(rf"<{element}>.*?</{element}>", f"<{element}></{element}>", text, count=1, flags=re.S)
    assert n == 1, element
    assert "Copyright (c) 2024 Coalition for Health AI" in new
    out.write_text(new, encoding="utf-8")
    return out


@pytest.mark.parametrize("stem", STEMS)
def test_a_field_blanked_in_a_copy_becomes_missing(stem, tmp_path):
    src = xml(stem)
    original = review_card(src)
    _, data = review_data()
    # every plain field the card fills, one at a time (the metric groups are blanked part by part below)
    fields = [
        f
        for f in original.card.fields
        if filled(original.card, f, data.checks)
        and f
        not in (
            "ModelName",
            "UsefulnessUsabilityEfficacy",
            "FairnessEquity",
            "SafetyReliability",
            "Keywords",
            "EHRCompatibility",
        )
    ]
    assert len(fields) >= 25
    for fid in fields:
        rv = review_card(blank(src, fid, tmp_path / f"{fid}.xml"))
        item = rv.item(fid)
        assert item.status is Status.MISSING, f"{stem}: {fid} blanked but judged {item.status}"
        assert item.evidence == []
        # and it is asked about, citing the field
        assert any(f"[CHAI {fid}:" in q.text for q in rv.questions), fid


def test_blanking_a_metric_group_and_an_htI1_attribute_follows(tmp_path):
    src = xml("Aidoc_BA-01")
    text = src.read_text(encoding="utf-8")
    group = re.search(r"<FairnessEquity>.*?</FairnessEquity>", text, re.S).group(0)
    emptied = re.sub(
        r"(<(MetricGoal|Interpretation|TestType|TestingDataDescription|ValidationProcessAndJustification)>)"
        r".*?(</\2>)",
        r"\1\3",
        group,
        flags=re.S,
    )
    emptied = re.sub(r"<Results>.*?</Results>", "<Results></Results>", emptied, flags=re.S)
    out = tmp_path / "no-fairness.xml"
    out.write_text(text.replace(group, emptied), encoding="utf-8")
    rv = review_card(out)
    assert rv.item("FairnessEquity").status is Status.MISSING
    assert rv.item("SA-22").status is Status.MISSING  # fairness on same-source data: only that field answers it
    # the funding source answers HTI-1 SA-2 directly: blank it and both go missing, asked in one question
    rv = review_card(blank(src, "FundingSource", tmp_path / "no-funding.xml"))
    assert rv.item("SA-2").status is Status.MISSING and rv.item("FundingSource").status is Status.MISSING
    asked = [q.text for q in rv.questions if "SA-2:" in q.text]
    assert len(asked) == 1 and "[CHAI FundingSource: Funding source]" in asked[0]


def test_xml_fields_and_metric_values():
    card = parse_chai_xml(xml("Aidoc_BA-01"))
    assert card.version == "v0.2" and card.model == "BriefCase-Triage for Brain Aneurysm"
    usefulness = card.field("UsefulnessUsabilityEfficacy")
    results = next(p for p in usefulness.parts if p.id == "Results")
    assert results.text.splitlines() == ["Sensitivity: 88.5% (95% CI 80.4–94.1)", "Specificity: 89.5% (95% CI 84–93.7)"]
    assert card.value("Keywords") == "" and card.value("FoundationModels") == ""
    assert (
        parse_chai_xml(xml("OrbDoc_Voice-to-SOAP")).value("EHRCompatibility")
        == "Epic; Cerner; Athena; Allscripts; NextGen"
    )
    assert format_metric_value('{"kind":"mean_sd","mean":67.4,"sd":12.8,"unit":"years"}') == "mean 67.4 years (SD 12.8)"
    assert format_metric_value("not json") == "not json"


def test_each_field_is_a_citable_section_named_after_the_model():
    assert loader_for(Path("card.xml")).name == "chai-model-card"
    chunks = load_chunks(xml("Aidoc_AD-01"), "cards/ad.xml", doc_type="user", org="meridian-health")
    assert chunks and all(c.section.startswith("BriefCase-Triage for Aortic Dissection — ") for c in chunks)
    assert chunks[0].title == "BriefCase-Triage for Aortic Dissection (Aidoc) — CHAI Applied Model Card"
    assert {c.org for c in chunks} == {"meridian-health"}
    by_section = {c.section: c.text for c in chunks}
    assert (
        by_section["BriefCase-Triage for Aortic Dissection — Known biases or ethical considerations"]
        == "Known biases or ethical considerations: None"
    )
    assert (
        "Custom-built 3D deep convolutional neural network."
        in by_section["BriefCase-Triage for Aortic Dissection — Model type"]
    )


def test_questions_about_one_product_do_not_pull_its_near_identical_sibling(tmp_path, hash_model_dir, monkeypatch):
    from advisor.answer import Advisor
    from advisor.settings import Settings

    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_EMBED_MODEL", str(hash_model_dir))
    adv = Advisor(Settings.from_env())
    report = adv.index_paths([xml("Aidoc_AD-01"), xml("Aidoc_BA-01")], org="meridian-health")
    assert report.ok, report.errors
    for query, want, sibling, field in (
        (
            "What does the Brain Aneurysm card say about bias mitigation?",
            "BA-01",
            "AD-01",
            "Bias mitigation approaches",
        ),
        ("Aortic Dissection model card: known risks and limitations", "AD-01", "BA-01", "Known risks and limitations"),
        (
            "Brain Aneurysm card: development data characterization",
            "BA-01",
            "AD-01",
            "Development data characterization",
        ),
    ):
        hits = adv.search(query, k=10, org="meridian-health")
        assert hits and want in hits[0].chunk.source, (query, [(h.chunk.source[-12:], h.chunk.section) for h in hits])
        rank = {}
        for i, h in enumerate(hits):
            if h.chunk.section.endswith(" — " + field):
                rank.setdefault("want" if want in h.chunk.source else "other", i)
                assert want in h.chunk.source or sibling in h.chunk.source
        assert "want" in rank, query
        # the near-identical sibling's passage on the same field never outranks the named product's
        assert rank.get("other", len(hits)) > rank["want"], (query, rank)
    # and without the organization, its cards are not searched at all
    assert adv.search("Brain Aneurysm bias mitigation", k=5) == []


HOSTILE = {
    "bomb.xml": (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        f'<AppliedModelCard xmlns="{NS}"><BasicInfo><ModelName>&lol2;</ModelName></BasicInfo></AppliedModelCard>',
        "declares entities or a DTD",
    ),
    "external.xml": (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<AppliedModelCard xmlns="{NS}"><BasicInfo><ModelName>&xxe;</ModelName></BasicInfo></AppliedModelCard>',
        "declares entities or a DTD",
    ),
    "broken.xml": (
        f'<AppliedModelCard xmlns="{NS}"><BasicInfo><ModelName>x</BasicInfo>',
        "not well-formed XML (line 1",
    ),
    "other.xml": ('<rss version="2.0"><channel><title>news</title></channel></rss>', "not a CHAI Applied Model Card"),
    "nameless.xml": (
        f'<AppliedModelCard xmlns="{NS}"><BasicInfo><ModelName> </ModelName></BasicInfo></AppliedModelCard>',
        "has no BasicInfo/ModelName",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_or_foreign_xml_is_refused_naming_the_file(name, tmp_path):
    body, message = HOSTILE[name]
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    with pytest.raises(IngestError) as err:
        review_card(p)
    assert name in str(err.value) and message in str(err.value)
    with pytest.raises(IngestError, match=re.escape(message)):
        load_chunks(p, str(p), doc_type="user")


@pytest.mark.parametrize("stem", STEMS)
def test_a_pdf_card_written_as_chai_xml_reads_the_same(stem, tmp_path):
    from advisor.cards import card_to_chai_xml

    from .conftest import pdf

    from_pdf = review_card(pdf(stem))
    out = tmp_path / f"{stem}.xml"
    out.write_bytes(card_to_chai_xml(from_pdf.card))
    text = out.read_text(encoding="utf-8")
    assert "Copyright (c) 2024 Coalition for Health AI, Inc." in text  # the card's notice travels with it
    again = review_card(out)
    assert again.model == from_pdf.model and again.developer == from_pdf.developer
    assert [(i.id, i.status) for i in again.items] == [(i.id, i.status) for i in from_pdf.items]
    chunks = load_chunks(out, str(out), doc_type="user")
    assert all(c.section.startswith(from_pdf.model + " — ") for c in chunks)
