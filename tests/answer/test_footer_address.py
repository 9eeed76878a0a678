"""A vendor page gives its address only in the footer: the footer's links, copyright and
trademark lines stay out of the index, its address line is kept and answers "where is the
vendor located?", in clear (an organization's address is no patient's)."""

from __future__ import annotations

import pytest

from advisor.answer import Advisor
from advisor.chunk import DocType
from advisor.ingest import load_chunks

from .builders import SMALL_GUIDES, indexed_settings

PAGE = """<html><head><title>WardWatch Rounds | Pellory Systems</title></head><body>
<nav><a href="/">Home</a> <a href="/products">Products</a> <a href="/careers">Careers</a></nav>
<main>
<h1>WardWatch Rounds</h1>
<p>WardWatch Rounds ranks inpatients by their risk of deterioration over the next twelve hours, using vital
signs and nursing assessments charted in the electronic health record.</p>
<h2>Validation</h2>
<p>WardWatch Rounds was validated on 18,400 admissions at three community hospitals in 2025.</p>
</main>
<footer>
  <p>Pellory Systems, Inc. · 2201 Tamsworth Boulevard, Floor 6 · Brackenridge, MN 55921 · +1 (555) 014-3300</p>
  <p>© 2026 Pellory Systems. All rights reserved. <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p>
  <p>WardWatch is a trademark of Pellory Systems, Inc.</p>
</footer>
</body></html>
"""


@pytest.fixture(scope="module")
def advisor(tmp_path_factory) -> Advisor:
    return Advisor(
        indexed_settings(tmp_path_factory.mktemp("footer"), {**SMALL_GUIDES, "pellory-wardwatch.html": PAGE})
    )


def test_only_the_footers_address_line_is_kept(tmp_path):
    page = tmp_path / "pellory.html"
    page.write_text(PAGE, encoding="utf-8")
    text = "\n".join(c.text for c in load_chunks(page, "pellory.html", doc_type=DocType.USER))
    assert "2201 Tamsworth Boulevard" in text
    assert "All rights reserved" not in text and "trademark" not in text and "Careers" not in text


def test_where_the_vendor_is_located_is_answered_from_the_footer(advisor):
    ans = advisor.ask("Where is Pellory Systems located?")
    assert not ans.abstained, ans.answer
    assert "2201 Tamsworth Boulevard" in ans.answer and "Brackenridge, MN 55921" in ans.answer, ans.answer


def test_the_address_is_not_quoted_for_another_question(advisor):
    ans = advisor.ask("How many admissions was WardWatch Rounds validated on?")
    assert "18,400" in ans.answer and "Tamsworth" not in ans.answer, ans.answer
