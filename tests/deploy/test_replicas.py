"""Two app replicas and the CLI on one real PostgreSQL and one real `chroma run`, each with its
own ADVISOR_HOME (as on separate machines), started with the commands deploy/ runs:
migrations once, indexing with the servers, then a document uploaded through replica A is
answered by replica B within seconds; the administrator created on replica A signs in on
replica B (one account store), and the CLI sees the same library, organizations and audit
chain. Real embedding model (ONNX when exported), real Chromium."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from advisor.audit import AuditStore
from advisor.settings import Settings

from ..ui.apprunner import chromium, require_chromium, settle
from ..ui.signin import PASSWORD, browser_sign_in
from .servers import INDEX_COMMAND, MIGRATE_COMMAND, app_server, chroma_server, venv_exe

pytestmark = [pytest.mark.server, pytest.mark.timeout(1500)]
ROOT = Path(__file__).resolve().parents[2]
UPLOAD = """# Sepsis alert retirement memo

## Decision

The Quality and Safety Committee retired the zanamivir-linked sepsis alert on 14 March 2026
after the model's positive predictive value fell below the agreed floor of 0.18.
"""


def _env(shared: dict[str, str], home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ADVISOR_"))}
    return {**env, **shared, "ADVISOR_HOME": str(home)}


def _run(cmd: list[str], env: dict[str, str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run([venv_exe(cmd[0]), *cmd[1:]], env=env, cwd=ROOT, capture_output=True, text=True, **kw)


@pytest.fixture
def deployment(pg_url, tmp_path):
    """The shared servers, migrations run once, and indexing started with two replicas."""
    require_chromium()  # before minutes of indexing
    with chroma_server(tmp_path / "chroma-data") as chroma_url:
        shared = {
            "ADVISOR_DATABASE_URL": pg_url,
            "ADVISOR_CHROMA_URL": chroma_url,
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False",
        }
        migrated = _run(MIGRATE_COMMAND, _env(shared, tmp_path / "migrate"), timeout=300)
        assert migrated.returncode == 0, migrated.stderr
        assert {line.split(":")[0] for line in migrated.stdout.splitlines()} >= {
            "accounts",
            "audit",
            "catalog",
            "embedcache",
        }
        index_cmd = [venv_exe(INDEX_COMMAND[0]), *INDEX_COMMAND[1:], "--json"]
        indexer = subprocess.Popen(
            index_cmd, env=_env(shared, tmp_path / "indexer"), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            with contextlib.ExitStack() as apps:
                urls = [
                    apps.enter_context(app_server(_env(shared, tmp_path / f"home-{n}"), tmp_path / f"app-{n}.log", 180))
                    for n in ("a", "b")
                ]
                out, err = indexer.communicate(timeout=1200)
                assert indexer.returncode == 0, err.decode()[-2000:]
                yield {"shared": shared, "urls": urls, "index": json.loads(out), "tmp": tmp_path}
        finally:
            indexer.kill()


def test_upload_on_one_replica_is_answered_by_the_other(deployment):
    from playwright.sync_api import expect, sync_playwright

    tmp: Path = deployment["tmp"]
    assert deployment["index"]["files_indexed"] > 20 and not deployment["index"]["errors"]
    memo = tmp / "sepsis-alert-retirement.md"
    memo.write_text(UPLOAD, encoding="utf-8")
    url_a, url_b = deployment["urls"]
    with sync_playwright() as p, chromium(p) as browser:
        a = browser.new_page(viewport={"width": 1400, "height": 1400})
        a.goto(url_a + "/library")  # a fresh deployment: the first visitor creates the administrator
        a.get_by_label("Username", exact=True).wait_for(timeout=600_000)
        a.get_by_label("Username", exact=True).fill("admin")
        a.get_by_label("Password", exact=True).fill(PASSWORD)
        a.get_by_label("Confirm password", exact=True).fill(PASSWORD)
        a.get_by_role("button", name="Create administrator account").click()
        a.wait_for_selector("[data-testid=stFileUploaderDropzoneInput]", state="attached", timeout=600_000)
        settle(a, 0, timeout=600_000)
        a.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(memo))
        expect(a.get_by_role("button", name=f"Remove {memo.name}")).to_be_visible(timeout=60_000)  # name shown cut
        a.get_by_role("button", name="Add to the library").click()
        settle(a, 0, timeout=600_000)
        a.screenshot(path=str(tmp / "replica-a-upload.png"), full_page=True)
        expect(a.get_by_text("Added 1 file(s)", exact=False).first).to_be_visible(timeout=300_000)
        uploaded = time.perf_counter()

        b = browser.new_page(viewport={"width": 1400, "height": 1400})
        b.goto(url_b)
        browser_sign_in(b, "admin")  # replica B offers sign-in, not a first administrator
        b.wait_for_selector("[data-testid=stChatInput] textarea", timeout=600_000)
        settle(b, 0, timeout=600_000)
        b.fill("[data-testid=stChatInput] textarea", "When was the zanamivir-linked sepsis alert retired, and why?")
        b.keyboard.press("Enter")
        answer = b.locator("[data-testid=stChatMessage]").nth(1)
        answer.locator("[data-testid=stExpander]").first.wait_for(timeout=300_000)
        settle(b, 0, timeout=600_000)
        answered_s = time.perf_counter() - uploaded
        text = answer.inner_text()
        assert "14 March 2026" in text or "0.18" in text, text[:800]
        assert "Sepsis alert retirement memo" in text, text[:800]
        b.screenshot(path=str(tmp / "replica-b-answer.png"))
    print(f"uploaded on replica A, answered on replica B {answered_s:.1f} s later (includes typing the question)")

    # the CLI on a third "machine" sees the same library, organizations and audit trail
    cli_env = _env(deployment["shared"], tmp / "home-cli")
    found = _run(["advisor", "search", "zanamivir sepsis alert retired", "--json", "--k", "3"], cli_env, timeout=300)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)[0]["source"].endswith("sepsis-alert-retirement.md")
    orgs = _run(["advisor", "orgs", "--json"], cli_env, timeout=300)
    assert orgs.returncode == 0 and {"meridian-health"} <= {o["org"] for o in json.loads(orgs.stdout)}
    audit = AuditStore(Settings.from_env(cli_env))
    uploads = audit.events(event="upload")
    assert uploads and uploads[0]["detail"]["files"][0]["name"] == "sepsis-alert-retirement.md"
    assert uploads[0]["user"] == "admin"
    asks = audit.events(event="question")
    assert asks and "zanamivir" in asks[0]["question"] and asks[0]["user"] == "admin"
    assert {"user_added", "sign_in"} <= set(audit.facets()["event"])
    assert audit.verify().ok  # one chain, written by two replicas and the CLI
