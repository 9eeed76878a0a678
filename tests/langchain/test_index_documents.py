"""index_documents(): LangChain Documents from any loader feed the index, incrementally like files."""

from __future__ import annotations

import pytest
from langchain_community.document_loaders import CSVLoader, TextLoader
from langchain_core.documents import Document

from advisor.answer import Advisor
from advisor.errors import AdvisorError
from advisor.langchain import AdvisorRetriever, index_documents
from advisor.settings import Settings

POLICY = (
    "Meridian AI governance policy\n\n"
    "The AI steering committee approves every clinical AI model before go-live. "
    "Each approval records the clinical owner, the validation report and the monitoring plan.\n\n"
    "Vendor models are re-validated on local data within 90 days of deployment.\n"
)


@pytest.fixture
def policy(tmp_path):
    path = tmp_path / "policies" / "ai-governance-policy.txt"
    path.parent.mkdir()
    path.write_text(POLICY, encoding="utf-8")
    return path


def test_text_loader_documents_are_indexed_and_cited(lc_home, policy):
    report = index_documents(TextLoader(str(policy)).load())
    assert report.ok and report.files_indexed == 1 and report.chunks_added >= 1 and report.embeddings_computed >= 1
    docs = AdvisorRetriever(k=3).invoke("Who approves clinical AI models before go-live?")
    top = docs[0]
    assert top.metadata["source"] == str(policy) and top.metadata["doc_type"] == "user"
    assert top.metadata["title"] == "ai governance policy" and "steering committee" in top.page_content
    ans = Advisor(Settings.from_env()).ask("Who approves clinical AI models before go-live?")
    assert any(c.source == str(policy) for c in ans.citations)


def test_rerunning_on_unchanged_documents_computes_no_embeddings(lc_home, policy):
    first = index_documents(TextLoader(str(policy)).load())
    again = index_documents(TextLoader(str(policy)).load())
    assert first.files_indexed == 1
    assert again.files_unchanged == 1 and again.files_indexed == 0 and again.embeddings_computed == 0
    policy.write_text(POLICY + "\nThe committee meets every second Tuesday.\n", encoding="utf-8")
    changed = index_documents(TextLoader(str(policy)).load())
    assert changed.files_indexed == 1 and changed.chunks_removed >= 1
    assert changed.embeddings_computed < first.embeddings_computed + 2  # unchanged passages come from the cache
    assert any(
        "second Tuesday" in d.page_content for d in AdvisorRetriever(k=3).invoke("When does the committee meet?")
    )


def test_csv_loader_rows_become_one_document(lc_home, tmp_path):
    path = tmp_path / "ai-inventory.csv"
    path.write_text(
        "system,owner,risk tier\nSepsis early warning,CMIO,high\nAmbient scribe,CNIO,medium\n", encoding="utf-8"
    )
    report = index_documents(CSVLoader(str(path)).load())
    assert report.ok and report.files_indexed == 1
    docs = AdvisorRetriever(k=2).invoke("Who owns the sepsis early warning system?")
    assert docs[0].metadata["source"] == str(path) and "owner: CMIO" in docs[0].page_content


def test_title_and_pages_are_kept(lc_home):
    pdf_like = [  # LangChain's PDF loaders count pages from 0 and say how many there are
        Document(
            "Page one text about AI model validation cadence.",
            metadata={"source": "s.pdf", "page": 0, "total_pages": 2},
        ),
        Document(
            "Page two text about drift monitoring dashboards.",
            metadata={"source": "s.pdf", "page": 1, "total_pages": 2},
        ),
    ]
    page_numbered = [
        Document(
            "The wiki page on model retirement criteria.",
            metadata={"source": "https://wiki.example.org/retire", "title": "Retirement criteria", "page": 4},
        )
    ]
    assert index_documents(pdf_like + page_numbered).files_indexed == 2
    by_source = {}
    for d in AdvisorRetriever(k=6).invoke("model validation drift monitoring retirement criteria"):
        by_source.setdefault(d.metadata["source"], []).append(d.metadata)
    assert sorted(m["page"] for m in by_source["s.pdf"]) == [1, 2]
    wiki = by_source["https://wiki.example.org/retire"][0]
    assert wiki["title"] == "Retirement criteria" and wiki["page"] == 4


def test_a_document_without_a_source_is_refused_naming_it(lc_home):
    with pytest.raises(AdvisorError, match=r"document 1 has no metadata 'source'"):
        index_documents([Document("ok", metadata={"source": "a.txt"}), Document("no source here")])
    with pytest.raises(AdvisorError, match="not a LangChain Document"):
        index_documents(["plain text"])


def test_an_oversized_document_is_reported_and_the_rest_indexed(lc_home, monkeypatch):
    monkeypatch.setenv("ADVISOR_MAX_FILE_MB", "0.001")
    big = Document("word " * 400, metadata={"source": "big.txt"})
    small = Document("A short note on AI inventory owners.", metadata={"source": "small.txt"})
    report = index_documents([big, small], advisor=Advisor(Settings.from_env()))
    assert report.files_seen == 2 and report.files_indexed == 1
    assert report.errors == [
        {"file": "big.txt", "error": "0.002 MB of text, over the 0.001 MB limit; split it or raise ADVISOR_MAX_FILE_MB"}
    ]
