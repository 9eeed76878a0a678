"""Warming at server start: the advisor the pages use is the one built when the server starts,
and its warm-up answer is neither recorded in the audit trail nor sent to a language model."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from advisor.answer import Advisor
from advisor.audit import AuditStore
from advisor.index import Index
from advisor.settings import Settings
from advisor.testing import SCRIPTED_LLM_MODEL
from advisor.ui import resources

from ..conftest import ROOT
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
