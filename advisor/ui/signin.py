"""Sign-in for the app: the first visitor of a fresh install creates the administrator; every
later visitor signs in (local account, or OpenID Connect through `st.login` when configured);
`gate()` at the top of every page lets through only a signed-in user whose role opens it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from ..accounts import CAPABILITIES, Accounts, Capability, ClaimMapping, User, map_claims
from ..errors import AccessDenied, AccountError, SignInFailed, StoreError
from .markdown import escape_md
from .resources import get_advisor
from .session import SESSION_KEY, current_user

OIDC_SECTION = "advisor_oidc"


def _secrets(section: str) -> Mapping[str, Any] | None:
    """A table of .streamlit/secrets.toml, or None (no file, or no such table)."""
    try:
        value = st.secrets.get(section)
    except Exception:  # no secrets file at all: Streamlit raises its own error types
        return None
    return value if isinstance(value, Mapping) else None


def oidc_configured() -> bool:
    return _secrets("auth") is not None


def _oidc_session(accounts: Accounts) -> User | None:
    """After `st.login`: map the provider's claims to an account and open a session for it."""
    if not oidc_configured() or not getattr(st.user, "is_logged_in", False):
        return None
    try:
        identity = map_claims(dict(st.user.to_dict()), ClaimMapping.from_secrets(_secrets(OIDC_SECTION)))
        st.session_state[SESSION_KEY] = accounts.sign_in_external(identity)
    except (AccessDenied, AccountError, SignInFailed) as exc:
        st.error(escape_md(str(exc)), icon=":material/no_accounts:")
        st.button("Sign out of the identity provider", on_click=st.logout)
        st.stop()
    return current_user()


def _first_admin(accounts: Accounts) -> None:
    st.title("Welcome to the Readiness Advisor")
    st.markdown(
        "This is a fresh install. Create the **administrator** account: the administrator adds users, "
        "grants them organizations, manages the library and reads the audit log. Everyone after you signs in."
    )
    with st.form("first-admin"):
        name = st.text_input("Username", key="first-admin-name", autocomplete="username")
        password = st.text_input("Password", type="password", key="first-admin-pw", autocomplete="new-password")
        again = st.text_input("Confirm password", type="password", key="first-admin-pw2", autocomplete="new-password")
        done = st.form_submit_button("Create administrator account", type="primary")
    if done:
        if password != again:
            st.error("The two passwords differ; type the same password twice.")
            return
        try:
            accounts.create_first_admin(name, password)
            st.session_state[SESSION_KEY] = accounts.sign_in(name, password)
        except (AccountError, SignInFailed) as exc:
            st.error(escape_md(str(exc)), icon=":material/error:")
            return
        st.rerun()


def _sign_in(accounts: Accounts) -> None:
    st.title("Sign in")
    st.caption("Readiness Advisor — cited answers on a health system's readiness to scale AI.")
    with st.form("sign-in"):
        name = st.text_input("Username", key="sign-in-name", autocomplete="username")
        password = st.text_input("Password", type="password", key="sign-in-pw", autocomplete="current-password")
        done = st.form_submit_button("Sign in", type="primary")
    if done:
        try:
            st.session_state[SESSION_KEY] = accounts.sign_in(name, password)
        except SignInFailed as exc:
            st.error(str(exc), icon=":material/lock:")
            return
        st.rerun()
    if oidc_configured():
        st.button("Sign in with your organization's account", on_click=st.login, icon=":material/key:")


def sign_in_page() -> None:
    """The page a visitor without a session sees: first-admin creation, or the sign-in form."""
    try:
        accounts = get_advisor().accounts
        if accounts.needs_first_admin():
            _first_admin(accounts)
        else:
            _sign_in(accounts)
    except StoreError as exc:
        st.error(f"Sign-in is unavailable: {escape_md(str(exc))}", icon=":material/error:")


def signed_in() -> User | None:
    """The signed-in user, opening a session from an OpenID Connect sign-in when there is one."""
    user = current_user()
    if user is None:
        try:
            user = _oidc_session(get_advisor().accounts)
        except StoreError:
            user = None
    return user


def gate(capability: Capability | None = None) -> User:
    """Let through a signed-in user whose role has `capability`; anyone else sees the sign-in
    form (or a refusal) and the page stops there. The first line of every page."""
    user = signed_in()
    if user is None:
        sign_in_page()
        st.stop()
    if capability is not None and capability not in CAPABILITIES[user.role]:
        st.error(
            f"Your role ({user.role}) does not open this page. Ask an administrator if you need it.",
            icon=":material/block:",
        )
        st.stop()
    return user


def sign_out() -> None:
    """End this browser session's sign-in (and the identity provider's, for OIDC users)."""
    token = st.session_state.pop(SESSION_KEY, None)
    try:
        get_advisor().accounts.sign_out(token)
    except StoreError:
        pass
    for key in [k for k in st.session_state if k != SESSION_KEY]:
        del st.session_state[key]  # nothing of the previous user's work stays in the browser session
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()
