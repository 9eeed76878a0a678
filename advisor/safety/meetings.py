"""A meeting's record and a report's byline are the organization's business, not a patient's.

    >>> member("Motion carried 5–1 (Dr. Ines Varga opposed).", 24, 34, meeting=True)
    True
    >>> meeting_date("The minutes of the 4 May 2026 meeting were approved.", 19, 29)
    True

Minutes name their people by what they do at the meeting: "Dr. X presented the dashboard", "Mr. Y opposed",
"Ms. Z abstained", "Dr. X (not yet present)". In a text that records a meeting's business (a motion, its mover and
seconder, a vote's count, a quorum, "the Chair", or a document titled "Minutes" or "Agenda"), such a person is a
member or a guest. So is everyone in an attendance table (a header naming roles, a present/absent/guest cell) and
every author in a byline whose names carry degrees ("Ann Roe, MD; Bo Lee, PhD; Cy Poe, MS"). The dates of the
meeting's own business stay too: "the minutes of the 4 May meeting", "the go-live date was 3 August", "the
certificate expires on 31 December", "wave one from 1 November".

None of this holds in a text naming a patient's identity (a birth date, a record number, an age), for a person
said to be a patient or relative, or in a sentence telling a patient's event ("presented with", "was admitted").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .offices import (
    CREDENTIAL,
    IDENTITY,
    PATIENT_EVENT,
    PATIENT_LINE,
    PERSONAL_AFTER,
    clause_before,
    patient_cell,
    patient_context,
    role_row,
    sentence_around,
)

__all__ = ["meeting_date", "meeting_record", "member"]

# Words only a meeting's record uses: a motion, its mover and seconder, a vote's count, the quorum, the Chair.
# Not a joint's "range of motion:", "abstained from alcohol" or "within minutes of the injection".
_MEETING_CUE = re.compile(
    r"(?<!of )\bmotion\s*:|\b(?:the|a|this)\s+motion\s+(?:to|was|is|carried|passed|failed|lapsed)\b"
    r"|\b(?:moved|seconded)\s+by\b|\b(?:carried|passed|defeated|approved)\s+(?:unanimously|\d{1,2}\s*[–—-]\s*\d{1,2})\b"
    r"|\bquorum\b|\b(?:\d+|one|two|no)\s+abstentions?\b|\babstained\b(?!\s+from)|\bthe\s+minutes\s+of\s+the\b"
    r"|\bagenda\s+items?\b|\bvoting\s+members?\b|(?-i:\b[Tt]he Chair\b)",
    re.I,
)
# A patient's identity or age: a text giving one is about a patient, whatever meeting it records.
_PATIENT_IDENTITY = re.compile(r"\b\d{1,3}[- ]?(?:years?[- ]old|yo|y\.o\.)|\baged?\s+\d", re.I)
# A document title's words naming a meeting's record ("AI Council — Minutes of the Regular Meeting").
_RECORD_TITLE = frozenset({"Minutes", "Agenda", "Proceedings"})


def meeting_record(text: str, title_words: Collection[str] = ()) -> bool:
    """The text records a meeting's business (a motion, a vote, the quorum, the Chair), or its document's title
    says it does ("Minutes"); never a text naming a patient's identity (a birth date, a record number, an age)."""
    if IDENTITY.search(text) or _PATIENT_IDENTITY.search(text):
        return False
    return bool(_MEETING_CUE.search(text)) or bool(_RECORD_TITLE & set(title_words))


# ---------------------------------------------------------------------------- people

# What a member does at a meeting, right after their name (or a bracketed role): votes, motions, presentations.
_MEMBER_AFTER = re.compile(
    r"^\s*(?:\([^()\n]{1,60}\)\s*)?(?:(?:then|also|again|briefly|formally)\s+)?(?:"
    r"opposed|abstained(?!\s+from)|dissented|objected|voted|recused|seconded|chaired|tabled|"
    r"moved\s+(?:that|the\s+motion|adoption|approval|acceptance)|"
    r"presented\s+(?:the|a|an|revision|version|findings|results|data|an?\s+update|on\s+behalf)\b|"
    r"described|shared|outlined|summari[sz]ed|demonstrated|introduced|briefed|"
    r"gave\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:briefing|presentation|update|report|overview|demonstration|demo|"
    r"summary|talk|walkthrough)\b|"
    r"(?:asked|requested|proposed|suggested|recommended|noted|reported|confirmed)\s+(?:that|whether|for)\b|"
    r"(?:joined|left)\s+(?:the\s+meeting|at\s+\d)|sent\s+(?:apologies|regrets)|"
    r"(?:(?:was|were)\s+)?(?:not\s+(?:yet\s+)?)?(?:present|absent)\b(?!\s+(?:with|to|at|for|in|on)\b))",
    re.I,
)
# A complaint, a symptom, a dose or a relative in the sentence: what is described or reported is a patient's story.
_CLINICAL = re.compile(
    r"\b(?:pain\w*|aches?|aching|fevers?|febrile|rash\w*|symptom\w*|bleed\w*|fell|falls?(?!-)|injur\w*|wounds?|"
    r"nausea\w*|vomit\w*|cough\w*|breath\w*|dizz\w*|swell\w*|medications?|dos(?:e|es|ing)|history\s+of|allerg\w*|"
    r"complain\w*|worsen\w*|chest|headaches?|seizures?|confus\w*|son|daughter|wife|husband|spouse|mother|father|"
    r"brother|sister|guardian|caregiver|next\s+of\s+kin)\b",
    re.I,
)
# An attendance table: its header names a status or attendance column, or the row says who was there.
_ATTENDANCE_HEADER = re.compile(r"\b(?:status|attendance|attended|attending|present|apologies)\b", re.I)
_ATTENDANCE_CELL = re.compile(
    r"^\s*(?:present|absent|apologies|regrets|excused|guest|observer|in attendance|attended|did not attend)\b", re.I
)
# A byline: names with their degrees, the list's items split by semicolons or bullets.
_DEGREES = r"(?:\s*,\s*" + CREDENTIAL + r"\.?)+"
_BYLINE_ITEM_AFTER = re.compile(r"^" + _DEGREES + r"[ \t]*(?:[;·•]|$)", re.M)
_BYLINE_ITEM_BEFORE = re.compile(CREDENTIAL + r"\.?\s*[;·•]\s*$")
_BYLINE_NEXT = re.compile(
    r"^" + _DEGREES + r"\s*[;·•]\s*(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*" + _DEGREES + r"[ \t]*(?:[;·•]|$)", re.M
)


def _attendance_row(text: str, start: int, end: int) -> bool:
    """A name in a table row under a header naming roles, in an attendance table: the header names a status or
    attendance column, or a cell of the row says the person was present, absent or a guest."""
    found = role_row(text, start, end)
    if found is None:
        return False
    _, header, cells = found
    if not (_ATTENDANCE_HEADER.search(header) or any(_ATTENDANCE_CELL.match(c) for c in cells)):
        return False
    return not any(patient_cell(c) for c in cells)


def _byline(text: str, start: int, end: int) -> bool:
    """A name with its degrees on a list of names with degrees ("Ann Roe, MD; Bo Lee, PhD; Cy Poe, MS")."""
    if not _BYLINE_ITEM_AFTER.match(text[end : end + 80]):
        return False
    return bool(
        _BYLINE_ITEM_BEFORE.search(text[max(0, start - 40) : start]) or _BYLINE_NEXT.match(text[end : end + 200])
    )


def member(text: str, start: int, end: int, meeting: bool) -> bool:
    """The name at text[start:end] is a meeting's member or guest, or a report's author: on an attendance table's
    row, on a byline with degrees, or (in a meeting's record, see `meeting_record`) followed by what members do
    ("opposed", "presented the", "abstained") in a sentence telling no complaint, symptom, dose or relative;
    never a person said to be a patient or relative."""
    named = (
        _attendance_row(text, start, end)
        or _byline(text, start, end)
        or (
            meeting
            and bool(_MEMBER_AFTER.match(text[end : end + 80]))
            and not _CLINICAL.search(sentence_around(text, start, end)[0])
        )
    )
    return named and not (PERSONAL_AFTER.match(text[end : end + 40]) or patient_context(text, start, end))


# ---------------------------------------------------------------------------- dates

# The meeting a date names: "the 4 May 2026 meeting", "the 3 June Council session".
_MEETING_AFTER = re.compile(
    r"^\s*(?:(?:regular|special|annual|extraordinary|ordinary|general|board|council|committee|steering|quarterly|"
    r"monthly)\s+)?(?:meeting|session|minutes)\b",
    re.I,
)
# A meeting's or a project's business before the date in its clause: "go-live date was", "expires on", "wave one
# from", "Motion: Approve ... from".
_EVENT_BEFORE = re.compile(
    r"\b(?:minutes|meeting|motion|go[- ]live|went\s+live|goes\s+live|launch\w*|roll(?:ed|s|ing)?[- ]?out|"
    r"wave\s+(?:one|two|three|four|\d)|pilot\w*|deploy\w*|implement\w*|cut-?over|expir(?:es|y|ation)|renew\w*|"
    r"deadline|approve[sd]?|adopt\w*|vote|ballot)\b",
    re.I,
)
# A care word modifying a product's name ("the discharge-summary drafting pilot"): no patient's event.
_CARE_COMPOUND = re.compile(r"\b(?:discharge|admission|readmission|visit|encounter|appointment)-(?=[A-Za-z])", re.I)


def meeting_date(text: str, start: int, end: int) -> bool:
    """The date at text[start:end], in a meeting's record, dates the meeting's own business: the meeting it names
    ("the 4 May meeting"), or a go-live, rollout, expiry, deadline or motion in its clause; never in a sentence
    naming a patient or relative, or telling a patient's event."""
    named = _MEETING_AFTER.match(text[end : end + 40]) or _EVENT_BEFORE.search(clause_before(text, start, 100))
    if not named:
        return False
    sentence, _ = sentence_around(text, start, end)
    return not (PATIENT_LINE.search(sentence) or PATIENT_EVENT.search(_CARE_COMPOUND.sub(" ", sentence)))
