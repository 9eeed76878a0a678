"""A business contact line is the organization's, not a patient's.

    >>> business_contact("Contact: Marta Kovac, Orrin Health Inc., (614) 555-0182", 9, 20)
    True
    >>> business_contact("Emergency contact: Marta Kovac, Orrin Health Inc., (614) 555-0182", 19, 30)
    False

A document's contact, ownership or signature line names a person under a role or contact label ("Clinical safety
officer:", "Product owner:", "Contact:", "Regulatory contact:", "Support:") with their organization (a legal name,
"Tarnwick Diagnostics Ltd.", or the document's own product or vendor words) or a business e-mail address on the
same line. That person, and the phone and e-mail after their name, are the organization's published contact. So is
a contact point with no person named ("Developer contact: info@acme.example", "Support: Acme Ltd., +44 ...", or a
model card's "Inquiries or to report an issue:" alone on the line above its web address and e-mail, or a label
naming its topic, "Questions about this policy:"). A service line needs no label: a function's mailbox at a business
domain ("support@acme.example", "genai-policy@valley-health.example"), a detail after a service line's words in its
sentence ("Technical support is available 24 hours a day at ... or ...", "Call our help desk on"), a toll-free number.
Never when the label is a patient's or a relative's ("Patient:", "Emergency contact:", "Next of kin:"), when the line
tells a patient's event or a relation ("(daughter)", "admitted"), when a short line around it names a patient, a
relative or a patient's coverage ("Relationship: husband", "Member ID:"), or when the text gives a patient's birth
date or record number. A phone number alone, or a free-mail address, does not make a line a business's.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .namelists import name_lists
from .offices import (
    EMAIL,
    IDENTITY,
    LEGAL_ENTITY,
    OFFICE_HEAD,
    PATIENT_EVENT,
    PATIENT_LINE,
    PERSONAL_AFTER,
    PRIVATE_LINE,
    about_patient,
    patient_cell,
    patient_context,
    sentence_around,
    table_header,
    without_organizations,
)

__all__ = ["business_contact", "business_line", "service_contact"]

# A label's last word naming a role or a contact: an office ("officer", "director", "owner", "lead"), or a contact
# point ("contact", "support", "enquiries", "liaison", "representative").
_ROLE = (
    r"(?:" + OFFICE_HEAD + r"|contacts?|support|enquir\w*|inquir\w*|liaison|representative|responsible person|"
    r"point of contact|escalation|questions|queries|report(?:ing)?[ \t]+(?:an?[ \t]+)?(?:issue|problem|incident|concern)s?)"
)
_TITLE = r"(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Professor)\.?[ \t]*)?"
# The label opening the name's line or cell: "Clinical safety officer: Dr. ", "• Regulatory contact – ".
_LABEL = re.compile(
    r"^[ \t]*(?:[-*•·][ \t]*)?(?P<label>(?:[\w/&'’().-]+[ \t]+){0,5}?" + _ROLE + r")[ \t]*[:–—-][ \t]*" + _TITLE + r"$",
    re.I,
)
# The label opening a contact detail's line or cell ("Developer contact: info@acme.example, +44 ...").
# what the contact point is for: "Questions about this policy:", "Enquiries regarding the product:".
_ROLE_TOPIC = r"(?:[ \t]+(?:about|on|regarding|concerning|relating to|related to)(?:[ \t]+[\w'’-]+){1,4})?"
_LINE_LABEL = re.compile(
    r"[ \t]*(?:[-*•·][ \t]*)?(?P<label>(?:[\w/&'’().-]+[ \t]+){0,5}?" + _ROLE + _ROLE_TOPIC + r")[ \t]*[:–—]", re.I
)
# A role in a cell of its own before the name's cell ("Clinical safety officer | Dr. X, Acme Ltd").
_LABEL_CELL = re.compile(r"^[ \t]*(?P<label>(?:[\w/&'’().-]+[ \t]+){0,5}?" + _ROLE + r")[ \t]*:?[ \t]*$", re.I)
# A label that is a patient's or a relative's, or a private line's ("Emergency contact:", "Home contact:").
_PERSONAL_LABEL = re.compile(r"\b(?:emergency|home|personal|private|own|employer|school|work)\b", re.I)
# Free mail: an address there is a person's own, not their employer's.
_FREE_MAIL_TEXT = """gmail googlemail yahoo ymail hotmail outlook live msn aol icloud me mac proton protonmail gmx mail yandex
    zoho comcast verizon att btinternet sky virginmedia"""
_FREE_MAIL = frozenset(_FREE_MAIL_TEXT.split())
# A patient's birth date or record number given anywhere in the text.
_IDENTITY_VALUE = re.compile(
    r"\b(?:dob|d\.o\.b|date of birth|born|mrn|medical record (?:number|no)|ssn)\b\.?[ \t]*[:#]?[ \t]*(?:on[ \t]+)?\d",
    re.I,
)
# A short line that names a patient, a relative or a patient's coverage ("Patient Jane Roe", "Relationship: husband",
# "Next of kin: X", "Member ID: W123").
_PERSONAL_NEAR = re.compile(
    r"^[ \t]*(?:patient|pt|client|resident)(?:'s)?(?:[ \t]+name)?(?:[ \t]*:|[ \t]+(?-i:[A-Z]))"
    r"|\b(?:relationship|relation|next of kin|nok|spouse|wife|husband|son|daughter|mother|father|brother|sister|"
    r"guardian|caregiver|family member|member (?:id|number|no)|subscriber|policy ?holder|insured)\b",
    re.I,
)
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
    """A birth date or record number given anywhere in the text ("DOB: 04/11/1951", "MRN 00912345"), a patient's
    identity or field on the line at `start` or the three lines around it, or a short line there naming a patient,
    a relative, a patient's coverage or a care event ("Relationship: husband", "Discharge destination: ...")."""
    if _IDENTITY_VALUE.search(text):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    near = text[:line_start].split("\n")[-4:-1] + text[line_end + 1 :].split("\n")[:3]
    block = "\n".join([text[line_start:line_end], *near])
    if IDENTITY.search(block) or _PATIENT_FIELD.search(block):
        return True
    return any(
        len(line.split()) <= 8
        and bool(_PERSONAL_NEAR.search(line) or PATIENT_EVENT.search(without_organizations(line)))
        for line in near
    )


# A table column naming its people's office or ownership ("Business owner", "Clinical lead", "Executive sponsor").
_OFFICE_COLUMN = re.compile(
    r"^[ \t]*(?:[\w/&'’().-]+[ \t]+){0,4}?(?:" + OFFICE_HEAD + r"|owner|approver|accountable)[ \t]*:?[ \t]*$", re.I
)


def _office_column(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] is in a table column whose header names an office or an owner, in a table whose
    header and row name no patient or relative ("Tool | Business owner" over "Quillnote | Dr. X")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    cells = text[line_start : line_end if line_end >= 0 else len(text)].split("|")
    header, _ = table_header(text, line_start) if len(cells) > 1 else (None, "")
    if header is None or PATIENT_LINE.search(header) or len(header.split("|")) != len(cells):
        return False
    head = header.split("|")[text[line_start:start].count("|")]
    if not _OFFICE_COLUMN.match(head) or _PERSONAL_LABEL.search(head) or any(patient_cell(c) for c in cells):
        return False
    return not (PERSONAL_AFTER.match(text[end : end + 40]) or patient_context(text, start, end))


def business_contact(text: str, start: int, end: int, terms: Collection[str] = ()) -> bool:
    """The name at text[start:end] follows a role or contact label on its line, with an organization or a business
    e-mail address after it there, or is in a table column headed by an office ("Business owner"); never a
    patient's, a relative's or a private line (see the module's docstring).
    `terms`: the document's own product and vendor words (`names.product_terms`)."""
    if _office_column(text, start, end):
        return not _identity_nearby(text, start)
    label = _label(text, start)
    if label is None or PATIENT_LINE.search(label) or _PERSONAL_LABEL.search(label):
        return False
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    if PERSONAL_AFTER.match(rest) or not (_organization(rest, terms) or _business_mail(rest)):
        return False
    line = without_organizations(text[text.rfind("\n", 0, start) + 1 : end] + rest)
    if PATIENT_LINE.search(line) or PATIENT_EVENT.search(line) or PRIVATE_LINE.search(line):
        return False
    return not _identity_nearby(text, start)


def _labelled_value(text: str, start: int) -> tuple[str, str, int] | None:
    """For the detail at `start`, the role or contact label opening its line or cell (or alone on the line before:
    "Inquiries or to report an issue:" above "www.acme.example or info@acme.example"), the value after it and where
    the label's line starts; None when no such label opens it."""
    line_start = text.rfind("\n", 0, start) + 1
    cell_start = line_start + text[line_start:start].rfind("|") + 1
    cell_end = min(i for i in (text.find("|", start), text.find("\n", start), len(text)) if i >= 0)
    found = _LINE_LABEL.match(text, cell_start)
    if found:
        return found.group("label"), text[found.end() : cell_end], line_start
    above_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    found = _LINE_LABEL.match(text, above_start) if cell_start == line_start and line_start else None
    if found and not text[found.end() : line_start].strip():
        return found.group("label"), text[line_start:cell_end], above_start
    return None


def business_line(text: str, start: int, terms: Collection[str] = ()) -> bool:
    """The contact detail (phone, e-mail, web address) at `start` is on a business contact line: a role or contact
    label opens its line or cell ("Clinical safety contact:", "Developer contact:", "Support:"), and the value names an
    organization or holds a business e-mail address; never a patient's, a relative's or a private line, nor one near
    a patient's identity (see the module's docstring)."""
    found = _labelled_value(text, start)
    if found is None:
        return False
    label, value, line_start = found
    if PATIENT_LINE.search(label) or _PERSONAL_LABEL.search(label):
        return False
    if not (_organization(value, terms) or _business_mail(value)):
        return False
    plain = without_organizations(label + " " + value)
    if PATIENT_LINE.search(plain) or PATIENT_EVENT.search(plain) or PRIVATE_LINE.search(plain):
        return False
    return not _identity_nearby(text, line_start + 1)


# A mailbox's local part naming a function, not a person ("support@", "genai-policy@", "privacy.office@").
_FUNCTION_WORDS_TEXT = """info information support help helpdesk servicedesk service services desk enquiries enquiry inquiries
    inquiry contact contacts office admin administration team safety privacy compliance regulatory policy policies
    quality governance informatics security media press communications comms sales billing accounts feedback
    noreply no-reply webmaster reception switchboard secretariat committee board ethics irb research legal finance
    procurement vigilance pharmacovigilance incidents reporting customer customers care clinical digital hello mail
    questions queries careers partners partnerships"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
# A service line's own words before a detail in its sentence ("Technical support is available at", "Switchboard"),
# or a toll-free number: an organization's line, never a person's.
_SERVICE_CUE = re.compile(
    r"\b(?:(?:technical|customer|product|it|user|client|vendor)[ \t]+support|support[ \t]+(?:line|desk|team|centre|"
    r"center|hotline|number|phone|portal|e-?mail)|help[ \t]?desk|service[ \t]+desk|help[ \t]?line|hotline|"
    r"customer[ \t]+service|switchboard|toll[- ]free)\b",
    re.I,
)
_TOLL_FREE = re.compile(r"^(?:\+?1[-.\s]?)?\(?8(?:00|33|44|55|66|77|88)\)?[-.\s]")


def _function_mailbox(address: str) -> bool:
    """An e-mail address at a business domain whose local part names a function and no person ("support@acme.example",
    "genai-policy@valley-health.example"; not "j.smith@" nor "ann.support@")."""
    found = EMAIL.fullmatch(address.strip())
    if not found or not _business_mail(address):
        return False
    first, last = name_lists()
    parts = [p for p in re.split(r"[._+-]|\d+", address.split("@")[0].lower()) if p]
    if any(p.title() in first or p.title() in last for p in parts):
        return False
    return any(p in _FUNCTION_WORDS for p in parts)


def service_contact(text: str, start: int, end: int) -> bool:
    """The contact detail at text[start:end] is an organization's service line: a function's mailbox
    ("support@acme.example"), or a detail after a service line's words in its sentence ("Technical support is
    available at ...", "Switchboard") or a toll-free number; never in a sentence telling of a patient, a relative or a
    private line, nor near a patient's identity."""
    detail = text[start:end]
    sentence, _ = sentence_around(text, start, end)
    before = sentence[: max(0, sentence.find(detail))]
    if not (_function_mailbox(detail) or _SERVICE_CUE.search(before) or _TOLL_FREE.match(detail)):
        return False
    # a patient's, a relative's or a person's own words ("he works on the help desk"), or a personal label
    if about_patient(sentence) or PATIENT_LINE.search(without_organizations(sentence)) or PRIVATE_LINE.search(sentence):
        return False
    return not (_PERSONAL_LABEL.search(before) or _identity_nearby(text, start))
