"""Chat: cited answers from the guidance and the organization's assessment."""

from __future__ import annotations

import uuid

import streamlit as st

from advisor import ui
from advisor.errors import AdvisorError, StoreError

HISTORY_TURNS = 6  # messages passed to the advisor for follow-ups

GUIDANCE_QUESTIONS = [
    "What does GOVERN 1.6 require?",
    "What does ONC HTI-1 require for decision support interventions?",
    "What should an AI governance committee charter contain?",
    "How should we monitor AI models after deployment?",
]
ORG_QUESTIONS = [
    "Are we ready to scale ambient documentation?",
    "What are our biggest data gaps?",
    "Which blocking issues cap our readiness tier?",
    "What should we fix first to be ready for generative AI?",
]

ui.gate(ui.Capability.CHAT)
adv = ui.get_advisor()
org = ui.current_org()
name = ui.org_name(adv, org)
messages: list[dict] = st.session_state.setdefault(ui.MESSAGES_KEY, [])


def _ask_later(question: str) -> None:
    st.session_state[ui.PENDING_KEY] = question


def _clear() -> None:
    st.session_state[ui.MESSAGES_KEY] = []
    for k in [k for k in st.session_state if str(k).startswith(("fb-", "fbc-", "fbid-"))]:
        del st.session_state[k]


def _on_feedback(msg_id: str) -> None:
    value = st.session_state.get(f"fb-{msg_id}")
    msg = next((m for m in st.session_state.get(ui.MESSAGES_KEY, []) if m.get("id") == msg_id), None)
    if value is None or msg is None:
        return
    try:
        store = ui.audit_store()
        fid = st.session_state.get(f"fbid-{msg_id}")
        if fid:
            store.update_feedback(fid, rating=value)
        else:
            st.session_state[f"fbid-{msg_id}"] = store.record_feedback(
                value, msg.get("question", ""), msg.get("answer"), org=msg.get("org"), actor=ui.actor()
            )
        st.toast("Thanks — your feedback was saved.", icon=":material/check:")
    except StoreError as exc:
        st.toast(f"Feedback not saved: {exc}", icon=":material/error:")


def _save_comment(msg_id: str) -> None:
    comment = (st.session_state.get(f"fbc-{msg_id}") or "").strip()
    fid = st.session_state.get(f"fbid-{msg_id}")
    if not comment or not fid:
        return
    try:
        ui.audit_store().update_feedback(fid, comment=comment)
        st.toast("Comment saved.", icon=":material/check:")
    except StoreError as exc:
        st.toast(f"Comment not saved: {exc}", icon=":material/error:")


def _feedback(msg: dict) -> None:
    mid = msg["id"]
    st.feedback("thumbs", key=f"fb-{mid}", on_change=_on_feedback, args=(mid,))
    if st.session_state.get(f"fbid-{mid}"):
        with st.form(f"fbform-{mid}", border=False, clear_on_submit=False):
            c1, c2 = st.columns([5, 1], vertical_alignment="bottom")
            c1.text_input("Comment (optional)", key=f"fbc-{mid}", placeholder="What was right or wrong?")
            c2.form_submit_button("Send", on_click=_save_comment, args=(mid,))


def _render_assistant(msg: dict) -> None:
    ans = msg.get("answer")
    if ans is None:
        st.error(ui.escape_md(msg["content"]), icon=":material/error:")
        return
    ui.render_answer(adv, ans, key=f"a-{msg['id']}")
    _feedback(msg)


def _log_export() -> None:
    ui.audit_log("export", {"what": "conversation", "format": "markdown", "messages": len(messages)}, org=org)


# ----------------------------------------------------------------------------- header

head, tools = st.columns([3, 2], vertical_alignment="bottom")
with head:
    st.title("Ask the advisor")
    if name:
        st.caption(
            f"Answering for **{ui.escape_md(name)}** from its assessment results and the governance guidance. "
            "Every claim is cited."
        )
    else:
        st.caption(
            "Answering from the governance guidance. Select an organization in the sidebar to ask about its "
            "assessment. Every claim is cited."
        )
toolbar = tools.empty()  # filled at the end, so it appears with the first answer


def _toolbar() -> None:
    if not messages:
        return
    with toolbar.container(horizontal=True, horizontal_alignment="right"):
        st.download_button(
            "Export Markdown",
            data=ui.conversation_markdown(messages, name),
            file_name="readiness-advisor-conversation.md",
            mime="text/markdown",
            icon=":material/download:",
            on_click=_log_export,
            key="chat-export",
        )
        st.button("Clear conversation", icon=":material/delete_sweep:", on_click=_clear, key="chat-clear")


ui.show_flash()
prompt = st.chat_input("Ask about AI readiness, a framework, or your assessment…")
question = prompt or st.session_state.pop(ui.PENDING_KEY, None)

# ------------------------------------------------------------------------ suggestions

intro = st.empty()  # one slot, so the suggestions vanish at once when a question is asked
if not messages and not question:
    with intro.container():
        with st.container(horizontal=True):
            for icon, head_, body in (
                (":material/format_quote:", "Every claim cited", "Numbered chips open the exact quote in its passage."),
                (":material/warning:", "Unsupported claims flagged", "Sentences no source supports are marked in red."),
                (":material/search_off:", "Honest about gaps", "When the evidence is thin, the advisor says so."),
            ):
                with st.container(border=True):
                    st.markdown(f"{icon} **{head_}**")
                    st.caption(body)
        st.markdown("#### Try one of these")
        suggestions = (ORG_QUESTIONS if org else []) + GUIDANCE_QUESTIONS[: 4 if not org else 2]
        cols = st.columns(2)
        for i, s in enumerate(suggestions):
            cols[i % 2].button(
                s, key=f"suggest-{i}", on_click=_ask_later, args=(s,), width="stretch", icon=":material/chat:"
            )

# ---------------------------------------------------------------------------- history

for msg in messages:
    with st.chat_message(msg["role"]):
        if msg["role"] == "user":
            st.markdown(ui.escape_md(msg["content"]))
        else:
            _render_assistant(msg)

# ------------------------------------------------------------------------- new answer

if question:
    question = question.strip()
    history = [{"role": m["role"], "content": m["content"]} for m in messages][-HISTORY_TURNS:]
    messages.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(ui.escape_md(question))
    with st.chat_message("assistant"):
        live = st.empty()
        answer, streamed = None, ""
        try:
            with st.spinner("Searching the guidance and assessment results…"):
                for item in adv.ask_stream(question, org, history, user=ui.user_name()):
                    if isinstance(item, str):  # a token while the model writes
                        streamed += item
                        live.markdown(ui.answer_markdown(streamed) + " ▌")
                    else:  # the final Answer, once
                        answer = item
        except AdvisorError as exc:
            live.empty()
            msg = {
                "role": "assistant",
                "id": uuid.uuid4().hex[:12],
                "content": f"The question could not be answered: {exc}",
            }
            messages.append(msg)
            _render_assistant(msg)  # the advisor recorded the question (and any refusal) in the audit trail
        else:
            live.empty()
            if answer is not None:
                msg = {
                    "role": "assistant",
                    "id": uuid.uuid4().hex[:12],
                    "content": answer.answer,
                    "answer": answer,
                    "question": question,
                    "org": org,
                }
                messages.append(msg)
                _render_assistant(msg)  # the advisor recorded the question and the answer's provenance

_toolbar()
