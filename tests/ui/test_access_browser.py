"""Sign-in and roles in a real browser (Debian Chromium through Playwright): a visitor without a
session sees only the sign-in form; a consultant sees only granted organizations; an executive
cannot reach the Library or its delete action."""

from __future__ import annotations

import time

import pytest

from advisor.accounts import Accounts
from advisor.settings import Settings

from .apprunner import chromium, open_app, settle
from .signin import PASSWORD, browser_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def _nav(page) -> list[str]:
    return [t.strip().splitlines()[-1] for t in page.locator("[data-testid=stSidebarNav] a").all_inner_texts()]


def _only_the_sign_in_form(page) -> None:
    page.get_by_label("Username", exact=True).wait_for(timeout=60_000)
    settle(page)
    assert page.get_by_label("Password", exact=True).is_visible()
    assert page.get_by_role("button", name="Sign in").is_visible()
    assert page.locator("h1", has_text="Sign in").count() == 1
    assert _nav(page) == []
    assert page.locator("[data-testid=stChatInput]").count() == 0
    assert page.locator("[data-testid=stSelectbox]").count() == 0
    assert page.locator("[data-testid=stDataFrame]").count() == 0
    assert page.locator("[data-testid=stFileUploader]").count() == 0


def test_sign_in_and_roles_in_the_browser(app_url, browser_home, tmp_path):
    from playwright.sync_api import sync_playwright

    accounts = Accounts(Settings.from_env({"ADVISOR_HOME": str(browser_home)}))
    accounts.add_user("dana", "consultant", orgs="meridian-health", password=PASSWORD)
    accounts.add_user("cio", "executive", orgs="northbridge-academic", password=PASSWORD)
    with sync_playwright() as p, chromium(p) as browser:
        # --- no session: the sign-in form and nothing else, whatever the URL
        for path in ("", "/library", "/dashboard", "/audit"):
            page = browser.new_page(viewport={"width": 1300, "height": 1000})
            page.goto(app_url + path)
            _only_the_sign_in_form(page)
            page.screenshot(path=str(tmp_path / f"signin{path.replace('/', '-')}.png"))
            page.close()

        # --- a consultant: only the granted organization, no admin pages
        page = open_app(browser, app_url, "dana", width=1300, height=1000, ready=None)
        assert "Library" not in _nav(page) and "Audit log" not in _nav(page) and "Chat" in _nav(page)
        page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").first.click()
        options = [o.strip() for o in page.get_by_role("option").all_inner_texts()]
        assert options == ["No organization (guidance only)", "Meridian Health Partners"], options
        page.keyboard.press("Escape")
        page.close()

        # --- an executive: no Library in the navigation, and its URL does not open it
        page = open_app(browser, app_url, "cio", width=1300, height=1000, ready=None)
        assert "Library" not in _nav(page) and "Readiness dashboard" in _nav(page)
        page.goto(app_url + "/library")
        browser_sign_in(page, "cio")
        settle(page, 1.0)
        time.sleep(1.0)
        assert page.locator("h1", has_text="Library").count() == 0
        assert page.get_by_role("button", name="Delete").count() == 0
        assert page.get_by_role("button", name="Re-index the library").count() == 0
        assert page.locator("[data-testid=stFileUploader]").count() == 0
        page.screenshot(path=str(tmp_path / "executive-library.png"))
