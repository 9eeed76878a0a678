"""Which chat model ADVISOR_LLM_MODEL names, resolved in one place.

In order:
1. a prefix registered with `register_chat_model` (tests, plugins; the factory may return our
   `ChatModel` or any LangChain chat model, which is wrapped);
2. LangChain's `provider:model` form (`openai:gpt-4.1-mini`, `ollama:llama3.1`,
   `anthropic:claude-sonnet-4-5`, ...), built with `init_chat_model` when the provider's partner
   package is installed;
3. a bare model name with OPENAI_BASE_URL and/or OPENAI_API_KEY: an OpenAI-compatible endpoint
   (vLLM, llama.cpp, LM Studio, Ollama's /v1), through `ChatOpenAI` with `base_url`.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import SettingsError
from ..settings import Settings
from .chat import CallOptions, ChatModel, LangChainChatModel, OpenAIChatModel, no_options, token_options

__all__ = [
    "PROVIDERS",
    "Provider",
    "as_chat_model",
    "chat_providers",
    "get_chat_model",
    "langchain_providers",
    "register_chat_model",
    "unregister_chat_model",
]


@dataclass(frozen=True)
class Provider:
    """A LangChain provider: its partner package, and whether its model class takes `timeout`
    and `max_retries` (its client then retries itself, honouring Retry-After) and
    `temperature`/`max_tokens` on each call."""

    package: str
    own_retries: bool = False

    @property
    def module(self) -> str:
        return self.package.replace("-", "_")

    @property
    def options(self) -> CallOptions:
        return token_options if self.own_retries else no_options


# LangChain's `provider:` prefixes (a subset of `init_chat_model`'s), with the package to install.
PROVIDERS: dict[str, Provider] = {
    "openai": Provider("langchain-openai", own_retries=True),
    "azure_openai": Provider("langchain-openai", own_retries=True),
    "anthropic": Provider("langchain-anthropic", own_retries=True),
    "ollama": Provider("langchain-ollama"),
    "bedrock": Provider("langchain-aws"),
    "bedrock_converse": Provider("langchain-aws"),
    "google_genai": Provider("langchain-google-genai"),
    "google_vertexai": Provider("langchain-google-vertexai"),
    "mistralai": Provider("langchain-mistralai", own_retries=True),
    "groq": Provider("langchain-groq", own_retries=True),
    "deepseek": Provider("langchain-deepseek", own_retries=True),
    "xai": Provider("langchain-xai", own_retries=True),
    "cohere": Provider("langchain-cohere"),
    "fireworks": Provider("langchain-fireworks"),
    "together": Provider("langchain-together"),
    "nvidia": Provider("langchain-nvidia-ai-endpoints"),
    "ibm": Provider("langchain-ibm"),
}

_CHAT_FACTORIES: dict[str, Callable[[Settings], Any]] = {}


def register_chat_model(prefix: str, factory: Callable[[Settings], Any]) -> None:
    """Serve ADVISOR_LLM_MODEL values starting with `prefix:` (tests, plugins). The factory
    returns a `ChatModel` or any LangChain chat model (e.g. `GenericFakeChatModel`)."""
    _CHAT_FACTORIES[prefix] = factory


def unregister_chat_model(prefix: str) -> None:
    _CHAT_FACTORIES.pop(prefix, None)


def chat_providers() -> list[str]:
    """Prefixes of the registered chat models."""
    return sorted(_CHAT_FACTORIES)


def langchain_providers() -> list[str]:
    """LangChain `provider:` prefixes ADVISOR_LLM_MODEL accepts (their package must be installed)."""
    return sorted(PROVIDERS)


def as_chat_model(model: Any, *, name: str = "") -> ChatModel:
    """Our `ChatModel` as it is; a LangChain chat model (anything with `.stream` and `.invoke`) wrapped."""
    if isinstance(model, ChatModel):
        return model
    if callable(getattr(model, "stream", None)) and callable(getattr(model, "invoke", None)):
        return LangChainChatModel(model, name=name)
    raise TypeError(f"{type(model).__name__} is neither an advisor ChatModel nor a LangChain chat model")


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a missing parent package
        return False


def _azure_auth() -> dict[str, Any]:
    """Azure OpenAI sign-in: a key or token from the environment, else Entra ID (azure-identity)."""
    if os.environ.get("AZURE_OPENAI_API_KEY") or os.environ.get("AZURE_OPENAI_AD_TOKEN"):
        return {}
    if not _installed("azure.identity"):
        raise SettingsError(
            "ADVISOR_LLM_MODEL=azure_openai:...: set AZURE_OPENAI_API_KEY, or install azure-identity "
            "(`pip install azure-identity`) to sign in with Entra ID."
        )
    from azure.identity import DefaultAzureCredential, get_bearer_token_provider

    scope = "https://cognitiveservices.azure.com/.default"
    return {"azure_ad_token_provider": get_bearer_token_provider(DefaultAzureCredential(), scope)}


def _provider_kwargs(prefix: str, name: str, settings: Settings) -> dict[str, Any]:
    """Constructor arguments: temperature 0, and the timeout, retries, endpoint and key we hold."""
    kwargs: dict[str, Any] = {"temperature": 0.0}
    if PROVIDERS[prefix].own_retries:
        kwargs |= {"timeout": settings.llm_timeout, "max_retries": settings.llm_retries}
    if prefix == "openai":
        if settings.llm_base_url:  # a local server accepts any key
            kwargs |= {"base_url": settings.llm_base_url, "api_key": settings.llm_api_key or "not-needed"}
        elif settings.llm_api_key:
            kwargs["api_key"] = settings.llm_api_key
    elif prefix == "azure_openai":
        kwargs |= {"azure_deployment": name, **_azure_auth()}
    return kwargs


def _langchain_model(prefix: str, name: str, settings: Settings) -> ChatModel:
    """A provider's chat model through `init_chat_model`; one clear line when it cannot be built."""
    provider = PROVIDERS[prefix]
    var = f"ADVISOR_LLM_MODEL={settings.llm_model!r}"
    for module, package in (("langchain", "langchain"), (provider.module, provider.package)):
        if not _installed(module):
            raise SettingsError(
                f"{var} needs the {package} package for the {prefix!r} provider; install it with "
                f"`pip install {package}`, or unset ADVISOR_LLM_MODEL to answer offline."
            )
    from langchain.chat_models import init_chat_model  # heavy (seconds): only when an LLM is configured

    try:
        chat = init_chat_model(f"{prefix}:{name}", **_provider_kwargs(prefix, name, settings))
    except SettingsError:
        raise
    except Exception as exc:  # the provider's own validation: missing key, endpoint, region ...
        detail = (str(exc).strip().splitlines() or [""])[0][:300]
        raise SettingsError(
            f"{var}: the {prefix!r} model could not be set up ({type(exc).__name__}: {detail})"
        ) from None
    own = provider.own_retries
    return LangChainChatModel(
        chat,
        name=settings.llm_model,
        options=provider.options,
        retries=0 if own else settings.llm_retries,
        attempts=settings.llm_retries + 1 if own else 1,
        timeout=settings.llm_timeout if own else None,
    )


def get_chat_model(settings: Settings) -> ChatModel | None:
    """The configured chat model, or None for offline mode.

    A registered `prefix:` wins, then a LangChain `provider:model`; otherwise a key or base URL
    means an OpenAI-compatible endpoint (a bare name like `llama3.1:8b` included). A
    `provider:model` with neither is a configuration error, reported here rather than
    silently answering offline.
    """
    model = settings.llm_model
    if not model:
        return None
    prefix, _, name = model.partition(":")
    if prefix in _CHAT_FACTORIES:
        return as_chat_model(_CHAT_FACTORIES[prefix](settings), name=model)
    if prefix in PROVIDERS and name:
        return _langchain_model(prefix, name, settings)
    if settings.llm_api_key or settings.llm_base_url:
        return OpenAIChatModel(
            model,
            base_url=settings.llm_base_url,
            api_key=settings.llm_api_key,
            timeout=settings.llm_timeout,
            retries=settings.llm_retries,
        )
    if not settings.llm_enabled:
        return None
    registered = ", ".join(chat_providers()) or "none"
    raise SettingsError(
        f"ADVISOR_LLM_MODEL={model!r}: {prefix!r} is neither a LangChain provider "
        f"({', '.join(langchain_providers())}) nor a registered chat model ({registered}), and neither "
        "OPENAI_BASE_URL nor OPENAI_API_KEY is set; set OPENAI_BASE_URL (and OPENAI_API_KEY if the server "
        "needs one) for an OpenAI-compatible endpoint, or unset ADVISOR_LLM_MODEL to answer offline."
    )
