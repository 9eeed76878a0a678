"""The embedding model on torch (sentence-transformers) and on ONNX Runtime, side by side.

    .venv/bin/python benchmarks/bench_encoder.py [--n 600] [--int8]
    .venv/bin/python benchmarks/bench_encoder.py --spinning [--rounds 6]

In one run, on the same texts (the bundled corpus's chunk texts as indexed):
- cold start: a fresh interpreter importing the runtime and loading the model, then
  embedding one query (what `advisor ask` pays before it can search), each variant run
  alternately 3 times;
- encode throughput (texts/s, batch 16, interleaved rounds);
- agreement with torch: cosine of each vector to torch's, and top-6 overlap of a dense search
  of 40 questions over the same texts (the answers' retrieval).
sentence-transformers' own `backend="onnx"` needs optimum; it is tried and reported.

`--spinning` instead compares ONNX Runtime session settings one query at a time, as a search
embeds (a short question, and the same with an identifier's heading appended, as the hybrid
search embeds it; and a batch of 16 passages): worker threads that spin between operators (ONNX
Runtime's default, the advisor's before), that sleep (the advisor's now), and a single thread.
Each setting runs in its own fresh process, settings alternating, `--rounds` times; it prints
CPU (all threads of the process) and wall medians, and whether the vectors are bit-for-bit equal.
The machine is shared and loaded: compare the ratios, not the absolute times.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import ROOT

from advisor.encoder import OnnxEncoder, onnx_path
from advisor.index import embedding_text
from advisor.index.sources import bundled_paths, doc_type_for, source_for
from advisor.ingest import load_chunks
from advisor.settings import default_embed_model

QUESTIONS = [
    "What does GOVERN 1.6 require?", "Is the NIST AI RMF mandatory?", "What is TEFCA?",
    "What are the ten GMLP principles?", "How should we monitor deployed models for drift?",
    "What does HTI-1 require for predictive decision support interventions?",
    "What does Section 1557 require of covered entities?", "What are the Kahn data quality categories?",
    "What should a health system ask an AI vendor?", "What are the seven trustworthiness characteristics?",
]  # fmt: skip

COLD = {
    "torch": "from sentence_transformers import SentenceTransformer as S; m = S({p!r}, device='cpu', local_files_only=True)",
    "st-onnx": "from sentence_transformers import SentenceTransformer as S; m = S({p!r}, device='cpu', backend='onnx', local_files_only=True)",
    "onnx": "from advisor.encoder import OnnxEncoder; m = OnnxEncoder({p!r})",
}  # fmt: skip


def corpus_texts(n: int) -> list[str]:
    texts: list[str] = []
    for folder in bundled_paths():
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".md", ".txt", ".csv", ".json") and path.is_file():
                try:
                    chunks = load_chunks(path, source_for(path), doc_type=doc_type_for(path), org="x")
                except Exception:
                    continue
                texts += [embedding_text(c) for c in chunks]
    return texts[:n]


def cold(variant: str, model: str) -> float | str:
    code = "import time; t=time.perf_counter(); " + COLD[variant].format(p=model)
    code += "; m.encode(['What does GOVERN 1.6 require?'], normalize_embeddings=True); print(time.perf_counter()-t)"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - t
    if r.returncode != 0:
        return "failed: " + (r.stderr.strip().splitlines() or ["?"])[-1][:160]
    return wall


def quantized(model: str) -> Path:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    folder = Path(tempfile.mkdtemp(prefix="onnx-int8-"))
    for name in ("tokenizer.json", "sentence_bert_config.json", "config.json"):
        (folder / name).write_bytes((Path(model) / name).read_bytes())
    (folder / "1_Pooling").mkdir()
    (folder / "1_Pooling/config.json").write_bytes((Path(model) / "1_Pooling/config.json").read_bytes())
    (folder / "onnx").mkdir()
    quantize_dynamic(str(onnx_path(model)), str(onnx_path(folder)), weight_type=QuantType.QInt8)
    return folder


SHORT = "What does GOVERN 1.6 require?"
EXPANDED = "What does GOVERN 1.6 require? (Mechanisms to inventory AI systems)"  # as the hybrid search embeds it
SETTINGS = {"spinning (before)": "threads=0, spinning=True", "sleeping (now)": "threads=0, spinning=False",
            "one thread": "threads=1, spinning=False"}  # fmt: skip
_ONE_QUERY = """
import json, time, hashlib, numpy as np
from advisor.encoder import OnnxEncoder
m = OnnxEncoder({model!r}, {opts})
batch = {batch!r}
m.encode([{short!r}])
out = {{}}
for name, texts, reps in (("short", [{short!r}], 40), ("expanded", [{expanded!r}], 40), ("batch16", batch, 3)):
    cpu, wall = [], []
    for _ in range(reps):
        c, w = time.process_time(), time.perf_counter()
        v = m.encode(texts, batch_size=16, normalize_embeddings=True)
        cpu.append((time.process_time() - c) * 1000); wall.append((time.perf_counter() - w) * 1000)
        time.sleep(0.02)  # a search does other work between two encodings
    out[name] = [float(np.median(cpu)), float(np.median(wall)), hashlib.sha256(v.tobytes()).hexdigest()]
print(json.dumps(out))
"""


def spinning(model: str, rounds: int) -> None:
    """Per-query CPU and wall of each session setting (see the module docstring)."""
    batch = corpus_texts(16)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    got: dict[str, list[dict]] = {name: [] for name in SETTINGS}
    for _ in range(rounds):
        for name, opts in SETTINGS.items():
            code = _ONE_QUERY.format(model=model, opts=opts, batch=batch, short=SHORT, expanded=EXPANDED)
            r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
            if r.returncode:
                sys.exit(r.stderr[-2000:])
            got[name].append(json.loads(r.stdout.strip().splitlines()[-1]))
    first = next(iter(got))
    print(f"ms per encoding, medians over {rounds} alternating processes (cpu = all threads of the process):")
    for name, runs in got.items():
        parts = []
        for kind in ("short", "expanded", "batch16"):
            cpu = float(np.median([r[kind][0] for r in runs]))
            wall = float(np.median([r[kind][1] for r in runs]))
            parts.append(f"{kind} cpu {cpu:6.1f} wall {wall:6.1f}")
        same = all(r[k][2] == got[first][0][k][2] for r in runs for k in ("short", "expanded", "batch16"))
        print(f"  {name:18s} " + " | ".join(parts) + f" | vectors identical to {first}: {same}")


def top6(qv: np.ndarray, dv: np.ndarray) -> list[set[int]]:
    return [set(np.argsort(-(dv @ q))[:6].tolist()) for q in qv]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--int8", action="store_true", help="also measure a dynamically int8-quantised export")
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--spinning", action="store_true", help="compare ONNX Runtime thread settings per query")
    ap.add_argument("--rounds", type=int, default=6, help="with --spinning: processes per setting")
    args = ap.parse_args()
    model = default_embed_model()
    if not onnx_path(model).exists():
        sys.exit(f"no ONNX export at {onnx_path(model)}: run `python -m advisor.encoder export` first")
    if args.spinning:
        spinning(model, args.rounds)
        return

    print("cold start (fresh interpreter: import + load + embed one query), seconds, alternating:")
    runs: dict[str, list] = {v: [] for v in COLD}
    for _ in range(args.cold_runs):
        for v in COLD:
            runs[v].append(cold(v, model))
    for v, xs in runs.items():
        ok = [x for x in xs if isinstance(x, float)]
        print(
            f"  {v:8s} "
            + (f"median {sorted(ok)[len(ok) // 2]:.2f} s  runs {[round(x, 2) for x in ok]}" if ok else xs[0])
        )

    from sentence_transformers import SentenceTransformer

    texts = corpus_texts(args.n)
    variants = {"torch": SentenceTransformer(model, device="cpu", local_files_only=True), "onnx": OnnxEncoder(model)}
    if args.int8:
        variants["onnx-int8"] = OnnxEncoder(quantized(model))
    vecs: dict[str, np.ndarray] = {}
    secs: dict[str, float] = dict.fromkeys(variants, 0.0)
    rounds = 3
    part = len(texts) // rounds + 1
    for r in range(rounds):  # interleaved, so load changes hit every variant alike
        chunk = texts[r * part : (r + 1) * part]
        for name, m in variants.items():
            t = time.perf_counter()
            v = m.encode(chunk, batch_size=16, normalize_embeddings=True, show_progress_bar=False)
            secs[name] += time.perf_counter() - t
            vecs[name] = np.vstack([vecs[name], v]) if name in vecs else np.asarray(v)
    print(f"\nencode throughput over {len(texts)} corpus chunks (batch 16, {rounds} interleaved rounds):")
    for name in variants:
        print(f"  {name:9s} {len(texts) / secs[name]:7.1f} texts/s  ({secs['torch'] / secs[name]:.2f}x torch)")
    q = {name: np.asarray(m.encode(QUESTIONS * 4, normalize_embeddings=True)) for name, m in variants.items()}
    base = top6(q["torch"], vecs["torch"])
    print("\nagreement with torch:")
    for name in variants:
        if name == "torch":
            continue
        cos = np.sum(vecs[name] * vecs["torch"], axis=1)
        other = top6(q[name], vecs[name])
        overlap = np.mean([len(a & b) / 6 for a, b in zip(base, other, strict=True)])
        same = np.mean([a == b for a, b in zip(base, other, strict=True)])
        print(
            f"  {name:9s} cosine min {cos.min():.6f} mean {cos.mean():.6f}; "
            f"top-6 overlap {overlap:.3f}, identical top-6 sets {same:.2f}"
        )


if __name__ == "__main__":
    main()
