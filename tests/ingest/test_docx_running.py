"""A Word file's page header and footer are running lines, as a PDF's are: a header repeating the
organisation, code and version the procedure states is no passage (it was quoted as an answer's
sentence), the page-number field leaves no dangling "Page", and a fact only the footer states (who
owns the document) stays findable. Our own words about a fictional clinic."""

from __future__ import annotations

from advisor.ingest import load_chunks

from .hostile import W_NS, document_xml, docx_from_parts

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
</w:styles>"""


def _p(text: str, style: str = "", tail: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r>{tail}</w:p>'


#: A PAGE field as Word writes it: its code is not text, and with no cached result nothing follows "Page".
PAGE_FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve"> PAGE </w:instrText>'
    '<w:fldChar w:fldCharType="end"/></w:r>'
)


def _handbook(path, header: str, footer: str):
    body = "".join(
        [
            _p("Wound Photo Triage Standard", "Heading1"),
            _p(
                "Standard BFC-STD-031, version 2.4, applies at Brackenfield Community Clinic to every tool "
                "that sorts wound photographs by urgency."
            ),
            _p("Review", "Heading1"),
            _p("The tissue viability nurse reviews a sample of twenty sorted photographs every week."),
        ]
    )
    return docx_from_parts(
        path,
        {
            "word/document.xml": document_xml(body),
            "word/styles.xml": STYLES,
            "word/header1.xml": f'<w:hdr xmlns:w="{W_NS}">{header}</w:hdr>',
            "word/footer1.xml": f'<w:ftr xmlns:w="{W_NS}">{footer}</w:ftr>',
        },
    )


def test_a_header_repeating_the_documents_own_name_code_and_version_is_no_passage(tmp_path):
    p = _handbook(
        tmp_path / "wound.docx",
        _p("Brackenfield Community Clinic · Controlled copy BFC-STD-031 · Version 2.4"),
        _p("Printed copies are for reference only. Owner: Wound Care Quality Group. Page ", tail=PAGE_FIELD),
    )
    chunks = load_chunks(p, str(p), doc_type="user")
    text = "\n".join(c.text for c in chunks)
    assert "Controlled copy" not in text  # everything the header says, the standard says
    assert not any(c.section == "Page header" for c in chunks)
    footer = [c for c in chunks if c.section == "Page footer"]
    assert [c.text for c in footer] == ["Printed copies are for reference only. Owner: Wound Care Quality Group."]
    assert footer[0].meta.get("running") == "footer"
    assert not any(c.text.rstrip().endswith(("Page", "Page.")) for c in chunks)  # no dangling field label


def test_a_header_naming_what_the_body_never_states_is_kept_once_without_its_page_numbers(tmp_path):
    p = _handbook(
        tmp_path / "wound.docx",
        _p("Harthill Health Partnership | Page ", tail=PAGE_FIELD) + _p("Harthill Health Partnership | Page 2 of 5"),
        _p("Page 3 of 5"),
    )
    chunks = load_chunks(p, str(p), doc_type="user")
    held = [c.text for c in chunks if c.section == "Page header"]
    assert held == ["Harthill Health Partnership"]  # the partnership is named nowhere else
    assert not any(c.section == "Page footer" for c in chunks)  # page numbering alone
