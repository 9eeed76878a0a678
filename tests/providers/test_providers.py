"""The provider seam: which chat model a setting resolves to, and the shipped fakes behind it."""

from __future__ import annotations

import dataclasses

import pytest

from advisor.errors import LLMError, SettingsError
from advisor.index import Index
from advisor.providers import OpenAIChatModel, chat_providers, get_chat_model, get_embedder, unregister_embedder
from advisor.settings import Settings
from advisor.testing import (
    SCRIPTED_LLM_MODEL,
    HashEmbedder,
    Reply,
    ScriptedChatModel,
    hash_vector,
    use_chat_model,
    use_hash_embedder,
)


@pytest.fixture
def base(home) -> Settings:
    return Settings.from_env()


def test_no_model_means_offline(base):
    assert get_chat_model(base) is None and base.mode == "offline"


def test_a_bare_model_name_without_an_endpoint_stays_offline(base):
    s = dataclasses.replace(base, llm_model="gpt-4.1-mini")
    assert get_chat_model(s) is None and s.mode == "offline"


def test_a_bare_name_with_a_colon_and_a_base_url_is_an_openai_compatible_model(base):
    s = dataclasses.replace(base, llm_model="llama3.1:8b", llm_base_url="http://127.0.0.1:11434/v1")
    model = get_chat_model(s)
    assert isinstance(model, OpenAIChatModel) and model.name == "llama3.1:8b" and s.mode == "llm"
    assert model.model.openai_api_base == "http://127.0.0.1:11434/v1"


def test_an_unknown_provider_is_a_clear_error_naming_the_variable(base):
    s = dataclasses.replace(base, llm_model="nosuch:model")
    with pytest.raises(SettingsError) as err:
        get_chat_model(s)
    message = str(err.value)
    assert "ADVISOR_LLM_MODEL='nosuch:model'" in message and "'nosuch'" in message
    assert "OPENAI_BASE_URL" in message and "offline" in message


def test_scripted_chat_fixture_registers_for_one_test(base, scripted_chat):
    s = dataclasses.replace(base, llm_model=SCRIPTED_LLM_MODEL)
    assert get_chat_model(s) is scripted_chat and s.mode == "llm"
    scripted_chat.replies = [
        "GOVERN 1.6 calls for an inventory [1].",
        LLMError("scripted: HTTP 500"),
        lambda messages: messages[-1]["content"].upper(),
    ]
    messages = [{"role": "user", "content": "What does GOVERN 1.6 require?"}]
    assert list(scripted_chat.stream(messages)) == ["GOVERN", " 1.6", " calls", " for", " an", " inventory", " [1]."]
    with pytest.raises(LLMError, match="HTTP 500"):
        scripted_chat.complete(messages)
    assert scripted_chat.complete(messages) == "WHAT DOES GOVERN 1.6 REQUIRE?"
    assert scripted_chat.complete(messages) == scripted_chat.default
    assert scripted_chat.requests == [messages] * 4


def test_use_chat_model_unregisters_afterwards(base):
    with use_chat_model("temp", ScriptedChatModel(["hi"])) as llm_model:
        assert "temp" in chat_providers()
        assert get_chat_model(dataclasses.replace(base, llm_model=llm_model)).complete([]) == "hi"
    assert "temp" not in chat_providers()
    with pytest.raises(SettingsError):
        get_chat_model(dataclasses.replace(base, llm_model=llm_model))


def test_fake_server_speaks_the_openai_protocol(base, fake_llm_server):
    fake_llm_server.script = [Reply("plain reply"), Reply("streamed reply here"), Reply(status=500)]
    s = dataclasses.replace(base, llm_model="fake-gpt", llm_base_url=fake_llm_server.url, llm_retries=0)
    model = get_chat_model(s)
    assert isinstance(model, OpenAIChatModel)
    assert model.complete([{"role": "user", "content": "hi"}]) == "plain reply"
    assert list(model.stream([{"role": "user", "content": "hi"}])) == ["streamed", " reply", " here"]
    with pytest.raises(LLMError, match="HTTP 500"):
        model.complete([{"role": "user", "content": "hi"}])
    assert [r.get("stream", False) for r in fake_llm_server.requests] == [False, True, False]


def test_hash_embedder_is_deterministic_and_unit_length():
    a, b = hash_vector("AI inventory owner"), hash_vector("AI inventory owner")
    assert a == b and len(a) == 384 and abs(sum(v * v for v in a) - 1.0) < 1e-9
    assert hash_vector("sepsis drift") != a


def test_hash_embedder_indexes_and_searches_without_the_model(tmp_path):
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# Inventory\n\n## Scope\n\nThe AI inventory lists every model and owner.\n")
    env = {"ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_EMBED_MODEL": str(model_dir)}
    with use_hash_embedder(model_dir) as embedder:
        s = Settings.from_env(env)
        assert get_embedder(s) is embedder and isinstance(embedder, HashEmbedder)
        ix = Index(s)
        report = ix.index_paths([docs])
        ix.close()
        # one passage vector; the injection scanner's similarity layer embeds the sentences too
        assert report.ok and report.embeddings_computed == 1 and embedder.texts_embedded > 1
    assert not isinstance(get_embedder(Settings.from_env(env)), HashEmbedder)  # a real (unloaded) model again
    unregister_embedder(str(model_dir))
