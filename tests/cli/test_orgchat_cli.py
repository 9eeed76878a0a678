"""`advisor ask` on the command line: organization-aware answers, and citation lines that say
whose words they are (our summary, never the publisher's quote), how current, and where the
original lives (the publisher's URL, never a file path). Runs over the small indexed fixture home."""

from __future__ import annotations

import json

from click.testing import CliRunner

from advisor.cli import main

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home (indexed fixture home), hash_model_dir

NB = "northbridge-academic"
NIST_URL = "https://nvlpubs.nist.gov/nistpubs/ai/nist.ai.100-1.pdf"


def _ask(*args: str):
    res = CliRunner().invoke(main, ["ask", *args])
    assert res.exit_code == 0, res.output
    return res


def _source_lines(stdout: str) -> list[str]:
    return [ln for ln in stdout.splitlines() if ln.startswith("[")]


def test_ask_labels_bundled_guidance_as_our_summary_with_as_of_and_the_publishers_url(ui_home):
    res = _ask("What does GOVERN 1.6 require?")
    lines = _source_lines(res.stdout)
    assert lines, res.stdout
    govern = [ln for ln in lines if "NIST AI RMF 1.0" in ln]
    assert govern and all(
        ln.split("] ", 1)[1].startswith("Readiness Advisor summary of NIST AI RMF 1.0") for ln in govern
    )
    assert all(" · as of 20" in ln and ln.endswith(f" — {NIST_URL}") for ln in govern), govern
    assert "corpus/" not in res.stdout and ".md" not in res.stdout  # no internal file paths
    assert "Publisher" not in res.stdout and "Quote" not in res.stdout


def test_ask_with_an_organization_answers_from_its_assessment_and_keeps_the_json_contract(ui_home):
    res = _ask("What should we fix first?", "--org", NB)
    text = res.stdout
    assert "Northbridge University Medical Center" in text and "Build and maintain an AI system inventory" in text
    assert any("Assessment results of Northbridge University Medical Center" in ln for ln in _source_lines(text))
    ans = json.loads(_ask("What should we fix first?", "--org", NB, "--json").stdout)
    assert ans["citations"] and all(
        set(c) == {"marker", "chunk_id", "source", "title", "section", "page", "quote"} for c in ans["citations"]
    )
    assert any(NB in c["source"] for c in ans["citations"])
