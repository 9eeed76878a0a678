"""A business contact line is the organization's, not a patient's.

    >>> business_contact("Contact: Marta Kovac, Orrin Health Inc., (614) 555-0182", 9, 20)
    True
    >>> business_contact("Emergency contact: Marta Kovac, Orrin Health Inc., (614) 555-0182", 19, 30)
    False

A document's contact, ownership or signature line names a person under a role or contact label ("Clinical safety
officer:", "Product owner:", "Contact:", "Regulatory contact:", "Support:") with their organization (a legal name,
"Tarnwick Diagnostics Ltd.", or the document's own product or vendor words) or a business e-mail address on the
same line. That person, and the phone and e-mail after their name, are the organization's published contact.
Never when the label is a patient's or a relative's ("Patient:", "Emergency contact:", "Next of kin:"), when the line
tells a patient's event or a relation ("(daughter)", "admitted"), or when a patient's identity (a birth date, a
record number) is in the lines around it.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .offices import (
    _IDENTITY,
    _OFFICE_HEAD,
    _PATIENT_LINE,
    _PERSONAL_AFTER,
    _PRIVATE_LINE,
    EMAIL,
    LEGAL_ENTITY,
    PATIENT_EVENT,
    without_organizations,
)

__all__ = ["business_contact"]

# A label's last word naming a role or a contact: an office ("officer", "director", "owner", "lead"), or a contact
# point ("contact", "support", "enquiries", "liaison", "representative").
_ROLE = (
    r"(?:" + _OFFICE_HEAD + r"|contacts?|support|enquiries|inquiries|liaison|representative|responsible person|"
    r"point of contact|escalation)"
)
_TITLE = r"(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Professor)\.?[ \t]*)?"
# The label opening the name's line or cell: "Clinical safety officer: Dr. ", "• Regulatory contact – ".
_LABEL = re.compile(
    r"^[ \t]*(?:[-*•·][ \t]*)?(?P<label>(?:[\w/&'’().-]+[ \t]+){0,5}?" + _ROLE + r")[ \t]*[:–—-][ \t]*" + _TITLE + r"$",
    re.I,
)
# A role in a cell of its own before the name's cell ("Clinical safety officer | Dr. X, Acme Ltd").
_LABEL_CELL = re.compile(r"^[ \t]*(?P<label>(?:[\w/&'’().-]+[ \t]+){0,5}?" + _ROLE + r")[ \t]*:?[ \t]*$", re.I)
# A label that is a patient's or a relative's, or a private line's ("Emergency contact:", "Home contact:").
_PERSONAL_LABEL = re.compile(r"\b(?:emergency|home|personal|private|own|employer|school|work)\b", re.I)
# Free mail: an address there is a person's own, not their employer's.
_FREE_MAIL_TEXT = """gmail googlemail yahoo ymail hotmail outlook live msn aol icloud me mac proton protonmail gmx mail yandex
    zoho comcast verizon att btinternet sky virginmedia"""
_FREE_MAIL = frozenset(_FREE_MAIL_TEXT.split())
# A patient's field label near the line ("Patient name:", "Pt:").
_PATIENT_FIELD = re.compile(r"^[ \t]*(?:patient|pt|client|resident)(?:'s)?(?:[ \t]+name)?[ \t]*:", re.I | re.M)


def _label(text: str, start: int) -> str | None:
    """The role or contact label right before the name on its line or in the cell before it."""
    cells = text[text.rfind("\n", 0, start) + 1 : start].split("|")
    found = _LABEL.match(cells[-1])
    if not found and len(cells) > 1 and re.fullmatch(r"[ \t]*" + _TITLE, cells[-1]):
        found = _LABEL_CELL.match(cells[-2])
    return found.group("label") if found else None


def _business_mail(rest: str) -> bool:
    """An e-mail address on the line at a domain that is no free-mail provider's."""
    return any(m.group(0).split("@")[1].split(".")[0].lower() not in _FREE_MAIL for m in EMAIL.finditer(rest))


def _organization(rest: str, terms: Collection[str]) -> bool:
    """The line names an organization: a legal name, or the document's own product or vendor words."""
    if LEGAL_ENTITY.search(rest):
        return True
    words = {w.rstrip(".") for w in re.findall(r"\b[A-Z][\w&'’-]+", EMAIL.sub(" ", rest))}
    return bool(words & set(terms))


def _identity_nearby(text: str, start: int) -> bool:
    """A patient's identity or a patient's field in the three lines before or after the name's line."""
    lines = text[: text.rfind("\n", 0, start) + 1].split("\n")[-4:] + text[start:].split("\n")[:4]
    block = "\n".join(lines)
    return bool(_IDENTITY.search(block) or _PATIENT_FIELD.search(block))


def business_contact(text: str, start: int, end: int, terms: Collection[str] = ()) -> bool:
    """The name at text[start:end] follows a role or contact label on its line, with an organization or a business
    e-mail address after it there; never a patient's, a relative's or a private line (see the module's docstring).
    `terms`: the document's own product and vendor words (`names.product_terms`)."""
    label = _label(text, start)
    if label is None or _PATIENT_LINE.search(label) or _PERSONAL_LABEL.search(label):
        return False
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    if _PERSONAL_AFTER.match(rest) or not (_organization(rest, terms) or _business_mail(rest)):
        return False
    line = without_organizations(text[text.rfind("\n", 0, start) + 1 : end] + rest)
    if _PATIENT_LINE.search(line) or PATIENT_EVENT.search(line) or _PRIVATE_LINE.search(line):
        return False
    return not _identity_nearby(text, start)
