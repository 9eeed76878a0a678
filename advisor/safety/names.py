"""Personal names without a model: bundled given-name and surname lists plus context cues
(titles, 'Patient:', 'her daughter', 'is a 67-year-old', 'DOB'), then every later mention of a
name already found."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from .contacts import business_contact
from .meetings import meeting_record, member
from .namelists import name_lists
from .offices import office_holder, patient_context
from .phi_types import Finding, PhiType, finding

_LETTER = r"A-Za-zÀ-ÖØ-öø-ÿĀ-ſ"
_UPPER = r"A-ZÀ-ÖØ-ÞĀ-Ž"
# One capitalised name token: "Smith", "O'Brien", "McDonald", "Giunti-Carriera", "DeSalvo", or an initial "J."
_TOKEN = rf"(?:[{_UPPER}]\.|[{_UPPER}][{_LETTER}]+(?:['’-][{_UPPER}]?[{_LETTER}]+)*)"
_RUN = re.compile(rf"{_TOKEN}(?:[ \t]+(?:(?:de|del|de la|van|von|da|di|le|la|bin|al)[ \t]+)?{_TOKEN}){{0,3}}")

_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sr|Sra|Srta)\.?\s*$")
_LABEL = re.compile(
    r"\b(?:patient|pt|name|patient name|full name|client|resident|guardian|spouse|wife|husband|partner|son|daughter|"
    r"mother|father|brother|sister|grandmother|grandfather|aunt|uncle|cousin|friend|neighbou?r|caregiver|"
    r"emergency contact|contact person|contact|next of kin|nok|attending|pcp|physician|provider|surgeon|nurse|"
    r"therapist|signed by|seen by|referred by|dictated by|electronically signed by|accompanied by|cc|to|from|"
    r"dear|patient is|named|called|with|by|per|and|for|of|mom|dad)\b\s*[:,]?\s*$",
    re.I,
)
_STRONG_LABEL = re.compile(
    r"\b(?:patient|pt|name|patient name|full name|client|resident|guardian|spouse|wife|husband|son|daughter|mother|"
    r"father|brother|sister|contact|emergency contact|next of kin|nok|caregiver|signed by|seen by|referred by|dear|named)\b"
    r"\s*[:,]?\s*$",
    re.I,
)
# After a name: words said only of a person ("presented", "was admitted", ", a 67-year-old", "(daughter)").
_PERSON_AFTER = re.compile(
    r"^(?:,\s*(?:an?\s+\d|age|aged|dob|mrn|born|who)\b|,\s*\d{1,3}\s*(?:y|yo|y/o|years?)?\s*[MF]?\b(?!\s*(?:%|per\s*cent)|[.,]\d)"
    r"|\s+\((?:dob|mrn|age|\d{1,3}\s*(?:y|yo|y/o|years?)?\s*[MF]?\))"
    r"|\s+(?:is|was)\s+an?\s+\d{1,3}[- ](?:years?|yrs?|y|month|week|day)"
    r"|\s+\((?:daughter|son|wife|husband|mother|father|spouse|sister|brother|friend|guardian|caregiver|niece|nephew|"
    r"partner|grandson|granddaughter|aunt|uncle|cousin|neighbou?r|mom|dad)\)"
    r"|\s+(?:was|is|has been|had been)\s+(?:admitted|seen|discharged|evaluated|referred|transferred|born|diagnosed|"
    r"brought|treated|prescribed|readmitted)"
    r"|\s+(?:presented|presents)\s+(?:with|to)\b|\s+(?:denies|denied|complains|complained|arrived|underwent|tolerated|declined|agreed|came|"
    r"comes|lives|died|passed away|endorses)\b)",
    re.I,
)
# Words after a name that a product or organization may take too ("is", "reports", "'s"): evidence only with a
# listed given name or surname.
_AFTER = re.compile(
    r"^(?:'s?\b|’s?\b|\s+(?:was|is)\s+(?:given|started|scheduled)|\s+(?:reports|reported|states|stated|returns|"
    r"returned|called|notes|noted|was|is)\b)",
    re.I,
)
# "Model name:", "product name:": the label names a thing, not a person.
#: "the Speaker of the House": a lone capitalised word after "the" names a body or a place, not a person.
_THE = re.compile(r"\bthe\s+$", re.I)
_THING_NAME = re.compile(
    r"\b(?:model|product|device|brand|trade|proprietary|system|software|tool|vendor|company|organi[sz]ation|"
    r"developer|manufacturer|file|algorithm|application|app|study|project|drug|generic|site|facility|plan|"
    r"program|test|assay|feature|module|version)\s+name\s*[:,]?\s*$",
    re.I,
)
# Words that end an organization's name: the capitalised words before them name a company, not a person.
_ORG_WORDS_TEXT = """Inc Incorporated LLC LLP Ltd Limited Corp Corporation Co Company GmbH AG SA PLC Health Healthcare Medical
    Medicine Technologies Technology Tech Labs Laboratories Systems Solutions Software Group Partners Hospital
    Hospitals Clinic Clinics Center Centre Institute University Foundation Diagnostics Therapeutics
    Pharmaceuticals Pharma Analytics Imaging Networks Services Biosciences Bio Devices Robotics Informatics"""
_ORG_WORDS = frozenset(_ORG_WORDS_TEXT.split())
_ORG_AFTER = re.compile(r"^,?\s*(?:Inc|LLC|LLP|Ltd|Corp|Co|GmbH|PLC)\b\.?")
# CamelCase surnames and given names start with one of these ("McDonald", "DeShawn", "LaToya", "VanDyke").
_NAME_PREFIXES_TEXT = "Mc Mac De Di Da Del Della Le La Lo Du Van Von Vander Fitz St Ja Sha Ke Ty Tre Ra"
_NAME_PREFIXES = frozenset(_NAME_PREFIXES_TEXT.split())

# Month and weekday names: a date's words, a person's name only after a title or relation ("Mrs. May").
_CALENDAR_TEXT = """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday"""
_CALENDAR = frozenset(_CALENDAR_TEXT.split())
# A number (or percentage) right before a word: the word is what is counted or dated ("19 percent Black",
# "30 June", "12 Asian"), not a person.
_COUNT_BEFORE = re.compile(r"\d[ \t]*(?:%|per[ \t]*cent)?[ \t]*$", re.I)
# A day before a month name ("30 June", "30th of June") and a day or year after it ("June 30", "June 2022").
_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[ \t]*(?:of[ \t]+)?$", re.I)
_DATE_AFTER = re.compile(r"^\.?,?[ \t]*\d")
# The counter after a run's last word "Page" in a running footer ("Page 2 of 9", "Page 2/9"). Not offices.PAGE_COUNT:
# that one wants spaces around "of" or "/" (and lets a line break follow "Page"); shared either way, "Drift Response
# Page 2/9" would be read as a name, or a "Policy No." beside "Page 2/9" would count as a document's own number.
_PAGE_COUNT_AFTER = re.compile(r"^[ \t]+\d+[ \t]*(?:of|/)[ \t]*\d+\b", re.I)

# Relations and roles: the capitalised words after them are a person's name.
_KIN = re.compile(
    r"\b(?:spouse|wife|husband|partner|son|daughter|mother|father|brother|sister|guardian|caregiver|next of kin|"
    r"emergency contact|signed by|seen by|referred by|dictated by|dear|named|grandson|granddaughter|niece|nephew)"
    r"\s*[:,]?\s*$",
    re.I,
)
# A relation after a name's possessive ("Roe's daughter").
_KIN_AFTER = re.compile(
    r"\s+(?:daughter|son|wife|husband|mother|father|spouse|sister|brother|guardian|caregiver|partner|grandson|"
    r"granddaughter|niece|nephew|mom|dad)\b",
    re.I,
)
# Capitalised words that start a sentence or name an organization, document or concept, never a person here.
_NOT_NAME_WORDS = """
The A An This That These Those It Its He She His Her They Their We Our You Your I If In On At By For From To Of And
Or But Not No Yes All Any Each Every Some Such Other Another Both Either Neither More Most Many Much Few Per With
Without Within Under Over After Before During Since Until While When Where Which Who Whom Whose What Why How Patient
Patients Pt Name Mr Mrs Ms Dr Prof Professor Hospital Clinic Center Centre Health Healthcare Medical Medicine Care System
Systems Department Dept University College School Institute Foundation Association Society Council Committee
Commission Board Agency Office Services Service Group Network Partners Inc Corp Co Ltd LLC Company Act Rule Rules
Law Regulation Standard Standards Framework Guide Guidance Policy Plan Program Report Section Part Chapter Article
Appendix Table Figure Note Notes Version Review Data Risk Model Models Management Quality Safety Security Privacy AI
ML EHR FDA ONC CMS HHS NIST WHO CHAI HIPAA ISO IEC EU US USA UK Federal State National International Global General
Joint Public Private Clinical Digital Emergency Primary Urgent Family Internal Street Avenue Road County City North
South East West New Old Saint St Mount January February March July September October November December Monday
Tuesday Wednesday Thursday Friday Saturday Sunday Today Tomorrow Yesterday Daily Weekly Monthly Annual History
Physical Assessment Diagnosis Discharge Admission Summary Progress Chief Complaint Plan Allergies Medications
Medication Vitals Labs Imaging Impression Problem Problems Social Surgical Past Review Exam Examination Follow
Return Instructions Home Work Phone Fax Email Address Insurance Member Account License Device Serial Policy Group
Date Birth DOB MRN SSN Age Sex Male Female Race Language English Spanish Christmas Easter Medicare Medicaid Blue
Cross Shield Aetna Cigna Humana United Kaiser Mayo Cleveland Johns Hopkins Spouse Wife Husband Partner Son Daughter
Mother Father Brother Sister Guardian Caregiver Contact Emergency Relative Friend Neighbor Neighbour Grandmother
Grandfather Aunt Uncle Cousin Niece Nephew Mom Dad Attending Nurse Physician Reviewed Signed Seen Dictated
Transcribed Called Spoke Discussed Continue Start Stop Increase Decrease Follow-up Officer Owner Manager Director
Chair Chairperson Coordinator Senior Responsible Executive Sponsor Steward Champion Administrator Accountable
"""
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _tokens(run: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), offset + m.start(), offset + m.end()) for m in re.finditer(_TOKEN, run)]


def _strip(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Drop leading and trailing words that are not names ("Patient", "Hospital")."""
    while tokens and tokens[0][0].rstrip(".") in _NOT_NAME:
        tokens = tokens[1:]
    while tokens and (tokens[-1][0].rstrip(".") in _NOT_NAME or (len(tokens[-1][0]) == 2 and tokens[-1][0][1] == ".")):
        tokens = tokens[:-1]
    return tokens


def _in_date(text: str, token: tuple[str, int, int]) -> bool:
    """A month or weekday name with a day or year beside it ("30 June", "June 2022", "Monday 3")."""
    return _fold(token[0]).rstrip(".") in _CALENDAR and bool(
        _DAY_BEFORE.search(text[max(0, token[1] - 12) : token[1]]) or _DATE_AFTER.match(text[token[2] : token[2] + 4])
    )


def _undated(text: str, tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The run without a month name that a day or year beside it makes part of a date ("on 30 June",
    "Mary Smith June 3"), nor the page counter of a running header or footer ("Drift Response Page 2 of 9");
    a lone word stays for the title check ("Mrs. May")."""
    if len(tokens) > 1 and tokens[-1][0] == "Page" and _PAGE_COUNT_AFTER.match(text[tokens[-1][2] :]):
        tokens = tokens[:-1]
    if len(tokens) > 1 and _in_date(text, tokens[-1]):
        tokens = tokens[:-1]
    if len(tokens) > 1 and _in_date(text, tokens[0]):
        tokens = tokens[1:]
    return tokens


def _counted_or_dated(text: str, tokens: list[tuple[str, int, int]]) -> bool:
    """A lone month or weekday name ("in June is"), or a lone word a number counts ("19 percent Black",
    "30 June"): a date's or a quantity's word, not a person's name."""
    word, start, _ = tokens[0]
    return len(tokens) == 1 and (
        _fold(word).rstrip(".") in _CALENDAR or bool(_COUNT_BEFORE.search(text[max(0, start - 16) : start]))
    )


def _listed(tokens: list[tuple[str, int, int]]) -> tuple[bool, bool]:
    first, last = name_lists()
    words = [_fold(t[0]).strip(".") for t in tokens]
    return words[0] in first, words[-1] in last or words[-1].split("-")[0] in last


def _is_name_shaped(tokens: list[tuple[str, int, int]]) -> bool:
    return bool(tokens) and all(not t[0].isupper() or len(t[0]) <= 2 for t in tokens if len(t[0]) > 2)


def _label_comma_names(text: str) -> list[Finding]:
    """'Patient: SMITH, JOHN A' and 'Name: Smith, John' after a label."""
    pattern = re.compile(
        rf"\b(?:patient|pt|name|patient name|full name)\s*[:]\s*(?P<v>[{_UPPER}][{_LETTER}'’-]+,\s*[{_UPPER}][{_LETTER}'’-]+"
        rf"(?:\s+[{_UPPER}]\.?(?![{_LETTER}]))?)",
        re.I,
    )
    return [finding(text, PhiType.NAME, m.start("v"), m.end("v")) for m in pattern.finditer(text)]


def product_shaped(token: str) -> bool:
    """A CamelCase or hyphenated product word ("StrokeAlert", "PathAI", "Voice-to-SOAP"), unless the name lists
    hold it or its inner capital follows a name prefix ("McDonald", "DeShawn")."""
    first, last = name_lists()
    folded = _fold(token).rstrip(".")
    if folded in first or folded in last:
        return False
    for i, part in enumerate(folded.split("-")):
        if not part:
            continue
        if (i and part[0].islower()) or (len(part) >= 2 and part.isupper()):
            return True
        for piece in re.split(r"['’]", part):
            humps = [j for j in range(1, len(piece)) if piece[j].isupper()]
            if humps and (piece[humps[0] - 1].isupper() or len(humps) > 1 or piece[: humps[0]] not in _NAME_PREFIXES):
                return True
    return False


def product_terms(*texts: str) -> frozenset[str]:
    """Capitalised words of a document's title or publisher ("Acme StrokeAlert model card") that may name its
    product or vendor; listed names are left out, so a title naming a person never shields that person."""
    first, last = name_lists()
    words = {_fold(w).rstrip(".") for t in texts for w in re.findall(_TOKEN, t or "")}
    return frozenset(w for w in words if len(w) >= 2 and w not in first and w not in last and w not in _NOT_NAME)


def _organization(text: str, raw: list[tuple[str, int, int]]) -> bool:
    """The capitalised run names an organization: "Acme Health", "Orbit Labs", "Acme, Inc."."""
    return any(t[0].rstrip(".") in _ORG_WORDS for t in raw) or bool(_ORG_AFTER.match(text[raw[-1][2] :]))


def _not_a_person(text: str, raw: list[tuple[str, int, int]], tokens: list[tuple[str, int, int]]) -> bool:
    """Product-shaped words or an organization's name."""
    return any(product_shaped(t[0]) for t in tokens) or _organization(text, raw)


def _own_product(tokens: list[tuple[str, int, int]], terms: frozenset[str]) -> bool:
    """The run uses the document's own product or vendor words and starts with no listed given name."""
    first, _ = name_lists()
    folded = [_fold(t[0]).rstrip(".") for t in tokens]
    return any(w in terms for w in folded) and folded[0] not in first


def _unlisted(tokens: list[tuple[str, int, int]]) -> set[str]:
    """The words of a run that neither name list holds."""
    first, last = name_lists()
    words = {_fold(t[0]).rstrip(".") for t in tokens}
    return {w for w in words if len(w) > 2 and w not in first and w not in last}


def _common_word(text: str, tokens: list[tuple[str, int, int]]) -> bool:
    """A capitalised word the lists do not hold that the same text also writes in lower case ("Aneurysm")."""
    first, last = name_lists()
    for word, _, _ in tokens:
        w = _fold(word).rstrip(".")
        if len(w) > 2 and w not in first and w not in last and re.search(rf"\b{re.escape(word.lower())}\b", text):
            return True
    return False


def names(text: str, not_names: Collection[str] = ()) -> list[Finding]:
    """Personal names in `text` (see `names_and_offices`)."""
    return names_and_offices(text, not_names)[0]


def names_and_offices(text: str, not_names: Collection[str] = ()) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Personal names, and the spans of the names given with an office (kept, see below).

    Personal names: title or label (score 0.95), lists plus a cue (0.85), lists alone (0.7), later mentions.

    A name needs person evidence: a title, a label or relation, a listed name, or words said only of a person.
    A person given with an office at an organization or as a document's author, approver or signatory
    (`offices.office_holder`), or as a meeting's member, guest or voter or a report's author (`meetings.member`;
    `not_names` holding "Minutes" or "Agenda" says the document records a meeting), is not taken for a patient,
    nor are later mentions of them.
    Product-shaped words and organizations are never taken for a person unless a title ("Dr.", "Mrs.") precedes
    them; `not_names` (the document's own product and vendor words, see `product_terms`) are not either, unless
    a title, a relation ("daughter") or words said only of a person ("was admitted") go with them."""
    terms = frozenset(not_names)
    meeting = meeting_record(text, terms)  # a meeting's record: its members are named by what they do there
    found: list[Finding] = _label_comma_names(text)
    weak: list[tuple[Finding, set[str]]] = []  # found on a listed name or a cue alone, with their unlisted words
    things: set[str] = set()  # unlisted words of capitalised runs with no person evidence ("Brain Aneurysm")
    office: set[str] = set()  # words of names given with an office ("Our Chief Medical Officer, Dr. X")
    held: list[tuple[int, int]] = []  # where those names are
    for m in _RUN.finditer(text):
        raw = _tokens(m.group(0), m.start())
        tokens = _undated(text, _strip(raw))
        if not tokens:
            continue
        s, e = tokens[0][1], tokens[-1][2]
        before = text[max(0, s - 40) : s].split("\n")[-1]
        after = text[e : e + 40]
        title = bool(_TITLE.search(before))
        if not title and _not_a_person(text, raw, tokens):
            continue
        in_first, in_last = _listed(tokens)
        thing = bool(_THING_NAME.search(before))
        label = bool(_LABEL.search(before)) and not thing
        strong_label = bool(_STRONG_LABEL.search(before)) and not thing
        person_after = bool(_PERSON_AFTER.match(after))
        cue_after = person_after or bool(_AFTER.match(after))
        if not (_is_name_shaped(tokens) or title or strong_label):
            continue  # an all-capitals heading
        multi = len(tokens) >= 2
        # a relation before the name, or after its possessive ("Olander's daughter"): a person's family
        kin = _KIN.search(before) or (tokens[-1][0][-2:] in ("'s", "’s") and _KIN_AFTER.match(after))
        if not (title or kin or strong_label) and _counted_or_dated(text, tokens):
            continue
        if not (title or kin or person_after) and _own_product(tokens, terms):
            # the document's product: only words said of a person alone would make it one; its words also
            # clear a look-alike run ("Brian Aneurysm", a typo of the product "Brain Aneurysm")
            things |= _unlisted(tokens)
            continue
        if office_holder(text, s, e) or member(text, s, e, meeting) or business_contact(text, s, e, terms):
            office |= {t[0] for t in tokens}
            held.append((s, e))
            continue
        strong = kin or (strong_label and (before.rstrip().endswith(":") or in_first or in_last))
        unlisted = _unlisted(tokens)
        if title or (strong and (multi or in_first or in_last)):
            found.append(finding(text, PhiType.NAME, s, e, 0.95))
        elif _common_word(text, tokens):
            continue
        elif multi and ((in_first and in_last) or ((in_first or in_last) and (label or cue_after))):
            weak.append((finding(text, PhiType.NAME, s, e, 0.85 if (label or cue_after) else 0.7), unlisted))
        elif multi and person_after and (label or _sentence_start(text, s)):
            weak.append((finding(text, PhiType.NAME, s, e, 0.8), unlisted))
        elif (
            not multi
            and (in_first or in_last)
            and cue_after
            and not _sentence_start(text, s)
            and not _THE.search(before)
        ):
            weak.append((finding(text, PhiType.NAME, s, e, 0.6), unlisted))
        elif multi and len(unlisted) == len(tokens):  # no word of it is a listed name, nor an initial
            things |= unlisted
    found += [f for f, unlisted in weak if not unlisted & things]
    # the office holder's name elsewhere ("Dr. Lindqvist chairs it") is theirs too, unless said of a patient
    found = [f for f in found if not set(re.findall(_TOKEN, f.text)) <= office or patient_context(text, f.start, f.end)]
    return found + _later_mentions(text, found), held


def _sentence_start(text: str, i: int) -> bool:
    before = text[:i].rstrip()
    return not before or before[-1] in ".!?:\n" or text[max(0, i - 2) : i] == "\n"


def _later_mentions(text: str, found: list[Finding]) -> list[Finding]:
    """Each word of a name already found, wherever else it appears capitalised."""
    words = {
        w for f in found if f.score >= 0.7 for w in re.findall(_TOKEN, f.text) if len(w) >= 3 and w not in _NOT_NAME
    }
    words |= {w.rstrip(",").title() for f in found for w in f.text.split() if f.text.isupper() and len(w) >= 3}
    if not words:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
    mentions = [(m.group(0), m.start(), m.end()) for m in pattern.finditer(text)]
    return [
        finding(text, PhiType.NAME, s, e, 0.8)
        for w, s, e in mentions
        if not (_in_date(text, (w, s, e)) or _COUNT_BEFORE.search(text[max(0, s - 16) : s]))
    ]
