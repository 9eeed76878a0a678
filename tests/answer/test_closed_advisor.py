"""Two advisors over one embedding cache (the evaluation's scratch homes share the main one):
closing the first leaves the second answering."""

from __future__ import annotations

import dataclasses

from advisor.answer import Advisor

from .builders import indexed_settings, orrin_notice


def test_closing_one_advisor_leaves_another_on_the_same_cache_answering(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    settings = indexed_settings(tmp_path / "a", {"orrin-notice-22.html": orrin_notice()})
    shared = dataclasses.replace(settings, embed_cache=settings.embed_cache_path)
    penalties = "<h2>3 Penalties</h2>\n<p>A hospital running an unvalidated tool may be fined up to $5,000 per day.</p>"
    other = indexed_settings(tmp_path / "b", {"orrin-notice-22.html": orrin_notice(penalties)})
    other = dataclasses.replace(other, embed_cache=settings.embed_cache_path)
    first, second = Advisor(shared), Advisor(other)
    assert "300" in first.ask("How many admissions must a hospital validate a sepsis alert tool on?").answer
    first.index.close()
    # sentences neither advisor embedded before: they reach the shared cache after the first closed
    ans = second.ask("How much can a hospital running an unvalidated sepsis tool be fined?")
    assert not ans.abstained and "$5,000" in ans.answer, ans.answer
    second.index.close()
