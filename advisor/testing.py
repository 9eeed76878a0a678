"""Fakes for tests, shipped with the package so any test suite (ours or a plugin's) can use them.

- `HashEmbedder`: a deterministic stand-in for the sentence-transformers model (bag of words
  and word pairs hashed into 384 buckets), so tests index in milliseconds and never load
  torch; retrieval still runs the real code (Chroma + BM25 + identifiers, fused).
- `ScriptedChatModel`: a chat model behind the provider seam that replies from a script,
  streams word by word, records every request, and raises a scripted `LLMError`.
- `FakeLLMServer`: a local HTTP server speaking the OpenAI chat-completions protocol, so the
  real OpenAI client, retries, timeouts and streaming are exercised end to end.

The module needs pytest (a dev dependency). Each fake is registered and unregistered by a context manager (`use_hash_embedder`,
`use_chat_model`) or a pytest fixture (`hash_model_dir`, `scripted_chat`, `fake_llm_server`);
import the fixtures into a conftest.py to use them:

    from advisor.testing import fake_llm_server, hash_model_dir, scripted_chat  # noqa: F401
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .providers import (
    ChatModel,
    Embedder,
    register_chat_model,
    register_embedder,
    unregister_chat_model,
    unregister_embedder,
)

__all__ = [
    "DIM",
    "SCRIPTED_LLM_MODEL",
    "FakeLLMServer",
    "HashEmbedder",
    "Reply",
    "ScriptedChatModel",
    "fake_llm_server",
    "hash_model_dir",
    "hash_vector",
    "make_hash_embedder",
    "scripted_chat",
    "use_chat_model",
    "use_hash_embedder",
]

DIM = 384
SCRIPTED_LLM_MODEL = "fake-scripted:test"  # ADVISOR_LLM_MODEL served by the `scripted_chat` fixture

# ----------------------------------------------------------------------------- embedder

_WORD = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")


def hash_vector(text: str) -> list[float]:
    """Bag of words and word pairs hashed into DIM buckets, unit length."""
    words = _WORD.findall(text.lower())
    vec = [0.0] * DIM
    for tok in words + [f"{a} {b}" for a, b in itertools.pairwise(words)]:
        h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=8).digest(), "little")
        vec[h % DIM] += 1.0 if (h >> 20) & 1 else -1.0
    norm = math.sqrt(sum(v * v for v in vec)) or 1.0
    return [v / norm for v in vec]


class HashEmbedder(Embedder):
    """Deterministic stand-in for the sentence-transformers model (tests only)."""

    def __init__(self, model_path: str):
        super().__init__(model_path)
        self._model = object()  # never load a real model

    @property
    def dimension(self) -> int:
        return DIM

    def embed(self, texts: list[str], batch_size: int = 16) -> list[list[float]]:
        self.texts_embedded += len(texts)
        return [hash_vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return hash_vector(text)


def make_hash_embedder(model_path: str) -> HashEmbedder:
    return HashEmbedder(model_path)


@contextmanager
def use_hash_embedder(model_path: str | Path) -> Iterator[HashEmbedder]:
    """Serve ADVISOR_EMBED_MODEL=model_path with a HashEmbedder while the block runs."""
    embedder = HashEmbedder(str(model_path))
    register_embedder(str(model_path), embedder)
    try:
        yield embedder
    finally:
        unregister_embedder(str(model_path))


# ----------------------------------------------------------------------------- chat model


Messages = list[dict[str, Any]]
ScriptedReply = str | BaseException | Callable[[Messages], str]


class ScriptedChatModel(ChatModel):
    """Replies from `replies` in order (then `default`), streamed word by word.

    A reply may be text, an exception to raise instead (e.g. `LLMError("HTTP 500")`), or a
    function of the request's messages returning the text (a rewrite of the prompt). Every
    request's messages are kept in `requests`.
    """

    def __init__(
        self,
        replies: Iterable[ScriptedReply] = (),
        *,
        default: ScriptedReply = "The indexed documents do not cover that.",
        name: str = "scripted",
    ):
        self.name = name
        self.replies: list[ScriptedReply] = list(replies)
        self.default = default
        self.requests: list[Messages] = []

    def stream(self, messages: Messages, *, temperature: float = 0.0, max_tokens: int = 700) -> Iterator[str]:
        self.requests.append(messages)
        reply = self.replies.pop(0) if self.replies else self.default
        if isinstance(reply, BaseException):
            raise reply
        text = reply if isinstance(reply, str) else reply(messages)
        words = text.split(" ")
        yield words[0]
        for word in words[1:]:
            yield " " + word


@contextmanager
def use_chat_model(prefix: str, model: ChatModel) -> Iterator[str]:
    """Serve ADVISOR_LLM_MODEL=`prefix:...` with `model` while the block runs; yields `prefix:test`."""
    register_chat_model(prefix, lambda settings: model)
    try:
        yield f"{prefix}:test"
    finally:
        unregister_chat_model(prefix)


# ----------------------------------------------------------------------------- HTTP server


class Reply(dict):
    """One scripted reply: status, content, delay (seconds before answering), extra headers."""

    def __init__(self, content: str = "", status: int = 200, delay: float = 0.0, headers: dict | None = None):
        super().__init__(content=content, status=status, delay=delay, headers=headers or {})


def _completion_chunk(model: str, delta: dict[str, str], finish: str | None) -> bytes:
    chunk = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(chunk)}\n\n".encode()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep test output quiet
        pass

    def _send_json(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        try:
            self._reply()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to answer

    def _reply(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        server: FakeLLMServer = self.server.owner  # type: ignore[attr-defined]
        server.requests.append(body)
        if not self.path.endswith("/chat/completions"):
            self.send_error(404)
            return
        reply = server.script.pop(0) if server.script else Reply(server.default)
        if reply["delay"]:
            time.sleep(reply["delay"])
        if reply["status"] != 200:
            error = {"error": {"message": "scripted failure", "type": "server_error"}}
            self._send_json(reply["status"], error, reply["headers"])
            return
        model = body.get("model", "fake")
        if body.get("stream"):
            self._stream(model, reply["content"])
            return
        message = {"role": "assistant", "content": reply["content"]}
        payload = {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 0,
            "model": model,
            "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        self._send_json(200, payload)

    def _stream(self, model: str, content: str) -> None:
        """Server-sent events, one word per chunk, then a stop chunk and [DONE]."""
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        for i, word in enumerate(content.split(" ")):
            self.wfile.write(_completion_chunk(model, {"content": word if i == 0 else " " + word}, None))
            self.wfile.flush()
        self.wfile.write(_completion_chunk(model, {}, "stop") + b"data: [DONE]\n\n")
        self.wfile.flush()


class FakeLLMServer:
    """A local OpenAI-compatible chat-completions server; each request pops the next `script` entry.

    >>> with FakeLLMServer() as server:
    ...     server.script = [Reply("GOVERN 1.6 ... [1]."), Reply(status=429)]
    ...     settings = dataclasses.replace(settings, llm_base_url=server.url, llm_model="fake-gpt")
    """

    def __init__(self, default: str = "The indexed documents do not cover that."):
        self.script: list[Reply] = []
        self.requests: list[dict[str, Any]] = []
        self.default = default
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.owner = self  # type: ignore[attr-defined]
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> FakeLLMServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ----------------------------------------------------------------------------- pytest fixtures


@pytest.fixture(scope="session")
def hash_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A model folder served by a HashEmbedder for the session: set ADVISOR_EMBED_MODEL to it."""
    folder = tmp_path_factory.mktemp("hash-embedder")
    with use_hash_embedder(folder):
        yield folder


@pytest.fixture
def scripted_chat() -> Iterator[ScriptedChatModel]:
    """A ScriptedChatModel answering for ADVISOR_LLM_MODEL=SCRIPTED_LLM_MODEL during one test."""
    model = ScriptedChatModel()
    with use_chat_model(SCRIPTED_LLM_MODEL.split(":", 1)[0], model):
        yield model


@pytest.fixture
def fake_llm_server() -> Iterator[FakeLLMServer]:
    """A running FakeLLMServer for one test (its `url` is an OPENAI_BASE_URL)."""
    with FakeLLMServer() as server:
        yield server
