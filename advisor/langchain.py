"""LangChain integration: our hybrid search as a retriever, the whole answer path as a Runnable,
and LangChain `Document`s from any loader feeding the index.

    from advisor.langchain import AdvisorRetriever, as_runnable, index_documents

    retriever = AdvisorRetriever(org=None, k=6)      # a BaseRetriever: retriever.invoke("...")
    chain = as_runnable()                            # .invoke / .stream / .batch
    chain.invoke({"question": "What does GOVERN 1.6 require?", "org": None, "history": []})
    index_documents(TextLoader("policy.txt").load())  # incremental, like `advisor index`

Everything reads ADVISOR_HOME and the other settings from the environment unless an
`Advisor` is passed. Importing this module imports langchain-core (about a second), so the CLI
never imports it.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableConfig
from pydantic import ConfigDict, Field

from .answer import Advisor, Answer
from .chunk import Chunk, DocType
from .errors import AdvisorError
from .index import INGEST_VERSION, IndexReport, Prepared
from .ingest import Block, chunk_document, title_from_name
from .ingest import Document as SourceDocument
from .retrieve import Filters, Hit
from .settings import Settings

__all__ = ["AdvisorRetriever", "AdvisorRunnable", "as_runnable", "hit_document", "index_documents"]

# the `advisor search --json` fields a retrieved Document's metadata holds (its text is page_content)
SEARCH_FIELDS = ("rank", "chunk_id", "source", "title", "section", "page", "doc_type", "org", "score")


@functools.lru_cache(maxsize=4)
def _shared(settings: Settings) -> Advisor:
    return Advisor(settings)


def _advisor(advisor: Advisor | None) -> Advisor:
    """The given Advisor, else one per settings read from the environment (shared by calls)."""
    return advisor if advisor is not None else _shared(Settings.from_env())


def _user(user: str | None) -> dict[str, str]:
    """`user=` for Advisor calls only when one is given (None is the local operator)."""
    return {"user": user} if user is not None else {}


# ----------------------------------------------------------------------------- retriever


def hit_document(hit: Hit) -> Document:
    """A search hit as a LangChain Document: the passage, with the search JSON fields as metadata."""
    row = hit.to_dict()
    return Document(page_content=hit.chunk.text, metadata={k: row[k] for k in SEARCH_FIELDS}, id=hit.chunk.chunk_id)


class AdvisorRetriever(BaseRetriever):
    """Our hybrid search (dense + BM25 + exact identifiers, fused) as a LangChain retriever.

    `org` adds that organization's assessment results to the shared guidance (without it, no
    organization's chunks are searched); `doc_types` and `frameworks` narrow the search;
    `user` searches as that user (their grants apply; None is the local operator).
    Quarantined passages are never returned.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    org: str | None = None
    k: int = Field(default=6, ge=1, le=100)
    user: str | None = None
    doc_types: list[str] | None = None
    frameworks: list[str] | None = None
    advisor: Any = Field(default=None, exclude=True)

    def _hits(self, adv: Advisor, query: str) -> list[Hit]:
        filters = Filters(
            org=self.org or None,
            doc_types=tuple(self.doc_types) if self.doc_types else None,
            frameworks=tuple(self.frameworks) if self.frameworks else None,
        )
        if self.user is None:
            hits = adv.retriever.search(query, k=self.k, filters=filters).hits
        else:  # the Advisor applies the user's grants; narrow its wider result afterwards
            narrowed = bool(self.doc_types or self.frameworks)
            wide = max(self.k, adv.settings.candidates) if narrowed else self.k
            found = adv.search(query, k=wide, org=self.org, **_user(self.user))
            hits = [h for h in found if filters.allows(h.chunk.org, str(h.chunk.doc_type), h.chunk.framework)]
        kept = [h for h in hits if not h.chunk.quarantine][: self.k]
        return [replace(h, rank=i) for i, h in enumerate(kept, start=1)]

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [hit_document(h) for h in self._hits(_advisor(self.advisor), query)]


# ----------------------------------------------------------------------------- runnable


def _history(raw: Any) -> list[dict[str, str]] | None:
    """Turns as {"role", "content"}; LangChain messages (HumanMessage, AIMessage) are accepted too."""
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise AdvisorError("the runnable's 'history' must be a list of {'role', 'content'} turns or messages")
    roles = {"human": "user", "ai": "assistant"}
    turns = []
    for i, turn in enumerate(raw):
        if isinstance(turn, dict) and isinstance(turn.get("content"), str):
            turns.append({"role": str(turn.get("role", "")), "content": turn["content"]})
        elif hasattr(turn, "type") and hasattr(turn, "content"):
            turns.append({"role": roles.get(turn.type, turn.type), "content": str(turn.text)})
        else:
            raise AdvisorError(f"the runnable's 'history[{i}]' is not a {{'role', 'content'}} turn or a message")
    return turns


def _request(value: Any) -> tuple[str, str | None, list[dict[str, str]] | None, str | None]:
    """(question, org, history, user) from the runnable's input: a question, or a dict with one."""
    if isinstance(value, str):
        return value, None, None, None
    if not isinstance(value, dict):
        raise AdvisorError(
            f"the runnable's input must be a question or a dict with 'question', got {type(value).__name__}"
        )
    question = value.get("question")
    if not isinstance(question, str) or not question.strip():
        raise AdvisorError("the runnable's input needs a non-empty 'question' string")
    org, user = value.get("org"), value.get("user")
    for name, field in (("org", org), ("user", user)):
        if field is not None and not isinstance(field, str):
            raise AdvisorError(f"the runnable's '{name}' must be a string or None")
    return question, org or None, _history(value.get("history")), user


class AdvisorRunnable(Runnable[Any, Any]):
    """The whole answer path as a Runnable: {"question", "org", "history"} in, the answer JSON
    out. `.stream` yields the model's text (str) as it is written, then the answer JSON (dict)."""

    def __init__(self, advisor: Advisor | None = None, user: str | None = None):
        self.advisor = advisor
        self.user = user

    @property
    def InputType(self) -> Any:
        return dict

    @property
    def OutputType(self) -> Any:
        return dict

    def _items(self, value: Any) -> Iterator[str | dict[str, Any]]:
        question, org, history, user = _request(value)
        adv = _advisor(self.advisor)
        for item in adv.ask_stream(question, org=org, history=history, **_user(user or self.user)):
            yield item.to_dict() if isinstance(item, Answer) else item

    def _answer(self, value: Any) -> dict[str, Any]:
        *_, answer = self._items(value)  # the tokens, then the answer JSON
        assert isinstance(answer, dict), "ask_stream always ends with an Answer"
        return answer

    def _transform(self, values: Iterator[Any]) -> Iterator[str | dict[str, Any]]:
        for value in values:
            yield from self._items(value)

    def invoke(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> dict[str, Any]:
        return self._call_with_config(self._answer, input, config, run_type="chain")

    def stream(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> Iterator[Any]:
        yield from self._transform_stream_with_config(iter([input]), self._transform, config, run_type="chain")

    def batch(
        self,
        inputs: list[Any],
        config: RunnableConfig | list[RunnableConfig] | None = None,
        *,
        return_exceptions: bool = False,
        **kwargs: Any,
    ) -> list[Any]:
        # one question at a time unless the caller asks for more: the embedder and the index
        # are shared, and threads only contend for the same cores
        if not isinstance(config, list) and "max_concurrency" not in (config or {}):
            config = {**(config or {}), "max_concurrency": 1}
        return super().batch(inputs, config, return_exceptions=return_exceptions, **kwargs)


def as_runnable(advisor: Advisor | None = None, *, user: str | None = None) -> AdvisorRunnable:
    """The answer path as a LangChain Runnable (`user` asks as that user unless the input names one)."""
    return AdvisorRunnable(advisor, user)


# ----------------------------------------------------------------------------- indexing


def _page(md: dict[str, Any], page_base: int | None) -> int | None:
    """The 1-based page of a document's metadata. LangChain's PDF loaders (they set
    `total_pages`) count `page` from 0; `page_number` (unstructured) counts from 1."""
    raw, base = md.get("page"), page_base
    if raw is None and md.get("page_number") is not None:
        raw, base = md.get("page_number"), 1 if page_base is None else page_base
    if base is None:
        base = 0 if "total_pages" in md else 1
    try:
        page = int(raw) + 1 - base if raw is not None and not isinstance(raw, bool) else None
    except (TypeError, ValueError):
        return None
    return page if page and page > 0 else None


def _grouped(docs: Iterable[Document]) -> dict[str, list[Document]]:
    """Documents by their `source`, in order; a document without one is an error naming it."""
    groups: dict[str, list[Document]] = {}
    for i, doc in enumerate(docs):
        if not isinstance(doc, Document):
            raise AdvisorError(f"index_documents: item {i} is a {type(doc).__name__}, not a LangChain Document")
        source = str(doc.metadata.get("source") or "").strip()
        if not source:
            raise AdvisorError(
                f"index_documents: document {i} has no metadata 'source'; set it to the document's path or URL"
            )
        groups.setdefault(source, []).append(doc)
    return groups


def _prepared(source: str, docs: list[Document], settings: Settings, org: str, page_base: int | None) -> Prepared:
    """One source's documents chunked like a loaded file, fingerprinted for incremental runs."""
    md = docs[0].metadata
    title = str(md.get("title") or "").strip() or title_from_name(Path(source))
    blocks = [
        Block(d.page_content.strip(), str(d.metadata.get("section") or ""), _page(d.metadata, page_base))
        for d in docs
        if d.page_content and d.page_content.strip()
    ]
    meta = {"source_url": source} if source.startswith(("http://", "https://")) else {}
    chunks: list[Chunk] = chunk_document(
        SourceDocument(source=source, title=title, blocks=blocks, meta=meta),
        doc_type=DocType.USER,
        org=org,
        chunk_size=settings.chunk_size,
        overlap=settings.chunk_overlap,
    )
    described = [[c.chunk_id, c.title, c.section, c.page, c.org] for c in chunks]
    blob = json.dumps([INGEST_VERSION, settings.chunk_size, settings.chunk_overlap, described])
    size = sum(len(d.page_content.encode("utf-8")) for d in docs)
    return Prepared(source, hashlib.sha256(blob.encode("utf-8")).hexdigest(), chunks, size)


def index_documents(
    docs: Iterable[Document], *, org: str = "", advisor: Advisor | None = None, page_base: int | None = None
) -> IndexReport:
    """Index LangChain Documents from any loader, incrementally like files.

    Documents are grouped by `metadata["source"]` (required), and each source is indexed as
    one user document: `title` (else one made from the source's name), `section` and `page`
    are kept. `page` is stored 1-based: pass `page_base=0` or `1` to say how the loader counts
    (by default 0 for LangChain's PDF loaders, recognised by `total_pages`, else 1). Re-running on
    unchanged documents computes no embeddings; a changed source replaces its chunks.
    """
    adv = _advisor(advisor)
    settings, limit = adv.settings, int(adv.settings.max_file_mb * 1e6)
    items, errors = [], []
    for source, group in _grouped(docs).items():
        item = _prepared(source, group, settings, org, page_base)
        if item.size > limit:
            errors.append(
                {
                    "file": source,
                    "error": f"{item.size / 1e6:.3g} MB of text, over the {settings.max_file_mb:g} MB limit; "
                    "split it or raise ADVISOR_MAX_FILE_MB",
                }
            )
        else:
            items.append(item)
    report = adv.index.index_prepared(items)
    report.files_seen += len(errors)
    report.errors += errors
    return report
