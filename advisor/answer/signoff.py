"""A document's sign-off: the signature lines, "Signature" columns and "Approval" blocks that
answer who signed or approved it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..safety.names import name_lists
from ..text import tokenize

__all__ = [
    "CREDENTIALS",
    "SIGNATURE",
    "SIGNOFF_ASK",
    "VALEDICTION",
    "CredentialedName",
    "credentialed_names",
    "signature_block",
    "signature_met",
    "signed_names",
    "signs_off",
]

#: A signature line: "Signature: /s/ Jane Roe", "Signed: Jane Roe", "/s/ Jane Roe".
SIGNATURE = re.compile(
    r"(?:\b(?i:signature|signed(?: by)?|signatory)\s*[:|]\s*(?:/s/\s*)?|/s/\s*)"
    r"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+",
)
#: A letter's closing before its signature: "Sincerely,", "Yours faithfully,", "Respectfully submitted,".
VALEDICTION = re.compile(
    r"(?:(?:yours\s+)?(?:sincerely|faithfully|truly|respectfully)(?:\s+yours)?(?:\s+submitted)?"
    r"|(?:with\s+)?(?:kind\s+|best\s+|warm\s+)?regards),",
    re.I,
)
#: The act a "who signed" question asks about, as a signature line names it.
_SIGNING = frozenset(tokenize("sign signed signs signing signature signatory"))
#: The other acts a sign-off block records: "who approved / endorsed / authorised it".
_SIGNOFF_ACTS = frozenset(
    tokenize(
        "approve approved approves approval endorse endorsed ratify ratified authorise authorised authorize authorized"
    )
)


#: "Who approved the policy?", "who signed it", "who endorsed the rules": the document's sign-off.
SIGNOFF_ASK = re.compile(
    r"\bwho\b[^?]{0,40}?\b(?:approv\w*|sign(?:ed|s)?|endors\w*|ratif\w*|adopt\w*|authori[sz]ed)\b", re.I
)
#: Headings and column names of a sign-off block.
_SIGNOFF_WORDS = frozenset(tokenize("approval approvals approved signature signatures signed signoff endorsement"))


def signs_off(text: str, header: str = "", section: str = "") -> bool:
    """Is the line part of a document's sign-off: a signature ("/s/ Jane Roe"), a name block with
    post-nominal letters ("Approved by: Jane Smith, MD, MPH"), or a row under a "Signature" column
    or an "Approval" heading?"""
    heading = section.split(" > ")[-1]
    return (
        "/s/" in text
        or SIGNATURE.search(text) is not None
        or bool(signed_names(text))
        or bool(_SIGNOFF_WORDS & set(tokenize(f"{header} {heading}")))
    )


def signature_met(token: str, sentence: str, words: set[str] | frozenset[str] = frozenset()) -> bool:
    """Does a signature line ("Signature: /s/ Jane Roe"), a sentence whose own words or headings
    name the signing in any form (`words`: "Signature", "signed by"), or a sign-off line of
    credentialed names ("Jane Smith, MD, MPH") name the signing or approval a question asks about?"""
    if token in _SIGNING and (SIGNATURE.search(sentence) is not None or bool(_SIGNING & words)):
        return True
    # a sign-off line's names ("Jane Smith, MD, MPH, Chief Medical Officer") answer who signed or approved
    return token in _SIGNING | _SIGNOFF_ACTS and bool(signed_names(sentence))


# ------------------------------------------------------------------ credentialed names

#: Post-nominal letters: degrees, licences, fellowships and certifications written after a name
#: ("Jane Smith, MD, MPH", "R. Patel RN BSN", "Amy Lee, PhD, FACHE").
CREDENTIALS = frozenset(
    [
        "MD",
        "DO",
        "MBBS",
        "MBChB",
        "MB",
        "BChir",
        "PhD",
        "DPhil",
        "DrPH",
        "ScD",
        "EdD",
        "PsyD",
        "DNP",
        "DNSc",
        "DSc",
        "DMD",
        "DDS",
        "OD",
        "DPM",
        "DC",
        "DPT",
        "DVM",
        "PharmD",
        "RPh",
        "BCPS",
        "RN",
        "BSN",
        "MSN",
        "NP",
        "APRN",
        "CNP",
        "FNP",
        "FNP-BC",
        "ACNP-BC",
        "AGACNP-BC",
        "PMHNP-BC",
        "CNS",
        "CNM",
        "CRNA",
        "LPN",
        "LVN",
        "CCRN",
        "CEN",
        "CNL",
        "NEA-BC",
        "NE-BC",
        "RN-BC",
        "PA",
        "PA-C",
        "MPH",
        "MHA",
        "MBA",
        "MPA",
        "MPP",
        "MSW",
        "LCSW",
        "LICSW",
        "MS",
        "MSc",
        "MA",
        "MEd",
        "MFA",
        "MMI",
        "MSHI",
        "MHI",
        "MHS",
        "MSPH",
        "BA",
        "BS",
        "BSc",
        "BPharm",
        "LLB",
        "LLM",
        "JD",
        "Esq",
        "FACHE",
        "FACP",
        "FACS",
        "FAAN",
        "FAAP",
        "FACC",
        "FACEP",
        "FAAFP",
        "FAMIA",
        "FHIMSS",
        "FRCP",
        "FRCS",
        "FRCPC",
        "FACOG",
        "FCCM",
        "FAHA",
        "FASHP",
        "FNAP",
        "FACMI",
        "FIDSA",
        "CPA",
        "CFA",
        "CMA",
        "CIA",
        "CISA",
        "CISSP",
        "CISM",
        "CRISC",
        "CIPP",
        "CIPP/US",
        "CIPM",
        "CIPT",
        "CHC",
        "CHPC",
        "CHPS",
        "CHPS",
        "CPHIMS",
        "CPHQ",
        "CPHRM",
        "CPPS",
        "CHCIO",
        "CHDA",
        "CCS",
        "CCS-P",
        "CPC",
        "CCDS",
        "CDIP",
        "RHIA",
        "RHIT",
        "CIC",
        "CPHI",
        "PMP",
        "PT",
        "OT",
        "OTR",
        "OTR/L",
        "SLP",
        "CCC-SLP",
        "RD",
        "RDN",
        "LD",
        "CDCES",
        "CSW",
        "LMSW",
        "LMFT",
        "LPC",
        "MRCP",
        "MRCS",
        "MRCGP",
        "FRACP",
        "FRANZCP",
        "CCFP",
        "FCFP",
    ]
)
#: Credentials that are also US state codes ("Silver Spring, MD"): a name's only evidence
#: of a person when the name itself looks like one.
_STATE_LIKE = frozenset(["MD", "DO", "PA", "MA", "MS", "OD", "DC", "PT", "OT", "LD", "SC"])
_LOWER = {c.lower(): c for c in CREDENTIALS}
#: Any post-nominal-shaped token: all capitals (a hyphen or slash inside), or capitals with lower-case
#: joints as degrees are written ("PharmD", "PhD", "MSc").
_MIXED = "|".join(sorted((re.escape(c) for c in CREDENTIALS if re.search("[a-z]", c)), key=len, reverse=True))
_POST = rf"(?:{_MIXED}|(?:[A-Z][a-z]?\.){{2,4}}|[A-Z][A-Z0-9]{{1,6}}(?:[-/][A-Z]{{1,4}})?)\.?"
#: Capitals that are no one's letters: "Jane Smith, AI lead" names an area after the name.
_NOT_LETTERS = frozenset(
    [
        "AI",
        "ML",
        "IT",
        "EHR",
        "EMR",
        "US",
        "UK",
        "EU",
        "USA",
        "HHS",
        "CMS",
        "ONC",
        "FDA",
        "OCR",
        "NIST",
        "ISO",
        "HIPAA",
        "PHI",
        "IRB",
        "QI",
    ]
)
_NAME_TOKEN = r"(?:[A-Z]\.|[A-Z][a-zà-ÿ]+(?:['’-][A-Z]?[a-zà-ÿ]+)*|(?:O|D)['’][A-Z][a-z]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+)"
_PARTICLE = r"(?:de|del|de la|der|van|van der|von|da|di|le|la|bin|al|dos|du)"
_CREDENTIALED = re.compile(
    rf"(?P<name>(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?\s+)?{_NAME_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_TOKEN}){{0,3}})"
    rf"(?P<run>(?:(?:[ \t]*,[ \t]*|[ \t]+){_POST})+)(?![\w/-])"
)
#: Capitalised words that start a sign-off line or name an office, not a person ("Approved",
#: "Chief Medical Officer Jane Smith, MD").
_NOT_NAME = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "approved",
        "approval",
        "signed",
        "signature",
        "signatory",
        "by",
        "name",
        "title",
        "date",
        "reviewed",
        "prepared",
        "owner",
        "author",
        "authorised",
        "authorized",
        "policy",
        "procedure",
        "document",
        "version",
        "effective",
        "chief",
        "officer",
        "medical",
        "nursing",
        "executive",
        "financial",
        "information",
        "operating",
        "compliance",
        "privacy",
        "security",
        "director",
        "president",
        "vice",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "head",
        "manager",
        "committee",
        "board",
        "member",
        "secretary",
        "treasurer",
        "dean",
        "provost",
        "lead",
        "department",
        "office",
        "council",
        "staff",
        "and",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "with",
        "from",
        "under",
        "per",
        "section",
        "article",
        "part",
        "appendix",
    ]
)
_TITLE_WORD = re.compile(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?$")


@dataclass(frozen=True)
class CredentialedName:
    """A person named with post-nominal letters: "Jane Smith" with ("MD", "MPH")."""

    name: str
    credentials: tuple[str, ...]
    start: int  # where the name starts in the text
    end: int  # where its last credential ends

    def __str__(self) -> str:
        return ", ".join((self.name, *self.credentials))


def _credential(token: str) -> str:
    """The token as a listed credential ("Ph.D." and "PHD" are "PhD"), or "" when it is none."""
    bare = token.rstrip(".")
    return _LOWER.get(bare.replace(".", "").lower(), "")


def _person_words(words: list[str]) -> list[str]:
    """The name's words without the sign-off label or office before it ("Approved", "Chief Medical Officer")."""
    while words and not _TITLE_WORD.match(words[0]) and words[0].lower().strip(".") in _NOT_NAME:
        words = words[1:]
    return words


def _looks_personal(words: list[str]) -> bool:
    """A title ("Dr."), an initial ("R. Patel") or a listed given name ("Jane") makes a run of
    capitalised words a person's name by itself."""
    given, surnames = name_lists()
    first = words[0]
    return bool(
        _TITLE_WORD.match(first)
        or re.fullmatch(r"[A-Z]\.", first)
        or first in given
        or (len(words) >= 2 and words[-1] in surnames)
    )


def credentialed_names(text: str) -> list[CredentialedName]:
    """The people a text names with post-nominal letters ("Jane Smith, MD, MPH", "R. Patel RN BSN",
    "Dr. Amy Lee, PhD, FACHE", "John O'Neil, CPA, Chief Financial Officer"), first first. A run of
    capitals after a name counts when it holds a listed credential, or when the name itself looks
    like a person's; acronyms in a sentence ("the CMS and ONC rules") name nobody."""
    out: list[CredentialedName] = []
    for m in _CREDENTIALED.finditer(text):
        words = _person_words(m.group("name").split())
        tokens = re.findall(_POST, m.group("run"))
        known = [c for c in (_credential(t) for t in tokens) if c]
        if len(words) < 2 or not tokens or any(t.rstrip(".") in _NOT_LETTERS for t in tokens):
            continue
        personal = _looks_personal(words)
        # unlisted letters, or a state code ("Silver Spring, MD"): the name must vouch for itself
        vouched = personal and (known or len(tokens) >= 2 or "," in m.group("run"))
        if (not known or all(c in _STATE_LIKE for c in known)) and not vouched:
            continue
        if any(w.lower() in _NOT_NAME for w in words[1:]):
            continue  # "Jane Smith Chief Officer": an office, not a surname, sits inside the run
        name = " ".join(words)
        start = m.start("name") + m.group("name").index(words[0])
        out.append(CredentialedName(name, tuple(_credential(t) or t.rstrip(".") for t in tokens), start, m.end("run")))
    return out


#: A sign-off label before a name: "Approved by:", "Signed:", "Authorised by", or a letter's
#: closing ("Sincerely,", "Yours faithfully,"), with the OCR mark a scanned signature leaves
#: ("Sincerely, [unclear: VON a] Jane Roe, MD").
_SIGNOFF_LABEL = re.compile(
    r"\b(?:approved|signed|authori[sz]ed|endorsed|ratified|adopted|certified|attested)(?:\s+by)?\s*[:|-]?\s*$"
    r"|\b(?:signature|signatory|approver|approval)\s*[:|-]?\s*$"
    r"|^\s*" + VALEDICTION.pattern + r"\s*(?:\[unclear:[^\]]*\]\s*)?$",
    re.I,
)


def signature_block(line: str) -> bool:
    """A letter's signature block read as one line: its closing, then the signer's credentialed
    name ("Sincerely, Jane Roe, MD, MPH Director, Office of ...")."""
    return VALEDICTION.match(line.strip()) is not None and bool(signed_names(line))


def signed_names(text: str) -> list[CredentialedName]:
    """The credentialed names a sign-off line gives: every one on a line that is nothing but a
    name block ("Jane Smith, MD, MPH, Chief Medical Officer"), or one after a sign-off label."""
    found = credentialed_names(text)
    out = []
    for n in found:
        line_start = text.rfind("\n", 0, n.start) + 1
        before = text[line_start : n.start]
        if _SIGNOFF_LABEL.search(before) or not re.search(r"\b[a-z]{3,}", before):
            out.append(n)
    return out
