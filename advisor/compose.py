"""The offline composer: short answers built from retrieved sentences and assessment data.

Guidance answers quote exact sentences of retrieved chunks, chosen by similarity to the
question (embedding + lexical + identifier match) with MMR for diversity. Assessment answers
are computed from the organization's scorecards and cite the result chunks that state each
fact, plus the guidance each gap maps to. Every sentence carries a citation; the caller
verifies each one against its cited chunk before the user sees it.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .chunk import Chunk, Fact
from .guard import looks_like_injection
from .index import Index
from .retrieve import Hit, Retriever
from .text import content_words, identifiers, sentence_spans

_DEBUG = bool(os.environ.get("ADVISOR_DEBUG_COMPOSE"))


@dataclass
class Part:
    """One sentence of an answer and the chunks that support it."""

    text: str
    chunks: list[Chunk]
    bullet: bool = False
    quotes: list[str] = field(default_factory=list)  # exact spans, one per chunk when known


@dataclass
class Draft:
    """An answer before markers are assigned."""

    parts: list[Part]
    kind: str  # guidance | assessment | clarify
    evidence: float = 0.0  # strength of the best evidence, for abstention
    note: str = ""


_LIST_CUES = re.compile(
    r"\b(what are|which|list|name the|steps|principles|requirements|elements|characteristics|categories|"
    r"risks|components|safeguards|questions|criteria|functions|stages|pillars|attributes|obligations|"
    r"controls|clauses|roles|prerequisites|gaps|ways|examples|types|kinds)\b"
    r"|\bwhat (?:should|must|do|does) (?:we|a health system|an organi[sz]ation|hospitals?) (?:monitor|ask|track|measure|include|do|have)\b",
    re.I,
)


_META = re.compile(
    r"^(?:this|the present|the following)\s+(?:guidance|document|section|page|chapter|report|paper|brief|playbook|"
    r"synthesis|note|overview)\b|^it is a (?:practical )?synthesis\b",
    re.I,
)
_DEICTIC = re.compile(r"\b(?:below|above|as follows|the following|see (?:section|table|figure))\b", re.I)
_NUMBER_CUES = re.compile(r"\b(how many|how much|when|what year|which year|what date|deadline|number of|count)\b", re.I)


_DATE = re.compile(
    r"\b(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?: \d{1,2},?)? \d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:19|20)\d{2}\b"
)


def wants_list(question: str) -> bool:
    return bool(_LIST_CUES.search(question))


class SentenceIndex:
    """Embeddings of chunk sentences: computed on first use, kept in memory (LRU) and, with a
    store, on disk, so a sentence is embedded once per installation, not once per question."""

    def __init__(self, embedder, capacity: int = 20000, store=None):
        self.embedder = embedder
        self.capacity = capacity
        self.store = store  # an index.EmbeddingCache
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def vectors(self, sentences: list[str]) -> np.ndarray:
        todo = [s for s in dict.fromkeys(sentences) if s not in self._cache]
        if todo:
            vecs = self.store.embed(todo, self.embedder) if self.store is not None else self.embedder.embed(todo)
            for s, v in zip(todo, vecs, strict=True):
                self._cache[s] = np.asarray(v, dtype=np.float32)
        out = np.stack([self._cache[s] for s in sentences]) if sentences else np.zeros((0, 1), dtype=np.float32)
        for s in sentences:
            self._cache.move_to_end(s)
        while len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return out


@dataclass
class _Candidate:
    text: str
    chunk: Chunk
    hit_rank: int
    position: int
    score: float = 0.0
    semantic: float = 0.0
    vec: np.ndarray | None = None
    bullet: bool = False  # an item of a list in its chunk


def _usable(sentence: str) -> bool:
    s = sentence.strip()
    if len(s) < 25 or len(s.split()) < 5:
        return False
    if s.endswith((":", "?")):
        return False  # lead-ins and questions ("Organizations can document the following:")
    if _DANGLING.search(s):
        return False  # a lead-in whose list was lost in extraction ("..., including, but not limited to")
    if not re.search(r"[a-z]{3,}", s):
        return False
    if s.count("…") >= 2 or re.search(r"\.{4,}", s):
        return False  # table-of-contents lines
    if _CITATION_ENTRY.search(s):
        return False  # a bibliography entry is a pointer, not an answer
    return not looks_like_injection(s)


_DANGLING = re.compile(
    r"\b(?:to|of|the|a|an|and|or|such as|including|include|includes|following|by|for|with|in|on|are|is)[,;]?\s*$", re.I
)
_REFERENCE_SECTION = re.compile(r"(?:references|bibliography|works cited|further reading|sources|citations)$", re.I)
_CITATION_ENTRY = re.compile(
    r"\(\d{4}[a-z]?\)\.|\bet al\.|\barXiv\b|\bdoi:|\bdoi\.org\b|\bRetrieved (?:from|on)\b|\bIn Proceedings\b"
    r"|\bVol\. \d|\bpp\. \d|https?://",
    re.I,
)


def split_question(question: str) -> list[str]:
    """Sub-questions of a compound question ("When was X published and what does Y replace?")."""
    parts = re.split(
        r"\?\s+|;\s+|,?\s+and\s+(?=(?:what|when|how|which|who|where|why|does|do|did|is|are|can|should|must)\b)",
        question.strip(),
        flags=re.I,
    )
    parts = [p.strip(" ?") for p in parts if p and len(content_words(p)) >= 2]
    return parts if len(parts) > 1 else [question]


def fuzzy(words: set[str]) -> set[str]:
    """Stems cut to six letters: "compli(ance)" meets "compli(es)", "requir(ement)" meets "requir(e)"."""
    return {w[:6] for w in words}


def _score(question: str, qvec: np.ndarray, cands: list[_Candidate], sims: np.ndarray) -> list[float]:
    q_fuzzy = fuzzy(content_words(question))
    as_list = wants_list(question)
    q_ids = set(identifiers(question))
    wants_number = bool(_NUMBER_CUES.search(question))
    wants_date = bool(re.search(r"\b(when|what date|deadline|by what|which year|what year)\b", question, re.I))
    # Question words weighted by how rare they are among the candidate sentences: words every
    # candidate shares (the topic) say little; the rare one ("comply") is what is asked.
    cand_words = [fuzzy(content_words(c.text)) for c in cands]
    contexts = [fuzzy(content_words(f"{c.chunk.title} {c.chunk.section}")) for c in cands]
    n = len(cands)
    weight = {
        w: float(
            np.log((n + 1.0) / (0.5 + sum(w in cw or w in cx for cw, cx in zip(cand_words, contexts, strict=True))))
        )
        for w in q_fuzzy
    }
    total = sum(weight.values()) or 1.0
    out = []
    for c, sim, cw, cx in zip(cands, sims, cand_words, contexts, strict=True):
        lex = sum(weight[w] * (1.0 if w in cw else 0.3 if w in cx else 0.0) for w in q_fuzzy) / total
        ids_here = set(identifiers(c.text)) | set(identifiers(c.chunk.section))
        bonus = 0.15 if q_ids and q_ids & ids_here else 0.0
        if q_ids and q_ids & set(identifiers(c.text[:16])):
            bonus += 0.08  # "GOVERN 1.6 calls for ..." defines the thing asked about
        if wants_number and re.search(r"\d", c.text):
            bonus += 0.06
            if wants_date and _DATE.search(c.text):
                bonus += 0.06
        # the first sentence of a section usually states its subject; later ones elaborate
        if c.position == 0:
            bonus += 0.03
        if _META.match(c.text):
            bonus -= 0.15  # "This guidance describes ..." is about the document, not the subject
        if _DEICTIC.search(c.text):
            bonus -= 0.08  # "the criteria below" points at text the answer does not show
        if as_list and (c.text.count(";") >= 2 or c.text.count(",") >= 4):
            bonus += 0.05  # an enumeration answers "what are the ..."
        chunk_rel = 1.0 / (1.0 + 0.35 * (c.hit_rank - 1))  # hybrid retrieval's verdict on the passage
        out.append(0.5 * float(sim) + 0.25 * min(lex, 1.0) + 0.15 * chunk_rel + bonus)
    return out


def compose_guidance(
    question: str,
    hits: list[Hit],
    sentence_index: SentenceIndex,
    query_vec: np.ndarray,
    *,
    sub_vecs: list[tuple[str, np.ndarray]] | None = None,
    max_sentences: int | None = None,
    neighbors=None,
) -> Draft:
    """Pick the sentences that answer the question, diverse and non-redundant, each cited.

    `sub_vecs` are the parts of a compound question with their embeddings: each part's best
    sentence is taken first, so every part gets an answer.
    """
    as_list = wants_list(question)
    limit = max_sentences or (6 if as_list else 5)
    cands: list[_Candidate] = []
    seen: set[str] = set()
    passages: list[tuple[Chunk, int]] = []
    have = {h.chunk.chunk_id for h in hits}
    chunk_sim = {h.chunk.chunk_id: h.dense for h in hits}
    for h in hits:
        passages.append((h.chunk, h.rank))
        for nb in neighbors(h.chunk) if neighbors else []:
            if nb.chunk_id not in have:  # the rest of a section split across chunks
                have.add(nb.chunk_id)
                chunk_sim[nb.chunk_id] = h.dense
                passages.append((nb, h.rank))
    for chunk, rank in passages:
        if _REFERENCE_SECTION.match(chunk.section.split(" > ")[-1].strip()):
            continue  # a reference list points elsewhere; it is not an answer
        h = Hit(chunk=chunk, score=0.0, rank=rank)
        for pos, (s, e) in enumerate(sentence_spans(h.chunk.text)):
            text = h.chunk.text[s:e]
            key = " ".join(text.lower().split())
            if key in seen or not _usable(text):
                continue
            line_start = h.chunk.text.rfind("\n", 0, s) + 1
            bullet = h.chunk.text[line_start:s].strip() in ("-", "*", "•")
            if not as_list and bullet and (len(text.split()) < 6 or not text[:1].isupper() or not text.endswith(".")):
                continue  # a list item that is not a full sentence reads as a fragment outside its list
            seen.add(key)
            cands.append(_Candidate(text, h.chunk, h.rank, pos, bullet=bullet))
    if not cands:
        return Draft([], "guidance", 0.0)
    vecs = sentence_index.vectors([c.text for c in cands])
    # a sentence also inherits its passage's similarity, so short ones ("The compliance date
    # was 1 May 2025.") keep the topic their section gives them

    def sims_for(v: np.ndarray, passage: bool = True) -> np.ndarray:
        own = vecs @ v
        if not passage:
            return own
        ctx = np.array([chunk_sim.get(c.chunk.chunk_id) or float(o) for c, o in zip(cands, own, strict=True)])
        return 0.5 * own + 0.5 * ctx

    main_sims = sims_for(query_vec)
    for c, v, sim, sc in zip(cands, vecs, main_sims, _score(question, query_vec, cands, main_sims), strict=True):
        c.vec, c.semantic, c.score = v, float(sim), sc
    order = sorted(cands, key=lambda c: (-c.score, c.hit_rank, c.position))
    if _DEBUG:
        for c in order[: int(os.environ.get("ADVISOR_DEBUG_N", "12"))]:
            print(f"  {c.score:.3f} sem={c.semantic:.3f} r={c.hit_rank} | {c.text[:110]}")
    best = order[0].score
    chosen: list[_Candidate] = [order[0]]
    for sub, svec in sub_vecs or []:
        # passage similarities were computed for the whole question, not this part
        sub_scores = _score(sub, svec, cands, sims_for(svec, passage=False))
        i = int(np.argmax(sub_scores))
        if cands[i] not in chosen and len(chosen) < limit:
            chosen.append(cands[i])
    user = [c for c in order if c.chunk.doc_type == "user"]
    if user and user[0] not in chosen and user[0].score >= 0.85 * best and len(chosen) < limit:
        chosen.append(user[0])  # the user's own document speaks when it is nearly as relevant
    if as_list:
        # a list question answered by a list: take the items of the best passage's list in order
        lead = order[0]
        items = sorted(
            (c for c in cands if c.bullet and c.chunk is lead.chunk and c.position > lead.position),
            key=lambda c: c.position,
        )
        if len(items) >= 2 and items[0].position - lead.position <= 2:  # the lead introduces this list
            chosen += items[: limit - len(chosen)]
    lam = 0.75
    floor = 0.72
    while len(chosen) < limit:
        pick, pick_val = None, -1e9
        for c in cands:
            # the sentences right after a chosen one usually finish its thought
            follows = any(o.chunk is c.chunk and 0 < c.position - o.position <= 2 for o in chosen)
            if c in chosen or c.score < best * (min(0.5, floor) if follows else floor):
                continue
            redundancy = max(float(c.vec @ o.vec) for o in chosen)
            if redundancy > 0.86:
                continue  # a near-duplicate says nothing new
            val = lam * c.score - (1 - lam) * redundancy + (0.06 if follows else 0.0)
            if val > pick_val:
                pick, pick_val = c, val
        if pick is None:
            if floor > 0.55 and len(chosen) < 3:
                floor = 0.55  # one standout sentence rarely answers alone: let close runners-up in
                continue
            break
        chosen.append(pick)
    lead, rest = chosen[0], chosen[1:]
    # keep sentences of one chunk in reading order after the lead
    rest.sort(key=lambda c: (c.hit_rank, c.position))
    parts = [Part(lead.text, [lead.chunk], quotes=[lead.text])]
    for c in rest:
        parts.append(Part(c.text, [c.chunk], bullet=as_list, quotes=[c.text]))
    return Draft(parts, "guidance", evidence=float(lead.score))


# ----------------------------------------------------------------------- assessment answers

_TREND = re.compile(
    r"\b(improv\w*|progress\w*|chang\w*|since|compared|trend\w*|over time|last (assessment|time)|previous|"
    r"better|worse|declin\w*|moved|grown|grew)\b",
    re.I,
)
_BLOCKING = re.compile(
    r"\b(block\w*|prevent\w*|stopping|hold\w* (us|it) back|must come first|prerequisites?|barriers?)\b", re.I
)
_GAPS = re.compile(
    r"\b(gaps?|weak\w*|fix|lowest|biggest|worst|risks?|shortfalls?|priorit\w*|focus|improve|below target|work on)\b",
    re.I,
)
_STRENGTHS = re.compile(r"\b(strengths?|strong\w*|good at|best|doing well|excel\w*)\b", re.I)
_ASSESS_WORDS = re.compile(
    r"\b(score[sd]?|scoring|assessment|readiness|ready|tier|index|gaps?|blocking|blocked|mature|maturity|"
    r"weak\w*|strengths?|improv\w*|progress)\b",
    re.I,
)

_DIMENSION_WORDS = {
    "STRAT": r"strateg\w*|leadership|executive",
    "DATA": r"data",
    "INFRA": r"infrastructure|platforms?|cloud|mlops|technology",
    "SEC": r"security|privacy|cyber\w*",
    "GOV": r"governance|risk management|oversight",
    "WORK": r"workforce|culture|staff|training|skills|talent",
    "CLIN": r"clinical integration|workflow|clinicians?|clinical",
    "VALUE": r"value|roi|return on investment|benefits?",
}


def is_assessment_question(query: str) -> bool:
    return bool(_ASSESS_WORDS.search(query))


@dataclass
class OrgData:
    """An organization's scorecards (oldest first) and the chunks that state them."""

    org: str
    name: str
    cards: list  # assessment.Scorecard, oldest first
    chunks: list[
        dict
    ]  # per card: {"summary": Chunk, "dimension": {id: Chunk}, "question": {id: Chunk}, "use_case": {id: Chunk}}

    @property
    def latest(self):
        return self.cards[-1]


def load_org(index: Index, org: str) -> OrgData | None:
    """Score every indexed assessment of an organization."""
    from . import assessment

    files = [f for f in index.files() if f["doc_type"] == "assessment" and f["org"] == org]
    if not files:
        return None
    inst = assessment.load_instrument()
    loaded = []
    for f in files:
        chunks = index.chunks_for_source(f["source"])
        by: dict = {"summary": None, "dimension": {}, "question": {}, "use_case": {}}
        for c in chunks:
            kind = c.meta.get("kind")
            if kind == "summary":
                by["summary"] = c
            elif kind == "dimension":
                by["dimension"][c.meta.get("dimension")] = c
            elif kind == "question":
                by["question"][c.meta.get("question_id")] = c
            elif kind == "use_case":
                by["use_case"][c.meta.get("use_case")] = c
        try:
            results = assessment.load_results(Path(f["path"]), inst)
        except Exception:
            continue  # the file changed or vanished since indexing; its chunks still answer below
        card = assessment.score(results, inst)
        if by["summary"] is not None:
            loaded.append((card.date, card, by))
    if not loaded:
        return None
    loaded.sort(key=lambda x: x[0])
    return OrgData(org, loaded[-1][1].org_name, [c for _, c, _ in loaded], [b for _, _, b in loaded])


def _first_sentence(chunk: Chunk) -> str:
    spans = sentence_spans(chunk.text)
    return chunk.text[spans[0][0] : spans[0][1]] if spans else chunk.text


class GuidanceLinker:
    """Finds the guidance chunk an instrument reference points at (document stem + section id)."""

    def __init__(self, index: Index, retriever: Retriever):
        self.index = index
        self.retriever = retriever
        self._by_doc: dict[str, list[Chunk]] = {}

    def _doc_chunks(self, stem: str) -> list[Chunk]:
        if stem not in self._by_doc:
            src = next((f["source"] for f in self.index.files() if Path(f["source"]).stem == stem), None)
            self._by_doc[stem] = self.index.chunks_for_source(src) if src else []
        return self._by_doc[stem]

    def find(self, document: str, section: str, fallback_query: str = "") -> Chunk | None:
        chunks = self._doc_chunks(document)
        sec = section.lower()
        ids = set(identifiers(section))
        for c in chunks:
            s = c.section.lower()
            if ids and ids & set(identifiers(c.section)):
                return c
            if not ids and sec and sec in s:
                return c
        if chunks and fallback_query:
            words = content_words(f"{section} {fallback_query}")
            return max(chunks, key=lambda c: (len(words & content_words(c.section + " " + c.text)), -c.position))
        return None


def _best_sentence(chunk: Chunk, topic: str) -> str | None:
    """The usable sentence of a chunk that best matches a topic (ties: the earliest)."""
    words = content_words(topic)
    best, best_val = None, -1.0
    for i, (s, e) in enumerate(sentence_spans(chunk.text)):
        sent = chunk.text[s:e]
        if not _usable(sent):
            continue
        val = len(words & content_words(sent)) - 0.01 * i
        if val > best_val:
            best, best_val = sent, val
    return best


def _guidance_part(linker: GuidanceLinker, refs, topic: str) -> Part | None:
    for r in refs:
        c = linker.find(r.document, r.section, topic)
        if c is not None:
            s = _best_sentence(c, f"{r.section} {topic}")
            if s:
                return Part(s, [c], bullet=True, quotes=[s])
    return None


def _org_name_possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def compose_assessment(query: str, data: OrgData, linker: GuidanceLinker) -> Draft:
    """An answer about the organization's own assessment, computed and cited."""
    from . import assessment

    named = _named_assessment(query, data)
    trend_asked = bool(_TREND.search(query)) and len(data.cards) >= 2
    pick = len(data.cards) - 1 if trend_asked or named is None else named
    card = data.cards[pick]
    ch = data.chunks[pick]
    summary = ch["summary"]
    parts: list[Part] = []
    inst = assessment.load_instrument()

    def qpart(qid: str, with_guidance: bool = True) -> None:
        qc = ch["question"].get(qid)
        if qc is not None:
            s = _first_sentence(qc)
            parts.append(Part(s, [qc], bullet=True, quotes=[s]))
        if with_guidance:
            q = inst.question(qid) if hasattr(inst, "question") else None
            refs = getattr(q, "references", ()) if q is not None else ()
            g = _guidance_part(linker, refs, getattr(q, "text", qid))
            if g is not None and all(g.chunks[0].chunk_id != p.chunks[0].chunk_id for p in parts):
                parts.append(g)

    # 1. trend between the last two assessments
    if trend_asked:
        first = named if named is not None and named < len(data.cards) - 1 else len(data.cards) - 2
        t = assessment.trend(data.cards[first], data.cards[-1], inst)
        before, after = data.chunks[first], data.chunks[-1]
        verb = "rose" if (t.index_delta or 0) > 0 else "fell" if (t.index_delta or 0) < 0 else "held"
        tiers = (
            f", moving from the {_tier_name(inst, t.tier_before)} tier to the {_tier_name(inst, t.tier_after)} tier"
            if t.tier_before != t.tier_after
            else f", staying in the {_tier_name(inst, t.tier_after)} tier"
        )
        parts.append(
            Part(
                f"{_org_name_possessive(data.name)} AI readiness index {verb} from {t.index_before:.1f}/100 on "
                f"{t.earlier_date} to {t.index_after:.1f}/100 on {t.later_date}{tiers}.",
                [before["summary"], after["summary"]],
            )
        )
        moved = sorted((d for d in t.dimensions if d.delta), key=lambda d: -abs(d.delta))[:3]
        for d in moved:
            cb, ca = before["dimension"].get(d.id), after["dimension"].get(d.id)
            if cb is None or ca is None:
                continue
            word = "improved" if d.delta > 0 else "declined"
            parts.append(
                Part(
                    f"{d.name} ({d.id}) {word} from {d.before:.1f}/5 on {t.earlier_date} to {d.after:.1f}/5 on {t.later_date}.",
                    [cb, ca],
                    bullet=True,
                )
            )
        if t.blocking_resolved:
            names = "; ".join(f"{b.id} ({b.name})" for b in data.cards[first].blocking if b.id in t.blocking_resolved)
            parts.append(
                Part(
                    f"Blocking rules triggered on {t.earlier_date} and no longer triggered on {t.later_date}: {names}.",
                    [before["summary"]],
                    bullet=True,
                )
            )
        if t.use_cases_now_ready:
            s = after["summary"].fact(Fact.READY_USE_CASES)
            if s:
                parts.append(Part(s, [after["summary"]], bullet=True, quotes=[s]))
        return Draft(parts, "assessment", 1.0)

    # 2. a named use case: ready or blocked, and what must come first
    uc = assessment.match_use_case(query, inst)
    if uc is not None:
        ucc = ch["use_case"].get(uc.id)
        ready = next((u for u in card.use_cases if u.id == uc.id), None)
        if ucc is not None:
            for s, e in sentence_spans(ucc.text)[:3]:
                parts.append(Part(ucc.text[s:e], [ucc], bullet=len(parts) > 0, quotes=[ucc.text[s:e]]))
        if ready is not None and not ready.ready:
            for b in card.blocking:
                if set(b.blocks) & {uc.id, uc.kind, "all"}:
                    s = summary.fact(Fact.BLOCKING)
                    if s and all(s != p.text for p in parts):
                        parts.append(Part(s, [summary], bullet=True, quotes=[s]))
                    break
            for qid in _question_ids(ready.first)[:2]:
                qpart(qid)
        g = _guidance_part(linker, getattr(uc, "references", ()), uc.name)
        if g is not None:
            parts.append(g)
        return Draft(parts, "assessment", 1.0)

    # 3. a specific question id ("how did we score on DATA-3?")
    qids = [i for i in identifiers(query) if i in ch["question"]]
    if qids:
        for qid in qids[:3]:
            qpart(qid)
        if parts:
            parts[0].bullet = False
        return Draft(parts, "assessment", 1.0)

    # 4. blocking issues
    if _BLOCKING.search(query):
        s = summary.fact(Fact.BLOCKING)
        if s:
            parts.append(Part(s, [summary], quotes=[s]))
        else:
            parts.append(Part(f"No blocking rules are triggered for {data.name} as of {card.date}.", [summary]))
        for b in card.blocking[:3]:
            for qid in b.questions[:1]:
                qpart(qid)
        return Draft(parts, "assessment", 1.0)

    # 5a. which dimension is weakest / strongest
    rank = re.search(
        r"\b(weakest|lowest|worst|strongest|highest|best)\b.{0,40}\b(dimensions?|areas?|pillars?)\b", query, re.I
    ) or re.search(
        r"\b(dimensions?|areas?|pillars?)\b.{0,40}\b(weakest|lowest|worst|strongest|highest|best)\b", query, re.I
    )
    if rank:
        word = (rank.group(1) + rank.group(2)).lower()
        scored = sorted((d for d in card.dimensions if d.score is not None), key=lambda d: d.score)
        if re.search(r"strongest|highest|best", word):
            scored = scored[::-1]
        for d in scored[:2]:
            dc = ch["dimension"].get(d.id)
            if dc is not None:
                sent = _first_sentence(dc)
                parts.append(Part(sent, [dc], bullet=bool(parts), quotes=[sent]))
        s = summary.fact(Fact.DIMENSION_SCORES)
        if s:
            parts.append(Part(s, [summary], bullet=True, quotes=[s]))
        if parts:
            return Draft(parts, "assessment", 1.0)

    dims = [d for d, pat in _DIMENSION_WORDS.items() if re.search(rf"\b(?:{pat})\b", query, re.I)]
    # 5. strengths
    if _STRENGTHS.search(query) and not _GAPS.search(query):
        s = summary.fact(Fact.INDEX)
        if s:
            parts.append(Part(s, [summary], quotes=[s]))
        strengths = [x for x in card.strengths if not dims or x.dimension in dims][:4]
        for x in strengths:
            qpart(x.question_id, with_guidance=False)
        return Draft(parts, "assessment", 1.0)

    # 6. a dimension ("how is our data readiness?", "our biggest data gaps")
    if dims:
        for d in dims[:2]:
            dc = ch["dimension"].get(d)
            if dc is None:
                continue
            for i, (s, e) in enumerate(sentence_spans(dc.text)[:3]):
                sent = dc.text[s:e]
                parts.append(Part(sent, [dc], bullet=bool(parts) and i > 0, quotes=[sent]))
            for g in [g for g in card.gaps if g.dimension == d][:3]:
                qpart(g.question_id)
        if parts:
            return Draft(parts, "assessment", 1.0)

    # 7. gaps / priorities
    if _GAPS.search(query):
        s = summary.fact(Fact.TOP_GAPS)
        if s:
            parts.append(Part(s, [summary], quotes=[s]))
        for g in card.gaps[:3]:
            qpart(g.question_id)
        return Draft(parts, "assessment", 1.0)

    # 8. overall readiness
    for fact in (Fact.INDEX, Fact.DIMENSION_SCORES, Fact.BLOCKING, Fact.READY_USE_CASES):
        s = summary.fact(fact)
        if s and all(s != p.text for p in parts):
            parts.append(Part(s, [summary], bullet=bool(parts), quotes=[s]))
    for g in card.gaps[:2]:
        qpart(g.question_id, with_guidance=False)
    return Draft(parts, "assessment", 1.0)


_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def _named_assessment(query: str, data: OrgData) -> int | None:
    """Which assessment a question names: a date, a month ("in March"), or first/previous/latest."""
    q = query.lower()
    dates = [c.date for c in data.cards]
    for i, d in enumerate(dates):
        if d in q:
            return i
    for i, d in enumerate(dates):
        month = _MONTHS[int(d[5:7]) - 1]
        if re.search(rf"\b{month}\b", q) and (d[:4] in q or not re.search(r"\b20\d\d\b", q)):
            return i
    if len(dates) > 1:
        if re.search(r"\b(first|earliest|initial|baseline|previous|prior|earlier|last time|before)\b", q):
            return len(dates) - 2 if re.search(r"\b(previous|prior|last time|before)\b", q) else 0
        if re.search(r"\b(latest|current|most recent|newest|now|today)\b", q):
            return len(dates) - 1
    return None


def _question_ids(items: list[str]) -> list[str]:
    out = []
    for it in items:
        for m in re.finditer(r"\b[A-Z]{2,6}-\d{1,2}\b", it):
            if m.group(0) not in out:
                out.append(m.group(0))
    return out


def _tier_name(inst, tier_id: str) -> str:
    for t in getattr(inst, "tiers", ()):
        if getattr(t, "id", None) == tier_id:
            return t.name
    return tier_id.replace("-", " ").replace("_", " ").capitalize()
