"""Shared fixtures: an isolated ADVISOR_HOME per test, one indexed bundled corpus per session,
and the fakes of `advisor.testing` (hash_model_dir, scripted_chat, fake_llm_server)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from advisor.answer import Advisor
from advisor.index import Index
from advisor.settings import Settings
from advisor.testing import fake_llm_server, hash_model_dir, scripted_chat

__all__ = ["fake_llm_server", "hash_model_dir", "make_docx", "make_pdf", "require_playbook", "scripted_chat"]

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PLAYBOOK = SHARED / "realdocs" / "AI_RMF_Playbook.pdf"
_LLM_VARS = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ADVISOR_LLM_MODEL", "ADVISOR_CHROMA_URL")


@pytest.fixture(autouse=True)
def _no_llm_env(monkeypatch):
    """Tests never inherit a real model or server from the developer's shell."""
    for var in _LLM_VARS:
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh ADVISOR_HOME for one test."""
    h = tmp_path / "home"
    monkeypatch.setenv("ADVISOR_HOME", str(h))
    return h


@pytest.fixture
def settings(home):
    return Settings.from_env()


@pytest.fixture(scope="session")
def corpus_home(tmp_path_factory) -> Path:
    """An ADVISOR_HOME holding the indexed bundled corpus (built once per session)."""
    h = tmp_path_factory.mktemp("corpus-home")
    s = Settings.from_env({"ADVISOR_HOME": str(h)})
    ix = Index(s)
    report = ix.index_paths(None)
    assert report.ok, report.errors
    ix.close()
    return h


@pytest.fixture
def corpus_advisor(corpus_home, tmp_path, monkeypatch):
    """An Advisor over a private copy of the indexed bundled corpus."""
    h = tmp_path / "corpus-copy"
    shutil.copytree(corpus_home, h)
    monkeypatch.setenv("ADVISOR_HOME", str(h))
    return Advisor(Settings.from_env())


@pytest.fixture(scope="session")
def shared_corpus_advisor(corpus_home):
    """A read-only Advisor over the session's indexed corpus (do not index into it)."""
    return Advisor(Settings.from_env({"ADVISOR_HOME": str(corpus_home)}))


def require_playbook() -> Path:
    if not PLAYBOOK.exists():
        pytest.skip(f"the shared real PDF {PLAYBOOK} is absent (../shared is not checked out next to the repo)")
    return PLAYBOOK


def make_pdf(path: Path, pages: list[str], *, title: str = "") -> Path:
    """Write a real text PDF, one string per page."""
    pdf = FPDF()
    pdf.set_auto_page_break(auto=True, margin=15)
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


def make_docx(
    path: Path, title: str, sections: list[tuple[str, list[str]]], table: list[list[str]] | None = None
) -> Path:
    d = docx.Document()
    d.add_heading(title, level=0)
    for heading, paras in sections:
        level = 2 if heading.startswith("  ") else 1
        d.add_heading(heading.strip(), level=level)
        for p in paras:
            if p.startswith("- "):
                d.add_paragraph(p[2:], style="List Bullet")
            else:
                d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    d.save(str(path))
    return path
