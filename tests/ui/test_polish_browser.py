"""App polish in a real browser (Debian Chromium against `streamlit run`): no Deploy button or
developer menu, a conversation that survives a reload and is listed for its user, inline
chips that link to their source, copy and regenerate under the answer."""

from __future__ import annotations

import time

import pytest

from .apprunner import chromium, open_app, settle
from .signin import PASSWORD, browser_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

QUESTION = "What does GOVERN 1.6 require?"


def _answer(page):
    answer = page.locator("[data-testid=stChatMessage]").nth(1)
    answer.locator("[data-testid=stExpander]").first.wait_for(timeout=90_000)
    settle(page)
    return answer


def test_viewer_toolbar_and_a_conversation_that_survives_a_reload(app_url, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p, chromium(p) as browser:
        page = open_app(browser, app_url, height=1400)

        # --- no Deploy button, and the menu offers no developer options
        assert page.locator("[data-testid=stAppDeployButton]").count() == 0
        assert page.get_by_role("button", name="Deploy", exact=True).count() == 0
        menu = page.locator("[data-testid=stMainMenu]")
        if menu.count():
            menu.first.click()
            time.sleep(0.5)
            for developer_option in ("Clear cache", "Rerun", "Deploy this app"):
                assert page.get_by_text(developer_option, exact=True).count() == 0, developer_option
            page.keyboard.press("Escape")

        # --- ask; the answer's chips link to the source; copy and regenerate are offered
        page.fill("[data-testid=stChatInput] textarea", QUESTION)
        page.keyboard.press("Enter")
        answer = _answer(page)
        first_text = answer.inner_text()
        assert "GOVERN 1.6" in first_text or "inventory" in first_text.lower(), first_text[:400]
        links = answer.locator("a[href^='http']")
        assert links.count() >= 1 and links.first.get_attribute("target") == "_blank"
        expect(answer.get_by_role("button", name="Copy")).to_be_visible()
        expect(answer.get_by_role("button", name="Regenerate")).to_be_visible()
        assert "c=" in page.url, page.url  # the conversation is in the address

        # --- a reload (a new browser session) signs in again and shows the same conversation
        url = page.url
        page.reload()
        browser_sign_in(page, "admin", PASSWORD)
        assert page.url == url  # signing in keeps the address, so the conversation opens
        again = _answer(page)
        assert page.locator("[data-testid=stChatMessage]").nth(0).inner_text().strip().endswith(QUESTION)
        assert again.locator("[data-testid=stExpander]").count() >= 1
        sidebar = page.locator("[data-testid=stSidebar]")
        expect(sidebar.get_by_role("button", name=QUESTION)).to_be_visible()
        page.screenshot(path=str(tmp_path / "polish-chat-reloaded.png"))
