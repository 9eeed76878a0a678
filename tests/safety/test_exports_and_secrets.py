"""Exports neutralise spreadsheet formulas and markup; settings never show a secret in clear."""

from __future__ import annotations

import csv
import io
import json

import docx
import pytest

from advisor import recommend as R
from advisor.answer import Advisor
from advisor.assessment import load_instrument, load_results
from advisor.errors import AssessmentError
from advisor.index import Index
from advisor.safety.cells import markdown_safe, neutralize_formula
from advisor.settings import CORPUS_DIR, Settings, mask_secrets, mask_url
from advisor.ui.tables import settings_rows
from advisor.ui.uploads import csv_template

HOSTILE_NAME = "<img src=x onerror=alert(1)>Hostile Health"
FORMULA = '=HYPERLINK("http://evil-example.com/x","click")'


@pytest.mark.parametrize(
    "value, expected",
    [
        (FORMULA, "'" + FORMULA),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tcmd", "'\tcmd"),
        ("\r=1", "'\r=1"),
        ("-3", "-3"),
        ("+1.5", "+1.5"),
        ("Chief Digital Officer", "Chief Digital Officer"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised_and_numbers_kept(value, expected):
    assert neutralize_formula(value) == expected


def test_markdown_exports_carry_no_html_or_script_links():
    text = markdown_safe("<img src=x onerror=alert(1)> <script>x</script> [go](javascript:alert(1)) [1] a < b")
    assert "<img" not in text and "<script" not in text and "](javascript:" not in text
    assert "[1]" in text and "a < b" in text


def _hostile_results(path, org_name: str, owner: str, evidence: str) -> None:
    """A JSON results file carrying markup; whatever reaches an export is neutralised there. (A
    hostile name or a formula cell is refused on reading, in JSON as in CSV:
    tests/assessment/test_same_checks.py.)"""
    inst = load_instrument()
    rows = [{"question_id": q.id, "score": 2, "evidence": evidence, "owner": owner} for q in inst.questions]
    doc = {"org": "hostile-health", "org_name": org_name, "assessment_date": "2026-10-01", "assessor": "Office"}
    path.write_text(json.dumps({**doc, "results": rows}), encoding="utf-8")


def test_recommendation_exports_neutralise_results_fields(tmp_path, hash_model_dir, monkeypatch):
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_EMBED_MODEL", str(hash_model_dir))
    results = tmp_path / "hostile-health-2026-10-01.json"
    _hostile_results(results, HOSTILE_NAME, FORMULA, "<script>alert(1)</script> see [here](javascript:alert(2)).")
    with pytest.raises(AssessmentError) as refused:  # a hostile name or formula never gets as far as an export
        load_results(results)
    assert {p.field for p in refused.value.problems} == {"org_name", "owner"}
    _hostile_results(results, "Hostile Health", "Office", "<script>alert(1)</script> see [here](javascript:alert(2)).")
    s = Settings.from_env()
    ix = Index(s)
    guidance = sorted((CORPUS_DIR / "guidance").glob("nist-ai-rmf-*.md"))
    report = ix.index_paths([*guidance, results])
    assert report.ok, report.errors
    rep = R.build_report(Advisor(s), "hostile-health", polish=False)
    rec = rep.recommendations[0]
    edited = R.apply_edits(rep, {rec.id: {"owner": "@SUM(1+1)*cmd|' /C calc'!A0", "note": "<b onmouseover=x>hi</b>"}})
    md = R.to_markdown(edited)
    assert "<img" not in md and "<script" not in md and "<b " not in md and "](javascript:" not in md
    assert "| '@SUM(1+1)" in md  # the consultant's edit lands in a table cell, neutralised
    cells = [c.text for t in docx.Document(io.BytesIO(R.docx_bytes(edited))).tables for r in t.rows for c in r.cells]
    assert cells and not [c for c in cells if c.lstrip(" ").startswith(("=", "+", "@", "\t", "\r"))]
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells


def test_the_assessment_csv_template_neutralises_formulas():
    text = csv_template(load_instrument(), "=cmd", "+Org", "2026-10-01")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][:3] == ["'=cmd", "'+Org", "2026-10-01"]


# ------------------------------------------------------------------------------------------- secrets


@pytest.mark.parametrize(
    "url, shown",
    [
        ("https://user:s3cret@llm.example.com/v1", "https://user:*****@llm.example.com/v1"),
        ("https://tok3n@llm.example.com/v1", "https://*****@llm.example.com/v1"),
        ("https://u:p@ss@h.example/x", "https://u:*****@h.example/x"),
        ("https://h.example/v1?api_key=abc123&x=1", "https://h.example/v1?api_key=*****&x=1"),
        ("http://localhost:8000", "http://localhost:8000"),
    ],
)
def test_credentials_in_urls_are_masked(url, shown):
    assert mask_url(url) == shown


def test_settings_never_show_a_secret_in_clear(tmp_path):
    s = Settings.from_env(
        {
            "ADVISOR_HOME": str(tmp_path),
            "OPENAI_BASE_URL": "https://alice:hunter2@llm.example.com/v1",
            "OPENAI_API_KEY": "sk-live-abcdef123456",
            "ADVISOR_LLM_MODEL": "gpt-x",
            "ADVISOR_CHROMA_URL": "https://bob:pa55word@chroma.example.com:8000",
        }
    )
    shown = repr(s.masked()) + repr(settings_rows(s.masked()))
    for secret in ("hunter2", "sk-live", "abcdef123456", "pa55word"):
        assert secret not in shown
    assert s.masked()["llm_base_url"] == "https://alice:*****@llm.example.com/v1"
    assert s.masked()["llm_api_key"] == "sk-…*****"
    assert mask_secrets("connect to https://bob:pa55word@x failed") == "connect to https://bob:*****@x failed"


def test_a_bad_url_setting_names_the_variable_without_the_password(tmp_path):
    from advisor.errors import SettingsError

    with pytest.raises(SettingsError) as err:
        Settings.from_env({"ADVISOR_HOME": str(tmp_path), "OPENAI_BASE_URL": "ftp://alice:hunter2@host"})
    assert "OPENAI_BASE_URL" in str(err.value) and "hunter2" not in str(err.value)


def test_redaction_setting_is_validated(tmp_path):
    from advisor.errors import SettingsError

    assert Settings.from_env({"ADVISOR_HOME": str(tmp_path)}).redact_phi is True
    assert Settings.from_env({"ADVISOR_HOME": str(tmp_path), "ADVISOR_REDACT_PHI": "0"}).redact_phi is False
    with pytest.raises(SettingsError, match="ADVISOR_REDACT_PHI"):
        Settings.from_env({"ADVISOR_HOME": str(tmp_path), "ADVISOR_REDACT_PHI": "maybe"})
