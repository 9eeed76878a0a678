"""End to end in a real browser: `streamlit run streamlit_app.py` driven by Debian Chromium.

Asks a question, sees a cited answer, opens a citation, switches organization and sees the
dashboard chart, then visits every page. Screenshots go to the test's tmp folder and to
test-output/screens/ (gitignored) so a person can look at them.
"""

from __future__ import annotations

import time

import pytest

from .apprunner import chromium, go, keep_screens, no_exception, open_app, settle

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]


def _choose_org(page, name: str) -> None:
    page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").first.click()
    page.get_by_role("option", name=name).click()
    settle(page)


def test_ask_cite_switch_org_and_dashboard(app_url, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    shots = tmp_path / "screens"
    shots.mkdir()
    timings: dict[str, float] = {}
    with sync_playwright() as p, chromium(p) as browser:
        t0 = time.perf_counter()
        page = open_app(browser, app_url)
        timings["app_open_s"] = time.perf_counter() - t0
        expect(page.get_by_text("Ask the advisor", exact=True)).to_be_visible()
        expect(page.locator("[data-testid=stSidebar]").get_by_text("Offline")).to_be_visible()
        page.screenshot(path=str(shots / "01-chat-start.png"))

        # --- a cited answer for the selected organization
        _choose_org(page, "Meridian Health Partners")
        expect(page.locator("[data-testid=stSidebar]").get_by_text("1 assessment: 2026-09-30")).to_be_visible()
        t0 = time.perf_counter()
        page.fill("[data-testid=stChatInput] textarea", "What are our biggest data gaps?")
        page.keyboard.press("Enter")
        answer = page.locator("[data-testid=stChatMessage]").nth(1)
        answer.locator("[data-testid=stExpander]").first.wait_for(timeout=90_000)
        settle(page)
        timings["first_answer_s"] = time.perf_counter() - t0
        no_exception(page, "chat")
        text = answer.inner_text()
        assert "Meridian Health Partners" in text and "DATA-2" in text, text[:500]
        citations = answer.locator("[data-testid=stExpander]")
        assert citations.count() >= 1
        first = citations.first
        assert first.locator("summary").inner_text().strip().splitlines()[-1].startswith("[1]")

        # --- open a citation: provenance, the passage, the source file
        first.locator("summary").click()
        expect(first.get_by_text("Document:")).to_be_visible()
        expect(first.get_by_text("Section:")).to_be_visible()
        expect(first.get_by_role("button", name="Download source")).to_be_visible()
        page.screenshot(path=str(shots / "02-chat-answer-citation.png"))
        # --- thumbs up is stored (checked on the audit page below)
        answer.locator("[data-testid=stFeedback] button").first.click()
        settle(page)

        # --- switch organization and see its dashboard chart
        t0 = time.perf_counter()
        _choose_org(page, "Northbridge University Medical Center")
        go(page, "Readiness dashboard")
        no_exception(page, "dashboard")
        chart = page.locator("[data-testid=stPlotlyChart]").first
        chart.wait_for(state="visible", timeout=30_000)
        expect(chart.locator(".js-plotly-plot")).to_be_visible()
        expect(page.get_by_text("44.9 / 100")).to_be_visible()
        expect(page.get_by_text("Northbridge University Medical Center", exact=False).first).to_be_visible()
        page.screenshot(path=str(shots / "03-dashboard.png"))
        timings["switch_org_dashboard_s"] = time.perf_counter() - t0

        # --- every other page renders
        t0 = time.perf_counter()
        for n, (title, heading) in enumerate(
            [
                ("Assessment", "Assessment"),
                ("Library", "Library"),
                ("Audit log", "Audit log"),
                ("Settings", "Settings"),
            ],
            start=4,
        ):
            go(page, title)
            no_exception(page, title)
            expect(page.locator("h1", has_text=heading).first).to_be_visible()
            if title == "Audit log":  # the question asked above was recorded
                expect(page.locator("[data-testid=stMetric]", has_text="Questions asked")).to_contain_text("1")
                expect(page.locator("[data-testid=stMetric]", has_text="Helpful")).to_contain_text("1 / 0")
            page.screenshot(path=str(shots / f"0{n}-{title.lower().replace(' ', '-')}.png"))
            timings[f"page_{title}_s"] = time.perf_counter() - t0
    keep_screens(shots)
    print("browser timings:", {k: round(v, 1) for k, v in timings.items()})
