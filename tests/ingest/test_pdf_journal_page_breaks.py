"""A journal's two columns read on from the right column's foot to the top of the next page's
left column: a sentence cut there ("... edit it where" / "needed and send it personally.") is
joined back whole, and so is a word the break hyphenated ("documenta-" / "tion"). A layout whose
columns go on in the same column of the next page (a model card's) keeps doing so."""

from __future__ import annotations

from advisor.ingest import load_document

from . import pdfgen

PAGES = [
    (
        "Drafting replies to patient portal messages is the use case in which generated text most "
        "directly reaches patients. The panel reviewed eleven studies of it.",
        "Drafts of replies to clinical questions must never be sent automatically: a registered "
        "clinician must read the draft, edit it where",
    ),
    (
        "needed and send it personally. Every reply that began as a draft should say so to the patient. "
        "Clinical documentation tools are reviewed separately.",
        "Tier 1 covers administrative text such as replies about parking. Tier 2 covers clinical documenta-",
    ),
    (
        "tion that a clinician reviews in full before it is filed. Tier 3 covers content that reaches "
        "patients directly.",
        "Tier 4 covers uses the panel considered unacceptable at present.",
    ),
]


def _texts(tmp_path):
    p = pdfgen.column_pages_pdf(tmp_path / "journal.pdf", PAGES)
    return [" ".join(b.text.split()) for b in load_document(p, str(p)).blocks]


def test_a_sentence_cut_at_the_right_columns_foot_goes_on_atop_the_next_pages_left_column(tmp_path):
    text = _texts(tmp_path)
    whole = "a registered clinician must read the draft, edit it where needed and send it personally."
    assert any(whole in t for t in text), text
    assert not any(t.startswith("needed and send") for t in text), text


def test_a_word_hyphenated_across_the_page_break_is_joined_whole(tmp_path):
    text = _texts(tmp_path)
    assert any("Tier 2 covers clinical documentation that a clinician reviews in full" in t for t in text), text
    assert not any(t.startswith("tion that") for t in text), text
