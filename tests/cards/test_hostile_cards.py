"""A vendor's model card is untrusted: `advisor review-card` parses it in ingestion's resource-
limited worker, so a hostile file gets one clear line naming it and the caller goes on."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from advisor.cards import review_card
from advisor.cards.reader import read_card
from advisor.cards.review import review_data
from advisor.cli import main
from advisor.errors import IngestError
from advisor.ingest import Limits
from advisor.ingest.sandbox import POOL

from ..ingest import hostile
from .conftest import pdf, xml


def _problem(path, limits: Limits | None = None) -> str:
    with pytest.raises(IngestError) as exc:
        review_card(path) if limits is None else review_card(path, limits=limits)
    assert exc.value.file == str(path)
    assert "\n" not in exc.value.problem and "Traceback" not in exc.value.problem
    return exc.value.problem


def test_word_card_with_millions_of_paragraphs_is_refused_before_parsing(tmp_path):
    p = hostile.many_paragraphs_docx(tmp_path / "card.docx", n=2_000_000)
    assert "decompression bomb" in _problem(p)


def test_pdf_card_claiming_100k_pages_is_refused(tmp_path):
    p = hostile.many_pages_pdf(tmp_path / "card.pdf", n=100_000)
    assert "100000 pages" in _problem(p)


def test_pdf_card_flate_bomb_is_stopped_by_the_worker_memory_limit(tmp_path):
    p = hostile.flate_bomb_pdf(tmp_path / "card.pdf", unpacked_mb=300)
    problem = _problem(p, Limits(isolate=True, memory_mb=256))
    # the page holds no text once the bomb is refused or the worker is stopped: any of these is one line
    assert "256 MB memory limit" in problem or "of CPU" in problem or "no extractable text" in problem


def test_xml_card_with_entity_declarations_is_refused(tmp_path):
    p = tmp_path / "card.xml"
    p.write_text(
        '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<ModelCard xmlns="https://mc.chai.org/v0.2/schema.xsd"><ModelName>&b;</ModelName></ModelCard>'
    )
    assert "entit" in _problem(p).lower() or "DTD" in _problem(p)


def test_cli_gives_one_line_for_a_hostile_card(tmp_path, monkeypatch):
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    p = hostile.many_paragraphs_docx(tmp_path / "vendor card.docx", n=2_000_000)
    result = CliRunner().invoke(main, ["review-card", str(p)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "vendor card.docx" in lines[0] and "decompression bomb" in lines[0]


@pytest.mark.parametrize("stem", ["Aidoc_AD-01", "OrbDoc_Voice-to-SOAP"])
def test_a_card_read_in_the_worker_is_the_card_read_in_process(stem):
    labels = review_data()[1].labels
    for path in (pdf(stem), xml(stem)):
        here = read_card(path, labels, limits=Limits())
        there = read_card(path, labels)  # the default: parsed in the worker
        assert there == here
        assert there.fields and there.model
    assert POOL.worker is not None and POOL.worker.proc.poll() is None  # kept for the next card
    assert os.getpid() != POOL.worker.proc.pid
