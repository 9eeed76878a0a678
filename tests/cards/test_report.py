"""The report (DOCX and Markdown), the organization's readiness gates, and `advisor review-card`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from advisor.cards import SECTIONS, GateKind, Status, export_review, review_card
from advisor.cli import main
from advisor.errors import ModelCardError
from advisor.index import Index
from advisor.library import Library
from advisor.settings import Settings

from .conftest import ROOT, pdf, xml

RESULTS = ROOT / "corpus" / "assessment" / "results"


@pytest.fixture(scope="module")
def results_home(tmp_path_factory, hash_model_dir) -> Path:
    """An ADVISOR_HOME with the sample organizations' assessment results indexed (hash embedder)."""
    h = tmp_path_factory.mktemp("cards-home")
    ix = Index(Settings.from_env({"ADVISOR_HOME": str(h), "ADVISOR_EMBED_MODEL": str(hash_model_dir)}))
    report = ix.index_paths([RESULTS])
    assert report.ok, report.errors
    ix.close()
    return h


@pytest.fixture
def home(results_home, hash_model_dir, tmp_path, monkeypatch) -> Path:
    h = tmp_path / "home"
    shutil.copytree(results_home, h)
    monkeypatch.setenv("ADVISOR_HOME", str(h))
    monkeypatch.setenv("ADVISOR_EMBED_MODEL", str(hash_model_dir))
    return h


def library() -> Library:
    return Library(Index(Settings.from_env()))


def headings(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name.startswith(("Heading", "Title"))]


def test_the_docx_opens_and_has_every_section(home, tmp_path):
    rv = review_card(pdf("Aidoc_AD-01"), org="prairie-bend-cah", library=library())
    out = export_review(rv, tmp_path / "review.docx")
    d = docx.Document(str(out))
    heads = headings(out)
    assert heads[0] == "Model card review: BriefCase-Triage for Aortic Dissection"
    assert heads[1:] == list(SECTIONS)
    facts, summary, items = d.tables
    assert [c.text for c in facts.rows[1].cells] == ["Developer", "Aidoc"]
    counts = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in summary.rows[1:]}
    assert counts["ONC HTI-1 source attributes"] == [str(rv.counts()["onc-hti-1"][s.value]) for s in Status]
    assert len(items.rows) == 1 + 71
    row = next(r for r in items.rows if r.cells[1].text == "SA-21")
    assert row.cells[3].text == "partial" and "87.1%" in row.cells[4].text and "(p. 5)" in row.cells[4].text
    numbered = [p.text for p in d.paragraphs if p.style.name == "List Number"]
    assert numbered == [q.text for q in rv.questions]
    gates = [p.text for p in d.paragraphs if p.style.name == "List Bullet"]
    assert (
        "GOV-5 Post-deployment monitoring process scored 1/5 (needs 3): post-deployment monitoring must come first."
        in gates
    )


def test_markdown_report_has_the_same_sections_and_escapes_table_cells(tmp_path):
    rv = review_card(xml("OrbDoc_Voice-to-SOAP"))
    md = export_review(rv, tmp_path / "r.md").read_text(encoding="utf-8")
    assert md.startswith("# Model card review: OrbDoc Voice-to-SOAP Documentation System\n")
    for s in SECTIONS[:4]:
        assert f"\n## {s}\n" in md
    assert "## Readiness gates" not in md  # no organization chosen
    assert "| HTI-1 | SA-23 | Validity on external data | missing |" in md
    assert all(f"{n}. " in md for n in range(1, len(rv.questions) + 1))
    with pytest.raises(ModelCardError, match=r"use \.docx or \.md"):
        export_review(rv, tmp_path / "r.pdf")


def test_gates_come_from_the_organizations_latest_assessment(home):
    lib = library()
    # a predictive imaging model at a critical-access hospital: monitoring and validation must come first
    rv = review_card(pdf("Aidoc_BA-01"), org="prairie-bend-cah", library=lib)
    r = rv.readiness
    assert r.org_name == "Prairie Bend Community Hospital" and r.date == "2026-08-20" and r.kind == "predictive"
    texts = [g.text for g in r.gates]
    assert (
        "CLIN-3 Local validation before go-live scored 1/5 (needs 3): local validation before go-live must come first."
        in texts
    )
    assert any(g.kind is GateKind.RULE and g.id == "B5" for g in r.gates)  # fairness review before predictive care AI
    assert not any(g.met for g in r.gates[:5])  # what must come first leads
    # an ambient documentation tool at Meridian touches its ambient and coding use cases
    rv = review_card(xml("OrbDoc_Voice-to-SOAP"), org="meridian-health", library=lib)
    r = rv.readiness
    assert r.kind == "genai" and r.date == "2026-09-30"
    assert r.use_cases[0] == "Ambient clinical documentation" and "AI-assisted coding and revenue cycle" in r.use_cases
    assert {g.via for g in r.gates if g.kind is GateKind.USE_CASE} >= {"Ambient clinical documentation"}
    gov5 = next(g for g in r.gates if g.id == "GOV-5")
    assert gov5.met and gov5.text.endswith("scored 3/5 (needs 3): met.")
    assert not any(g.id in ("CLIN-3", "GOV-6") for g in r.gates)  # predictive-only gates


def test_an_organization_without_results_gets_a_note_not_gates(home):
    rv = review_card(xml("Aidoc_AD-01"), org="nobody", library=library())
    assert rv.readiness.gates == [] and "No scored assessment for organization 'nobody'" in rv.readiness.note


# --------------------------------------------------------------------------- CLI


def test_cli_json_is_the_contract(home, tmp_path):
    out = tmp_path / "review.md"
    result = CliRunner().invoke(main, ["review-card", str(pdf("OrbDoc_Voice-to-SOAP")), "--json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["model", "developer", "items", "questions"]
    assert data["model"] == "OrbDoc Voice-to-SOAP Documentation System" and data["developer"] == "OrbDoc"
    assert all(list(i) == ["id", "name", "framework", "status", "evidence"] for i in data["items"])
    assert {i["status"] for i in data["items"]} == {"present", "partial", "missing"}
    ev = next(i for i in data["items"] if i["id"] == "FundingSource")["evidence"]
    assert ev == [{"page": 2, "quote": "Company-funded"}]
    assert all(isinstance(q, str) for q in data["questions"]) and out.exists()


def test_cli_with_an_organization_adds_its_gates(home):
    result = CliRunner().invoke(main, ["review-card", str(xml("Aidoc_AD-01")), "--org", "meridian-health"])
    assert result.exit_code == 0, result.output
    assert "Readiness gates for Meridian Health Partners (2026-09-30):" in result.output
    assert (
        "GOV-6 Bias and fairness assessment scored 2/5 (needs 3): a bias and fairness assessment must come first."
        in result.output
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--out", "x.pdf"], 2, "unsupported format '.pdf'; use a .docx or .md file name"),
        (["--org", "nowhere"], 2, "unknown organization 'nowhere'; known organizations: "),
    ],
)
def test_cli_usage_errors(home, args, code, message):
    result = CliRunner().invoke(main, ["review-card", str(xml("Aidoc_AD-01")), *args])
    assert result.exit_code == code and message in result.output


def test_an_image_only_pdf_and_a_document_that_is_no_card(home, tmp_path):
    from fpdf import FPDF

    blank = FPDF()
    blank.add_page()
    blank.rect(20, 20, 100, 60, style="F")
    blank.output(str(tmp_path / "scan.pdf"))
    prose = FPDF()
    prose.add_page()
    prose.set_font("Helvetica", size=11)
    prose.multi_cell(0, 6, "Minutes of the AI governance committee. The committee met and discussed vendors.")
    prose.output(str(tmp_path / "minutes.pdf"))
    for name, message in (("scan.pdf", "no extractable text"), ("minutes.pdf", "no model card fields found")):
        result = CliRunner().invoke(main, ["review-card", str(tmp_path / name)])
        assert result.exit_code == 1 and name in result.output and message in result.output, result.output


def test_cli_bad_files(home, tmp_path):
    for name, body, message in (
        ("missing.pdf", None, "file not found"),
        ("card.txt", b"Name: x", "unsupported model card format '.txt'; use a PDF, Word (.docx) or CHAI XML file"),
        ("empty.pdf", b"", "file is empty"),
        ("junk.pdf", b"%PDF-1.4 not really", "corrupt or unreadable PDF"),
        ("junk.docx", b"PK not a zip", "not a readable Word (.docx) file"),
    ):
        p = tmp_path / name
        if body is not None:
            p.write_bytes(body)
        result = CliRunner().invoke(main, ["review-card", str(p)])
        assert result.exit_code == 1, (name, result.output)
        assert name in result.output and message in result.output, (name, result.output)
