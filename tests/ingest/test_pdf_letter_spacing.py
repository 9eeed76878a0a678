"""A report printed by Chromium whose section headings are capitals set with wide CSS
letter-spacing (0.3em): PDFium writes a space between every two letters, so a heading would read
"K E Y F I N D I N G S" and passages would be filed under it. The headings read as their words
and the passages are filed under them. Fictional organisation, our own words."""

from __future__ import annotations

from advisor.ingest import load_document

from ..chromium_pdf import print_html

HTML = """<html><head><style>
body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; }
h2 { font-size: 10pt; letter-spacing: 0.3em; text-transform: uppercase; margin-top: 18pt; }
</style></head><body>
<h1>Corriston Health Ambient Scribe Pilot Report</h1>
<h2>Key findings</h2>
<p>Documentation time fell by a fifth on the pilot wards.</p>
<h2>Next steps</h2>
<p>The board will decide on the rollout to all adult wards in June.</p>
</body></html>"""


def test_letter_spaced_headings_read_as_words(tmp_path):
    pdf = print_html(HTML, tmp_path / "pilot.pdf")
    blocks = [b for b in load_document(pdf, "pilot.pdf").blocks if b.kind.indexed]
    sections = {b.text: b.section for b in blocks}
    assert sections["Documentation time fell by a fifth on the pilot wards."].endswith("KEY FINDINGS"), sections
    assert sections["The board will decide on the rollout to all adult wards in June."].endswith("NEXT STEPS")
    assert not any("K E Y" in b.text or "K E Y" in b.section for b in blocks)
