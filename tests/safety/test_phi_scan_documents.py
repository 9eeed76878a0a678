"""`advisor phi scan` reads a PDF or Word file as indexing does: the loaders' extracted text, passage by passage,
so it reports what `advisor index` would redact, and never a number from the file's internals."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from click.testing import CliRunner

from advisor.index.phi_cli import phi
from advisor.index.screening import screen
from advisor.ingest import load_chunks
from advisor.safety.phi import redact

from ..ingest.pdfgen import lines_pdf

# An invented clinic's referral letter.
LINES = [
    "Referral to the Fernhollow memory clinic",
    "Patient: Eleanor Quarrington",
    "Date of birth: 14 March 1948",
    "MRN: 00844120",
    "Please call her daughter on (617) 555-0143 to arrange the first visit.",
]


def _docx(path: Path, lines: list[str]) -> Path:
    d = docx.Document()
    d.core_properties.title = "Memory clinic referral"
    for line in lines:
        d.add_paragraph(line)
    d.save(str(path))
    return path


def _scan(*paths: Path) -> list[dict]:
    res = CliRunner().invoke(phi, ["scan", *map(str, paths), "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def test_scan_reports_the_identifiers_in_a_word_and_a_pdf_files_text(tmp_path):
    files = [_docx(tmp_path / "referral.docx", LINES), lines_pdf(tmp_path / "referral.pdf", LINES)]
    for result in _scan(*files):
        found = {(f["type"], f["text"]) for f in result["findings"]}
        assert found == {
            ("name", "Eleanor Quarrington"),
            ("date", "14 March 1948"),
            ("mrn", "00844120"),
            ("phone", "(617) 555-0143"),
        }, result["file"]


def test_scan_finds_what_indexing_redacts_and_nothing_else(tmp_path):
    """Redacting each passage with the scan's findings gives the passages indexing stores."""
    minutes = [
        "Quality Council minutes",
        "Motion: Approve the sepsis alert pilot. Moved by Dr. Odile Brannigan.",
        "Carried 5-1 (Dr. Casimir Okonkwo-Reyes opposed).",
        *LINES[1:],
    ]
    for path in (_docx(tmp_path / "minutes.docx", minutes), lines_pdf(tmp_path / "minutes.pdf", minutes)):
        chunks = load_chunks(path, str(path.resolve()), doc_type="user")
        stored = screen(path, chunks, embedder=None, redact_phi=True).chunks
        [result] = _scan(path)
        extracted = "\n\n".join(c.text for c in chunks)
        for f in result["findings"]:
            assert extracted[f["start"] : f["end"]] == f["text"]
        offset, redacted = 0, []
        for c in chunks:
            mine = [
                {**f, "start": f["start"] - offset, "end": f["end"] - offset}
                for f in result["findings"]
                if offset <= f["start"] < offset + len(c.text)
            ]
            out = c.text
            for f in sorted(mine, key=lambda f: f["start"], reverse=True):
                out = out[: f["start"]] + f"[{f['type'].upper()}]" + out[f["end"] :]
            redacted.append(out)
            offset += len(c.text) + 2
        assert redacted == [c.text for c in stored], path.name
        assert any("Dr. Odile Brannigan" in r for r in redacted)  # a member, kept by both


def test_a_text_file_is_still_scanned_as_it_is(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("\n".join(LINES), encoding="utf-8")
    [result] = _scan(note)
    text = note.read_text(encoding="utf-8")
    assert all(text[f["start"] : f["end"]] == f["text"] for f in result["findings"])
    assert redact(text).count("[") == len(result["findings"])


def test_the_help_says_documents_are_scanned_as_indexing_reads_them():
    out = CliRunner().invoke(phi, ["scan", "--help"]).output
    assert "PDF" in out and "advisor index" in out
