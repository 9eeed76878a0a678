"""What one browser session owns, kept in `st.session_state`: who is signed in, the organization
worked on, the chat, a message for the next run; and the audit events it records.

Every page gets the user and the organization from here: `current_org()` never returns an
organization the signed-in user may not see, whatever the session state says.
"""

from __future__ import annotations

import streamlit as st

from ..accounts import Access, Capability, User
from ..audit import Actor
from ..errors import StoreError
from .resources import audit_store, get_advisor

ORG_KEY = "advisor_org"
MESSAGES_KEY = "chat_messages"
PENDING_KEY = "chat_pending_question"
FLASH_KEY = "advisor_flash"
SESSION_KEY = "advisor_session_token"  # the sign-in session's token (only its hash is stored server-side)

NOBODY = Access(user="", capabilities=frozenset())  # not signed in: no page, no organization


def current_user() -> User | None:
    """The signed-in user of this browser session (None: nobody, or the session expired)."""
    token = st.session_state.get(SESSION_KEY)
    if not token:
        return None
    try:
        user = get_advisor().accounts.session_user(token)
    except StoreError:
        user = None
    if user is None:
        st.session_state.pop(SESSION_KEY, None)
    return user


def user_name() -> str | None:
    """The name to pass as `user=` to library calls. Nobody signed in gets a name no account
    can have, so a call made without a session is refused rather than run as the operator."""
    user = current_user()
    return user.name if user is not None else "(not signed in)"


def access() -> Access:
    user = current_user()
    return Access.of(user) if user is not None else NOBODY


def can(capability: Capability) -> bool:
    return access().can(capability)


def actor() -> Actor:
    user = current_user()
    return Actor(user.name, str(user.role)) if user is not None else Actor("(not signed in)")


def current_org() -> str | None:
    """The organization the user is working on (None: none selected, or not one they may see)."""
    org = st.session_state.get(ORG_KEY) or None
    return org if org and access().may_see(org) else None


def set_current_org(org: str | None) -> None:
    st.session_state[ORG_KEY] = org or None


def audit_log(event: str, detail: dict, org: str | None = None) -> None:
    """Record an audit event as the signed-in user; a broken audit store never stops the user's
    work (it warns)."""
    try:
        audit_store().log(event, detail, org=org, actor=actor())
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
