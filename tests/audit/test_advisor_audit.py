"""The advisor's own audit records: questions and answers with provenance, as the user who
asked; PHI in a question is redacted in the trail and never reaches a hosted model."""

from __future__ import annotations

import dataclasses

import pytest

from advisor.answer import Advisor
from advisor.errors import AccessDenied
from advisor.settings import Settings
from advisor.testing import SCRIPTED_LLM_MODEL

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home (indexed, hash embedder)

SSN_QUESTION = "Patient John Smith, SSN 123-45-6789 — what does GOVERN 1.6 require?"


@pytest.fixture
def adv(ui_home):
    a = Advisor(Settings.from_env(), audit=True)
    a.accounts.add_user("dana", "consultant", orgs="meridian-health")
    return a


def test_questions_and_answers_are_recorded_with_provenance(adv):
    ans = adv.ask("What are our biggest data gaps?", org="meridian-health", user="dana")
    question, answer = adv.audit_store.events(limit=2)[::-1]
    assert (question["event"], answer["event"]) == ("question", "answer")
    assert question["user"] == answer["user"] == "dana" and answer["role"] == "consultant"
    assert answer["org"] == "meridian-health" and answer["query"] == ans.query
    cited = {c.chunk_id for c in ans.citations}
    assert cited and cited <= {c["chunk_id"] for c in answer["chunks"]}
    assert all(len(c["content_hash"]) == 64 for c in answer["chunks"])
    assert [c["chunk_id"] for c in answer["citations"]] == [c.chunk_id for c in ans.citations]
    assert answer["mode"] == "offline" and len(answer["answer_hash"]) == 64
    assert answer["corpus_version"] == adv.corpus_version and len(adv.corpus_version) == 16
    assert adv.audit_store.verify().ok


def test_a_refusal_is_recorded(adv):
    with pytest.raises(AccessDenied, match="'northbridge-academic'"):
        adv.ask("What are our biggest data gaps?", org="northbridge-academic", user="dana")
    denied = adv.audit_store.events(event="access_denied")[0]
    assert denied["user"] == "dana" and denied["org"] == "northbridge-academic"
    with pytest.raises(AccessDenied):
        adv.search("data gaps", org="northbridge-academic", user="dana")
    with pytest.raises(AccessDenied, match="no active user"):
        adv.ask("What does GOVERN 1.6 require?", user="nobody")


def test_phi_in_a_question_is_redacted_and_the_user_warned(adv, ui_home):
    ans = adv.ask(SSN_QUESTION, user="dana")
    assert "personal health information" in ans.notice and "ssn" in ans.notice
    stored = adv.audit_store.events(event="question")[0]["question"]
    assert "123-45-6789" not in stored and "[SSN]" in stored
    adv.audit_store.close()
    blob = b"".join(p.read_bytes() for p in ui_home.glob("audit.sqlite3*"))
    assert b"123-45-6789" not in blob and b"John Smith" not in blob


def test_a_hosted_model_never_sees_the_phi(ui_home, scripted_chat, monkeypatch):
    monkeypatch.setenv("ADVISOR_LLM_MODEL", SCRIPTED_LLM_MODEL)
    adv = Advisor(Settings.from_env())  # not auditing: the model alone would have seen it
    scripted_chat.default = "GOVERN 1.6 calls for mechanisms to inventory AI systems [1]."
    ans = adv.ask(SSN_QUESTION, history=[{"role": "user", "content": "My MRN is 88123456, see the notes"}])
    sent = "\n".join(m["content"] for r in scripted_chat.requests for m in r)
    assert scripted_chat.requests and "123-45-6789" not in sent and "John Smith" not in sent and "88123456" not in sent
    assert "sent to the language model" in ans.notice
    assert ans.question == SSN_QUESTION  # the asker gets their own question back


def test_without_auditing_or_a_model_nothing_changes(ui_home):
    adv = Advisor(dataclasses.replace(Settings.from_env()))
    ans = adv.ask(SSN_QUESTION)
    assert ans.notice == "" and adv.audit_store is None
    assert not (ui_home / "audit.sqlite3").exists()
