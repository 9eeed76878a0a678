"""Chat: cited answers from the guidance and the organization's assessment.

Conversations are saved on the server for the signed-in user (`advisor.conversations`): the
conversation shown is in the URL (`?c=…`), so a reload brings it back, and the sidebar lists
the user's conversations. A model's answer streams token by token; an offline answer, ready at
once, is drawn complete with its sources in one go. Each answer can be copied as text or regenerated.
"""

from __future__ import annotations

import functools
import uuid

import streamlit as st

from advisor import ui
from advisor.errors import AdvisorError, ConversationNotFound, StoreError
from advisor.ui import chatlog

HISTORY_TURNS = 6  # messages passed to the advisor for follow-ups
CONV_KEY = "chat_conversation"  # id of the saved conversation shown ("" when not saved yet)
REGEN_KEY = "chat_regenerate"  # id of the answer to write again
QUERY = "c"  # the URL's conversation parameter
RECENT_CONVERSATIONS = 8  # saved conversations listed as buttons; older ones when the user opens them

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


def _user() -> str | None:
    """Whose conversations these are: the signed-in user's name."""
    return ui.user_name()


def _may_open(conv_org: str, records: list[dict]) -> bool:
    """Whether the user still sees every organization the conversation talked about (a grant
    withdrawn hides the conversations that quote that organization's assessment)."""
    may_see = ui.access().may_see
    return may_see(conv_org or None) and all(may_see(r.get("org") or None) for r in records)


def _store():
    try:
        return chatlog.conversation_store()
    except StoreError as exc:
        st.toast(f"Conversations are not saved: {exc}", icon=":material/warning:")
        return None


def _ask_later(question: str) -> None:
    st.session_state[ui.PENDING_KEY] = question


def _reset_widgets() -> None:
    for k in [k for k in st.session_state if str(k).startswith(("fb-", "fbc-", "fbid-"))]:
        del st.session_state[k]


def _new() -> None:
    """Start a new conversation; the saved ones stay in the list."""
    st.session_state[ui.MESSAGES_KEY] = []
    st.session_state[CONV_KEY] = ""
    st.query_params.pop(QUERY, None)
    _reset_widgets()


def _clear() -> None:
    """Delete the conversation shown (and its saved copy), and start a new one."""
    cid, store = st.session_state.get(CONV_KEY), _store()
    if cid and store is not None:
        try:
            store.delete(cid, _user())
        except (StoreError, ConversationNotFound) as exc:
            st.toast(f"The saved conversation was not deleted: {exc}", icon=":material/warning:")
    _new()


def _open(cid: str) -> None:
    """Show a saved conversation (it becomes the one in the URL)."""
    store = _store()
    if store is None:
        return
    try:
        conv = store.get(cid, _user())
        records = store.messages(cid, _user())
    except (ConversationNotFound, StoreError):
        records, conv = [], None
    if conv is None or not _may_open(conv.org, records):
        st.query_params.pop(QUERY, None)
        st.toast("That conversation is not available; it may have been deleted.", icon=":material/info:")
        return
    st.session_state[ui.MESSAGES_KEY] = [chatlog.message_from_record(r) for r in records]
    st.session_state[CONV_KEY] = cid
    st.query_params[QUERY] = cid
    if conv.org:  # follow-ups continue with the conversation's organization
        ui.set_current_org(conv.org)
    _reset_widgets()


def _save(msg: dict, *, title: str = "") -> None:
    """Append one message to the saved conversation (created with the first question)."""
    store = _store()
    if store is None:
        return
    try:
        cid = st.session_state.get(CONV_KEY)
        if not cid:
            cid = store.create(_user(), org=org, title=title or msg.get("content", ""))
            st.session_state[CONV_KEY] = cid
            st.query_params[QUERY] = cid
        store.append(cid, _user(), chatlog.message_record(msg))
    except (StoreError, ConversationNotFound) as exc:
        st.toast(f"This message was not saved: {exc}", icon=":material/warning:")


def _save_replacement(position: int, msg: dict) -> None:
    store, cid = _store(), st.session_state.get(CONV_KEY)
    if store is None or not cid:
        return
    try:
        store.replace(cid, _user(), position, chatlog.message_record(msg))
    except (StoreError, ConversationNotFound) as exc:
        st.toast(f"The new answer was not saved: {exc}", icon=":material/warning:")


def _regenerate(msg_id: str) -> None:
    st.session_state[REGEN_KEY] = msg_id


# a fresh session (a reload, a new tab) opens the conversation named in the URL
if CONV_KEY not in st.session_state:
    st.session_state[CONV_KEY] = ""
    wanted = st.query_params.get(QUERY)
    if wanted:
        _open(wanted)
        messages = st.session_state[ui.MESSAGES_KEY]
        org = ui.current_org()
        name = ui.org_name(adv, org)


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


def _copy_text(msg: dict) -> str:
    """The answer as plain text with its numbered sources, for the clipboard."""
    ans = msg["answer"]
    lines = [ans.answer.strip(), ""]
    for c in ans.citations:
        where = ", ".join(x for x in (c.section, f"p. {c.page}" if c.page else "") if x)
        lines.append(f"[{c.marker}] {c.title}" + (f" — {where}" if where else ""))
    return "\n".join(lines).strip() + "\n"


def _answer_tools(msg: dict, last: bool) -> None:
    """Copy (the answer as text, with a copy-to-clipboard icon) and, for the last answer, regenerate."""
    with st.container(horizontal=True, gap="small"):
        with st.popover(
            "Copy",
            icon=":material/content_copy:",
            key=f"copy-{msg['id']}",
            help="The answer and its sources as text: copy them with the icon at the top right of the box.",
        ):
            st.code(_copy_text(msg), language=None, wrap_lines=True)
        if last and msg.get("question"):
            st.button(
                "Regenerate",
                icon=":material/refresh:",
                key=f"regen-{msg['id']}",
                on_click=_regenerate,
                args=(msg["id"],),
                help="Ask the same question again and replace this answer.",
            )


def _render_assistant(msg: dict, last: bool = False) -> None:
    ans = msg.get("answer")
    if ans is None:
        st.error(ui.escape_md(msg["content"]), icon=":material/error:")
        return
    ui.render_answer(adv, ans, key=f"a-{msg['id']}")
    _answer_tools(msg, last)
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
            data=functools.partial(ui.conversation_markdown, list(messages), name),  # built when clicked
            file_name="readiness-advisor-conversation.md",
            mime="text/markdown",
            icon=":material/download:",
            on_click=_log_export,
            key="chat-export",
        )
        st.button(
            "Clear conversation",
            icon=":material/delete_sweep:",
            on_click=_clear,
            key="chat-clear",
            help="Delete this conversation (also from your saved conversations).",
        )


def _conversation_list(where) -> None:
    """The user's saved conversations in the sidebar, newest first, and a new one: the most recent
    as buttons, older ones drawn when the user opens "Older conversations" (every rerun, a
    question's too, sends each button to the browser again)."""
    store = _store()
    with where:
        st.markdown("**Conversations**")
        st.button("New conversation", icon=":material/add_comment:", on_click=_new, key="chat-new", width="stretch")
        if store is None:
            return
        try:
            saved = store.of_user(_user(), limit=20)
        except StoreError as exc:
            st.caption(f"Saved conversations are unavailable: {ui.escape_md(str(exc))}")
            return
        current = st.session_state.get(CONV_KEY)
        may_see = ui.access().may_see  # one account read, not one per conversation
        saved = [c for c in saved if may_see(c.org or None)]
        for c in saved[:RECENT_CONVERSATIONS]:
            _conversation_button(c, current)
        if len(saved) > RECENT_CONVERSATIONS:
            _older_conversations(saved[RECENT_CONVERSATIONS:], current)
        if not saved:
            st.caption("Your conversations are saved here.")


def _conversation_button(c, current: str | None) -> bool:
    return st.button(
        c.title,
        key=f"conv-{c.id}",
        on_click=_open,
        args=(c.id,),
        type="primary" if c.id == current else "tertiary",
        help=f"{c.messages // 2 or 1} question{'s' if c.messages > 3 else ''} · last {c.updated[:16].replace('T', ' ')} UTC",
        width="stretch",
    )


@st.fragment
def _older_conversations(older: list, current: str | None) -> None:
    """Older conversations, listed when opened (opening the list reruns only this fragment)."""
    opened = "chat-older-open"
    with st.expander(f"Older conversations ({len(older)})", key=opened, on_change="rerun"):
        if st.session_state.get(opened):
            for c in older:
                if _conversation_button(c, current):
                    st.rerun()  # `_open` has switched the conversation: draw the whole page


ui.show_flash()
conversations_box = st.sidebar.container()  # filled last, so a conversation saved in this run is listed
prompt = st.chat_input("Ask about AI readiness, a framework, or your assessment…")
question = prompt or st.session_state.pop(ui.PENDING_KEY, None)
regen_id = None if question else st.session_state.pop(REGEN_KEY, None)
replacing: int | None = None  # position of the answer being written again
if regen_id:
    at = next((i for i, m in enumerate(messages) if m.get("id") == regen_id), None)
    if at is not None and at == len(messages) - 1 and messages[at].get("question"):
        question, replacing = messages[at]["question"], at

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

shown = messages if replacing is None else messages[:replacing]
for i, msg in enumerate(shown):
    with st.chat_message(msg["role"]):
        if msg["role"] == "user":
            st.markdown(ui.escape_md(msg["content"]))
        else:
            _render_assistant(msg, last=not question and i == len(messages) - 1)

# ------------------------------------------------------------------------- new answer


def _answer(question: str, history: list[dict]) -> dict | None:
    """Ask and show the answer: a model's tokens as they come, then the answer with its sources
    in the same place; an offline answer is drawn once, complete. Returns the message (None when
    nothing came back)."""
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
        msg = {
            "role": "assistant",
            "id": uuid.uuid4().hex[:12],
            "content": f"The question could not be answered: {exc}",
        }
    else:
        if answer is None:
            live.empty()
            return None
        msg = {
            "role": "assistant",
            "id": uuid.uuid4().hex[:12],
            "content": answer.answer,
            "answer": answer,
            "question": question,
            "org": org,
        }
    with live.container():  # replaces the streamed tokens (the advisor recorded question and answer)
        _render_assistant(msg, last=True)
    return msg


if question:
    question = question.strip()
    user_msg = None
    if replacing is None:
        history = [{"role": m["role"], "content": m["content"]} for m in messages][-HISTORY_TURNS:]
        user_msg = {"role": "user", "content": question, "id": uuid.uuid4().hex[:12]}
        messages.append(user_msg)
        with st.chat_message("user"):
            st.markdown(ui.escape_md(question))
    else:
        history = [{"role": m["role"], "content": m["content"]} for m in messages[: replacing - 1]][-HISTORY_TURNS:]
    with st.chat_message("assistant"):
        msg = _answer(question, history)
    # saved once the answer is on screen, so the user waits for neither write
    if user_msg is not None:
        _save(user_msg, title=question)
    if msg is not None:
        if replacing is None:
            messages.append(msg)
            _save(msg)
        else:
            messages[replacing] = msg
            _save_replacement(replacing, msg)

_toolbar()
_conversation_list(conversations_box)
