"""A web page printed by Chromium keeps its own controls on paper: a "Skip to main content" link
atop the first page and a "Back to top" link. They are furniture: never quoted, never a heading.
The same page read as HTML drops them too. Fictional organisation, our own words."""

from __future__ import annotations

from advisor.ingest import load_chunks, load_document

from ..chromium_pdf import print_html

HTML = """<html><head><style>
body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; }
.skip { font-size: 9pt; }
pre { background: #eee; padding: 6pt; }
</style></head><body>
<a class="skip" href="#main">Skip to main content</a>
<h1>Fenwick Trust Scribe Set-up Guide</h1>
<h2>Turning the scribe on</h2>
<p>Ward managers turn the scribe on for their ward from the admin console.</p>
<pre>scribe enable --ward 4B</pre>
<p>The scribe starts recording only after the clinician presses the microphone button.</p>
<h2>Turning the scribe off</h2>
<p>Any clinician may turn the scribe off for a visit at the patient's request.</p>
<p><a href="#top">Back to top</a></p>
</body></html>"""


def test_printed_page_controls_are_furniture(tmp_path):
    pdf = print_html(HTML, tmp_path / "guide.pdf")
    blocks = [b for b in load_document(pdf, "guide.pdf").blocks if b.kind.indexed]
    text = " ".join(b.text for b in blocks)
    for control in ("Skip to main content", "Back to top"):
        assert control not in text, f"{control!r} was read as text"
    sections = {b.text: b.section for b in blocks}
    after = "The scribe starts recording only after the clinician presses the microphone button."
    assert sections[after].endswith("Turning the scribe on"), sections


def test_the_same_controls_in_html_are_dropped(tmp_path):
    page = tmp_path / "guide.html"
    page.write_text(HTML)
    text = " ".join(c.text for c in load_chunks(page, "guide.html", doc_type="user"))
    assert "Skip to main content" not in text and "Back to top" not in text
    assert "turn the scribe off for a visit" in text
