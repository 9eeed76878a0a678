"""Signed-in app sessions for AppTest: `signed_in(at)` creates the account (once per
ADVISOR_HOME) and puts a live session token into the test's session state."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from advisor.accounts import Accounts
from advisor.settings import Settings
from advisor.ui import SESSION_KEY

PASSWORD = "a long test passphrase"


def session_token(name: str = "admin", role: str = "admin", orgs: tuple[str, ...] = ()) -> str:
    """A live session for `name` in the current ADVISOR_HOME, creating the account if needed."""
    accounts = Accounts(Settings.from_env())
    if accounts.store.user(name) is None:
        accounts.add_user(name, role, orgs=list(orgs), password=PASSWORD)
    return accounts.sign_in(name, PASSWORD)


def signed_in(at: AppTest, name: str = "admin", role: str = "admin", orgs: tuple[str, ...] = ()) -> AppTest:
    """The app test with `name` signed in (an administrator unless told otherwise)."""
    at.session_state[SESSION_KEY] = session_token(name, role, orgs)
    return at
