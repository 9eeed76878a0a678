"""Currency metadata: every bundled document says how current it is; bad values are refused clearly."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.currency import Status, corpus_digest, corpus_group, currency_index, load_currency, read_currency
from advisor.errors import AdvisorError, CorpusMetadataError

GUIDANCE = Path(__file__).resolve().parents[2] / "corpus" / "guidance"
DOCS = sorted(GUIDANCE.glob("*.md"))

GOOD = """---
title: "A state AI law summary"
as_of: "2026-10-01"
status: "proposed"
review_by: "2027-01-15"
---

# Body
"""


def write(tmp_path: Path, text: str, name: str = "doc.md") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_every_bundled_document_has_valid_currency_fields():
    records = load_currency(today=date(2026, 11, 30))
    assert len(records) == len(DOCS) >= 30
    assert {r.source for r in records} == {f"corpus/guidance/{p.name}" for p in DOCS}
    for r in records:
        assert isinstance(r.status, Status)
        assert r.as_of <= date(2026, 11, 30), f"{r.source}: as_of is in the future"
        assert r.review_by > r.as_of
        assert not r.overdue, f"{r.source} is already past review_by"
        assert r.title and not r.title.startswith("corpus/")


def test_status_matches_what_each_source_is():
    by_stem = {Path(r.source).stem: r for r in load_currency()}
    for stem in (
        "hipaa-security-rule-ai",
        "onc-hti-1-decision-support-interventions",
        "eu-ai-act-high-risk",
        "section-1557-92-210-patient-care-decision-support",
    ):
        assert by_stem[stem].status is Status.FINAL, stem
    for stem in ("nist-ai-rmf-govern", "nist-ai-600-1-genai-profile", "chai-assurance-standards-guide"):
        assert by_stem[stem].status is Status.GUIDANCE, stem
    # documents whose rules have pending proposals are reviewed sooner than the rest
    assert by_stem["hipaa-security-rule-ai"].review_by < by_stem["nist-ai-rmf-govern"].review_by


def test_overdue_follows_review_by():
    late = load_currency(today=date(2031, 1, 1))
    assert all(r.overdue for r in late)
    r = read_currency(GUIDANCE / "hipaa-security-rule-ai.md", today=date(2027, 3, 1))
    assert r.overdue and r.review_by == date(2027, 2, 28)


def test_a_user_markdown_file_with_good_fields_loads(tmp_path):
    r = read_currency(write(tmp_path, GOOD), today=date(2026, 12, 1))
    assert (r.title, r.as_of, r.status, r.review_by, r.overdue) == (
        "A state AI law summary",
        date(2026, 10, 1),
        Status.PROPOSED,
        date(2027, 1, 15),
        False,
    )
    assert r.to_dict()["status"] == "proposed" and r.to_dict()["as_of"] == "2026-10-01"


@pytest.mark.parametrize(
    ("old", "new", "field", "line", "words"),
    [
        ('status: "proposed"', 'status: "draft"', "status", 4, "one of final, proposed, superseded, guidance"),
        ('as_of: "2026-10-01"\n', "", "as_of", None, "is missing"),
        ('as_of: "2026-10-01"', 'as_of: "01/10/2026"', "as_of", 3, "YYYY-MM-DD"),
        ('review_by: "2027-01-15"', 'review_by: "2026-01-15"', "review_by", 5, "before as_of"),
        ('review_by: "2027-01-15"', 'review_by: "2027-02-30"', "review_by", 5, "YYYY-MM-DD"),
    ],
)
def test_an_invalid_value_is_refused_naming_file_field_and_line(tmp_path, old, new, field, line, words):
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(CorpusMetadataError) as err:
        read_currency(path)
    assert isinstance(err.value, AdvisorError)
    assert err.value.field == field and err.value.line == line
    msg = str(err.value)
    assert str(path) in msg and f"'{field}'" in msg and words in msg


def test_a_file_without_front_matter_is_refused(tmp_path):
    with pytest.raises(CorpusMetadataError, match=r"front matter.*is missing"):
        read_currency(write(tmp_path, "# Just a heading\n"))


def test_cli_status_json_lists_every_document():
    result = CliRunner().invoke(corpus_group, ["status", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == len(DOCS)
    assert set(rows[0]) == {"source", "title", "as_of", "status", "review_by", "overdue"}
    hipaa = next(r for r in rows if r["source"].endswith("hipaa-security-rule-ai.md"))
    assert hipaa["status"] == "final" and hipaa["as_of"] == "2026-11-30"


def test_cli_lists_overdue_documents_and_refuses_a_bad_file(tmp_path):
    old = write(tmp_path, GOOD.replace('"2027-01-15"', '"2020-01-15"').replace('"2026-10-01"', '"2019-10-01"'))
    result = CliRunner().invoke(corpus_group, ["status", "--overdue", str(old)])
    assert result.exit_code == 0 and "OVERDUE" in result.output and "1 past review_by" in result.output
    bad = write(tmp_path, GOOD.replace('"proposed"', '"maybe"'), "bad.md")
    result = CliRunner().invoke(corpus_group, ["status", str(bad)])
    assert result.exit_code == 1
    assert "bad.md:4" in result.output and "'status'" in result.output


def test_digest_changes_when_a_document_changes(tmp_path):
    p = write(tmp_path, GOOD)
    before = corpus_digest([tmp_path])
    assert corpus_digest([tmp_path]) == before
    p.write_text(GOOD + "\nOne more sentence.\n", encoding="utf-8")
    assert corpus_digest([tmp_path]) != before


def test_corpus_version_is_bumped_when_documents_are_rechecked():
    version = (GUIDANCE.parent / "VERSION").read_text(encoding="utf-8").strip()
    newest = max(r.as_of for r in load_currency())
    assert version >= newest.strftime("%Y.%m.%d"), f"corpus/VERSION {version} is older than a document checked {newest}"


def test_currency_index_is_keyed_by_the_source_the_index_uses():
    idx = currency_index()
    assert idx["corpus/guidance/hipaa-security-rule-ai.md"].status is Status.FINAL
