"""A data set's or a study's period is no patient's date.

    >>> text = "The model was trained on 41,200 encounters admitted between 1 March 2018 and 30 June 2022."
    >>> cohort_period(text, text.index("1 March"), text.index(" and"))
    True
    >>> text = "Mr Oyelaran was admitted between 1 March 2018 and 30 June 2022."
    >>> cohort_period(text, text.index("1 March"), text.index(" and"))
    False

A model card, a study or an audit says what data it used by when the data were gathered: "inpatient encounters
admitted between 1 January 2019 and 31 December 2023", "patients discharged from March 2021 to June 2022", "records
since 1 July 2020". Such a period spans many people, so its dates are no one person's. A date is such a period's
when it is an end of a range ("between D and D", "from D to D", "D – D") or follows "since", "after", "before" or
"until", and its sentence speaks of people or records in the plural ("encounters", "patients", "admissions", "the
cohort") and of no one person: no singular patient ("the patient", "a 64-year-old"), no "he", "she", "his", "her",
no title ("Mr", "Dr"), no name, no named person's records ("Roe's admissions"), no birth date or record number. The sentence
must also say the data are many: a count of 100 or more ("61,204 encounters"), several sites ("from 14 hospitals"),
or a data set's own words ("cohort", "data set", "study population"); in a text about no person, a study's words do
too ("all patients", "(n = 412)", "were included", "retrospective"). So "Visits between 3 May and 9 June 2024 were
uneventful." stays redacted, in a patient's note or out of it.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .offices import sentence_around

__all__ = ["cohort_period"]

# Where a date is an end of a range or a bound: "between D", "from D", "since D", "D and D", "D to D", "D – D".
_BOUND_BEFORE = re.compile(r"\b(?:between|from|since|after|before|until|till|through|thru)\s+(?:the\s+)?$", re.I)
_SECOND_BEFORE = re.compile(r"(?:\d|[A-Za-z]{3})\.?,?\s*(?:\band|\bto|\bthrough|\bthru|\buntil|\btill|[-–—])\s*$", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\b", re.I)
_RANGE_AFTER = re.compile(
    r"^\s*(?:and|to|through|thru|until|till|[-–—])\s*(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)",
    re.I,
)
# People or records in the plural: what a data set counts.
_PLURAL = (
    r"(?:patients|encounters|admissions|readmissions|visits|stays|episodes|cases|records|discharges|participants|"
    r"subjects|individuals|people|persons|adults|children|residents|members|beneficiaries|enrollees|notes|claims|"
    r"images|scans|studies|samples|specimens|births|deaths|referrals|prescriptions|orders|alerts|events)"
)
_MANY = re.compile(r"\b" + _PLURAL + r"\b|\b(?:cohorts?|data|data ?sets?|population|registry)\b", re.I)
# A count of 100 or more, or several sites, before a plural ("61,204 encounters", "from 14 hospitals"), or a data
# set's own words: what a note about one patient never says of its dates.
_MANY_STRONG = re.compile(
    r"\b(?:\d{1,3}(?:,\d{3})+|\d{3,})\s+(?:[a-z-]+\s+){0,2}" + _PLURAL + r"\b"
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:hospitals|sites|centres|centers|health systems|practices|clinics|states|countries|provinces|regions)\b"
    r"|\b(?:cohorts?|data ?sets?|study population|registry|training data|validation data|development data)\b",
    re.I,
)
# A study's words about its people or records: "all patients", "(n = 412)", "were included", "retrospective".
_STUDY = re.compile(
    r"\b(?:all|every|each)\s+(?:[a-z-]+\s+){0,2}" + _PLURAL + r"\b|\bn\s*=\s*\d{2,}"
    r"|\b(?:were|was)\s+(?:included|excluded|enrolled|eligible|sampled|surveyed|selected)\b"
    r"|\b(?:retrospective|prospective|consecutive|population|study period)\b",
    re.I,
)
# One person: a singular patient, a pronoun or title, a named person's records, a birth date or record number.
_ONE_PERSON = re.compile(
    r"\b(?:patient|pt)\b(?![s'’-])"
    r"|\b(?:the|this|that|a|an|our|my|your|one)\s+(?:[a-z-]+\s+)?(?:man|woman|boy|girl|child|infant|baby|"
    r"gentleman|lady|resident|client)\b(?!s)"
    r"|\b(?:he|she|his|her|him|hers|himself|herself|mr|mrs|ms|miss|mx|dr)\b|\b(?:patient|pt)['’]s\b"
    r"|\b(?-i:[A-Z])[\w-]*['’]s\s+(?:[a-z-]+\s+){0,2}" + _PLURAL + r"\b"
    r"|\b(?:dob|d\.o\.b|date of birth|born|mrn|ssn|y/o)\b|\byear-old\b",
    re.I,
)


def _bound(text: str, start: int, end: int) -> bool:
    """The date at text[start:end] is an end of a range or follows a bound word ("since", "until")."""
    before = text[max(0, start - 80) : start]
    if _BOUND_BEFORE.search(before) or _RANGE_AFTER.match(text[end : end + 16]):
        return True
    second = _SECOND_BEFORE.search(before)
    if not second:
        return False
    connector = second.group(0).lower()
    return "and" not in connector or bool(_BETWEEN.search(before))  # "between D and D", not "on D and D"


def cohort_period(text: str, start: int, end: int, anchored: bool = False, names: Collection[str] = ()) -> bool:
    """The date at text[start:end] bounds the period of a data set or a study, in a sentence about many people or
    records and no one person (nor any of `names`, the people the screen found), that counts many of them, names a
    data set or, in a text about no person (not `anchored`), speaks as a study does (see the module's docstring)."""
    if not _bound(text, start, end):
        return False
    sentence, _ = sentence_around(text, start, end)
    if _ONE_PERSON.search(sentence) or not _MANY.search(sentence) or any(n in sentence for n in names):
        return False
    return bool(_MANY_STRONG.search(sentence) or (not anchored and _STUDY.search(sentence)))
