"""Indexing throughput at scale as a marginal rate: new passages indexed through the whole
pipeline into a kept index that already holds N passages, against raw encode of the same passages.

    .venv/bin/python benchmarks/bench_marginal.py --keep DIR --backend sqlite|server
        [--batch 2000] [--rounds 3]

DIR is a `bench_scale.py --keep DIR` folder whose index for the backend was built (with
`--direct`, which fills the stores without the model: a 100k build through the whole pipeline
takes hours on this 2-core host). Each round writes `--batch` NEW passages (files of 20, named
and numbered apart from the kept corpus, under DIR/marginal/) and, each in a fresh process,
in alternating order:

- indexes them with `Index.index_paths` (parse in the resource-limited worker, chunk, screen:
  PHI, injection rules and the screen's sentence vectors, embed every passage with the real
  model, write vectors and catalog) into the kept index, which grows by `--batch` each round;
- raw-encodes the same chunks' embedding texts with the same model, bare
  (`model.encode(batch_size=16)`, as `bench_index.py` does).

In both the model (and, for indexing, the stored index: a query of the vector store) is loaded
before the clock starts, as in the running app that indexes an upload. The new passages are
real sentences of the bundled guidance and the Playbook (all of them, not bench_scale's 16 per
source), recombined as bench_scale does, each sentence with two pairs of adjacent words swapped
so that the screen meets sentences it has not embedded before, as with a user's own document.
Reports wall and CPU seconds (indexing: its process, its finished parsing workers and, for the
server backend, the PostgreSQL and Chroma servers' processes) and the ratio of indexing
throughput to raw encode throughput, per round and as medians.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from _common import ROOT
from bench_scale import child, sentence_pool

sys.path.insert(0, str(ROOT))

PER_DOC = 20

INDEX_CODE = """
import resource, time
from pathlib import Path
from advisor.index import Index
from advisor.settings import Settings
def cpu():
    k = resource.getrusage(resource.RUSAGE_CHILDREN)  # the parsing workers, once finished
    return time.process_time() + k.ru_utime + k.ru_stime
ix = Index(Settings.from_env())
ix.embedder.embed(["warm up"])  # the model loaded before the clock starts
ix.collection.query(query_embeddings=[ix.embedder.embed_query("warm up")], n_results=1)  # the stored index too
texts = [0]
orig = ix.embedder.embed
def counted(batch, *a, **k):
    texts[0] += len(batch)
    return orig(batch, *a, **k)
ix.embedder.embed = counted
t, c = time.perf_counter(), cpu()
rep = ix.index_paths([Path({folder!r})])
OUT = {{"seconds": time.perf_counter() - t, "cpu_s": cpu() - c, "chunks": rep.chunks_added,
        "passages_embedded": rep.embeddings_computed, "model_texts": texts[0],
        "quarantined": rep.chunks_quarantined, "errors": len(rep.errors), "files": rep.files_indexed}}
"""

ENCODE_CODE = """
import time
from pathlib import Path
from advisor.index import embedding_text
from advisor.index.sources import doc_type_for, source_for
from advisor.ingest import load_chunks
from advisor.providers import get_embedder
from advisor.settings import Settings
s = Settings.from_env()
texts = [embedding_text(c) for p in sorted(Path({folder!r}).glob("*.md"))
         for c in load_chunks(p, source_for(p), doc_type=doc_type_for(p), org="", chunk_size=s.chunk_size,
                              overlap=s.chunk_overlap)]
model = get_embedder(s).model
model.encode(texts[:16], batch_size=16, normalize_embeddings=True, show_progress_bar=False)
t, c = time.perf_counter(), time.process_time()
model.encode(texts, batch_size=16, normalize_embeddings=True, show_progress_bar=False)
OUT = {{"seconds": time.perf_counter() - t, "cpu_s": time.process_time() - c, "chunks": len(texts)}}
"""


def perturbed(sentence: str, rng: random.Random) -> str:
    """The sentence with two pairs of adjacent words swapped (a text the screen has not seen)."""
    words = sentence.split(" ")
    for _ in range(2):
        if len(words) >= 4:
            i = rng.randrange(len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def write_batch(folder: Path, first_doc: int, passages: int, pool: dict[str, list[str]], seed: int) -> None:
    """`passages` new passages in files of 20, documents numbered from `first_doc`."""
    rng = random.Random(seed)
    names = sorted(pool)
    folder.mkdir(parents=True)
    for d in range(first_doc, first_doc + passages // PER_DOC):
        src = names[d % len(names)]
        lines = [f"# Added guidance {d:06d} ({src})", ""]
        for s in range(PER_DOC):
            ident = f"SCALE-{d % 997}.{s}"
            picked: list[str] = []
            while sum(len(x) + 1 for x in picked) < 600:  # a passage fits one 1000-character chunk
                s_ = perturbed(rng.choice(pool[src]), rng)
                if sum(len(x) + 1 for x in picked) + len(s_) <= 880:
                    picked.append(s_)
            lines += [f"## {ident} {src.replace('-', ' ')} section {s}", "", f"Document {d:06d}, control {ident}. " + " ".join(picked), ""]  # fmt: skip
        (folder / f"added-{d:06d}.md").write_text("\n".join(lines), encoding="utf-8")


def _ticks(pid: str, reaped: bool) -> int:
    """CPU clock ticks of a process (and of its reaped children)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return sum(int(x) for x in fields[11 : 15 if reaped else 13])


def server_cpu(keep: Path) -> float:
    """CPU seconds so far of the PostgreSQL and Chroma servers serving `keep` (every process of
    theirs, and the connection backends that have exited)."""
    procs: dict[str, tuple[str, str]] = {}  # pid -> (ppid, cmdline)
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = (d / "stat").read_text().rsplit(")", 1)[1].split()[1]
                procs[d.name] = (ppid, (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
            except OSError:
                continue
    roots = {p for p, (_, cmd) in procs.items() if str(keep / "pg") in cmd or str(keep / "chroma") in cmd}
    roots = {p for p in roots if procs[p][0] not in roots}
    seen, todo = set(roots), list(roots)
    while todo:
        parent = todo.pop()
        kids = [p for p, (pp, _) in procs.items() if pp == parent and p not in seen]
        seen.update(kids)
        todo += kids
    ticks = sum(_ticks(p, reaped=p in roots) for p in seen)
    return ticks / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, required=True, help="a bench_scale --keep folder with the backend's index")
    ap.add_argument("--backend", choices=["sqlite", "server"], required=True)
    ap.add_argument("--batch", type=int, default=2000, help="new passages per round (a multiple of 20)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    keep = args.keep.resolve()
    home = keep / f"home-{args.backend}"
    if not (keep / f"index-{args.backend}.json").exists():
        raise SystemExit(f"{keep} holds no {args.backend} index: run bench_scale.py --keep {keep} first")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("ADVISOR_", "OPENAI_"))}
    base["PYTHONPATH"] = str(ROOT)
    pool = sentence_pool(per_source=None)
    marginal = keep / "marginal"
    marginal.mkdir(exist_ok=True)
    rounds = []
    with ExitStack() as stack:
        env = {**base, "ADVISOR_HOME": str(home)}
        if args.backend == "server":
            from tests.deploy.servers import chroma_server, postgres_cluster

            pg = stack.enter_context(postgres_cluster(durable=True, keep=keep / "pg"))
            chroma = stack.enter_context(chroma_server(keep / "chroma"))
            env |= {"ADVISOR_DATABASE_URL": pg, "ADVISOR_CHROMA_URL": chroma}
        encode_env = {**base, "ADVISOR_HOME": tempfile.mkdtemp(prefix="marginal-encode-")}
        for r in range(args.rounds):
            done = sorted(marginal.glob("batch-*"))
            n = len(done)
            folder = marginal / f"batch-{n:03d}"
            write_batch(folder, 100000 + n * 1000, args.batch, pool, seed=1000 + n)
            got: dict = {"batch": folder.name, "load_before": os.getloadavg()[0]}
            for step in ("index", "encode") if r % 2 == 0 else ("encode", "index"):
                if step == "index":
                    s0 = server_cpu(keep) if args.backend == "server" else 0.0
                    got["index"] = child(INDEX_CODE.format(folder=str(folder)), env)
                    if args.backend == "server":
                        got["index"]["server_cpu_s"] = round(server_cpu(keep) - s0, 2)
                else:
                    got["encode"] = child(ENCODE_CODE.format(folder=str(folder)), encode_env)
            got["load_after"] = os.getloadavg()[0]
            ix, enc = got["index"], got["encode"]
            total_cpu = ix["cpu_s"] + ix.get("server_cpu_s", 0.0)
            got["index_passages_per_s"] = round(ix["chunks"] / ix["seconds"], 2)
            got["encode_passages_per_s"] = round(enc["chunks"] / enc["seconds"], 2)
            got["ratio_wall"] = round((ix["chunks"] / ix["seconds"]) / (enc["chunks"] / enc["seconds"]), 3)
            got["ratio_cpu"] = round((ix["chunks"] / total_cpu) / (enc["chunks"] / enc["cpu_s"]), 3)
            rounds.append(got)
            print(json.dumps(got), file=sys.stderr, flush=True)
    med = {k: statistics.median(r[k] for r in rounds) for k in ("index_passages_per_s", "encode_passages_per_s", "ratio_wall", "ratio_cpu")}  # fmt: skip
    print(json.dumps({"backend": args.backend, "keep": str(keep), "batch": args.batch, "medians": med, "rounds": rounds}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
