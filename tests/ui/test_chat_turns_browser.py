"""Several questions in a row in a real browser (Debian Chromium against `streamlit run`): an
earlier answer keeps its text and its source cards after a new question, a card of that earlier
answer still opens with its passage, and nothing the page loads comes from outside this machine
(the offline mode's promise: answers are composed on this machine and nothing leaves it)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from .apprunner import chromium, no_exception, open_app, settle

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

FIRST = "What does GOVERN 1.6 require?"
SECOND = "What are the dimensions of the Kahn data quality framework?"


def _ask(page, question: str, nth: int):
    page.fill("[data-testid=stChatInput] textarea", question)
    page.keyboard.press("Enter")
    answer = page.locator("[data-testid=stChatMessage]").nth(nth)
    answer.locator("[data-testid=stExpander]").first.wait_for(timeout=90_000)
    settle(page)
    return answer


def _body(answer) -> str:
    """The answer's own text (its first Markdown block)."""
    return answer.locator("[data-testid=stMarkdownContainer]").first.inner_text()


def _labels(answer) -> list[str]:
    return [s.inner_text().strip() for s in answer.locator("[data-testid=stExpander] summary").all()]


def test_an_earlier_answer_keeps_its_sources_and_nothing_leaves_the_machine(app_url):
    from playwright.sync_api import expect, sync_playwright

    here = urlsplit(app_url).netloc
    outside: list[str] = []
    with sync_playwright() as p, chromium(p) as browser:
        page = open_app(browser, app_url)
        page.context.on(
            "request",
            lambda r: outside.append(r.url) if r.url.startswith("http") and urlsplit(r.url).netloc != here else None,
        )
        first = _ask(page, FIRST, 1)
        first_text, first_cards = _body(first), _labels(first)
        assert len(first_cards) >= 1 and first_cards[0].splitlines()[-1].startswith("[1]"), first_cards

        second = _ask(page, SECOND, 3)
        no_exception(page, "chat")
        assert "Kahn" in second.inner_text() or "conformance" in second.inner_text().lower()
        # the earlier turn is still there, unchanged: its question, its answer, its source cards
        messages = page.locator("[data-testid=stChatMessage]")
        assert messages.count() == 4
        assert messages.nth(0).inner_text().strip().endswith(FIRST)
        assert _body(first) == first_text and len(first_text) > 40
        assert _labels(first) == first_cards
        # only the latest answer offers Regenerate; Copy stays under each
        assert first.get_by_role("button", name="Regenerate").count() == 0
        assert second.get_by_role("button", name="Regenerate").count() == 1
        assert first.get_by_role("button", name="Copy").count() == 1

        # a card of the earlier answer opens with its passage; the newer answer stays as it was
        second_cards = _labels(second)
        card = first.locator("[data-testid=stExpander]").first
        card.locator("summary").click()
        expect(card.get_by_text("Document:")).to_be_visible(timeout=30_000)
        expect(card.get_by_role("button", name=re.compile(r"^Download (source|our summary)$"))).to_be_visible()
        settle(page)
        assert _labels(second) == second_cards and messages.count() == 4

        # the tab's icon is drawn here, not fetched from a font service on every rerun
        icon = page.evaluate("() => document.querySelector(\"link[rel='shortcut icon']\")?.href || ''")
        assert icon.startswith("data:") or urlsplit(icon).netloc == here, icon
    assert outside == [], outside
