"""A long disclaimer printed under every page's body (a health plan's medical policy: "It is not
medical advice ...") is page furniture: it does not stop a sentence a page break cut from being
joined back whole, and it is kept once, not once per page."""

from __future__ import annotations

from advisor.ingest import load_document

from . import pdfgen

DISCLAIMER = (
    "This coverage policy explains how Fenmoor Health Plan, Inc. reads certain standard benefit plans. It is "
    "not medical advice and does not promise coverage or payment. The member's benefit plan document and "
    "applicable law govern where they conflict with this policy, and the plan may revise it at any time "
    "without notice to members or providers."
)
PAGES = [
    "This policy sets out when the plan covers AI-assisted diagnostic services for its members.",
    "The policy applies to commercial and individual members of the plan and to their providers.",
    "Every algorithm used in utilization management is reviewed by the plan each year.",
    "Providers whose requests were approved 90% of the time over the last year may be exempted from "
    "prior authorization review for the following year. Eligible",
    "service categories are listed in the plan's provider manual. Imaging of the heart is not eligible.",
    "The policy was first adopted on 1 April 2025 and last revised on 1 April 2026.",
]


#: Body text enough to set the document's body type (the disclaimer's small type is not the body's).
FILLER = (
    " The plan's medical directors apply this policy with the member's own clinical records, the "
    "treating clinician's recommendation and the evidence the plan has reviewed for each service."
)


def _blocks(tmp_path):
    pages = [FILLER.strip() + " " + body if n != 4 else body + FILLER for n, body in enumerate(PAGES)]
    p = pdfgen.disclaimer_pages_pdf(tmp_path / "policy.pdf", pages, DISCLAIMER)
    return load_document(p, str(p)).blocks


def test_a_sentence_cut_by_the_page_break_is_joined_across_the_disclaimer(tmp_path):
    texts = [" ".join(b.text.split()) for b in _blocks(tmp_path) if b.kind.indexed]
    assert any("review for the following year. Eligible service categories are listed" in t for t in texts), texts
    assert not any(t.startswith("service categories") for t in texts), texts


def test_the_disclaimer_is_kept_once(tmp_path):
    texts = [" ".join(b.text.split()) for b in _blocks(tmp_path) if b.kind.indexed]
    assert sum("It is not medical advice" in t for t in texts) == 1, texts
