"""Audit log: answer feedback and what people did (asks, uploads, indexing, saves, exports)."""

from __future__ import annotations

import json

import streamlit as st

from advisor import ui
from advisor.audit import EVENTS
from advisor.errors import StoreError

adv = ui.get_advisor()

st.title("Audit log")
st.caption(f"Stored in {ui.escape_md(str(adv.settings.audit_path))}. Newest first.")

try:
    store = ui.audit_store()
    counts = store.counts()
    feedback = store.feedback(limit=500)
except StoreError as exc:
    st.error(ui.escape_md(str(exc)), icon=":material/error:")
    st.stop()

m = st.columns(4)
m[0].metric("Questions asked", counts.get("ask", 0), border=True)
m[1].metric("Helpful / not helpful", f"{counts.get('feedback_up', 0)} / {counts.get('feedback_down', 0)}", border=True)
m[2].metric("Uploads", counts.get("upload", 0), border=True)
m[3].metric("Assessments saved", counts.get("assessment_saved", 0), border=True)

tab_ev, tab_fb = st.tabs([":material/list_alt: Events", ":material/thumbs_up_down: Feedback"])

with tab_fb:
    if not feedback:
        st.info("No feedback yet. Thumbs up or down under an answer in the chat lands here.", icon=":material/chat:")
    else:
        only_down = st.toggle("Only answers marked not helpful", key="audit-down")
        rows = ui.feedback_rows(feedback, only_down=only_down)
        st.dataframe(
            rows,
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
            on_click="ignore",
        )

with tab_ev:
    kinds = sorted(set(EVENTS) | {k for k in counts if not k.startswith("feedback_")})
    kind = st.selectbox(
        "Event", ["all", *kinds], key="audit-kind", format_func=lambda k: "All events" if k == "all" else k
    )
    try:
        events = store.events(limit=500, event=None if kind == "all" else kind)
    except StoreError as exc:
        st.error(ui.escape_md(str(exc)), icon=":material/error:")
        events = []
    if not events:
        st.info("No events recorded yet.", icon=":material/history:")
    else:
        st.dataframe(
            ui.event_rows(events),
            hide_index=True,
            key="audit-events",
            column_config={"Detail": st.column_config.TextColumn(width="large")},
        )
