"""The kind of fact a question asks for (an amount, a count, a date, a rate, a name: its
*focus*), and whether a sentence states one."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Protocol

from ..text import POSTAL, hyphenated, identifiers, tokenize
from .money import MONEY, MONEY_ASK, SHARE_OF_MONEY
from .people import (
    COMPANY_ASKED,
    IRREGULAR_PLURALS,
    NAME_WANTED,
    assigns_an_office,
    counts_people,
    holds_office_asked,
    names_a_company,
    names_a_person,
)

__all__ = [
    "MONEY",
    "NUMBER_WORDS",
    "Asked",
    "Focus",
    "conditioned",
    "corrects_premise",
    "counted",
    "dated",
    "focus_of",
    "gives",
    "names_counted",
    "names_several",
    "states_limit",
    "states_period",
    "time_limit_asked",
    "unit_asked",
    "years",
]


class Asked(Protocol):
    """What `gives` reads of a question (`asks.Ask`)."""

    question: str
    focus: Focus
    counted: str
    superlative: bool


class Focus(StrEnum):
    """The kind of fact a question asks for."""

    MONEY = "amount of money"  # a cost, price, fee, salary, budget, fine
    QUANTITY = "quantity"  # "how much faster", "what minimum sensitivity": a number
    DURATION = "length of time"  # "how long": a number of minutes, days, months or years
    COUNT = "count"  # "how many"
    DATE = "date"  # "when", "what year", "deadline"
    RATE = "rate"  # "what percentage", "what rate"
    FREQUENCY = "frequency"  # "how often"
    CODE = "number or code"  # "what is the 510(k) number"
    PERSON = "person"  # "who chairs", "who is the current coordinator"
    NAMED = "name"  # "which state", "which vendor": a proper name
    PLACE = "place"  # "where is the vendor located": an address, a city or a country
    NONE = "none"  # a description, a list, an explanation


_NAMED_KINDS = (
    r"(?:states?|countr(?:y|ies)|vendors?|compan(?:y|ies)|hospitals?|health systems?|organi[sz]ations?|agenc(?:y|ies)|"
    r"bod(?:y|ies)|firms?|insurers?|payers?|cit(?:y|ies)|universit(?:y|ies)|manufacturers?|suppliers?|"
    r"large language models?|llms?|products?)"
)
_AUXILIARY = r"(?:must|should|do|does|did|can|could|will|would|shall|may|might|are|is|was|were|have|has|had)"
_FOCUS_RULES: list[tuple[Focus, re.Pattern[str]]] = [
    (
        Focus.RATE,
        re.compile(
            r"\bwhat (?:percent(?:age)?|share|proportion|fraction)\b"
            # "how satisfied were patients": a share or a score ("87%", "4.6 out of 5"), not the survey
            r"|\bhow (?:satisfied|happy|pleased|dissatisfied|unhappy)\b"
            r"|\bwhat(?:'s| is| was| are| were)? (?:the |an? |its |their )?(?:[\w'’-]+ ){0,4}rates?\b",
            re.I,
        ),
    ),
    (Focus.COUNT, re.compile(r"\bhow many\b|\b(?:the|what|exact) number of\b", re.I)),
    (
        Focus.DATE,
        re.compile(
            r"^\s*when\b|\b(?:when (?:is|was|are|were|will|did|does|do|must|should|can)|what (?:date|year|day|month)|"
            r"which (?:date|year)|deadline|due date|by when|how soon|effective date|compliance date|go-live date|"
            r"cut-?off (?:date|for \w+ing)|(?:what|which) dates|"  # "the cutoff for finishing X": a deadline
            r"(?:start|end|begin(?:ning)?|finish|launch|expiry|expiration)(?: and (?:end|finish|stop))? dates?)\b",
            re.I,
        ),
    ),
    (Focus.FREQUENCY, re.compile(r"\bhow often\b|\bhow frequently\b", re.I)),
    (
        Focus.DURATION,
        # "How fast must we notify?" asks for a time limit; "what to track about how quickly
        # staff adopt it" asks what to track
        re.compile(
            r"\bhow long\b|\bfor how many (?:minutes|hours|days|weeks|months|years)\b"
            # "how much notice", "how much advance warning": a length of time, not an amount
            r"|\bhow much (?:advance |prior |lead |written )?(?:notice|time|warning|lead time|head start)\b"
            r"|(?:^\s*|[,;]\s*|\band\s+)how (?:fast|quickly|promptly|rapidly)\b",
            re.I,
        ),
    ),
    (
        Focus.QUANTITY,
        # "what minimum sensitivity", "what maximum wait", "what threshold": a value, not a description
        re.compile(
            r"\bhow (?:much|large|big)\b"
            r"|\bwhat(?:'s| is| are)? (?:the |an? |its |their )?(?:minimum|maximum|min|max|threshold|cut-?off)\b"
            # "from what age can a child consent", "how old must they be": an age, a number
            r"|\b(?:at|from|by|until|to|under|over|above|below) what age\b|\bhow old\b",
            re.I,
        ),
    ),
    (
        Focus.CODE,
        re.compile(r"\bwhat(?:'s| is| was| are)? (?:the |its |their )?(?:[\w()-]+ ){0,4}(?:number|code|id)\b", re.I),
    ),
    (
        Focus.PERSON,
        re.compile(
            r"^\s*who (?:chairs|chaired|co-chaired|leads|led|heads|headed|runs|ran|directs|directed|founded|signed|"
            r"(?:is|was) (?:the )?(?:[A-Z][\w-]*['’]s )?(?:current |new |acting |former )?"
            r"(?:chair|head|director|ceo|coordinator|administrator|commissioner|secretary|president|chief|founder)"
            r"|is the (?:current |new |acting )?[A-Z][\w-]* [A-Z])"
            # "what is the name of the current Chief Medical Information Officer": a person, by name
            r"|^\s*what(?:'s| is| was| are) the names? of\b[^?]{0,60}?\b(?:officer|chair|chairs|director|president|"
            r"head|secretary|coordinator|administrator|commissioner|manager|ceo|(?-i:C[A-Z]{1,3}O))\b"
            # "which named official wrote it", "which individual signs": a person, by name
            r"|^\s*(?:which|what) (?:named )?(?:[\w-]+ ){0,2}(?:official|individual|person)\b(?! (?:bod(?:y|ies)|agenc"
            r"(?:y|ies)|sources?|documents?|guidance|records?|websites?|channels?|lists?|registers?|names?|titles?|"
            r"languages?|statistics|figures|data|positions?|polic(?:y|ies)|reports?|information)\b)",
            re.I,
        ),
    ),
    # "which vendors", "what large companies"; not "what must suppliers tell us" (the suppliers act)
    (
        Focus.NAMED,
        re.compile(
            rf"^\s*(?:which|what) (?:(?!{_AUXILIARY}\b)[\w-]+ ){{0,2}}{_NAMED_KINDS}\b"
            # "who makes X", "who wrote the report": a company or a person, by name
            r"|^\s*who\s+(?:makes|made|manufactures|manufactured|develops|developed|builds|built|sells|sold|"
            r"supplies|supplied|publishes|published|issues|issued|wrote|authored|produces|produced|owns|"
            r"distributes|markets|funds|funded|sponsors|sponsored|finances|financed)\b",
            re.I,
        ),
    ),
    (Focus.PLACE, re.compile(r"^\s*where\s+(?:is|are|was|were)\b[^?]*\b(?:located|based|headquartered)\b", re.I)),
]
#: A place stated: a street address, "City, ST 12345", "based in" / "headquartered in" a name, or ", Town, Country".
_PLACE_STATED = re.compile(
    POSTAL.pattern + r"|\b(?:located|based|headquartered|offices?)\s+(?:in|at)\s+(?:the\s+)?[A-Z]"
    # a maker's line closing on its town and country ("Tamsett Diagnostics GmbH, Freiburg, Germany")
    r"|,\s+[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?,\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}\.?\s*$"
)
_RANKS = re.compile(
    r"\b(?:most|least|largest|smallest|highest|lowest|best|worst|biggest|fastest|earliest|latest|top|leading|first|"
    r"ranked|\w+est"
    # a comparison ranks too: "higher risk systems receive larger allocations" answers "which get the most"
    r"|more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse|stronger|weaker)\b",
    re.I,
)
NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand|million|billion|dozen|single|both|none|no"
)
_NUMBER = re.compile(rf"\d|\b(?:{NUMBER_WORDS})\b", re.I)
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = re.compile(
    rf"\b(?:\d{{1,2}} )?{MONTHS}(?: \d{{1,2}},?)? \d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b(?:19|20)\d{{2}}\b"
    # a day of the year, without one ("by 31 March", "due March 31st"); capitalised: "may 5" is no date
    rf"|(?-i:\b\d{{1,2}}(?:st|nd|rd|th)? {MONTHS}\b|\b{MONTHS} \d{{1,2}}(?:st|nd|rd|th)?\b(?!,? \d{{4}}))"
    # a time limit: "within 48 hours", "within twenty-four (24) hours", "every six months"
    rf"|\b(?:within|after|before|by|every|each|no later than)\s+(?:\d+|(?:{NUMBER_WORDS})"
    r"(?:-[a-z]+)?)\s+(?:\(\d+\)\s+)?"
    r"(?:calendar |working |business )?(?:minutes?|hours?|days?|weeks?|months?|years?)\b"
    r"|\b(?:annually|quarterly|monthly|yearly)\b",
    re.I,
)
#: A time set by an event: "30 days after the end of the quarter", "two weeks before go-live".
_RELATIVE = re.compile(
    rf"\b(?:\d+|(?:{NUMBER_WORDS})(?:-[a-z]+)?)\s+(?:\(\d+\)\s+)?(?:calendar |working |business )?"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?)['’]?\s+(?:after|before|prior to|following|from)\b",
    re.I,
)
_FREQUENCY = re.compile(
    r"\d|\b(?:daily|weekly|monthly|quarterly|annually|yearly|hourly|every|each|per|times|continuous(?:ly)?|"
    r"real[- ]time|ongoing|periodic(?:ally)?|regular(?:ly)?|once|twice)\b",
    re.I,
)
#: A length of time: "twelve months", "a 90-day period", "two years", "six-month".
_DURATION = re.compile(
    rf"\b(?:\d+|(?:{NUMBER_WORDS})"
    r"(?:-[a-z]+)?|an?)[ -](?:\(\d+\)[ -])?(?:calendar |working |business |consecutive |full )?"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?)\b"
    # a figure in a table's or a data sheet's short units: "median 5.8 h", "24 hrs", "90 min"
    r"|\b\d+(?:\.\d+)? ?(?:h|hrs?|mins?|wks?|yrs?)\b",
    re.I,
)
_RATE = re.compile(
    r"\d\s?%|\bper ?cent\b|(?<![\d.])0?\.\d+\b|\b\d+(?:\.\d+)? (?:in|of|out of) (?:\d+|every)\b"
    r"|\b\d[\d.,]*\s+(?:[\w-]+\s+){0,2}per\s+(?:\d|[a-z])",  # "1.1 alerts per 10 patient-days", "3 falls per shift"
    re.I,
)
#: A share set as a condition's threshold: "exceeds 90 percent", "falls below 5%", "more than 20%".
_THRESHOLD = re.compile(
    r"\b(?:exceeds?|exceeding|above|below|under|over|(?:greater|more|higher|less|lower|fewer) than|at (?:least|most)|"
    r"(?:falls?|drops?) (?:below|under)|rises? above|reach(?:es)?|up to)\s+\d[\d.,]*\s?(?:%|per ?cent\b)",
    re.I,
)
#: A question asking what a rate was or is, with no word of a limit, a threshold or a condition.
_VALUE_ASKED = re.compile(
    r"^(?![^?]*\b(?:must|should|shall|may|can|required?|allowed|permitted|acceptable|trigger\w*|thresholds?|limits?|"
    r"cut-?offs?|targets?|goals?|maximum|minimum|max|min|exceed\w*|above|below|before|which|when|if)\b)"
    r"\s*what(?:'s| is| was| are| were)\b",
    re.I,
)
#: A question asking how many there were or are, with no word of a limit or a requirement ("How many requests
#: did the algorithm auto-approve in 2025?"), and a count a rule sets as a bound ("at least 30 requests").
_ACTUAL_COUNT = re.compile(
    r"^(?![^?]*\b(?:must|should|shall|may|can|required?|need|needs|needed|allowed|permitted|eligible|qualif\w*|minimum|"
    r"maximum|min|max|at least|at most|thresholds?|limits?|cap)\b)[^?]*\bhow many\b[^?]*\b(?:did|were|was|have|has|had)\b",
    re.I,
)
_COUNT_BOUND = re.compile(
    r"\b(?:at (?:least|most)|(?:no )?(?:more|fewer|less) than|a (?:minimum|maximum) of|minimum of|maximum of|up to|"
    rf"not (?:more|less|fewer) than)\s+(?:\d[\d,]*|(?:{NUMBER_WORDS}))\b",
    re.I,
)
_RULE = re.compile(r"\b(?:must|shall|should|required?|requires|needs? to|qualif\w*|eligib\w*|exempt\w*)\b", re.I)
_CODE = re.compile(r"\b[A-Z]{1,4}-?\d{3,}\b|§\s?\d|\b\d{2,}(?:\.\d+)+(?:\([a-z0-9]+\))*|\b[A-Z]{2,}-\d+\b")
_PROPER = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b")
#: A sentence that corrects the question's premise: the thing has no fine, no deadline, no force of law.
_PREMISE = re.compile(
    r"\b(?:voluntary|not (?:legally )?(?:binding|mandatory|required|a regulation|a law|regulatory|enforceable|enforced)|"
    r"no (?:penalt\w*|fines?|enforcement|legal force|deadline|certification)|"
    r"(?:does|do|did) not (?:impose|levy|carry|set|create|include|certify|specify|define|mandate|require))\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_STOP_COUNT = re.compile(
    r"\b(?:of|at|in|on|for|with|from|by|per|under|has|have|had|did|do|does|are|is|were|was|will|would|can|could|"
    r"must|should|sit|sits|serve|serves|attend|attends|been|that|who|which)\b",
    re.I,
)


def names_several(words: str) -> bool:
    """Do the words after "which" name several things ("risks", "fairness metrics does",
    "of these"), not one ("subcategory", "agency enforces")?"""
    toks = [t.strip("?,.") for t in words.lower().split()]

    def many(t: str) -> bool:
        return t.endswith("s") and not t.endswith(("ss", "us", "is", "'s", "’s")) and len(t) > 3

    if not toks:
        return False
    return toks[0] == "of" or many(toks[0]) or (len(toks) >= 3 and many(toks[1]) and toks[2] in _AUX)


_AUX = frozenset(
    ["do", "does", "did", "are", "were", "is", "should", "must", "can", "could", "will", "would", "have", "has"]
)


def years(text: str) -> set[str]:
    return set(_YEAR.findall(text))


#: "When judging X, what should we ...?": a clause opening with "when" sets the occasion; the
#: question after it asks what, which, how or who, not when.
_WHEN_CLAUSE = re.compile(
    r"^\s*when\s+(?:\w+ing|we|i|you|they|it|an?|the|our|their|its|this|that|these|those|organi[sz]ations?|"
    r"hospitals?|clinicians?|staff|users?|patients?)\b[^?]*?[,:;]\s*",
    re.I,
)
_ASKS_AFTER = re.compile(r"^(?:and )?(?:what|which|how|who|whom|why|where|is|are|does|do|should|can|must)\b", re.I)
#: "When is a consultation required?", "When are we obliged to re-validate?": in what
#: circumstances, which a rule's conditions answer ("... shall obtain a consultation when: ..."),
#: not a date.
_WHEN_CONDITION = re.compile(
    r"^\s*when (?:is|are) (?:[\w'’-]+ ){1,6}?(?:required|needed|necessary|mandatory|obliged|obligated|"
    r"permitted|allowed|appropriate|expected|justified|warranted)\b(?! (?:by|no later than|before|until)\b)",
    re.I,
)


#: "Should we be counting how often clinicians override it?": a yes/no question about a
#: practice of counting; the "how often" it would count is not the fact asked for ("Must we
#: report how much ...?" still asks for an amount).
_YES_NO = re.compile(
    r"^\s*(?:should|shall|must|can|could|would|will|do|does|did|is|are|has|have)\s+"
    r"(?:we|i|you|they|it|the|this|that|our|an?|there|organi[sz]ations?)\b",
    re.I,
)
_PRACTICE_OF_COUNTING = re.compile(
    r"\b(?:count|track|measur|record|monitor|log|audit)\w*\s+how (?:often|frequently)\b", re.I
)


#: A unit of time, counted: "hours", "days".
_UNITS = r"(?P<unit>minute|hour|day|week|month|year)s"
#: "How many hours", "within how many days": a length of time, in the unit asked.
_HOW_MANY_UNITS = re.compile(
    rf"\bhow many (?:more |additional |extra )?(?:calendar |business |working |consecutive |full )?{_UNITS}\b",
    re.I,
)
#: Another ask before it, which sets the question's focus instead ("How many staff, and for how many days?").
_EARLIER_ASK = re.compile(r"\bhow (?:many|much|long|often|soon)\b|\bwhat (?:percent|date|year)\b|^\s*when\b", re.I)


#: A limit or a requirement, not a figure someone reported: "within how many hours must",
#: "how many hours of training are required" ("how many hours of downtime did X report" counts).
_LIMIT = re.compile(
    r"\b(?:within|after|before|in|for) how many\b|\b(?:must|should|shall|have to|has to|may|can|required|allowed|"
    r"permitted|needed)\b",
    re.I,
)


#: "How many hours of AI training ...": what the length of time is of.
_MEASURED = re.compile(
    rf"(?<!within )(?<!after )(?<!before )(?<!in )\bhow many (?:\w+ )?{_UNITS} of "
    r"(?P<what>(?:[\w-]+ ){0,3}?[\w-]+)"
    r"(?= (?:must|should|shall|do|does|are|is|will|would|per|each|a|every|for|in|at|before|after)\b|\s*[?,]|$)",
    re.I,
)


def measured(question: str) -> str:
    """The stemmed head noun of what a "how many hours of X" question measures ("" otherwise)."""
    m = _MEASURED.search(question)
    toks = tokenize(m.group("what")) if m else []
    return toks[-1] if toks else ""


def unit_asked(question: str) -> str:
    """The unit of "within how many hours must ..." when a time limit is what the question asks
    first ("" otherwise)."""
    m = _HOW_MANY_UNITS.search(question)
    if not m or not _LIMIT.search(question) or any(e.start() < m.start() for e in _EARLIER_ASK.finditer(question)):
        return ""
    return m.group("unit").lower()


def focus_of(question: str) -> Focus:
    """The kind of fact the question asks for."""
    clause = _WHEN_CLAUSE.match(question)
    if clause and _ASKS_AFTER.match(question[clause.end() :]):
        question = question[clause.end() :]
    if _YES_NO.match(question) and _PRACTICE_OF_COUNTING.search(question):
        return Focus.NONE
    if _WHEN_CONDITION.match(question):
        return Focus.NONE
    if MONEY_ASK.search(question) and not re.search(r"\bhow (?:long|many|often)\b", question, re.I):
        return Focus.MONEY
    rules = dict(_FOCUS_RULES)
    if unit_asked(question):
        return Focus.DURATION  # "within how many hours" is answered by "within 72 hours", which counts nothing
    length, date = rules[Focus.DURATION].search(question), rules[Focus.DATE].search(question)
    if length and date and length.start() < date.start():
        return Focus.DURATION  # "How long are logs kept, and from when is that counted?" asks the length first
    return next((f for f, pat in _FOCUS_RULES if pat.search(question)), Focus.NONE)


def counted(question: str) -> str:
    """The thing "how many X ..." counts: the last word before the verb or preposition."""
    m = re.search(r"\bhow many\s+(.+)", question, re.I)
    if not m:
        return ""
    span = _STOP_COUNT.split(m.group(1), maxsplit=1)[0]
    # "how many voting members attended the meeting": a past-tense verb after the noun ends it
    span = re.split(r"(?<=\w)\s+(?=\w+ed\b)", span, maxsplit=1)[0] if " " in span.strip() else span
    # "how many hospitals currently use X": the first plural names what is counted
    plural = next(
        (
            w
            for w in re.findall(r"[A-Za-z'’-]+", span)
            if (_PLURAL.match(w) or w.lower() in IRREGULAR_PLURALS) and tokenize(w)
        ),
        "",
    )
    if plural:
        return tokenize(plural)[-1]
    words = [t for t in tokenize(span)]
    return words[-1] if words else ""


_PLURAL = re.compile(r"^[A-Za-z-]{2,}(?<![su])s['’]?$")
#: Figures that count nothing: a share ("90 percent", "4%"), and "no" comparing ("no longer than").
_NOT_A_COUNT = re.compile(
    r"\b\d[\d.,]*\s?(?:%|per ?cent\b)|\bno (?=(?:longer|later|sooner|earlier|more|fewer|less|greater|higher|lower)\b)"
    r"|\bboth\b(?=\s+(?:[\w-]+\s+){1,3}?(?:and|or)\b)"  # "both the numerator and the denominator": no count
    r"|\b(?-i:No)\.(?=\s*(?:[|:]|\d|$))",  # "No. | Finding | Rating", "No. 4": a number's label, not "no findings"
    re.I,
)
#: A numbered part, level or version ("Section 4", "as described in section 7.2", "Tier 1",
#: "version 3.2"): its number says which one, not how many.
_NUMBERED_THING = re.compile(
    r"(?:\b(?:(?i:article|art\.|section|annex|paragraph|clause|schedule|appendix|table|figure|page|version)"
    r"|Part|Stage|Tier|Level|Element|Severity)|§)\s*\w+(?:\.\w+)*"  # "at this stage 12 tools" counts tools
)
#: "one of four risk tiers": the thing is one among N of something; N counts what follows it.
_ONE_OF = re.compile(rf"\bone of (?:the |its |their )?(?:\d+|{NUMBER_WORDS})\b(?P<what>(?:\s+[\w-]+){{1,3}})", re.I)
_TIME_UNITS = tuple(tokenize("minute hour day week month year"))
#: "how many clinician hours", "how many bed days": whose time is counted, said beside the count.
_TIME_OF = re.compile(
    r"\bhow many (?!(?:more|fewer|extra|additional|calendar|total|full|whole|consecutive)\b)([a-z][\w-]+) "
    r"(?:minutes|hours|days|weeks|months|years)\b",
    re.I,
)


def names_counted(counted: str, words: str) -> bool:
    """Do the words name the thing counted, in a near form ("reviewer" for "reviews"), or, for
    people, a role people hold ("clinicians")?"""
    if counts_people(counted, words):
        return True
    toks = tokenize(words)
    return bool(counted) and any(t.startswith(counted[:5]) and abs(len(t) - len(counted)) <= 3 for t in toks)


def _counts(ask: Asked, sentence: str) -> bool:
    """A number counting the thing asked about ("38 controls", "over 4,000 scans"); dates,
    years and identifiers are not counts."""
    bare = hyphenated(_DATE.sub(" ", sentence))
    for i in identifiers(bare):
        bare = bare.replace(i, " ")
    bare = _NUMBERED_THING.sub(" ", bare)
    bare = _NOT_A_COUNT.sub(" ", bare)
    # "assigned one of four risk tiers" counts tiers, not the systems asked ("one of 14 hospitals" counts hospitals)
    bare = _ONE_OF.sub(lambda m: m.group(0) if names_counted(ask.counted, m.group("what")) else m.group("what"), bare)
    if not any(ask.counted.startswith(u) for u in _TIME_UNITS):
        bare = _DURATION.sub(" ", bare)  # "for at least 60 days" counts days, not the systems asked
    if not ask.counted:
        return bool(_NUMBER.search(bare))
    words = re.findall(r"[\w,.%-]+", bare)
    whose = tokenize(m.group(1)) if (m := _TIME_OF.search(ask.question)) else []
    for i, w in enumerate(words):
        # a near form of the word counted ("reviewer" for "reviews"), not a longer word ("hospitalist")
        if names_counted(ask.counted, w):
            # "three references", or "references ... from at least three practitioners"
            near = " ".join(words[max(0, i - 5) : i] + words[i + 1 : i + 7])
            if re.search(rf"(?<![A-Za-z])\d|\b(?:{NUMBER_WORDS})\b", near, re.I):  # "F1" names a finding
                # "11,200 clinician hours returned", not "62,000 hours of audio" or "4 hours protected time"
                return not whose or whose[0] in tokenize(" ".join(words[max(0, i - 3) : i + 4]))
    return False


#: "When does it take effect", "kick in", "come into force", "become effective": when it starts to apply.
EFFECT_ASK = re.compile(
    r"\b(?:take|takes|taking|took|taken)\s+effect\b|\bkicks?\s+in\b|\bkicked\s+in\b|"
    r"\b(?:come|comes|came|go|goes|went)\s+into\s+(?:force|effect)\b|\bbecomes?\s+effective\b|\beffective date\b",
    re.I,
)
_EFFECTIVE = re.compile(rf"^(?:Effective|In force|Comes into (?:force|effect))\b[^.;]{{0,30}}(?:{MONTHS}|\d)")


def states_effect(sentence: str) -> bool:
    """Does the sentence date when the document applies from ("Effective 1 January 2027")?"""
    return _EFFECTIVE.match(sentence) is not None


def dated(sentence: str) -> bool:
    """Does the sentence state a date, a year or a time limit ("within 48 hours")?"""
    return _DATE.search(sentence) is not None


def gives(ask: Asked, sentence: str) -> bool:
    """Does the sentence state the kind of fact asked for?"""
    focus = ask.focus
    if ask.superlative and not _RANKS.search(sentence):
        return False  # "which vendor has the most" is not answered by a sentence ranking nothing
    if focus is Focus.MONEY:  # "a fee equal to 25% of the remaining subscription fees" states one too
        return bool(MONEY.search(sentence) or SHARE_OF_MONEY.search(sentence))
    if focus is Focus.DATE:
        if _TIME_LIMIT.search(ask.question) and " | " not in sentence and not states_limit(sentence):
            # "what is the deadline": not the day something was counted (a table's row: by its column)
            return conditioned(ask.question, sentence)
        return bool(_DATE.search(sentence) or _RELATIVE.search(sentence)) or conditioned(ask.question, sentence)
    if focus is Focus.RATE:
        # "whose override rate exceeds 90 percent" sets a threshold: it is not the rate a hospital had
        return bool(_RATE.search(_THRESHOLD.sub(" ", sentence) if _VALUE_ASKED.search(ask.question) else sentence))
    if focus is Focus.FREQUENCY:
        return bool(_FREQUENCY.search(sentence))
    if focus is Focus.COUNT:  # how many there were is no bound a rule sets ("qualifies with at least 30 requests")
        ruled = _ACTUAL_COUNT.search(ask.question) and _RULE.search(sentence)  # "tested on over 900 scans" is a count
        return _counts(ask, _COUNT_BOUND.sub(" ", sentence) if ruled else sentence)
    if focus is Focus.DURATION:
        unit = unit_asked(ask.question)
        head = measured(ask.question)
        if head and not any(t.startswith(head[:4]) for t in tokenize(sentence)):
            return False  # "how many hours of training" is not answered by "up to 72 hours" of emergency use
        if unit:  # "how many hours of training": "4 hours", not "24 months"
            return any(unit in m.group(0).lower() for m in (*_DURATION.finditer(sentence), *_DATE.finditer(sentence)))
        # "how long can we keep sending v2 messages" is answered by the date it ends
        return bool(_DURATION.search(sentence) or _DATE.search(sentence))
    if focus is Focus.QUANTITY:
        return bool(_NUMBER.search(sentence))
    if focus is Focus.CODE:
        return bool(_CODE.search(sentence))
    if focus is Focus.PLACE:
        return bool(_PLACE_STATED.search(sentence))
    asked = set(tokenize(ask.question))
    if focus is Focus.PERSON:
        if not holds_office_asked(ask.question, sentence):
            return False  # "Who is the Chief AI Officer?": "our Chief Clinical Information Officer" is another
        # "who chairs the committee" is answered by an office ("the Vice President of the Medical
        # Staff"); "who is the current chair" by a name
        if NAME_WANTED.search(ask.question):
            return names_a_person(sentence, asked)
        return names_a_person(sentence, asked) or assigns_an_office(sentence, asked)
    if focus is Focus.NAMED:
        if COMPANY_ASKED.search(ask.question):
            # "which vendor supplies X" is answered by a company ("Orbisk Medical Ltd", "supplied by
            # Nuance"), not by the document's own capitalised terms ("the Approved Tools Register")
            return names_a_company(sentence, asked)
        return any(not set(tokenize(m.group(0))) & asked for m in _PROPER.finditer(sentence))
    return True


#: "When is it recalibrated?", "when do we escalate?": a present-tense when, which a condition
#: answers as well as a date; "when was it published" asks for a date.
_WHEN_HABITUAL = re.compile(
    r"(?:^\s*|[,;:]\s+)when (?:is|are|do|does|should|must|would)\b(?![^?]*\b(?:due|effective|expected)\b)", re.I
)
_TRIGGER = re.compile(
    r"\b(?:if|whenever|when|once|upon|triggers?|triggered|falls? (?:below|outside|under)|exceeds?|drops?)\b", re.I
)


def conditioned(question: str, sentence: str) -> bool:
    """Does the sentence answer a present-tense "when" with what sets it off ("When is the model
    recalibrated?" - "... when the calibration slope falls outside 0.8-1.2")?"""
    return bool(_WHEN_HABITUAL.search(question) and _TRIGGER.search(sentence))


def corrects_premise(sentence: str, ask: Asked | None = None) -> bool:
    """A sentence saying the thing asked about has no fine, deadline or force of law. Asked for
    a person, a name, a place or a code, only one denying what the question says ("who certifies
    the tool": "the Board does not certify tools"), not any ("do not require evidence")."""
    found = list(_PREMISE.finditer(sentence))
    if not found or ask is None or ask.focus not in (Focus.PERSON, Focus.NAMED, Focus.PLACE, Focus.CODE):
        return bool(found)
    asked = {t[:5] for t in tokenize(ask.question)}
    return any(t[:5] in asked for m in found for t in tokenize(m.group(0)) if len(t) > 3 and t not in _NEGATIONS)


_NEGATIONS = frozenset({"does", "not", "legally"})


#: A question asking for a time limit ("what is the deadline for notifying ...", "how soon
#: must ..."): a limit is stated as a date or as "within 72 hours", in the document's own words.
_TIME_LIMIT = re.compile(
    r"\b(?:deadlines?|time ?limits?|time ?frames?|how soon|by when|due date|cut-?off date)\b", re.I
)


def time_limit_asked(question: str) -> bool:
    """Does the question ask for a time limit (a deadline), whatever its wording?"""
    return _TIME_LIMIT.search(question) is not None or _WHEN_HABITUAL.search(question) is not None


#: A time limit stated: "within 72 hours", "no later than 31 December 2028", "by 15 April", the end
#: of a period ("runs from March 2027 to August 2028") (not "released in May 2023": a date something
#: happened is no deadline).
_LIMIT_STATED = re.compile(
    rf"\b(?:within|(?:no|not) later than|by|before|until|due(?: on| by)?|deadline(?: is| of)?|"
    rf"(?:target|due|completion|compliance) date:?)\s+(?:the\s+)?"
    rf"(?:\d|(?:{NUMBER_WORDS})\b|{MONTHS})|(?:\bto|\bthrough|[–-])\s*(?:\d{{1,2}}\s+)?{MONTHS}\s+\d{{4}}",
    re.I,
)


def states_limit(sentence: str) -> bool:
    """Does the sentence state a time limit ("within 72 hours", "no later than 1 March 2027")?"""
    return _LIMIT_STATED.search(sentence) is not None or _RELATIVE.search(sentence) is not None


def states_period(sentence: str) -> bool:
    """Does the sentence state a length of time or a time relative to an event ("60 days", "the day before")?"""
    return bool(_DURATION.search(sentence) or _RELATIVE.search(sentence))
