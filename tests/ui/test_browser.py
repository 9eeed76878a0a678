"""End to end in a real browser: `streamlit run streamlit_app.py` driven by Debian Chromium.

Asks a question, sees a cited answer, opens a citation, switches organization and sees the
dashboard chart, then visits every page. Screenshots go to the test's tmp folder and to
test-output/screens/ (gitignored) so a person can look at them.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from advisor.accounts import Accounts

from .signin import PASSWORD, browser_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

ROOT = Path(__file__).resolve().parents[2]
GUIDANCE = ROOT / "corpus" / "guidance"
RESULTS = ROOT / "corpus" / "assessment" / "results"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BROWSER_FILES = [
    GUIDANCE / "nist-ai-rmf-govern.md",
    GUIDANCE / "kahn-data-quality-framework.md",
    RESULTS / "meridian-health-2026-09-30.csv",
    RESULTS / "northbridge-academic-2026-10-15.json",
]
# Embeddings are content-addressed (model + text), so a cache kept between runs is always
# correct; it only saves recomputing the same vectors on a developer's machine.
EMBED_CACHE = ROOT / "test-output" / "embed-cache.sqlite3"
SCREENS = ROOT / "test-output" / "screens"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def browser_home(tmp_path) -> Path:
    """ADVISOR_HOME indexed with the real bundled embedding model (the app process answers)."""
    from advisor.index import Index
    from advisor.settings import Settings

    home = tmp_path / "home"
    EMBED_CACHE.parent.mkdir(parents=True, exist_ok=True)
    s = dataclasses.replace(Settings.from_env({"ADVISOR_HOME": str(home)}), embed_cache=EMBED_CACHE)
    ix = Index(s)
    report = ix.index_paths(BROWSER_FILES)
    assert report.ok, report.errors
    ix.close()
    Accounts(s).add_user("admin", "admin", password=PASSWORD)  # not a fresh install: visitors sign in
    return home


@pytest.fixture
def app_url(browser_home, tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ADVISOR_"))}
    env.update(
        ADVISOR_HOME=str(browser_home),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
    )
    log_path = tmp_path / "streamlit.log"
    log = log_path.open("wb")  # closed after the server stops
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "streamlit_app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            log.close()
            pytest.fail(f"streamlit did not become healthy:\n{log_path.read_text(errors='replace')[-3000:]}")
        time.sleep(0.25)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def _settle(page, extra: float = 0.6) -> None:
    """Wait until Streamlit has finished running the script and rendering."""
    time.sleep(0.3)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " && !document.querySelector('[data-testid=stSkeleton]')",
        timeout=60_000,
    )
    time.sleep(extra)


def _choose_org(page, name: str) -> None:
    page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").first.click()
    page.get_by_role("option", name=name).click()
    _settle(page)


def _go(page, title: str) -> None:
    page.locator("[data-testid=stSidebarNav] a", has_text=title).first.click()
    _settle(page)


def _no_exception(page, where: str) -> None:
    errors = page.locator("[data-testid=stException]")
    assert errors.count() == 0, f"{where}: {errors.first.inner_text()}"


def test_ask_cite_switch_org_and_dashboard(app_url, tmp_path):
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's Chromium (`apt-get install -y chromium`); "
            "CI installs it in .ci/run. The browser test never skips."
        )
    from playwright.sync_api import expect, sync_playwright

    shots = tmp_path / "screens"
    shots.mkdir()
    timings: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1600})
            t0 = time.perf_counter()
            page.goto(app_url)
            browser_sign_in(page, "admin", PASSWORD)
            page.wait_for_selector("[data-testid=stChatInput] textarea", timeout=60_000)
            _settle(page)
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
            _settle(page)
            timings["first_answer_s"] = time.perf_counter() - t0
            _no_exception(page, "chat")
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
            _settle(page)

            # --- switch organization and see its dashboard chart
            t0 = time.perf_counter()
            _choose_org(page, "Northbridge University Medical Center")
            _go(page, "Readiness dashboard")
            _no_exception(page, "dashboard")
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
                _go(page, title)
                _no_exception(page, title)
                expect(page.locator("h1", has_text=heading).first).to_be_visible()
                if title == "Audit log":  # the question asked above was recorded
                    expect(page.locator("[data-testid=stMetric]", has_text="Questions asked")).to_contain_text("1")
                    expect(page.locator("[data-testid=stMetric]", has_text="Helpful")).to_contain_text("1 / 0")
                page.screenshot(path=str(shots / f"0{n}-{title.lower().replace(' ', '-')}.png"))
                timings[f"page_{title}_s"] = time.perf_counter() - t0
        finally:
            browser.close()
    SCREENS.mkdir(parents=True, exist_ok=True)
    for f in shots.glob("*.png"):
        shutil.copy2(f, SCREENS / f.name)
    print("browser timings:", {k: round(v, 1) for k, v in timings.items()})
