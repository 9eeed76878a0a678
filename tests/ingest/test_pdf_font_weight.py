"""A browser's print of a documentation page embeds its web fonts with weights that say little:
the code font "SourceCodePro-Medium" came out declaring 828 (bolder than the page's bold font),
so every short code line read as a bold heading over the text after it. A font whose name
states its weight is read by its name (fictional runbook, our own words)."""

from __future__ import annotations

from fontTools.ttLib import TTFont
from fpdf import FPDF

from advisor.ingest import load_chunks

MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _renamed(tmp_path, source: str, family: str, style: str, weight: int):
    """A copy of a font named `family-style` whose OS/2 table declares `weight`."""
    font = TTFont(source)
    font["OS/2"].usWeightClass = weight
    for record in font["name"].names:
        if record.nameID in (1, 4, 6):
            record.string = f"{family}-{style}" if record.nameID == 6 else f"{family} {style}"
        elif record.nameID == 2:
            record.string = style
    path = tmp_path / f"{family}-{style}.ttf"
    font.save(path)
    return str(path)


def _runbook(tmp_path, code_weight: int):
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Body", fname=_renamed(tmp_path, SANS, "Bodytext", "Regular", 400))
    pdf.add_font("Head", fname=_renamed(tmp_path, SANS_BOLD, "Bodytext", "Bold", 700))
    pdf.add_font("Code", fname=_renamed(tmp_path, MONO, "Codeface", "Medium", code_weight))
    pdf.set_font("Head", size=16)
    pdf.cell(0, 10, "Restarting the scoring service", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Body", size=11)
    pdf.multi_cell(0, 6, "The on-call analyst restarts the sepsis scoring service with this command:")
    pdf.ln(2)
    pdf.set_font("Code", size=9.5)
    pdf.cell(0, 6, "$ systemctl restart sepsis-score", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Body", size=11)
    pdf.multi_cell(0, 6, "Scores resume within two minutes and the analyst records the restart in the log.")
    path = tmp_path / "runbook.pdf"
    pdf.output(str(path))
    return path


def test_a_code_font_declaring_a_heavy_weight_is_no_heading(tmp_path):
    chunks = load_chunks(_runbook(tmp_path, code_weight=900), "runbook.pdf", doc_type="user")
    resume = next(c for c in chunks if "Scores resume within two minutes" in c.text)
    assert resume.section == "Restarting the scoring service"
    assert "$ systemctl restart sepsis-score" in "\n".join(c.text for c in chunks)


MONO_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"


def test_code_outnumbering_the_prose_is_no_body_text_and_heads_nothing(tmp_path):
    # an interface guide: more code than prose, its comments highlighted in bold
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Body", fname=SANS)
    pdf.add_font("Head", fname=SANS_BOLD)
    pdf.add_font("Code", fname=MONO)
    pdf.add_font("CodeBold", fname=MONO_BOLD)
    pdf.set_font("Head", size=16)
    pdf.cell(0, 10, "Sending results to the registry", new_x="LMARGIN", new_y="NEXT")
    for n in range(3):
        pdf.set_font("Body", size=11)
        pdf.multi_cell(0, 6, f"Step {n + 1}: the interface engine posts each result as this message.")
        pdf.ln(2)
        pdf.set_font("CodeBold", size=9)
        pdf.cell(0, 5, "// result message, one per observation", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Code", size=9)
        for line in [
            'POST /fhir/Observation HTTP/1.1 {"resourceType": "Observation", "status": "final",',
            '"code": {"coding": [{"system": "http://loinc.org", "code": "2160-0"}]},',
            '"valueQuantity": {"value": 1.2, "unit": "mg/dL"}, "subject": {"reference": "Patient/1"}}',
        ]:
            pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    path = tmp_path / "interface.pdf"
    pdf.output(str(path))
    chunks = load_chunks(path, "interface.pdf", doc_type="user")
    assert {c.section for c in chunks} == {"Sending results to the registry"}, {c.section for c in chunks}
    assert "Step 3: the interface engine posts each result as this message." in "\n".join(c.text for c in chunks)
