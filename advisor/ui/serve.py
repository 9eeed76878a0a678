"""`python -m advisor.ui.serve [streamlit options]`: the app's server (`streamlit run
streamlit_app.py`) with the heavy objects built as the server starts.

Streamlit runs the app script only when a browser session opens a page, so a bare `streamlit
run` loads the embedding model, keyword index and PHI recognizers while the first user waits.
Here the advisor (`resources.get_advisor`, the same `st.cache_resource` entry the pages use)
is built, and its warm-up answer drafted, in a background thread of the server process as soon
as the server is up; what it loaded is then frozen out of the garbage collector's full passes
(`resources._freeze_heap`), which Streamlit runs after every script run.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from streamlit.runtime import Runtime, RuntimeState
from streamlit.web import cli as streamlit_cli

from . import resources

APP = Path(__file__).resolve().parents[2] / "streamlit_app.py"
SERVER_WAIT_S = 30.0


def _warm_when_serving() -> None:
    """Warm once the server accepts connections: the sign-in page then shows at once, and the
    model loads while the user signs in (warming first would delay the server's own start)."""
    deadline = time.monotonic() + SERVER_WAIT_S
    while time.monotonic() < deadline:
        if Runtime.exists() and Runtime.instance().state != RuntimeState.INITIAL:
            break
        time.sleep(0.05)
    resources.prewarm(freeze=True)


def main(argv: list[str] | None = None) -> int:
    """Start warming, then run the Streamlit server on the app with these options."""
    threading.Thread(target=_warm_when_serving, name="advisor-prewarm", daemon=True).start()
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    return streamlit_cli.main()


if __name__ == "__main__":
    sys.exit(main())
