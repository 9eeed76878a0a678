"""PHI records: the HIPAA Safe Harbor identifier kinds and one finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class PhiType(StrEnum):
    """A HIPAA Safe Harbor identifier kind (45 CFR 164.514(b)(2)) detectable in text."""

    NAME = "name"
    ADDRESS = "address"  # street address, city, county: geographic units smaller than a state
    ZIP = "zip"
    DATE = "date"  # dates (other than year) tied to a person: birth, admission, discharge, death, visits
    AGE = "age"  # ages over 89
    PHONE = "phone"
    FAX = "fax"
    EMAIL = "email"
    SSN = "ssn"
    MRN = "mrn"
    HEALTH_PLAN = "health_plan"  # health plan beneficiary / member numbers
    ACCOUNT = "account"
    LICENSE = "license"  # certificate and licence numbers (driver's licence, DEA, NPI, passport)
    VEHICLE = "vehicle"  # vehicle identifiers: VIN, licence plates
    DEVICE = "device"  # device identifiers and serial numbers, UDI, MAC, IMEI
    URL = "url"
    IP = "ip"
    OTHER_ID = "other_id"  # any other unique identifying number: claim, prescription, case numbers

    @property
    def placeholder(self) -> str:
        """What redaction writes in place of an identifier of this kind ("[PHONE]", "[SSN]")."""
        return f"[{self.value.upper()}]"


# Kinds whose patterns are specific enough that a hit in ordinary prose is a real problem.
HIGH_PRECISION = frozenset({PhiType.SSN, PhiType.MRN, PhiType.PHONE, PhiType.HEALTH_PLAN, PhiType.ACCOUNT})

# When two findings overlap, the kind earlier here wins (a labelled MRN over a phone-shaped number).
PRIORITY: tuple[PhiType, ...] = (
    PhiType.SSN,
    PhiType.MRN,
    PhiType.HEALTH_PLAN,
    PhiType.ACCOUNT,
    PhiType.LICENSE,
    PhiType.DEVICE,
    PhiType.VEHICLE,
    PhiType.OTHER_ID,
    PhiType.EMAIL,
    PhiType.URL,
    PhiType.IP,
    PhiType.FAX,
    PhiType.PHONE,
    PhiType.DATE,
    PhiType.AGE,
    PhiType.ZIP,
    PhiType.ADDRESS,
    PhiType.NAME,
)


@dataclass(frozen=True)
class Finding:
    """One identifier in the text: its kind and character span (`text[start:end] == self.text`)."""

    type: PhiType
    start: int
    end: int
    text: str
    score: float = field(default=0.9, compare=False)  # how sure: cue-backed 0.9, pattern-only lower

    def to_dict(self) -> dict:
        """The contract form: `{"type", "start", "end", "text"}`."""
        return {"type": str(self.type), "start": self.start, "end": self.end, "text": self.text}


def finding(text: str, kind: PhiType, start: int, end: int, score: float = 0.9) -> Finding:
    """A Finding for text[start:end], trimmed of surrounding space and trailing punctuation."""
    span = text[start:end]
    lead = " \t\n\r:#,;\"'" + ("" if ")" in span else "(")
    trail = " \t\n\r,;:.\"'" + ("" if "(" in span else ")")
    while start < end and text[start] in lead:
        start += 1
    while end > start and text[end - 1] in trail:
        if text[end - 1] == "." and kind in (PhiType.ADDRESS, PhiType.NAME):
            word = text[start : end - 1].split()[-1:] or [""]
            if 1 <= len(word[0]) <= 4 and word[0].isalpha():
                break  # an abbreviation's dot: "St.", "Jr.", "J."
        end -= 1
    return Finding(kind, start, end, text[start:end], score)
