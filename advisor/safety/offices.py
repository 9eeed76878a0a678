"""Business facts a PHI screen must leave alone: people named by their office at an organization,
and dates of documents, products and organizations.

    >>> office_holder("Our Chief Medical Officer, Dr. Priya Lindqvist, is accountable.", 31, 46)
    True
    >>> business_date("The 510(k) clearance was granted on 22 May 2025.", 36, 47)
    True

A person named by an office ("Our Chief Medical Officer, Dr. X", "X, Chief Executive", "Approved by X",
a "Name:" field whose "Title:" field holds an office, a table row whose role cell holds one) is the
organization's representative, not a patient; so are a meeting's chair, minute-taker, members and voters
("Attendees: ...", "seconded by", "the vote against was cast by") and an article's authors ("Jane Roe, MD, MPH 1;").
An action item's due or done date and a sign-off table's dates are the organization's too. A date after a document, product or regulatory event ("cleared", "approved by the Board",
"effective", "revised", "next review") or in a revision-history table row is the organization's, not
a patient's. Neither holds when the sentence is about a patient: a patient or relative label, or a
patient event ("admitted", "DOB", "discharged") in the same sentence or table cell keeps the screen on.

A document's own number ("Procedure No. NUR-PR-118", a "Policy Number" in the block of its title, effective date
and owner, or in a running footer with "Page 1 of 2") is the document's, not a member's health-plan number; never
when its block of fields names a patient, a member's coverage or a health plan, which also makes a coverage's
"Effective Date:" in such a block the member's.
"""

from __future__ import annotations

import re

# What a report is presented to ("presented to the Quality and Safety Committee", "to the CAOC"), where a
# patient presents to a department or a clinic ("presented to the ED with chest pain").
_MEETING_BODY = (
    r"(?:committee|board|council|panel|group|meeting|forum|executive|members|trustees|governors|directors|senate|"
    r"assembly|conference|symposium|workshop|summit|steering|leadership|management)s?\b"
)
# Patient events: a sentence with one of these is about a patient's care, whatever else it names.
PATIENT_EVENT = re.compile(
    r"\b(?:dob|d\.o\.b|date of birth|birth\w*|born|admit\w*|admission|discharg\w*|visit\w*|seen|encounter|"
    r"date of service|dos|died|death|deceased|surgery|appointment|appt|"
    r"present(?:ed|s)\s+(?:with|(?:to|at)(?!\s+(?:the\s+)?(?:[\w&-]+\s+){0,5}?" + _MEETING_BODY + r")"
    r"(?!\s+(?:the\s+)?(?-i:(?!(?:ED|ER|ICU|ITU|NICU|PICU|OPD|UCC|OR|ENT)\b)[A-Z]{2,}\b)))|injur\w*|onset|"
    r"hospitali[sz](?!ts?\b)\w*|diagnos\w*|vaccinat\w*|immuni[sz]ed|mrn|ssn|y/o|year-old|years? old)\b",
    re.I,
)
# An organization's legal or firm name ("Tarnwick Diagnostics Ltd.", "Visiting Nurse Partners") and an e-mail address
# ("safety@tarnwick-diagnostics.example"): their words ("Diagnostics", "Visiting") tell no patient's event.
LEGAL_SUFFIX = r"(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|GmbH|plc|PLC|LLP|LP|AG|S\.A|N\.V|B\.V|Pty)\b\.?"
_FIRM_WORD = (
    r"(?:Diagnostics|Health|Healthcare|Technologies|Labs|Laboratories|Systems|Solutions|Software|Analytics|"
    r"Therapeutics|Pharmaceuticals|Biosciences|Devices|Informatics|Imaging|Robotics|Partners)\b"
)
# up to five capitalised words (case-sensitive patterns), not a patient's or a person's title
_CAPITAL_RUN = (
    r"(?:(?!(?:Patient|Pt|Mr|Mrs|Ms|Miss|Mx|Dr|He|She|His|Her)\b)[A-Z][\w&'’-]*[ \t]+(?:(?:and|&|of|for)[ \t]+)?){1,5}"
)
LEGAL_ENTITY = re.compile(_CAPITAL_RUN + r",?[ \t]*" + LEGAL_SUFFIX)
ORGANIZATION_NAME = re.compile(_CAPITAL_RUN + r"(?:,?[ \t]*" + LEGAL_SUFFIX + r"|" + _FIRM_WORD + r")")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def without_organizations(passage: str) -> str:
    """The passage with organizations' legal names and e-mail addresses blanked out."""
    return ORGANIZATION_NAME.sub(" ", EMAIL.sub(" ", passage))


# Words of a patient, a relative or a patient's own coverage, orders and records: a date or name near them
# may be a patient's even after a business word ("coverage effective 1/1/2024", "Rx approved on ...").
_PATIENT_MARK = re.compile(
    r"\b(?:patient'?s?|pt'?s?|he|she|his|her|him|hers|mr|mrs|ms|miss|client|resident|spouse|wife|husband|son|"
    r"daughter|mother|father|brother|sister|guardian|caregiver|next of kin|insurance|insured|coverage|member|"
    r"subscriber|policyholder|policy holder|claim|benefits?|eligib\w*|enrol\w*|authori[sz]ation|prescri\w*|rx|"
    r"refill|medications?|referral)\b",
    re.I,
)

# ---------------------------------------------------------------------------- offices

# An office's head word: "Officer" ends "Chief Medical Officer" and "Clinical Safety Officer".
OFFICE_HEAD = (
    r"(?:officer|chief executive|chief of staff|president|director|counsel|secretary|treasurer|trustee|governor|"
    r"commissioner|chair(?:man|woman|person)?|head(?=\s+of\b)|manager|founder|co-founder|lead|dean|provost|coordinator|"
    r"(?:business|system|product|policy|process|risk|asset|document|service)\s+owner|"
    r"chancellor|superintendent|administrator|controller|auditor|sponsor|steward|principal investigator|minister|"
    r"mayor|senator|ambassador|surgeon general|attorney general|"
    r"(?-i:C[A-Z]{1,3}O|S?VP|EVP|SIRO|SRO|DPO))"
)
# The office's organization or portfolio after it: "of Quality and Regulatory Affairs", "at Acme Health".
_CAP = r"(?-i:[A-Z][\w&'’-]*)"
# The head's end: a word boundary, or the next field's capital glued on by extraction ("Chief of StaffDate:").
_HEAD_END = r"(?:\b|(?-i:(?=[A-Z])))"
_OFFICE_OF = r"(?:\s+(?:of|for|at)\s+(?:the\s+)?" + _CAP + r"(?:\s+(?:and|of|&|the|" + _CAP + r")){0,6})?"
# An office right before the name: "Our Chief Medical Officer, Dr.", "Director of Nursing:", "CEO".
_OFFICE_BEFORE = re.compile(r"\b" + OFFICE_HEAD + r"\b" + _OFFICE_OF + r"\s*[,:–—-]?\s*$", re.I)
# An office right after the name: ", Chief Executive", ", CCIO", " (CMO)", ", MD, Chief Medical Officer",
# ", who is our Vice President", ", Chief Digital & Information Officer".
_OFFICE_AFTER = re.compile(
    r"^\s*[,(–—-]?\s*(?:(?-i:MD|DO|PhD|DPhil|RN|MBA|MPH|MBBS|FRCP|MSc|BSc)\b\.?,?\s*)*"
    r"(?:(?:who\s+)?(?:is|was|serves\s+as|acts\s+as|as)\s+)?(?:(?:the|our|its|their)\s+)?"
    r"(?:acting\s+|interim\s+|deputy\s+|vice[- ]|co-)?(?:(?:" + _CAP + r"|&|and)\s+){0,5}" + OFFICE_HEAD + _HEAD_END,
    re.I,
)
# A discipline in brackets after a clinician's name ("Dr. X (emergency medicine) as deputy chair"), read past like a
# degree when an office follows; never a relation's or a patient's marks ("(daughter)", "(DOB ...)", "(72 M)").
_PERSONAL_MARKS = (
    r"(?:dob|mrn|age|aged|born|patient|pt|daughter|son|wife|husband|mother|father|sister|brother|spouse|partner|"
    r"guardian|caregiver|friend|niece|nephew|grandson|granddaughter|mom|dad|next of kin|nok)\b"
)
_SPECIALTY_AFTER = re.compile(r"^\s*\((?!\s*" + _PERSONAL_MARKS + r")[A-Za-z][A-Za-z ,&/'’-]{1,50}\)", re.I)
# A relation or a patient's marks in brackets after a name ("X (daughter)", "X (DOB ...)"): never an office holder.
PERSONAL_AFTER = re.compile(r"^\s*\(\s*" + _PERSONAL_MARKS, re.I)
# A committee's membership after it ("as a member of the Drug and Therapeutics Committee").
_MEMBER_OF = re.compile(
    r"^\s*[,(–—-]?\s*(?:(?:who\s+)?(?:is|was|serves\s+as|sat\s+as|as)\s+)?(?:an?\s+|the\s+)?(?:voting\s+|lay\s+|"
    r"co-opted\s+|ex[- ]officio\s+|founding\s+)?member\s+of\s+(?:the\s+|our\s+|its\s+)?(?:" + _CAP + r"\s+){0,6}"
    r"(?-i:Committee|Subcommittee|Board|Panel|Council|Commission|Group|Task ?[Ff]orce|Senate|Assembly|Secretariat)\b",
    re.I,
)
# The unit of an agency or organization after the name: a public contact's office ("X, Office of Standards Policy,",
# "X, Division of Drug Information").
# Not a hospital's "Department of Medicine": a ward list names its patients that way.
_UNIT_AFTER = re.compile(
    r"^\s*,\s*(?:the\s+)?(?-i:(?:Office|Division|Bureau|Directorate|Branch|Secretariat|Agency)\s+(?:of|for|on)|"
    r"(?:Centre|Center)\s+for)\s+(?:the\s+)?" + _CAP,
)
# A published contact line's label right before the name ("FOR FURTHER INFORMATION CONTACT:", "Media contact:").
_CONTACT_BEFORE = re.compile(
    r"\b(?:for\s+(?:further|more|additional)\s+information(?:\s*,)?(?:\s+(?:please\s+)?contact)?|"
    r"(?:media|press|agency|program|programme|technical|regulatory)\s+contact|point\s+of\s+contact|"
    r"(?:enquiries|inquiries)(?:\s+(?:to|about\s+this\s+\w+))?)\s*[:,–—-]?\s*$",
    re.I,
)
# A paragraph that opens with such a label lists the document's contacts, each with their line ("FOR FURTHER
# INFORMATION CONTACT: X, (301) 555-0199, for certification. Y, (301) 555-0142, for the information collection.").
_CONTACT_HEAD = re.compile(
    r"^\s*(?:for\s+(?:further|more|additional)\s+information(?:\s*,)?(?:\s+(?:please\s+)?contact)?|"
    r"(?:media|press|agency|program|programme|technical|regulatory)\s+contacts?|points?\s+of\s+contact)\s*[:–—-]",
    re.I,
)
# A professional degree or credential after a name: "Jane Roe, MD, MPH", "Dr. X, PharmD".
CREDENTIAL = (
    r"(?-i:MD|DO|PhD|DPhil|DrPH|ScD|MPH|MSc|MSN|MS|MA|MBA|MHS|MBBS|BSN|BSc|RN|NP|PA-C|PharmD|JD|FACP|FACS|FAAP|FRCP|"
    r"FAMIA|FACMI|FHIMSS|CPHIMS)\b"
)
# An article's byline: a name with credentials and an affiliation mark ("Jane Roe, MD, MPH 1,3;", "John Poe, PhD²").
_BYLINE_AFTER = re.compile(
    r"^(?:\s*,\s*" + CREDENTIAL + r"\.?)+\s*[\d¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}(?:\s*,\s*[\d¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})*\s*\*?\s*(?:[;,]|$)", re.M
)
# A document-control label right before the name: the document's author, approver, owner or signatory.
_CONTROL_LABEL = re.compile(
    r"(?:\b(?:approved|authori[sz]ed|prepared|written|authored|endorsed|ratified|owned|sponsored|attested|"
    r"witnessed|countersigned|signed off)\s+by\s*[:,]?"
    r"|\b(?:approver|approved|author|authors|owner|document owner|policy owner|signatory|signatories|witness|"
    r"prepared|attested|sponsor|reviewer)\s*:"
    # a meeting's business: who chaired it, presented to it, took its minutes, moved, seconded or voted on a motion
    r"|\b(?:chaired|convened|moved|seconded|presented|(?:minutes|notes)\s+(?:taken|recorded))\s+by\s*[:,]?"
    # a unit's leader ("the Clinical Software Desk, led by Dr. X"): staff, never a patient
    r"|\b(?:led|headed|directed|run|managed|coordinated)\s+by\s*[:,]?"
    r"|\b(?:votes?|ballots?)\b[^.;|\n]{0,40}\bcast\s+by\s*[:,]?)\s*(?:/s/\s*)?$",
    re.I,
)
# A meeting's list of members: "Attendees: Dr. A, B", "Against: Dr. X", "Apologies: Y" (each name on the list).
_MEMBER_LIST = re.compile(
    r"\b(?:attendees|attendance|in attendance|apologies|absent|voting members|members present|against|"
    r"abstained|abstaining|abstentions?|minute[- ]?taker|note[- ]?taker|membership|(?:committee|panel|group|board|"
    r"council|steering|working party|task ?force|core|voting|guideline development group)\s+members)\s*:[^:|\n]*$"
    # "Members included Dr. A (cardiology), B ...", "The panel comprised ..."
    r"|\b(?:members(?:hip)?|group|panel|committee|board|council|taskforce|task force)\s+(?:included|includes|comprised|"
    r"comprises|consisted\s+of|consists\s+of)\s*:?[^:;|\n]*$",
    re.I,
)
# A title between a label or office and the name ("Officer, Dr. "): not part of the office's clause.
_TITLE_END = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor)\.?\s*$")
# Where a clause ends: a line, a table cell, a semicolon or a sentence ("surveillance. ", not "Dr. ").
_STOP = r"(?<=[A-Za-z0-9)]{2}[.!?])(?<!\b(?:Dr|Mr|Ms|Mx|St|Jr|Sr|No)\.)(?<!\b(?:Mrs|Inc|Ltd)\.)(?<!\b(?:Prof|Dept)\.)\s"
_CLAUSE_END = re.compile(r"[\n|;]|" + _STOP)
_SENTENCE_END = re.compile(r"[\n|]|" + _STOP)
# A form's name or signature field, and its title field a line or three below: "Name: X ... Title: COO".
_NAME_FIELD = re.compile(r"^\s*(?:name|full name|printed name|print name|signature|signed|signatory)\b", re.I)
_TITLE_FIELD = re.compile(
    r"^\s*(?:title|job title|position|role|designation|capacity)\s*[:|]\s*\|?[^\n]*?\b" + OFFICE_HEAD + r"\b",
    re.I | re.M,
)
_RELATION_BEFORE = re.compile(
    r"\b(?:patient|pt|client|resident|spouse|wife|husband|partner|son|daughter|mother|father|brother|sister|"
    r"guardian|caregiver|next of kin|nok|emergency contact|grandson|granddaughter|niece|nephew)\b"
    r"(?:\s+name)?\s*[:,]?\s*$",
    re.I,
)


def clause_before(text: str, start: int, reach: int = 120) -> str:
    """The words before `start` in its own clause, without a trailing title ("Dr.")."""
    window = text[max(0, start - reach) : start]
    title = _TITLE_END.search(window)
    if title:
        window = window[: title.start()]
    ends = list(_CLAUSE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence or table cell holding text[start:end], and the sentence after it."""
    lo = max(0, start - 300)
    ends = list(_SENTENCE_END.finditer(text[lo:start]))
    s = lo + ends[-1].end() if ends else lo
    stops = [end]
    for _ in range(2):
        after = _SENTENCE_END.search(text, stops[-1])
        stops.append(after.end() if after else min(len(text), stops[-1] + 300))
    return text[s : stops[1]], text[stops[1] : stops[2]]


def _form_title(text: str, start: int) -> bool:
    """A name in a form's name or signature field whose title field, in the next lines, holds an office."""
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start]
    if not _NAME_FIELD.match(line) or re.search(r"\b(?:patient|pt)\b", line, re.I):
        return False
    block = "\n".join(text[line_start:].split("\n")[:4])
    return bool(_TITLE_FIELD.search(block))


def patient_context(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] is labelled a patient or relative, or its sentence tells a patient event, or
    the next sentence does of the same person ("John Roe is the CEO of Acme. He was admitted ...")."""
    before = text[max(0, start - 40) : start].split("\n")[-1]
    title = _TITLE_END.search(before)
    if _RELATION_BEFORE.search(before[: title.start()] if title else before):
        return True
    sentence, following = (without_organizations(s) for s in sentence_around(text, start, end))
    if PATIENT_EVENT.search(sentence) or re.search(r"\b(?:patient|pt)'s\b", sentence, re.I):
        return True
    # the next sentence goes on about the same person ("He was admitted", "Smith was seen")
    words = [w for w in re.findall(r"[A-Za-z'’-]{3,}", text[start:end])]
    subject = re.compile(r"^\s*(?:he|she|his|her|mr|mrs|ms|" + "|".join(map(re.escape, words)) + r")\b", re.I)
    return bool(subject.match(following) and PATIENT_EVENT.search(following))


# A table's header naming its people's roles or offices: a staff directory, an attendee or sign-off table.
_ROLE_HEADER = re.compile(r"\b(?:role|roles|title|job title|position|designation|office|capacity|function)\b", re.I)
# Words of a patient, a relative or a patient's identity in a line: the line is not the organization's business.
PATIENT_LINE = re.compile(
    r"\b(?:patient(?!\s+(?:representatives?|advocates?|safety|experience|partners?|organi[sz]ations?|groups?)\b)|pt|client|resident|spouse|wife|husband|partner|son|daughter|mother|father|brother|sister|"
    r"guardian|caregiver|next of kin|nok|relative|family|dob|d\.o\.b|date of birth|born|died|mrn|ssn|y/o|year-old)\b",
    re.I,
)
_OFFICE_CELL = re.compile(r"\b" + OFFICE_HEAD + r"\b", re.I)
# A table cell saying its person is a patient or relative ("Daughter", "Patient"); "Patient Safety Officer" names
# an office, not a patient.
_PATIENT_CELL = re.compile(
    r"\b(?:(?:patient|pt|client|resident)(?!\s+(?-i:[A-Z]))|spouse|wife|husband|partner|son|daughter|mother|"
    r"father|brother|sister|guardian|caregiver|next of kin|nok|relative|family|dob|d\.o\.b|date of birth|born|died|"
    r"mrn|ssn|y/o|year-old)\b",
    re.I,
)


# A council, committee or board named in a cell ("Patient and Family Advisory Council representative"): the person
# sits on an organization's body; its name's words ("Patient", "Family") do not make them a patient or a relative.
_BODY = re.compile(
    r"(?:[A-Z][\w'’-]*[ \t]+(?:(?:and|&|of|for|the)[ \t]+)?)+(?:Council|Committee|Board|Forum|Panel|Network|Assembly)\b"
)


def patient_cell(cell: str) -> bool:
    """A table cell saying its person is a patient or relative ("Daughter", "Patient"), not counting the name of
    a body they sit on ("Patient and Family Advisory Council representative")."""
    return bool(_PATIENT_CELL.search(_BODY.sub(" ", cell)))


def _line_at(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the line holding text[start:end] starts, and the line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, text[line_start : line_end if line_end >= 0 else len(text)]


def table_header(text: str, line_start: int) -> tuple[str | None, str]:
    """The first row of the table (lines with '|') the line at `line_start` belongs to (None when
    the line before is no row), and the line above the table (its heading, perhaps)."""
    header: str | None = None
    end = line_start - 1  # the newline closing the line before
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if "|" not in line:
            return header, line
        header, end = line, start - 1
    return header, ""


def role_row(text: str, start: int, end: int) -> tuple[int, str, list[str]] | None:
    """For a name in a table row under a header naming roles or titles (and no patient), where the
    row starts, the header and the row's cells; None for a name anywhere else."""
    line_start, row = _line_at(text, start, end)
    if "|" not in row:
        return None
    header, _ = table_header(text, line_start)
    if header is None or not _ROLE_HEADER.search(header) or PATIENT_LINE.search(header):
        return None
    return line_start, header, row.split("|")


def _table_office(text: str, start: int, end: int) -> bool:
    """A name in a table row whose other cell holds an office ("Director of Pharmacy | Dr. X, PharmD | Signed"),
    under a header naming roles or titles; not when a cell of the row is a patient's or relative's."""
    found = role_row(text, start, end)
    if found is None:
        return False
    line_start, _, cells = found
    at = len(text[line_start:start].split("|")) - 1  # the name's own cell
    others = [c for i, c in enumerate(cells) if i != at]
    office = any(_OFFICE_CELL.search(c) and len(c.split()) <= 10 for c in others)
    return office and not any(patient_cell(c) for c in cells)


def _member_listed(text: str, start: int, before: str) -> bool:
    """A name on a meeting's member list ("Attendees: Dr. A, B"), on a line naming no patient or relative."""
    line_start, line = _line_at(text, start, start)
    # the list's items may be split by semicolons ("Committee members: Dr. A (nephrology); Ms B (pharmacy)")
    items = text[line_start:start]
    sentences = list(re.finditer(_STOP, items))
    items = items[sentences[-1].end() :] if sentences else items
    title = _TITLE_END.search(items)
    items = items[: title.start()] if title else items
    listed = _MEMBER_LIST.search(before) or _MEMBER_LIST.search(items)
    return bool(listed) and not PATIENT_LINE.search(line)


def office_holder(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] is given with an office at an organization, as a document's author,
    approver, owner or signatory, or as a meeting's chair, member or voter, in a sentence not about a patient."""
    before = clause_before(text, start)
    after = text[end : end + 150]
    specialty = _SPECIALTY_AFTER.match(after)
    after = after[specialty.end() :] if specialty else after
    named = (
        bool(_OFFICE_BEFORE.search(before) or _CONTROL_LABEL.search(before) or _CONTACT_BEFORE.search(before))
        or bool(_CONTACT_HEAD.match(_line_at(text, start, end)[1]))
        or bool(_OFFICE_AFTER.match(after[:90]) or _MEMBER_OF.match(after) or _UNIT_AFTER.match(after))
        or _form_title(text, start)
        or _table_office(text, start, end)
        or _member_listed(text, start, before)
        or bool(_BYLINE_AFTER.match(text[end : end + 60]))
    )
    return named and not (PERSONAL_AFTER.match(text[end : end + 40]) or patient_context(text, start, end))


# A personal line, not an office's: "home phone", "personal e-mail", "private mobile".
PRIVATE_LINE = re.compile(r"\b(?:home|personal|private|residence|residential)\b", re.I)


# The small words of an office holder's contact details: "at", "or by e-mail at", "direct line", "ext.".
_CONTACT_WORDS_TEXT = """of for the and & at on or by via in to tel telephone phone e-mail email mail fax direct line office ext
    extension number no main desk switchboard"""
_CONTACT_WORDS = frozenset(_CONTACT_WORDS_TEXT.split())
_PHONE_LABEL_END = re.compile(r"\b(?:tel|telephone|ph|phone|fax|mob|e-?mail)\.?\s*(?:no\.?\s*)?:?\s*$", re.I)


def office_contact(text: str, name_end: int, start: int) -> bool:
    """The contact detail at `start` belongs to the office holder whose name ends at `name_end`: it follows the
    name in the same sentence or block of lines, after only their office, unit and organization ("X, Office of
    Standards Policy, Office for Certified Clinical Software, (202) 555-0147"); never a home or personal line,
    nor one past a patient's or a relative's words."""
    between = _PHONE_LABEL_END.sub("", text[name_end:start])  # "tel. " is no sentence's end
    if not 0 <= len(between) <= 200 or "\n\n" in between or re.search(r";|" + _STOP, between):
        return False
    if "|" in between and "\n" in between:
        return False  # a table's next row is another person's
    plain = without_organizations(between)
    if PRIVATE_LINE.search(plain) or PATIENT_LINE.search(plain) or about_patient(plain):
        return False
    # a table row's cells between them may hold the holder's office ("X | Clinical safety officer | x@acme.example")
    plain = "|".join(c for c in plain.split("|") if not (_OFFICE_CELL.search(c) and len(c.split()) <= 10))
    # only the holder's specialty, office, unit and other lines: "reported that Roe can be reached at" tells of another
    words = [w.strip("-") for w in re.findall(r"[^\s,:()/|·•–—]+", re.sub(r"\([^()]*\)", " ", plain))]
    return all(
        not w or w[0].isupper() or re.search(r"[\d@]", w) or w.lower().rstrip(".") in _CONTACT_WORDS for w in words
    )


# Where an organization is: "The Authority's offices are at", "headquartered in", "is located at".
_PREMISES = re.compile(
    r"\b(?:(?:offices?|headquarters|head office|registered office|main campus|premises)\s+(?:is|are)\s+(?:located\s+)?"
    r"|(?:headquartered|based|incorporated|registered)\s+|(?:is|are)\s+located\s+)(?:at|in|on)\s+",
    re.I,
)
# A line opening with an organization's name, a legal name or one ending in a firm's or a care provider's word:
# "Halvern Diagnostics, Inc. · 1180 Quarry Ridge Parkway ...", a page footer's "Orrin Valley Health · 12 Main Street".
_CARE_BODY = (
    r"(?:Hospitals?|Clinics?|(?:NHS|Foundation|Health|Care)\s+Trust|Network|Services|Foundation|Institute|"
    r"University|Authority)\b"
)
_LEGAL_NAME = re.compile(
    r"^\s*(?:[A-Z][\w&'’.-]*\s+){0,5}(?:[A-Z][\w&'’.-]*,?\s+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|"
    r"GmbH|plc|PLC|LLP|LP|AG|S\.A|N\.V|B\.V|Pty)\b\.?|" + _FIRM_WORD + "|" + _CARE_BODY + r")\s*(?:[·•|,;–—-]|$)"
)
_ADDRESS_WORDS = _CONTACT_WORDS | {"suite", "ste", "floor", "fl", "unit", "building", "bldg", "room", "box", "po"}


def _only_address(between: str) -> bool:
    """Nothing but the parts of an address and contact lines: names, numbers, separators, small words."""
    words = [w.strip("-.") for w in re.findall(r"[^\s,:()/·•|–—]+", between)]
    return all(not w or w[0].isupper() or re.search(r"[\d@]", w) or w.lower() in _ADDRESS_WORDS for w in words)


def organization_place(text: str, start: int) -> bool:
    """The contact detail at `start` is where an organization is: after "offices are at" or
    "headquartered in" in its sentence, or on a line opening with an organization's name
    (a page footer's "Acme Health, Inc. · 1 Main Street · ..."), with only address parts between;
    never in a sentence about a patient."""
    clause = clause_before(text, start)
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start:start]
    cue = list(_PREMISES.finditer(clause))
    named = _LEGAL_NAME.match(line)
    if cue and _only_address(clause[cue[-1].end() :]):
        sentence, _ = sentence_around(text, start, start + 1)
    elif named and len(line) <= 200 and _only_address(line[named.end() :]):
        end = text.find("\n", start)
        sentence = text[line_start + named.end() : end if end >= 0 else len(text)]  # "X Diagnostics" is no diagnosis
    else:
        return False
    return not about_patient(sentence) and not PRIVATE_LINE.search(sentence)


# ---------------------------------------------------------------------------- dates

# A document, product or organization event: the date after it is not a patient's.
_BUSINESS_CUE = re.compile(
    r"\b(?:clear(?:ed|ance)|510\s*\(k\)|de novo|premarket|ce[- ]mark\w*|marketing authori[sz]ation|approv(?:ed|al)|"
    r"ratif\w+|adopted|adoption|endorsed|enacted|publish\w*|publication|issued|date of issue|issue date|revis\w+|"
    r"amend\w+|supersed\w+|version|rev\.|effective|in (?:force|effect)|commenc\w+|submitted|submission|"
    r"review (?:date|due)|last reviewed|reaffirm\w*|due for (?:review|revision|renewal)|"
    # the document's own schedule: "The next scheduled review is September 2027", "This policy will be reviewed in"
    r"next (?:scheduled |planned |formal |full |annual |periodic )?(?:review|revision)|"
    r"(?:takes?|took|taking) effect|(?:comes?|came|coming) into (?:force|effect)|"
    # a product's or contract's own milestones: "the go-live date is", "rolled out on", "the certificate expires on"
    r"go[- ]live|went live|goes live|roll(?:ed|s)?[- ]?out|launch(?:ed|es)?|expires|expiry|expiration date|"
    # an organization's own reviews and reports: "Planned follow-up review: November 2026", "will be presented
    # to the Quality and Safety Committee in June 2026", "reported to the CAOC by 30 September"
    r"(?:planned|scheduled|follow[- ]?up)\s+(?:follow[- ]?up\s+)?(?:review|audit|assessment|inspection|survey)|"
    r"(?:presented|reported|brought|escalated|tabled)\s+(?:back\s+)?to\s+(?:the\s+)?(?:(?:[\w&-]+\s+){0,5}?"
    + _MEETING_BODY
    + r"|(?-i:(?!(?:ED|ER|ICU|ITU|NICU|PICU|OPD|UCC|OR|ENT)\b)[A-Z]{2,}\b))|"
    r"(?:this|these) (?:policy|policies|procedures?|guidelines?|documents?|standards?|rules|framework|charter|"
    r"strategy|bylaws|terms of reference)\b[^.;|\n]{0,40}\b(?:reviewed|renewed|updated|revised|expires?|lapses?))",
    re.I,
)
# A revision-history or document-control table's header: its rows date versions, not patients.
_CONTROL_HEADER = re.compile(r"\b(?:version|revision|rev|issue|amendment|change|changes|change log)\b", re.I)
# A patient's identity in a row: the row is a patient record's, whatever its header.
IDENTITY = re.compile(r"\b(?:dob|d\.o\.b|date of birth|born|died|mrn|ssn|y/o|year-old)\b", re.I)
_CONTROL_HEADING = re.compile(
    r"\b(?:revision|version|change|amendment|document)\s+(?:history|control|log|record)\b", re.I
)


def _control_row(text: str, line_start: int) -> bool:
    """The line at `line_start` is a row of a table (cells split by '|') whose header row names versions or
    revisions, or that comes under a 'Revision history' or 'Document control' heading."""
    header, above = table_header(text, line_start)
    if header is not None and _CONTROL_HEADER.search(header):
        return True
    if header is not None and _SIGNOFF_HEADER.search(header) and _ROLE_HEADER.search(header):
        return not PATIENT_LINE.search(header)  # a sign-off table: who signed, in what role, when
    return bool(_CONTROL_HEADING.search(above))


# A sign-off table's header: its rows date signatures of the document.
_SIGNOFF_HEADER = re.compile(r"\b(?:signature|signed|sign-off|signoff|approv\w*|endorse\w*)\b", re.I)
# An action item's due or done date ("— due 30 November 2026", "Due: report by 1 May 2026", "done 9 June").
_DUE_BEFORE = re.compile(r"\b(?:due|deadline|target date|done|completed|closed)\b[^.;|\n]{0,40}$", re.I)
# An action item: a checklist line, or a line naming its owner.
_ACTION_LINE = re.compile(
    r"^\s*(?:[-*+]\s*)?\[[ xX]\]|\b(?:owner|action owner|responsible|assigned to|accountable)\s*:", re.I
)


def _action_due(text: str, start: int, line: str) -> bool:
    """The date is an action item's due or done date, on a line naming no patient's identity."""
    if not (_ACTION_LINE.search(line) and _DUE_BEFORE.search(clause_before(text, start, 100))):
        return False
    return not IDENTITY.search(line)


def business_date(text: str, start: int, end: int) -> bool:
    """The date at text[start:end] dates a document, product or organization event: a business word before it
    in its own clause, or a revision-history row; never when the clause or row names a patient's event."""
    line_start, line = _line_at(text, start, end)
    if "|" in line and _control_row(text, line_start):
        return not IDENTITY.search(line)
    if _action_due(text, start, line):
        return True
    if not _BUSINESS_CUE.search(clause_before(text, start, 100)):
        return False
    sentence, _ = sentence_around(text, start, end)
    return not about_patient(sentence) and not _patient_fields(text, start, end)


def about_patient(passage: str) -> bool:
    """The passage tells a patient's event or names a patient, a relative or a patient's own coverage or orders."""
    # an insurer's name ("Harbor Mutual Insurance Co.") still marks a patient's coverage
    return bool(PATIENT_EVENT.search(without_organizations(passage)) or _PATIENT_MARK.search(passage))


# ---------------------------------------------------------------------------- document identifiers

# A label naming a document's own number: "Policy Number:", "Document Control No.", "SOP #", "IRB protocol", "Ref:".
_DOC_LABEL = re.compile(
    r"\b(?P<kind>policy|plan|procedure|document|doc|form|standard|protocol|contract|agreement|sop|guideline|"
    r"directive|memo(?:randum)?|bulletin|manual|template|specification|version|revision|rev|reference|ref)"
    r"(?:\s+(?:control|reference|ref))?(?:\s*(?:number|num|nbr|identifier|code|id|no)\b\.?|\s*#)?\s*[:#=.-]?\s*#?\s*$",
    re.I,
)
# Labels a patient's insurance shares ("Policy Number: W123", "Plan ID: ..."): a document's only beside its control fields.
_SHARED_KINDS = frozenset({"policy", "plan"})
# A running header or footer's page count ("Page 2 of 9", "page 3 / 4").
PAGE_COUNT = re.compile(r"\bpage\s+\d+\s+(?:of|/)\s+\d+\b", re.I)
# A document-control field (title, effective or review date, owner, approver, version) or a running header or
# footer's page count: the block around an identifier is the document's own control block.
_CONTROL_FIELD = re.compile(
    r"\b(?:title|effective(?:\s+date)?|(?:next\s+|last\s+)?review(?:ed)?(?:\s+(?:date|due))?|owner|approved\s+by|"
    r"approver|approval\s+date|version|revision|supersedes|replaces|date\s+issued|issue\s+date|department|author|"
    r"category)\s*[:|]|" + PAGE_COUNT.pattern + r"|[·•]\s*(?:version|revision|effective|approved\s+by|"
    r"(?:next|last)\s+review(?:ed)?|review\s+date|supersedes|replaces)\b",  # a masthead's "· Version 2.0 · Effective"
    re.I,
)
# A health plan, insurer or a card's plan fields beside an identifier: it is a member's, not a document's.
_PAYER = re.compile(
    r"\b(?:aetna|cigna|humana|anthem|kaiser|blue\s+(?:cross|shield)|bcbs|united\s*health\w*|uhc|medicaid|medicare|"
    r"tricare|molina|centene|wellcare|highmark|ambetter|health\s+(?:plan|insurance)|insurer|carrier|payer|payor|"
    r"hmo|ppo|epo|copay\w*|group\s*(?:number|no\b|#|id\b)|rx\s*(?:bin|pcn|grp))",
    re.I,
)
# A field line: "Label: value" (a label of up to four words), a table row, or a running header or footer.
_LABEL_LINE = re.compile(r"^\s*(?:[\w/&'’.()-]+\s+){0,3}[\w/&'’.()-]+\s*:")
_FIELD_LINE = re.compile(_LABEL_LINE.pattern + r"|^[^\n]*\||" + PAGE_COUNT.pattern, re.I)
# A title field's value: its words ("Patient Identification") name the document, not a patient.
_TITLE_VALUE = re.compile(r"\btitle\s*[:|]\s*[^:|\n]*?(?=\s+(?:\S+\s+){0,2}\S+\s*:|\s*[|\n]|$)", re.I)


def _near_lines(text: str, line_start: int, line_end: int, step: int, prose: bool = True) -> list[str]:
    """The field lines next to a line (up above for step -1, down for +1) and the first other line after them;
    without `prose`, only "Label: value" lines (a table's other rows are other records)."""
    field = _FIELD_LINE if prose else _LABEL_LINE
    out: list[str] = []
    for _ in range(6):
        if step < 0:
            if line_start <= 0:
                break
            line_end, line_start = line_start - 1, text.rfind("\n", 0, line_start - 1) + 1
        else:
            if line_end >= len(text):
                break
            line_start = line_end + 1
            found = text.find("\n", line_start)
            line_end = found if found >= 0 else len(text)
        line = text[line_start:line_end]
        if line.strip() and not field.search(line):
            return [*out, line] if prose else out  # a paragraph: the passage the block sits in, not part of it
        out.append(line)
    return out


def _patient_fields(text: str, start: int, end: int) -> bool:
    """The value at text[start:end] is a field ("Effective Date: 01/01/2024") of a block of fields naming a patient,
    a member's coverage or a health plan ("Member ID: ...", "Insurance: Aetna")."""
    line_start, line = _line_at(text, start, end)
    if not _LABEL_LINE.match(line):
        return False
    line_end = line_start + len(line)
    above = _near_lines(text, line_start, line_end, -1, prose=False)
    below = _near_lines(text, line_start, line_end, 1, prose=False)
    block = "\n".join([*above, *below])
    return about_patient(_TITLE_VALUE.sub(" ", block)) or bool(_PAYER.search(block))


def document_identifier(text: str, start: int, end: int) -> bool:
    """The identifier at text[start:end] is a document's own number: after a label naming a document kind
    ("Procedure No.", "Protocol number", "Form ID"); a "Policy Number" only in a block with the document's
    control fields (title, effective date, owner, version) or in a running header or footer ("Page 2 of 9").
    Never when the passage names a patient, a member's coverage or a health plan ("Insurance policy number")."""
    line_start, line = _line_at(text, start, end)
    line_end = line_start + len(line)
    line = line[: start - line_start] + " " + line[end - line_start :]  # the number's own letters ("RX-4471") aside
    cells = text[line_start:start].split("|")
    label = _DOC_LABEL.search(cells[-1] if cells[-1].strip() or len(cells) < 2 else cells[-2] + " ")
    if not label:
        return False
    if PAGE_COUNT.search(line):
        block = line  # a running header or footer: a line of its own
    else:
        above, below = _near_lines(text, line_start, line_end, -1), _near_lines(text, line_start, line_end, 1)
        block = "\n".join([*reversed(above), line, *below])
    if about_patient(_TITLE_VALUE.sub(" ", block)) or _PAYER.search(block):
        return False
    return label.group("kind").lower() not in _SHARED_KINDS or bool(_CONTROL_FIELD.search(block))
