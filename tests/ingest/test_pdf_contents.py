"""A contents list with dot leaders on the title page, and a paragraph after it introducing the
guidance: only the list's lines are dropped, the paragraph is read. Our own words about a
fictional county."""

from __future__ import annotations

from advisor.ingest import load_chunks

from .pdfgen import pages_pdf

INTRO = [
    "This notice explains how Orvale County expects its clinics to keep a register of the triage",
    "tools they use. It adds no duties beyond those in the county's clinic licensing code.",
]


def _notice(path, after: list[str]):
    first = [
        "Orvale County Health Board",
        "Register of Triage Tools: Guidance for Clinics",
        "Contents",
        "1. Who must keep a register " + "." * 60 + " 2",
        "2. What each entry records " + "." * 60 + " 2",
        "3. Review and audit " + "." * 70 + " 2",
        "",
        *after,
    ]
    second = [
        "1. Who must keep a register",
        "Every licensed clinic that uses a triage tool on patients keeps a register of those tools.",
        "2. What each entry records",
        "Each entry records the tool's name, its supplier and the date it was first used.",
        "3. Review and audit",
        "The clinic's medical director reviews the register every six months.",
    ]
    return pages_pdf(path, [first, second])


def test_the_paragraph_after_a_contents_list_is_read_and_the_list_is_not(tmp_path):
    p = _notice(tmp_path / "register.pdf", INTRO)
    text = " ".join(" ".join(c.text for c in load_chunks(p, str(p), doc_type="user")).split())
    assert "It adds no duties beyond those in the county's clinic licensing code." in text
    assert "Orvale County expects its clinics to keep a register" in text
    assert "....." not in text and "What each entry records ." not in text  # the entries stay out
    assert "reviews the register every six months" in text


def test_a_contents_page_with_nothing_after_its_list_stays_out(tmp_path):
    p = _notice(tmp_path / "register.pdf", [])
    chunks = load_chunks(p, str(p), doc_type="user")
    assert not any("....." in c.text for c in chunks)
    assert all(c.page == 2 or "Register of Triage Tools" in c.text or "Orvale" in c.text for c in chunks)
