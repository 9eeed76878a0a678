"""App start and time to first answer, measured in a real browser (Debian Chromium).

    .venv/bin/python benchmarks/bench_app_start.py [--home DIR] [--question TEXT] [--runs N]
        [--wait S] [--launcher streamlit|serve]

Starts the app on a free loopback port with ADVISOR_HOME=DIR (default: the ADVISOR_HOME
environment variable, else ~/.advisor; index it first with `advisor index`), signs in as an
administrator it creates in that home when there is none yet (`--user`/`--password` otherwise),
and for each run measures:

- server_ready_s: process start until /_stcore/health answers;
- page_ready_s: page requested until the sign-in form is on screen; signed_in_s: until the chat
  input is (includes first-start indexing when the index is empty);
- cold_start_to_first_answer_s: server process start until the first cited answer is rendered
  (the clock a user sees who opens the app as soon as it is up and asks at once);
- first_answer_s: question submitted until the cited answer is rendered;
- warm answers: each further question (a new one each time), from pressing Enter until the answer
  starts to show (`warm_first_text_s`) and until it is on screen in full with its sources
  (`warm_answer_s`: the answer's text and its closed source cards; a card's passage is drawn
  when the user opens it);
- card_open_s: then, for each warm answer, clicking its first source card until the card's
  facts and passage are on screen.

Then, in a fresh process on the same ADVISOR_HOME, `Advisor.ask` answers the same warm
questions (after the same first question, with the conversation history the chat page passes):
`library_ask_s`. A library run before the browser run computes the sentence vectors these
answers need, so the app and the measured library run both find them in the embedding cache.
The app's warm overhead is the app's median minus the library's.

`--launcher serve` starts the server as `make run` does with `python -m advisor.ui.serve`
(heavy resources warmed when the server starts); `streamlit` is bare `streamlit run`.
Prints one JSON line per run and writes benchmarks/results/app_start.json.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
WARM_QUESTIONS = [
    "How should we monitor AI models after deployment?",
    "What should an AI governance committee charter contain?",
    "What does ONC HTI-1 require for decision support interventions?",
    "Who should own the AI inventory?",
    "How do we document model limitations for clinicians?",
]
BENCH_USER, BENCH_PASSWORD = "bench-admin", "bench app start passphrase"
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


# the nth chat message shows answer text (the spinner is gone and some markdown is there)
_TEXT_SHOWN = """([nth]) => {
    const m = document.querySelectorAll('[data-testid=stChatMessage]')[nth];
    if (!m || m.querySelector('[data-testid=stSpinner]')) return false;
    return [...m.querySelectorAll('[data-testid=stMarkdownContainer]')].some(e => e.innerText.trim().length > 20);
}"""
# ... and in full: its source cards (or, for an answer without sources, its notice) are there too
_FULL_SHOWN = """([nth]) => {
    const m = document.querySelectorAll('[data-testid=stChatMessage]')[nth];
    return !!m && !m.querySelector('[data-testid=stSpinner]')
        && [...m.querySelectorAll('[data-testid=stExpander], [data-testid=stAlert]')].some(e => e.getClientRects().length);
}"""
_CARD_OPEN = """([nth]) => {
    const card = document.querySelectorAll('[data-testid=stChatMessage]')[nth].querySelector('[data-testid=stExpander]');
    return !!card && card.innerText.includes('Document:');
}"""
POLL_MS = 20  # both conditions are checked in the page this often: the clock's resolution


def ask(page, question: str, nth: int) -> tuple[float, float]:
    """(seconds from pressing Enter until the answer's text starts to show, and until it is on
    screen in full with its sources); then waits for the script run to end before the next
    question (not timed). Typing the question is not timed: a user types before submitting."""
    page.fill("[data-testid=stChatInput] textarea", question)
    t0 = time.perf_counter()
    page.keyboard.press("Enter")
    page.wait_for_function(_TEXT_SHOWN, arg=[nth], timeout=600_000, polling=POLL_MS)
    shown = time.perf_counter() - t0
    page.wait_for_function(_FULL_SHOWN, arg=[nth], timeout=600_000, polling=POLL_MS)
    full = time.perf_counter() - t0
    settle(page)
    return shown, full


def open_card(page, nth: int) -> float:
    """Seconds from clicking the first source card of the nth chat message until its passage
    is on screen (the card is read and drawn when opened)."""
    card = page.locator("[data-testid=stChatMessage]").nth(nth).locator("[data-testid=stExpander]").first
    t0 = time.perf_counter()
    card.locator("summary").click()
    page.wait_for_function(_CARD_OPEN, arg=[nth], timeout=600_000, polling=POLL_MS)
    took = time.perf_counter() - t0
    settle(page)
    return took


def ensure_admin(home: Path) -> None:
    """An administrator to sign in as (created in this home when it has no account yet)."""
    sys.path.insert(0, str(ROOT))
    from advisor.accounts import Accounts
    from advisor.settings import Settings

    accounts = Accounts(Settings.from_env({"ADVISOR_HOME": str(home)}))
    if accounts.store.user(BENCH_USER) is None:
        accounts.add_user(BENCH_USER, "admin", password=BENCH_PASSWORD)


def sign_in(page, name: str, password: str) -> None:
    page.get_by_label("Username", exact=True).fill(name)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


LIBRARY_CODE = """
import json, sys, time
from advisor.answer import Advisor
first, warm = sys.argv[1], json.loads(sys.argv[2])
adv = Advisor.from_env()
ans = adv.ask(first)  # the app's first question, as in the app: model, keyword index and caches warm
history = [{"role": "user", "content": first}, {"role": "assistant", "content": ans.answer}]
out = []
for q in warm:
    t = time.perf_counter()
    ans = adv.ask(q, None, history[-6:])
    out.append(time.perf_counter() - t)
    history += [{"role": "user", "content": q}, {"role": "assistant", "content": ans.answer}]
print("RESULT " + json.dumps(out))
"""


def library_times(home: Path, first: str, warm: list[str]) -> list[float]:
    """`Advisor.ask` seconds for the warm questions, in a fresh process on the same home."""
    env = dict(os.environ, ADVISOR_HOME=str(home), HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [sys.executable, "-c", LIBRARY_CODE, first, json.dumps(warm)], env=env, cwd=ROOT, capture_output=True, text=True
    )
    lines = [x for x in r.stdout.splitlines() if x.startswith("RESULT ")]
    if r.returncode or not lines:
        raise SystemExit(r.stderr[-3000:])
    return json.loads(lines[-1][len("RESULT ") :])


def one_run(home: Path, question: str, warm: list[str], wait_before_ask: float, launcher: str, login: tuple) -> dict:
    from playwright.sync_api import sync_playwright

    port = free_port()
    env = dict(os.environ, ADVISOR_HOME=str(home), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    env["PYTHONPATH"] = str(ROOT)
    flags = ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
             "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]  # fmt: skip
    if launcher == "serve":
        cmd = [sys.executable, "-m", "advisor.ui.serve", *flags]
    else:
        cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), *flags]
    t_start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit("the server exited during start") from None
                time.sleep(0.1)
        out: dict = {"launcher": launcher, "server_ready_s": time.perf_counter() - t_start}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            t0 = time.perf_counter()
            page.goto(url)
            page.get_by_label("Username", exact=True).wait_for(timeout=900_000)
            out["page_ready_s"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            sign_in(page, *login)
            page.wait_for_selector("[data-testid=stChatInput] textarea", timeout=900_000)
            settle(page)
            out["signed_in_s"] = time.perf_counter() - t0
            time.sleep(wait_before_ask)
            out["waited_before_asking_s"] = wait_before_ask
            _, out["first_answer_s"] = ask(page, question, 1)
            out["cold_start_to_first_answer_s"] = time.perf_counter() - t_start
            shown, full = [], []
            for i, q in enumerate(warm):
                a, b = ask(page, q, 3 + 2 * i)
                shown.append(round(a, 3))
                full.append(round(b, 3))
            out["warm_first_text_s"], out["warm_answer_s"] = shown, full
            out["card_open_s"] = [round(open_card(page, 3 + 2 * i), 3) for i in range(len(warm))]
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
    ap.add_argument(
        "--wait", type=float, default=0.0, help="seconds a user takes before asking (default 0: worst case)"
    )
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--launcher", choices=["streamlit", "serve"], default="serve")
    ap.add_argument("--user", default=BENCH_USER)
    ap.add_argument("--password", default=BENCH_PASSWORD)
    ap.add_argument("--no-library", action="store_true", help="skip the in-process Advisor.ask comparison")
    a = ap.parse_args()
    if a.user == BENCH_USER:
        ensure_admin(a.home)
    if not a.no_library:
        # the library answers the warm questions once first: the sentence vectors they need are then
        # in the home's embedding cache for the app and for the measured library run alike
        library_times(a.home, a.question, WARM_QUESTIONS)
    results = []
    for _ in range(a.runs):
        r = one_run(a.home, a.question, WARM_QUESTIONS, a.wait, a.launcher, (a.user, a.password))
        print(json.dumps(r), flush=True)
        results.append(r)
    summary: dict = {"home": str(a.home), "runs": results}
    if not a.no_library:
        lib = library_times(a.home, a.question, WARM_QUESTIONS)
        app_full = statistics.median(x for r in results for x in r["warm_answer_s"])
        app_shown = statistics.median(x for r in results for x in r["warm_first_text_s"])
        summary["library_ask_s"] = [round(x, 3) for x in lib]
        summary["warm_overhead_ms"] = {
            "answer_starts_showing": round((app_shown - statistics.median(lib)) * 1000),
            "answer_rendered_in_full": round((app_full - statistics.median(lib)) * 1000),
        }
        print(json.dumps({k: summary[k] for k in ("library_ask_s", "warm_overhead_ms")}))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "app_start.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
