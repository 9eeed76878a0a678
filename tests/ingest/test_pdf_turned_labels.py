"""A chart on an upright slide carries its axis title turned a quarter ("Number of models" up the
side). Read upright, that title comes a letter a line, and each letter would head what follows:
the slide's bullets under a heading "N". Turned text on an upright page is no part of its reading;
a page whose text is mostly turned (a landscape table) is still read in its own frame."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import landscape, letter
from reportlab.pdfgen import canvas

from advisor.ingest import load_chunks
from advisor.ingest.pdf import load_pdf

BULLETS = [
    "Clinical decision support largest and highest-risk group",
    "Imaging: all 9 models vendor-supplied",
    "Patient engagement smallest; chatbot paused",
    "Source mix: 13 internal, 28 vendor (7 EHR-embedded), 1 academic partner",
]


def _slide(path: Path, axis: str = "Number of models") -> Path:
    w, h = landscape(letter)
    c = canvas.Canvas(str(path), pagesize=(w, h))
    c.setFont("Helvetica-Bold", 26)
    c.drawString(50, h - 70, "Portfolio by domain")
    # a bar chart on the left: bars, their values, and the axis title turned up the side
    for i, (value, label) in enumerate([(14, "CDS"), (9, "Imaging"), (8, "Operations")]):
        x = 110 + i * 70
        c.rect(x, 120, 40, value * 15, fill=1)
        c.setFont("Helvetica", 9)
        c.drawString(x + 12, 125 + value * 15, str(value))
        c.drawString(x, 105, label)
    c.saveState()
    c.translate(80, 200)
    c.rotate(90)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(0, 0, axis)
    c.restoreState()
    c.setFont("Helvetica-Bold", 14)
    c.drawString(430, h - 140, "So what")
    c.setFont("Helvetica", 11)
    for i, text in enumerate(BULLETS):
        c.drawString(430, h - 170 - i * 22, f"\u2022 {text}")
    c.save()
    return path


def test_an_axis_title_turned_up_the_side_heads_nothing(tmp_path):
    doc = load_pdf(_slide(tmp_path / "deck.pdf"), "deck")
    sections = {b.section for b in doc.blocks if b.kind == "text"}
    assert all(len(part) > 1 for s in sections for part in s.split(" > ")), sections
    listed = [b for b in doc.blocks if "Imaging: all 9 models" in b.text]
    assert listed and listed[0].section.endswith("So what"), [(b.section, b.text) for b in doc.blocks]


def test_the_list_under_its_heading_stays_one_list(tmp_path):
    chunks = load_chunks(_slide(tmp_path / "deck.pdf"), "deck.pdf", doc_type="user")
    text = "\n".join(c.text for c in chunks)
    for bullet in BULLETS:
        assert bullet in text, text
    assert "\nN\n" not in text and "s\nl\ne" not in text, text
    under = {c.section.split(" > ")[-1] for c in chunks if "Source mix" in c.text}
    assert under == {"So what"}, under


def test_a_page_turned_whole_is_still_read(tmp_path):
    """A landscape table printed turned on a portrait page: most of its text is turned, so the
    page is read in the table's frame, not dropped with the upright page's stray labels."""
    path = tmp_path / "turned.pdf"
    w, h = letter
    c = canvas.Canvas(str(path), pagesize=(w, h))
    c.saveState()
    c.translate(w - 60, 60)
    c.rotate(90)
    c.setFont("Helvetica", 11)
    for i, line in enumerate(
        [
            "Risk register: every model in production is reviewed each quarter by its owner.",
            "The committee approves a new model only after a local validation on our patients.",
            "A model that drifts beyond its threshold is suspended until it is revalidated.",
        ]
    ):
        c.drawString(0, -i * 20, line)
    c.restoreState()
    c.save()
    text = "\n".join(c.text for c in load_chunks(path, "turned.pdf", doc_type="user"))
    assert "reviewed each quarter by its owner" in text, text
    assert "suspended until it is revalidated" in text, text
