"""The vector store: a Chroma collection, local (PersistentClient) or a `chroma run` server.

chromadb is imported on first use: commands that never search or index stay quick to start.
"""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import unquote, urlparse

from ..errors import StoreError
from ..providers import Embedder
from ..settings import Settings, mask_url

_WRITE_BATCH = 1000
_READ_BATCH = 5000
CONNECT_TIMEOUT_S = 5.0  # a Chroma server that does not accept a connection in this time is unreachable
REPLY_TIMEOUT_S = 8.0  # ... or that does not answer its heartbeat in this time
RETRY_AFTER_S = 30.0  # after a failed open, report the same error at once for this long
REQUEST_TIMEOUT_S = 120.0  # any later request (a large upsert included) fails after this long instead of hanging


class _ChromaEmbedding:
    """Chroma embedding function over our local model, so Chroma never uses its default
    (which would download an ONNX model)."""

    def __init__(self, embedder: Embedder):
        self._embedder = embedder

    def __call__(self, input: Sequence[str]) -> list[list[float]]:
        return self._embedder.embed(list(input))

    def embed_query(self, input: Sequence[str]) -> list[list[float]]:
        return [self._embedder.embed_query(t) for t in input]

    @staticmethod
    def name() -> str:
        return "advisor-local-sentence-transformers"

    def get_config(self) -> dict[str, Any]:
        return {"model_path": self._embedder.model_path}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> _ChromaEmbedding:  # pragma: no cover - we pass our instance
        return _ChromaEmbedding(Embedder(config["model_path"]))

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]


def embedding_function(embedder: Embedder) -> Any:
    """Our embedder as a chromadb EmbeddingFunction (subclassed here, so chromadb loads lazily)."""
    from chromadb.api.types import EmbeddingFunction

    cls = type("AdvisorEmbeddingFunction", (_ChromaEmbedding, EmbeddingFunction), {})
    return cls(embedder)


def _auth_headers(url: str) -> dict[str, str]:
    """Basic authentication from credentials in the URL (https://user:pass@host)."""
    u = urlparse(url)
    if not u.username and not u.password:
        return {}
    token = base64.b64encode(f"{unquote(u.username or '')}:{unquote(u.password or '')}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def check_server(url: str) -> None:
    """Raise StoreError within ~15 s when no Chroma server answers at `url` (never hang)."""
    import httpx  # a chromadb dependency

    timeout = httpx.Timeout(REPLY_TIMEOUT_S, connect=CONNECT_TIMEOUT_S)
    where = f"ADVISOR_CHROMA_URL={mask_url(url)}"
    try:
        r = httpx.get(url.rstrip("/") + "/api/v2/heartbeat", timeout=timeout, headers=_auth_headers(url))
    except httpx.TimeoutException:
        raise StoreError(
            f"{where}: the Chroma server did not answer within {CONNECT_TIMEOUT_S + REPLY_TIMEOUT_S:.0f} s; "
            "check that `chroma run` is up and reachable from this machine"
        ) from None
    except httpx.HTTPError as exc:
        raise StoreError(
            f"{where}: cannot reach the Chroma server ({type(exc).__name__}); start `chroma run` or fix the URL"
        ) from None
    if r.status_code in (401, 403):
        raise StoreError(f"{where}: the Chroma server refused the credentials (HTTP {r.status_code})")
    if r.status_code >= 400:
        raise StoreError(f"{where}: the server answered HTTP {r.status_code}; is this a Chroma server?")


def _set_timeouts(client: Any) -> None:
    """chromadb's HTTP session never times out; give every later request a limit."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if session is not None:
        session.timeout = httpx.Timeout(REQUEST_TIMEOUT_S, connect=CONNECT_TIMEOUT_S)


def open_client(settings: Settings) -> Any:
    """A Chroma client: the server at ADVISOR_CHROMA_URL, else a persistent folder under ADVISOR_HOME."""
    if settings.chroma_url:
        check_server(settings.chroma_url)  # before anything slow: an unreachable server is reported within seconds
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        u = urlparse(settings.chroma_url)
        client = chromadb.HttpClient(
            host=u.hostname or "",
            port=u.port or (443 if u.scheme == "https" else 8000),
            ssl=u.scheme == "https",
            headers=_auth_headers(settings.chroma_url) or None,
            settings=chroma_settings,
        )
        _set_timeouts(client)
        return client
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


class VectorStore:
    """The index's Chroma collection, opened on first use (thread-safe)."""

    def __init__(self, settings: Settings, embedder: Callable[[], Embedder]):
        self.settings = settings
        self._embedder = embedder
        self._client: Any = None
        self._collection: Any = None
        self._lock = threading.Lock()
        self._failure: tuple[float, StoreError] | None = None  # when the store last failed to open, and why

    @property
    def collection(self) -> Any:
        with self._lock:  # chromadb fails when two threads open a client at once
            if self._collection is None:
                if self._failure and time.monotonic() - self._failure[0] < RETRY_AFTER_S:
                    raise self._failure[1]  # an unreachable server is not waited for again on every search
                try:
                    self._collection = self._open()
                except StoreError as exc:
                    self._failure = (time.monotonic(), exc)
                    raise
                self._failure = None
            return self._collection

    def _open(self) -> Any:
        try:
            self._client = open_client(self.settings)
            return self._client.get_or_create_collection(
                self.settings.collection,
                embedding_function=embedding_function(self._embedder()),
                metadata={"hnsw:space": "cosine"},
            )
        except StoreError:
            raise
        except Exception as exc:
            s = self.settings
            where = f"ADVISOR_CHROMA_URL={mask_url(s.chroma_url)}" if s.chroma_url else str(s.chroma_path)
            raise StoreError(
                f"{where}: cannot open the vector store ({type(exc).__name__}: {mask_url(str(exc))})"
            ) from None

    def upsert(
        self, ids: list[str], embeddings: list[list[float]], documents: list[str], metadatas: list[dict[str, Any]]
    ) -> None:
        """Add or replace vectors, in batches Chroma accepts."""
        for i in range(0, len(ids), _WRITE_BATCH):
            end = i + _WRITE_BATCH
            self.collection.upsert(
                ids=ids[i:end], embeddings=embeddings[i:end], documents=documents[i:end], metadatas=metadatas[i:end]
            )

    def delete(self, ids: list[str]) -> None:
        for i in range(0, len(ids), _WRITE_BATCH):
            self.collection.delete(ids=ids[i : i + _WRITE_BATCH])

    def all_ids(self) -> set[str]:
        """Every id the collection holds (paged)."""
        out: set[str] = set()
        offset = 0
        while True:
            got = self.collection.get(include=[], limit=_READ_BATCH, offset=offset)
            ids = list(got.get("ids") or [])
            out.update(ids)
            if len(ids) < _READ_BATCH:
                return out
            offset += len(ids)
