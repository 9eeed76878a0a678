"""The offline guidance composer: short answers quoting exact sentences of retrieved chunks.

Sentences are chosen by similarity to the question (embedding + lexical + identifier match)
with MMR for diversity. Only what reads well is quoted (`quotable`): whole sentences, and list
items or table rows under the line that introduces them. A list question gets the whole list;
"What is X?" prefers the sentence that defines X; a question naming a product prefers the
document that names it; a sentence two documents share is quoted once, citing both. A draft
that does not address what was asked (`asks`) is declined. Every sentence carries a citation;
the renderer verifies each one against its cited chunk before the user sees it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from ..chunk import Chunk, DocType
from ..guard import looks_like_injection
from ..retrieve import Hit, Retriever
from ..text import fuzzy, reference_entry, tokenize
from .anaphora import antecedent, chart_values, echo_answered, next_fields, spelled_out, to_front
from .asks import Ask, Verdict, addressed, coverage, focus_coverage, read_ask
from .comparison import compared_figures, compared_terms, with_sides
from .corpus import Corpus
from .definitions import defined_subject, defines, glossary_entry
from .docref import documents_named, documents_naming, pointing, read_references
from .enumeration import enumerated
from .evidence import evidence_of
from .fields import cut_off, dangling
from .figurehits import figure_hits
from .focus import Focus, gives
from .lookup import interleave, points_back, search_guidance, split_question
from .objects import same_change, thing_words
from .ownwords import prefer_own_words
from .padding import drop_padding
from .paraphrase import matcher_for
from .parts import part_fits, part_pick
from .people import COMPANY_ASKED
from .persona import asked_part, set_aside
from .primary import with_own
from .quotable import Unit, UnitKind, continue_lists, framed, item_body, read_units, stages_asked
from .relevance import adjust, score, wants_list
from .responses import responses
from .rows import asked_rows, ranked_rows
from .selection import (
    MAX_LIST,
    Candidate,
    add_siblings,
    arrange,
    collapse_duplicates,
    fill_mmr,
    gather_passages,
    named_section,
    repeats,
    whole_list,
)
from .sentences import SentenceIndex
from .subject import subject_blind
from .tiles import off_slide
from .titles import title_draft
from .types import AnswerKind, Draft

__all__ = [
    "SentenceIndex",
    "compose_guidance",
    "fuzzy",
    "interleave",
    "search_guidance",
    "split_question",
    "usable",
    "wants_list",
]

_DEBUG = bool(os.environ.get("ADVISOR_DEBUG_COMPOSE"))

_REFERENCE_SECTION = re.compile(
    r"(?:(?:appendix\s+)?(?:[ivxlc]+|\d+(?:\.\d+)*|[a-z])[.):]?\s+)?"  # numbered: "VI. REFERENCES", "7 Sources"
    r"(?:references|bibliography|works cited|further reading|sources|citations"
    # a reading list ("AI Transparency Resources"), not a card's "Resources" field or "human resources"
    r"|(?:ai |additional |further |other |related |useful |external |key |recommended |selected )?"
    r"(?:transparency |reading |learning )?resources(?<!^resources))$",
    re.I,
)
#: "Which frameworks does the Playbook list as transparency resources?", "what references":
#: the question asks for the reading list itself.
_ASKS_READINGS = re.compile(
    r"\b(?:resources?|references?|readings?|bibliograph\w*|citations?|literature|footnotes?)\b", re.I
)
#: A document's legal notice: trademarks, copyright, which text prevails.
_NOTICE = re.compile(
    r"\b(?:is|are) (?:a )?(?:registered )?trademarks? of\b|\ball rights reserved\b|©|\bcopyright (?:©\s*)?\d{4}\b"
    r"|\bin (?:the )?(?:case|event) of (?:a )?(?:conflict|discrepancy|inconsistency)\b.{0,80}\bprevails?\b",
    re.I,
)
#: "Whom do we contact", "who is their clinical affairs contact", "how do we reach": where to reach someone.
_ASKS_CONTACT = re.compile(r"\b(?:contact\w*|reach|e-?mail\w*|phone|telephone|call|get in touch)\b", re.I)
_ASKS_LEGAL = re.compile(
    r"\b(?:trademark\w*|copyright\w*|rights reserved|prevails?|conflicts? between|legal notice)\b", re.I
)
#: The answer must name this share of what the question is about (weighted anchors), and a
#: sentence stating the amount, date or count asked for must name this share. Calibrated with
#: evals/calibrate.py on the dev splits (dev, playbook-dev, cards-dev, unanswerable-dev): at
#: 0.30 / 0.50 false abstentions 0.011, false answers 0.067; the next-best settings gave more of both.
MIN_COVERAGE = 0.30
MIN_FOCUS_COVERAGE = 0.50


def usable(sentence: str) -> bool:
    """A sentence that can stand alone in an answer (no lead-in, fragment, reference or injection)."""
    s = sentence.strip()
    if len(s) < 25 or len(s.split()) < 5:
        return False
    if s.endswith((":", "?")):
        return False  # lead-ins and questions ("Organizations can document the following:")
    if dangling(s):
        return False  # a lead-in whose list was lost in extraction ("..., including, but not limited to")
    if not re.search(r"[a-z]{3,}", s):
        return False
    if s.count("…") >= 2 or re.search(r"\.{4,}", s):
        return False  # table-of-contents lines
    if reference_entry(s):
        return False  # a bibliography entry is a pointer, not an answer
    return not looks_like_injection(s)


# ------------------------------------------------------------------------------- composing


def _candidates(
    passages: list[tuple[Chunk, int]],
    readings: bool = False,
    legal: bool = False,
    asked: frozenset[str] = frozenset(),
    contacts: bool = False,
    frame: Callable[[Chunk], str] | None = None,
    listing: bool = False,
) -> list[Candidate]:
    """Every quotable unit of the passages, once per document (neighbouring chunks overlap);
    a list split across two chunks of a section is read as one, under its own lead-in.
    Reference lists and reading lists only when the question asks for `readings`, a list's stage
    titles only when it asks for a `listing`, trademark
    and copyright notices only when it asks about `legal` matters; `frame` gives the names
    framing a chunk's document ("Veloria" atop the guideline names all of its sentences)."""
    read: dict[str, tuple[Chunk, int, list[Unit]]] = {}
    for chunk, rank in passages:
        if chunk.chunk_id in read or (
            not readings
            and (
                _REFERENCE_SECTION.match(chunk.section.split(" > ")[-1].strip()) or chunk.meta.get("note") == "footnote"
            )
        ):
            continue  # a reference list or a page's footnotes point elsewhere; they are not an answer
        read[chunk.chunk_id] = (chunk, rank, read_units(chunk))
    at = {(c.source, c.section, c.position): units for c, _, units in read.values()}
    for chunk, _, units in sorted(read.values(), key=lambda r: (r[0].source, r[0].position)):
        before = at.get((chunk.source, chunk.section, chunk.position - 1))
        if before is not None:
            continue_lists(before, units)
    best: dict[tuple[str, str], Candidate] = {}
    for chunk, rank, units in read.values():
        for unit in units:
            key = (chunk.source, " ".join(unit.text.lower().split()))
            if not (
                unit.ok or (contacts and unit.contact) or (readings and unit.title) or (listing and unit.stage)
            ) or cut_off(item_body(unit)):
                continue  # an item whose sub-list was lost ("..., including"), or cut ("(or conditions that")
            if not legal and _NOTICE.search(unit.text):
                continue  # "X is a trademark of Y" answers no question but one about trademarks
            if glossary_entry(unit.text) not in ("", *asked):
                continue  # "EHR: Electronic health record" answers only a question naming the EHR
            have = best.get(key)
            # of two copies (chunks overlap), keep the one whose list item has its own lead-in
            if have is None or (_framed(have.unit) and not _framed(unit)):
                best[key] = Candidate(
                    unit, min(rank, have.hit_rank) if have else rank, frame=frame(chunk) if frame else ""
                )
    return list(best.values())


def _framed(unit: Unit) -> bool:
    """A list item introduced by a lead-in written from the heading, not the document's own."""
    return unit.kind is not UnitKind.SENTENCE and unit.lead is not None and unit.lead.framing


@dataclass
class _Pool:
    """Scored candidate sentences for one question."""

    cands: list[Candidate]
    vecs: np.ndarray
    chunk_sim: dict[str, float | None]
    framed_vecs: np.ndarray | None = None  # rows and items read under their headings or lead-ins
    ranked: list[Candidate] = field(default_factory=list)  # "the weakest site": its row (rows.ranked_rows)

    def sims(self, v: np.ndarray, passage: bool = True) -> np.ndarray:
        """Similarity of each sentence to a query vector; a sentence also inherits its passage's
        similarity, so short ones ("The compliance date was 1 May 2025.") keep the topic their
        section gives them. A table row or list item counts at its better reading, bare or framed."""
        own = self.vecs @ v
        if self.framed_vecs is not None:
            own = np.maximum(own, self.framed_vecs @ v)
        if not passage:
            return own
        ctx = np.array([self.chunk_sim.get(c.chunk.chunk_id) or float(o) for c, o in zip(self.cands, own, strict=True)])
        return 0.5 * own + 0.5 * ctx


@dataclass
class _Setup:
    """What composing one answer needs besides the hits."""

    sub_vecs: list[tuple[str, np.ndarray]] = field(default_factory=list)
    limit: int = 5
    corpus: Corpus = field(default_factory=lambda: Corpus(None))
    pointed: frozenset[str] = frozenset()  # the documents the question points at ("the bylaws")
    named: frozenset[str] = frozenset()  # the documents alone using a name the question uses ("NICS")


def _select(question: str, pool: _Pool, order: list[Candidate], setup: _Setup) -> list[Candidate]:
    """The lead sentence, each sub-question's best, the user's own document, the list a list
    question asks for, then the most relevant non-redundant rest (MMR)."""
    cands, limit = pool.cands, setup.limit
    # the best passage introducing a list answers with that list, however the question is worded
    as_list = wants_list(question) or _heads_list(order[0], cands)
    if not as_list:
        # a lead-in claims nothing and would bring its whole list: in an answer to anything but
        # a list question its items compete one by one, each under a lead-in arrange() writes
        cands = [c for c in cands if not _lead_in(c)]
        order = [c for c in order if not _lead_in(c)] or order
    if as_list and (section := named_section(question, order, cands)):
        return section  # the section the question names is the list it asks for, and all of the answer
    best = order[0].score
    chosen: list[Candidate] = [order[0]]
    if order[0].anaphoric and (pre := antecedent(order[0], cands)) is not None:
        chosen, order[0].follows = [pre, order[0]], pre  # "... do not substitute for this": say what "this" is first
    terms = compared_terms(question)
    limit = max(limit, len(terms) + 3)
    chosen = with_sides(question, terms, order, chosen, best)
    chosen += [c for c in compared_figures(question, order, best) if c not in chosen]
    for sub, svec in setup.sub_vecs:
        lead = order[0].chunk.source
        # a lead from a document the question's names do not pick out answers no other part
        near = lead if not setup.named or lead in setup.named else ""
        back = bool(near) and points_back(sub)  # "how often is that input refreshed": the input asked of first
        # passage similarities were computed for the whole question, not this part
        sub_scores = score(sub, pool.cands, pool.sims(svec, passage=False))
        fits = part_fits(sub_scores, pool.cands, back, lambda c: as_list or not _lead_in(c))
        # "..., and how often does it meet?" asks of what the lead answers about: the lead's document answers
        carried = not setup.pointed and (sub.lower() not in question.lower() or back)
        pick = part_pick(sub, fits, chosen, frozenset({lead}) if carried else setup.pointed, near)
        if pick is not None and pick not in chosen and len(chosen) < limit:
            chosen.append(pick)
    chosen = with_own(order, chosen, best, limit)  # the user's own documents speak
    if as_list:
        items = asked_rows(question, whole_list(order, cands, best))
        if items:
            chosen = _direct_first(order, chosen, items)
            chosen += [c for c in items if c not in chosen]
            limit += max(0, len(items) - LIST_SLOTS)  # a long list does not crowd out the rest of the answer
    chosen = fill_mmr(cands, chosen, best, limit, question)
    if not as_list and not pool.ranked:  # "the weakest site": its row, not its table
        chosen = add_siblings(cands, chosen, best, question)
    # a chosen lead-in brings its list; a chosen item its lead-in (arrange() writes it)
    for c in list(chosen):  # and to a list question, an item of a list answering it the rest of its list
        lead = c.unit if _lead_in(c) else c.unit.lead if as_list and c.kind is UnitKind.ITEM else None
        items = sorted((d for d in cands if d.unit.lead is lead), key=lambda d: d.unit.order)[:MAX_LIST] if lead else []
        if _lead_in(c) or sum(d.score >= WHOLE_REACH * best for d in items) >= 2:
            chosen += [d for d in items if d not in chosen]
    chosen += [r for r in responses(chosen, pool.cands) if r not in chosen]
    chosen += spelled_out(chosen, cands) + echo_answered(question, chosen, cands)
    chosen += chart_values(chosen, cands) + next_fields(chosen, cands)
    return chosen + enumerated(question, chosen, cands)


def _lead_in(c: Candidate) -> bool:
    return c.kind is UnitKind.SENTENCE and c.text.rstrip().endswith(":")


def _heads_list(top: Candidate, cands: list[Candidate]) -> bool:
    """Is the top answer a lead-in with at least two items of its list among the candidates?"""
    return _lead_in(top) and sum(1 for d in cands if d.unit.lead is top.unit) >= 2


#: Answer slots a whole list counts for, however long it is.
LIST_SLOTS = 3
#: Share of the best score two items of a list must reach for one of them to bring the rest.
WHOLE_REACH = 0.75

#: Sentences outscoring a list that are quoted before it: the direct answer is not crowded out.
MAX_DIRECT = 2


def _direct_first(order: list[Candidate], chosen: list[Candidate], items: list[Candidate]) -> list[Candidate]:
    """The chosen units plus up to MAX_DIRECT sentences outscoring the list and its lead-in, before it."""
    lead = items[0].unit.lead
    top = max([c.score for c in items] + [c.score for c in order if lead is not None and c.unit is lead])
    out = list(chosen)
    added = 0
    for c in order:
        if c.score <= top or added >= MAX_DIRECT:
            break
        if c in out or c.kind is not UnitKind.SENTENCE or _lead_in(c) or c.anaphoric:
            continue
        if any(repeats(c, o, float(c.vec @ o.vec)) for o in out):
            continue  # says what a chosen sentence says
        out.append(c)
        added += 1
    return out


def compose_guidance(
    question: str,
    hits: list[Hit],
    sentence_index: SentenceIndex,
    query_vec: np.ndarray,
    *,
    sub_vecs: list[tuple[str, np.ndarray]] | None = None,
    max_sentences: int | None = None,
    neighbors: Callable[[Chunk], list[Chunk]] | None = None,
    retriever: Retriever | None = None,
) -> Draft:
    """Pick the sentences that answer the question, diverse and non-redundant, each cited.

    `sub_vecs` are the parts of a compound question with their embeddings: each part's best
    sentence is taken first, so every part gets an answer. With `retriever`, words are
    weighed by their rarity in the index and documents read whole (for the entity a question
    names); a draft that does not address the question comes back empty, with the reason in
    `note`.
    """
    as_list = wants_list(question)
    setup = _Setup(
        sub_vecs or [], max_sentences or (6 if as_list else 5), Corpus(retriever, matcher_for(sentence_index.embedder))
    )
    corpus = setup.corpus if retriever is not None else None
    setup.pointed = pointing(question, retriever).sources
    if retriever is not None and sub_vecs:
        setup.named = frozenset(documents_naming(question, retriever))
    if retriever is not None:
        titled = title_draft(question, hits, setup.corpus.rarity, setup.corpus.chunks, retriever.document_words)
        if titled is not None:
            return titled
    if corpus is not None:
        hits = hits + corpus.headed_hits(question, hits)
    passages, chunk_sim = gather_passages(
        hits, neighbors, corpus.family if corpus else None, corpus.namesake if corpus else None
    )
    ask = read_ask(question, setup.corpus.rarity, setup.corpus.known) if retriever is not None else read_ask(question)
    cands = _candidates(
        passages,
        readings=bool(_ASKS_READINGS.search(question)),
        legal=bool(_ASKS_LEGAL.search(question)),
        contacts=bool(_ASKS_CONTACT.search(question)) or ask.focus is Focus.PLACE,  # "where is X located": its address
        asked=frozenset(re.findall(r"[A-Z][A-Z0-9&-]+", question)),
        frame=corpus.framing if corpus is not None else None,
        listing=stages_asked(question),
    )
    if ask.focus is not Focus.NONE:  # a tile off what is asked (another place, party or measure) is no answer
        cands = off_slide(question, ask.topical().anchors, cands)
    if not cands:
        return Draft([], AnswerKind.GUIDANCE, 0.0)
    for c in cands if corpus is not None else ():
        c.glossed = corpus.glosses(c.chunk, c.text)  # "for MV" names Marrowby Valley in a paper defining "(MV)"
    pool = _Pool(cands, sentence_index.vectors([c.text for c in cands]), chunk_sim)
    if any(c.kind is not UnitKind.SENTENCE for c in cands):
        pool.framed_vecs = sentence_index.vectors([framed(c.unit) for c in cands])
    main_sims = pool.sims(query_vec)
    # the product's name draws every sentence of its card alike; what is asked of it decides
    main_sims = subject_blind(question, cands, main_sims, lambda q: pool.sims(sentence_index.vectors([q])[0], False))
    scores = score(question, cands, main_sims)
    for c, v, sim, sc in zip(cands, pool.vecs, main_sims, scores, strict=True):
        c.vec, c.semantic, c.score = v, float(sim), sc
    pool.ranked = ranked_rows(question, cands)
    adjust(question, ask, cands, setup.corpus, pool.ranked)
    order = sorted(cands, key=lambda c: (-c.score, c.hit_rank, c.position))
    if _DEBUG:
        for c in order[: int(os.environ.get("ADVISOR_DEBUG_N", "12"))]:
            print(f"  {c.score:.3f} sem={c.semantic:.3f} r={c.hit_rank} {c.kind} | {c.text[:110]}")
    chosen = _select(question, pool, order, setup)
    prefer_own_words(chosen, cands)
    collapse_duplicates(chosen, cands)
    draft = Draft(arrange(chosen), AnswerKind.GUIDANCE, evidence=float(order[0].score))
    if retriever is not None:
        ask = _asked(question, ask, setup.corpus, chosen)
        verdict = _verdict(ask, chosen, setup.corpus)
        if not verdict.ok and (second := _second_draft(question, ask, verdict, order, pool, setup)) is not None:
            second.evidence = draft.evidence
            return second
        if not verdict.ok:
            if more := figure_hits(ask, hits, setup.corpus.chunks, [c.chunk.source for c in order]):  # figures missed
                return compose_guidance(
                    question,
                    hits + more,
                    sentence_index,
                    query_vec,
                    sub_vecs=sub_vecs,
                    max_sentences=max_sentences,
                    neighbors=neighbors,
                    retriever=retriever,
                )
            return Draft([], AnswerKind.GUIDANCE, draft.evidence, note=verdict.reason)
        own, verdict = _own_only(ask, chosen, setup.corpus, verdict)
        own = drop_padding(ask, _answer_first(ask, own, setup.corpus))
        if own is not chosen:
            draft = Draft(arrange(own), AnswerKind.GUIDANCE, draft.evidence)
        draft.covered, draft.addressed = verdict.coverage, True
    return draft


#: Coverage an answer kept to the user's own document may lose: a word the padding happens to
#: share with the question ("above" where the policy says "exceeds"), not a part left unanswered.
OWN_SLACK = 0.1

#: Passages of the bundled library, as against the documents a user or organization added.
_BUNDLED = (DocType.GUIDANCE, DocType.FRAMEWORK)


def _own_only(ask: Ask, chosen: list[Candidate], corpus: Corpus, verdict: Verdict) -> tuple[list[Candidate], Verdict]:
    """An answer led by the user's own document keeps to it when its sentences alone address the
    question as fully: bundled guidance on the same topic beside it pads the answer (a question
    on the policy's override threshold does not need the EU AI Act's oversight article)."""
    if not chosen or chosen[0].chunk.doc_type != DocType.USER:
        return chosen, verdict
    own = [c for c in chosen if c.chunk.doc_type not in _BUNDLED]
    if len(own) == len(chosen):
        return chosen, verdict
    alone = _verdict(ask, own, corpus)
    if alone.ok and alone.coverage >= verdict.coverage - OWN_SLACK:
        return own, alone
    return chosen, verdict


#: How much more of the question a sentence must name than the lead to lead instead, and how
#: much of it at least: nearly all, a direct answer on its own.
LEAD_MARGIN = 0.25
LEAD_ALONE = 0.8


def _answer_first(ask: Ask, chosen: list[Candidate], corpus: Corpus) -> list[Candidate]:
    """The chosen sentence naming far more of what is asked than the lead leads instead: the
    passage ranked first may only set the scene ("QEWS is a gradient-boosted model ...") for a
    question the fifth sentence answers ("... approved by the review board (protocol ...)")."""
    if len(chosen) < 2:
        return chosen
    _, per = coverage(ask.topical(), evidence_of(chosen, corpus))
    if ask.focus is not Focus.NONE and not gives(ask, chosen[0].text):
        # "Who makes X?" is answered by "Manufacturer: ...", not by "Product: X" above it
        stating = [
            i
            for i in range(1, len(chosen))
            # a document naming all that is asked (not a sibling card's figure)
            if set(ask.entities) <= corpus.words(chosen[i].chunk)
            and gives(ask, chosen[i].text)
            and per[i] >= per[0] - LEAD_MARGIN
        ]
        if stating and not _lead_in(chosen[stating[0]]) and chosen[stating[0]].kind is UnitKind.SENTENCE:
            return to_front(chosen, stating[0])
    best = max(range(len(chosen)), key=lambda i: (per[i], -i))
    if best == 0 or per[best] < max(per[0] + LEAD_MARGIN, LEAD_ALONE) or _lead_in(chosen[best]):
        return chosen
    if ask.focus is not Focus.NONE and not gives(ask, chosen[best].text):
        return chosen  # it names more of the question but not the code, date or number asked
    return to_front(chosen, best)


def _asked(question: str, ask: Ask, corpus: Corpus, chosen: list[Candidate]) -> Ask:
    """What the answer must be about: without the scene the asker sets ("We are a small clinic
    in the Midwest." helps choose the passages, but is not what the answer must name), without
    an option the question sets aside, and without the name of the document it points at when
    the answer quotes that document ("According to guideline NG-DH 04/2026, ...": its number
    is on the cover, not in the sentence that answers), unless the rest of the question uses them."""
    asked = asked_part(question)
    if asked != question:
        ask = read_ask(asked, corpus.rarity, corpus.known)
    if corpus.retriever is not None:
        quoted = {c.chunk.source for c in chosen}
        named = [r for r in read_references(asked) if set(documents_named(r, corpus.retriever)) & quoted]
        rest = asked
        for r in named:
            rest = rest.replace(r.phrase, " ")
        # its name and kind ("the Brennmoor CG31 guideline") too: every sentence of it would "name" them
        code = {t for r in named for t in (*r.code, *r.modifiers, r.noun)} - set(tokenize(rest))
        if code:
            ask = replace(
                ask,
                anchors={t: w for t, w in ask.anchors.items() if t not in code and t != "accord"},
                entities=ask.entities - code,
            )
    subject = defined_subject(asked)
    if subject and ask.focus is not Focus.NONE and any(defines(subject, c.text) for c in chosen):
        ask = replace(ask, focus=Focus.NONE)  # "What is the unedited-send rate?" answered by its definition
    rejected, wanted = set_aside(question)
    if rejected:
        # the option set aside and the premise around it are context: the answer must be
        # about what the question asks for instead
        ask = replace(
            ask,
            anchors={t: w for t, w in ask.anchors.items() if t[:6] in wanted},
            entities=frozenset(t for t in ask.entities if t[:6] in wanted),
        )
    return ask


def _verdict(ask: Ask, chosen: list[Candidate], corpus: Corpus) -> Verdict:
    if _DEBUG:
        print("  verdict on:", [c.text[:60] for c in chosen], "anchors:", ask.anchors, "focus:", ask.focus)
    evidence = evidence_of(chosen, corpus)
    for t, acronym in ask.acronyms.items():
        # "EHR" is named by a document that writes "electronic health record" anywhere in it
        for c, ev in zip(chosen, evidence, strict=True):
            if corpus.spells_out(acronym, c.chunk):
                ev.spelled_out.add(t)
    for c, ev in zip(chosen, evidence, strict=True):  # and the other way round: "the GAIOC" for the words
        said, other = corpus.parties(ask.question, ask.anchors, c.chunk, c.text)  # "Vendor" for "Quillon"
        ev.spelled_out.update(corpus.glossed(ask.anchors, c.text) | said)
        ev.others = other
    verdict = addressed(
        ask,
        evidence,
        min_coverage=MIN_COVERAGE,
        min_focus_coverage=MIN_FOCUS_COVERAGE,
        words=corpus.words_alike,
    )
    # "the national immunisation registry": a passage on another registry is no answer; asked a
    # figure of it, the passage of a sentence stating one must name it
    stating = [ev for ev in evidence if gives(ask, ev.text)] if ask.focus is not Focus.NONE else []
    said = [
        set(tokenize(f"{ev.passage} {ev.text}")) | ev.heading | ev.spelled_out | corpus.glossed(ask.anchors, ev.passage)
        for ev in stating or evidence
    ]  # (the passage's "CAIOB" names the "oversight board" where its document spells it out)
    # a compound holds the word ("teleconsultations" for "consultations")
    unnamed = sorted(
        t
        for t in thing_words(ask.question) & set(ask.anchors)
        if not any(t in w or same_change(t, w) for words in said for w in words)
    )
    if verdict.ok and unnamed:
        verdict = replace(
            verdict, ok=False, reason="none of them mentions " + " or ".join(ask.written.get(t, t) for t in unnamed)
        )
    if _DEBUG:
        print("  verdict:", verdict)
    return verdict


#: A sentence leading a second draft must score at least this share of the best.
SECOND_CHANCE_FLOOR = 0.75


def _second_draft(
    question: str, ask: Ask, verdict: Verdict, order: list[Candidate], pool: _Pool, setup: _Setup
) -> Draft | None:
    """A draft led by the sentence naming most of what is asked (or, when only the kind of fact
    asked is missing, by the sentence stating it), when it is addressed: a direct answer in a
    lower-ranked passage is better than declining; None otherwise."""
    if verdict.coverage < MIN_COVERAGE or verdict.missing:
        lead = _best_covering(ask, order, setup.corpus)
    elif verdict.focus_coverage < MIN_FOCUS_COVERAGE:
        lead = _best_giving(ask, order, setup.corpus)
    else:
        return None
    if lead is None or lead is order[0]:
        return None
    again = _select(question, pool, [lead] + [c for c in order if c is not lead], setup)
    prefer_own_words(again, pool.cands)
    collapse_duplicates(again, pool.cands)
    second = _verdict(ask, again, setup.corpus)
    if not second.ok:
        return None
    again, second = _own_only(ask, again, setup.corpus, second)
    return Draft(arrange(again), AnswerKind.GUIDANCE, covered=second.coverage, addressed=True)


_NAMES = (Focus.NAMED, Focus.PERSON, Focus.PLACE)  # kinds of fact any capitalised word seems to state
#: A sentence stating the kind of fact asked (a code, a date) may lead a second draft from this share of the best.
GIVING_FLOOR = 0.6


def _best_giving(ask: Ask, order: list[Candidate], corpus: Corpus) -> Candidate | None:
    """The relevant sentence stating the kind of fact asked for ("Document number: MHSA-2026/07")
    about the most of what is asked, when the draft's state none; None below MIN_FOCUS_COVERAGE."""
    if ask.focus in _NAMES and not COMPANY_ASKED.search(ask.question):
        return None  # a table row full of capitalised words "states a name" of nothing asked
    pool = [c for c in order if c.score >= GIVING_FLOOR * order[0].score and not _lead_in(c)]
    scored = [(focus_coverage(ask, evidence_of([c], corpus)), -i, c) for i, c in enumerate(pool)]
    best = max(scored, key=lambda x: (x[0], x[1]), default=None)
    return best[2] if best is not None and best[0] >= MIN_FOCUS_COVERAGE else None


def _best_covering(ask: Ask, order: list[Candidate], corpus: Corpus) -> Candidate | None:
    """The relevant sentence naming most of what is asked when that alone clears MIN_COVERAGE, else None."""
    pool = [c for c in order if c.score >= SECOND_CHANCE_FLOOR * order[0].score and not _lead_in(c)]
    if not pool:
        return None
    _, per = coverage(ask.topical(), evidence_of(pool, corpus))
    best = max(range(len(pool)), key=lambda i: per[i])
    return pool[best] if per[best] >= MIN_COVERAGE else None
