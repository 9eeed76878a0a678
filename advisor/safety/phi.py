"""PHI detector: HIPAA Safe Harbor identifiers in free text, and redaction with typed placeholders.

    >>> from advisor.safety.phi import detect, redact
    >>> redact("Pt John Smith, SSN 123-45-6780, call (617) 555-0143.")
    'Pt [NAME], SSN [SSN], call [PHONE].'

Recognizers: presidio-analyzer's self-validating patterns (SSN, e-mail, URL, IP, phone, card,
IBAN, MAC, MBI, DEA, claim / Rx numbers), our labelled-identifier, geography, date and age
patterns (`phi_patterns`), names from bundled lists plus context cues (`names`), and the cells
of a table's identifier columns (`phi_columns`).
Nothing is downloaded; no language model is loaded.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import IngestError
from .contacts import business_line, service_contact
from .meetings import meeting_record
from .names import names_and_offices, product_terms
from .offices import PATIENT_LINE, document_identifier, office_contact, organization_place, without_organizations
from .phi_columns import column_findings
from .phi_patterns import PATTERN_RECOGNIZERS, PERSON_CUE, dates, fax_or_phone
from .phi_presidio import presidio_findings
from .phi_types import HIGH_PRECISION, PRIORITY, Finding, PhiType

__all__ = [
    "HIGH_PRECISION",
    "FileFindings",
    "Finding",
    "PhiType",
    "chunk_findings",
    "contains_phi",
    "detect",
    "product_terms",
    "redact",
    "scan_files",
]

_RANK = {kind: i for i, kind in enumerate(PRIORITY)}
# A field whose label names the maker behind a product or document, or its service line, holds that
# organization's published contact details, not a patient's ("Developer: Acme Health, Inc., 1 Main Street ...",
# "Support line: +1 (614) 555-0182"). An employer or a contact person is no such label.
_ORG_FIELD = re.compile(
    r"[ \t]*(?:developer|manufacturer|vendor|publisher|distributor|headquarters|head office|registered office|"
    r"(?:technical |customer |product )?support(?: line| phone| number| desk| team)?|customer service|help ?desk|"
    r"help ?line|hotline|service desk|switchboard)[ \t]*(?::|$)",
    re.I,
)
_SENTENCE_END = re.compile(r"[A-Za-z]{5,}[.!?]\s+[A-Z]")  # not an abbreviation's dot ("Inc. ", "St. ")
_CONTACT_KINDS = frozenset({PhiType.ADDRESS, PhiType.ZIP, PhiType.PHONE, PhiType.FAX, PhiType.EMAIL, PhiType.URL})


def _organization_contact(text: str, f: Finding) -> bool:
    """A contact detail in a field naming an organization's maker or service line (see `_ORG_FIELD`)."""
    if f.type not in _CONTACT_KINDS:
        return False
    cells = text[text.rfind("\n", 0, f.start) + 1 : f.start].split("|")
    if _SENTENCE_END.search(cells[-1]):
        return False  # another sentence follows the field's value ("Manufacturer: Acme. He lives at ...")
    # the label opens the detail's own cell ("Developer: Acme, Inc., 1 Main St") or is the cell before it
    if _ORG_FIELD.match(cells[-1]) or (len(cells) > 1 and _ORG_FIELD.fullmatch(cells[-2].strip())):
        return True
    return organization_place(text, f.start)  # "offices are at", "Acme Health, Inc. · 1 Main Street"


def _named_on_line(text: str, f: Finding, found: Sequence[Finding]) -> bool:
    """A name the screen redacts is on the detail's line ("Support: my sister [NAME], ann@acme.example"): the detail
    may be that person's."""
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.end)
    line_end = len(text) if line_end < 0 else line_end
    return any(n.type == PhiType.NAME and line_start <= n.start < line_end for n in found)


def _business_contact(text: str, f: Finding, found: Sequence[Finding], not_names: Collection[str]) -> bool:
    """A contact detail in an organization's field, where it is (`_organization_contact`), or on a business contact
    line (`contacts.business_line`: "Developer contact: info@acme.example") or service line (`contacts.service_contact`:
    "Technical support: support@acme.example or +1 ..."), on a line holding no name the screen redacts and no
    patient's or relative's words."""
    if f.type not in _CONTACT_KINDS or _named_on_line(text, f, found):
        return False
    if _organization_contact(text, f):
        cells = text[text.rfind("\n", 0, f.start) + 1 : f.end].split("|")
        return not PATIENT_LINE.search(without_organizations(cells[-1]))
    return business_line(text, f.start, not_names) or service_contact(text, f.start, f.end)


def _office_holders_contact(text: str, f: Finding, held: Sequence[tuple[int, int]]) -> bool:
    """A contact detail right after a person named with their office, a public contact line or a committee role
    (`offices.office_contact`): that person's work line, not a patient's."""
    return f.type in _CONTACT_KINDS and any(e <= f.start and office_contact(text, e, f.start) for _, e in held)


# Kinds a document's own number ("Policy Number: IT-AI-207", "Protocol number: ...") may be taken for.
_DOCUMENT_ID_KINDS = frozenset(
    {PhiType.HEALTH_PLAN, PhiType.ACCOUNT, PhiType.LICENSE, PhiType.DEVICE, PhiType.VEHICLE, PhiType.OTHER_ID}
)

# Findings of these kinds (and cue-backed names) mean the text is about a person, so its dates are too.
_ANCHORS = frozenset({PhiType.SSN, PhiType.MRN, PhiType.HEALTH_PLAN, PhiType.AGE})


def _resolve(findings: Iterable[Finding]) -> list[Finding]:
    """Non-overlapping findings: on overlap the longer span wins, then the kind earlier in PRIORITY."""
    chosen: list[Finding] = []
    for f in sorted(findings, key=lambda f: (-(f.end - f.start), _RANK[f.type], f.start)):
        if f.end > f.start and all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def _drop_inside_emails(found: list[Finding]) -> list[Finding]:
    """A URL that is only an e-mail's domain is part of the e-mail."""
    emails = [f for f in found if f.type == PhiType.EMAIL]
    return [f for f in found if f.type != PhiType.URL or not any(e.start <= f.start and f.end <= e.end for e in emails)]


def detect(text: str, kinds: Iterable[PhiType] | None = None, *, not_names: Collection[str] = ()) -> list[Finding]:
    """Safe Harbor identifiers in `text`, non-overlapping, in text order (optionally only `kinds`).

    `not_names`: words the document uses for its own product or vendor (`product_terms` of its title),
    which are not taken for a person's name without a title such as "Dr." before them."""
    if not text or not text.strip():
        return []
    found = presidio_findings(text)
    found = [fax_or_phone(text, f) if f.type == PhiType.PHONE else f for f in found]
    for recognizer in PATTERN_RECOGNIZERS:
        found += recognizer(text)
    people, held = names_and_offices(text, not_names)
    found += people
    found += column_findings(text)  # a patient table's cells, labelled once in its header row
    # a document's own number is no identifier, and does not make the text a patient's
    found = [f for f in found if f.type not in _DOCUMENT_ID_KINDS or not document_identifier(text, f.start, f.end)]
    anchored = bool(PERSON_CUE.search(text)) or any(
        f.type in _ANCHORS or (f.type == PhiType.NAME and f.score >= 0.95) for f in found
    )
    people_named = {f.text for f in found if f.type == PhiType.NAME}
    found += dates(text, anchored, meeting_record(text, not_names), people_named)
    resolved = _resolve(_drop_inside_emails(found))
    result = [
        f
        for f in resolved
        if not (_office_holders_contact(text, f, held) or _business_contact(text, f, resolved, not_names))
    ]
    if kinds is not None:
        wanted = set(kinds)
        result = [f for f in result if f.type in wanted]
    return result


def chunk_findings(text: str, title: str = "", publisher: str = "") -> list[Finding]:
    """The identifiers in one passage of a document, screened as indexing screens it: the document's title and
    publisher name its own product and vendor (`product_terms`) and say whether it records a meeting."""
    return detect(text, not_names=product_terms(title, publisher))


def redact(text: str, findings: Sequence[Finding] | None = None) -> str:
    """`text` with every identifier replaced by its typed placeholder ("[SSN]", "[NAME]")."""
    out = text
    for f in sorted(findings if findings is not None else detect(text), key=lambda f: f.start, reverse=True):
        out = out[: f.start] + f.type.placeholder + out[f.end :]
    return out


def contains_phi(text: str, kinds: Iterable[PhiType] = HIGH_PRECISION) -> bool:
    """True when `text` holds an identifier of one of `kinds` (default: the high-precision kinds)."""
    return bool(detect(text, kinds))


@dataclass
class FileFindings:
    """The findings of one scanned file (`-` for standard input)."""

    file: str
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"file": self.file, "findings": [f.to_dict() for f in self.findings]}


def _read(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if not p.is_file():
            raise IngestError(path, "no such file; give a text file path or '-' for standard input.")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise IngestError(path, f"could not be read ({exc.strerror}); check its permissions.") from None
    return data.decode("utf-8", errors="replace")


def scan_files(paths: Sequence[str | Path] | str) -> list[FileFindings]:
    """Findings per file; '-' (or no paths) reads standard input. Raises IngestError naming a bad file."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    items = [str(p) for p in items] or ["-"]
    return [FileFindings(p, detect(_read(p))) for p in items]
