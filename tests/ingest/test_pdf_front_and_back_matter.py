"""PDFs printed from HTML: a title block over its byline or parties, a metadata title that is only
the source file's name, a definition opening with a bold term, and the statement after the
references."""

from __future__ import annotations

from advisor.chunk import DocType
from advisor.ingest import load_chunks

from ..chromium_pdf import print_html

REPORT = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>eval_report.html</title><style>
body { font-family: "DejaVu Serif", serif; font-size: 9.5pt; }
h1 { font-size: 16pt; text-align: center; }
.by { text-align: center; font-size: 10pt; }
h2 { font-size: 10.5pt; }
.refs { font-size: 7.5pt; }
</style></head><body>
<h1>Retrospective Audit of the TallowMark Fall-Risk Score in the Four Surgical Wards of Osterlund Community Hospitals</h1>
<div class="by">Marguerite Obi, RN; Felix Brannagh, PhD. Osterlund Quality Office, May 2027.</div>
<h2>1. Introduction</h2>
<p>The TallowMark score estimates the chance of an inpatient fall within 48 hours. This audit asked
whether its alerts reached the nurse in charge before the patient's first mobilisation.</p>
<h2>2. Findings</h2>
<p>Alerts reached the nurse in charge in 412 of 530 admissions. Night admissions were the most
often missed, mainly because the ward tablet was shared between two bays.</p>
<h2>References</h2>
<ol class="refs">
<li>Hale R, Quint S. Predicting inpatient falls: a review. J Ward Safety. 2023;4(2):11-19.</li>
<li>Osterlund Quality Office. Alert routing standard, version 3. 2026.</li>
</ol>
<p class="refs"><i>Funding: none. Conflicts of interest: F. Brannagh advised the score's maker in 2025.</i></p>
</body></html>"""

AGREEMENT = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; }
h1 { font-size: 14pt; text-align: center; }
.sub { text-align: center; font-size: 9pt; }
h2 { font-size: 11pt; }
</style></head><body>
<h1>DATA SHARING AND PROCESSING AGREEMENT</h1>
<div class="sub">between Brindlecombe Health Trust ("Trust") and Orrery Metrics Ltd. ("Processor")</div>
<h2>1. Definitions</h2>
<p>1.1 <b>"Shared Records" or "Records"</b> has the meaning given in Schedule 2 of the Framework
Contract, limited to records the Trust discloses to the Processor for the Services.</p>
<p>1.2 <b>"Breach"</b> means any unauthorised access to Shared Records.</p>
<h2>2. Retention</h2>
<p>2.1 The Processor keeps Shared Records for no longer than thirty days after the Services end.</p>
</body></html>"""


def _chunks(path):
    return load_chunks(path, f"user/{path.name}", doc_type=DocType.USER)


TITLE = (
    "Retrospective Audit of the TallowMark Fall-Risk Score in the Four Surgical Wards of Osterlund Community Hospitals"
)


def test_a_file_name_as_metadata_title_gives_way_to_the_title_block_which_is_read_with_its_byline(tmp_path):
    chunks = _chunks(print_html(REPORT, tmp_path / "audit.pdf"))
    assert chunks[0].title == TITLE
    # the title block is quotable, with the authors under it, and no line of it heads a section
    assert chunks[0].text.startswith(TITLE) and "Marguerite Obi" in chunks[0].text
    assert all(c.section in ("", TITLE) or not c.section.startswith("Osterlund Community") for c in chunks)
    assert not any(c.section == "Osterlund Community Hospitals" for c in chunks)


def test_the_funding_and_interests_statement_after_the_references_is_indexed(tmp_path):
    chunks = _chunks(print_html(REPORT, tmp_path / "audit.pdf"))
    text = "\n".join(c.text for c in chunks)
    assert "F. Brannagh advised the score's maker in 2025" in text
    # the references themselves stay out of the passages
    assert "Predicting inpatient falls: a review" not in text


def test_an_agreement_is_titled_by_its_title_block_and_keeps_a_definition_opening_with_a_bold_term(tmp_path):
    chunks = _chunks(print_html(AGREEMENT, tmp_path / "dsa.pdf"))
    assert chunks[0].title == "DATA SHARING AND PROCESSING AGREEMENT"
    assert chunks[0].text.startswith("DATA SHARING AND PROCESSING AGREEMENT")
    assert "Brindlecombe Health Trust" in chunks[0].text
    definitions = next(c for c in chunks if c.section == "1. Definitions")
    assert definitions.text.startswith('1.1 "Shared Records" or "Records" has the meaning given in Schedule 2')
    assert "limited to records the Trust discloses" in definitions.text


COLUMNS = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: "DejaVu Serif", serif; font-size: 9.5pt; }
.cols { column-count: 2; column-gap: 0.3in; text-align: justify; }
h2 { font-size: 10.5pt; margin: 8px 0 3px 0; text-transform: uppercase; }
h3 { font-size: 9.5pt; margin: 6px 0 2px 0; font-style: italic; }
.next { break-before: column; }
</style></head><body>
<h1>Wound Photo Staging on the Medical Wards</h1>
<p>Summary: the classifier agreed with two nurses in most photographs but missed deep tissue injury on
darker skin more often than on lighter skin, so the second nurse's check stays in place for now.</p>
<div class="cols">
<h2>1. Background</h2>
<p>The Wrenfield wound-photo classifier sorts pressure injuries by stage from a phone photograph taken
at the bedside. Tissue viability nurses asked whether its staging could replace the second nurse's
check on the medical wards, where that check often waits until the next morning round.</p>
<h2>2. Methods</h2>
<h3>2.1 Wards and photographs</h3>
<p>We took every photograph uploaded on six medical wards between February and April, excluding
photographs of dressings, blurred images and any image showing a face or a tattoo.</p>
<h3 class="next">2.2 Reference standard</h3>
<p>Two tissue viability nurses staged each wound in person on the same day, blinded to the
classifier; a third nurse settled the stage where the two disagreed.</p>
<h3>2.3 Analysis</h3>
<p>Agreement was measured with weighted kappa, with confidence intervals from a thousand bootstrap
samples of patients rather than of photographs.</p>
</div></body></html>"""


def test_headings_opening_both_columns_head_their_own_column_and_a_subsection_is_not_run_into_its_section(tmp_path):
    chunks = _chunks(print_html(COLUMNS, tmp_path / "wounds.pdf"))

    def under(words):
        return next(c.section for c in chunks if words in c.text)

    assert under("sorts pressure injuries by stage") == "1. BACKGROUND"
    assert under("six medical wards between February") == "2. METHODS > 2.1 Wards and photographs"
    assert under("staged each wound in person") == "2. METHODS > 2.2 Reference standard"
    assert under("weighted kappa") == "2. METHODS > 2.3 Analysis"
