"""What a question asks, and whether an answer addresses it.

An answer must be about what was asked (the entity, the time, the organization) and give the kind of fact asked
for: HTI-1 certification dates do not answer "What is the FDA's deadline for our sepsis model 510(k) submission?".
A question's *anchors* are its content words weighted by rarity in the index; its *names* the anchors naming
something (capitalised words, identifiers, numbers, years); its *focus* the kind of fact it asks for.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..text import derived_from, identifiers, tokenize
from .amounts import asked_bands, money_kind_named, money_noun, money_noun_met
from .cells import ORDINALS, cell_naming, column_named, dated_row, keyed_row, question_words
from .corpus import Corpus
from .docref import KINDS
from .focus import (
    EFFECT_ASK,
    Focus,
    corrects_premise,
    counted,
    focus_of,
    gives,
    names_several,
    states_limit,
    time_limit_asked,
    unit_asked,
    years,
)
from .framing import FRAME as _FRAME
from .lookup import split_question
from .money import in_money_units
from .objects import Said, about_sibling, asked_object, holds_name, not_done_said, other_version, siblings_named
from .paraphrase import LIGHT, PARTICLE, WordMatcher, abbreviated, acronyms, derived, expands
from .places import names_place
from .populations import asked_age, covers_age
from .properties import asked_property, ity_nouns, states_property, unstated
from .ranking import TOP_CATEGORY, ranks
from .signoff import signature_met
from .spans import asks_span, states_span, unspanned
from .standins import said_otherwise
from .tiles import tile_lacks
from .unsaid import asked_clause, unframed, unsaid_reason, unseen_names

__all__ = [
    "Ask",
    "Corpus",
    "Evidence",
    "Focus",
    "Verdict",
    "addressed",
    "asked_words",
    "corrects_premise",
    "coverage",
    "focus_coverage",
    "focus_of",
    "gives",
    "names_several",
    "read_ask",
    "unframed",
]


_PRONOUN = re.compile(r"^(?:It|They|This|These|He|She|Its|Their)\b")
_PART_OF_YEAR = re.compile(r"^(?:mid|early|late)-\d{4}$")
_WHERE_VERBS = frozenset(tokenize("located based headquartered situated"))
_KIND_TOKENS = frozenset(tokenize(" ".join(KINDS)))  # "the regulation", "the policy": a document by its kind
# "how many people", "is there money for X, and how much" (a grant of EUR 40,000): the focus's own word
_FOCUS_LIGHT = {Focus.PLACE: _WHERE_VERBS, Focus.COUNT: frozenset(tokenize("people persons individuals"))}
_FOCUS_LIGHT[Focus.MONEY] = frozenset(tokenize("money"))
#: "How many findings did the audit raise (at each level)?": the verb a count's subject does to
#: the thing counted; the passage states the tally in its own verb ("we identified nine findings").
_COUNTING_VERB = re.compile(
    r"\b(?i:how many)\b[^?,;]*?\b(?:did|do|does|has|have|had|will|would)\s+(?:[\w-]+\s+){1,4}?"
    r"([a-z]+)(?=\s*(?:\?|$|\b(?:at|in|on|for|by|during|across|over|per|each|every|last|this|that|so far)\b))"
)


def _focus_light(question: str, text: str) -> frozenset[str]:
    """Words the kind of fact asked makes light: "where is X located": a place answers it,
    whatever the verb; "how many people": members; "how many findings did the audit raise": its tally."""
    light = _FOCUS_LIGHT.get(focus_of(question), frozenset())
    if focus_of(question) is Focus.COUNT:
        light |= {t for m in _COUNTING_VERB.finditer(text) for t in tokenize(m.group(1))}
    return light | {t for m in TOP_CATEGORY.finditer(text) for t in tokenize(m.group(1))}


_OWN_OR_KIND = re.compile(r"\b(?:our|my)\s+([A-Z][\w-]*)|\b([A-Z][\w]*)-(?:style|like|type|esque)\b")

#: The subject of a reporting verb ("how many hours does the agency estimate", "what does the
#: board require"): the document speaking, which its sentences need not name ("we estimate").
_SPEAKER = re.compile(
    r"\b(?:does|do|did|will|would)\s+(?:the|this|that|our|their)\s+((?:[\w-]+\s+){0,2}?[\w-]+)\s+"
    r"(?:estimate|expect|anticipate|project|require|recommend|propose|say|state|suggest|advise)\b",
    re.I,
)

#: "How fast", "at what point": asks for a time limit or threshold, naming no subject ("within 72 hours").
_HOW_SOON = re.compile(
    r"(^\s*how|[,;]\s*how|\band\s+how|\bat\s+(?:what|which))\s+(?:fast|quickly|quick|soon|promptly|rapidly|point)\b",
    re.I,
)
#: "How big was the dataset?", "how large is the cohort", "how high is the fee": the size word asks
#: for a figure ("1.2 million visits"), it names no subject ("how high-risk" keeps its word).
_HOW_BIG = re.compile(r"\b(how)\s+(?:big|large|sizeable|sizable|high|steep)\b(?!-)", re.I)
_UNSAID = re.compile(r"\b(?:\w+n['’]t|cannot|(?:right|straight)\s+away|right(?=\s+(?:after|before|now|then|when)\b))\b")
#: Prefixes that turn a word's meaning: a compound with one is matched whole, not by its base.
_TURNING_PREFIXES = frozenset({"pre", "non", "un", "anti", "post", "dis", "mis", "counter", "semi", "de"})


def asked_words(question: str) -> str:
    """The words a passage answering the question would share with it: without the words that
    frame the asking (`_FRAME`: "how many", "anyone", "whether"; light verbs), and with a hyphenated
    compound read as its parts ("continual-improvement" is "continual improvement"), so a
    conversational question is not judged on words no answer repeats."""
    words = []
    for w in re.sub(r"(?<=\w)-(?=\w)", " ", _HOW_BIG.sub(r"\1", _HOW_SOON.sub(r"\1", question))).split():
        toks = set(tokenize(w))
        if not toks or not toks <= _FRAME | LIGHT:
            words.append(w)
    return " ".join(words)


@dataclass(frozen=True)
class Ask:
    """What a question asks: the kind of fact (focus), what it must be about (anchors with
    their weights), the names among them, the years, and the thing a "how many" counts."""

    question: str
    focus: Focus
    anchors: dict[str, float] = field(default_factory=dict)
    entities: frozenset[str] = frozenset()  # anchors that name something: capitalised, ids, numbers, years
    rare: frozenset[str] = frozenset()  # anchors few passages use (names when the documents capitalise them)
    unseen: frozenset[str] = frozenset()  # names the index has never seen
    counted: str = ""  # the noun of "how many X", stemmed
    superlative: bool = False  # "which vendor has the most", "the first state to"
    light: frozenset[str] = frozenset()  # light-verb anchors ("look", "take"): only a stated fact must match them
    asked_property: frozenset[str] = frozenset()  # words of the property asked ("specificity")
    property_spelled: dict[str, str] = field(default_factory=dict)  # of those, stems a commoner word shares
    acronyms: dict[str, str] = field(default_factory=dict)  # anchors written as acronyms: {"ehr": "EHR"}
    written: dict[str, str] = field(default_factory=dict)  # each anchor as the question writes it
    focus_anchors: frozenset[str] = frozenset()  # the anchors of the part asking the focus (all when empty)
    speakers: frozenset[str] = frozenset()  # who the question says states it ("does the agency estimate")

    @property
    def weight(self) -> float:
        return sum(self.anchors.values())

    def topical(self) -> Ask:
        """The ask without its light-verb anchors: what an answer must be about."""
        if not self.light:
            return self
        return replace(self, anchors={t: w for t, w in self.anchors.items() if t not in self.light}, light=frozenset())


def read_ask(
    question: str, rarity: Callable[[str], float] | None = None, known: Callable[[str], bool] | None = None
) -> Ask:
    """The question's focus and anchors. `rarity(token)` is the token's inverse document
    frequency in the index (higher: rarer), `known(token)` whether the index holds it at all;
    without them every anchor weighs 1 and every name counts as known."""
    anchors: dict[str, float] = {}
    entities: set[str] = set()
    rare: set[str] = set()
    # "FDA's" -> "FDA"; "don't", "cannot", "right after" say nothing a passage must repeat, and "take
    # effect", "kick in" are said "Effective 1 April 2027": their light verbs no fact repeats
    unsized = EFFECT_ASK.sub("effect", _HOW_BIG.sub(r"\1", _HOW_SOON.sub(r"\1", unspanned(question))))
    text = _UNSAID.sub(" ", re.sub(r"['’]s\b", "", unsized))
    capitalised = {t for m in re.finditer(r"\b[A-Z][\w'’()-]*", text) if m.start() > 0 for t in tokenize(m.group(0))}
    special = {t for i in identifiers(text) for t in tokenize(i)} | years(text)
    # a noun in -ity is not the frame word its stem shares ("specificity" is not "specific")
    nouns = ity_nouns(text)
    toks = tokenize(text)
    # "re-elected" is its parts ("elect"), "continual-improvement" is "continual improvement": a
    # passage writing the parts names it, and the compound counted too would weigh it twice
    compounds = {t for t in toks if "-" in t and t.replace("-", "").isalpha()}  # "600-1" is an identifier
    # but a prefix that turns the meaning ("pre-approved", "non-clinical") keeps the compound
    # whole: "the Office approved" does not answer "what has the Office pre-approved"
    turned = {c for c in compounds if c.split("-", 1)[0] in _TURNING_PREFIXES}
    parts = {p for c in turned for p in tokenize(c.replace("-", " "))}
    toks = [
        t
        for t in toks
        if t in turned
        or (t not in compounds and t not in parts and not any(t in c.split("-") and len(t) < 3 for c in compounds))
    ]
    toks = [t for t in toks if not _PART_OF_YEAR.match(t)]  # "mid-2027" is its year
    for tok in toks:
        tok = derived_from(tok, known) if known is not None and tok not in capitalised else tok
        if (tok in _FRAME and tok not in nouns) or tok in anchors or len(tok) < 2:
            continue
        if tok[0].isdigit():
            special.add(tok)  # a number names something specific ("Section 1557", "510(k)")
        weight = rarity(tok) if rarity else 1.0
        anchors[tok] = weight
        if tok in special or (tok in capitalised and weight >= _COMMON_NAME):
            entities.add(tok)  # "AI" in most passages is the topic, not a name the answer must say
        elif rarity is not None and weight >= _RARE:
            rare.add(tok)
    # In a how/why question, a plain word the documents never use is most likely a paraphrase ("secure"
    # for "encrypts"): it weighs as much as the rarest word they use; names and asked figures keep theirs.
    # "a 12-year-old patient" names an age, which a range states ("age 9-17"), not a name
    age = asked_age(question)
    if age is not None:
        entities -= {t for t in entities if t[:1].isdigit() and str(age) in t}
    # "how many hours" asks for hours: its unit frames the asking, as "how long" does
    for t in tokenize(unit_asked(question) + "s"):
        anchors.pop(t, None)
    if focus_of(question) is Focus.DATE:
        for t in tokenize("due start begin cutoff"):  # "when is it due", "when does it start": "by", "from" state it
            anchors.pop(t, None)
    open_question = focus_of(question) in (Focus.NONE, Focus.DURATION, Focus.FREQUENCY)  # said in other words
    paraphrase = [t for t in anchors if open_question and t not in entities and known is not None and not known(t)]
    seen = [w for t, w in anchors.items() if t not in paraphrase]
    for t in paraphrase:
        anchors[t] = min(anchors[t], max(seen, default=anchors[t]))
    # "our CMO", "my CFO": the asker's own people and things, and "a ChatGPT-style assistant" the
    # kind of thing, not names the documents must use (an identifier stays a name: "our GOV-2 gap")
    own = {t for m in _OWN_OR_KIND.finditer(text) for t in tokenize(m.group(1) or m.group(2))}
    entities -= own - special
    unseen = unseen_names(text, entities, anchors, known)
    prop, spelled = asked_property(text, anchors, entities, _FRAME)
    written = {t: w for w in re.findall(r"[\w'’-]+", text) for t in tokenize(w)[:1] if t in anchors}
    # "How long do officers serve, and can they be re-elected?": the length is asked of the first part
    particles = {t for m in PARTICLE.finditer(text) for t in tokenize(m.group(1))}
    parts = [p for p in split_question(asked_clause(question), least=1) if focus_of(p) is not Focus.NONE]
    focus_light = _focus_light(question, text)
    light = frozenset(t for t in anchors if (t in LIGHT or t in particles or t in focus_light) and t not in entities)
    # "..., and how soon must it be made?": a part naming nothing but its verb asks about the rest
    # "How often is X reviewed and which body signs it off?": the part asking the kind of fact asked
    part = next((p for p in parts if focus_of(p) is focus_of(question)), parts[0]) if parts else ""
    focused = frozenset(t for t in tokenize(part) if t in anchors)
    if len(parts) == 1 and focused <= light:
        focused = frozenset(anchors) - light  # its verb is no word the fact must repeat ("no later than 45 days")
    return Ask(
        question,
        focus_of(question),
        anchors,
        frozenset(entities),
        frozenset(rare),
        frozenset(unseen),
        counted(question),
        ranks(question),
        light,
        prop,
        spelled,
        {t: a for t, a in acronyms(text).items() if t in anchors},
        written,
        focused if focused != frozenset(anchors) else frozenset(),
        frozenset(
            t for m in _SPEAKER.finditer(text) for t in tokenize(m.group(1)) if t in anchors and t not in entities
        ),
    )


# A capitalised word in more than about 1 chunk in 3 ("AI", "Health") names no one thing.
_COMMON_NAME = 0.3
# A word in fewer than about 1 chunk in 40 is rare ("aneurysm", but also "live").
_RARE = math.log(40.0)


@dataclass
class Evidence:
    """One sentence of a draft answer with what frames it: its own tokens, its context's, its document's."""

    text: str
    own: set[str]
    context: set[str]
    document: set[str]
    spelled: frozenset[str] = frozenset()  # the document's words as written, lower-cased ({} when unknown)
    lead: str = ""  # the lead-in a list item is quoted under
    passage: str = ""  # its chunk's headings and text, where an acronym may be spelled out
    heading: frozenset[str] = frozenset()  # tokens of its document's title and its section's heading
    spelled_out: set[str] = field(default_factory=set)  # acronyms asked that its document writes out: names, no heading
    # parties asked of whose thing the sentence gives to another party ("Customer's officer" for "Quillon's")
    others: set[str] = field(default_factory=set)

    @property
    def antecedent(self) -> set[str]:
        """Tokens of the sentence before one opening with a pronoun ("It reviewed 23 requests"):
        what the pronoun names ("The AI Governance Council ... met 11 times")."""
        i = self.passage.find(self.text) if _PRONOUN.match(self.text) else -1
        if i <= 0:
            return set()
        return set(tokenize(re.split(r"(?<=[.!?])\s+", self.passage[:i].strip())[-1]))


@dataclass
class Verdict:
    """Whether a draft addresses the question, how much of it, and why not."""

    ok: bool
    coverage: float  # weighted share of the anchors the answer's sentences (and their headings) name
    focus_coverage: float  # the same for the best sentence stating the kind of fact asked for
    reason: str = ""
    missing: tuple[str, ...] = ()  # the names asked about that the answer's documents never use


Extra = dict[str, float]  # per anchor, how far a sentence's other words stand in for it


_AGE_WORDS = frozenset(tokenize("year years old aged age"))
#: Verbs a period is stated with otherwise: "retained" is "kept", "finish triage" "completes triage".
_SAME_VERBS = [frozenset(tokenize("retain kept keep store preserve archive")), frozenset(tokenize("finish complete"))]


def _present(ask: Ask, tok: str, ev: Evidence, extra: Extra | None = None) -> float:
    """How far a sentence names an anchor: in its text or heading, or spelled out or abbreviated
    in its passage ("EHR" / "electronic health record") 1; a name only its document uses 0.7 (a
    model card names its product once, its fields say "the device"); else how far a word of it
    stands in for the anchor (`extra`), or 0."""
    if holds_name(tok, ev.own) or holds_name(tok, ev.context) or tok in ev.spelled_out:
        return 1.0
    if ORDINALS.get(tok, "") in ev.own:
        return 1.0
    if ev.passage and (
        (tok in ask.acronyms and expands(ask.acronyms[tok], ev.passage)) or tok in abbreviated(ask.question, ev.passage)
    ):
        return 1.0
    if tok in ask.entities and names_place(ask.written.get(tok, tok), f"{ev.text} {ev.passage}"):
        return 1.0  # "Europe" named as "the EU" or "European"
    if said_otherwise(tok, ask.focus, ev.text):
        return 1.0  # "the maximum number" is stated as "no more than 5", "what ratio" as "1 per 15"
    if ask.focus in (Focus.DURATION, Focus.DATE) and any(tok in vs and ev.own & vs for vs in _SAME_VERBS):
        return 1.0
    naming = cell_naming(question_words(ask.question), ev.text, ev.lead) if ev.lead else frozenset()
    if tok in naming or (naming and ask.focus is Focus.MONEY and money_noun(tok)):
        return 1.0  # the row and column of the cell asked ("lab" names "Laboratory"), a money figure's kind
    if ask.focus is Focus.MONEY and money_noun_met(tok, ev.text):
        return 1.0  # "the maximum fine" is stated as "a civil penalty of up to $15,000"
    if signature_met(tok, ev.text, ev.own | ev.context):
        return 1.0  # "who signed" is answered by "Signature: /s/ Jane Roe", or under a "Signature" heading
    if tok in _AGE_WORDS or tok[:1].isdigit():
        age = asked_age(ask.question)
        if age is not None and (tok in _AGE_WORDS or str(age) in tok) and covers_age(ev.text, age):
            return 1.0  # "a 12-year-old" is in "Restraint order, age 9–17"
    if tok in ask.speakers and tok in ev.document:
        return 1.0  # the agency that "estimates" is the document's author: its figures are its estimate
    if tok[:1].isdigit() and any(
        tok in written and covers(ev.text, a) for a, written, covers in asked_bands(ask.question)
    ):
        return 1.0  # "a $250,000 contract" is in the band "$100,000 to $499,999", "85%" in "80–89%"
    if derived(tok, ev.own):
        return 1.0  # "when was it cleared" is stated as "received clearance ... on 17 July 2026"
    if ask.focus is Focus.DATE and tok in ev.document and asks_span(ask.question) and states_span(ev.text):
        return 0.7  # "over what period was X evaluated": a study states its period once, in its methods
    # a card names its product once, its fields say "the device"; but "ScribeWell Ambient" in
    # the sentence says it is about the sibling product, not the "ScribeWell Inbox" asked
    named = (
        0.7
        if tok in ask.entities
        and tok in ev.document
        and tok not in ev.others
        and not siblings_named(ask.question, ask.written.get(tok, tok), ev.text, ask.entities)
        else 0.0
    )
    return max(named, extra.get(tok, 0.0)) if extra else named


def coverage(
    ask: Ask, evidence: Iterable[Evidence], extra: list[Extra] | None = None, anchors: dict[str, float] | None = None
) -> tuple[float, list[float]]:
    """The answer's weighted anchor coverage (each anchor at its best sentence), and each sentence's own."""
    evs = list(evidence)
    anchors = ask.anchors if anchors is None else anchors
    extras: list[Extra | None] = list(extra) if extra else [None] * len(evs)
    total = sum(anchors.values())
    if not total or not evs:
        return (1.0 if not total else 0.0), [1.0 if not total else 0.0 for _ in evs]
    pairs = list(zip(evs, extras, strict=True))
    per = [sum(w * _present(ask, t, ev, x) for t, w in anchors.items()) / total for ev, x in pairs]
    best = sum(w * max(_present(ask, t, ev, x) for ev, x in pairs) for t, w in anchors.items()) / total
    return best, per


def focus_coverage(ask: Ask, evidence: list[Evidence], extra: list[Extra] | None = None) -> float:
    """The best anchor coverage of a sentence stating the kind of fact asked for (or saying
    there is none), over the anchors of the part of the question asking for it; 1.0 when the
    question asks for no particular kind of fact."""
    if ask.focus is Focus.NONE and not ask.superlative:
        return 1.0
    if ask.focus in (Focus.NAMED, Focus.PERSON, Focus.PLACE, Focus.COUNT):
        ask = ask.topical()  # "which body looks after X": a name beside X; "how many sit on X": "X has 11 members"
    focused = {t: w for t, w in ask.anchors.items() if t in ask.focus_anchors} or None
    _, per = coverage(ask, evidence, extra, focused)
    return max(
        (
            c
            for ev, c in zip(evidence, per, strict=True)
            if (_gives(ask, ev) or corrects_premise(ev.text, ask))
            and not about_sibling(ask.question, ask.entities, ask.written, ev.own, ev.text, ev.heading)
            and not other_version(ask.question, ev.text, ev.passage)
            and not ev.others
        ),
        default=0.0,
    )


def _gives(ask: Ask, ev: Evidence) -> bool:
    """Does the sentence state the kind of fact asked for: itself, or, a row of a timeline
    table, by the date heading its column ("Sep 2027" over "Independent re-validation ...")?"""
    heading = ev.heading if ask.focus is Focus.MONEY else frozenset()  # a budget's row: by caption, header or heading
    money = ask.focus in (Focus.COUNT, Focus.MONEY) and in_money_units(
        ev.text, f"{ev.lead} {ev.passage[:300]}", heading
    )
    if gives(ask, ev.text) and not tile_lacks(ask.question, ask.anchors, ev.text, ev.lead, ev.passage):
        # a budget table's figures ("Programme team and clinical safety staff | 1,420") count money, not people
        return ask.focus is not Focus.COUNT or not money
    if ask.superlative and gives(replace(ask, superlative=False), ev.text):
        if column_named(ev.lead, ask.anchors):
            return True  # a table's row ranks by the column the question names ("the highest specificity")
        if ask.focus is Focus.DATE and _IN_TIME.search(ask.question):
            return True  # "when was the latest amendment": the dates themselves rank the events
    if (ask.focus is Focus.DATE and dated_row(ev.text, ev.lead)) or (ask.focus is Focus.MONEY and money):
        return True  # a timeline's row by its column's date; a budget's row by its caption's currency
    keyed = keyed_row(ev.text, ev.lead) if ask.focus in (Focus.COUNT, Focus.DURATION) else ""
    return bool(keyed) and gives(ask, keyed)  # "480" counts the hours its column is headed by


#: A superlative that ranks events by when they happened.
_IN_TIME = re.compile(r"\b(?:latest|earliest|most recent|newest|oldest|first|last)\b", re.I)


def _missing_names(ask: Ask, evidence: list[Evidence]) -> list[str]:
    """Names and asked properties the answer's documents never use, years its sentences do not state."""
    # a model card without a specificity is not answered with its sensitivity, nor its sibling's specificity
    # a table heads its column "PPV" where the question says "positive predictive value"
    short = frozenset().union(*(abbreviated(ask.question, ev.passage or ev.text) for ev in evidence))
    out = [
        t
        for t in sorted(ask.asked_property - short)
        if not any(
            states_property(t, ask.property_spelled, ev.own | ev.context | ev.document, ev.spelled)
            # "what fine" is stated as "a civil penalty of $8,000", "what ratio" as "1 per 15"
            or (ask.focus is Focus.MONEY and money_noun_met(t, ev.text))
            or said_otherwise(t, ask.focus, ev.text)
            for ev in evidence
        )
    ]
    for t in sorted(ask.entities):
        if t in years(ask.question):
            if not any(t in ev.own or t in ev.context for ev in evidence):
                out.append(t)
        elif not any(_present(ask, t, ev) for ev in evidence):
            out.append(t)
    return out


#: A word of the kind a "what X" question asks for is missed only when it is about the question's rarest.
RARE_KIND = 0.9


def _unsaid_object(ask: Ask, evidence: list[Evidence], words: WordMatcher | None) -> list[str]:
    """For "does the bulletin require malpractice insurance?", the rarest words of what it asks
    about that no document of the answer uses, in any words the model finds alike: the documents
    do not say, and their neighbouring facts are no answer."""
    if words is None or not ask.anchors:
        return []
    kinds = [t for t in ask.anchors if money_noun(t)] if ask.focus is Focus.MONEY else []  # "the annual dues"
    fact = ask.focus in _FACTS and (bool(ask.entities) or bool(kinds))
    # "what disciplinary action ...": never named, not said ("what patients": named by "Neonates ...")
    top = max((w for t, w in ask.anchors.items() if t not in ask.entities), default=0.0)
    rare = {t for t, w in ask.anchors.items() if w >= RARE_KIND * top} if ask.focus is Focus.NONE else set()
    asked, said = asked_object(ask.question, fact, set(ask.anchors) - ask.light, rare)
    if not asked:
        return []  # "do we need ..." asks what to do; "does the bulletin require ..." what a document says
    plain = [w for t, w in ask.anchors.items() if t in asked and t not in ask.entities]
    top = max(plain, default=0.0)
    heavy = [
        t
        for t, w in ask.anchors.items()
        if w >= 0.6 * top and t in asked and t in ask.written and t not in ask.entities
    ]
    # a document's subject is in its every passage; the event whose date is asked, in the sentence
    if said is Said.SENTENCE:
        # the sentences stating a date or figure must say of what, in one word of it or alike:
        # "renewed in 2025" is no founding date, a subscription price no training fee
        # "the annual dues" are not stated by a civil penalty's "$9,000"
        giving = [
            ev
            for ev in evidence
            if _gives(ask, ev)  # (or under a heading naming it: "9.1 Budget by service and year")
            and (
                not kinds
                or any(money_noun_met(t, f"{ev.lead} {ev.text}") or money_kind_named(t, ev.heading) for t in kinds)
            )
        ]
        if kinds and not giving and not any(corrects_premise(ev.text) for ev in evidence):
            return sorted(kinds)  # unless a sentence says there is no such amount ("a voluntary framework")
        if not giving or any(_present(ask, t, ev) or not_done_said(t, ev.text) for t in heavy for ev in giving):
            return []
        alike = words.best([ask.written[t] for t in heavy], " ".join(f"{ev.lead} {ev.text}" for ev in giving))
        return [] if any(alike.get(ask.written[t].lower(), 0.0) for t in heavy) else sorted(heavy)
    # "does the regulation require ...": what the regulation says, not a bundled guide of another kind
    named = set(tokenize(ask.question)) & _KIND_TOKENS if said is Said.DOCUMENT else set()
    evidence = [ev for ev in evidence if named & ev.heading] or evidence
    absent = [t for t in heavy if not any(t in ev.document or _present(ask, t, ev) for ev in evidence)]
    if not absent:
        return []
    alike = words.best([ask.written[t] for t in absent], " ".join(f"{ev.lead} {ev.text}" for ev in evidence))
    unsaid = sorted(t for t in absent if not alike.get(ask.written[t].lower(), 0.0))
    # "bias in clinical algorithms" is about bias where a document says "decision support tools"
    if said is Said.DOCUMENT:
        return unsaid
    weight = sum(w for t, w in ask.anchors.items() if t in asked and t not in ask.entities)
    return unsaid if 2 * sum(ask.anchors[t] for t in unsaid) >= weight else []


def _stand_ins(ask: Ask, evidence: list[Evidence], words: WordMatcher) -> list[Extra]:
    """Per sentence, how far its words stand in for the plain anchors it does not name."""
    out: list[Extra] = []
    for ev in evidence:
        absent = [t for t in ask.anchors if t in ask.written and t not in ask.entities and not _present(ask, t, ev)]
        best = words.best([ask.written[t] for t in absent], f"{ev.lead} {ev.text}")
        out.append({t: best.get(ask.written[t].lower(), 0.0) for t in absent})
    return out


def addressed(
    ask: Ask,
    evidence: list[Evidence],
    *,
    min_coverage: float,
    min_focus_coverage: float,
    words: WordMatcher | None = None,
) -> Verdict:
    """Does the draft answer the question asked? Every name it asks about (product,
    organization, identifier, year) must be in the answer's documents — a name the index has
    never seen cannot be, unless it is an acronym the answer spells out; its sentences must name
    what the question is about (weighted anchor coverage; with `words`, in an open question a
    plain word the answer says otherwise counts as far as the model finds the two alike); and when the question asks
    for an amount, a count, a date, a rate or a name, one sentence about the subject must state
    one (or say there is none)."""
    unseen = sorted(t for t in ask.unseen if not any(_present(ask, t, ev) for ev in evidence))
    if unseen:
        return _names_missing(ask, evidence, "no indexed document mentions", unseen)
    # a figure for the measure, population or count asked
    names, figures = _missing_names(ask, evidence), unstated(ask, evidence)
    if not names and not figures:
        names = _unsaid_object(ask, evidence, words)
    if names or figures:
        return _names_missing(ask, evidence, "", names, figures)
    verdict = _judged(ask, evidence, None, min_coverage, min_focus_coverage)
    said_otherwise = ask.focus in _SAID_OTHERWISE or (ask.focus is Focus.DATE and time_limit_asked(ask.question))
    if words is None or not said_otherwise or unit_asked(ask.question):
        # a question asking for an amount, a date, a count or a name is answered in its own
        # words: "cardiology devices" is not answered by a sentence on medical devices, nor "how
        # many hours of education" by hours of something else
        return verdict
    extra = _stand_ins(ask, evidence, words)
    if ask.focus is Focus.DATE:
        # a deadline in other words is a time limit ("within 72 hours"), not the date something
        # happened ("released in May 2023")
        extra = [x if states_limit(ev.text) else {} for ev, x in zip(evidence, extra, strict=True)]
    again = _judged(ask, evidence, extra, min_coverage, min_focus_coverage)
    # the better reading counts, also for how confident the answer is: words said otherwise are said
    if again.ok:
        return again if not verdict.ok or again.coverage > verdict.coverage else verdict
    # declined either way: say why as far as the words said otherwise get ("none of them states
    # the length of time asked for" rather than "they are about something else")
    return again if not verdict.ok and again.coverage >= min_coverage else verdict


#: Questions a passage may answer in its own words: open ones, and those asking how long or
#: how often, whose answer must state a length of time or a frequency (a sentence on "medical
#: devices" with any number in it would answer "how many cardiology devices"). A deadline is a
#: time limit too ("within 72 hours"): a question asking one may be answered in other words.
_SAID_OTHERWISE = frozenset({Focus.NONE, Focus.DURATION, Focus.FREQUENCY})
#: Questions asking for a figure or date of something: the something must be in the documents.
_FACTS = frozenset({Focus.DATE, Focus.MONEY, Focus.COUNT, Focus.RATE, Focus.QUANTITY})


def _names_missing(
    ask: Ask, evidence: list[Evidence], why: str, names: list[str], figures: Sequence[str] = ()
) -> Verdict:
    """Declined for names the answer's documents lack (as the question writes them) or `figures` they do not state."""
    cov, fcov = coverage(ask, evidence)[0], focus_coverage(ask, evidence)
    written = [ask.written.get(t, t) for t in names]
    reason = f"{why} {', '.join(written)}" if why else unsaid_reason(written, figures)
    return Verdict(False, cov, fcov, reason, (*names, *figures))


def _judged(ask: Ask, evidence: list[Evidence], extra: list[Extra] | None, least: float, least_focus: float) -> Verdict:
    cov, _ = coverage(ask.topical(), evidence, extra)  # a light verb ("look after") need not match
    fcov = focus_coverage(ask, evidence, extra)
    if cov < least:
        return Verdict(False, cov, fcov, "they are about something else")
    if fcov < least_focus:
        what = "ranking" if ask.focus is Focus.NONE else ask.focus.value  # a superlative asks which is first
        return Verdict(False, cov, fcov, f"none of them states the {what} asked for")
    return Verdict(True, cov, fcov)
