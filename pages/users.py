"""Users: accounts, their roles and the organizations granted to them (administrators only).
Every change is recorded in the audit log."""

from __future__ import annotations

import streamlit as st

from advisor import ui
from advisor.accounts import Role
from advisor.errors import AccountError, StoreError

ui.gate(ui.Capability.USERS)
adv = ui.get_advisor()
accounts = adv.accounts
me = ui.actor()

st.title("Users")
st.caption(
    "Consultants see only the organizations granted to them; executives read their own organization; "
    "evaluators see evaluation runs and the audit log, and no organization's data unless granted."
)
ui.show_flash()

try:
    users = accounts.users()
except StoreError as exc:
    st.error(ui.escape_md(str(exc)), icon=":material/error:")
    st.stop()
known_orgs = [o["org"] for o in adv.organizations()]

st.dataframe(
    [
        {
            "User": u.name,
            "Role": str(u.role),
            "Organizations": "all" if u.role is Role.ADMIN else ", ".join(u.orgs),
            "Sign-in": str(u.origin),
            "Disabled": u.disabled,
        }
        for u in users
    ],
    hide_index=True,
    key="users-table",
)


def _done(message: str) -> None:
    ui.flash(message)
    st.rerun()


st.subheader("Add a user")
with st.form("users-add", clear_on_submit=True):
    c1, c2 = st.columns(2)
    name = c1.text_input("Username", key="users-new-name")
    role = c2.selectbox("Role", [r.value for r in Role], index=1, key="users-new-role")
    orgs = st.multiselect("Organizations", known_orgs, key="users-new-orgs")
    password = st.text_input("Initial password", type="password", key="users-new-pw")
    add = st.form_submit_button("Add user", type="primary", icon=":material/person_add:")
if add:
    try:
        user = accounts.add_user(name, role, orgs=orgs, password=password, by=me)
    except AccountError as exc:
        st.error(ui.escape_md(str(exc)), icon=":material/error:")
    else:
        _done(f"Added {user.name} ({user.role}).")

if users:
    st.subheader("Change a user")
    names = [u.name for u in users]
    pick = st.selectbox("User", names, key="users-pick")
    chosen = next(u for u in users if u.name == pick)
    g1, g2 = st.columns(2)
    with g1:
        grant = st.selectbox(
            "Grant an organization", [o for o in known_orgs if o not in chosen.orgs], key="users-grant"
        )
        if st.button("Grant", key="users-grant-go", disabled=not grant):
            accounts.grant(chosen.name, grant, by=me)
            _done(f"Granted {grant} to {chosen.name}.")
    with g2:
        revoke = st.selectbox("Revoke an organization", list(chosen.orgs), key="users-revoke")
        if st.button("Revoke", key="users-revoke-go", disabled=not revoke):
            accounts.revoke(chosen.name, revoke, by=me)
            _done(f"Revoked {revoke} from {chosen.name}.")
    is_me = chosen.name == me.user
    if chosen.disabled:
        if st.button("Enable", key="users-enable"):
            accounts.disable(chosen.name, by=me, disabled=False)
            _done(f"Enabled {chosen.name}.")
    elif st.button("Disable", key="users-disable", disabled=is_me, help="You cannot disable yourself."):
        accounts.disable(chosen.name, by=me)
        _done(f"Disabled {chosen.name}; their sessions ended.")
