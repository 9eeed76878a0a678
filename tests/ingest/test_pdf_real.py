"""The real AI RMF Playbook and CHAI vendor model cards (skipped when ../shared is absent)."""

from __future__ import annotations

import re

import pytest

from advisor.ingest import BlockKind, chunk_document, load_document

from .realdocs import CHAI_CARDS, PLAYBOOK, realdoc


@pytest.fixture(scope="module")
def playbook():
    pdf = realdoc(PLAYBOOK)
    doc = load_document(pdf, str(pdf))
    return doc, chunk_document(doc)


@pytest.mark.slow
def test_playbook_statement_lands_on_its_physical_page_under_its_outline_heading(playbook):
    doc, chunks = playbook
    hits = [c for c in chunks if "Mechanisms are in place to inventory AI systems and are resourced" in c.text]
    assert hits and {c.page for c in hits} == {15}
    assert all("GOVERN 1.6" in c.section for c in hits)
    with_chunks = {c.page for c in chunks}
    assert len(with_chunks) > 115
    # a page without chunks is a cover, divider, table of contents or reference list
    for page in set(range(1, 143)) - with_chunks:
        assert {b.kind for b in doc.blocks if b.page == page} <= {
            BlockKind.TOC,
            BlockKind.REFERENCES,
            BlockKind.FURNITURE,
        }


@pytest.mark.slow
def test_playbook_toc_furniture_references_and_headings_are_never_chunked(playbook):
    doc, chunks = playbook
    assert {b.page for b in doc.blocks if b.kind == BlockKind.TOC} >= {2, 3, 4}
    assert not any(c.page in (2, 3, 4) for c in chunks)  # the table-of-contents pages
    for c in chunks:
        assert not re.search(r"\.{5,}|…\s*\d+\s*$", c.text), c.text[:80]  # TOC leaders
        assert not re.search(r"(?m)^\d+ of 137$", c.text)  # running footers
        assert c.text.strip() not in {"About", "Suggested Actions", "References", "Transparency & Documentation"}
    text = "\n".join(c.text for c in chunks)
    # reference list entries are recognised (kept as blocks for the record, never chunked)
    assert "Framework for improving critical infrastructure cybersecurity" not in text
    assert any("Framework for improving critical" in b.text for b in doc.blocks if b.kind == BlockKind.REFERENCES)


@pytest.mark.slow
def test_playbook_bullets_keep_their_lead_in_section(playbook):
    _, chunks = playbook
    actions = [c for c in chunks if c.page == 15 and c.section.endswith("GOVERN 1.6 > Suggested Actions")]
    assert actions and actions[0].text.startswith("- Establish policies that define the creation and maintenance")


def test_playbook_words_broken_across_boxes_and_pages_are_rejoined(playbook):
    _, chunks = playbook
    text = " ".join(c.text for c in chunks)
    spaced = re.findall(r"\b[^\W\d_]+- (?!(?:and|or|nor|to|vs)\b)[a-z]\w*", text)
    assert spaced == []  # "course- corrected", "non- measurement" were quoted so
    assert "course-corrected" in text and "pre- and post-" in text


@pytest.mark.parametrize("card", CHAI_CARDS)
def test_chai_cards_ligatures_and_line_end_hyphens(card):
    pdf = realdoc(card)
    text = " ".join(c.text for c in chunk_document(load_document(pdf, str(pdf))))
    assert "\ufffe" not in text and "\u00ad" not in text
    for broken in ("noti cation", "work ow", " agging", "ﬁ", "ﬂ"):
        assert broken not in text
    if "Aidoc" in card:
        assert all(w in text for w in ("notification", "workflow", "flagging"))
    if "AD-01" in card:
        assert "X-rays" in text  # a real hyphen at a line end stays ("xrays" is no word)
    if "OrbDoc" in card:
        assert "doctor-patient conversations" in text


def test_chai_card_keeps_whole_field_sentences_on_their_pages():
    pdf = realdoc(CHAI_CARDS[0])
    doc = load_document(pdf, str(pdf))
    summary = [b for b in doc.blocks if "radiological computer-aided triage and notification software" in b.text]
    assert summary and summary[0].page == 1
    # the left column's summary is read whole, not interleaved with the right column's lines
    assert "(AD) pathology. BriefCase uses an artificial intelligence algorithm" in " ".join(summary[0].text.split())
    assert {b.section for b in doc.blocks if b.text.startswith("Known risks and limitations")} == {"Warnings"}
    chunks = chunk_document(doc)
    assert any(c.page == 5 and "overall agreement between the ground truth and algorithm" in c.text for c in chunks)
