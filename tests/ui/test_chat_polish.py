"""Chat polish (AppTest over the small hash-embedded fixture index): conversations saved on
the server survive a reload and are listed, copy and regenerate, the offline answer written
once and complete, every sentence taken from a passage highlighted, chips that open
their source."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from advisor import ui
from advisor.answer import Advisor, Answer, Citation
from advisor.conversations import ConversationStore
from advisor.errors import ConversationNotFound
from advisor.settings import Settings

from .cards import open_citations
from .signin import signed_in

pytest_plugins = ["tests.ui_conftest_helpers"]  # fixtures: ui_home, ui_settings, hash_model_dir

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "What does GOVERN 1.6 require?"


def _chat(user: str = "admin", role: str = "admin", orgs: tuple[str, ...] = (), **query) -> AppTest:
    at = signed_in(AppTest.from_file(str(ROOT / "pages" / "chat.py"), default_timeout=120), user, role, orgs)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _ask(at: AppTest, question: str = QUESTION) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, [b.label for b in at.button]
    return found[0]


# --------------------------------------------------------------------------- saved conversations


def test_a_conversation_survives_a_reload_and_is_listed(ui_settings):
    at = _ask(_chat())
    cid = at.session_state["chat_conversation"]
    assert cid and at.query_params["c"] == cid  # the URL names the conversation
    answer = at.session_state[ui.MESSAGES_KEY][-1]["answer"]

    again = _chat(c=cid)  # a reload: a new session with the same URL
    msgs = again.session_state[ui.MESSAGES_KEY]
    assert [m["role"] for m in msgs] == ["user", "assistant"] and len(again.chat_message) == 2
    assert msgs[1]["answer"].answer == answer.answer and msgs[1]["answer"].citations == answer.citations
    assert any(b.label == QUESTION and b.proto.type == "primary" for b in again.sidebar.button)

    _button(again, "New conversation").click().run()
    _ask(again, "How should we monitor AI models after deployment?")
    listed = [b.label for b in again.sidebar.button if b.key and b.key.startswith("conv-")]
    assert listed == ["How should we monitor AI models after deployment?", QUESTION]  # newest first
    _button(again, QUESTION).click().run()
    assert again.session_state[ui.MESSAGES_KEY][0]["content"] == QUESTION


def test_older_conversations_are_listed_when_opened_and_open(ui_settings):
    store = ConversationStore(ui_settings)
    for i in range(11):
        cid = store.create("admin", title=f"Question number {i}")
        store.append(cid, "admin", {"role": "user", "content": f"Question number {i}"})
    newest_first = [c.title for c in store.of_user("admin", limit=20)]
    at = _chat()

    def listed() -> list[str]:
        return [b.label for b in at.sidebar.button if b.key and b.key.startswith("conv-")]

    assert listed() == newest_first[:8]  # the most recent as buttons
    older = [e for e in at.sidebar.expander if e.label == "Older conversations (3)"]
    assert older and not [b for b in older[0].button]  # the rest are drawn when the user opens them
    at.session_state["chat-older-open"] = True  # the user opens the list
    at.run()
    assert listed() == newest_first  # all of them, newest first
    _button(at, newest_first[-1]).click().run()  # the oldest opens
    assert not at.exception
    assert at.session_state[ui.MESSAGES_KEY][0]["content"] == newest_first[-1]
    assert at.query_params["c"] == at.session_state["chat_conversation"]
    assert [m.value for m in at.chat_message[0].markdown] == [newest_first[-1]]


def test_clear_deletes_the_saved_conversation(ui_settings):
    at = _ask(_chat())
    cid = at.session_state["chat_conversation"]
    _button(at, "Clear conversation").click().run()
    assert ConversationStore(ui_settings).of_user("admin") == []
    fresh = _chat(c=cid)
    assert fresh.session_state[ui.MESSAGES_KEY] == [] and not fresh.chat_message


def test_store_keeps_each_users_conversations_apart(tmp_path):
    store = ConversationStore(Settings.from_env({"ADVISOR_HOME": str(tmp_path)}))
    a = store.create("alice", org="meridian-health", title="What are our data gaps?  ")
    store.append(a, "alice", {"role": "user", "content": "What are our data gaps?"})
    store.append(a, "alice", {"role": "assistant", "content": "DATA-2 [1].", "answer": {"citations": []}})
    b = store.create(None, title="x" * 200)
    assert [c.id for c in store.of_user("alice")] == [a] and [c.id for c in store.of_user(None)] == [b]
    assert store.get(b, None).title.endswith("…") and len(store.get(b, None).title) <= 81
    assert store.get(a, "alice").messages == 2 and store.get(a, "alice").org == "meridian-health"
    for user in ("bob", None):
        with pytest.raises(ConversationNotFound):
            store.messages(a, user)
        with pytest.raises(ConversationNotFound):
            store.append(a, user, {"role": "user", "content": "hi"})
    store.replace(a, "alice", 1, {"role": "assistant", "content": "again"})
    assert [m["content"] for m in store.messages(a, "alice")] == ["What are our data gaps?", "again"]
    store.delete(a, "alice")
    assert store.of_user("alice") == []
    store.close()
    reopened = ConversationStore(Settings.from_env({"ADVISOR_HOME": str(tmp_path)}))
    assert [c.id for c in reopened.of_user(None)] == [b]  # on disk, not in memory


def test_conversations_are_the_signed_in_users_and_respect_their_organizations(ui_settings):
    at = _ask(_chat("carol", "consultant", ("meridian-health",)))
    cid = at.session_state["chat_conversation"]
    store = ConversationStore(ui_settings)
    assert [c.id for c in store.of_user("carol")] == [cid] and store.of_user("admin") == []

    other = _chat("dave", "consultant", ("meridian-health",), c=cid)  # another user with the link
    assert other.session_state[ui.MESSAGES_KEY] == [] and not other.chat_message
    assert not [b for b in other.sidebar.button if b.key and b.key.startswith("conv-")]

    # a conversation about an organization carol is not (or no longer) granted is neither listed nor opened
    hidden = store.create("carol", org="northbridge-academic", title="Northbridge gaps")
    store.append(hidden, "carol", {"role": "user", "content": "Northbridge gaps"})
    mixed = store.create("carol", org="meridian-health", title="Then Northbridge")
    store.append(mixed, "carol", {"role": "assistant", "content": "x", "org": "northbridge-academic"})
    again = _chat("carol", "consultant", ("meridian-health",))
    listed = {b.key for b in again.sidebar.button if b.key and b.key.startswith("conv-")}
    assert f"conv-{cid}" in listed and f"conv-{hidden}" not in listed
    for ref in (hidden, mixed):
        opened = _chat("carol", "consultant", ("meridian-health",), c=ref)
        assert opened.session_state[ui.MESSAGES_KEY] == [] and not opened.chat_message

    # her own conversation opens, and continues with its organization
    ours = store.create("carol", org="meridian-health", title="Ours")
    store.append(ours, "carol", {"role": "user", "content": "Ours"})
    reopened = _chat("carol", "consultant", ("meridian-health",), c=ours)
    assert len(reopened.chat_message) == 1 and reopened.session_state[ui.ORG_KEY] == "meridian-health"


# --------------------------------------------------------------------------- copy, regenerate


def test_copy_offers_the_answer_and_its_sources_as_text(ui_settings):
    at = _ask(_chat())
    ans = at.session_state[ui.MESSAGES_KEY][-1]["answer"]
    codes = [c.value for c in at.code]
    assert codes and codes[0].startswith(ans.answer.strip())
    assert f"[1] {ans.citations[0].title}" in codes[0]
    assert any(p.proto.popover.label == "Copy" for p in at.get("popover"))


def test_regenerate_asks_again_and_replaces_the_answer(ui_settings, monkeypatch):
    calls = []
    original = Advisor.ask_stream

    def spy(self, question, org=None, history=None, user=None):
        calls.append((question, list(history or []), user))
        yield from original(self, question, org, history, user=user)

    monkeypatch.setattr(Advisor, "ask_stream", spy)
    at = _ask(_chat())
    first = at.session_state[ui.MESSAGES_KEY][-1]
    _button(at, "Regenerate").click().run()
    assert not at.exception
    msgs = at.session_state[ui.MESSAGES_KEY]
    assert len(msgs) == 2 and msgs[-1]["id"] != first["id"] and msgs[-1]["question"] == QUESTION
    assert calls == [(QUESTION, [], "admin")] * 2  # the same question, the same (empty) history, as the user
    assert len(at.chat_message) == 2
    saved = ConversationStore(ui_settings).messages(at.session_state["chat_conversation"], "admin")
    assert [m["id"] for m in saved] == [msgs[0]["id"], msgs[1]["id"]]  # replaced, not appended


# --------------------------------------------------------------------------- streaming


def test_offline_answer_is_drawn_once_complete(ui_settings, monkeypatch):
    """An offline answer is ready at once: it is drawn in one write, never as a partial answer
    with a typing cursor that the page then draws again."""
    bodies: list[str] = []  # every Markdown element sent to the browser, in order
    original = DeltaGenerator._enqueue

    def spy(self, delta_type, element_proto, *args, **kwargs):
        if delta_type == "markdown":
            bodies.append(element_proto.body)
        return original(self, delta_type, element_proto, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "_enqueue", spy)
    at = _ask(_chat())
    ans = at.session_state[ui.MESSAGES_KEY][-1]["answer"]
    assert not ans.abstained and ans.citations
    assert not any("▌" in b for b in bodies)
    opening = ui.answer_markdown(ans.answer)[:30]
    assert sum(b.startswith(opening) for b in bodies) == 1, [b[:60] for b in bodies]


# --------------------------------------------------------------------------- citations


def _inventory_chunk(ui_settings):
    adv = ui.get_advisor()
    hits = adv.search("GOVERN 1.6 one authoritative list of every AI system", k=10)
    return next(h.chunk for h in hits if "one authoritative list" in h.chunk.text)


def test_a_citation_highlights_every_sentence_taken_from_its_passage(ui_settings, monkeypatch):
    chunk = _inventory_chunk(ui_settings)
    s1 = "GOVERN 1.6 means there is one authoritative list of every AI system in use or in pilot."
    s2 = "An AI inventory is the basis for board reporting, incident response, vendor management and decommissioning."
    quote = "For a health system, GOVERN 1.6 means there is one authoritative list of every AI system in use or in pilot, with an owner, a risk tier and a status."
    cit = Citation(1, chunk.chunk_id, chunk.source, chunk.title, chunk.section, None, quote,
                   source_url="https://example.org/inventory")  # fmt: skip
    answer = Answer(QUESTION, QUESTION, f"{s1} [1] Keep it current. {s2} [1]", False, "offline", [cit])

    def fake(self, question, org=None, history=None, user=None):
        yield answer

    monkeypatch.setattr(Advisor, "ask_stream", fake)
    at = _ask(_chat())
    md = "\n".join(m.value for m in open_citations(at).markdown)
    assert md.count(":orange-background[") == 2  # both sentences the answer took, not just the first
    assert ":orange-background[An AI inventory is the basis for board reporting" in md
    assert "[:blue-badge[1]](https://example.org/inventory)" in md  # the chip opens the source


def test_a_citation_card_is_drawn_when_opened(ui_settings):
    at = _ask(_chat())
    msg = at.session_state[ui.MESSAGES_KEY][-1]
    assert len(at.expander) == len(msg["answer"].citations) >= 2
    assert not any(m.value.startswith("**Document:**") for m in at.markdown)  # closed: the label only
    at.session_state[f"a-{msg['id']}-c1-open"] = True  # the user opens the first card
    at.run()
    assert not at.exception
    facts = [m.value for m in at.markdown if m.value.startswith("**Document:**")]
    assert len(facts) == 1 and msg["answer"].citations[0].title.split()[0] in facts[0]
    assert len(at.expander) == len(msg["answer"].citations)  # the answer and its other cards stay


def test_highlight_all_and_taken_sentences():
    passage = "Alpha beta gamma delta. Epsilon zeta eta theta iota. Kappa lambda mu nu."
    text = "Epsilon zeta eta theta [1]. Unrelated [2]. - Kappa lambda mu nu [1]."
    taken = ui.taken_sentences(text, 1)
    assert taken == ["Epsilon zeta eta theta.", "Kappa lambda mu nu."]
    md, found = ui.highlight_all_markdown(passage, ["Alpha beta gamma delta.", *taken])
    assert found and md.count(":orange-background[") == 3
    md, found = ui.highlight_all_markdown(passage, ["Not in the passage at all.", "Unrelated words only"])
    assert not found and "orange-background" not in md
