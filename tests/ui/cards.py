"""Citation cards in AppTest: a card's details are drawn when the user opens it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from advisor import ui


def open_citations(at: AppTest) -> AppTest:
    """Open every citation card of the last answer, as a user clicking each one would, and rerun."""
    msg = at.session_state[ui.MESSAGES_KEY][-1]
    for c in msg["answer"].citations:
        at.session_state[f"a-{msg['id']}-c{c.marker}-open"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
