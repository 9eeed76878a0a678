"""The property a question asks of its subject ("What specificity does X report?") and whether a document
states it (not a sibling card's, nor another measure). A question asking for a figure (a measure's value, a
count, a time, a subgroup's figure) is answered only by a clause stating it (`unstated`), which ranks first
(`figure_bonus`) and is read even when retrieval missed its chunk (`figure_hits`). The card of the product
asked about answers, not the sibling card that names it (`about_product`): a 510(k) summary names its predicate."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..text import tokenize
from .cells import asked_cell, counted_row, question_words
from .clauses import CLAUSE, clauses
from .focus import MONTHS, conditioned, names_counted
from .objects import holds_name
from .paraphrase import abbreviated
from .places import PLACE_ABBREVIATIONS, names_abbreviated
from .populations import SUBGROUP_WORDS, age_bounds, asked_population, population_phrase
from .standins import BOUNDS
from .unsaid import called_back, name_run, owns, possessive

#: "What <property> does|is|of <subject>" ("What is the positive predictive value of X?")
_PROPERTY = re.compile(
    r"^\s*(?:what|which)\s+(?:(?:is|was|are|were)\s+(?:the\s+|its\s+|their\s+)?)?"
    r"(?P<prop>[\w()'’-]+(?:\s+[\w()'’-]+){0,3}?)\s+(?:does|did|do|is|was|were|has|have|had|of|for|must|should|can|could|will|would)\b",
    re.I,
)
#: "What is X's positive predictive value?" (read with its "'s" dropped): a measure closing the question.
_MEASURE_OWNED = re.compile(
    r"^\s*(?:what|which)\s+(?:is|was|are|were)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?P<prop>[\w()'’-]+(?:\s+[\w()'’-]+){0,5}?)\s*\?*\s*$",
    re.I,
)
#: "What was X's sensitivity on the oncology units?": a measure asked for a place or a group.
_MEASURE_ASKED = re.compile(
    r"^\s*(?:what|which)\s+(?:(?:is|was|are|were)\s+(?:the\s+|its\s+|their\s+)?)?"
    r"(?P<prop>[\w()'’-]+(?:\s+[\w()'’-]+){0,3}?)\s+(?:on|in|at|among|across|within)\b",
    re.I,
)


def _property_match(question: str) -> re.Match[str] | None:
    """The property a question asks for ("What is the sensitivity of ..."), or the measure it asks
    of a product by name ("What is X's positive predictive value?") or for a place or group ("What
    was X's sensitivity on the oncology units?")."""
    m = _PROPERTY.match(question)
    if m is not None:
        return m
    m = _MEASURE_ASKED.match(question) or _MEASURE_OWNED.match(question)
    toks = tokenize(m.group("prop")) if m is not None else []
    # its head names a measure: "sensitivity", "positive predictive value"
    return m if toks and (toks[-1] in _MEASURES or (toks[-1] == "valu" and "predict" in toks)) else None


#: "Which checks does the paper recommend?" is answered by the checks it names, not the word
_CONTENT_VERB = re.compile(
    r"\b(?:recommend|suggest|requir|say|said|advis|propos|call(?:s|ed)? for|expect|mandat|describ|cover|mention|"
    r"includ|encourag|prescrib|discuss|address|outlin|stat(?:e|es|ed)\b)\w*",
    re.I,
)
#: A verb and its object where a property would stand: "counts as a", "qualifies as", "makes the".
_VERB_PHRASE = re.compile(r"^\w+[^su\W]s\s+(?:as|an?|the|to|for|up)\b", re.I)
_ITY_NOUN = re.compile(r"\b\w+it(?:y|ies)\b", re.I)


def ity_nouns(text: str) -> set[str]:
    """Stems of the -ity nouns in `text`: "specificity" is not the frame word "specific" its stem shares."""
    return set(tokenize(" ".join(_ITY_NOUN.findall(text))))


def asked_property(
    text: str, anchors: Collection[str], entities: Collection[str], frame: Collection[str]
) -> tuple[frozenset[str], dict[str, str]]:
    """The stems of the property asked (anchors that are not names), and those of them a frame
    word's stem shares, as written; none when the question asks for a list (a plural) or for what
    a document recommends or says (its items answer it, not the word)."""
    m = None if _CONTENT_VERB.search(text) else _property_match(text)
    # a plural asks for a list ("what documents and information does X ask for"), not a property
    words = m.group("prop") if m and not any(_PLURAL.search(w) for w in _AND.split(m.group("prop"))) else ""
    if _VERB_PHRASE.match(words):
        words = ""  # "What counts as a quorum for X?" asks what X's rules say, not for a property
    if words and tokenize(words) and tokenize(words)[-1] in _SUBJECT_NOUNS:
        words = ""  # "Which already-cleared device did X cite?" asks for a device's name, not a property
    # "the maximum number": a bound a rule states in its own words ("no more than 5")
    prop = frozenset(t for t in tokenize(words) if t in anchors and t not in entities and t.isalpha()) - BOUNDS
    # "what size of gap": a magnitude, which a rule states as a number ("greater than 0.05"), not in the word;
    # "the combined value", "what problem was found": a sum or a finding is stated, not named
    prop -= _MAGNITUDES | _SAID_NOT_NAMED
    prop = _measure_words(prop) or prop
    spelled = {tokenize(w)[0]: w.lower() for w in _ITY_NOUN.findall(words)}
    return prop, {t: w for t, w in spelled.items() if t in prop and t in frame}


#: Words asking how big something is: the figure answers them, no document need use the word.
_MAGNITUDES = frozenset(tokenize("size magnitude extent level degree"))
#: Words of a property that its statement need not use: how a figure adds up ("the combined
#: value" is "a total of $4.3 million") and the kind of finding asked ("what problem was found"
#: is answered by the finding, which never calls itself a problem).
_SAID_NOT_NAMED = frozenset(
    tokenize(
        "combined aggregate overall cumulative altogether joint problem problems issue issues concern concerns "
        "weakness weaknesses shortcoming shortcomings flaw flaws finding findings matter matters scope"
    )
)
_PLURAL = re.compile(r"[^su]s$", re.I)
_AND = re.compile(r"\s+(?:and|or)\s+|\s*,\s*", re.I)


def _measure_words(prop: frozenset[str]) -> frozenset[str]:
    """The measures a property names without the words that qualify how they were reported:
    "the headline sensitivity and specificity" asks for the sensitivity and the specificity, which
    a card states without the word "headline". A measure named by several words ("negative
    predictive value", "area under the curve") keeps them all; a subgroup word stays ("pediatric")."""
    if not prop & _MEASURES or prop & _MEASURE_PARTS:
        return frozenset()
    return frozenset(t for t in prop if t in _MEASURES or t in SUBGROUP_WORDS)


def _holds(words: Collection[str], tok: str) -> bool:
    """The word, or one of its family ("clearance" / "cleared"), is among `words`."""
    if len(tok) < 5:
        return tok in words
    return tok in words or any(w[:5] == tok[:5] for w in words if len(w) >= 5)


def states_property(tok: str, spelled: Mapping[str, str], stems: Collection[str], written: Collection[str]) -> bool:
    """Does a document (its word stems; its words as written, when known) use this word of the
    property asked? A word whose stem a commoner word shares is looked up as written
    ("specificity" is not "payer-specific")."""
    word = spelled.get(tok)
    if word and written:
        return any(w.startswith(word[:-1]) for w in written)
    return _holds(stems, tok)


# ----------------------------------------------------------------------------- stated values
#
# A figure question ("What NPV did X achieve?", "How many studies was X trained on?") is answered
# only by a clause stating a figure for that property and population, not by a card naming the
# metric among its endpoints nor by a test set's count beside the word "training".


class Asked(Protocol):
    """What `unstated` reads of a question (`asks.Ask`)."""

    question: str
    focus: str
    anchors: Mapping[str, float]
    entities: Collection[str]
    counted: str
    asked_property: frozenset[str]
    property_spelled: dict[str, str]


class Stated(Protocol):
    """What a figure check reads of an answer sentence (`asks.Evidence`)."""

    text: str
    own: set[str]  # tokens of the sentence and its lead-in (a table row's header row)
    context: set[str]  # tokens of its chunk's title and heading path
    document: set[str]  # tokens of its whole document
    lead: str  # the lead-in it is quoted under (a table row's header row)


class Cited(Stated, Protocol):
    """What `unstated` reads of an answer sentence (`asks.Evidence`): also its document's words."""

    spelled: frozenset[str]  # the document's words as written ({} when unknown)
    passage: str  # its chunk's headings and text
    spelled_out: set[str]  # acronyms asked that its document writes out

    @property
    def antecedent(self) -> set[str]: ...  # tokens of what an opening pronoun names


#: Performance measures a model card reports as a figure ("sensitivity", "AUROC", "kappa").
_MEASURES = frozenset(
    tokenize(
        "sensitivity specificity accuracy precision recall auc auroc auprc roc ppv npv f1 kappa agreement dice brier"
    )
)
#: Words of a measure named in several words, which the words before it qualify.
_MEASURE_PARTS = frozenset(tokenize("predictive value positive negative area under curve rate score"))
#: Words naming a statistic ("median lead time", "alert rate"): asked for a subgroup, a figure for it.
_STATISTICS = frozenset(tokenize("median mean average rate ratio proportion percentage prevalence incidence"))
#: The area under the ROC curve goes by several names.
_AUC = frozenset(tokenize("auc auroc roc c-statistic"))
_FIGURE = re.compile(r"\d")
#: A figure that is a target or the confidence level, not a result ("an 80% performance goal", "95% CI").
_NOT_RESULT = re.compile(
    r"\b\d+(?:\.\d+)?\s?%?\s+(?:(?:performance\s+)?(?:goal|target|threshold)s?|ci|confidence)\b", re.I
)
#: A line giving one group its figure and nothing else: "Black or African American: 0.78".
_SUBGROUP_LINE = re.compile(r"^\s*[A-Za-z][^:|;]{0,60}:\s*\d[\d.]*%?\s*(?:\([^)]*\))?\s*\.?\s*$")
#: A clause saying how the one before it is done ("using at least 500 cases", "with 200 readers").
_MEANS = re.compile(r"\s*(?:using|with|based on|drawn from|covering|comprising|including)\b", re.I)
#: "Which reports the higher sensitivity: X or Y?", "Which of X and Y ...": figures of several products.
_COMPARES = re.compile(r"\b(?:which of|compare[sd]?|comparison|versus|vs\.?)\b|\b(?:higher|lower|better|worse)\b", re.I)


def _measures(ask: Asked) -> tuple[frozenset[str], ...]:
    return _measures_of(ask.question, ask.asked_property)


#: "How well does X detect ...?", "How accurate is X?": a performance figure, whichever measure.
_PERFORMANCE = re.compile(
    r"^\s*how\s+(?:(?:well|accurately|reliably|precisely)\s+(?:does|did|do|can|could|will|would)\b.*?\b"
    r"(?:detect|identif|find|found|catch|caught|pick|flag|spot|recogni[sz]|predict|classif|discriminat|distinguish|"
    r"perform|do\s+(?:on|in|for|with))"
    r"|(?:accurate|reliable|good|precise)\s+(?:is|was|are|were)\b.*?\b(?:at|in|for|on)\b)"
    r"|^\s*how\s+(?:does|did|do)\b.*\bperform\b",
    re.I,
)
#: The measure group of a performance question: any measure a clause names.
ANY_MEASURE = frozenset(["<a performance measure>"])


@functools.lru_cache(maxsize=256)
def _measures_of(question: str, prop: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The measures the property asked names, when its head noun is one: ["negative predictive
    value"], ["sensitivity", "specificity"]; none for "sensitivity analysis". A comparison
    ("Which reports the higher sensitivity: X or Y?") asks for each measure it names."""
    m = _property_match(question)
    words = tokenize(m.group("prop")) if m else []
    if words and not prop and words[-1] in _MEASURES:  # an acronym is a name, not a property: "What AUROC did X"
        return (frozenset(words[-1:]),)
    if not words or not prop:
        if _COMPARES.search(question):
            return tuple(frozenset([t]) for t in dict.fromkeys(tokenize(question)) if t in _MEASURES)
        if _PERFORMANCE.search(question):
            named = [frozenset([t]) for t in dict.fromkeys(tokenize(question)) if t in _MEASURES]
            return tuple(named) or (ANY_MEASURE,)
        return ()
    head = words[-1]
    if head == "valu" and "predict" in words:
        return (frozenset(t for t in words if t in prop),)
    if head not in _MEASURES and (prop & _STATISTICS or head in _STATISTICS) and any(asked_population(question)):
        # "the median lead time in ICU patients", "the word error rate for pediatric patients" (the
        # question's "rate" frames the figure, so it is no word of the property): a statistic for a subgroup
        return (prop or frozenset([head]),)
    return tuple(frozenset([t]) for t in words if t in _MEASURES and t in prop) if head in _MEASURES else ()


def _asked_words(question: str, measure: frozenset[str]) -> list[str]:
    """The words a measure is asked with, for its acronym ("negative predictive value" -> NPV)."""
    m = _property_match(question)
    return tokenize(m.group("prop")) if m and len(measure) > 1 else sorted(measure)


def _states_figure(ask: Asked, ev: Stated) -> bool:
    """Does the sentence state a figure for some measure asked, for the population asked?"""
    population = asked_population(ask.question)
    return any(_value_clause(g, _asked_words(ask.question, g), population, ev) for g in _measures(ask))


def states_compared_figure(question: str, text: str, lead: str = "", context: str = "") -> bool:
    """In a comparison ("Which of X and Y reports the higher sensitivity?"), does the text (under
    its lead-in, in its title and headings `context`) state a figure for a measure the question
    names, for the population asked? False when the question compares nothing."""
    if not _COMPARES.search(question):
        return False
    ev = _Line(text, set(tokenize(f"{lead} {text}")), set(tokenize(context)), lead=lead)
    population = asked_population(question)
    return any(_value_clause(m, sorted(m), population, ev) for m in _measures_of(question, frozenset()))


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _names_measure(measure: frozenset[str], asked_words: list[str], tokens: set[str], text: str) -> bool:
    """Does a clause name the measure: its words, its acronym ("NPV"), or the words an asked
    acronym stands for ("negative predictive value" for "NPV")?"""
    if measure is ANY_MEASURE:
        return bool(tokens & _MEASURES)
    if measure <= tokens or (measure & _AUC and tokens & _AUC):
        return True
    acr = _acronym(asked_words)
    if acr and acr in tokens:
        return True
    if len(measure) == 1:
        (want,) = measure
        if not (want.isalpha() and 2 <= len(want) <= 5 and want not in _MEASURES - {"ppv", "npv", "auc"}):
            return False
        toks = tokenize(text)
        runs = (toks[i : i + len(want)] for i in range(len(toks) - len(want) + 1))
        # "area under the curve" spells AUC; "applications to use Class" only happens to
        return any(_acronym(r) == want and (want not in _MEASURES or set(r) <= _MEASURE_PARTS) for r in runs)
    return False


def _holds_population(words: frozenset[str], bounds: frozenset[tuple[str, int]], text: str, tokens: set[str]) -> bool:
    if bounds and not bounds <= age_bounds(text):
        return False
    # most words of a long name ("Fitzpatrick type III-IV skin": "Fitzpatrick III–IV"), all of a short one
    asked = [w for w in words if not w.isdigit()]
    held = sum(any(t[:5] == w[:5] for t in tokens) for w in asked)
    return held == len(asked) if len(asked) <= 2 else held * 2 > len(asked)


def _value_clause(
    measure: frozenset[str],
    asked_words: list[str],
    population: tuple[frozenset[str], frozenset[tuple[str, int]]],
    ev: Stated,
) -> bool:
    """Does the sentence state a figure for the measure (and the population asked about) in one
    clause, in a table row under a header naming it, or under a heading naming it?"""
    row = " | " in ev.text
    lead = ev.own - set(tokenize(ev.text)) if row else set()
    for clause in [ev.text] if row else CLAUSE.split(ev.text):
        if not _FIGURE.search(_NOT_RESULT.sub(" ", clause)):
            continue
        toks = set(tokenize(clause))
        named = _names_measure(measure, asked_words, toks | lead, clause) or (
            _names_measure(measure, asked_words, ev.context, "") and not toks & (_MEASURES - measure)
        )
        # a subgroup's line of a list the document heads with the measure ("Female: 0.81" under
        # "AUROC by subgroup:", in the passage before): only for a subgroup asked, which its label names
        named = named or bool(
            any(population)
            and _SUBGROUP_LINE.match(clause)
            and not toks & _MEASURES
            and _holds_population(*population, clause, toks)
            and _names_measure(measure, asked_words, ev.document, "")
        )
        # the subgroup may lead the sentence ("In patients over 80, sensitivity was 81%"), or head
        # a table's column ("≥ 65 y" over the row's figures)
        if named and _holds_population(*population, f"{ev.lead} {ev.text}" if row else ev.text, ev.own | ev.context):
            return True
    return False


def _family(tok: str, words: Collection[str]) -> bool:
    return any(w[:5] == tok[:5] for w in words) if len(tok) >= 5 else tok in words


#: Month names as tokens, from focus.MONTHS; "may" is a modal far more often.
_MONTHS = frozenset(tokenize(re.sub(r"[(?:)|]", " ", MONTHS))) - frozenset(tokenize("may"))


def _dated_by_document(token: str, ev: Cited) -> bool:
    """A month or year the question dates its count by ("the meeting in September 2026") that the
    sentence's document states, the sentence dating nothing else: minutes are dated once, on top."""
    if not (token in _MONTHS or (token.isdigit() and len(token) == 4)) or token not in ev.document:
        return False
    return not any(t in _MONTHS or (t.isdigit() and len(t) == 4) for t in ev.own)


#: Where a compound question's next part begins ("..., and who chaired it?").
_NEXT_PART = re.compile(
    r"\?\s+|;\s+|,?\s+and\s+(?=(?:what|when|how|which|who|where|why|does|do|did|is|are|can|should|must)\b)", re.I
)


def _count_part(question: str) -> str:
    """The part of a compound question asking "how many" (the whole question when it has one part)."""
    return next((p for p in _NEXT_PART.split(question) if re.search(r"\bhow many\b", p, re.I)), question)


#: A name with its version ("CARMF 1.2", "Guide v2.0").
_VERSIONED = re.compile(r"\b([A-Za-z][\w-]*)\s+v?(\d+(?:\.\d+)+)\b")


def _version_by_document(token: str, question: str, ev: Cited) -> bool:
    """A version the question gives a name ("the OPERATE function of CARMF 1.2") that the
    sentence's document states and whose name the sentence holds, the sentence naming no other
    version: a table's rows repeat neither the framework's name nor its version."""
    if token not in ev.document or re.search(r"\d+\.\d+", ev.text):
        return False
    names = ev.own | ev.context | ev.spelled_out
    return any(
        tokenize(m.group(2)) == [token] and set(tokenize(m.group(1))) <= names for m in _VERSIONED.finditer(question)
    )


def _count_clause(counted: str, predicate: list[str], ev: Stated, text: str = "") -> tuple[bool, bool]:
    """(does the sentence (or `text`, a table row read with its header) count the thing asked, is one of its counting
    clauses about what the question says of it): "measured on 528 studies, none of which contributed training data"
    counts studies, but not studies trained on."""
    counts = qualified = False
    text = text or ev.text
    mentioned = [p for p in predicate if _family(p, set(tokenize(text)))]
    role = _role(predicate)
    before = ""
    for clause in clauses(text):
        # "Validate ... before clinical use, using at least 500 local cases": a clause opening
        # with how the main clause is done counts for what the main clause says
        leads_on = bool(_MEANS.match(clause))
        context, before = (f"{before} {clause}" if leads_on else clause), clause
        words = re.findall(r"[\w.%-]+", clause)
        hit = any(
            (any(t.startswith(counted[:5]) for t in tokenize(w)) or names_counted(counted, w))
            and any(_FIGURE.search(x) for x in words[max(0, i - 5) : i])
            for i, w in enumerate(words)
        )
        if hit:
            counts = True
            toks = set(tokenize(context))
            other = _role(toks | ev.context) or _role(tokenize(text))
            # a test set's count does not say how many a model was trained on, nor the reverse
            crossed = bool(role) and bool(other) and not role & other
            qualified = qualified or (
                not crossed and all(_family(p, toks) or _family(p, ev.context) for p in mentioned)
            )
    return counts, qualified


#: The part a data set plays in a model's life: what a count of studies or images was used for.
_ROLES = {
    "train": frozenset(tokenize("train trained training develop developed development built derive derived fit")),
    "test": frozenset(
        tokenize("test tested testing evaluate evaluated evaluation validate validated validation assess assessed")
    ),
}


def _role(words: Iterable[str]) -> frozenset[str]:
    """The roles ("train", "test") the words give a data set."""
    stems = {w[:5] for w in words}
    return frozenset(r for r, ws in _ROLES.items() if any(w[:5] in stems for w in ws))


#: The least weight (rarity in the index) of a name that tells documents apart: "AI" in every
#: guide's title names nothing in particular.
_TELLING = 1.0


def _telling_names(ask: Asked) -> set[str]:
    """The names a question asks about (a product, a vendor) that are rare enough to tell documents apart."""
    return {t for t in ask.entities if t.isalpha() and ask.anchors.get(t, 0.0) >= _TELLING}


def about_product(ask: Asked, evidence: Sequence[Cited]) -> list[Cited]:
    """The sentences whose chunk titles name most of the names asked (a product's own card, not a
    sibling's naming it), and of a table whose rows name products, the rows naming it; all of
    them in a comparison, or when nothing names anything asked."""
    names = _telling_names(ask)
    if not names or _COMPARES.search(ask.question):
        return list(evidence)
    score = [len(names & ev.context) for ev in evidence]
    best = max(score, default=0)
    kept = [ev for ev, n in zip(evidence, score, strict=True) if n == best] if best else list(evidence)
    rows = {n for n in names - _MEASURES if not all(n in ev.context for ev in kept)}  # not the title's
    if any(" | " in ev.text and rows & ev.own for ev in kept):  # another product's row is not its
        kept = [ev for ev in kept if " | " not in ev.text or rows & ev.own]
    return kept


def _product_named(ask: Asked, own: Sequence[Cited], what: str) -> str:
    """The product asked about as the question writes it, holding a name its own card's headings hold."""
    return name_run(ask.question, {t for ev in own for t in ev.context} & set(ask.entities), what)


def _named_as_asked(ask: Asked, tokens: Collection[str]) -> str:
    """The question's words for some stems, as written ("NeuroTriage MVO")."""
    return " ".join(w for w in re.findall(r"[\w()-]+", ask.question) if (t := tokenize(w)) and t[0] in tokens)


def _as_written(question: str, tokens: Iterable[str]) -> list[str]:
    """Each token as the question writes it ("accuraci" is "accuracy"), sorted; the token itself
    when the question has no such word."""
    words = {t: w for w in re.findall(r"[\w'’-]+", question) for t in tokenize(w)[:1]}
    return sorted(words.get(t, t) for t in tokens)


def unstated(ask: Asked, evidence: Sequence[Cited]) -> list[str]:
    """What a figure question asks that no answer sentence states: a figure for the measure
    asked (for the population asked), or a count of what the question says of the thing counted.
    The property and the figure asked must be stated by the card of the product asked about."""
    out = []
    own = about_product(ask, evidence)
    if len(own) < len(evidence):
        lacking = [
            t
            for t in sorted(ask.asked_property)
            if not any(
                states_property(t, ask.property_spelled, ev.own | ev.context | ev.document, ev.spelled) for ev in own
            )
        ]
        if lacking:
            what = _named_as_asked(ask, lacking)
            owner = _product_named(ask, own, what)
            out.append(possessive(owner if owns(ask.question, owner, what) else "", what))
    population = asked_population(ask.question)
    m = _property_match(ask.question)
    words = question_words(ask.question)  # a cell named by its row and column states the figure for its column
    for measure in _measures(ask):
        asked_words = _asked_words(ask.question, measure)
        if not any(
            _value_clause(measure, asked_words, population, ev) or asked_cell(words, ev.text, ev.lead) for ev in own
        ):
            pop = population_phrase(ask.question)
            # the measure as asked, without the product's possessive ("PneumaTrace's sensitivity")
            prop = re.sub(r"^.*['’]s\s+", "", m.group("prop")) if m else ""
            what = prop or (
                "performance" if measure is ANY_MEASURE else " and ".join(_as_written(ask.question, measure))
            )
            what = what if what.isupper() else what.lower()
            owner = _product_named(ask, own, what)
            # "Cedar Valley's sepsis alert": the name owns the alert, not the sensitivity asked
            owner = owner if owns(ask.question, owner, what) else ""
            out.append(possessive(owner, what + (f" {pop.group(0).rstrip('?. ')}" if pop else "")))
            break
    if ask.focus == "count" and ask.counted:
        m = re.search(r"\bhow many\s+(.+)", ask.question, re.I)
        after = tokenize(m.group(1)) if m else []
        span = after[: after.index(ask.counted) + 1] if ask.counted in after else [ask.counted]
        # "How many patients ..., and which measures should be reported?": what the count part says
        part = set(tokenize(_count_part(ask.question)))
        predicate = [t for t in ask.anchors if t not in ask.entities and t not in span and t.isalpha() and t in part]
        # a name qualifying the count ("from US hospitals") is in the counting sentence or its
        # heading; the product's own name is in its title
        names = [t for t in ask.entities if t not in span]
        read = [_count_clause(ask.counted, predicate, ev, counted_row(ev.text, ev.lead)) for ev in evidence]
        places = PLACE_ABBREVIATIONS.findall(ask.question)  # "from US hospitals": "US" is a stop word to the tokenizer
        read = [
            (
                c,
                q
                and all(
                    holds_name(t, ev.own | ev.context | ev.spelled_out | ev.antecedent)
                    # a study's abstract names its model once: "We deployed TideLine ... Across 14,107 discharges"
                    or holds_name(t, set(tokenize(ev.passage)))
                    or _dated_by_document(t, ev)
                    or _version_by_document(t, ask.question, ev)
                    or t in abbreviated(ask.question, ev.text)
                    or called_back(ask.question, t, ev.text, ev.document)  # "the council consists of 11"
                    for t in names
                )
                and all(names_abbreviated(p, ev.text) for p in places),
            )
            for (c, q), ev in zip(read, evidence, strict=True)
        ]
        if any(c for c, _ in read) and not any(q for _, q in read):
            out.append(f"how many {_as_written(ask.question, [ask.counted])[0]}")
    if _WHEN.match(ask.question):
        # "When will X next be retrained?" is not answered by the label's date or the release date
        predicate = [t for t in ask.anchors if t not in ask.entities and t.isalpha() and t not in _SUBJECT_NOUNS]
        dated = [ev for ev in evidence if _WHEN_STATED.search(ev.text)]
        # "When is it recalibrated?" - "Recalibration is performed when the slope falls ..."
        triggered = any(
            conditioned(ask.question, ev.text)
            and any(_family(p, set(tokenize(ev.text)) | ev.context) for p in predicate)
            for ev in evidence
        )
        if predicate and dated and not triggered and not any(_dated_clause(predicate, ev) for ev in dated):
            out.append("the time asked for")
    return out


def _dated_clause(predicate: list[str], ev: Stated) -> bool:
    """Does a clause state a time for what the question asks ("retrained twice a year"), or the
    sentence's label or heading name it ("Release date: October 2023")? "Reviewed every quarter;
    retrained when its AUROC falls" gives no time for retraining."""
    if any(_family(p, ev.context) for p in predicate):
        return True
    return any(
        _WHEN_STATED.search(c) and any(_family(p, set(tokenize(c))) for p in predicate) for c in CLAUSE.split(ev.text)
    ) or any(_family(p, _field(ev.text)) for p in predicate)


#: Nouns naming what a card is about, not what happens to it ("When will the model be retrained?").
_SUBJECT_NOUNS = frozenset(tokenize("model models software device tool system product algorithm solution card"))
_WHEN = re.compile(r"^\s*when\b", re.I)
_WHEN_STATED = re.compile(
    r"\b(?:19|20)\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:every|each|within|after|annually|quarterly|monthly|weekly|daily|"
    r"yearly|twice a|once a)\b",
    re.I,
)


@dataclass(frozen=True)
class _Line:
    """A line of a passage read as an answer sentence (`Stated`)."""

    text: str
    own: set[str]
    context: set[str]
    document: set[str] = field(default_factory=set)
    lead: str = ""


_LABEL = re.compile(r"^\s*([A-Za-z][\w ()/&'’-]{1,40}):\s+\S")


def _field(text: str) -> set[str]:
    """The words of a sentence's field label ("Monitoring: ..."), of a few words, without
    compounds. Headings are not read as fields: in prose documents (a hospital's rules, a
    national guideline) they name topics, and a bonus for them outranked the answer."""
    m = _LABEL.match(text)
    name = m.group(1) if m and len(m.group(1).split()) <= 4 else ""
    return {t for t in tokenize(name) if "-" not in t and t.isalpha()}
