"""Audit log: who did what and when — sign-ins, questions and answers with their provenance,
uploads, indexing, deletions, exports, grant and settings changes — and answer feedback.
Filter by user, organization, event and date; check the hash chain; export it."""

from __future__ import annotations

import datetime as dt
import json

import streamlit as st

from advisor import ui
from advisor.audit import EVENTS
from advisor.errors import StoreError

ui.gate(ui.Capability.AUDIT)
adv = ui.get_advisor()
ALL = "__all__"

st.title("Audit log")
st.caption(
    f"Stored in {ui.escape_md(str(adv.settings.audit_path))}; append-only and hash-chained, kept "
    + (f"{adv.settings.audit_retention_days} days" if adv.settings.audit_retention_days else "forever")
    + ". Questions are stored with personal health information redacted. Newest first."
)

SCOPE = ui.access().event_orgs  # another organization's questions, answers and feedback stay unseen
try:
    store = ui.audit_store()
    counts = store.counts(orgs=SCOPE)
    facets = store.facets(orgs=SCOPE)
    feedback = store.feedback(limit=500, orgs=SCOPE)
except StoreError as exc:
    st.error(ui.escape_md(str(exc)), icon=":material/error:")
    st.stop()

m = st.columns(4)
m[0].metric("Questions asked", counts.get("question", 0) + counts.get("ask", 0), border=True)
m[1].metric("Helpful / not helpful", f"{counts.get('feedback_up', 0)} / {counts.get('feedback_down', 0)}", border=True)
m[2].metric("Sign-ins / failed", f"{counts.get('sign_in', 0)} / {counts.get('sign_in_failed', 0)}", border=True)
m[3].metric("Access refused", counts.get("access_denied", 0), border=True)

tab_ev, tab_fb, tab_chain = st.tabs(
    [":material/list_alt: Events", ":material/thumbs_up_down: Feedback", ":material/link: Integrity and export"]
)

with tab_ev:
    f1, f2, f3, f4 = st.columns([2, 2, 2, 3])
    kinds = sorted(set(EVENTS) | set(facets["event"]))
    kind = f1.selectbox("Event", [ALL, *kinds], key="audit-kind", format_func=lambda k: "All events" if k == ALL else k)
    user = f2.selectbox(
        "User", [ALL, *facets["user"]], key="audit-user", format_func=lambda u: "All users" if u == ALL else u
    )
    org = f3.selectbox(
        "Organization",
        [ALL, *facets["org"]],
        key="audit-org",
        format_func=lambda o: "All organizations" if o == ALL else o,
    )
    today = dt.date.today()
    dates = f4.date_input("Dates", value=(today - dt.timedelta(days=30), today), key="audit-dates", format="YYYY-MM-DD")
    since, until = dates if isinstance(dates, tuple) and len(dates) == 2 else (None, None)
    try:
        events = store.events(
            limit=1000,
            event=None if kind == ALL else kind,
            user=None if user == ALL else user,
            org=None if org == ALL else org,
            since=since.isoformat() if since else None,
            until=until.isoformat() if until else None,
            orgs=SCOPE,
        )
    except StoreError as exc:
        st.error(ui.escape_md(str(exc)), icon=":material/error:")
        events = []
    if not events:
        st.info("No events match these filters.", icon=":material/history:")
    else:
        st.dataframe(
            ui.event_rows(events),
            hide_index=True,
            key="audit-events",
            column_config={
                "Time": st.column_config.TextColumn(width="small"),
                "Question": st.column_config.TextColumn(width="medium"),
                "Detail": st.column_config.TextColumn(width="large"),
            },
        )
        st.caption(f"{len(events)} events shown (at most 1,000; export for all of them).")

with tab_fb:
    if not feedback:
        st.info("No feedback yet. Thumbs up or down under an answer in the chat lands here.", icon=":material/chat:")
    else:
        only_down = st.toggle("Only answers marked not helpful", key="audit-down")
        st.dataframe(
            ui.feedback_rows(feedback, only_down=only_down),
            hide_index=True,
            key="audit-feedback",
            column_config={
                "Rating": st.column_config.TextColumn(width="small"),
                "Question": st.column_config.TextColumn(width="medium"),
                "Answer": st.column_config.TextColumn(width="large"),
            },
        )
        st.download_button(
            "Download feedback (JSON)",
            json.dumps(feedback, indent=2, ensure_ascii=False),
            file_name="feedback.json",
            mime="application/json",
            icon=":material/download:",
            on_click=ui.audit_log,
            args=("export", {"what": "feedback", "format": "json"}),
        )

with tab_chain:
    st.markdown(
        "Each event stores the hash of the one before it, so a row that was changed or removed breaks the chain. "
        "The same check runs with `advisor audit verify`."
    )
    if st.button("Verify the audit trail", icon=":material/verified:", key="audit-verify"):
        result = store.verify()
        (st.success if result.ok else st.error)(ui.escape_md(result.message()))
    c1, c2 = st.columns(2)
    c1.download_button(
        "Export the audit trail (JSON)",
        data=lambda: store.export("json", orgs=SCOPE),
        file_name="audit-trail.json",
        mime="application/json",
        icon=":material/download:",
        on_click=ui.audit_log,
        args=("export", {"what": "audit trail", "format": "json"}),
        key="audit-export-json",
    )
    c2.download_button(
        "Export the audit trail (CSV)",
        data=lambda: store.export("csv", orgs=SCOPE),
        file_name="audit-trail.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click=ui.audit_log,
        args=("export", {"what": "audit trail", "format": "csv"}),
        key="audit-export-csv",
    )
