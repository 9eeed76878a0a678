"""One question about an organization's results, and the cited parts of its answer so far.

`Ask` holds what every composing step needs (the assessments, the one asked about, the
instrument, the guidance library, what the conversation already said) and the ways to add a
cited part: a named summary fact, a sentence built by :mod:`advisor.assessment.prose` and
found in its chunk, a question's headline, the work on a question, or the guidance the
instrument links to it. Every `add` skips a sentence the answer or an earlier answer of the
conversation already gave.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..assessment import Instrument, Reference, Scorecard, load_instrument
from ..assessment.prose import (
    action_sentence,
    dimension_headline,
    dimension_results,
    dimension_rules,
    evidence_sentence,
    level_sentence,
    levels_to_close,
    no_rule_sentence,
    question_headline,
    rule_levels,
    rule_sentence,
    target_sentence,
)
from ..chunk import Chunk, Fact
from ..library import Library, ResultChunks, ScoredAssessment
from ..text import content_words, identifiers, normalize_space, sentence_spans, strip_markers
from .guidance import usable
from .types import Part

__all__ = ["Ask", "guidance_part", "tier_name"]


def _first_sentence(chunk: Chunk) -> str:
    spans = sentence_spans(chunk.text)
    return chunk.text[spans[0][0] : spans[0][1]] if spans else chunk.text


def _best_sentences(chunk: Chunk, topic: str) -> list[str]:
    """The usable sentences of a chunk, best match to the topic first (ties: the earliest)."""
    words = content_words(topic)
    scored = []
    for i, (s, e) in enumerate(sentence_spans(chunk.text)):
        sent = chunk.text[s:e]
        if usable(sent):
            scored.append((len(words & content_words(sent)) - 0.01 * i, sent))
    return [s for _, s in sorted(scored, key=lambda x: -x[0])]


def guidance_part(library: Library, refs: tuple[Reference, ...], topic: str) -> Part | None:
    """The sentence of the guidance an instrument reference points at that best matches the topic."""
    for r in refs:
        c = library.locate(r.document, r.section, topic)
        if c is not None:
            best = _best_sentences(c, f"{r.section} {topic}")
            if best:
                return Part(best[0], [c], bullet=True, quotes=[best[0]])
    return None


def tier_name(inst: Instrument, tier_id: str) -> str:
    for t in inst.tiers:
        if t.id == tier_id:
            return t.name
    return tier_id.replace("-", " ").replace("_", " ").capitalize()


def _said(previous: list[str]) -> str:
    """Earlier answers as one plain text: markers and list dashes gone, spaces normalized."""
    return " \n ".join(normalize_space(strip_markers(p.replace("\n- ", "\n"))) for p in previous if p)


@dataclass
class Ask:
    """One question about an organization's results: the assessments, the one asked about,
    what the conversation already said, and the parts of the answer so far."""

    query: str
    name: str
    assessments: list[ScoredAssessment]
    named: int | None  # the assessment the question names, if any
    trend_asked: bool
    inst: Instrument
    library: Library
    said: str = ""  # the conversation's earlier answers, as plain text
    parts: list[Part] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        query: str,
        assessments: list[ScoredAssessment],
        library: Library,
        previous: list[str],
        named: Callable[[str, list[str]], int | None],
        trend_words: re.Pattern,
    ) -> Ask:
        return cls(
            query=query,
            name=assessments[-1].card.org_name,
            assessments=assessments,
            named=named(query, [x.card.date for x in assessments]),
            trend_asked=bool(trend_words.search(query)) and len(assessments) >= 2,
            inst=load_instrument(),
            library=library,
            said=_said(previous),
        )

    # ------------------------------------------------------------------ what is asked about

    @property
    def pick(self) -> int:
        last = len(self.assessments) - 1
        return last if self.trend_asked or self.named is None else self.named

    @property
    def card(self) -> Scorecard:
        return self.assessments[self.pick].card

    @property
    def chunks(self) -> ResultChunks:
        return self.assessments[self.pick].chunks

    @property
    def summary(self) -> Chunk:
        assert self.chunks.summary is not None  # citable() kept only assessments with a summary
        return self.chunks.summary

    @property
    def possessive(self) -> str:
        return f"{self.name}'" if self.name.endswith("s") else f"{self.name}'s"

    @property
    def dimensions(self) -> list[str]:
        """The dimensions the question names, in instrument order."""
        return self.inst.dimensions_mentioned(self.query)

    # ------------------------------------------------------------------ adding parts

    def fresh(self, text: str) -> bool:
        """Neither this answer nor an earlier one of the conversation has said this sentence."""
        t = normalize_space(text)
        return t not in self.said and all(normalize_space(p.text) != t for p in self.parts)

    def add(self, part: Part) -> bool:
        if not part.text or not self.fresh(part.text):
            return False
        self.parts.append(part)
        return True

    def _restates(self, text: str) -> bool:
        """Another part already says nearly the same (two guidance documents often do)."""
        words = content_words(text)
        return bool(words) and any(
            len(words & (other := content_words(p.text))) >= 0.8 * min(len(words), len(other)) for p in self.parts
        )

    def quote(self, chunk: Chunk | None, sentence: str, *, bullet: bool) -> bool:
        """Cite a sentence built from the records, when its chunk states it (an index built
        with other wording may not: then it is left out)."""
        if chunk is None or sentence not in chunk.text:
            return False
        return self.add(Part(sentence, [chunk], bullet=bullet, quotes=[sentence]))

    def add_fact(self, fact: Fact, *, bullet: bool) -> bool:
        """Quote the summary's sentence stating a fact; False when the summary records none."""
        s = self.summary.fact(fact)
        return bool(s) and self.add(Part(s, [self.summary], bullet=bullet, quotes=[s]))

    def _headline(self, qid: str, short: bool) -> tuple[str, str]:
        """(sentence to show, sentence to quote) for a question's result."""
        qc = self.chunks.questions[qid]
        score = self.card.question_scores.get(qid)
        if score is None or not self.inst.has_question(qid):
            s = _first_sentence(qc)
            return s, s
        q = self.inst.question(qid)
        dim = self.inst.dimension(q.dimension).name
        answer = self.assessments[self.pick].results.answers.get(qid)
        evidence = answer.evidence if answer is not None else ""
        full = question_headline(qid, dim, score, evidence, self.name, self.card.date)
        if full not in qc.text:
            s = _first_sentence(qc)
            return s, s
        return (question_headline(qid, dim, score, evidence) if short else full), full

    def question_fresh(self, qid: str) -> bool:
        return qid in self.chunks.questions and self.fresh(self._headline(qid, True)[0])

    def add_question(self, qid: str, *, with_guidance: bool = True, short: bool = False) -> None:
        """A question's result (short: without the organization and date), and the guidance its
        instrument references point at."""
        if qid in self.chunks.questions:
            text, quote = self._headline(qid, short and bool(self.parts))
            self.add(Part(text, [self.chunks.questions[qid]], bullet=True, quotes=[quote]))
        if with_guidance and self.inst.has_question(qid):
            q = self.inst.question(qid)
            self.add_guidance(q.references, q.text)

    def add_target(self, qid: str) -> bool:
        """Where the question's score stands against its target."""
        score = self.card.question_scores.get(qid)
        if score is None or not self.inst.has_question(qid):
            return False
        return self.quote(self.chunks.questions.get(qid), target_sentence(self.inst.question(qid), score), bullet=True)

    def add_guidance(self, refs: tuple[Reference, ...], topic: str, n: int = 1) -> int:
        """Up to n fresh guidance sentences from the passages the references point at."""
        added = 0
        used = {c.chunk_id for p in self.parts for c in p.chunks}
        for r in refs:
            c = self.library.locate(r.document, r.section, topic)
            if c is None or c.chunk_id in used:
                continue
            for s in _best_sentences(c, f"{r.section} {topic}"):
                if not self._restates(s) and self.add(Part(s, [c], bullet=True, quotes=[s])):
                    added += 1
                    used.add(c.chunk_id)
                    break
            if added >= n:
                break
        return added

    def add_actions(self, qids: list[str], n: int) -> list[str]:
        """The work on up to n questions (action first: "Build and maintain an AI system
        inventory: GOV-2 is at level 1 of 5; ..."), skipping any already said."""
        added: list[str] = []
        for qid in dict.fromkeys(qids):
            if len(added) >= n:
                break
            if not self.inst.has_question(qid):
                continue
            s = action_sentence(self.inst.question(qid), self.card.question_scores.get(qid), self.inst, self.card)
            if self.quote(self.chunks.questions.get(qid), s, bullet=True):
                added.append(qid)
        return added

    def rule_questions(self, kind: str | None = None) -> list[str]:
        """The questions the triggered rules (of a use-case kind, or all) hold open, by gap priority."""
        rules = [b for b in self.card.blocking if kind is None or "all" in b.blocks or kind in b.blocks]
        return self.by_priority([q for b in rules for q in b.questions])

    def by_priority(self, qids: list[str]) -> list[str]:
        """Question ids without repeats, in the dashboard's gap order (then instrument order)."""
        priority = {g.question_id: i for i, g in enumerate(self.card.gaps)}
        return sorted(dict.fromkeys(qids), key=lambda q: (priority.get(q, len(priority)), self.inst.order(q)))

    def topic_questions(self) -> list[str]:
        """Instrument questions the query names by a tag that is not a dimension's word
        ("inventory", "risk tiering"), or by a framework section they reference ("GOVERN 1.6")."""
        ids = set(identifiers(self.query))
        out = []
        for q in self.inst.questions:
            tags = [t.replace("-", " ") for t in q.tags if not self.inst.dimensions_mentioned(t.replace("-", " "))]
            by_tag = any(re.search(rf"\b{re.escape(t)}\b", self.query, re.I) for t in tags)
            by_ref = bool(ids) and any(ids & set(identifiers(r.section)) for r in q.references)
            if by_tag or by_ref:
                out.append(q.id)
        return out

    # ------------------------------------------------------------------ dimensions

    def add_dimension_lead(self, did: str) -> bool:
        """The dimension's headline with the organization and date (its score)."""
        dc = self.chunks.dimensions.get(did)
        if dc is None:
            return False
        d = self.card.dimension(did)
        full = dimension_headline(d.name, d.id, d.score, d.answered, d.total, self.name, self.card.date)
        if full in dc.text:
            return self.add(Part(full, [dc], quotes=[full]))
        return self.add(Part(_first_sentence(dc), [dc], quotes=[_first_sentence(dc)]))

    def add_dimension_sentences(self, did: str, *, bullet: bool) -> None:
        """The dimension's strongest and weakest question, and those below target."""
        for s in dimension_results(self.inst, self.card, did):
            self.quote(self.chunks.dimensions.get(did), s, bullet=bullet)

    def add_dimension_rules(self, did: str, *, lead: bool = True) -> None:
        """The triggered rules the dimension holds open and why (or that none does)."""
        if lead:
            self.add_dimension_lead(did)
        dc = self.chunks.dimensions.get(did)
        rules = dimension_rules(self.inst, self.card, did)
        for b in rules:
            self.quote(dc, rule_sentence(b, self.inst, self.card), bullet=True)
        if not rules:
            self.quote(dc, no_rule_sentence(self.card.dimension(did).name), bullet=True)

    # ------------------------------------------------------------------ closing a gap

    def close_gap(self, qid: str, *, lead: bool) -> None:
        """How to close a question's gap: its result, the work, each level up to the target,
        the evidence to show, and the guidance the instrument links to it."""
        qc = self.chunks.questions[qid]
        q = self.inst.question(qid)
        score = self.card.question_scores.get(qid)
        text, quote = self._headline(qid, not lead)
        self.add(Part(text, [qc], bullet=not lead, quotes=[quote]))
        needs = rule_levels(q, self.inst, self.card)
        if score is None or score < q.target:
            self.quote(qc, action_sentence(q, score, self.inst, self.card), bullet=True)
        levels = levels_to_close(q, score) if score is not None else []
        for lvl in levels:
            self.quote(qc, level_sentence(q, lvl, score, needs.get(lvl)), bullet=True)
        if score is not None and score >= q.target:
            self.quote(qc, target_sentence(q, score), bullet=True)
        self.quote(qc, evidence_sentence(q), bullet=True)
        self.add_guidance(q.references, f"{q.title}. {q.text}", n=2)
