"""The embedding model on ONNX Runtime, without torch: a sentence-transformers folder's
`onnx/model.onnx` (exported offline at install: `python -m advisor.encoder export`), its
`tokenizer.json` (the Rust `tokenizers` library) and the folder's pooling, in numpy.

It reads like `SentenceTransformer` where the advisor uses it (`encode`, the dimension), and
loads in well under a second where torch + sentence-transformers take many: commands that
embed one query (`advisor ask`, `advisor search`) and the app's first answer start faster.
Vectors agree with the torch model's to about 1e-6 (cosine); see benchmarks/bench_encoder.py.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ONNX_FILE = Path("onnx") / "model.onnx"
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# Padded tokens per model run. On the 2-core host, runs of 16 passages (16 x ~150 tokens) cost a
# third more CPU per text than runs of ~256 tokens, which keep the activations in the CPU's cache;
# short sentences are still run several at a time (README, Performance).
MAX_BATCH_TOKENS = 256


def onnx_path(model_dir: str | Path) -> Path:
    return Path(model_dir) / ONNX_FILE


def exported(model_dir: str | Path) -> bool:
    """An ONNX export and the libraries to run it are there (checked without importing them)."""
    if not onnx_path(model_dir).is_file() or not (Path(model_dir) / "tokenizer.json").is_file():
        return False
    return all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "tokenizers"))


def _read_json(path: Path, default: dict[str, Any]) -> dict[str, Any]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return default


class OnnxEncoder:
    """`SentenceTransformer.encode` over ONNX Runtime (mean or CLS pooling, then normalize)."""

    def __init__(self, model_dir: str | Path, *, threads: int = 0, spinning: bool = False):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.model_dir = Path(model_dir)
        st_config = _read_json(self.model_dir / "sentence_bert_config.json", {})
        pooling = _read_json(self.model_dir / "1_Pooling" / "config.json", {"pooling_mode_mean_tokens": True})
        self.max_length = int(st_config.get("max_seq_length") or 256)
        self.cls_pooling = bool(pooling.get("pooling_mode_cls_token")) and not pooling.get("pooling_mode_mean_tokens")
        self.tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(self.max_length)
        self.tokenizer.no_padding()
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if threads:
            opts.intra_op_num_threads = threads
        if not spinning:
            # ONNX Runtime's workers otherwise spin between operators, burning a core each while
            # waiting: on a shared 2-core host (app, Chroma, PostgreSQL, other replicas) that made
            # one query's encoding cost 11-17 ms of CPU instead of 8-10, and the longer the text,
            # the more (benchmarks/bench_encoder.py --spinning). Vectors are bit-for-bit the same.
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            opts.add_session_config_entry("session.inter_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            str(onnx_path(self.model_dir)), sess_options=opts, providers=["CPUExecutionProvider"]
        )
        self._inputs = [i.name for i in self.session.get_inputs()]
        self._dim = int(self.session.get_outputs()[0].shape[-1])

    def get_sentence_embedding_dimension(self) -> int:
        return self._dim

    def _batch(self, encs: list[Any]) -> np.ndarray:
        """Pooled (not normalized) vectors of tokenized texts, padded to the longest of them."""
        width = max(len(e.ids) for e in encs)
        ids = np.zeros((len(encs), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for i, e in enumerate(encs):
            n = len(e.ids)
            ids[i, :n], mask[i, :n], types[i, :n] = e.ids, e.attention_mask, e.type_ids
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        hidden = self.session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0]
        if self.cls_pooling:
            return np.asarray(hidden[:, 0], dtype=np.float32)
        m = mask[:, :, None].astype(np.float32)
        return np.asarray((hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None), dtype=np.float32)

    def encode(
        self,
        sentences: list[str] | str,
        batch_size: int = 32,
        normalize_embeddings: bool = False,
        show_progress_bar: bool = False,
        convert_to_numpy: bool = True,
        max_tokens: int | None = None,
        **_: Any,
    ) -> np.ndarray:
        """Embeddings in input order. Texts are run longest first, at most `batch_size` at a time
        and at most `max_tokens` padded tokens per run (default `MAX_BATCH_TOKENS`): a text's
        vector does not depend on the others in its run (bit for bit), only the cost does."""
        single = isinstance(sentences, str)
        texts = [sentences] if isinstance(sentences, str) else list(sentences)
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        encs = self.tokenizer.encode_batch(texts)
        lens = [len(e.ids) for e in encs]
        order = sorted(range(len(texts)), key=lambda i: -lens[i])
        budget = max_tokens or MAX_BATCH_TOKENS
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        start = 0
        while start < len(order):
            # the run's first text is its longest: its length is the width every text is padded to
            take = max(1, min(batch_size, budget // max(1, lens[order[start]])))
            idx = order[start : start + take]
            out[idx] = self._batch([encs[i] for i in idx])
            start += take
        if normalize_embeddings:
            out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
        return out[0] if single else out


def fingerprint(model_dir: str | Path, backend: str) -> str:
    """Identity of a model's weights and of the runtime computing its vectors (vectors from
    torch and ONNX agree closely but not bit for bit): the key of shipped embeddings."""
    d = Path(model_dir)
    h = hashlib.sha256(backend.encode())
    for name in ("config.json", "modules.json", "sentence_bert_config.json", "tokenizer.json", "1_Pooling/config.json"):
        p = d / name
        h.update(name.encode() + (p.read_bytes() if p.is_file() else b"-"))
    weights = d / ("onnx/model.onnx" if backend == "onnx" else "model.safetensors")
    if weights.is_file():
        with weights.open("rb") as f:
            h.update(str(weights.stat().st_size).encode() + f.read(1 << 22))
    return h.hexdigest()[:32]


def export(model_dir: str | Path, *, out: Path | None = None) -> Path:
    """Export a sentence-transformers folder's transformer to ONNX (needs torch, transformers
    and onnx: run once, offline, at install)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    d = Path(model_dir)
    target = out or onnx_path(d)
    model = AutoModel.from_pretrained(str(d), local_files_only=True).eval()

    class _Hidden(torch.nn.Module):
        def __init__(self, inner: Any):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    enc = AutoTokenizer.from_pretrained(str(d), local_files_only=True)(
        ["an example", "a slightly longer example sentence"], padding=True, return_tensors="pt"
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    axes = {k: {0: "batch", 1: "sequence"} for k in (*INPUTS, "last_hidden_state")}
    with torch.no_grad():
        torch.onnx.export(
            _Hidden(model),
            tuple(enc[k] for k in INPUTS),
            str(tmp),
            input_names=list(INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    tmp.replace(target)
    return target


if __name__ == "__main__":  # pragma: no cover - `python -m advisor.encoder export [MODEL_DIR]`
    if len(sys.argv) < 2 or sys.argv[1] != "export":
        sys.exit("usage: python -m advisor.encoder export [MODEL_DIR]")
    from .settings import default_embed_model

    folder = sys.argv[2] if len(sys.argv) > 2 else default_embed_model()
    print(export(folder))
