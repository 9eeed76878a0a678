"""The Advisor facade: index, search and ask, one public entry point over the answering paths."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..accounts import Access, Accounts, Capability
from ..assessment import load_instrument
from ..audit import Actor, AuditStore, ChunkRef, Event, Provenance, text_hash
from ..chunk import Chunk, DocType
from ..citations import LexicalEmbeddingChecker
from ..conversation import assistant_answers, standalone_query
from ..errors import AccessDenied, AdvisorError, LibraryError, LLMError
from ..frameworks import load_catalog, user_dir
from ..frameworks.records import Catalog
from ..guard import SCOPE_MESSAGE, ScopeGuard
from ..index import Index, IndexReport
from ..library import Library, OrgHistory, without
from ..providers import ChatModel, get_chat_model
from ..retrieve import Filters, Hit, Retriever
from ..safety import phi
from ..safety.normalize import clean_text
from ..settings import CORPUS_DIR, Settings
from .asks import Focus, asked_words, focus_of, unframed
from .assessment import citable, compose_assessment
from .docref import without_pointers
from .frameworks import compose_framework, framework_question
from .guidance import SentenceIndex, compose_guidance, search_guidance, split_question
from .llm import llm_answer, rewrite_query
from .persona import core_question
from .render import plain, render_offline, with_currency_notes
from .routing import AnswerPath, declined, evidence_scope, route, unresolved_reference
from .types import Answer, AnswerKind, AnswerMode, Draft

__all__ = ["Advisor"]

MAX_QUESTION = 4000  # characters


#: How much less confidence an open question's answer needs once the draft is judged to address
#: it (evals/calibrate.py on the dev splits: every unanswerable draft judged to address its
#: question scored 0.87 or more; answerable paraphrased questions were declined at 0.54-0.59).
ADDRESSED_MARGIN = 0.10
WARM_UP_QUESTION = "How should a health system govern and monitor its AI models?"


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
    access: Access = field(default_factory=Access.operator)
    retrieved: list[Chunk] = field(default_factory=list)  # the evidence searched or read, for the audit trail
    said: list[str] = field(default_factory=list)  # the conversation's earlier answers
    phi_found: list[phi.Finding] | None = None  # identifiers detected in the question; None: not looked for


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
    >>> adv.ask("What are our biggest data gaps?", org="meridian-health", user="dana")  # dana's grants apply

    `user=None` is the local operator (CLI, tests, scripts) and sees every organization; a user
    name limits every call to the organizations granted to that user (AccessDenied otherwise).
    With `audit=True` (the default of `from_env`) every question, answer and search is written
    to the audit trail with its provenance.
    """

    def __init__(self, settings: Settings, *, audit: bool = False):
        self.settings = settings
        self.auditing = audit
        self._audit: AuditStore | None = None
        self._accounts: Accounts | None = None
        self._stores_lock = threading.RLock()  # the warm-up thread and a first question may open a store at once
        self._corpus: tuple[int, str] | None = None
        self.index = Index(settings)
        self.retriever = Retriever(self.index)
        self._scope: ScopeGuard | None = None
        self._sentences: SentenceIndex | None = None
        self._checker: LexicalEmbeddingChecker | None = None
        self._library: tuple[int, Library] | None = None  # catalog caches, per index generation
        self._chat: ChatModel | None = None
        self._frameworks: tuple[tuple, Catalog] | None = None
        self._chat_resolved = False

    @classmethod
    def from_env(cls, *, audit: bool = True) -> Advisor:
        return cls(Settings.from_env(), audit=audit)

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
            # the in-memory vectors are shared by every advisor of this embedder; the store is
            # this index's, looked up at each use (a closed index reopens it, and another
            # advisor's closing never reaches it)
            kept = self.embedder.shared.setdefault("sentence_vectors", OrderedDict())
            self._sentences = SentenceIndex(self.embedder, store=lambda: self.index.embed_cache, cache=kept)
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
    def frameworks(self) -> Catalog:
        """Bundled frameworks and crosswalks plus the user's own (ADVISOR_HOME/frameworks),
        reloaded when a file there changes."""
        folder = user_dir(self.settings.home)
        stamp = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*.y*ml"))) if folder.is_dir() else ()
        if self._frameworks is None or self._frameworks[0] != stamp:
            self._frameworks = (stamp, load_catalog([folder] if stamp else []))
        return self._frameworks[1]

    @property
    def chat_model(self) -> ChatModel | None:
        if not self._chat_resolved:
            self._chat = get_chat_model(self.settings)
            self._chat_resolved = True
        return self._chat

    @property
    def mode(self) -> AnswerMode:
        return AnswerMode.LLM if self.chat_model is not None else AnswerMode.OFFLINE

    # ------------------------------------------------------------------ access and audit

    @property
    def audit_store(self) -> AuditStore | None:
        """The audit trail of this ADVISOR_HOME when auditing (opened on first use), else None."""
        with self._stores_lock:
            if self.auditing and self._audit is None:
                self._audit = AuditStore(self.settings)
        return self._audit

    @property
    def accounts(self) -> Accounts:
        """Users, grants and sessions of this ADVISOR_HOME (changes audited when auditing)."""
        with self._stores_lock:
            if self._accounts is None:
                self._accounts = Accounts(self.settings, audit=self.audit_store)
        return self._accounts

    def access(self, user: str | None) -> Access:
        """What `user` may see and do (None: the local operator, who sees everything)."""
        return Access.operator() if user is None else self.accounts.access(user)

    def _actor(self, access: Access) -> Actor:
        return Actor(access.user or "", str(access.role or ""))

    def _checked(self, access: Access, org: str | None, what: str) -> str | None:
        """The organization, after the access check; a refusal is audited, then raised."""
        try:
            return access.check(org) if not access.is_operator else (org or None)
        except AccessDenied:
            self._log(Event.ACCESS_DENIED, access, org, detail={"what": what})
            raise

    def _log(self, event: Event, access: Access, org: str | None, **kw) -> None:
        if self.audit_store is not None:
            self.audit_store.log(event, kw.pop("detail", None), org=org, actor=self._actor(access), **kw)

    @property
    def corpus_version(self) -> str:
        """A short hash of every indexed file and its content hash (changes whenever a file does)."""
        generation = self.index.generation
        if self._corpus is None or self._corpus[0] != generation:
            rows = sorted(f"{r['source']}\t{r['file_hash']}" for r in self.index.files())
            self._corpus = (generation, hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()[:16])
        return self._corpus[1]

    def check_org(self, org: str | None, user: str | None, what: str = "") -> str | None:
        """The organization when `user` may see it (None for none); AccessDenied, audited, otherwise."""
        return self._checked(self.access(user), org, what)

    def organizations(self, user: str | None = None) -> list[dict]:
        """Organizations with assessment results that `user` may see: [{org, name, assessments}]."""
        return self.access(user).visible(self.library.organizations())

    def history(self, org: str, user: str | None = None) -> OrgHistory:
        """An organization's scored assessments (the dashboard's data), after the access check."""
        access = self.access(user)
        return self.library.history(self._checked(access, org, "dashboard"))

    # ------------------------------------------------------------------ indexing

    def index_paths(self, paths: list[Path] | None = None, *, org: str = "", progress=None) -> IndexReport:
        """Index files and folders; a results file whose organization takes another's display name is refused first."""
        clashes = self.library.name_clashes(paths)  # refused before anything is stored; the rest is indexed
        targets = without(paths, [c.file.path for c in clashes if c.file.path]) if clashes else paths
        refused_all = bool(clashes) and not targets  # (an empty list would mean the bundled corpus)
        report = IndexReport() if refused_all else self.index.index_paths(targets, org=org, progress=progress)
        for clash in clashes:
            report.error(clash.file.path or Path(clash.file.source), clash.message)
        report.files_seen += len(clashes)
        self._library = None  # documents changed
        return report

    def removable_documents(self, user: str | None = None) -> list[dict]:
        """Indexed documents not bundled with the release (uploads, added files, results) that
        `user` may see."""
        access, corpus = self.access(user), CORPUS_DIR.resolve()
        rows = [r for r in self.index.files() if not Path(r["path"]).resolve().is_relative_to(corpus)]
        return [r for r in rows if access.is_operator or access.may_see(r["org"] or None)]

    def remove_document(self, source: str, *, user: str | None = None, delete_file: bool = True) -> IndexReport:
        """Remove a document from the library and the index (the Library capability; audited).

        The uploaded copy under ADVISOR_HOME is deleted too, so a later re-index does not bring
        it back; a file elsewhere is left where it is. Bundled guidance ships with the release
        and is refused: it would return on the next `advisor index`.
        """
        access = self.access(user)
        if not access.can(Capability.LIBRARY):
            self._log(Event.ACCESS_DENIED, access, None, detail={"what": "remove", "source": source})
            raise AccessDenied(
                "Your role may not remove documents from the library.", user=access.user, action="remove"
            )
        row = next((r for r in self.index.files() if r["source"] == source), None)
        if row is None:
            raise LibraryError(
                f"{source!r} is not in the library; the Library page (or `advisor remove --list`) lists what is."
            )
        self._checked(access, row["org"] or None, "remove")
        path = Path(row["path"])
        if path.resolve().is_relative_to(CORPUS_DIR.resolve()):
            raise LibraryError(
                f"{source} is bundled guidance: it ships with the release and returns on the next re-index. "
                "Mark it superseded in its front matter instead, or add a newer document."
            )
        report = self.index.remove_sources([source])
        deleted = delete_file and path.resolve().is_relative_to(self.settings.home.resolve()) and path.is_file()
        if deleted:
            path.unlink()
        self._library = None  # documents changed
        detail = {"source": source, "chunks": report.chunks_removed, "file_deleted": deleted}
        self._log(Event.DELETE, access, row["org"] or None, detail=detail)
        return report

    def ensure_index(self, progress=None) -> IndexReport | None:
        """Index the bundled corpus when the index is empty (first start)."""
        if self.index.is_empty():
            return self.index_paths(None, progress=progress)
        return None

    def search(self, query: str, k: int | None = None, org: str | None = None, user: str | None = None) -> list[Hit]:
        """Ranked chunks: the shared ones, plus `org`'s when the caller may see it."""
        access = self.access(user)
        org = self._checked(access, org, "search")
        query = clean_text(query)  # invalid UTF-8 bytes and control characters never go further
        hits = self.retriever.search(query, k=k, filters=Filters(org=org)).hits
        refs = tuple(ChunkRef(h.chunk.chunk_id, h.chunk.content_hash) for h in hits)
        self._log(Event.SEARCH, access, org, provenance=Provenance(query, refs, self._corpus_if_audited()))
        return hits

    def _corpus_if_audited(self) -> str:
        return self.corpus_version if self.auditing else ""

    # ------------------------------------------------------------------- asking

    def ask(
        self, question: str, org: str | None = None, history: list[dict] | None = None, user: str | None = None
    ) -> Answer:
        """Answer a question with verified citations; see PRODUCT.md for the JSON shape.

        With `user`, only the organizations granted to that user are searched; any other `org`
        raises AccessDenied naming it. History never widens what is searched."""
        answer = None
        for item in self.ask_stream(question, org=org, history=history, user=user):
            if isinstance(item, Answer):
                answer = item
        assert answer is not None, "ask_stream always ends with an Answer"
        return answer

    def ask_stream(
        self, question: str, org: str | None = None, history: list[dict] | None = None, user: str | None = None
    ) -> Iterator[str | Answer]:
        """For a UI: the answer's text tokens (`str`) while an LLM writes, then the `Answer` once."""
        access = self.access(user)
        org = self._checked(access, org, "ask")
        question = clean_text(question or "").strip()  # invalid UTF-8 bytes and control characters never go further
        if not question:
            raise AdvisorError("the question is empty; type a question about AI readiness or governance")
        if len(question) > MAX_QUESTION:
            raise AdvisorError(f"the question is longer than {MAX_QUESTION} characters; shorten it")
        found = phi.detect(question) if self.auditing or self.chat_model is not None else None
        self._log(Event.QUESTION, access, org, question=question)
        t = time.perf_counter()
        query, notice = self._standalone(question, history, bool(found))
        turn = _Turn(
            question, query, org, {"rewrite": _ms(t)}, notice, access, said=assistant_answers(history), phi_found=found
        )
        ans = yield from self._answer(turn)
        ans.timings_ms = {**turn.timings, **ans.timings_ms}
        if turn.notice and not ans.notice:
            ans.notice = turn.notice
        if found:
            ans.notice = " ".join(x for x in (ans.notice, self._phi_notice(found)) if x)
        self._log_answer(turn, ans)
        yield ans

    def _phi_notice(self, found: list[phi.Finding]) -> str:
        kinds = ", ".join(sorted({str(f.type) for f in found}))
        where = "stored in the audit trail" if self.auditing else ""
        if self.chat_model is not None:
            where = f"{where} or sent to the language model" if where else "sent to the language model"
        return (
            f"Your question looks like it contains personal health information ({kinds}); it was redacted before "
            f"it was {where}. Do not type patient details into questions."
        )

    def _log_answer(self, turn: _Turn, ans: Answer) -> None:
        if self.audit_store is None:
            return
        refs = tuple(dict.fromkeys(ChunkRef(c.chunk_id, c.content_hash) for c in turn.retrieved))
        prov = Provenance(
            query=turn.query,
            chunks=refs,
            corpus_version=self.corpus_version,
            mode=str(ans.mode),
            model=self.settings.llm_model if ans.mode == AnswerMode.LLM else "",
            answer_hash=text_hash(ans.answer),
            citations=tuple({"marker": c.marker, "chunk_id": c.chunk_id, "source": c.source} for c in ans.citations),
        )
        detail = {"kind": str(ans.kind), "abstained": ans.abstained, "unsupported": len(ans.unsupported)}
        self._log(Event.ANSWER, turn.access, turn.org, question=turn.question, provenance=prov, detail=detail)

    def warm_up(self, question: str = WARM_UP_QUESTION) -> None:
        """Load what a first answer needs (embedding model, keyword index, PHI recognizers,
        frameworks, sentence index) by drafting one offline answer that is neither recorded in the
        audit trail nor sent to a language model, so a user's first question does not pay for it."""
        phi.detect(question)
        turn = _Turn(question, question, None, {})
        self._framework(turn)
        if self.index.is_empty():
            return
        drafted = self._guidance(turn)
        if isinstance(drafted, _Drafted):
            render_offline(turn.question, turn.query, drafted.draft, drafted.hits, self.checker)

    # ------------------------------------------------------------------ the steps

    def _answer(self, turn: _Turn) -> Generator[str, None, Answer]:
        """Route the question, draft the answer on its path, then write it."""
        way = route(turn.query, turn.org, self.scope)
        if way.path is AnswerPath.REFUSE:
            return self._refusal(turn, way.reason)
        pointed = "" if turn.said else unresolved_reference(turn.query)
        if pointed:
            turn.timings["retrieve"] = 0.0
            return self._plain(
                turn,
                f"Which one do you mean by “{pointed}”? Nothing earlier in this conversation names it. "
                "Ask again with its name (the product, tool or vendor as your documents call it).",
                AnswerKind.CLARIFY,
            )
        framed = self._framework(turn)
        if framed is not None:
            return (yield from self._write(turn, framed))
        if way.path is AnswerPath.NEEDS_ORG:
            turn.timings["retrieve"] = 0.0
            return self._plain(
                turn,
                "That question is about your organization's own assessment, but no organization is selected. "
                + self._org_list_sentence(turn.access)
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
            known = (
                "Run `advisor orgs` to see the organizations that have them."
                if turn.access.is_operator
                else self._org_list_sentence(turn.access)
            )
            return self._plain(
                turn,
                f"No assessment results for the organization '{turn.org}' are indexed. "
                + known
                + " Index a results file with `advisor index FILE --org ORG`.",
                AnswerKind.CLARIFY,
            )
        t = time.perf_counter()
        draft = compose_assessment(turn.query, history, self.library, said=turn.said)
        turn.timings["compose"] = _ms(t)
        turn.retrieved = [c for p in draft.parts for c in p.chunks]
        return _Drafted(draft, [])

    def _framework(self, turn: _Turn) -> _Drafted | None:
        """A framework question answered from the framework data, or None to take the usual path."""
        t = time.perf_counter()
        dims = tuple(load_instrument().dimensions_mentioned(turn.query))
        q = framework_question(turn.query, self.frameworks, turn.org, dims)
        if q is None:
            return None
        history = self.library.history(turn.org) if turn.org else None
        draft = compose_framework(turn.query, q, self.frameworks, self.library, history)
        turn.timings["retrieve"] = _ms(t)
        if draft is None:
            return None
        turn.retrieved = [c for p in draft.parts for c in p.chunks]
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
        turn.retrieved = [h.chunk for h in found.hits]
        if found.degraded:
            turn.notice = f"Search ran in a degraded mode: {found.degraded}."
        hits = found.hits
        # who the asker says they are ("As the CIO of ...,") is not what the answer must cover
        core = core_question(turn.query)
        # words that only frame the asking ("anyone", "whether", "how many") are not evidence
        # any passage must hold: judged on them, a conversational question looks unanswered
        asked = asked_words(core)
        coverage = max(self.retriever.coverage(core, hits), self.retriever.coverage(asked, hits))
        # in scope is judged without filler ("Is there anything in the guide about X?"): no
        # passage says "anything"; how confident an answer is still counts every word asked
        # every kept hit counts here: a passage kept for its standout keyword score ranks low
        in_scope_words = self.retriever.coverage(unframed(core), hits, top=len(hits))
        in_own = lambda own: self.retriever.coverage(unframed(core), own, top=len(own))  # noqa: E731
        decision = evidence_scope(self.scope, turn.query, hits, in_scope_words, in_own)
        if not decision.in_scope:
            return self._refusal(turn, decision.reason, hits)
        t = time.perf_counter()
        subs = split_question(core, least=1)  # "..., and who signed it?": one word says what a part asks
        draft = compose_guidance(
            core,
            hits,
            self.sentences,
            self._query_vector(core),
            sub_vecs=[(q, self._query_vector(q)) for q in subs] if len(subs) > 1 else None,
            neighbors=self._neighbors(hits),
            retriever=self.retriever,
        )
        turn.timings["compose"] = _ms(t)
        quoted = max(self._quoted_coverage(core, draft), self._quoted_coverage(asked, draft))
        # the composer's coverage counts a word the passage says otherwise ("doctor" / "practitioner")
        confidence = draft.evidence + 0.3 * max(coverage, quoted, draft.covered)
        if not draft.parts or confidence < self._least_confidence(core, draft):
            ans = self._plain(turn, declined(draft.note, hits, turn.question, turn.phi_found), AnswerKind.ABSTAIN)
            ans.hits, ans.confidence = hits, confidence
            return ans
        return _Drafted(draft, hits, confidence)

    def _write(self, turn: _Turn, drafted: _Drafted) -> Generator[str, None, Answer]:
        """The model writes the answer when one is configured and works; otherwise the offline renderer."""
        if self.chat_model is not None:
            try:
                t = time.perf_counter()
                # a hosted model never sees identifiers typed into the question (or carried over from history)
                question, query = phi.redact(turn.question), phi.redact(turn.query)
                ans = yield from llm_answer(
                    self.chat_model, self.checker, question, query, drafted.draft, drafted.hits, turn.timings
                )
                ans.question, ans.query = turn.question, turn.query
                turn.timings["llm"] = _ms(t)
                return with_currency_notes(ans)
            except LLMError as exc:
                turn.notice = (
                    f"The language model failed ({exc}); this answer was composed offline from the same evidence."
                )
        t = time.perf_counter()
        rendered = render_offline(turn.question, turn.query, drafted.draft, drafted.hits, self.checker)
        ans = rendered or self._plain(turn, declined("", drafted.hits), AnswerKind.ABSTAIN)
        if rendered is None:  # no sentence survived verification
            ans.hits = drafted.hits
        ans.confidence = drafted.confidence
        turn.timings["verify"] = _ms(t)
        return with_currency_notes(ans)

    # ------------------------------------------------------------------ helpers

    def _least_confidence(self, question: str, draft: Draft) -> float:
        """The confidence an answer needs: less for an open question the draft was judged to
        address, whose words the asker chose and the documents need not share."""
        least = self.settings.abstain_threshold
        return least - ADDRESSED_MARGIN if draft.addressed and focus_of(question) is Focus.NONE else least

    def _neighbors(self, hits: list[Hit]) -> Callable[[Chunk], list[Chunk]]:
        """The hits' section neighbours read in one catalog query (not one per hit)."""
        near = self.index.neighbors_many([h.chunk for h in hits])
        return lambda c: near[c.chunk_id] if c.chunk_id in near else self.index.neighbors(c)

    def _quoted_coverage(self, query: str, draft: Draft) -> float:
        """How much of the query's information the passages the draft quotes contain: a direct
        answer in the fifth passage found is as good evidence as one in the first."""
        chunks = list({c.chunk_id: c for p in draft.parts for c in p.chunks}.values())
        if not chunks:
            return 0.0
        return self.retriever.coverage(query, [Hit(c, 0.0) for c in chunks], top=len(chunks))

    def _query_vector(self, query: str) -> np.ndarray:
        """The vector sentences are scored by: without the words pointing at a document (`without_pointers`)."""
        plain = without_pointers(query, self.retriever)
        return np.asarray(self.embedder.embed_query(self.retriever.expand(plain)), dtype=np.float32)

    def _standalone(self, question: str, history: list[dict] | None, has_phi: bool = False) -> tuple[str, str]:
        """The query to search for a follow-up, and a notice when the model failed to rewrite it.
        A model rewriting it sees the question and history with PHI redacted."""
        if not history:
            return question, ""
        if self.chat_model is not None:
            try:
                said = [{**h, "content": phi.redact(str(h.get("content", "")))} for h in history]
                text = rewrite_query(self.chat_model, phi.redact(question) if has_phi else question, said)
                if text:
                    return text, ""
            except LLMError as exc:
                return standalone_query(
                    question, history
                ), f"The language model failed ({exc}); follow-up rewritten offline."
        return standalone_query(question, history), ""

    def _org_list_sentence(self, access: Access) -> str:
        """The organizations this caller may choose from (never one it may not see)."""
        orgs = access.visible(self.library.organizations())
        if not orgs:
            if access.is_operator:
                return "No organizations have assessment results in the index yet."
            return "No organization with assessment results is granted to your account; ask an administrator."
        names = "; ".join(f"{o['name']} ({o['org']})" for o in orgs)
        return f"Organizations with assessment results: {names}."

    def _plain(self, turn: _Turn, text: str, kind: AnswerKind) -> Answer:
        return plain(turn.question, turn.query, text, kind=kind, mode=self.mode)

    def _refusal(self, turn: _Turn, why: str, hits: list[Hit] | None = None) -> Answer:
        ans = self._plain(turn, SCOPE_MESSAGE.format(why=why).strip(), AnswerKind.REFUSAL)
        ans.hits = hits or []
        return ans
