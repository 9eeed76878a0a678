"""Providers, resolved in one place: the embedding model and the chat model."""

from __future__ import annotations

import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

from . import encoder
from .errors import AdvisorError, LLMError, SettingsError
from .settings import Settings

_EMBEDDERS: dict[str, Embedder] = {}
_LOCK = threading.Lock()


class Embedder:
    """A local sentence-transformers model; loaded on first use, never downloaded."""

    def __init__(self, model_path: str, backend: str = "auto"):
        self.model_path = model_path
        # "onnx": ONNX Runtime without torch (advisor.encoder), when the model folder has an
        # export (made at install); "torch": sentence-transformers
        self.backend = "onnx" if backend == "onnx" or (backend == "auto" and encoder.exported(model_path)) else "torch"
        self._model: Any = None
        self._lock = threading.Lock()
        self._query_cache: OrderedDict[str, list[float]] = OrderedDict()
        self.shared: dict[str, Any] = {}  # per-model caches other stages keep (sentence vectors, prototypes)
        self.texts_embedded = 0  # documents embedded by this process (queries excluded)

    @property
    def model(self) -> Any:
        with self._lock:
            if self._model is None and self.backend == "onnx":
                try:
                    self._model = encoder.OnnxEncoder(self.model_path)
                except Exception as exc:
                    raise AdvisorError(
                        f"ADVISOR_EMBED_MODEL={self.model_path!r}: its ONNX export could not be loaded ({exc}); "
                        "re-export it with `python -m advisor.encoder export` or set ADVISOR_EMBED_BACKEND=torch"
                    ) from None
            if self._model is None:
                import transformers
                from sentence_transformers import SentenceTransformer

                transformers.utils.logging.disable_progress_bar()
                transformers.utils.logging.set_verbosity_error()

                try:
                    self._model = SentenceTransformer(self.model_path, device="cpu", local_files_only=True)
                except Exception as exc:
                    raise AdvisorError(
                        f"ADVISOR_EMBED_MODEL={self.model_path!r} could not be loaded as a sentence-transformers model: {exc}"
                    ) from None
            return self._model

    @property
    def fingerprint(self) -> str:
        """Identity of the weights and runtime (the key of shipped embeddings)."""
        return encoder.fingerprint(self.model_path, self.backend)

    @property
    def dimension(self) -> int:
        m = self.model
        get = getattr(m, "get_embedding_dimension", None) or m.get_sentence_embedding_dimension
        return int(get())

    def embed(self, texts: list[str], batch_size: int = 16) -> list[list[float]]:
        """Unit-normalised embeddings of documents."""
        if not texts:
            return []
        vecs = self.model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True
        )
        self.texts_embedded += len(texts)
        return vecs.tolist()

    def embed_query(self, text: str) -> list[float]:
        """Embedding of one query, cached (follow-ups and evals repeat queries)."""
        hit = self._query_cache.get(text)
        if hit is not None:
            self._query_cache.move_to_end(text)
            return hit
        vec = self.model.encode([text], normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True)[
            0
        ].tolist()
        self._query_cache[text] = vec
        if len(self._query_cache) > 512:
            self._query_cache.popitem(last=False)
        return vec


def get_embedder(settings: Settings) -> Embedder:
    """One embedder per model path per process."""
    with _LOCK:
        emb = _EMBEDDERS.get(settings.embed_model)
        if emb is None:
            emb = _EMBEDDERS[settings.embed_model] = Embedder(settings.embed_model, settings.embed_backend)
        return emb


def register_embedder(model_path: str, embedder: Embedder) -> None:
    """Serve `model_path` with this embedder in this process (tests, plugins)."""
    with _LOCK:
        _EMBEDDERS[model_path] = embedder


def unregister_embedder(model_path: str) -> None:
    with _LOCK:
        _EMBEDDERS.pop(model_path, None)


# ----------------------------------------------------------------------------- chat models


class ChatModel:
    """A chat model behind our own interface: messages in, text (or a stream of text) out.

    Implementations raise `LLMError` for failures the caller should fall back from.
    """

    name: str = "chat-model"

    def complete(self, messages: list[dict], *, temperature: float = 0.0, max_tokens: int = 700) -> str:
        return "".join(self.stream(messages, temperature=temperature, max_tokens=max_tokens))

    def stream(self, messages: list[dict], *, temperature: float = 0.0, max_tokens: int = 700) -> Iterator[str]:
        raise NotImplementedError


class OpenAIChatModel(ChatModel):
    """Any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp)."""

    def __init__(self, model: str, *, base_url: str = "", api_key: str = "", timeout: float = 60.0, retries: int = 3):
        self.name = model
        self.model = model
        self.base_url = base_url or None
        self.api_key = api_key or "not-needed"  # local servers accept any key
        self.timeout = timeout
        self.retries = retries
        self._client: Any = None

    @property
    def client(self) -> Any:
        if self._client is None:
            import openai

            # our own retry loop (below) handles 429/5xx with backoff, so the client's is off
            self._client = openai.OpenAI(
                base_url=self.base_url, api_key=self.api_key, timeout=self.timeout, max_retries=0
            )
        return self._client

    def _with_retries(self, call: Callable[[], Any]) -> Any:
        import openai

        delay = 0.5
        for attempt in range(self.retries + 1):
            try:
                return call()
            except openai.APITimeoutError:  # a subclass of APIConnectionError: check it first
                raise LLMError(f"{self.model}: no reply within {self.timeout:g}s (ADVISOR_LLM_TIMEOUT)") from None
            except (openai.RateLimitError, openai.InternalServerError, openai.APIConnectionError) as exc:
                if attempt >= self.retries:
                    raise LLMError(f"{self.model}: {_describe(exc)} after {attempt + 1} attempts") from None
                retry_after = _retry_after(exc)
                time.sleep(retry_after if retry_after is not None else delay * (1 + random.random() * 0.25))
                delay = min(delay * 2, 8.0)
            except openai.APIStatusError as exc:
                raise LLMError(f"{self.model}: {_describe(exc)}") from None
            except openai.OpenAIError as exc:
                raise LLMError(f"{self.model}: {exc}") from None
        raise LLMError(f"{self.model}: gave up")  # pragma: no cover

    def complete(self, messages: list[dict], *, temperature: float = 0.0, max_tokens: int = 700) -> str:
        resp = self._with_retries(
            lambda: self.client.chat.completions.create(
                model=self.model, messages=messages, temperature=temperature, max_tokens=max_tokens
            )
        )
        try:
            return resp.choices[0].message.content or ""
        except (AttributeError, IndexError) as exc:
            raise LLMError(f"{self.model}: malformed reply ({exc})") from None

    def stream(self, messages: list[dict], *, temperature: float = 0.0, max_tokens: int = 700) -> Iterator[str]:
        import openai

        stream = self._with_retries(
            lambda: self.client.chat.completions.create(
                model=self.model, messages=messages, temperature=temperature, max_tokens=max_tokens, stream=True
            )
        )
        try:
            for event in stream:
                if not event.choices:
                    continue
                piece = getattr(event.choices[0].delta, "content", None)
                if piece:
                    yield piece
        except openai.APITimeoutError:
            raise LLMError(
                f"{self.model}: the stream stalled for over {self.timeout:g}s (ADVISOR_LLM_TIMEOUT)"
            ) from None
        except openai.OpenAIError as exc:
            raise LLMError(f"{self.model}: stream failed ({exc})") from None
        except Exception as exc:  # httpx read errors surface raw while iterating a stream
            raise LLMError(f"{self.model}: stream failed ({type(exc).__name__}: {exc})") from None


def _describe(exc: Exception) -> str:
    status = getattr(exc, "status_code", None)
    return f"HTTP {status}" if status else type(exc).__name__


def _retry_after(exc: Exception) -> float | None:
    resp = getattr(exc, "response", None)
    try:
        value = resp.headers.get("retry-after") if resp is not None else None
        return min(float(value), 10.0) if value else None
    except (TypeError, ValueError):
        return None


_CHAT_FACTORIES: dict[str, Callable[[Settings], ChatModel]] = {}


def register_chat_model(prefix: str, factory: Callable[[Settings], ChatModel]) -> None:
    """Register a chat model for ADVISOR_LLM_MODEL values starting with `prefix:` (tests, plugins)."""
    _CHAT_FACTORIES[prefix] = factory


def unregister_chat_model(prefix: str) -> None:
    _CHAT_FACTORIES.pop(prefix, None)


def chat_providers() -> list[str]:
    """Prefixes of the registered chat models."""
    return sorted(_CHAT_FACTORIES)


def get_chat_model(settings: Settings) -> ChatModel | None:
    """The configured chat model, or None for offline mode.

    A registered `prefix:` wins; otherwise a key or base URL means an OpenAI-compatible
    endpoint (a bare name like `llama3.1:8b` included). A `provider:model` with neither is a
    configuration error, reported here rather than silently answering offline.
    """
    model = settings.llm_model
    if not model:
        return None
    prefix = model.split(":", 1)[0]
    if prefix in _CHAT_FACTORIES:
        return _CHAT_FACTORIES[prefix](settings)
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
    known = ", ".join(chat_providers()) or "none"
    raise SettingsError(
        f"ADVISOR_LLM_MODEL={model!r}: no chat-model provider {prefix!r} is registered (registered: {known}), "
        "and neither OPENAI_BASE_URL nor OPENAI_API_KEY is set; set OPENAI_BASE_URL (and OPENAI_API_KEY if the "
        "server needs one) for an OpenAI-compatible endpoint, or unset ADVISOR_LLM_MODEL to answer offline."
    )
