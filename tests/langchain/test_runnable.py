"""as_runnable(): the whole answer path as a LangChain Runnable (.invoke, .stream, .batch)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.runnables import Runnable, RunnableLambda

from advisor.answer import Answer, AnswerMode
from advisor.errors import AdvisorError
from advisor.langchain import as_runnable
from advisor.providers import register_chat_model, unregister_chat_model

KEYS = {"question", "query", "answer", "abstained", "mode", "citations", "unsupported", "timings_ms"}
QUESTION = "How often are sepsis models checked for drift?"
DRIFT = "Deployed sepsis models are checked monthly for calibration drift [1]."


def test_invoke_returns_the_answer_json(lc_advisor, lc_home):
    chain = as_runnable()
    assert isinstance(chain, Runnable)
    out = chain.invoke({"question": QUESTION, "org": None, "history": []})
    assert set(out) == KEYS and out["mode"] == "offline" and not out["abstained"]
    assert "monthly" in out["answer"] and out["citations"][0]["source"].endswith("monitoring.md")
    assert out == {**lc_advisor.ask(QUESTION).to_dict(), "timings_ms": out["timings_ms"]}
    assert chain.invoke(QUESTION)["answer"] == out["answer"]  # a bare question works too


def test_offline_stream_yields_only_the_answer_json(lc_home):
    items = list(as_runnable().stream({"question": QUESTION}))
    assert len(items) == 1 and items[0]["mode"] == "offline"


def test_stream_yields_tokens_then_the_answer_json(lc_home, monkeypatch):
    model = GenericFakeChatModel(messages=iter([AIMessage(DRIFT)]))
    register_chat_model("lcrun", lambda settings: model)
    monkeypatch.setenv("ADVISOR_LLM_MODEL", "lcrun:test")
    try:
        items = list(as_runnable().stream({"question": QUESTION}))
    finally:
        unregister_chat_model("lcrun")
    tokens, final = items[:-1], items[-1]
    assert len(tokens) > 3 and all(type(t) is str for t in tokens) and "".join(tokens) == DRIFT
    assert isinstance(final, dict) and final["mode"] == "llm" and final["citations"][0]["marker"] == 1


def test_batch_answers_each_input_in_order(lc_home):
    outs = as_runnable().batch([{"question": QUESTION}, {"question": "What does GOVERN 1.6 require?"}])
    assert [o["question"] for o in outs] == [QUESTION, "What does GOVERN 1.6 require?"]
    assert "monthly" in outs[0]["answer"] and "GOVERN 1.6" in outs[1]["answer"]


def test_composes_with_other_runnables(lc_home):
    chain = as_runnable() | RunnableLambda(lambda a: f"{a['answer']} ({len(a['citations'])} sources)")
    assert chain.invoke({"question": QUESTION}).endswith("sources)")


def test_organization_and_history_reach_the_advisor(lc_home):
    history = [HumanMessage("Tell me about Meridian's AI strategy."), AIMessage("Meridian has a strategy [1].")]
    out = as_runnable().invoke({"question": "What was its score?", "org": "meridian-health", "history": history})
    assert out["query"] != "What was its score?"  # rewritten from the history
    assert any(c["source"].endswith("meridian-health-2026-09-30.csv") for c in out["citations"])


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"org": "x"}, "non-empty 'question'"),
        (42, "a question or a dict"),
        ({"question": "q", "history": "no"}, "'history' must be a list"),
        ({"question": "q", "history": [3]}, r"'history\[0\]'"),
        ({"question": "q", "org": 5}, "'org' must be a string"),
    ],
)
def test_bad_input_is_a_clear_error(bad, message):
    with pytest.raises(AdvisorError, match=message):
        as_runnable(advisor=SimpleNamespace()).invoke(bad)


def test_a_user_is_passed_to_the_advisor_only_when_given():
    calls = []

    def ask_stream(question, org=None, history=None, **kwargs):
        calls.append(kwargs)
        yield Answer(question=question, query=question, answer="a", abstained=True, mode=AnswerMode.OFFLINE)

    stub = SimpleNamespace(ask_stream=ask_stream)
    as_runnable(advisor=stub).invoke({"question": "q"})
    as_runnable(advisor=stub, user="ann").invoke({"question": "q"})
    as_runnable(advisor=stub, user="ann").invoke({"question": "q", "user": "bob"})
    assert calls == [{}, {"user": "ann"}, {"user": "bob"}]
