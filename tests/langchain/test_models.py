"""Chat models through LangChain: LangChain's own fake chat models behind our seam, and
ADVISOR_LLM_MODEL's `provider:model` form resolved with `init_chat_model`."""

from __future__ import annotations

import dataclasses
import sys

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel
from langchain_core.messages import AIMessage

from advisor.answer import Advisor, Answer
from advisor.errors import LLMError, SettingsError
from advisor.providers import (
    PROVIDERS,
    LangChainChatModel,
    OpenAIChatModel,
    as_chat_model,
    get_chat_model,
    langchain_providers,
    register_chat_model,
    unregister_chat_model,
)
from advisor.settings import Settings
from advisor.testing import Reply

DRIFT = "Deployed sepsis models are checked monthly for calibration drift [1]."


@pytest.fixture
def lc_chat():
    """Serve ADVISOR_LLM_MODEL=lcfake:... with a LangChain GenericFakeChatModel per test."""
    made: list[GenericFakeChatModel] = []

    def install(*replies: str | AIMessage) -> str:
        model = GenericFakeChatModel(messages=iter([r if isinstance(r, AIMessage) else AIMessage(r) for r in replies]))
        made.append(model)
        register_chat_model("lcfake", lambda settings: model)
        return "lcfake:test"

    yield install
    unregister_chat_model("lcfake")


def test_a_langchain_fake_chat_model_answers_behind_the_seam(lc_advisor, lc_chat):
    adv = Advisor(dataclasses.replace(lc_advisor.settings, llm_model=lc_chat(DRIFT)))
    assert isinstance(adv.chat_model, LangChainChatModel)
    events = list(adv.ask_stream("How often are sepsis models checked for drift?"))
    tokens, ans = events[:-1], events[-1]
    assert len(tokens) > 3 and all(type(t) is str for t in tokens)
    assert "".join(tokens) == DRIFT
    assert isinstance(ans, Answer) and ans.mode == "llm" and not ans.notice
    assert ans.citations[0].source.endswith("monitoring.md") and ans.unsupported == []


def test_content_blocks_are_read_as_text(lc_advisor, lc_chat):
    blocks = AIMessage(content=[{"type": "text", "text": DRIFT}])
    model = get_chat_model(dataclasses.replace(lc_advisor.settings, llm_model=lc_chat(blocks)))
    assert model.complete([{"role": "user", "content": "hi"}]) == DRIFT


def test_a_failing_langchain_model_falls_back_offline_with_the_notice(lc_advisor):
    broken = FakeListChatModel(responses=["unused"], error_on_chunk_number=0)
    register_chat_model("lcbroken", lambda settings: broken)
    try:
        adv = Advisor(dataclasses.replace(lc_advisor.settings, llm_model="lcbroken:x"))
        ans = adv.ask("How often are sepsis models checked for drift?")
    finally:
        unregister_chat_model("lcbroken")
    assert ans.mode == "offline" and "language model failed" in ans.notice and "offline" in ans.notice
    assert "monthly" in ans.answer and ans.citations


def test_as_chat_model_wraps_langchain_models_and_refuses_other_objects():
    ours = LangChainChatModel(FakeListChatModel(responses=["x"]))
    assert as_chat_model(ours) is ours
    wrapped = as_chat_model(FakeListChatModel(responses=["hello there"]))
    assert (
        isinstance(wrapped, LangChainChatModel)
        and wrapped.complete([{"role": "user", "content": "hi"}]) == "hello there"
    )
    with pytest.raises(TypeError, match="neither"):
        as_chat_model(object())


def test_transient_failures_before_the_first_token_are_retried_here(monkeypatch):
    """A model without its own retry setting: 503 twice, then the reply (Retry-After honoured)."""

    class Flaky(Exception):
        status_code = 503

    calls = []
    inner = FakeListChatModel(responses=["steady reply"])

    class Wrapper:
        def stream(self, messages, **kw):
            calls.append(1)
            if len(calls) < 3:
                raise Flaky("unavailable")
            return inner.stream(messages)

        def invoke(self, messages, **kw):
            return inner.invoke(messages)

    monkeypatch.setattr("advisor.providers.chat.time.sleep", lambda s: None)
    model = LangChainChatModel(Wrapper(), name="flaky", retries=2)
    assert "".join(model.stream([{"role": "user", "content": "hi"}])) == "steady reply"
    assert len(calls) == 3
    calls.clear()
    with pytest.raises(LLMError, match=r"flaky: HTTP 503 after 2 attempts"):
        list(LangChainChatModel(Wrapper(), name="flaky", retries=1).stream([{"role": "user", "content": "hi"}]))


# ------------------------------------------------------------------ provider:model


def test_openai_provider_form_resolves_through_init_chat_model(settings, fake_llm_server):
    s = dataclasses.replace(settings, llm_model="openai:fake-gpt", llm_base_url=fake_llm_server.url, llm_retries=0)
    model = get_chat_model(s)
    assert isinstance(model, LangChainChatModel) and not isinstance(model, OpenAIChatModel)
    assert type(model.model).__name__ == "ChatOpenAI" and model.model.model_name == "fake-gpt"
    fake_llm_server.script = [Reply("streamed over the provider form")]
    assert list(model.stream([{"role": "user", "content": "hi"}])) == [
        "streamed",
        " over",
        " the",
        " provider",
        " form",
    ]
    sent = fake_llm_server.requests[-1]
    assert sent["model"] == "fake-gpt" and sent["stream"] is True and sent["temperature"] == 0.0


def test_a_bare_name_keeps_sending_max_tokens_like_before(settings, fake_llm_server):
    s = dataclasses.replace(settings, llm_model="llama3.1:8b", llm_base_url=fake_llm_server.url, llm_retries=0)
    model = get_chat_model(s)
    assert isinstance(model, OpenAIChatModel) and type(model.model).__name__ == "ChatOpenAI"
    fake_llm_server.script = [Reply("ok")]
    assert model.complete([{"role": "user", "content": "hi"}], max_tokens=120) == "ok"
    sent = fake_llm_server.requests[-1]
    assert sent["model"] == "llama3.1:8b" and sent["max_tokens"] == 120 and "max_completion_tokens" not in sent
    assert "stream_options" not in sent


def test_a_missing_partner_package_is_one_clear_line(settings, monkeypatch):
    monkeypatch.setitem(sys.modules, "langchain_anthropic", None)  # as if not installed
    with pytest.raises(SettingsError) as err:
        get_chat_model(dataclasses.replace(settings, llm_model="anthropic:claude-sonnet-4-5"))
    message = str(err.value)
    assert "\n" not in message
    assert "ADVISOR_LLM_MODEL='anthropic:claude-sonnet-4-5'" in message
    assert "pip install langchain-anthropic" in message


def test_a_provider_that_cannot_be_set_up_is_a_settings_error(settings, monkeypatch):
    for var in ("AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_AD_TOKEN", "OPENAI_API_VERSION"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "k")
    with pytest.raises(SettingsError, match=r"ADVISOR_LLM_MODEL='azure_openai:gpt-4o'.*could not be set up"):
        get_chat_model(dataclasses.replace(settings, llm_model="azure_openai:gpt-4o"))


def test_azure_openai_builds_with_endpoint_key_and_deployment(settings, monkeypatch):
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", "https://example-resource.openai.azure.com")
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "k")
    monkeypatch.setenv("OPENAI_API_VERSION", "2024-10-21")
    model = get_chat_model(dataclasses.replace(settings, llm_model="azure_openai:gpt-4o", llm_timeout=7, llm_retries=1))
    assert type(model.model).__name__ == "AzureChatOpenAI"
    assert model.model.deployment_name == "gpt-4o" and model.model.max_retries == 1 and model.timeout == 7


def test_azure_without_key_or_identity_names_both_ways_to_sign_in(settings, monkeypatch):
    monkeypatch.delenv("AZURE_OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("AZURE_OPENAI_AD_TOKEN", raising=False)
    monkeypatch.setitem(sys.modules, "azure.identity", None)
    with pytest.raises(SettingsError, match=r"AZURE_OPENAI_API_KEY.*azure-identity"):
        get_chat_model(dataclasses.replace(settings, llm_model="azure_openai:gpt-4o"))


def test_the_provider_table_names_installable_packages():
    assert {"openai", "azure_openai", "anthropic", "ollama", "bedrock", "google_genai"} <= set(langchain_providers())
    assert all(p.package.startswith("langchain-") for p in PROVIDERS.values())


def test_a_registered_prefix_wins_over_a_langchain_provider(settings):
    register_chat_model("openai", lambda s: FakeListChatModel(responses=["ours"]))
    try:
        model = get_chat_model(dataclasses.replace(settings, llm_model="openai:anything"))
        assert model.complete([{"role": "user", "content": "x"}]) == "ours"
    finally:
        unregister_chat_model("openai")


def test_offline_settings_build_no_model_and_import_no_langchain(home):
    assert get_chat_model(Settings.from_env()) is None


def test_openai_provider_without_key_or_endpoint_names_the_variable(settings, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(SettingsError, match=r"ADVISOR_LLM_MODEL='openai:gpt-4.1-mini'.*OPENAI_API_KEY"):
        get_chat_model(dataclasses.replace(settings, llm_model="openai:gpt-4.1-mini"))
