"""Hostile files: each gets one clear line naming it, nothing is indexed from it, and the rest of
the batch is unaffected. Untrusted files are parsed in a resource-limited worker."""

from __future__ import annotations

import os

import pytest

from advisor.errors import IngestError
from advisor.index import Index
from advisor.ingest import Limits, limits_for, load_chunks, load_document
from advisor.ingest.sandbox import POOL

from . import hostile, pdfgen


def _problem(path, limits: Limits) -> str:
    with pytest.raises(IngestError) as exc:
        load_chunks(path, str(path), doc_type="user", limits=limits)
    assert exc.value.file == str(path)
    assert "\n" not in exc.value.problem and "Traceback" not in exc.value.problem
    return exc.value.problem


def test_docx_with_millions_of_paragraphs_is_refused_before_parsing(tmp_path):
    p = hostile.many_paragraphs_docx(tmp_path / "paras.docx", n=2_000_000)
    assert p.stat().st_size < 400_000
    assert "decompression bomb" in _problem(p, Limits())


def test_paragraph_cap_stops_a_streamed_document(tmp_path):
    p = hostile.many_paragraphs_docx(tmp_path / "paras.docx", n=20_000)
    problem = _problem(p, Limits(max_zip_ratio=10_000, max_paragraphs=5_000))
    assert "more than 5000 paragraphs" in problem and "ADVISOR_INGEST_MAX_PARAGRAPHS" in problem


def test_docx_zip_bomb_is_refused_from_its_directory(tmp_path):
    p = hostile.zip_bomb_docx(tmp_path / "bomb.docx", unpacked_mb=120)
    assert "decompression bomb" in _problem(p, Limits(max_unzipped_mb=100))
    assert "decompression bomb" in _problem(p, Limits())  # the ratio cap alone catches it


def test_billion_laughs_is_refused(tmp_path):
    p = hostile.billion_laughs_docx(tmp_path / "laughs.docx")
    assert "entity" in _problem(p, Limits())


def test_pdf_with_100k_pages_is_refused(tmp_path):
    p = hostile.many_pages_pdf(tmp_path / "pages.pdf", n=100_000)
    assert "100000 pages" in _problem(p, Limits())


def test_deeply_nested_pdf_gives_one_line(tmp_path):
    p = hostile.deep_nesting_pdf(tmp_path / "deep.pdf")
    assert "no extractable text" in _problem(p, Limits(isolate=True))


def test_flate_bomb_pdf_is_stopped_by_the_worker_memory_limit(tmp_path):
    p = hostile.flate_bomb_pdf(tmp_path / "flate.pdf", unpacked_mb=300)
    problem = _problem(p, Limits(isolate=True, memory_mb=256))
    assert "256 MB memory limit" in problem or "of CPU" in problem


def test_chunk_cap(tmp_path):
    p = tmp_path / "long.md"
    p.write_text("\n\n".join(f"Paragraph {i} is a sentence about model drift and review." for i in range(400)))
    assert "more than 10 chunks" in _problem(p, Limits(max_chunks=10))


def test_isolated_parse_matches_in_process_and_reuses_its_worker(tmp_path):
    p = pdfgen.narrow_table_pdf(tmp_path / "table.pdf")
    here = load_chunks(p, str(p), doc_type="user")
    there = load_chunks(p, str(p), doc_type="user", limits=Limits(isolate=True))
    assert [(c.chunk_id, c.text, c.page, c.meta) for c in there] == [(c.chunk_id, c.text, c.page, c.meta) for c in here]
    pid = POOL.worker.proc.pid
    load_chunks(p, str(p), doc_type="user", limits=Limits(isolate=True))
    assert POOL.worker.proc.pid == pid  # no second start-up cost


@pytest.mark.slow
def test_hostile_files_in_a_batch_leave_the_rest_indexed(settings, tmp_path):
    batch = tmp_path / "uploads"
    batch.mkdir()
    (batch / "policy.md").write_text("# Policy\n\nThe data catalog covers every clinical domain.\n")
    hostile.many_paragraphs_docx(batch / "paras.docx", n=2_000_000)
    hostile.billion_laughs_docx(batch / "laughs.docx")
    hostile.many_pages_pdf(batch / "pages.pdf", n=100_000)
    hostile.deep_nesting_pdf(batch / "deep.pdf")
    report = Index(settings).index_paths([batch])
    errors = {os.path.basename(e["file"]): e["error"] for e in report.errors}
    assert set(errors) == {"paras.docx", "laughs.docx", "pages.pdf", "deep.pdf"}
    assert all("\n" not in e for e in errors.values())
    assert report.files_indexed == 1


def test_isolated_document_keeps_blocks_pages_and_kinds(tmp_path):
    p = pdfgen.report_pdf(tmp_path / "manual.pdf")
    here = load_document(p, str(p))
    there = load_document(p, str(p), limits=Limits(isolate=True))
    assert there == here
    bomb = hostile.billion_laughs_docx(tmp_path / "card.docx")
    with pytest.raises(IngestError, match="entity"):
        load_document(bomb, str(bomb), limits=Limits(isolate=True))


def test_limits_for_settings_isolates_only_untrusted_files():
    from types import SimpleNamespace

    s = SimpleNamespace(ingest_max_pages=10, ingest_seconds=5.0, ingest_memory_mb=None)
    upload = limits_for(s, trusted=False)
    assert (upload.isolate, upload.max_pages, upload.seconds, upload.memory_mb) == (True, 10, 5.0, Limits().memory_mb)
    assert limits_for(s, trusted=True).isolate is False


def test_ingest_caps_come_from_the_environment():
    from advisor.settings import Settings

    assert limits_for(Settings.from_env({}), trusted=False) == Limits(isolate=True)  # same defaults both sides
    s = Settings.from_env(
        {"ADVISOR_INGEST_MAX_PAGES": "12", "ADVISOR_INGEST_SECONDS": "7", "ADVISOR_INGEST_OCR": "off"}
    )
    limits = limits_for(s, trusted=True)
    assert (limits.max_pages, limits.seconds, limits.ocr, limits.isolate) == (12, 7.0, False, False)


def test_modules_in_the_working_folder_are_never_imported_by_the_parser(tmp_path, monkeypatch):
    """A `bisect.py` (any stdlib name) in the folder indexing runs from is neither run nor breaks parsing."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    marker = folder / "IMPORTED"
    (folder / "bisect.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\nraise SystemExit(3)\n")
    doc = tmp_path / "note.md"
    doc.write_text("# Note\n\nThe council meets monthly to review new AI tools.\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    POOL.close()  # a fresh worker, started from this folder
    try:
        chunks = load_chunks(doc, "note.md", doc_type="user", limits=Limits(isolate=True))
    finally:
        POOL.close()
    assert any("meets monthly" in c.text for c in chunks)
    assert not marker.exists()
