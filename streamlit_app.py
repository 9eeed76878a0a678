"""Readiness Advisor — the Streamlit app (`make run`).

A thin shell over the `advisor` library: sign-in (the first visitor of a fresh install creates
the administrator), navigation by role, the organization selector (only the organizations the
user may see), the mode indicator and first-start indexing. Each page lives in `pages/` and gets the advisor and the
current organization from `advisor.ui`.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from advisor import ui
from advisor.accounts import Access, Capability
from advisor.errors import AdvisorError

HERE = Path(__file__).resolve().parent
NO_ORG = "__none__"
ORG_WIDGET = "_org_selector"

st.set_page_config(
    page_title="Readiness Advisor",
    # an emoji is drawn by the browser itself; a ":material/…" icon here would make every browser
    # fetch the tab's icon from fonts.gstatic.com on every script run, from an app that is offline
    page_icon="🩺",
    layout="wide",
    initial_sidebar_state="expanded",
)

try:
    adv = ui.get_advisor()
except AdvisorError as exc:
    st.title("Readiness Advisor")
    st.error(f"The advisor cannot start: {exc}", icon=":material/error:")
    st.caption("Fix the setting named above (see README.md, Configuration) and reload the page.")
    st.stop()


# (file, title, icon, url path, the capability that opens it, shown only with an organization to see)
PAGES = {
    "Advisor": [
        ("chat.py", "Chat", ":material/forum:", "", Capability.CHAT, False),
        ("dashboard.py", "Readiness dashboard", ":material/monitoring:", "dashboard", Capability.DASHBOARD, True),
        (
            "recommendations.py",
            "Recommendations",
            ":material/checklist:",
            "recommendations",
            Capability.RECOMMENDATIONS,
            True,
        ),
        ("assessment.py", "Assessment", ":material/assignment:", "assessment", Capability.ASSESSMENT, False),
        ("model_cards.py", "Model cards", ":material/fact_check:", "model-cards", Capability.MODEL_CARDS, False),
        ("evaluation.py", "Evaluation", ":material/science:", "evaluation", Capability.EVALUATION, False),
    ],
    "Admin": [
        ("library.py", "Library", ":material/library_books:", "library", Capability.LIBRARY, False),
        ("users.py", "Users", ":material/group:", "users", Capability.USERS, False),
        ("audit.py", "Audit log", ":material/fact_check:", "audit", Capability.AUDIT, False),
        ("settings.py", "Settings", ":material/settings:", "settings", Capability.SETTINGS, False),
    ],
}


def _pages(access: Access, has_orgs: bool) -> dict[str, list]:
    """The pages this user's role opens (each page checks again with `ui.gate`)."""
    out: dict[str, list] = {}
    for section, pages in PAGES.items():
        for file, title, icon, url, capability, needs_org in pages:
            if not (HERE / "pages" / file).exists() or not access.can(capability) or (needs_org and not has_orgs):
                continue
            kw = {"url_path": url} if url else {"default": True}
            out.setdefault(section, []).append(st.Page(f"pages/{file}", title=title, icon=icon, **kw))
    return out


def _org_selector(orgs: list[dict]) -> None:
    names = {o["org"]: o for o in orgs}
    current = ui.current_org()
    if current and current not in names:  # e.g. just saved, or removed from the index
        names[current] = {"org": current, "name": current, "assessments": []}
    options = [NO_ORG, *names]
    # Keep the widget in step with the organization chosen elsewhere (e.g. on the dashboard).
    wanted = current or NO_ORG
    if st.session_state.get(ORG_WIDGET) != wanted:
        st.session_state[ORG_WIDGET] = wanted

    def label(key: str) -> str:
        if key == NO_ORG:
            return "No organization (guidance only)"
        o = names[key]
        return o["name"]

    def changed() -> None:
        value = st.session_state.get(ORG_WIDGET)
        ui.set_current_org(None if value == NO_ORG else value)

    st.selectbox(
        "Organization",
        options,
        format_func=label,
        key=ORG_WIDGET,
        on_change=changed,
        help="Answers and the dashboard use this organization's assessment results, next to the shared guidance.",
    )
    if current and current in names:
        dates = names[current]["assessments"]
        if dates:
            st.caption(f"{len(dates)} assessment{'s' if len(dates) != 1 else ''}: {', '.join(dates)}")
    elif not orgs:
        st.caption("No assessment results indexed yet — add one on the Assessment page.")


user = ui.signed_in()
if user is None:  # only the sign-in form (or, on a fresh install, the first administrator's)
    # every page's address shows the sign-in form, and opens that page once signed in
    urls = [p[3] for pages in PAGES.values() for p in pages if p[3]]
    signin = [st.Page(ui.sign_in_page, title="Sign in", default=True)]
    signin += [st.Page(ui.sign_in_page, title="Sign in", url_path=u) for u in urls]
    st.navigation(signin, position="hidden").run()
    st.stop()

access = ui.access()
orgs = ui.org_options(adv)
nav = st.navigation(_pages(access, bool(orgs)), position="sidebar")
ui.ensure_index_ui(adv)  # first start: index the bundled corpus, with a progress bar

with st.sidebar:
    _org_selector(orgs)
    st.divider()
    st.markdown(f":material/account_circle: **{ui.escape_md(user.name)}** · {user.role}")
    st.button("Sign out", on_click=ui.sign_out, key="sign-out", icon=":material/logout:", type="tertiary")
    st.divider()
    if adv.settings.mode == "llm":
        st.markdown(f":violet-badge[:material/smart_toy: LLM] {ui.escape_md(adv.settings.llm_model)}")
        st.caption("A language model writes answers; every citation is verified against the retrieved passages.")
    else:
        st.markdown(":green-badge[:material/cloud_off: Offline]")
        st.caption("Answers are composed from retrieved passages on this machine; nothing leaves it.")
    try:
        n_files, n_chunks = ui.index_counts(adv)
        st.caption(f"{n_files} documents · {n_chunks:,} passages indexed")
    except Exception:  # the library page reports index problems in detail
        pass

nav.run()
