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


def browser_sign_in(page, name: str, password: str = PASSWORD) -> None:
    """Fill the app's sign-in form in a Playwright page and wait for the signed-in app."""
    page.get_by_label("Username", exact=True).wait_for(timeout=60_000)
    page.get_by_label("Username", exact=True).fill(name)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("Sign out").wait_for(timeout=60_000)
