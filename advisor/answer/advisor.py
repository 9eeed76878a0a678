"""The Advisor facade: index, search and ask, one public entry point over the answering paths."""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..chunk import DocType
from ..citations import LexicalEmbeddingChecker
from ..conversation import standalone_query
from ..errors import AdvisorError, LLMError
from ..guard import SCOPE_MESSAGE, ScopeGuard
from ..index import Index, IndexReport
from ..library import Library
from ..providers import ChatModel, get_chat_model
from ..retrieve import Filters, Hit, Retriever
from ..safety.normalize import clean_text
from ..settings import Settings
from .assessment import citable, compose_assessment
from .guidance import SentenceIndex, compose_guidance, search_guidance, split_question
from .llm import llm_answer, rewrite_query
from .render import ABSTAIN_MESSAGE, plain, render_offline
from .routing import AnswerPath, evidence_scope, route
from .types import Answer, AnswerKind, AnswerMode, Draft

__all__ = ["Advisor"]

MAX_QUESTION = 4000  # characters


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


@dataclass
class _Turn:
    """One call's state (never kept on the shared Advisor): the question, the query searched,
    the organization, timings so far and the notice to show with the answer."""

    question: str
    query: str
    org: str | None
    timings: dict[str, float]
    notice: str = ""


@dataclass
class _Drafted:
    """A draft ready to be written, with the evidence it came from."""

    draft: Draft
    hits: list[Hit]
    confidence: float | None = None  # evidence score the abstention threshold was applied to


class Advisor:
    """The public entry point: index, search and ask.

    >>> adv = Advisor.from_env()
    >>> adv.ask("What does GOVERN 1.6 require?").to_dict()
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        self.index = Index(settings)
        self.retriever = Retriever(self.index)
        self._scope: ScopeGuard | None = None
        self._sentences: SentenceIndex | None = None
        self._checker: LexicalEmbeddingChecker | None = None
        self._library: tuple[int, Library] | None = None  # catalog caches, per index generation
        self._chat: ChatModel | None = None
        self._chat_resolved = False

    @classmethod
    def from_env(cls) -> Advisor:
        return cls(Settings.from_env())

    # ---------------------------------------------------------------- components

    @property
    def embedder(self):
        return self.index.embedder

    @property
    def scope(self) -> ScopeGuard:
        if self._scope is None:
            self._scope = self.embedder.shared.setdefault("scope", ScopeGuard(self.embedder))
        return self._scope

    @property
    def sentences(self) -> SentenceIndex:
        if self._sentences is None:
            shared = self.embedder.shared
            if "sentences" not in shared:
                shared["sentences"] = SentenceIndex(self.embedder, store=self.index.embed_cache)
            self._sentences = shared["sentences"]
        return self._sentences

    @property
    def checker(self) -> LexicalEmbeddingChecker:
        if self._checker is None:
            self._checker = self.embedder.shared.setdefault("checker", LexicalEmbeddingChecker(self.embedder))
        return self._checker

    @property
    def library(self) -> Library:
        """What the index knows about organizations and guidance; rebuilt when the index changes."""
        generation = self.index.generation
        if self._library is None or self._library[0] != generation:
            self._library = (generation, Library(self.index))
        return self._library[1]

    @property
    def chat_model(self) -> ChatModel | None:
        if not self._chat_resolved:
            self._chat = get_chat_model(self.settings)
            self._chat_resolved = True
        return self._chat

    @property
    def mode(self) -> AnswerMode:
        return AnswerMode.LLM if self.chat_model is not None else AnswerMode.OFFLINE

    # ------------------------------------------------------------------ indexing

    def index_paths(self, paths: list[Path] | None = None, *, org: str = "", progress=None) -> IndexReport:
        report = self.index.index_paths(paths, org=org, progress=progress)
        self._library = None  # documents changed
        return report

    def ensure_index(self, progress=None) -> IndexReport | None:
        """Index the bundled corpus when the index is empty (first start)."""
        if self.index.is_empty():
            return self.index_paths(None, progress=progress)
        return None

    def search(self, query: str, k: int | None = None, org: str | None = None) -> list[Hit]:
        return self.retriever.search(clean_text(query), k=k, filters=Filters(org=org or None)).hits

    # ------------------------------------------------------------------- asking

    def ask(self, question: str, org: str | None = None, history: list[dict] | None = None) -> Answer:
        """Answer a question with verified citations; see PRODUCT.md for the JSON shape."""
        answer = None
        for item in self.ask_stream(question, org=org, history=history):
            if isinstance(item, Answer):
                answer = item
        assert answer is not None, "ask_stream always ends with an Answer"
        return answer

    def ask_stream(
        self, question: str, org: str | None = None, history: list[dict] | None = None
    ) -> Iterator[str | Answer]:
        """For a UI: the answer's text tokens (`str`) while an LLM writes, then the `Answer` once."""
        question = clean_text(question).strip()  # invalid UTF-8 bytes and control characters never go further
        if not question:
            raise AdvisorError("the question is empty; type a question about AI readiness or governance")
        if len(question) > MAX_QUESTION:
            raise AdvisorError(f"the question is longer than {MAX_QUESTION} characters; shorten it")
        t = time.perf_counter()
        query, notice = self._standalone(question, history)
        turn = _Turn(question, query, org or None, {"rewrite": _ms(t)}, notice)
        ans = yield from self._answer(turn)
        ans.timings_ms = {**turn.timings, **ans.timings_ms}
        if turn.notice and not ans.notice:
            ans.notice = turn.notice
        yield ans

    # ------------------------------------------------------------------ the steps

    def _answer(self, turn: _Turn) -> Generator[str, None, Answer]:
        """Route the question, draft the answer on its path, then write it."""
        way = route(turn.query, turn.org, self.scope)
        if way.path is AnswerPath.REFUSE:
            return self._refusal(turn, way.reason)
        if way.path is AnswerPath.NEEDS_ORG:
            turn.timings["retrieve"] = 0.0
            return self._plain(
                turn,
                "That question is about your organization's own assessment, but no organization is selected. "
                + self._org_list_sentence()
                + " Choose one (e.g. `--org ORG`) and ask again.",
                AnswerKind.CLARIFY,
            )
        drafted = self._assessment(turn) if way.path is AnswerPath.ASSESSMENT else self._guidance(turn)
        if isinstance(drafted, Answer):
            return drafted
        return (yield from self._write(turn, drafted))

    def _assessment(self, turn: _Turn) -> Answer | _Drafted:
        """Draft from the selected organization's scored results (or ask for one that has them)."""
        t = time.perf_counter()
        history = self.library.history(turn.org)
        turn.timings["retrieve"] = _ms(t)
        if not citable(history):
            return self._plain(
                turn,
                f"No assessment results for the organization '{turn.org}' are indexed. "
                + self._org_list_sentence()
                + " Index a results file with `advisor index FILE --org ORG`.",
                AnswerKind.CLARIFY,
            )
        t = time.perf_counter()
        draft = compose_assessment(turn.query, history, self.library)
        turn.timings["compose"] = _ms(t)
        return _Drafted(draft, [])

    def _guidance(self, turn: _Turn) -> Answer | _Drafted:
        """Draft from retrieved guidance: refuse when the corpus is far from the question,
        abstain when the evidence is weak."""
        t = time.perf_counter()
        found = search_guidance(
            self.retriever,
            turn.query,
            k=self.settings.top_k,
            org=turn.org,
            user_documents=self.index.has_doc_type(DocType.USER),
        )
        turn.timings["retrieve"] = _ms(t)
        if found.degraded:
            turn.notice = f"Search ran in a degraded mode: {found.degraded}."
        hits = found.hits
        coverage = self.retriever.coverage(turn.query, hits)
        decision = evidence_scope(self.scope, turn.query, hits, coverage)
        if not decision.in_scope:
            return self._refusal(turn, decision.reason, hits)
        t = time.perf_counter()
        subs = split_question(turn.query)
        draft = compose_guidance(
            turn.query,
            hits,
            self.sentences,
            self._query_vector(turn.query),
            sub_vecs=[(q, self._query_vector(q)) for q in subs] if len(subs) > 1 else None,
            neighbors=self.index.neighbors,
        )
        turn.timings["compose"] = _ms(t)
        confidence = draft.evidence + 0.3 * coverage
        if not draft.parts or confidence < self.settings.abstain_threshold:
            ans = self._plain(turn, ABSTAIN_MESSAGE, AnswerKind.ABSTAIN)
            ans.hits, ans.confidence = hits, confidence
            return ans
        return _Drafted(draft, hits, confidence)

    def _write(self, turn: _Turn, drafted: _Drafted) -> Generator[str, None, Answer]:
        """The model writes the answer when one is configured and works; otherwise the offline renderer."""
        if self.chat_model is not None:
            try:
                t = time.perf_counter()
                ans = yield from llm_answer(
                    self.chat_model, self.checker, turn.question, turn.query, drafted.draft, drafted.hits, turn.timings
                )
                turn.timings["llm"] = _ms(t)
                return ans
            except LLMError as exc:
                turn.notice = (
                    f"The language model failed ({exc}); this answer was composed offline from the same evidence."
                )
        t = time.perf_counter()
        rendered = render_offline(turn.question, turn.query, drafted.draft, drafted.hits, self.checker)
        ans = rendered or self._plain(turn, ABSTAIN_MESSAGE, AnswerKind.ABSTAIN)
        if rendered is None:  # no sentence survived verification
            ans.hits = drafted.hits
        ans.confidence = drafted.confidence
        turn.timings["verify"] = _ms(t)
        return ans

    # ------------------------------------------------------------------ helpers

    def _query_vector(self, query: str) -> np.ndarray:
        return np.asarray(self.embedder.embed_query(self.retriever.expand(query)), dtype=np.float32)

    def _standalone(self, question: str, history: list[dict] | None) -> tuple[str, str]:
        """The query to search for a follow-up, and a notice when the model failed to rewrite it."""
        if not history:
            return question, ""
        if self.chat_model is not None:
            try:
                text = rewrite_query(self.chat_model, question, history)
                if text:
                    return text, ""
            except LLMError as exc:
                return standalone_query(
                    question, history
                ), f"The language model failed ({exc}); follow-up rewritten offline."
        return standalone_query(question, history), ""

    def _org_list_sentence(self) -> str:
        orgs = self.library.organizations()
        if not orgs:
            return "No organizations have assessment results in the index yet."
        names = "; ".join(f"{o['name']} ({o['org']})" for o in orgs)
        return f"Organizations with assessment results: {names}."

    def _plain(self, turn: _Turn, text: str, kind: AnswerKind) -> Answer:
        return plain(turn.question, turn.query, text, kind=kind, mode=self.mode)

    def _refusal(self, turn: _Turn, why: str, hits: list[Hit] | None = None) -> Answer:
        ans = self._plain(turn, SCOPE_MESSAGE.format(why=why).strip(), AnswerKind.REFUSAL)
        ans.hits = hits or []
        return ans
