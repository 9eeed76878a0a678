"""An added PDF is listed by its own title: the metadata title, else its first heading, and
only then its file name."""

from __future__ import annotations

from fpdf import FPDF

from advisor.ingest import load_document

BODY = (
    "Every sepsis model in production is reviewed by the AI governance committee each quarter. "
    "The review covers calibration drift, alert burden and equity across patient groups. "
) * 4


def _pdf(path, *, meta_title: str = "") -> None:
    pdf = FPDF()
    if meta_title:
        pdf.set_title(meta_title)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=22)
    pdf.multi_cell(0, 12, "Sepsis Model Oversight Policy", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, BODY, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", style="B", size=15)
    pdf.multi_cell(0, 9, "Quarterly review", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, BODY, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def test_title_comes_from_the_first_heading_without_metadata(tmp_path):
    path = tmp_path / "scan_0042_final-v3.pdf"
    _pdf(path)
    assert load_document(path, "scan_0042_final-v3.pdf").title == "Sepsis Model Oversight Policy"


def test_placeholder_metadata_title_is_ignored_and_a_real_one_kept(tmp_path):
    placeholder = tmp_path / "a.pdf"
    _pdf(placeholder, meta_title="Microsoft Word - policy_draft.docx")
    assert load_document(placeholder, "a.pdf").title == "Sepsis Model Oversight Policy"
    real = tmp_path / "b.pdf"
    _pdf(real, meta_title="Northbridge Sepsis Model Policy 2026")
    assert load_document(real, "b.pdf").title == "Northbridge Sepsis Model Policy 2026"
