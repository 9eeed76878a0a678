"""The chat page's memory and pacing: conversations saved server-side per user (through
`advisor.conversations`), chat messages turned into stored records and back, and an offline
answer revealed sentence by sentence."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from typing import Any

import streamlit as st

from ..answer import Answer, Citation
from ..conversations import ConversationStore
from ..settings import Settings
from ..text import sentence_spans
from .resources import get_advisor

SENTENCE_PAUSE_S = 0.06  # between sentences of an offline answer: readable, never slow
# a long answer is written out in at most this many steps and this much added time: the pacing
# shows the answer growing without making it finish later than the library produced it
REVEAL_STEPS = 6
REVEAL_BUDGET_S = 0.2


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


# --------------------------------------------------------------------------- pacing


def sentence_prefixes(text: str) -> Iterator[str]:
    """The text up to the end of each sentence in turn, then the whole text: what an answer
    looks like as it is written out sentence by sentence."""
    for _start, end in sentence_spans(text or ""):
        if end < len(text):
            yield text[:end]
    yield text or ""


def reveal(text: str, show: Any, pause: float = SENTENCE_PAUSE_S) -> None:
    """Call `show` with sentence prefixes of `text` (at most REVEAL_STEPS, ending with the whole
    text), pausing between them for at most REVEAL_BUDGET_S in all."""
    steps = list(sentence_prefixes(text))
    if len(steps) > REVEAL_STEPS:
        stride = len(steps) / REVEAL_STEPS
        steps = [steps[round((i + 1) * stride) - 1] for i in range(REVEAL_STEPS)]
    pause = min(pause, REVEAL_BUDGET_S / max(len(steps) - 1, 1))
    for i, prefix in enumerate(steps):
        if i:
            time.sleep(pause)
        show(prefix)
