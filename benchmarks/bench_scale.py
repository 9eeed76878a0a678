"""Scale: a generated library of N passages on SQLite-embedded and on PostgreSQL + Chroma server.

    .venv/bin/python benchmarks/bench_scale.py --passages 10000 [--backend sqlite|server|both]
        [--queries 100] [--keep DIR] [--direct] [--graph]

`--keep DIR` keeps the generated corpus and both backends' data (the SQLite ADVISOR_HOME; the
server backend's ADVISOR_HOME, PostgreSQL cluster and Chroma folder) under DIR and, when DIR
already holds them, reuses them: only the search and answer timings are measured again
(the indexing figures are those saved by the run that built them). Useful when profiling.

Indexing generated *user* documents runs each file through the parsing worker and the screening
(PHI, instructions; the screen embeds every sentence). `--seed-screen` seeds the screen's sentence
vectors like the passages' (a pool sentence's real vector; the synthetic header sentence that of
one real header); `--direct` fills the stores through the indexer's write step without parsing
workers or screening. Both are for latency runs (search, answer) at 100k on a loaded machine:
their indexing figures are not comparable with a full run's.

The generated corpus (deterministic, seed 7): real sentences of the bundled guidance corpus
(plus the AI RMF Playbook's pages when ../shared/realdocs has it) recombined into Markdown
documents of 20 sections; each section is one passage of about 900 characters, drawn from
one source document's sentences (so a passage stays on one topic) and tagged with a
synthetic control identifier ("SCALE-123.4") and a document code, so no two passages are equal.

Embeddings: computing 100,000 real embeddings takes hours on this shared 2-core machine, so
the passages' vectors are derived, not computed: every pool sentence is embedded once with
the real model, and a passage's vector is the normalised sum of its sentences' vectors
(close to the model's own vector of the passage). They are put in the embedding cache before
indexing, so indexing runs the real pipeline (parse, chunk, cache, Chroma, catalog) minus the
model; queries are embedded by the real model. Indexing throughput against raw encode is then
`1 / (1 + overhead per passage / encode time per passage)`, with the encode time per passage
measured on 256 real passages in the same run.

Prints one JSON object: for each backend, indexing (seconds, passages/s without the model,
peak RSS of the indexing process), the throughput ratio to raw encode, search and offline
answer p50/p95 (in a separate process, whose peak RSS is the app's), and the naive dense
search p50/p95 on the same vectors (Chroma query of the embedded question, as the naive
LangChain pipeline does), also split into questions naming an identifier (searched with what
its heading says appended, a longer text to embed) and the others, and both searches' mean CPU
time in the process (all its threads; a Chroma or PostgreSQL server's CPU is not counted). Search and naive search are timed interleaved, query by query in
alternating order, each embedding its question anew with the same model (the query-embedding
cache is cleared before every call). The machine is shared and loaded: compare ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import PLAYBOOK, ROOT, pct

sys.path.insert(0, str(ROOT))

from advisor.settings import CORPUS_DIR

QUESTIONS = [
    "What does GOVERN 1.6 require?", "Is the NIST AI RMF mandatory?", "What is TEFCA?",
    "What are the ten GMLP principles?", "How should we monitor deployed models for drift?",
    "What does HTI-1 require for predictive decision support interventions?",
    "What does Section 1557 require of covered entities?", "What are the Kahn data quality categories?",
    "What should a health system ask an AI vendor?", "What are the seven trustworthiness characteristics?",
    "Who should own the AI inventory?", "How do we document model limitations for clinicians?",
]  # fmt: skip
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def sentence_pool(per_source: int | None = 16) -> dict[str, list[str]]:
    """Real sentences by source document (bundled guidance, and the Playbook's pages); with
    `per_source` None, every one of them (bench_marginal's new passages)."""
    pool: dict[str, list[str]] = {}
    for p in sorted((CORPUS_DIR / "guidance").rglob("*.md")):
        text = re.sub(r"^---.*?---", "", p.read_text(encoding="utf-8"), flags=re.S)
        body = " ".join(line for line in text.splitlines() if line.strip() and not line.startswith(("#", "|", "-")))
        pool[p.stem] = [s.strip() for s in _SENT.split(body) if 40 <= len(s.strip()) <= 400]
    if PLAYBOOK.exists():
        import pypdf

        text = " ".join((pg.extract_text() or "") for pg in pypdf.PdfReader(str(PLAYBOOK)).pages)
        pool["playbook"] = [s.strip() for s in _SENT.split(re.sub(r"\s+", " ", text)) if 40 <= len(s.strip()) <= 400]
    if per_source is None:
        return {k: v for k, v in pool.items() if len(v) >= 8}
    # 16 sentences per source keep the real-model work small (about 800 sentences embedded)
    return {k: v[:: max(1, len(v) // per_source)][:per_source] for k, v in pool.items() if len(v) >= 8}


def generate(folder: Path, passages: int, pool: dict[str, list[str]]) -> dict[str, list[str]]:
    """Write the corpus; returns each passage's sentences by its text (for derived vectors)."""
    rng = random.Random(7)
    names = sorted(pool)
    made: dict[str, list[str]] = {}
    per_doc = 20
    for d in range((passages + per_doc - 1) // per_doc):
        src = names[d % len(names)]
        lines = [f"# Generated guidance {d:05d} ({src})", ""]
        for s in range(min(per_doc, passages - d * per_doc)):
            ident = f"SCALE-{d % 997}.{s}"
            picked: list[str] = []
            while sum(len(x) + 1 for x in picked) < 600:  # a passage fits one 1000-character chunk
                s_ = rng.choice(pool[src])
                if sum(len(x) + 1 for x in picked) + len(s_) <= 880:
                    picked.append(s_)
            body = f"Document {d:05d}, control {ident}. " + " ".join(picked)
            lines += [f"## {ident} {src.replace('-', ' ')} section {s}", "", body, ""]
            made[body] = picked
        (folder / f"gen-{d:05d}.md").write_text("\n".join(lines), encoding="utf-8")
    return made


_HEADER = re.compile(r"Document \d{5}, control SCALE-\d+\.\d+\.")


def screen_vectors(ix, text: str, vec: dict[str, list[float]], header: list[float]) -> dict[str, list[float]]:
    """Vectors for the sentences the injection screen embeds in a passage: a pool sentence's real
    vector, a synthetic header's ("Document 00012, control SCALE-12.3.") that of one real header
    (headers differ only in digits), and any other sentence embedded by the model."""
    from advisor.safety.normalize import normalize
    from advisor.text import sentence_spans

    norm = normalize(text).text
    out, todo = {}, []
    for a, b in sentence_spans(norm):
        s = norm[a:b]
        if s in vec:
            out[s] = vec[s]
        elif _HEADER.fullmatch(s.strip()):
            out[s] = header
        else:
            todo.append(s)
    if todo:
        out.update(zip(todo, ix.embedder.embed(todo), strict=True))
    return out


def seed_cache(settings, corpus: Path, made: dict[str, list[str]], screen: bool = False) -> int:
    """Derived vectors for every chunk the corpus yields, written to the embedding cache (with
    `screen`, also the vectors of the sentences the injection screen embeds)."""
    from advisor.index import Index, embedding_text
    from advisor.index.sources import doc_type_for, source_for
    from advisor.ingest import load_chunks

    ix = Index(settings)
    sentences = sorted({s for picked in made.values() for s in picked})
    vec = dict(zip(sentences, ix.embedder.embed(sentences), strict=True))
    header = ix.embedder.embed(["Document 00000, control SCALE-0.0."])[0]
    texts, vectors = [], []
    screened: dict[str, list[float]] = {}
    for p in sorted(corpus.glob("*.md")):
        for c in load_chunks(p, source_for(p), doc_type=doc_type_for(p), org="", chunk_size=1000, overlap=120):
            if screen:
                for s_, v_ in screen_vectors(ix, c.text, vec, header).items():
                    vec.setdefault(s_, v_)  # embedded once, however many passages hold it
                    screened.setdefault(s_, v_)
            # a chunk is one generated passage (or, if the chunker split one, the passages it holds)
            parts = made.get(c.text.strip()) or [s for line in c.text.splitlines() for s in made.get(line.strip(), [])]
            if not parts:
                raise SystemExit(f"chunk of {p.name} is no generated passage: {c.text[:120]!r}")
            v = np.sum([vec[s] for s in parts], axis=0)
            texts.append(embedding_text(c))
            vectors.append(v / np.linalg.norm(v))
    ix.embed_cache.store(texts, vectors)
    if screened:
        ix.embed_cache.store(list(screened), [np.asarray(v, dtype=np.float32) for v in screened.values()])
    return len(texts)


def child(code: str, env: dict[str, str]) -> dict:
    """Run `code` in a fresh interpreter; it prints one JSON line; peak RSS is added."""
    wrapper = (
        code
        + "\nimport resource, json as _j\nprint(_j.dumps({**OUT, 'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"
    )
    r = subprocess.run([sys.executable, "-c", wrapper], env=env, cwd=ROOT, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(r.stderr[-3000:])
    return json.loads(r.stdout.strip().splitlines()[-1])


INDEX_CODE = """
import time
from pathlib import Path
from advisor.index import Index
from advisor.settings import Settings
ix = Index(Settings.from_env())
t = time.perf_counter()
rep = ix.index_paths([Path({corpus!r})])
OUT = {{"seconds": time.perf_counter() - t, "chunks": rep.chunks_added, "embedded": rep.embeddings_computed,
        "errors": len(rep.errors)}}
"""

# --direct: the indexer's write step (vectors, catalog) without the parsing workers or the
# screening (PHI, instructions), which dominate indexing generated user documents on this machine
DIRECT_CODE = """
import time
from pathlib import Path
from advisor.index import Index, IndexReport
from advisor.index import sources
from advisor.index.indexer import Indexer, _Loaded
from advisor.ingest import load_chunks
from advisor.settings import Settings
s = Settings.from_env()
ix = Index(s)
w = Indexer(s, ix.catalog, ix.vectors, ix.embedder, ix.embed_cache)
rep = IndexReport()
t = time.perf_counter()
batch = []
with w.writer_lock():
    for p in sorted(Path({corpus!r}).glob("*.md")):
        src = sources.source_for(p)
        chunks = load_chunks(p, src, doc_type=sources.doc_type_for(p), org="", chunk_size=1000, overlap=120)
        batch.append(_Loaded(p, src, sources.file_hash(p, s), chunks))
        if sum(len(b.chunks) for b in batch) >= 2000:
            w._write_batch(batch, rep)
            batch = []
    w._write_batch(batch, rep)
OUT = {{"seconds": time.perf_counter() - t, "chunks": rep.chunks_added, "embedded": rep.embeddings_computed,
        "errors": len(rep.errors)}}
"""

QUERY_CODE = """
import json, os, time
import numpy as np
if os.environ.get("BENCH_GRAPH"):  # --graph: the approximate graph at any size, as before the exact matrix
    import advisor.retrieve.dense as _dense
    _dense.EXACT_UP_TO = -1
from advisor.answer import Advisor
from advisor.settings import Settings
adv = Advisor(Settings.from_env())
qs = json.loads({queries!r})
adv.search("warm up"); adv.ask("warm up question about governance")
emb, col = adv.index.embedder, adv.index.collection
fns = {{"naive": lambda q: col.query(query_embeddings=[emb.embed_query(q)], n_results=8),
        "search": lambda q: adv.search(q, k=8)}}
T = {{"naive": [], "search": [], "ask": []}}
CPU = {{"naive": [], "search": []}}
for i, q in enumerate(qs):  # interleaved per query, in alternating order: both see the same load
    # questions naming an identifier are searched with what its heading says appended (a longer text to embed)
    kind = "identifier" if adv.retriever.expand(q) != q else "plain"
    for name in (("naive", "search") if i % 2 == 0 else ("search", "naive")):
        emb._query_cache.clear()  # both embed the question with the same model, every time
        t, c = time.perf_counter(), time.process_time()
        fns[name](q)
        ms = (time.perf_counter() - t) * 1000
        T[name].append(ms); T.setdefault(name + "_" + kind, []).append(ms)
        CPU[name].append((time.process_time() - c) * 1000)  # every thread of this process
for q in qs:
    t = time.perf_counter(); adv.ask(q); T["ask"].append((time.perf_counter() - t) * 1000)
OUT = {{**T, "cpu_ms_mean": {{k: sum(v) / len(v) for k, v in CPU.items()}}}}
"""


def encode_rate(made: dict[str, list[str]]) -> float:
    """Seconds per passage of the real model (batch 16) on 256 generated passages."""
    from advisor.providers import get_embedder
    from advisor.settings import Settings

    emb = get_embedder(Settings.from_env({"ADVISOR_HOME": tempfile.mkdtemp()}))
    texts = list(made)[:256]
    emb.embed(texts[:16])
    t = time.perf_counter()
    emb.embed(texts)
    return (time.perf_counter() - t) / len(texts)


def run_backend(
    name: str,
    n: int,
    corpus: Path,
    made: dict,
    queries: list[str],
    base_env: dict,
    keep: Path | None = None,
    screen: bool = False,
    direct: bool = False,
) -> dict:
    from advisor.settings import Settings

    home = keep / f"home-{name}" if keep else Path(tempfile.mkdtemp(prefix=f"scale-{name}-"))
    saved = keep / f"index-{name}.json" if keep else None
    env = {**base_env, "ADVISOR_HOME": str(home)}
    if saved is not None and saved.exists():  # reuse the index a previous --keep run built
        seeded, idx = json.loads(saved.read_text())
    else:
        home.mkdir(parents=True, exist_ok=True)
        seeded = seed_cache(Settings.from_env(env), corpus, made, screen)
        idx = child((DIRECT_CODE if direct else INDEX_CODE).format(corpus=str(corpus)), env)
        if saved is not None:
            saved.write_text(json.dumps([seeded, idx]))
    q = child(QUERY_CODE.format(queries=json.dumps(queries)), env)
    stats = {k: {"p50": round(pct(v, 50), 1), "p95": round(pct(v, 95), 1)} for k, v in q.items() if isinstance(v, list)}
    return {
        "passages": n,
        "vectors_seeded": seeded,
        "index_seconds": round(idx["seconds"], 1),
        "index_passages_per_s_without_model": round(idx["chunks"] / idx["seconds"], 1),
        "index_embedded_by_model": idx["embedded"],
        "index_peak_rss_mb": round(idx["peak_rss_mb"]),
        "app_peak_rss_mb": round(q["peak_rss_mb"]),
        "latency_ms": stats,
        "cpu_ms_mean_in_process": {k: round(v, 2) for k, v in q["cpu_ms_mean"].items()},
        "home": str(home),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, default=10000)
    ap.add_argument("--backend", choices=["sqlite", "server", "both"], default="both")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--keep", type=Path, help="keep (or reuse) the corpus and both backends' data in this folder")
    ap.add_argument(
        "--seed-screen",
        action="store_true",
        help="also seed the injection screen's sentence vectors (latency runs at 100k: indexing then "
        "leaves out the screen's model work, so its throughput is not comparable)",
    )
    ap.add_argument(
        "--direct",
        action="store_true",
        help="fill the stores through the indexer's write step, without parsing workers or screening "
        "(latency runs at 100k on a loaded machine; indexing figures are then not comparable)",
    )
    ap.add_argument(
        "--graph",
        action="store_true",
        help="search the dense channel's approximate (HNSW) graph at any library size, not the exact "
        "matrix (to compare the two on one kept index)",
    )
    args = ap.parse_args()
    pool = sentence_pool()
    keep = args.keep.resolve() if args.keep else None
    if keep is not None and (keep / "made.json").exists():
        corpus, made = keep / "corpus", json.loads((keep / "made.json").read_text())
    else:
        corpus = keep / "corpus" if keep else Path(tempfile.mkdtemp(prefix=f"scale-corpus-{args.passages}-"))
        corpus.mkdir(parents=True, exist_ok=True)
        made = generate(corpus, args.passages, pool)
        if keep is not None:
            (keep / "made.json").write_text(json.dumps(made))
    rng = random.Random(11)
    heads = [f"{k.replace('-', ' ')} SCALE-{rng.randrange(997)}.{rng.randrange(20)}" for k in sorted(pool)]
    queries = [(QUESTIONS + heads)[i % (len(QUESTIONS) + len(heads))] for i in range(args.queries)]
    per_passage = encode_rate(made)
    base = {k: v for k, v in os.environ.items() if not k.startswith(("ADVISOR_", "OPENAI_"))}
    base["PYTHONPATH"] = str(ROOT)
    if args.graph:
        base["BENCH_GRAPH"] = "1"
    out: dict = {"passages": args.passages, "files": len(list(corpus.glob("*.md"))),
                 "raw_encode_passages_per_s": round(1 / per_passage, 2), "screen_seeded": args.seed_screen, "direct": args.direct, "graph": args.graph}  # fmt: skip
    if args.backend in ("sqlite", "both"):
        out["sqlite"] = run_backend(
            "sqlite", args.passages, corpus, made, queries, base, keep, args.seed_screen, args.direct
        )
    if args.backend in ("server", "both"):
        from tests.deploy.servers import chroma_server, postgres_cluster

        # with --keep, the PostgreSQL cluster and the Chroma data stay under DIR and are served again
        pg_dir, chroma_dir = (keep / "pg", keep / "chroma") if keep else (None, Path(tempfile.mkdtemp()) / "chroma")
        with postgres_cluster(durable=True, keep=pg_dir) as pg, chroma_server(chroma_dir) as chroma:
            env = {**base, "ADVISOR_DATABASE_URL": pg, "ADVISOR_CHROMA_URL": chroma}
            out["server"] = run_backend(
                "server", args.passages, corpus, made, queries, env, keep, args.seed_screen, args.direct
            )
    for key in ("sqlite", "server"):
        if key in out:
            r = out[key]
            overhead = 1 / r["index_passages_per_s_without_model"]
            r["index_vs_raw_encode"] = round(1 / (1 + overhead / per_passage), 3)
            lat = r["latency_ms"]
            r["search_p95_vs_naive_p95"] = round(lat["search"]["p95"] / lat["naive"]["p95"], 2)
            r["search_p50_vs_naive_p50"] = round(lat["search"]["p50"] / lat["naive"]["p50"], 2)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
