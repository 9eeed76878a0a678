"""Questions that cite a control by its identifier ("What does GOVERN 1.6 require?", "What about
MAP 1.5?") are answered from the documents that explain that control, not from a crosswalk row."""

from __future__ import annotations

from advisor.answer.frameworks import FrameworkIntent, framework_question
from advisor.frameworks import bundled_catalog
from advisor.index import Index
from advisor.retrieve import Retriever
from advisor.settings import PROJECT_DIR, Settings

CROSSWALK = PROJECT_DIR / "corpus" / "frameworks" / "crosswalks" / "nist-ai-rmf--iso-iec-42001.yaml"
GUIDE = (
    "---\ntitle: Govern guide\nframework: test-guide\n---\n# Govern guide\n\n"
    "## GOVERN 1.6 — Mechanisms to inventory AI systems\n\n"
    "GOVERN 1.6 calls for mechanisms to inventory AI systems, resourced according to organizational risk priorities.\n"
)


def test_a_control_named_map_is_not_a_mapping_question():
    catalog = bundled_catalog()
    assert framework_question("What does MAP 1.5 require?", catalog, None) is None
    assert framework_question("What about MAP 1.5?", catalog, None) is None
    asked = framework_question("Which ISO/IEC 42001 controls does MAP 1.5 map to?", catalog, None)
    assert asked is not None and asked.intent == FrameworkIntent.MAPPING and asked.control.id == "MAP 1.5"


def test_an_identifier_is_expanded_with_its_heading_not_a_crosswalk_row(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "govern.md").write_text(GUIDE, encoding="utf-8")
    s = Settings.from_env({"ADVISOR_HOME": str(tmp_path / "home")})
    ix = Index(s)
    report = ix.index_paths([docs, CROSSWALK])  # its rows are headed "GOVERN 1.6 → ISO/IEC 42001 ..."
    assert report.ok and report.files_indexed == 2, report.errors
    expanded = Retriever(ix).expand("What does GOVERN 1.6 require?")
    assert "Mechanisms to inventory AI systems" in expanded and "ISO" not in expanded
