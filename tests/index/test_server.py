"""Server mode: the same code against a real `chroma run` server on a free loopback port."""

from __future__ import annotations

import pytest

from advisor.index import Index
from advisor.retrieve import Filters, Retriever
from advisor.settings import Settings

from ..deploy import servers

pytestmark = pytest.mark.server


@pytest.fixture
def chroma_server(tmp_path):
    """The URL of a `chroma run` on a free loopback port, data in tmp."""
    with servers.chroma_server(tmp_path / "server-data") as url:
        yield url


def test_index_and_search_through_a_chroma_server(chroma_server, tmp_path, monkeypatch):
    import chromadb

    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ADVISOR_CHROMA_URL", chroma_server)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "inventory.md").write_text("# Inventory\n\nThe AI inventory records owner, vendor and risk tier.\n")
    (docs / "alpha.md").write_text("# Alpha\n\nAlpha Health plans an ambient scribe pilot.\n")
    s = Settings.from_env()
    assert s.chroma_url == chroma_server
    ix = Index(s)
    assert ix.index_paths([docs / "inventory.md"]).ok
    assert ix.index_paths([docs / "alpha.md"], org="alpha").ok
    # the vectors live in the server, not in ADVISOR_HOME
    assert not (s.home / "chroma").exists()
    client = chromadb.HttpClient(host="127.0.0.1", port=int(chroma_server.rsplit(":", 1)[1]))
    assert client.get_collection(s.collection).count() == 2
    r = Retriever(ix)
    hits = r.search("who owns the AI inventory", k=2)
    assert [h.chunk.org for h in hits] == [""]
    assert "risk tier" in hits[0].chunk.text
    assert any(h.chunk.org == "alpha" for h in r.search("ambient scribe pilot", k=2, filters=Filters(org="alpha")))
    # a second run is a no-op against the server too
    again = ix.index_paths([docs / "inventory.md"])
    assert again.files_unchanged == 1 and again.embeddings_computed == 0
