"""Readiness Advisor — the Streamlit app (`make run`).

A thin shell over the `advisor` library: navigation, the organization selector, the mode
indicator and first-start indexing. Each page lives in `pages/` and gets the advisor and the
current organization from `advisor.ui`.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from advisor import ui
from advisor.errors import AdvisorError

HERE = Path(__file__).resolve().parent
NO_ORG = "__none__"
ORG_WIDGET = "_org_selector"

st.set_page_config(
    page_title="Readiness Advisor",
    page_icon=":material/health_and_safety:",
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


def _pages() -> dict[str, list]:
    advisor_pages = [
        st.Page("pages/chat.py", title="Chat", icon=":material/forum:", default=True),
        st.Page("pages/dashboard.py", title="Readiness dashboard", icon=":material/monitoring:", url_path="dashboard"),
    ]
    if (HERE / "pages" / "recommendations.py").exists():
        advisor_pages.append(
            st.Page(
                "pages/recommendations.py",
                title="Recommendations",
                icon=":material/checklist:",
                url_path="recommendations",
            )
        )
    advisor_pages.append(
        st.Page("pages/assessment.py", title="Assessment", icon=":material/assignment:", url_path="assessment")
    )
    advisor_pages.append(
        st.Page("pages/model_cards.py", title="Model cards", icon=":material/fact_check:", url_path="model-cards")
    )
    admin_pages = [
        st.Page("pages/library.py", title="Library", icon=":material/library_books:", url_path="library"),
        st.Page("pages/audit.py", title="Audit log", icon=":material/fact_check:", url_path="audit"),
        st.Page("pages/evaluation.py", title="Evaluation", icon=":material/science:", url_path="evaluation"),
        st.Page("pages/settings.py", title="Settings", icon=":material/settings:", url_path="settings"),
    ]
    return {"Advisor": advisor_pages, "Admin": admin_pages}


def _org_selector() -> None:
    orgs = ui.org_options(adv)
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


nav = st.navigation(_pages(), position="sidebar")
ui.ensure_index_ui(adv)  # first start: index the bundled corpus, with a progress bar

with st.sidebar:
    _org_selector()
    st.divider()
    if adv.settings.mode == "llm":
        st.markdown(f":violet-badge[:material/smart_toy: LLM] {ui.escape_md(adv.settings.llm_model)}")
        st.caption("A language model writes answers; every citation is verified against the retrieved passages.")
    else:
        st.markdown(":green-badge[:material/cloud_off: Offline]")
        st.caption("Answers are composed from retrieved passages on this machine; nothing leaves it.")
    try:
        n_files = len(adv.index.files())
        n_chunks = adv.index.chunk_count()
        st.caption(f"{n_files} documents · {n_chunks:,} passages indexed")
    except Exception:  # the library page reports index problems in detail
        pass

nav.run()
