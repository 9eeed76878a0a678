"""What one browser session owns, kept in `st.session_state`: the organization worked on,
the chat, a message for the next run; and the audit events it records.

Every page gets the organization from here, so sign-in and per-role access can later be
enforced in one place without touching each page.
"""

from __future__ import annotations

import streamlit as st

from ..errors import StoreError
from .resources import audit_store

ORG_KEY = "advisor_org"
MESSAGES_KEY = "chat_messages"
PENDING_KEY = "chat_pending_question"
FLASH_KEY = "advisor_flash"


def current_org() -> str | None:
    """The organization the user is working on (None: no organization selected)."""
    return st.session_state.get(ORG_KEY) or None


def set_current_org(org: str | None) -> None:
    st.session_state[ORG_KEY] = org or None


def audit_log(event: str, detail: dict, org: str | None = None) -> None:
    """Record an audit event; a broken audit store never stops the user's work (it warns)."""
    try:
        audit_store().log(event, detail, org=org)
    except (StoreError, ValueError) as exc:
        st.toast(f"Audit log unavailable: {exc}", icon=":material/warning:")


def flash(message: str, kind: str = "success") -> None:
    """A message shown once on the next run (survives st.rerun)."""
    st.session_state[FLASH_KEY] = (kind, message)


def show_flash() -> None:
    item = st.session_state.pop(FLASH_KEY, None)
    if item:
        kind, message = item
        getattr(st, kind, st.info)(message)
