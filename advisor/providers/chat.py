"""Chat models behind our own interface: messages in, text (or a stream of text) out.

`ChatModel` is the seam every LLM path uses (answers, follow-up rewriting, recommendation
polish, the LLM judge). `LangChainChatModel` puts any LangChain chat model behind it: a
provider's model from `init_chat_model`, `ChatOpenAI` pointed at an OpenAI-compatible server,
or one of LangChain's fake chat models in tests. LangChain is imported only when a model is
built, never at start-up.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from ..errors import LLMError

_T = TypeVar("_T")

__all__ = [
    "CallOptions",
    "ChatModel",
    "LangChainChatModel",
    "OpenAIChatModel",
    "compat_options",
    "no_options",
    "token_options",
]

Messages = list[dict[str, Any]]
CallOptions = Callable[[float, int], dict[str, Any]]

# statuses worth another attempt (the OpenAI client's own rule)
_TRANSIENT_STATUS = frozenset({408, 409, 429})


class ChatModel:
    """A chat model behind our own interface: messages in, text (or a stream of text) out.

    Implementations raise `LLMError` for failures the caller should fall back from.
    """

    name: str = "chat-model"

    def complete(self, messages: Messages, *, temperature: float = 0.0, max_tokens: int = 700) -> str:
        return "".join(self.stream(messages, temperature=temperature, max_tokens=max_tokens))

    def stream(self, messages: Messages, *, temperature: float = 0.0, max_tokens: int = 700) -> Iterator[str]:
        raise NotImplementedError


def no_options(temperature: float, max_tokens: int) -> dict[str, Any]:
    """Per-call options for a model that takes none (its temperature was set when it was built)."""
    return {}


def token_options(temperature: float, max_tokens: int) -> dict[str, Any]:
    """Per-call options for providers that take `temperature` and `max_tokens` on each call."""
    return {"temperature": temperature, "max_tokens": max_tokens}


def compat_options(temperature: float, max_tokens: int) -> dict[str, Any]:
    """OpenAI-compatible servers get `max_tokens` on the wire as before (ChatOpenAI would send
    `max_completion_tokens`, which some local servers ignore)."""
    return {"temperature": temperature, "extra_body": {"max_tokens": max_tokens}}


def _class_names(exc: BaseException) -> set[str]:
    return {c.__name__ for c in type(exc).__mro__}


def _status(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None)
    if status is None:
        status = getattr(getattr(exc, "response", None), "status_code", None)
    return status if isinstance(status, int) else None


def _is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or any("Timeout" in n for n in _class_names(exc))


def transient(exc: BaseException) -> bool:
    """Worth another attempt: a timeout, a dropped connection, 408/409/429 or a 5xx."""
    status = _status(exc)
    if status is not None:
        return status in _TRANSIENT_STATUS or status >= 500
    names = _class_names(exc)
    return _is_timeout(exc) or bool(names & {"APIConnectionError", "ConnectError", "ConnectionError"})


def retry_after(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (Retry-After), at most 10."""
    resp = getattr(exc, "response", None)
    try:
        value = resp.headers.get("retry-after") if resp is not None else None
        return min(float(value), 10.0) if value else None
    except (AttributeError, TypeError, ValueError):
        return None


def _text(chunk: Any) -> str:
    """The text of a message or message chunk (content blocks joined), or of a plain string."""
    if isinstance(chunk, str):
        return chunk
    return str(getattr(chunk, "text", "") or "")


class LangChainChatModel(ChatModel):
    """Any LangChain chat model (or a Runnable from messages to a message) behind our interface.

    `options` turns (temperature, max_tokens) into the keyword arguments this model takes per
    call. `retries` are attempts made here, for models without a retry setting of their own
    (LangChain's `.with_retry` does not cover `.stream`): a transient failure before the first
    token is retried with jittered backoff, honouring Retry-After. `attempts` is what the model
    makes by itself (its own `max_retries` + 1), for messages only.
    """

    def __init__(
        self,
        model: Any,
        *,
        name: str = "",
        options: CallOptions = no_options,
        retries: int = 0,
        attempts: int = 1,
        timeout: float | None = None,
    ):
        self.model = model
        self.name = name or str(getattr(model, "model_name", "") or getattr(model, "model", "") or type(model).__name__)
        self.options = options
        self.retries = retries
        self.attempts = attempts
        self.timeout = timeout

    def _error(self, exc: BaseException, attempts: int, *, streaming: bool = False) -> LLMError:
        """One line naming the model and what went wrong (HTTP status, timeout, connection)."""
        if _is_timeout(exc):
            limit = f"{self.timeout:g}s" if self.timeout else "the time limit"
            if streaming:
                return LLMError(f"{self.name}: the stream stalled for over {limit} (ADVISOR_LLM_TIMEOUT)")
            return LLMError(f"{self.name}: no reply within {limit} (ADVISOR_LLM_TIMEOUT)")
        status = _status(exc)
        tries = max(attempts, self.attempts) if transient(exc) else 1
        after = f" after {tries} attempts" if tries > 1 else ""
        if status is not None:
            return LLMError(f"{self.name}: HTTP {status}{after}")
        if transient(exc):
            return LLMError(f"{self.name}: could not connect ({type(exc).__name__}){after}")
        detail = (str(exc).strip().splitlines() or [""])[0][:200]
        what = "stream failed" if streaming else "failed"
        return LLMError(f"{self.name}: {what} ({type(exc).__name__}: {detail})")

    def _wait(self, exc: BaseException, attempt: int) -> None:
        pause = retry_after(exc)
        if pause is None:
            pause = min(0.5 * 2**attempt, 8.0) * (1 + random.random() * 0.25)
        time.sleep(pause)

    def _retried(self, call: Callable[[], _T]) -> _T:
        """`call()`, tried again while it fails transiently; any other failure as an LLMError."""
        for attempt in range(self.retries + 1):
            try:
                return call()
            except LLMError:
                raise
            except Exception as exc:
                if attempt < self.retries and transient(exc):
                    self._wait(exc, attempt)
                    continue
                raise self._error(exc, attempt + 1) from None
        raise LLMError(f"{self.name}: gave up")  # pragma: no cover

    def complete(self, messages: Messages, *, temperature: float = 0.0, max_tokens: int = 700) -> str:
        opts = self.options(temperature, max_tokens)
        return self._retried(lambda: _text(self.model.invoke(messages, **opts)))

    def _started(self, messages: Messages, opts: dict[str, Any]) -> tuple[Any, Iterator[Any]]:
        """The first chunk and the rest of the stream; the request is retried until it starts."""

        def start() -> tuple[Any, Iterator[Any]]:
            chunks = iter(self.model.stream(messages, **opts))
            return next(chunks, None), chunks

        return self._retried(start)

    def stream(self, messages: Messages, *, temperature: float = 0.0, max_tokens: int = 700) -> Iterator[str]:
        first, chunks = self._started(messages, self.options(temperature, max_tokens))
        if first is None:
            return
        text = _text(first)
        if text:
            yield text
        try:
            for chunk in chunks:
                text = _text(chunk)
                if text:
                    yield text
        except LLMError:
            raise
        except Exception as exc:  # the stream broke after it started: no retry, the caller falls back
            raise self._error(exc, 1, streaming=True) from None


class OpenAIChatModel(LangChainChatModel):
    """Any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, llama.cpp, LM Studio,
    Ollama's /v1) through LangChain's `ChatOpenAI` with `base_url`. The client retries
    429/5xx itself, honouring Retry-After, and gives up after `timeout` seconds."""

    def __init__(self, model: str, *, base_url: str = "", api_key: str = "", timeout: float = 60.0, retries: int = 3):
        from langchain_openai import ChatOpenAI  # heavy (seconds): only when an LLM is configured
        from pydantic import SecretStr

        self.base_url = base_url or None
        chat = ChatOpenAI(
            model=model,
            base_url=self.base_url,
            api_key=SecretStr(api_key or "not-needed"),  # local servers accept any key
            timeout=timeout,
            stream_chunk_timeout=timeout,
            max_retries=retries,
            temperature=0.0,
            stream_usage=False,
        )
        super().__init__(chat, name=model, options=compat_options, attempts=retries + 1, timeout=timeout)
