"""App start and time to first answer, measured in a real browser (Debian Chromium).

    .venv/bin/python benchmarks/bench_app_start.py [--home DIR] [--question TEXT] [--runs N]

Starts `streamlit run streamlit_app.py` on a free loopback port with ADVISOR_HOME=DIR
(default: the ADVISOR_HOME environment variable, else ~/.advisor), and for each run measures:

- server_ready_s: process start until /_stcore/health answers;
- page_ready_s: page requested until the chat input is on screen (includes first-start
  indexing when the index is empty);
- first_answer_s: question submitted until the cited answer is rendered (the embedding model
  loads in the background from the first page view, so this depends on how soon one asks);
- second_answer_s: the next question, model warm.

Prints one JSON line per run and writes benchmarks/results/app_start.json.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def settle(page) -> None:
    time.sleep(0.2)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " && !document.querySelector('[data-testid=stSkeleton]')",
        timeout=600_000,
    )


def ask(page, question: str, nth: int) -> float:
    t0 = time.perf_counter()
    page.fill("[data-testid=stChatInput] textarea", question)
    page.keyboard.press("Enter")
    msg = page.locator("[data-testid=stChatMessage]").nth(nth)
    msg.locator("[data-testid=stExpander], [data-testid=stAlert]").first.wait_for(timeout=600_000)
    settle(page)
    return time.perf_counter() - t0


def one_run(home: Path, question: str, follow_up: str, wait_before_ask: float) -> dict:
    from playwright.sync_api import sync_playwright

    port = free_port()
    env = dict(os.environ, ADVISOR_HOME=str(home), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    t_start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("streamlit exited during start") from None
                time.sleep(0.1)
        out = {"server_ready_s": time.perf_counter() - t_start}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            t0 = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("[data-testid=stChatInput] textarea", timeout=900_000)
            settle(page)
            out["page_ready_s"] = time.perf_counter() - t0
            time.sleep(wait_before_ask)
            out["waited_before_asking_s"] = wait_before_ask
            out["first_answer_s"] = ask(page, question, 1)
            out["second_answer_s"] = ask(page, follow_up, 3)
            browser.close()
        return {k: round(v, 2) if isinstance(v, float) else v for k, v in out.items()}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--home", type=Path, default=Path(os.environ.get("ADVISOR_HOME") or Path.home() / ".advisor"))
    ap.add_argument("--question", default="What does GOVERN 1.6 require?")
    ap.add_argument("--follow-up", default="How should we monitor AI models after deployment?")
    ap.add_argument(
        "--wait", type=float, default=0.0, help="seconds a user takes before asking (default 0: worst case)"
    )
    ap.add_argument("--runs", type=int, default=1)
    a = ap.parse_args()
    results = []
    for _ in range(a.runs):
        r = one_run(a.home, a.question, a.follow_up, a.wait)
        print(json.dumps(r))
        results.append(r)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "app_start.json").write_text(json.dumps({"home": str(a.home), "runs": results}, indent=2))


if __name__ == "__main__":
    main()
