"""The app in a real browser, for the browser tests: an ADVISOR_HOME indexed with the real bundled
model, `streamlit run` on a free port (tests/deploy/servers.app_server, the deployment's command),
Debian Chromium through Playwright, and the waits and checks every page needs.

The fixtures `browser_home` and `app_url` (tests/ui/conftest.py) are built from these.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from advisor.accounts import Accounts
from advisor.index import Index
from advisor.settings import Settings

from ..deploy.servers import app_server
from .signin import PASSWORD, browser_sign_in

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
# Embeddings are content-addressed (model + text), so a cache kept between runs is always
# correct; it only saves recomputing the same vectors on a developer's machine.
EMBED_CACHE = ROOT / "test-output" / "embed-cache.sqlite3"
SCREENS = ROOT / "test-output" / "screens"


def index_home(home: Path, files: Iterable[Path]) -> Path:
    """`home` indexed with the real bundled model, with an administrator (password PASSWORD), so
    visitors sign in rather than create the first account."""
    EMBED_CACHE.parent.mkdir(parents=True, exist_ok=True)
    s = dataclasses.replace(Settings.from_env({"ADVISOR_HOME": str(home)}), embed_cache=EMBED_CACHE)
    ix = Index(s)
    report = ix.index_paths(list(files))
    assert report.ok, report.errors
    ix.close()
    Accounts(s).add_user("admin", "admin", password=PASSWORD)
    return home


@contextlib.contextmanager
def running_app(home: Path, log_path: Path, timeout: float = 60, **env: str) -> Iterator[str]:
    """`streamlit run` over `home` (offline, no keys or settings from the developer's shell, plus
    `env`); yields its URL once healthy, fails the test with the server's log if it never is."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ADVISOR_"))}
    clean.update(
        ADVISOR_HOME=str(home), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False", **env
    )
    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(app_server(clean, log_path, timeout=timeout))
        except RuntimeError as exc:
            pytest.fail(f"streamlit did not become healthy: {exc}")
        yield url


def require_chromium() -> None:
    """Fail (never skip) when Debian's Chromium is missing."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's Chromium (`apt-get install -y chromium`); "
            "CI installs it in .ci/run. The browser tests never skip."
        )


@contextlib.contextmanager
def chromium(playwright) -> Iterator:
    """Debian's Chromium, headless, closed afterwards."""
    require_chromium()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


def keep_screens(shots: Path) -> None:
    """Copy a test's screenshots to test-output/screens/ (gitignored) for a person to look at."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    for f in shots.glob("*.png"):
        shutil.copy2(f, SCREENS / f.name)


def settle(page, extra: float = 0.6, timeout: int = 60_000) -> None:
    """Wait until Streamlit has finished running the script and rendering."""
    time.sleep(0.3)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " && !document.querySelector('[data-testid=stSkeleton]')",
        timeout=timeout,
    )
    time.sleep(extra)


def open_app(
    browser,
    url: str,
    user: str = "admin",
    *,
    width: int = 1400,
    height: int = 1600,
    ready: str | None = "[data-testid=stChatInput] textarea",
    timeout: int = 60_000,
):
    """A new page on the app, `user` signed in (password PASSWORD), once `ready` shows (when
    given) and the script has settled."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    browser_sign_in(page, user, PASSWORD)
    if ready:
        page.wait_for_selector(ready, timeout=timeout)
    settle(page)
    return page


def go(page, title: str) -> None:
    """Open a page through the sidebar navigation."""
    page.locator("[data-testid=stSidebarNav] a", has_text=title).first.click()
    settle(page)


def no_exception(page, where: str) -> None:
    errors = page.locator("[data-testid=stException]")
    assert errors.count() == 0, f"{where}: {errors.first.inner_text()}"
