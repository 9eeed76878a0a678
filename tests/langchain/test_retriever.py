"""AdvisorRetriever: our hybrid search as a LangChain retriever, alone and inside LCEL chains."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from langchain_core.documents import Document
from langchain_core.language_models.fake_chat_models import ParrotFakeChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from advisor.chunk import Chunk
from advisor.langchain import SEARCH_FIELDS, AdvisorRetriever
from advisor.retrieve import Hit, SearchResult


def format_docs(docs: list[Document]) -> str:
    return "\n".join(
        f"[{d.metadata['rank']}] {d.metadata['title']} ({d.metadata['source']}): {d.page_content}" for d in docs
    )


def test_documents_carry_the_search_json_fields(lc_advisor, lc_home):
    retriever = AdvisorRetriever(k=3)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("What does GOVERN 1.6 require?")
    assert len(docs) == 3 and all(isinstance(d, Document) for d in docs)
    assert all(set(d.metadata) == set(SEARCH_FIELDS) for d in docs)
    assert [d.metadata["rank"] for d in docs] == [1, 2, 3]
    top = docs[0]
    assert "GOVERN 1.6" in top.page_content and top.id == top.metadata["chunk_id"]
    # the same ranking as `advisor search --json`
    expected = [h.to_dict() for h in lc_advisor.search("What does GOVERN 1.6 require?", k=3)]
    assert [d.metadata for d in docs] == [{k: row[k] for k in SEARCH_FIELDS} for row in expected]
    assert [d.page_content for d in docs] == [row["text"] for row in expected]


def test_organization_results_only_with_that_organization(lc_home):
    question = "How does Meridian score on the AI strategy?"
    shared = AdvisorRetriever(k=6).invoke(question)
    scoped = AdvisorRetriever(org="meridian-health", k=6).invoke(question)
    assert all(d.metadata["org"] is None for d in shared)
    assert any(d.metadata["org"] == "meridian-health" and d.metadata["doc_type"] == "assessment" for d in scoped)


def test_doc_type_filter_narrows_the_search(lc_home):
    docs = AdvisorRetriever(org="meridian-health", k=4, doc_types=["guidance"]).invoke("AI strategy governance")
    assert docs and all(d.metadata["doc_type"] == "guidance" for d in docs)


def test_retriever_in_an_lcel_chain(lc_home):
    chain = AdvisorRetriever(k=2) | RunnableLambda(format_docs)
    text = chain.invoke("How often are sepsis models checked for drift?")
    assert text.startswith("[1] Monitoring guide (") and "checked monthly for calibration drift" in text


def test_retriever_feeds_a_prompt_and_a_chat_model(lc_home):
    prompt = ChatPromptTemplate.from_messages([("human", "Context:\n{context}\n\nQuestion: {question}")])
    chain = (
        {"context": AdvisorRetriever(k=2) | RunnableLambda(format_docs), "question": RunnablePassthrough()}
        | prompt
        | ParrotFakeChatModel()  # echoes the prompt it was given
        | StrOutputParser()
    )
    out = chain.invoke("How often are sepsis models checked for drift?")
    assert "Question: How often are sepsis models checked for drift?" in out and "checked monthly" in out


def _hit(chunk_id: str, quarantine: str = "", org: str = "") -> Hit:
    chunk = Chunk(chunk_id, f"text of {chunk_id}", f"{chunk_id}.md", chunk_id.title(), quarantine=quarantine, org=org)
    return Hit(chunk, 0.5, rank=0)


def test_quarantined_passages_are_never_returned():
    hits = [_hit("a"), _hit("b", quarantine="instruction to the assistant"), _hit("c")]
    stub = SimpleNamespace(retriever=SimpleNamespace(search=lambda q, k, filters: SearchResult(hits=hits)))
    docs = AdvisorRetriever(k=6, advisor=stub).invoke("anything")
    assert [d.metadata["chunk_id"] for d in docs] == ["a", "c"] and [d.metadata["rank"] for d in docs] == [1, 2]


def test_a_user_searches_through_the_advisor_with_their_grants():
    calls = []

    def search(query, k=None, org=None, user=None):
        calls.append({"query": query, "k": k, "org": org, "user": user})
        if org == "other":
            raise PermissionError("denied")
        return [_hit("a", org=org or "")]

    stub = SimpleNamespace(search=search, settings=SimpleNamespace(candidates=40))
    docs = AdvisorRetriever(org="meridian-health", k=3, user="ann", advisor=stub).invoke("q")
    assert calls == [{"query": "q", "k": 3, "org": "meridian-health", "user": "ann"}]
    assert docs[0].metadata["org"] == "meridian-health"
    with pytest.raises(PermissionError):
        AdvisorRetriever(org="other", user="ann", advisor=stub).invoke("q")
