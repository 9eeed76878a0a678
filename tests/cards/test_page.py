"""The Model cards page through AppTest: upload a card, read the table and the highlighted quotes,
edit a question, download the report; the card is indexed as the organization's document."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from streamlit.testing.v1 import AppTest

from advisor import cards, ui
from advisor.index import Index
from advisor.settings import Settings

from ..ui.signin import signed_in
from .conftest import pdf, xml

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home, hash_model_dir

PAGE = Path(__file__).resolve().parents[2] / "pages" / "model_cards.py"


def page(org: str | None = None) -> AppTest:
    at = signed_in(AppTest.from_file(str(PAGE), default_timeout=90))
    if org:
        at.session_state[ui.ORG_KEY] = org
    return at


def upload(at: AppTest, path: Path, mime: str) -> AppTest:
    at.file_uploader[0].upload(path.name, path.read_bytes(), mime)
    next(b for b in at.button if b.label == "Review the card").click()
    return at.run()


def plain(md: str) -> str:
    """Escaped Markdown as the reader sees it."""
    return re.sub(r"\\(.)", r"\1", md)


def no_exceptions(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def test_review_a_pdf_card_for_an_organization(ui_home, monkeypatch):
    exported = []
    real = cards.to_markdown
    monkeypatch.setattr(cards, "to_markdown", lambda rv: exported.append(rv) or real(rv))
    at = page("meridian-health").run()
    no_exceptions(at)
    assert "Upload a vendor's model card" in at.info[0].value
    at = upload(at, pdf("Aidoc_AD-01"), "application/pdf")
    no_exceptions(at)
    assert at.subheader[0].value == "BriefCase-Triage for Aortic Dissection — Aidoc"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["HTI-1 present"] == "17" and metrics["CHAI missing"] == "8"
    table = at.dataframe[0].value
    assert len(table) == 71
    row = table[table["Id"] == "SA-21"].iloc[0]
    assert row["Status"] == "partial" and row["Page"] == 5 and "87.1%" in row["Quote"]
    # the chosen item's quote is highlighted in its page's text, as safe Markdown
    at.selectbox(key="card-quote-item").set_value("KnownBiasesOrEthicalConsiderations").run()
    no_exceptions(at)
    md = "\n".join(m.value for m in at.markdown)
    assert ":orange-background[Known biases or ethical considerations\\: None]" in md and "**Page 2**" in md
    assert "<" not in md.replace("\\<", "")  # no raw HTML from the card
    # readiness gates of Meridian's assessment
    assert any("GOV-6 Bias and fairness assessment scored 2/5 (needs 3)" in plain(m.value) for m in at.markdown)
    # edit a question, then download: the edit is in the report
    areas = at.text_area
    assert len(areas) == 22
    areas[0].set_value("Please list the failure modes you know of.").run()
    no_exceptions(at)
    assert {b.proto.label for b in at.get("download_button")} == {
        "Download the review (Word)",
        "Download the review (Markdown)",
    }
    assert exported and exported[-1].questions[0].text == "Please list the failure modes you know of."
    assert exported[-1].questions[1].text == at.text_area[1].value
    # the card was stored under a name carrying its developer and model; its fields were indexed
    # for the organization, each a section named after the model
    folder = ui_home / "cards" / "meridian-health"
    assert (folder / "Aidoc-BriefCase-Triage-for-Aortic-Dissection-model-card.pdf").exists()
    fields = (folder / "Aidoc-BriefCase-Triage-for-Aortic-Dissection-model-card.xml").resolve()
    index = Index(Settings.from_env())
    rows = [r for r in index.files() if r["path"] == str(fields)]
    assert rows and rows[0]["org"] == "meridian-health" and rows[0]["doc_type"] == "user"
    sections = {c.section for c in index.chunks_for_source(rows[0]["source"])}
    assert "BriefCase-Triage for Aortic Dissection — Known biases or ethical considerations" in sections


def test_the_downloaded_report_carries_the_edited_questions(ui_home):
    from advisor.cards import edit_questions, review_card, to_docx

    rv = review_card(xml("OrbDoc_Voice-to-SOAP"))
    n = len(rv.questions)
    edited = edit_questions(rv, ["Please tell us who funded the product.", ""] + [q.text for q in rv.questions[2:]])
    d = docx.Document(io.BytesIO(to_docx(edited)))
    numbered = [p.text for p in d.paragraphs if p.style.name == "List Number"]
    assert numbered[0] == "Please tell us who funded the product." and len(numbered) == n - 1


def test_an_xml_card_without_an_organization_goes_to_the_shared_library(ui_home):
    at = upload(page().run(), xml("Aidoc_BA-01"), "application/xml")
    no_exceptions(at)
    assert at.subheader[0].value == "BriefCase-Triage for Brain Aneurysm — Aidoc"
    assert any("Choose an organization in the sidebar" in c.value for c in at.caption)
    stored = ui_home / "cards" / "shared" / "Aidoc-BriefCase-Triage-for-Brain-Aneurysm-model-card.xml"
    rows = [r for r in Index(Settings.from_env()).files() if r["path"] == str(stored.resolve())]
    assert rows and rows[0]["org"] == "" and rows[0]["title"].startswith("BriefCase-Triage for Brain Aneurysm (Aidoc)")


def test_a_bad_upload_is_explained(ui_home):
    at = page().run()
    at.file_uploader[0].upload("card.pdf", b"%PDF-1.4 broken", "application/pdf")
    next(b for b in at.button if b.label == "Review the card").click()
    at.run()
    no_exceptions(at)
    assert at.error and "corrupt or unreadable PDF" in at.error[0].value
    assert not (ui_home / "cards").exists()  # nothing stored
