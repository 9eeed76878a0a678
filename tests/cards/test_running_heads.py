"""A code printed only in a document's running header or footer (a 510(k) summary's K-number atop
every page) can be asked for: it becomes one citable field line on the first page carrying it
("Page header: K243310"), while the running line itself (with its "Page 2 of 3") is never quoted.
Sentences are our own words about fictional products."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from advisor.ingest import load_chunks

from .conftest import CARDS, first_source

MVO = "K243310_Halvard_NeuroTriage_MVO_510k_summary"

BODY = (
    "The device analyses chest radiographs and flags studies that suggest a pneumothorax, so that a "
    "radiologist can read them first. It does not replace a full reading of the images."
)


def _headed_pdf(path: Path, head: str, *, foot: str = "", body: str = BODY) -> Path:
    """Three pages of prose under a running header `head` (and footer `foot`) with page numbers."""

    class _Doc(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=9)
            self.cell(0, 5, head, align="R", new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            if foot:
                self.set_y(-14)
                self.set_font("Helvetica", size=8)
                self.cell(0, 6, foot, align="C")

    pdf = _Doc()
    for n in range(3):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 8, f"Section {n + 1}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for _ in range(4):
            pdf.multi_cell(0, 6, body, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))
    return path


def _chunks(path: Path):
    return load_chunks(path, str(path), doc_type="user")


def test_a_code_in_a_running_header_is_one_citable_line_on_its_first_page(tmp_path):
    chunks = _chunks(_headed_pdf(tmp_path / "summary.pdf", "K991234", foot="Acme Imaging DOC-7781-B"))
    lines = [ln for c in chunks for ln in c.text.split("\n") if "K991234" in ln or "DOC-7781-B" in ln]
    assert lines == ["Page header: K991234", "Page footer: Acme Imaging DOC-7781-B"]
    held = [c for c in chunks if "K991234" in c.text]
    assert [(c.page, c.meta.get("running")) for c in held] == [(1, "header")]
    text = "\n".join(c.text for c in chunks)
    assert "Page 2 of 3" not in text and "of 3" not in text  # the page numbering stays furniture


def test_a_running_line_without_a_code_or_with_one_the_text_states_adds_nothing(tmp_path):
    plain = _chunks(_headed_pdf(tmp_path / "plain.pdf", "Acme Imaging | Product datasheet"))
    assert not any("Page header" in c.text or "Product datasheet" in c.text for c in plain)
    stated = BODY + " Its clearance is K991234."
    again = _chunks(_headed_pdf(tmp_path / "stated.pdf", "K991234", body=stated))
    assert not any("Page header" in c.text for c in again)


@pytest.mark.slow
def test_a_clearance_number_printed_only_in_the_page_header_is_answered_from_its_own_document(advisor):
    # indexed beside the vendor cards alone, the maker's name is in half the passages and weighs too
    # little for the header line to count as naming the product: declined (closing note, stop 27)
    if not CARDS.is_dir():
        pytest.skip(f"measured with the shared CHAI model cards indexed too; {CARDS} is absent")
    ans = advisor.ask("What clearance number did the FDA give Halvard's medium vessel occlusion triage product?")
    assert not ans.abstained, ans.answer
    assert first_source(ans) == MVO, [c.source for c in ans.citations]
    assert ans.answer.startswith("Page header: K243310 [1]")
    assert "Page 1 of 3" not in ans.answer
