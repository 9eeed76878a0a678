"""The "Use it from LangChain" snippets of the README run as written, offline, over a small index.

They are read from README.md's "## Use it from LangChain" section.
"""

from __future__ import annotations

import re

import pytest

from ..conftest import ROOT

SECTION = "## Use it from LangChain"


def snippets() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(SECTION, 1)[1]
    section = re.split(r"\n## (?!#)", section, maxsplit=1)[0]  # up to the next top-level section
    return re.findall(r"```python\n(.*?)```", section, re.S)


def run(code: str) -> dict:
    namespace: dict = {"__name__": "__readme__"}
    exec(compile(code, "README snippet", "exec"), namespace)
    return namespace


def test_the_section_has_the_three_snippets():
    codes = snippets()
    assert len(codes) == 3
    assert "AdvisorRetriever" in codes[0] and "as_runnable" in codes[1] and "index_documents" in codes[2]


def test_a_retriever_in_a_chain(lc_home, capsys):
    run(snippets()[0])
    out = capsys.readouterr().out
    assert out.startswith("[1] ") and "GOVERN 1.6" in out and "corpus/guidance/nist-ai-rmf-govern.md" in out


def test_the_runnable_streamed(lc_home, capsys):
    ns = run(snippets()[1])
    out = capsys.readouterr().out
    assert ns["answer"]["mode"] == "offline" and ns["answer"]["citations"]
    assert "GOVERN 1.6" in out and "[1] " in out


def test_a_loader_feeding_the_index(lc_home, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "ai-governance-policy.txt").write_text(
        "The AI steering committee approves every clinical AI model before go-live.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    first = run(snippets()[2])["report"]
    again = run(snippets()[2])["report"]
    assert first.files_indexed == 1 and first.ok and "'files_indexed': 1" in capsys.readouterr().out
    assert again.files_unchanged == 1 and again.embeddings_computed == 0


@pytest.mark.parametrize("prefix", ["openai", "azure_openai", "anthropic", "ollama"])
def test_the_provider_table_lists_what_the_code_accepts(prefix):
    from advisor.providers import PROVIDERS

    text = (ROOT / "README.md").read_text(encoding="utf-8").split(SECTION, 1)[1]
    assert prefix in PROVIDERS and f"`{prefix}:" in text
