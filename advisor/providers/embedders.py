"""The embedding model: a local sentence-transformers model, one per path per process."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from .. import encoder
from ..errors import AdvisorError
from ..settings import Settings

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
