"""Chromium print-to-PDF for the tests: evals/genres/build.py (Debian's Chromium through
Playwright) loaded as a module, and one HTML page printed to a PDF with it.

A missing Chromium fails the test, naming what to install: the browser tests never skip.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENRES_BUILD = ROOT / "evals" / "genres" / "build.py"


def genres_build() -> ModuleType:
    """evals/genres/build.py as a module (its `build` prints the genre PDFs), once Debian's
    Chromium is known to be installed."""
    spec = importlib.util.spec_from_file_location("genres_build", GENRES_BUILD)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    if not module.CHROMIUM.exists():
        pytest.fail(f"{module.CHROMIUM} is missing: install Debian's Chromium (`apt-get install -y chromium`)")
    return module


def print_html(html: str, pdf: Path, css_page: bool = False) -> Path:
    """`html` printed by Chromium to `pdf` (US Letter, 25 mm side margins; with `css_page`, the
    size and margins its CSS `@page` rule sets, as a slide deck has)."""
    chromium = genres_build().CHROMIUM
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_content(html, wait_until="load")
            if css_page:
                page.pdf(path=str(pdf), prefer_css_page_size=True)
            else:
                page.pdf(path=str(pdf), format="Letter", margin={"left": "25mm", "right": "25mm"})
        finally:
            browser.close()
    return pdf
