"""Shared Streamlit plumbing: heavy objects built once, and the current organization.

Every page gets the advisor and the organization from here, so sign-in and per-role
access can later be enforced in one place without touching each page.
"""

from __future__ import annotations

import streamlit as st

ORG_KEY = "advisor_org"


@st.cache_resource(show_spinner=False)
def get_advisor():
    """One Advisor (index, retriever, embedding model) per server process."""
    from .answer import Advisor

    return Advisor.from_env()


def current_org() -> str | None:
    """The organization the user is working on (None: no organization selected)."""
    return st.session_state.get(ORG_KEY) or None


def set_current_org(org: str | None) -> None:
    st.session_state[ORG_KEY] = org or None
