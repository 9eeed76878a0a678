"""A web page printed to PDF (as a browser prints an intranet policy): its "Contents" list is
links without page numbers, or empty, and the page goes on with the document's first sections
(fictional organisation, our own words)."""

from __future__ import annotations

from fpdf import FPDF

from advisor.ingest import BlockKind, load_chunks, load_document


def _printed(path, entries: list[str]):
    pdf = FPDF()
    pdf.add_page()

    def heading(text: str) -> None:
        pdf.ln(4)  # a browser's margin over each heading
        pdf.set_font("Helvetica", "B", size=15)
        pdf.cell(0, 10, text, new_x="LMARGIN", new_y="NEXT")

    def para(text: str) -> None:
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)

    heading("Abstract")
    para("This policy sets out how Orlin Health Board approves prediction software for its wards.")
    heading("Contents")
    pdf.set_font("Helvetica", size=11)
    for entry in entries:
        pdf.cell(0, 6, entry, new_x="LMARGIN", new_y="NEXT")
    heading("1. Ownership")
    para("2024-2026, Orlin Health Board Digital Office")
    para("Every approved tool has a named clinical owner who signs its annual review.")
    heading("2. Approval")
    para("The digital safety panel approves a tool only after a silent trial of at least 8 weeks.")
    pdf.output(str(path))
    return path


def test_a_printed_pages_empty_contents_heading_does_not_swallow_the_sections_under_it(tmp_path):
    p = _printed(tmp_path / "policy.pdf", [])
    chunks = load_chunks(p, str(p), doc_type="user")
    owner = next(c for c in chunks if "named clinical owner" in c.text)
    assert owner.section == "1. Ownership" and "2024-2026, Orlin Health Board Digital Office" in owner.text
    trial = next(c for c in chunks if "silent trial of at least 8 weeks" in c.text)
    assert trial.section == "2. Approval"


def test_contents_linked_without_page_numbers_are_never_quoted(tmp_path):
    p = _printed(tmp_path / "policy.pdf", ["1. Ownership", "2. Approval", "3. Monitoring after go-live"])
    blocks = load_document(p, str(p)).blocks
    toc = " ".join(b.text for b in blocks if b.kind == BlockKind.TOC)
    assert "3. Monitoring after go-live" in toc and "named clinical owner" not in toc
    text = " ".join(c.text for c in load_chunks(p, str(p), doc_type="user"))
    assert "Monitoring after go-live" not in text
    assert "The digital safety panel approves a tool only after a silent trial of at least 8 weeks." in text


def test_a_running_head_opening_in_lower_case_stays_furniture_where_a_sentence_runs_over(tmp_path):
    # a title such as "eHealth ..." atop each page in small type; the page before ends mid-sentence
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    body = [
        "The eHealth board reviews each request for a new clinical tool at its monthly meeting and",
        "records its decision in the register of approved tools within five working days of the",
    ]
    for n in range(6):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(80, 6)
        pdf.cell(60, 4, "eHealth records and tools policy")
        pdf.set_font("Helvetica", size=12)
        pdf.set_xy(10, 12)
        opening = "meeting at which it was taken." if n else "Approval of clinical tools."
        for line in [opening, *body]:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "ehealth.pdf"
    pdf.output(str(path))
    text = "\n".join(c.text for c in load_chunks(path, "ehealth.pdf", doc_type="user"))
    assert "eHealth records and tools policy" not in text
    assert "within five working days of the meeting at which it was taken." in " ".join(text.split())


def test_a_printed_headings_permalink_sign_is_no_part_of_its_section(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    for heading, text in [
        ("Escalation\u00b6", "A score of 7 or more is escalated to the outreach team within 30 minutes."),
        ("Night cover \u00b6", "At night the registrar on call answers the escalation."),
    ]:
        pdf.set_font("Helvetica", "B", size=15)
        pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    path = tmp_path / "printed.pdf"
    pdf.output(str(path))
    chunks = load_chunks(path, "printed.pdf", doc_type="user")
    assert {c.section for c in chunks} == {"Escalation", "Night cover"}
    assert "\u00b6" not in "".join(c.text for c in chunks)


def test_the_padding_around_an_inline_code_span_is_no_space_before_the_full_stop(tmp_path):
    # a browser pads an inline <code> span; the gap after it reads as a space before the stop
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(10, 20)
    pdf.cell(
        pdf.get_string_width("The analyst restarts the service with ") + 0.5,
        6,
        "The analyst restarts the service with ",
    )
    pdf.set_font("Courier", size=10)
    pdf.cell(pdf.get_string_width("svc-restart") + 4, 6, "svc-restart", align="C")
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, ". Scores resume within two minutes.")
    path = tmp_path / "printed.pdf"
    pdf.output(str(path))
    text = " ".join(c.text for c in load_chunks(path, "printed.pdf", doc_type="user"))
    assert "with svc-restart. Scores resume within two minutes." in text, text
