"""The chat page's memory: conversations saved server-side per user (through
`advisor.conversations`), and chat messages turned into stored records and back."""

from __future__ import annotations

import dataclasses
from typing import Any

import streamlit as st

from ..answer import Answer, Citation
from ..conversations import ConversationStore
from ..settings import Settings
from .resources import get_advisor


@st.cache_resource(show_spinner=False)
def _store_for(path: str, _settings: Settings) -> ConversationStore:
    return ConversationStore(_settings)


def conversation_store() -> ConversationStore:
    """The conversations store of the current ADVISOR_HOME (raises StoreError when unusable)."""
    adv = get_advisor()
    return _store_for(str(adv.settings.home), adv.settings)


# --------------------------------------------------------------------------- records


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The entries of `data` that are fields of the dataclass `cls` (older or newer records load)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def answer_record(answer: Answer) -> dict[str, Any]:
    """An answer as a JSON record with what the page shows (display fields included)."""
    out = dataclasses.asdict(dataclasses.replace(answer, hits=[]))
    out.pop("hits", None)
    return out


def answer_from_record(data: dict[str, Any]) -> Answer:
    fields = _known(Answer, data)
    fields["citations"] = [Citation(**_known(Citation, c)) for c in data.get("citations", [])]
    return Answer(**fields)


def message_record(msg: dict[str, Any]) -> dict[str, Any]:
    """A chat message (as the page keeps it) as a stored record."""
    out = {k: v for k, v in msg.items() if k != "answer"}
    if msg.get("answer") is not None:
        out["answer"] = answer_record(msg["answer"])
    return out


def message_from_record(data: dict[str, Any]) -> dict[str, Any]:
    out = dict(data)
    if isinstance(data.get("answer"), dict):
        out["answer"] = answer_from_record(data["answer"])
    return out
