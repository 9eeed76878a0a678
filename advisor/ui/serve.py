"""`python -m advisor.ui.serve [streamlit options]`: the app's server (`streamlit run
streamlit_app.py`) with the heavy objects built as the server starts.

Streamlit runs the app script only when a browser session opens a page, so a bare `streamlit
run` loads the embedding model, keyword index and PHI recognizers while the first user waits.
Here the advisor (`resources.get_advisor`, the same `st.cache_resource` entry the pages use)
is built in a background thread of the server process as soon as it starts.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from streamlit.web import cli as streamlit_cli

from . import resources

APP = Path(__file__).resolve().parents[2] / "streamlit_app.py"


def main(argv: list[str] | None = None) -> int:
    """Start warming, then run the Streamlit server on the app with these options."""
    threading.Thread(target=resources.prewarm, name="advisor-prewarm", daemon=True).start()
    sys.argv = ["streamlit", "run", str(APP), *(sys.argv[1:] if argv is None else argv)]
    return streamlit_cli.main()


if __name__ == "__main__":
    sys.exit(main())
