"""In a real browser: a user's thumbs-down in the chat is promoted on the Evaluation page into a
reviewed case, which is written to the reviewed dataset that the next run includes.

Uses the indexed home of the browser tests (`browser_home`, real bundled model); the app runs
with ADVISOR_EVAL_REVIEWED pointing into the test's tmp folder so the repository is untouched.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisor.evaluate.datasets import default_datasets, load_datasets
from advisor.settings import Settings

from .apprunner import chromium, go, keep_screens, no_exception, open_app, running_app, settle

pytestmark = [pytest.mark.browser, pytest.mark.timeout(360)]


@pytest.fixture
def review_app(browser_home, tmp_path):
    """`streamlit run` over the indexed home, with the reviewed dataset in tmp; yields (url, dataset path)."""
    reviewed = tmp_path / "evals" / "reviewed.jsonl"
    with running_app(browser_home, tmp_path / "streamlit.log", ADVISOR_EVAL_REVIEWED=str(reviewed)) as url:
        yield url, reviewed


def test_thumbs_down_is_promoted_into_a_reviewed_case(review_app, browser_home, tmp_path, monkeypatch):
    from playwright.sync_api import expect, sync_playwright

    url, reviewed = review_app
    shots = tmp_path / "screens"
    shots.mkdir()
    question = "What does GOVERN 1.6 ask of us?"
    with sync_playwright() as p, chromium(p) as browser:
        page = open_app(browser, url, height=1800)  # browser_home has the admin account

        # --- a user asks and marks the answer not helpful
        page.fill("[data-testid=stChatInput] textarea", question)
        page.keyboard.press("Enter")
        answer = page.locator("[data-testid=stChatMessage]").nth(1)
        answer.locator("[data-testid=stExpander]").first.wait_for(timeout=120_000)
        settle(page)
        answer.locator("[data-testid=stFeedback] button").nth(1).click()  # thumbs down
        settle(page)

        # --- the evaluator finds it in the review queue, pre-filled
        go(page, "Evaluation")
        no_exception(page, "evaluation")
        expect(page.locator("h1", has_text="Evaluation").first).to_be_visible()
        page.get_by_role("tab", name="Review queue").click()
        settle(page)
        no_exception(page, "review queue")
        qbox = page.get_by_label("Question", exact=True)
        expect(qbox).to_have_value(question)
        expect(page.get_by_label("Expected sources", exact=False)).to_have_value("nist-ai-rmf-govern")
        page.get_by_label("Key points", exact=False).fill("inventory\nrisk priorit | resourced")
        page.get_by_label("Forbidden strings", exact=False).fill("CANARY")
        page.screenshot(path=str(shots / "20-review-queue.png"), full_page=True)
        page.get_by_role("button", name="Promote to reviewed case").click()
        settle(page, 1.0)
        no_exception(page, "promote")
        expect(page.get_by_text("Promoted feedback", exact=False)).to_be_visible(timeout=30_000)
        page.screenshot(path=str(shots / "21-promoted.png"), full_page=True)
    keep_screens(shots)

    cases = [json.loads(line) for line in reviewed.read_text(encoding="utf-8").splitlines()]
    assert len(cases) == 1
    case = cases[0]
    assert case["question"] == question and case["split"] == "dev" and case["id"].startswith("rev-")
    assert case["expected_sources"] == ["nist-ai-rmf-govern"]
    assert case["keypoints"] == [["inventory"], ["risk priorit", "resourced"]] and case["forbidden"] == ["CANARY"]
    assert (reviewed.parent / "VERSION").read_text().strip() == "0.1.0"
    # the next run includes it: the reviewed dataset is part of the default suite, in the dev split
    monkeypatch.setenv("ADVISOR_EVAL_REVIEWED", str(reviewed))
    suite = default_datasets(Settings.from_env({"ADVISOR_HOME": str(browser_home)}))
    assert Path(reviewed) in suite
    promoted = [c for c in load_datasets(suite) if c.id == case["id"]]
    assert len(promoted) == 1 and promoted[0].split == "dev"
