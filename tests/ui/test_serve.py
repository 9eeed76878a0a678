"""Warming at server start: the advisor the pages use is the one built when the server starts,
and its warm-up answer is neither recorded in the audit trail nor sent to a language model."""

from __future__ import annotations

import gc
import logging
import time

import pytest
from streamlit.testing.v1 import AppTest

from advisor.answer import Advisor
from advisor.audit import AuditStore
from advisor.index import Index
from advisor.settings import Settings
from advisor.testing import SCRIPTED_LLM_MODEL
from advisor.ui import resources

from ..conftest import ROOT
from .apprunner import running_app
from .signin import signed_in

DOC = (
    "# Monitoring\n\n## Drift\n\nDeployed sepsis models are checked weekly for calibration drift by the "
    "model owner, who reports the results to the AI governance committee.\n"
)


def _indexed(tmp_path) -> Settings:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "monitoring.md").write_text(DOC, encoding="utf-8")
    settings = Settings.from_env()
    assert Index(settings).index_paths([tmp_path / "docs"]).ok
    return settings


def test_warm_up_records_nothing_and_sends_nothing_to_the_model(home, tmp_path, monkeypatch, scripted_chat):
    monkeypatch.setenv("ADVISOR_LLM_MODEL", SCRIPTED_LLM_MODEL)
    settings = _indexed(tmp_path)
    adv = Advisor(settings, audit=True)
    store = AuditStore(settings)
    before = store.counts()
    adv.warm_up()
    assert store.counts() == before  # no question or answer event for the warm-up
    assert scripted_chat.requests == []  # nothing left the machine
    # a real question afterwards is answered by the model and recorded as usual
    adv.ask("How are deployed sepsis models checked for drift?")
    assert len(scripted_chat.requests) == 1
    assert store.counts() != before


def test_the_pages_use_the_advisor_built_at_server_start(home, tmp_path, monkeypatch):
    _indexed(tmp_path)
    resources._advisor_for.clear()
    built: list[Advisor] = []
    real = Advisor.from_env.__func__  # type: ignore[attr-defined]

    def counting(cls, **kw):
        built.append(real(cls, **kw))
        return built[-1]

    monkeypatch.setattr(Advisor, "from_env", classmethod(counting))
    resources.prewarm()  # what `python -m advisor.ui.serve` runs once the server is up
    assert len(built) == 1
    at = signed_in(AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)).run()
    assert not at.exception
    assert at.chat_input  # the chat page opened
    assert len(built) == 1 and resources.get_advisor() is built[0]  # no second advisor for the first page
    resources._advisor_for.clear()


def test_the_server_freezes_what_the_warm_up_loaded(home, tmp_path):
    """After the warm-up, the server's loaded heap is out of the collector's full passes, which
    Streamlit runs after every script run (they took 110-230 ms over the model and indexes)."""
    _indexed(tmp_path)
    resources._advisor_for.clear()
    assert gc.get_freeze_count() == 0
    try:
        resources.prewarm(freeze=True)  # as `python -m advisor.ui.serve` does
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
        resources._advisor_for.clear()
    resources.prewarm()  # tests and tools that build an advisor freeze nothing
    assert gc.get_freeze_count() == 0
    resources._advisor_for.clear()


def test_prewarm_can_wait_for_the_warm_up_without_freezing(home, tmp_path, monkeypatch):
    """Tests wait for the warm-up before running pages: it must be over on return (a slow one here)."""
    _indexed(tmp_path)
    resources._advisor_for.clear()
    finished: list[bool] = []
    real = Advisor.warm_up

    def slow(self, *args, **kw):
        time.sleep(0.5)
        real(self, *args, **kw)
        finished.append(True)

    monkeypatch.setattr(Advisor, "warm_up", slow)
    try:
        resources.prewarm(wait=True)
        assert finished == [True]
        assert gc.get_freeze_count() == 0
    finally:
        resources._advisor_for.clear()


def _warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == resources.log.name and r.levelno == logging.WARNING]


def test_a_failed_warm_up_is_logged_in_one_line(home, tmp_path, monkeypatch, caplog):
    adv = Advisor(_indexed(tmp_path), audit=True)

    def broken(self, question=""):
        raise OSError("the embedding model's files are missing:\n/models/all-MiniLM-L6-v2")

    monkeypatch.setattr(Advisor, "warm_up", broken)
    with caplog.at_level(logging.WARNING, logger=resources.log.name):
        resources._warm_up(adv).join(timeout=30)
    lines = _warnings(caplog)
    assert len(lines) == 1, lines
    assert "warm-up failed" in lines[0] and "embedding model's files are missing" in lines[0]
    assert "first answer will be slower" in lines[0] and "\n" not in lines[0]


def test_an_advisor_that_cannot_start_is_logged_at_server_start(home, monkeypatch, caplog):
    monkeypatch.setenv("ADVISOR_TOP_K", "many")
    resources._advisor_for.clear()
    with caplog.at_level(logging.WARNING, logger=resources.log.name):
        resources.prewarm()  # never raises: the first page shows the error with its fix
    lines = _warnings(caplog)
    assert len(lines) == 1 and "ADVISOR_TOP_K='many'" in lines[0] and "first answer will be slower" in lines[0]
    resources._advisor_for.clear()


@pytest.mark.slow  # a real `python -m advisor.ui.serve`, as deployed
@pytest.mark.timeout(120)
def test_the_server_log_names_a_failed_start_warm_up(tmp_path):
    log = tmp_path / "serve.log"
    with running_app(tmp_path / "home", log, ADVISOR_TOP_K="many"):
        deadline = time.monotonic() + 60
        while "first answer will be slower" not in log.read_text(errors="replace") and time.monotonic() < deadline:
            time.sleep(0.25)
    lines = [ln for ln in log.read_text(errors="replace").splitlines() if "first answer will be slower" in ln]
    assert len(lines) == 1, log.read_text(errors="replace")[-2000:]
    assert "could not be built at server start" in lines[0] and "ADVISOR_TOP_K='many'" in lines[0]
