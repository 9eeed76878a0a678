"""Who a sentence names: a person (a title and a name, a signature), an office given a duty
("the Chief Medical Information Officer, who chairs it"), a company ("Orbisk Medical Ltd")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..safety.names import name_lists
from ..text import tokenize
from .signoff import SIGNATURE, credentialed_names

__all__ = [
    "COMPANY_ASKED",
    "IRREGULAR_PLURALS",
    "NAME_WANTED",
    "assigns_an_office",
    "counts_people",
    "gives_asked_duty",
    "holds_office_asked",
    "names_a_company",
    "names_a_person",
]


def names_a_person(sentence: str, asked: set[str]) -> bool:
    """A title and a name ("Dr. Smith"), a known given name and a surname ("Micky Tripathi"), a
    name with post-nominal letters ("R. Patel RN BSN"), or the name on a signature line
    ("Signature: /s/ Jane Roe")."""
    if SIGNATURE.search(sentence) or _NAME_FIELD.match(sentence.strip()):
        return True  # ("Name: Bertrand Okafor-Lind" in a signature block: the field says it is a name)
    # "Dr. Samuel Okafor, Chief of Staff" is no answer to "who is the Chief Medical Information
    # Officer": a name answers when its sentence holds the office asked about (or the duty: "chaired by")
    office_held = _holds_asked_office(sentence, asked)
    if office_held and re.search(r"\b(?:Dr|Mr|Ms|Mrs|Prof)\.? [A-Z]", sentence):
        return True
    if any(not set(tokenize(n.name)) & asked and _holds_asked_office(sentence[n.end :], asked)
           for n in credentialed_names(sentence)):  # fmt: skip
        return True  # "Jane Smith, MD, MPH", "R. Patel RN BSN": post-nominal letters mark a person
    given, _ = name_lists()
    for m in re.finditer(r"\b([A-Z][a-z]+) (?:[A-Z]\. )?[A-Z][a-z]{2,}\b", sentence):
        if m.group(1) in given and not set(tokenize(m.group(0))) & asked and office_held:
            return True
    return False


#: A form's field holding a person's name: "Name: Jane Roe", "Printed name: Dr. J. Roe", "Signatory: ...".
_NAME_FIELD = re.compile(
    r"(?i:(?:full |printed |print )?name|signatory|signed by)\s*:\s*(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z]\.)*\s+[A-Z][\w'’-]+"
)
_DUTY_WORDS = frozenset(tokenize("chair head lead"))


def _holds_asked_office(after: str, asked: set[str]) -> bool:
    """Does the office written after a credentialed name ("..., Chief Financial Officer") hold
    every word of the office the question asks for ("Who is the Chief Medical Officer?")? A name
    with no office after it, or a question naming none, passes."""
    office = after.split("\n", 1)[0]
    named = {w for m in _OFFICE.finditer(office) for w in tokenize(m.group(0))}
    # "chair", "lead", "head" are as often the duty asked ("who chairs ...") as an office
    wanted = {w for w in asked if _OFFICE.fullmatch(w)} - _DUTY_WORDS
    if not named or not wanted:
        return True
    held = set(tokenize(office))
    want = {w for w in asked if w in _OFFICE_QUALIFIERS or _OFFICE.fullmatch(w)}
    # "the CMIO" holds the Chief Medical Information Officer's office
    short = (m.group(0).lower() for m in re.finditer(r"\bC[A-Z]{1,3}O\b", office))
    return want <= held or any({w[0] for w in want} <= set(a) and len(want) < len(a) for a in short)


#: Words that tell one office from another ("medical" in "Chief Medical Officer").
_OFFICE_QUALIFIERS = frozenset(
    tokenize("medical nursing financial information operating executive technology security privacy compliance "
             "quality safety clinical digital data analytics legal risk")
)  # fmt: skip


#: Offices a rule assigns a duty to ("the Chief Medical Officer", "the Vice President").
_OFFICE = re.compile(
    r"\b(?:president|vice[- ]president|officer|director|chief|chair(?:man|woman|person)?|head|secretary|"
    r"commissioner|coordinator|manager|dean|administrator|superintendent|registrar|executive|treasurer|"
    # "the CMIO", "the CISO": a chief officer by the acronym of the office
    r"chancellor|provost|minister|ombudsman|steward|lead|(?-i:C[A-Z]{1,3}O))\b",
    re.I,
)
NAME_WANTED = re.compile(r"\b(?:current|new|acting|interim|name|named|currently)\b", re.I)


#: The duty the question asks about, given to someone: "chaired by the ...", "the chair is the ...".
_ASSIGNED = re.compile(
    r"\b(?:chaired|led|headed|directed|run|convened|overseen|signed|approved)\s+by\s+(?:the\s+|its\s+|a\s+)?(?P<by>.{3,80})"
    r"|\b(?:chair|head|lead|leader|director)\s+(?:of\s+[\w\s]{1,40}?\s+)?(?:is|shall be|will be)\s+(?:the\s+)?(?P<is>.{3,80})",
    re.I,
)


#: An office doing the duty: "the Chief Medical Information Officer, who chairs it", "The Privacy
#: Officer leads the review".
_OFFICE_DOES = re.compile(
    r"(?P<by>\b(?:[A-Z][\w-]*\s+(?:(?:of|for|and|the)\s+)?){0,5}[A-Z][\w-]*)\s*,?\s+(?:who\s+|which\s+)?(?:also\s+)?"
    r"(?P<duty>chairs|co-chairs|leads|heads|directs|runs|convenes|oversees|signs|approves)\b"
)


#: The duty a "who" question asks about: "who chairs the group", "who must sign the report".
_DUTY_ASKED = re.compile(r"\bwho\s+(?:\w+\s+)?(chair|lead|head|sign|approv|run|oversee)(?:s|es|e)?\b", re.I)


def gives_asked_duty(question: str, sentence: str) -> bool:
    """Does the sentence say who does the duty a "who" question asks about ("The Group is
    chaired by the medical director", "the Chief Clinical Safety Adviser, who chairs it")?
    "including the chair" names the office without saying who holds it."""
    said = _duty_said(question)
    return said is not None and said.search(sentence) is not None


@lru_cache(maxsize=256)
def _duty_said(question: str) -> re.Pattern[str] | None:
    """How a sentence says who does the duty asked (built once per question: every candidate is tried)."""
    m = _DUTY_ASKED.search(question)
    if m is None:
        return None
    duty = "(?:lead|led)" if m.group(1).lower() == "lead" else re.escape(m.group(1).lower())  # "led by"
    return re.compile(rf"\b{duty}\w*\s+by\b|\bwho\s+(?:also\s+)?{duty}\w*\b", re.I)


def assigns_an_office(sentence: str, asked: set[str]) -> bool:
    """An office the question does not already name, given the duty asked about ("The committee
    is chaired by the Vice President of the Medical Staff", "the Chief Medical Information
    Officer, who chairs it"); an office merely mentioned ("a named chair and an executive
    sponsor") answers nothing."""
    for m in _ASSIGNED.finditer(sentence):
        held = m.group("by") or m.group("is") or ""
        if any(not set(tokenize(o.group(0))) & asked for o in _OFFICE.finditer(held)):
            return True
    for m in _OFFICE_DOES.finditer(sentence):
        if set(tokenize(m.group("duty"))) <= asked and any(
            not set(tokenize(o.group(0))) & asked for o in _OFFICE.finditer(m.group("by"))
        ):
            return True
    return False


#: A question asking which company: "which vendor", "what company", "who makes".
COMPANY_ASKED = re.compile(
    r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}(?:vendors?|compan(?:y|ies)|manufacturers?|suppliers?|firms?|developers?)\b"
    r"|^\s*who\s+(?:makes|made|manufactures|manufactured|develops|developed|sells|sold|supplies|supplied|"
    r"funds|funded|sponsors|sponsored|finances|financed)\b",
    re.I,
)
#: A company's name: one ending in a company word, or one a sentence says supplies or makes something.
_COMPANY = re.compile(
    r"\b[A-Z][\w&.-]*(?:[ ,]+[A-Z][\w&.-]*)*[ ,]+(?:Inc|Ltd|LLC|Corp|Corporation|Company|Co|GmbH|plc|AG|SA|BV|"
    # (and a funder: "the Pellworth Foundation", "the Quality Improvement Fund")
    r"Technologies|Systems|Diagnostics|Medical|Analytics|Labs|Software|Solutions|Healthcare|Foundation|Fund|Trust)\b\.?"
    # "Regional Medical Center", "Medical Staff": a hospital and its bodies are no vendor
    r"(?! (?:Center|Centre|Hospital|College|School|Staff|Board|Council|Committee|Society|Association|Officer|Director)s?\b)"
    r"|(?<=\bby )[A-Z][\w&.-]+(?: [A-Z][\w&.-]+)*|(?<=\b[Vv]endor: )[A-Z][\w&.-]+(?: [A-Z][\w&.-]+)*"
    r"|(?<=\bManufacturer: )[A-Z][\w&.-]+(?: [A-Z][\w&.-]+)*|(?<=\bDeveloper: )[A-Z][\w&.-]+(?: [A-Z][\w&.-]+)*"
)


def names_a_company(sentence: str, asked: set[str]) -> bool:
    """Does the sentence name a company the question does not already name?"""
    return any(not set(tokenize(m.group(0))) & asked for m in _COMPANY.finditer(sentence))


#: Plurals without an s ("how many people sat on the panel").
IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "staff", "personnel"})
#: "How many people": a count of people is stated by the roles they hold ("a working group of 23
#: clinicians"), as written (a stem would let "reviewed" count reviewers).
_PEOPLE = frozenset(tokenize("people persons individuals"))
_ROLES_COUNTED = frozenset(
    re.findall(
        r"\w+",
        "people persons individuals members clinicians physicians doctors nurses pharmacists experts "
        "representatives participants staff employees researchers scientists volunteers reviewers officers",
    )
)


def counts_people(counted: str, words: str) -> bool:
    """Is the thing counted people (`counted` stemmed) and do the words name a role people hold ("clinicians")?"""
    return counted in _PEOPLE and any(w.lower() in _ROLES_COUNTED for w in re.findall(r"[A-Za-z]+", words))


#: A run of capitalised words, joined by "of", "for", "and", "the" ("Head of Information Governance").
_TITLE_RUN = re.compile(r"\b[A-Z][\w&-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w&-]*)*")


def _offices(text: str) -> list[tuple[frozenset[str], str]]:
    """The offices a text names in capitals ("Chief AI Officer", "the CMIO"): each one's words (as
    tokens) and initials ("cmio" of "Chief Medical Information Officer")."""
    out = []
    for m in _TITLE_RUN.finditer(text):
        run = re.sub(r"^(?:Who|What|Which|Our|The|Dr|Mr|Ms|Mrs|Prof)\b\s*", "", m.group(0))
        if _OFFICE.search(run):
            words = [w for w in re.findall(r"[A-Za-z][\w&-]*", run) if w not in ("of", "for", "and", "the")]
            out.append((frozenset(tokenize(run)), "".join(w[0] for w in words).lower()))
    return out


def holds_office_asked(question: str, sentence: str) -> bool:
    """Does the sentence name the office the question names in capitals ("Who is the Chief AI
    Officer?"), in full or by its initials ("the CAIO")? True when the question names none, or the
    sentence names no office at all (the person may be named by the duty asked)."""
    asked = _offices(question)
    named = _offices(sentence)
    if not asked or not named:
        return True
    return any(
        words <= held or initials == held_initials or words == frozenset([held_initials]) or held == {initials}
        for words, initials in asked
        for held, held_initials in named
    )
