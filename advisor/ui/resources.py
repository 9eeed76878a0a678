"""Heavy objects built once per server process (`st.cache_resource`) and shared by every
browser session: the advisor (index, retriever, embedding model), the audit store and the
first-start indexing run.

Shared objects hold no per-request state: what one session chose or asked lives in
`st.session_state` (see `session`), and catalog views (`catalog.library`) are built per run.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import threading
from pathlib import Path

import streamlit as st

from ..answer import Advisor
from ..audit import AuditStore
from .markdown import describe_error

log = logging.getLogger(__name__)

# Environment that changes which Advisor a process should serve (tests switch ADVISOR_HOME).
_ENV_KEYS = (
    "ADVISOR_HOME",
    "ADVISOR_CHROMA_URL",
    "ADVISOR_DATABASE_URL",
    "ADVISOR_EMBED_MODEL",
    "ADVISOR_COLLECTION",
    "ADVISOR_CHUNK_SIZE",
    "ADVISOR_CHUNK_OVERLAP",
    "ADVISOR_TOP_K",
    "ADVISOR_CANDIDATES",
    "ADVISOR_RRF_K",
    "ADVISOR_FUSION",
    "ADVISOR_DENSE_WEIGHT",
    "ADVISOR_MAX_FILE_MB",
    "ADVISOR_ABSTAIN_THRESHOLD",
    "OPENAI_BASE_URL",
    "OPENAI_API_KEY",
    "ADVISOR_LLM_MODEL",
    "ADVISOR_LLM_TIMEOUT",
    "ADVISOR_LLM_RETRIES",
    "ADVISOR_AUDIT_RETENTION_DAYS",
    "ADVISOR_SESSION_IDLE_MINUTES",
)


def _env_fingerprint() -> str:
    raw = "\x00".join(f"{k}={os.environ.get(k, '')}" for k in _ENV_KEYS)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


# the warm-up thread of each advisor built, by environment fingerprint (the server waits for it)
_warming: dict[str, threading.Thread] = {}


@st.cache_resource(show_spinner=False)
def _advisor_for(fingerprint: str) -> Advisor:
    adv = Advisor.from_env()
    # Open the vector store here, on one thread: opening it from two sessions at once races
    # inside chromadb. The model and keyword index then load in the background.
    adv.index.collection  # noqa: B018
    _warming[fingerprint] = _warm_up(adv)
    return adv


def _warm_up(adv: Advisor) -> threading.Thread:
    """Load what a first answer needs in the background (the embedding model, keyword index,
    PHI recognizers, frameworks), so the first question is answered in about a second instead
    of waiting for them; the warm-up answer is neither audited nor sent to a language model."""

    def run() -> None:
        try:
            adv.warm_up()
        except Exception as exc:  # the first real question loads what failed, and shows any error
            _warn("the advisor's warm-up failed", exc)

    thread = threading.Thread(target=run, name="advisor-warm-up", daemon=True)
    thread.start()
    return thread


def _freeze_heap() -> None:
    """Exempt what is loaded by now (the model, torch, the indexes: about 225k objects) from the
    cyclic garbage collector. Streamlit runs a full collection after every script run and every
    fragment rerun (`runner.postScriptGC`); over that heap it held the interpreter for 110-230 ms
    of a 2-core server's time after each answer and each opened citation card (1-2 ms once
    frozen), and a follow-up question sent meanwhile waited for it. Frozen objects are still
    freed by reference counting; only cycles among them are never collected, so this is done
    once, in the server process, after the warm-up (not in tests or tools that build advisors)."""
    gc.collect()
    gc.freeze()


def get_advisor() -> Advisor:
    """One Advisor (index, retriever, embedding model) per server process and environment."""
    return _advisor_for(_env_fingerprint())


def prewarm(*, wait: bool = False, freeze: bool = False) -> None:
    """Build the advisor now, at server start (`python -m advisor.ui.serve`), rather than when
    the first browser session opens a page; its warm-up then runs while nobody waits. With
    `wait`, return once the warm-up is done; with `freeze` (the server process), wait, then
    freeze what the warm-up loaded (`_freeze_heap`)."""
    try:
        get_advisor()
    except Exception as exc:  # e.g. a bad setting: the first page shows the error with its fix
        _warn("the advisor could not be built at server start", exc)
    if wait or freeze:
        warming = _warming.get(_env_fingerprint())
        if warming is not None:
            warming.join()
    if freeze:
        _freeze_heap()


def _warn(what: str, exc: Exception) -> None:
    """One line in the server's log: what failed, why, and what the user will notice."""
    why = " ".join(describe_error(exc).split())
    log.warning("Readiness Advisor: %s (%s); the first answer will be slower.", what, why)


def audit_store() -> AuditStore:
    """The feedback/audit store of the current ADVISOR_HOME, shared with the advisor (which
    records questions and answers in it); raises StoreError when unusable."""
    store = get_advisor().audit_store
    assert store is not None, "the app's advisor always audits"
    return store


# ------------------------------------------------------------------------ first start


class FirstStart:
    """First-start indexing, run in a background thread so page switches, reloads and other
    browser sessions neither interrupt it nor start a second one; pages poll its progress.

    One per ADVISOR_HOME (shared by every session): its fields describe the indexing run,
    never a request."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.done = 0
        self.total = 0
        self.current = ""
        self.report = None
        self.error = ""
        self.logged = False

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self, adv: Advisor) -> None:
        with self.lock:
            if self.running:
                return
            self.error, self.report, self.logged, self.done, self.total = "", None, False, 0, 0
            self.thread = threading.Thread(target=self._run, args=(adv,), name="advisor-first-start-index", daemon=True)
            self.thread.start()

    def _progress(self, done: int, total: int, path: str) -> None:
        self.done, self.total, self.current = done, total, path

    def _run(self, adv: Advisor) -> None:
        marker = pending_marker(adv)
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
            # wait=True: `make run` (or another replica) may have started indexing with the
            # server; this run then waits for it and finds the files already indexed
            self.report = adv.index.index_paths(None, progress=self._progress, wait=True)
            marker.unlink(missing_ok=True)
        except Exception as exc:  # shown on the page; the user can retry
            self.error = describe_error(exc)


@st.cache_resource(show_spinner=False)
def _first_start_for(home: str) -> FirstStart:
    return FirstStart()


def first_start(adv: Advisor) -> FirstStart:
    """The first-start indexing run of this advisor's ADVISOR_HOME."""
    return _first_start_for(str(adv.settings.home))


def pending_marker(adv: Advisor) -> Path:
    """A file present while first-start indexing runs (left behind when the server stopped)."""
    return adv.settings.home / ".first-start-pending"


def needs_first_start(adv: Advisor) -> bool:
    """The index is empty, or a first-start indexing run was interrupted (server stopped)."""
    return adv.index.is_empty() or pending_marker(adv).exists()
