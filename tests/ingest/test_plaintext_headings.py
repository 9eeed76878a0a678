"""Plain text: a glossary's term line over its definition is the definition's heading, never
glued into its first sentence; a hard-wrapped paragraph's first line is no heading."""

from __future__ import annotations

from advisor.ingest.plaintext import load_text

GLOSSARY = """Regional Clinical AI Glossary

Concept drift
Concept drift is a change in the relationship between a model's inputs and the outcome it predicts.

A second paragraph says more about concept drift and how it is found in practice.

Data drift
Data drift is a change over time in the distribution of the data a model receives.
"""

WRAPPED = """Committee charter

The committee shall meet
monthly and keep minutes of every meeting that it holds during the year.
"""


def test_a_term_line_heads_its_definition_and_the_paragraphs_after_it(tmp_path):
    path = tmp_path / "glossary.txt"
    path.write_text(GLOSSARY, encoding="utf-8")
    blocks = load_text(path, "glossary.txt").blocks
    drift = [b for b in blocks if b.section == "Concept drift"]
    assert drift[0].text.startswith("Concept drift is a change"), drift[0].text
    assert len(drift) == 2  # the paragraph after the definition is still about the term
    assert any(b.section == "Data drift" and b.text.startswith("Data drift is") for b in blocks)


def test_a_hard_wrapped_paragraph_keeps_its_first_line(tmp_path):
    path = tmp_path / "charter.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    blocks = load_text(path, "charter.txt").blocks
    assert any(b.text.startswith("The committee shall meet") for b in blocks), [b.text for b in blocks]
