"""A Word procedure's two-level numbered list (phases, each with its steps): a step reads as its
phase's, indented under it, and a passage that starts inside the list opens with the item's own
number, so no step opens a passage bare (it was read as a lead-in of the steps after it). Our own
words about a fictional hospital."""

from __future__ import annotations

import re

from advisor.ingest import load_chunks

from .hostile import W_NS, document_xml, docx_from_parts

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

LEAD = "Each request to change a sepsis alert threshold goes through these phases in order."
PHASES = {
    "Proposal.": [
        "The ward's nurse manager writes down the threshold wanted, the reason and the wards affected.",
        "The sepsis lead checks that the proposal names a measure of alert burden and a measure of missed cases.",
    ],
    "Simulation.": [
        "The analytics team replays the last six months of observations through the proposed threshold.",
        "The replay reports how many alerts each ward would have had and how many sepsis cases would have been missed.",
    ],
    "Decision.": [
        "The Deterioration Committee of Ashcombe Vale Hospital approves, rejects or returns the proposal.",
        "An approved threshold is switched on at the start of a calendar month, never mid-month.",
    ],
    "Follow-up.": [
        "The sepsis lead compares missed cases in the three months after the change with the three months before.",
        "A rise of more than one missed case a month sends the threshold back to the committee within ten days.",
    ],
}


def _p(text: str, style: str = "", level: int | None = None) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if level is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr>'
    return f'<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _procedure(path):
    body = [_p("Sepsis Alert Threshold Procedure", "Title"), _p("Threshold changes", "Heading1"), _p(LEAD)]
    for phase, steps in PHASES.items():
        body += [_p(phase, level=0), *(_p(step, level=1) for step in steps)]
    body += [_p("Records", "Heading1"), _p("Every proposal and its replay are kept for six years.")]
    parts = {"word/document.xml": document_xml("".join(body)), "word/styles.xml": STYLES}
    return docx_from_parts(path, {**parts, "word/numbering.xml": NUMBERING})


def test_a_step_is_indented_under_its_phase(tmp_path):
    p = _procedure(tmp_path / "thresholds.docx")
    text = "\n".join(c.text for c in load_chunks(p, str(p), doc_type="user"))
    assert "3. Decision.\n\n   1. The Deterioration Committee of Ashcombe Vale Hospital approves" in text


def test_a_passage_starting_inside_the_list_opens_with_an_items_number(tmp_path):
    p = _procedure(tmp_path / "thresholds.docx")
    chunks = load_chunks(p, str(p), doc_type="user", chunk_size=500, overlap=0)
    chunks = [c for c in chunks if c.section == "Threshold changes"]
    assert len(chunks) >= 3  # the list is split
    assert chunks[0].text.startswith(LEAD)
    steps = [step for phase in PHASES.values() for step in phase]
    for c in chunks[1:]:
        # an item's number, never a step's bare sentence (read as a lead-in of the items after it);
        # the passage goes on with the list closing the passage before, under its lead-in
        assert re.match(r" *\d\. [A-Z]", c.text), c.text[:120]
        assert not any(c.text.startswith(step) for step in steps)
