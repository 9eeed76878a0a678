"""How relevant each candidate sentence is to a question: embedding similarity, the question's
words weighted by rarity, identifiers, list and number cues, and question-specific preferences
(the document naming the product asked about, the sentence defining X for "What is X?")."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..text import content_words, fuzzy, identifiers, tokenize
from .amounts import asked_bands
from .asks import Ask, Focus, asked_words, focus_of, names_several, years
from .bonus import ECHO_PENALTY, echoes, field_alike, figure_bonus, status_fit
from .cells import CELL_BONUS, asked_cell, ordinal_named, question_words, total_cell
from .comparison import asks_to_compare
from .corpus import Corpus
from .cues import DEICTIC, POINTS_AT_TABLE, REVISION_BONUS, asks_earlier, states_revision
from .definitions import asks_definition, defined_subject, defines
from .docref import KINDS, pointing, prefer_pointed, reference_nouns
from .focus import EFFECT_ASK, dated, gives, states_effect, states_limit, time_limit_asked
from .minutes import motion_records
from .objects import holds_name
from .paraphrase import phrasal
from .people import gives_asked_duty
from .persona import set_aside
from .quotable import UnitKind
from .rows import ROW_VALUE_BONUS, holds_value, overall_bonus, row_values
from .rules import asks_forbidden, asks_permission, rule_bonus
from .selection import TABLE_REF, Candidate, introduced_table
from .signoff import SIGNOFF_ASK, signature_block, signs_off
from .spans import asks_span, states_span
from .subject import named_siblings, names

__all__ = ["adjust", "defined_subject", "fuzzy", "negated", "score", "wants_list"]

_LIST_CUES = re.compile(
    r"\b(what are|which|list|name the|steps|principles|requirements|elements|characteristics|categories|"
    r"risks|components|safeguards|questions|criteria|functions|stages|pillars|attributes|obligations|"
    r"controls|clauses|roles|prerequisites|gaps|ways|examples|types|kinds|topics|areas|situations|circumstances|"
    r"conditions|scenarios)\b"
    r"|\bwhat (?:should|must|do|does|can) (?:[\w.'’-]+ ){1,10}(?:monitor|ask|track|measure|include|do|have|document|"
    r"record|capture|contain|cover|report|consider|check)\b"
    r"|\bwhat (?:documentation|documents|paperwork|records|information|details)\b"  # "what information goes in"
    r"|\bwho (?:\w+ ){0,3}?(?:sit|sits|serve|serves|belong|belongs)\b",  # "who must sit on the committee": its members
    re.I,
)
_META = re.compile(
    r"^(?:this|the present|the following)\s+(?:guidance|document|section|page|chapter|report|paper|brief|playbook|"
    r"synthesis|note|overview)\b|^it is a (?:practical )?synthesis\b",
    re.I,
)
#: "Which providers are covered by ...", "does it apply to clinics", "who is in scope".
_SCOPE_ASK = re.compile(r"\b(?:covered|cover|covers|appl(?:y|ies)|in scope|out of scope|subject to|exempt\w*)\b", re.I)
#: "This guidance applies to ...", "This policy does not cover ...": its scope, which questions ask about.
_SCOPE = re.compile(
    r"^(?:this|these|the present)\s+[\w-]+\s+(?:applies|apply|covers?|does not (?:apply|cover)|do not (?:apply|cover))\b",
    re.I,
)
#: "This policy sets out how ...", "This bulletin tells ...": what the document is for, not what it says.
_PURPOSE = re.compile(
    rf"^(?:this|the present)\s+(?:{'|'.join(sorted(KINDS))})s?\s+(?:sets? out|describes?|explains?|outlines?|"
    r"summari[sz]es?|tells?|presents?|introduces?|gives?)\b",
    re.I,
)
#: A question about what a document is for, which its purpose line answers.
_ASKS_PURPOSE = re.compile(
    r"\b(?:purpose|aims?|goals?|objectives?|intent|cover|covers|scope|overview|summar\w*)\b|\bwhat is [^?]{0,60}\babout\b",
    re.I,
)
#: A question in a unit: "?" ending it or one of its sentences.
_ASKING = re.compile(r"\?[)”’\"']*(?:\s|$)")
#: "What should we ask a vendor?", "Which questions ...": listed questions are the answer.
_QUESTIONS_ASKED = re.compile(r"\b(?:ask|asks|asking|questions?|inquire|query)\b", re.I)
_DOCUMENTING_ASKED = re.compile(r"\b(?:document|documented|documentation|record|records)\b", re.I)
_NUMBER_CUES = re.compile(r"\b(how many|how much|when|what year|which year|what date|deadline|number of|count)\b", re.I)


def wants_list(question: str) -> bool:
    """Does the question ask for several things? "Which" counts only before a plural ("which
    metrics", not "which subcategory"); "who approved / signed" asks for every signatory."""
    cues = [m for m in _LIST_CUES.finditer(question) if m.group(0).lower() != "which"]
    if cues or SIGNOFF_ASK.search(question):  # "who approved the policy": every signatory
        return True
    return any(names_several(m.group(1)) for m in _WHICH.finditer(question))


_WHICH = re.compile(r"\bwhich\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)", re.I)


# ------------------------------------------------------------------------------- scoring

_WHO = (
    r"(?:we|i|you|they|organi[sz]ations?|hospitals?|health systems?|teams?|leaders(?:hip)?|deployers?|developers?|us)"
)
#: "How should we ...?", "What can we do ...?", "Does the guide expect us to ...?", "Should we
#: ...?": the question asks what to do, which a document's recommendations answer more directly
#: than its background discussion.
_ACTION_ASK = re.compile(
    rf"\bhow (?:should|can|could|do|would|might|must|shall|else can) {_WHO}\b"
    rf"|\bwhat (?:should|can|could|must|shall) {_WHO} do\b|\bwhat (?:steps|actions|measures)\b"
    rf"|\bwhat (?:do|does|will) {_WHO} (?:have|need) to do\b|\bwhat (?:are|is) {_WHO} (?:required|expected|obliged) to do\b"
    rf"|\b(?:does|do|would) (?:the|this|that|our|it) (?:[\w'’-]+ ){{0,3}}?(?:expect|want|require|ask|need)s? {_WHO}\b"
    rf"|^\s*(?:should|must|do|can) {_WHO}\b",
    re.I,
)
#: The heading over a document's recommendations ("Suggested Actions", "Recommendations",
#: "Steps", "What to do", "Good practice").
_ACTION_HEADING = re.compile(r"\b(?:actions?|recommendations?|recommended|steps|what to do|practices?|how to)\b", re.I)
#: A recommendation written as an instruction ("Establish ...", "Regularly review ..."): an
#: opening word that is no article, pronoun or inflected form, not followed by a verb.
_OPENING = re.compile(r"\s*(?:[A-Z][a-z]+ly\s+)?([A-Z][a-z]+)\s+([\w'’-]+)")
_NOT_INSTRUCTION = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "that",
        "those",
        "it",
        "its",
        "their",
        "there",
        "our",
        "we",
        "they",
        "you",
        "he",
        "she",
        "his",
        "her",
        "each",
        "every",
        "all",
        "any",
        "some",
        "no",
        "not",
        "if",
        "when",
        "while",
        "where",
        "as",
        "at",
        "in",
        "on",
        "for",
        "to",
        "by",
        "of",
        "from",
        "with",
        "after",
        "before",
        "during",
        "under",
        "over",
        "about",
        "into",
        "although",
        "because",
        "since",
        "unless",
        "however",
        "also",
        "other",
        "such",
        "many",
        "most",
        "more",
        "few",
        "several",
        "both",
        "either",
        "neither",
    ]
)
_FINITE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "can",
        "could",
        "may",
        "might",
        "will",
        "would",
        "should",
        "must",
        "shall",
        "has",
        "have",
        "had",
        "does",
        "do",
    ]
)
#: "Who should own ...?", "Who is responsible for ...?": the answer names a role or body.
_WHO_ASK = re.compile(
    r"^\s*who\b|\bwho (?:should|is|are|must|owns?|takes?|leads?|decides?|approves?|chairs?|heads?|signs?|runs?)\b", re.I
)
_ACTOR = re.compile(
    r"\b(?:leadership|leaders?|c-suite|executives?|board|committees?|officers?|owners?|teams?|individuals?|"
    r"personnel|staff|managers?|management|stewards?|chiefs?|directors?|responsib\w*|accountab\w*|designated|"
    # "who is eligible": the professions a rule admits
    r"physicians?|nurses?|pharmacists?|clinicians?|practitioners?|surgeons?|radiologists?|therapists?)\b",
    re.I,
)

_AGENT = re.compile(
    r"\b(?:owned|kept|maintained|held|managed|run|led|chaired|overseen|approved|signed|reviewed|administered)"
    r"\s+by\s+(?:the\s+|a\s+|its\s+)?(?:[\w'’-]+\s+){0,4}?"  # "by the provider’s medical director"
    r"(?:committee|office|officer|board|council|team|department|director|chief|manager|lead|steward|owner)s?\b",
    re.I,
)


def _instruction(text: str) -> bool:
    """Is the unit written as an instruction ("Establish policies ...", "Regularly review ...")?"""
    m = _OPENING.match(text)
    if m is None:
        return False
    first, second = m.group(1).lower(), m.group(2).lower()
    if first in _NOT_INSTRUCTION or second in _FINITE:
        return False
    return not (first.endswith(("ing", "ed", "tion", "sion", "ment", "ness", "ity")) or re.search(r"[^s]s$", first))


#: "Who sits on the committee?", "Who are its members?", "What is the board's membership?": the
#: answer says who the body consists of.
_MEMBERS_ASK = re.compile(
    r"\bwho (?:should |must |would |can |will |does |do )?(?:sits?|serves?|is|are|be|gets? to sit|makes? up)\b(?: \w+)? (?:on|in|up)\b|\bwho (?:is|are) (?:the )?members?\b"
    r"|\bmembers?(?:hip)? of\b|\bmembership\b|\bcomposition\b|\bwho (?:belongs|is appointed|are appointed)\b",
    re.I,
)
_MEMBERS = re.compile(
    r"\b(?:consists? of|consisting of|composed of|comprises?|comprising|made up of|membership|chaired by|"
    r"includes? the)\b",
    re.I,
)


_IF = re.compile(r"\b(?:if|when|whenever|where|should)\b\s+(?P<clause>[^?,;]{6,160})", re.I)
_IF_OPENING = re.compile(r"^\s*(?:if|when|whenever|where|in the event that|should)\b\s+(?P<clause>[^,;]{6,200}),", re.I)


def _condition(text: str, opening: bool = False) -> set[str]:
    """The words of the condition a question sets ("... if a model's sensitivity drops below its
    baseline?"), or a sentence opens with ("Where sensitivity falls below the baseline, ...")."""
    if opening:
        m = _IF_OPENING.match(text)
    else:  # "Where did the data come from?" and "When must we ...?" ask; only "If ..." opens a condition
        m = next((m for m in _IF.finditer(text) if m.group(0)[:2].lower() == "if" or text[: m.start()].strip()), None)
    return fuzzy(content_words(m.group("clause"))) if m else set()


#: "Where did the training data come from?", "what is the source of the labels": provenance, not an address.
_SOURCE_ASK = re.compile(
    r"\bwhere\b[^?]*\b(?:come|came|comes|originat\w*|sourced|obtained|collected|gathered|drawn|recruited)\b"
    r"|\b(?:source|origin|provenance)s? of\b",
    re.I,
)
#: A sentence saying where something came from ("collected ... at 11 hospitals", "drawn from the registry").
_STATES_SOURCE = re.compile(
    r"\b(?:collected|gathered|drawn|sourced|obtained|derived|recruited|came|comes|taken|pooled)\s+(?:\w+\s+){0,3}?"
    r"(?:from|at|in|across)\b"
    r"|\b(?:from|at|across)\s+(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
    r"multiple)\s+(?:\w+\s+){0,2}(?:hospitals|sites|centres|centers|health systems|institutions|practices|clinics|"
    r"countries|states|registries)\b",
    re.I,
)
#: A sentence stating a duty ("must suspend", "is required to notify", "shall report").
_DUTY = re.compile(r"\b(?:must|shall|(?:is|are) required to|(?:is|are) obliged to)\s+(?!not\b)\w+", re.I)


def _asked_kind_bonus(
    c: Candidate, question: str, wants_action: bool, wants_actor: bool, wants_members: bool = False
) -> float:
    """A recommendation answers "how should we ...?"; a sentence naming a role answers "who ...?"."""
    bonus = 0.0
    if wants_action and not c.text.rstrip().endswith(":"):
        heading = c.chunk.section.split(" > ")[-1]
        lead = c.unit.lead.text if c.unit.lead is not None else ""
        if _ACTION_HEADING.search(heading) or _ACTION_HEADING.search(lead) or _instruction(c.text):
            bonus += 0.05
        elif _DUTY.search(c.text):
            bonus += 0.05  # "the provider must suspend the system": a duty says what to do
    if wants_actor and _ACTOR.search(c.text):
        bonus += 0.05
        # the actor as the sentence's subject ("The Data Governance Office keeps ...") or agent
        # ("... maintained by the AI Oversight Committee") is the one who does what is asked
        subject = " ".join(c.text.split()[:3])
        if (
            _ACTOR.search(subject)
            or re.search(r"\b(?:office|council|department)s?\b", subject, re.I)
            or _AGENT.search(c.text)
        ):
            bonus += 0.05
    if gives_asked_duty(question, c.text):
        # "chaired by the medical director" answers "who chairs", "including the chair" does not,
        # whatever else the question asks ("... and how many sit on it?")
        bonus += 0.1
    if wants_members and _MEMBERS.search(c.text):
        bonus += 0.1  # "consists of seven voting members" answers "who sits on"
    if asks_earlier(question) and states_revision(c.text):
        bonus += REVISION_BONUS  # "the earlier target date": "go-live moved from Dec 2026 to Mar 2027"
    return bonus


def _row_bonus(c: Candidate, picked: tuple[str, ...], words: frozenset[str], totals: bool) -> float:
    """A table row holding the value the question picks rows by, or the cell it names by row and
    column; with `totals`, a total row's cell under the column named."""
    if c.kind is not UnitKind.ROW:
        return 0.0
    bonus = ROW_VALUE_BONUS if picked and holds_value(c.text, picked) else 0.0
    # "... the lab results service in 2028": its row, under its column
    if asked_cell(words, c.text, c.header) or (totals and total_cell(words, c.text, c.header)):
        bonus += CELL_BONUS
    return bonus


def _totals_asked(question: str, words: frozenset[str], cands: list[Candidate]) -> bool:
    """Does the question ask an amount of money naming no row of the tables at hand ("What will
    the department spend in FY 2027-28?"): their total rows answer it."""
    rows = [c for c in cands if c.kind is UnitKind.ROW]
    return (
        bool(rows) and focus_of(question) is Focus.MONEY and not any(asked_cell(words, c.text, c.header) for c in rows)
    )


def score(question: str, cands: list[Candidate], sims: np.ndarray) -> list[float]:
    # "bylaws" in "under the bylaws" says where to look, not what is asked: the document's
    # cover line ("... Medical Staff Bylaws, adopted ...") does not answer for naming it
    refs = reference_nouns(question)
    # nor do the words that frame the asking ("consulted first", "how many", "the latest")
    q_fuzzy = fuzzy(content_words(asked_words(question))) - fuzzy(content_words(" ".join(refs)))
    # "under the bylaws" asks what the bylaws say: "These Bylaws organise the staff" says what they are
    itself = (
        re.compile(rf"^(?:this|these|the present)\s+(?:{'|'.join(map(re.escape, refs))})\b", re.I) if refs else None
    )
    as_list = wants_list(question)
    about_other = not _ASKS_PURPOSE.search(question)
    q_ids = set(identifiers(question))
    q_years = years(question)
    wants_effect, wants_span = bool(EFFECT_ASK.search(question)), asks_span(question)
    wants_number = bool(_NUMBER_CUES.search(question)) or wants_span
    wants_date = focus_of(question) is Focus.DATE
    wants_limit = time_limit_asked(question)
    wants_signoff = bool(SIGNOFF_ASK.search(question))
    amounts = asked_bands(question)  # "a $250,000 contract", "availability came in at 99.3%"
    negation = negated(question)
    condition = _condition(question)
    picked = row_values(question)  # "Which risks are flagged as overdue?": rows whose cell reads "Overdue"
    totals = _totals_asked(question, q_words := question_words(question), cands)  # "spend in FY 2027-28": totals
    forbidden, permission = asks_forbidden(question), asks_permission(question)
    source = bool(_SOURCE_ASK.search(question))
    scope = bool(_SCOPE_ASK.search(question))
    # a question asking for a date, an amount or a count is answered by the sentence stating
    # it, whatever its form: only an open question prefers recommendations or roles
    open_question = focus_of(question) is Focus.NONE
    wants_action = open_question and bool(_ACTION_ASK.search(question))
    wants_actor = open_question and bool(_WHO_ASK.search(question))
    wants_members = bool(_MEMBERS_ASK.search(question))
    # Question words weighted by how rare they are among the candidate sentences: words every
    # candidate shares (the topic) say little; the rare one ("comply") is what is asked.
    cand_words = [fuzzy(content_words(f"{c.text} {c.header} {c.glossed}")) for c in cands]
    contexts = [fuzzy(content_words(f"{c.chunk.title} {c.chunk.section} {c.frame}")) for c in cands]
    n = len(cands)
    weight = {
        w: float(
            np.log((n + 1.0) / (0.5 + sum(w in cw or w in cx for cw, cx in zip(cand_words, contexts, strict=True))))
        )
        for w in q_fuzzy
    }
    for w in fuzzy(content_words(" ".join(phrasal(question)))) & weight.keys():
        weight[w] *= 0.2  # "looks after": the document says "maintains"
    total = sum(weight.values()) or 1.0
    # a name the document's title carries is the document's subject: every sentence of it speaks of it
    named = fuzzy(names(question, cands))
    out = []
    for c, sim, cw, cx in zip(cands, sims, cand_words, contexts, strict=True):
        titled = named & fuzzy(content_words(c.chunk.title))
        lex = sum(weight[w] * (1.0 if w in cw or w in titled else 0.3 if w in cx else 0.0) for w in q_fuzzy) / total
        ids_here = set(identifiers(c.text)) | set(identifiers(c.chunk.section))
        bonus = 0.15 if q_ids and q_ids & ids_here else 0.0
        if q_ids and (opening := set(identifiers(c.text[:24]))):
            # "GOVERN 1.6 calls for ..." defines the thing asked about; "Recommendation 2.3 ..." another
            bonus += 0.08 if q_ids & opening else -0.08
        if condition and len(condition & _condition(c.text, opening=True)) >= 2:
            bonus += 0.08  # "what if sensitivity drops below baseline": "Where sensitivity falls ... below the baseline, ..."
        if source and _STATES_SOURCE.search(c.text):
            bonus += 0.08  # "where did the data come from": "... collected at 11 hospitals in ..."
        bonus += rule_bonus(c, forbidden, permission)
        bonus += _row_bonus(c, picked, q_words, totals)
        if negation is not None and negation.search(c.text):
            bonus += 0.08  # "not measured" answers "what we decide not to measure"; "measure" alone does not
        if q_years and (stated := years(c.text)):
            bonus += 0.04 if q_years & stated else -0.04  # "from January 2026": not a row dated 2028
        if wants_number and re.search(r"\d", c.text):
            bonus += 0.06
            if wants_date and dated(c.text):
                bonus += 0.06
            # "when does it take effect": the document's "Effective 1 January 2027"; "over what period": "from ... to ..."
            bonus += 0.12 if (wants_effect and states_effect(c.text)) or (wants_span and states_span(c.text)) else 0.0
            bonus += 0.06 if wants_limit and states_limit(c.text) else 0.0  # "the deadline": "Target date: 31 August"
        # the first sentence of a section usually states its subject; later ones elaborate
        if c.position == 0:
            bonus += 0.03
        if _SCOPE.match(c.text):
            # "This guidance applies to covered providers: ..." says whom it binds, not what it is
            bonus += 0.12 if scope else 0.0
        elif _META.match(c.text) or (about_other and (_PURPOSE.match(c.text) or (itself and itself.match(c.text)))):
            bonus -= 0.15  # "This guidance describes ...", "These Bylaws organise ...": about the document
        if "[unclear:" in c.text:
            bonus -= min(0.15, 0.06 * c.text.count("[unclear:"))  # OCR it could not read: a last resort
        if DEICTIC.search(c.text) and not c.text.endswith(":"):
            bonus -= 0.08  # "the criteria below" points at text the answer does not show
        if as_list and (c.text.count(";") >= 2 or c.text.count(",") >= 4):
            bonus += 0.05  # an enumeration answers "what are the ..."
        if as_list and c.kind is UnitKind.SENTENCE and c.text.rstrip().endswith(":"):
            bonus += 0.05  # the document's own line introducing a list says what the list is
        bonus += _asked_kind_bonus(c, question, wants_action, wants_actor, wants_members)
        if any(covers(c.text, a) for a, _, covers in amounts):
            bonus += 0.1  # "who signs a $250,000 contract": the row of the band holding it
        signing = wants_signoff and (c.kind is not UnitKind.SENTENCE or bool(c.header) or signature_block(c.text))
        if signing and signs_off(c.text, c.header, c.chunk.section):
            bonus += 0.3  # "who approved it": its sign-off table's names, a letter's "Sincerely, Jane Roe, MD"
        chunk_rel = 1.0 / (1.0 + 0.35 * (c.hit_rank - 1))  # hybrid retrieval's verdict on the passage
        out.append(0.5 * float(sim) + 0.25 * min(lex, 1.0) + 0.15 * chunk_rel + bonus)
    return out


#: "never properly validated", "not fully tested": an adverb between the negation and its verb
#: ("not only" adds, it does not negate)
_NEGATED_ASK = re.compile(
    r"\b(?:not|never|cannot|can['’]t|won['’]t)\s+(?:(?!only\b)[a-z]+ly\s+|yet\s+)?(?:to\s+|be\s+|been\s+)?"
    r"(?!only\b)([a-z]{4,})",
    re.I,
)


def negated(question: str) -> re.Pattern | None:
    """For a question about what is not done ("risks we decide not to measure"), a pattern
    finding the same verb negated in a sentence ("will not be measured", "non-measurement")."""
    m = _NEGATED_ASK.search(question)
    if m is None:
        return None
    stem = re.escape(m.group(1).lower()[:6])
    return re.compile(rf"\b(?:not|never|cannot|non|without)\b\W+(?:\w+\W+){{0,3}}?{stem}", re.I)


_JOIN = re.compile(r"\b(?:and|or|with|vs\.?|versus|to)\b", re.I)


def _names(ask: Ask, cands: list[Candidate]) -> set[str]:
    """The question's names: its capitalised words, identifiers and numbers, and the rare words
    the passages write capitalised ("brain aneurysm" asked of a card naming "Brain Aneurysm")."""
    names = set(ask.entities)
    if ask.rare:
        seen: dict[str, list[bool]] = {}
        for c in cands:
            for m in re.finditer(r"(?<![.!?:]\s)(?<!^)\b[A-Za-z][\w-]*", c.text):
                for t in tokenize(m.group(0)):
                    if t in ask.rare:
                        seen.setdefault(t, []).append(m.group(0)[0].isupper())
        names |= {t for t, caps in seen.items() if sum(caps) > len(caps) / 2}
    return names


def _compares(question: str, telling: set[str]) -> bool:
    """Does the question put two named things side by side ("Section 1557 and MEASURE 2.11")?"""
    if asks_to_compare(question):
        return True
    parts = [set(tokenize(p)) & telling for p in _JOIN.split(question)]
    return sum(1 for p in parts if p) >= 2


def _entity_fit(ask: Ask, cands: list[Candidate], corpus: Corpus) -> dict[str, float]:
    """Per document, how well it fits the names a question uses (products, organizations,
    identifiers), 0..1; only names some candidate documents have and others lack count. A
    document lacking the most specific name asked about while sharing another (the same
    vendor's other product) scores 0: it is about something else. Empty when the question
    names nothing that tells the documents apart."""
    sources = {c.chunk.source: c.chunk for c in cands}
    vocab = {src: corpus.words(chunk) for src, chunk in sources.items()}
    names = _names(ask, cands)
    for t in names & set(ask.acronyms):
        # "EHR" is named by a document that writes "electronic health record"
        for src, v in vocab.items():
            if t not in v and corpus.spells_out(ask.acronyms[t], sources[src]):
                vocab[src] = v | {t}
    for src, v in vocab.items():  # "Peds" is named by the "Paediatric" card
        if short := {t for t in names if t not in v and holds_name(t, v)}:
            vocab[src] = v | short
    docs_with = {t: sum(t in v for v in vocab.values()) for t in names}
    telling = {t: ask.anchors[t] for t, n in docs_with.items() if 0 < n < len(vocab)}
    total = sum(telling.values())
    siblings = frozenset() if _compares(ask.question, names) else named_siblings(ask.question, cands)
    if not total:  # "the adult Tidemark model" still tells its card from the paediatric one
        return {src: 0.0 if src in siblings else 1.0 for src in vocab} if siblings else {}
    fit = {
        src: 0.0 if src in siblings else sum(w for t, w in telling.items() if t in v) / total
        for src, v in vocab.items()
    }
    if not _compares(ask.question, names):
        titled = {t for c in cands for t in tokenize(c.chunk.title)}  # a product a title names, before "510(k)"
        specific = min(telling, key=lambda t: (not holds_name(t, titled), docs_with[t], -telling[t]))
        for src, v in vocab.items():
            if specific not in v and any(t in v for t in telling):
                fit[src] = 0.0
    return fit


def adjust(question: str, ask: Ask, cands: list[Candidate], corpus: Corpus, ranked: Sequence[Candidate] = ()) -> None:
    """Question-specific preferences on top of relevance: the document the question points at
    ("the bylaws"), the document naming the product or organization asked about, the sentence
    defining X for "What is X?", self-contained sentences, the rows `ranked` at the end of the
    column asked about (`rows.ranked_rows`)."""
    at = pointing(question, corpus.retriever)
    fit = _entity_fit(ask, cands, corpus)
    best_fit = max(fit.values(), default=0.0)
    names = set(ask.entities)
    subject = defined_subject(question)
    explicit = bool(asks_definition(question))
    wants_questions = bool(_QUESTIONS_ASKED.search(question))
    rejected, wanted = set_aside(question)
    asked_tokens = set(tokenize(question))
    for c in cands:
        if rejected:
            words = fuzzy(content_words(c.text))
            if len(words & rejected) >= 2 and len(words & rejected) > len(words & wanted):
                c.score -= 1.0  # about the option the user set aside, not the alternative asked for
        if fit:
            # the document the question points at is what is asked about, whatever names it lacks
            mine = best_fit if c.chunk.source in at.sources else fit.get(c.chunk.source, 0.0)
            # a document that never names what is asked about answers another question
            c.score -= 1.0 if mine == 0.0 and best_fit >= 0.5 else 0.35 * (best_fit - mine)
            if names & set(tokenize(f"{c.chunk.section} {c.text}")):
                c.score += 0.03  # the passage itself names what is asked about
        if c.kind is UnitKind.SENTENCE and c.header and names & set(tokenize(c.header)):
            c.score += 0.1  # "who signed for Quillon": the fields of the block signed for Quillon
        lead = c.unit.lead if c.kind is UnitKind.ITEM and c.unit.lead and not c.unit.lead.framing else None
        said = bool(subject) and (defines(subject, c.text) or (lead is not None and defines(subject, lead.text)))
        if said and c.kind is not UnitKind.ROW:
            # a definitions list's item, or one of the list a definition leads into ("... meets these
            # conditions:"); asked for in so many words ("what is meant by"), the definition answers
            c.score += 0.25 if explicit else 0.12
        c.score += figure_bonus(ask, c.text, c.unit.lead, c.chunk)  # states the figure asked for
        if ordinal_named(question, c.text):
            c.score += 0.1  # "the second contract year" is the row "Contract Year 2", not "the second anniversary"
        c.score += overall_bonus(question, ask.asked_property, c)  # "X's specificity": the "All" row first
        if ask.focus is Focus.COUNT and ask.counted and gives(ask, c.text):
            c.score += 0.08  # "how many discharges": "Across 14,107 index discharges, ..." before "41 variables"
        # "who makes it": "Manufacturer: ..."; "Version 1.4, ..." answers only of the document itself
        c.score += field_alike(question, c.text, c.chunk, corpus.words_alike) + status_fit(question, c.text)
        if echoes(asked_tokens, c.text):
            c.score -= ECHO_PENALTY  # "Product: Lumivex AKI Predict" only repeats the name asked about
        if c.anaphoric:
            c.score -= 0.05  # "This approach ..." leans on a sentence the answer may not show
        if _ASKING.search(c.text) and not wants_questions:
            # a listed question asks what an answer should state (unless questions are asked for),
            # also when extraction ran the next line into it ("Did you test ...? Consulting ...")
            c.score -= 0.08
    if not wants_questions and not _DOCUMENTING_ASKED.search(question):  # "what should we document"
        _questions_below_statements(cands)
    motion_records(question, cands)
    for c in ranked:
        c.score += 0.15  # "which site had the weakest sensitivity": the row at that end of the column
    prefer_pointed(cands, at, only=not asks_to_compare(question))
    _follow_table_pointers(cands)


def _questions_below_statements(cands: list[Candidate]) -> None:
    """A question a document lists ranks below the best statement: quoted first, it would hand
    the user's question back; it stays in reach when nothing states an answer."""
    stated = max((c.score for c in cands if c.unit.ok and not _ASKING.search(c.text)), default=float("inf"))
    for c in cands:
        if _ASKING.search(c.text):
            c.score = min(c.score, stated - 0.01)


def _follow_table_pointers(cands: list[Candidate]) -> None:
    """ "The class determines the evidence required (Table 2)" says the table holds the answer:
    the table's rows rise to just above the sentence naming it, keeping their order, so the row
    that fits the question best is quoted instead of the pointer."""
    for c in sorted(cands, key=lambda c: -c.score):
        if c.kind is not UnitKind.SENTENCE or not (TABLE_REF.search(c.text) or POINTS_AT_TABLE.search(c.text)):
            continue
        rows = [r for r in introduced_table(c, cands) if r.unit.ok]
        lift = c.score + 0.01 - max((r.score for r in rows), default=c.score)
        for r in rows if lift > 0 else []:
            r.score += lift
