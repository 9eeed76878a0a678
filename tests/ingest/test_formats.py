"""Loaders per format on real generated files and the real AI RMF Playbook PDF."""

from __future__ import annotations

import pytest

from advisor.errors import IngestError
from advisor.ingest import load_chunks

from ..conftest import make_docx, make_pdf


def _chunks(path, **kw):
    kw.setdefault("doc_type", "user")
    return load_chunks(path, str(path), **kw)


def test_markdown_front_matter_and_heading_path(tmp_path):
    p = tmp_path / "policy.md"
    p.write_text(
        "---\ntitle: Sepsis model policy\nframework: local-policy\npublisher: Riverside\n---\n"
        "# Sepsis model policy\n\nIntro paragraph about the **policy**.\n\n"
        "## Monitoring\n\n### Drift\n\nThe model is checked monthly for drift. Alerts go to the steward.\n\n"
        "## Decommissioning\n\nThe model is retired when AUROC falls below 0.7.\n",
        encoding="utf-8",
    )
    chunks = _chunks(p)
    assert chunks[0].title == "Sepsis model policy"
    assert chunks[0].framework == "local-policy" and chunks[0].publisher == "Riverside"
    by_text = {c.text: c.section for c in chunks}
    assert by_text["Intro paragraph about the policy."] == ""
    assert by_text["The model is checked monthly for drift. Alerts go to the steward."] == "Monitoring > Drift"
    assert by_text["The model is retired when AUROC falls below 0.7."] == "Decommissioning"
    assert all(c.page is None for c in chunks)


def test_markdown_bad_front_matter_names_file(tmp_path):
    p = tmp_path / "broken.md"
    p.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(IngestError) as exc:
        _chunks(p)
    assert "broken.md" in str(exc.value) and "front matter" in str(exc.value)


def test_pdf_pages_are_physical_and_one_based(tmp_path):
    p = make_pdf(
        tmp_path / "three.pdf",
        [
            "Cover page of the readiness memo.",
            "The enterprise data catalog was launched in March. Stewards own each domain.",
            "Appendix: the zebra governance phrase appears only here.",
        ],
    )
    chunks = _chunks(p)
    pages = {c.page for c in chunks if "zebra governance phrase" in c.text}
    assert pages == {3}
    assert {c.page for c in chunks if "data catalog" in c.text} == {2}


def test_docx_keeps_heading_structure_and_tables(tmp_path):
    p = make_docx(
        tmp_path / "charter.docx",
        "AI Governance Charter",
        [("Membership", ["The committee has nine voting members."]), ("  Quorum", ["Five members form a quorum."])],
        table=[["Role", "Owner"], ["Model steward", "Data science"]],
    )
    chunks = _chunks(p)
    assert chunks[0].title == "AI Governance Charter"

    def section_of(phrase):
        return next(c.section for c in chunks if phrase in c.text)

    assert section_of("The committee has nine voting members.") == "Membership"
    assert section_of("Five members form a quorum.") == "Membership > Quorum"
    assert any("Model steward | Data science" in c.text for c in chunks)


def test_html_drops_scripts_and_keeps_headings(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Vendor AI checklist</title><script>var secret='x';</script></head><body>"
        "<nav>Home | About</nav><h1>Vendor AI checklist</h1><h2>Validation</h2>"
        "<p>Ask the vendor for local validation results.</p><ul><li>Subgroup performance.</li></ul></body></html>",
        encoding="utf-8",
    )
    chunks = _chunks(p)
    text = " ".join(c.text for c in chunks)
    assert "secret" not in text and "Home | About" not in text
    assert chunks[0].title == "Vendor AI checklist"
    assert all(c.section == "Validation" for c in chunks)
    assert "Subgroup performance." in text


def test_html_definition_list_keeps_each_term_with_its_definition(tmp_path):
    p = tmp_path / "terms.html"
    p.write_text(
        "<html><head><title>Terms</title></head><body><h1>Purchasing guide</h1><h2>Definitions</h2>"
        "<p>These terms are used throughout the guide for every purchase of a clinical tool.</p><dl>"
        "<dt>Silent trial</dt><dd>A period in which the tool runs on live data but nobody sees its output.</dd>"
        "<dt>Model owner</dt><dd>The named clinician who answers for the tool's safety in use.</dd></dl></body></html>",
        encoding="utf-8",
    )
    text = "\n".join(c.text for c in _chunks(p))
    assert "Silent trial: A period in which the tool runs on live data but nobody sees its output." in text
    assert "Model owner: The named clinician who answers for the tool's safety in use." in text


def test_a_long_numbered_list_is_split_between_items_never_after_an_items_number(tmp_path):
    import re

    from advisor.text import sentence_spans

    items = [
        f"Item {i} asks the hospital to keep written evidence of check number {i} for the auditor."
        for i in range(1, 25)
    ]
    text = "The hospital must have done each of the following:\n" + "\n".join(
        f"{i}. {t}" for i, t in enumerate(items, 1)
    )
    assert not any(re.fullmatch(r"\d+\.", text[s:e]) for s, e in sentence_spans(text))
    p = tmp_path / "list.md"
    p.write_text("# Checks\n\n" + text + "\n", encoding="utf-8")
    chunks = _chunks(p)
    assert len(chunks) > 1
    assert not any(re.search(r"\n\d+\.$", c.text) for c in chunks), [c.text[-20:] for c in chunks]
    joined = "\n".join(c.text for c in chunks)
    assert all(t in joined for t in items)


def test_plain_text(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("Board notes\n\nThe board approved the AI strategy.\n\nNext review in June.", encoding="utf-8")
    chunks = _chunks(p)
    assert chunks[0].title == "Board notes"
    assert "The board approved the AI strategy." in chunks[0].text


def test_a_hard_wrapped_paragraph_is_read_whole_in_markdown_and_plain_text(tmp_path):
    # files wrapped at 80 columns: a sentence goes on over the line's end; list items and field
    # lines keep their own lines
    body = (
        "The 30-minute safety module is mandatory for nurses who receive model alerts. At 31\n"
        "December 2025, 1,204 of the 1,880 nurses in the target group had completed it, against a\n"
        "target of 85% by that date.\n\n"
        "Report number: IA-25-03\nIssued: 14 April 2026\n\n"
        "The audit found that:\n- 3 of the 11 changes were released without a change ticket, and the\n"
        "  team could not say why;\n- no access review had been done.\n"
    )
    md, txt = tmp_path / "audit.md", tmp_path / "audit.txt"
    md.write_text("---\ntitle: Audit report\n---\n# Audit report\n\n" + body, encoding="utf-8")
    txt.write_text("Audit report\n\n" + body, encoding="utf-8")
    for p in (md, txt):
        text = "\n".join(c.text for c in _chunks(p))
        assert (
            "At 31 December 2025, 1,204 of the 1,880 nurses in the target group had completed it, against a target"
            in text
        )
        assert "Report number: IA-25-03\nIssued: 14 April 2026" in text
        assert (
            "- 3 of the 11 changes were released without a change ticket, and the team could not say why;\n- no access"
            in text
        )


def test_a_contents_heading_heads_its_entries_not_the_clauses_after_it(tmp_path):
    # a contract whose "Contents" is a level-1 heading and whose clauses are level-2 headings
    p = make_docx(
        tmp_path / "msa.docx",
        "Master services agreement",
        [
            ("Contents", ["1. Fees and payment", "2. Termination"]),
            ("  1. Fees and payment", ["The annual subscription fee is USD 412,000, invoiced annually in advance."]),
            ("  2. Termination", ["Either party may terminate on 180 days' written notice."]),
        ],
    )
    chunks = _chunks(p)
    fee = next(c for c in chunks if "412,000" in c.text)
    assert fee.section == "1. Fees and payment", [c.section for c in chunks]
    md = tmp_path / "msa.md"
    md.write_text(
        "# Agreement\n\n## Table of contents\n\n- Fees\n\n### Fees\n\nThe fee is USD 9,000.\n", encoding="utf-8"
    )
    assert next(c for c in _chunks(md) if "9,000" in c.text).section == "Fees"
