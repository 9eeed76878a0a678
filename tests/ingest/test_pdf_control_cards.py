"""A framework laid out as control cards (Chromium-printed): each control's title stays over its
labelled parts, so passages from different controls can be told apart."""

from __future__ import annotations

import pytest

from advisor.ingest import chunk_document, load_document

from ..chromium_pdf import print_html

CONTROLS = [
    ("AC-1.2", "Access reviews", "Review every privileged account each quarter.", "Signed quarterly access report."),
    ("AC-3.4", "Break-glass access", "Log each emergency login and review it within 2 days.", "Break-glass log."),
    ("DM-2.1", "Dataset registers", "List each training dataset with its licence.", "Dataset register extract."),
    ("DM-4.6", "Retention of outputs", "Keep model outputs for 8 years after discharge.", "Retention schedule."),
    ("IR-1.1", "Incident triage", "Triage every reported incident within 4 hours.", "Incident queue export."),
    ("IR-2.5", "Post-incident review", "Hold a review within 21 days of closure.", "Review minutes and action log."),
]

CARD = (
    "<div class='card'><div class='badge'>{code}</div><div class='body'><h3>{code} {title}</h3>"
    "<h4>Outcome</h4><p>The control {title_lower} is met in every unit that runs an AI tool.</p>"
    "<h4>Actions</h4><ul><li>{action}</li><li>Report exceptions to the AI oversight board.</li></ul>"
    "<h4>Evidence</h4><p>{evidence}</p></div></div>"
)

HTML = (
    "<html><head><title>Control catalogue</title><style>"
    "body{font-family:sans-serif;font-size:10.5pt} h1{font-size:20pt} h2{font-size:15pt}"
    ".card{display:flex;border:1px solid #777;margin:8mm 0;page-break-after:always}"
    ".badge{width:22mm;padding:3mm;background:#dde;font-size:13pt;font-weight:bold}"
    ".body{padding:3mm} h3{font-size:12pt;margin:0 0 2mm} h4{font-size:10pt;text-transform:uppercase;margin:3mm 0 1mm}"
    "</style></head><body><h1>Clinical AI Control Catalogue</h1>"
    "<h2>1 Controls</h2><p>Each control has a code, an outcome, actions and the evidence an auditor asks for.</p>"
    + "".join(CARD.format(code=c, title=t, title_lower=t.lower(), action=a, evidence=e) for c, t, a, e in CONTROLS)
    + "</body></html>"
)


@pytest.mark.browser
@pytest.mark.slow
def test_each_control_card_titles_its_own_outcome_actions_and_evidence(tmp_path):
    doc = load_document(print_html(HTML, tmp_path / "catalogue.pdf"), "catalogue")
    chunks = chunk_document(doc)
    for code, title, action, evidence in CONTROLS:
        for text, label in ((action, "ACTIONS"), (evidence, "EVIDENCE")):
            holding = [c for c in chunks if text in " ".join(c.text.split())]
            assert holding, f"{text!r} is not indexed"
            # the control's own title and the label over the passage, and no other control's code
            assert all(f"{code} {title} > {label}" in c.section for c in holding), [c.section for c in holding]
            others = [o for o, *_ in CONTROLS if o != code]
            assert not any(o in c.section for c in holding for o in others)
    # "EVIDENCE" closes most pages, yet it is the card's label, not a running footer
    assert not any(b.text.strip().upper() == "EVIDENCE" for b in doc.blocks if b.kind == "furniture")
