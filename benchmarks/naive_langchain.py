"""The naive LangChain pipeline a user would otherwise build: the peer of the speed figures.

    .venv/bin/python benchmarks/naive_langchain.py index DIR [--pdf PDF ...] [--docs FOLDER ...]
    .venv/bin/python benchmarks/naive_langchain.py ask DIR "QUESTION"
    .venv/bin/python benchmarks/naive_langchain.py search DIR --queries FILE   (p50/p95, JSON)

PyPDFLoader / plain text, RecursiveCharacterTextSplitter (1000/120, as the advisor), the same
bundled all-MiniLM-L6-v2 through sentence-transformers (torch), a persistent Chroma store,
dense top-4 search; `ask` prints the top passages (no composition, no citations checking).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from langchain_community.document_loaders import PyPDFLoader
from langchain_community.vectorstores import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter
from sentence_transformers import SentenceTransformer

from advisor.settings import default_embed_model


class STEmbeddings(Embeddings):
    def __init__(self) -> None:
        self.model = SentenceTransformer(default_embed_model(), device="cpu", local_files_only=True)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.model.encode(texts, batch_size=16, normalize_embeddings=True).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.model.encode([text], normalize_embeddings=True)[0].tolist()


def store(folder: Path) -> Chroma:
    return Chroma(collection_name="naive", embedding_function=STEmbeddings(), persist_directory=str(folder))


def load(pdfs: list[Path], docs: list[Path]) -> list[Document]:
    out: list[Document] = []
    for pdf in pdfs:
        out += PyPDFLoader(str(pdf)).load()
    for folder in docs:
        for p in sorted(folder.rglob("*.md")):
            out.append(Document(page_content=p.read_text(encoding="utf-8"), metadata={"source": str(p)}))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cmd", choices=["index", "ask", "search"])
    ap.add_argument("dir", type=Path)
    ap.add_argument("question", nargs="?")
    ap.add_argument("--pdf", type=Path, action="append", default=[])
    ap.add_argument("--docs", type=Path, action="append", default=[])
    ap.add_argument("--queries", type=Path)
    a = ap.parse_args()
    if a.cmd == "index":
        t = time.perf_counter()
        chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=120).split_documents(load(a.pdf, a.docs))
        vs = store(a.dir)
        t_embed = time.perf_counter()
        for i in range(0, len(chunks), 256):
            vs.add_documents(chunks[i : i + 256])
        end = time.perf_counter()
        print(json.dumps({"chunks": len(chunks), "seconds": end - t, "chunks_per_s": len(chunks) / (end - t_embed)}))
    elif a.cmd == "ask":
        for d in store(a.dir).similarity_search(a.question, k=4):
            print(d.metadata.get("source"), d.metadata.get("page"), d.page_content[:200].replace("\n", " "))
    else:
        vs = store(a.dir)
        queries = json.loads(a.queries.read_text())
        vs.similarity_search("warm up", k=8)
        ms = []
        for q in queries:
            t = time.perf_counter()
            vs.similarity_search(q, k=8)
            ms.append((time.perf_counter() - t) * 1000)
        json.dump(ms, sys.stdout)


if __name__ == "__main__":
    main()
