"""Lead-ins made from headings: the framing line a list's items hang from when no sentence
introduces them ("Suggested Actions" under "GOVERN 1.5" gives "The suggested actions for
GOVERN 1.5 are:"). A framing lead-in is never quoted; it gives the items their meaning."""

from __future__ import annotations

import re
from dataclasses import replace

from ..chunk import Chunk
from ..text import STATUTE_NUMBER, identifiers
from .unit import Unit, UnitKind

__all__ = ["AUXILIARY", "SMALL_WORDS", "label_lead", "section_lead", "title_words"]

SMALL_WORDS = frozenset(
    re.findall(r"\w+", "a an the of and or for in on to with by at from as vs via per into its their")
)
AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|should|must|may|might|will|would|shall)\b", re.I
)


def title_words(text: str) -> list[str]:
    """The words whose capitals make a line read as a title: all but the small ones ("of", "the")."""
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if w.lower() not in SMALL_WORDS]


def _plain_case(heading: str) -> str:
    """ "Suggested Actions" -> "suggested actions"; acronyms, identifiers and a sentence-case heading's names stay."""
    rest = [w for w in re.findall(r"[A-Za-z][\w'’-]*", heading)[1:] if w.lower() not in SMALL_WORDS]
    if rest and 2 * sum(w[0].isupper() for w in rest) < len(rest):
        return heading[:1].lower() + heading[1:] if heading[1:2].islower() else heading
    return " ".join(
        w if w.isupper() or not w[:1].isupper() or any(ch.isdigit() for ch in w) else w.lower() for w in heading.split()
    )


#: A heading's number, no word of a lead-in: "3. Definitions" frames "The definitions for ...".
#: A statute's or a bill's provision number before its title ("44-2903. ", "Sec. 14. ").
_PROVISION_NUMBER = re.compile(rf"^(?:{STATUTE_NUMBER}|(?:Sec|SEC)\.\s*\d+[A-Za-z]?)\.\s+(?=[A-Z])")
_HEADING_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.|(?:Box|Table|Figure|Exhibit) \d+[.:])\s+(?=[A-Za-z])")


#: A heading's number closed by a full stop, alone ("2. Methods") or after its kind ("ARTICLE 29. ...").
_NUMBER_STOP = re.compile(r"^(?:([A-Z][A-Za-z]+ \d+[A-Za-z]?)|\d+)\.\s+(?=[A-Za-z])")
#: A heading of a word or two and a figure ("Agreement 95%", "Median score 4.2"), not a dated title.
_FIGURE_HEAD = re.compile(r"^[A-Za-z][\w'’-]*(?: [A-Za-z][\w'’-]*){0,2}:? \d[\d.,]*%?$")


def _unstopped(heading: str) -> str:
    """The heading without the full stop after its number, which would end the lead-in's sentence
    mid-way ("The items listed under 2. Methods are:"): "Methods", "ARTICLE 29, ARTIFICIAL ..."."""
    m = _NUMBER_STOP.match(heading)
    return heading if m is None else (f"{m.group(1)}, " if m.group(1) else "") + heading[m.end() :]


#: A bullet opening a heading or a line ("- ", "• ").
_BULLET = re.compile(r"^[-–•▪*]\s+")


def section_lead(chunk: Chunk) -> Unit | None:
    """A lead-in for items under a heading rather than a sentence, from the heading path ("Suggested
    Actions" under "GOVERN 1.5": "The suggested actions for GOVERN 1.5 are:"); it frames, never quoted."""
    parts = [p.strip() for p in chunk.section.split(" > ") if p.strip()]
    if not parts:
        return None
    tail = _HEADING_NUMBER.sub("", parts[-1].rstrip(":").strip())
    if (provision := _PROVISION_NUMBER.match(tail)) is not None:
        # "44-2903. Human review of decisions", "Sec. 14. Appropriation": the provision's title
        # names its items (its number's full stop would end the lead-in's sentence)
        return Unit(
            f"The items listed under {tail[provision.end() :]} are:", chunk, -1, UnitKind.SENTENCE, -1, framing=True
        )
    bullet = _BULLET.match(tail)  # a slide's bold bullet over its sub-bullets, read as a heading
    tail = tail[bullet.end() :] if bullet else tail
    parent = next((p for p in reversed(parts[:-1]) if identifiers(p)), parts[-2] if len(parts) > 1 else "")
    parent, tail = _unstopped(parent), _unstopped(tail)
    if not re.search(r"[A-Za-z]{3,}", tail) or len(tail.split()) > (20 if identifiers(tail) else 12):
        return None
    if parent and _FIGURE_HEAD.match(tail) and not identifiers(tail):
        # "Agreement 95%" over a recommendation states a figure: it names no items ("The agreement 95% for ...")
        return Unit(f"The items listed under {parent} are:", chunk, -1, UnitKind.SENTENCE, -1, framing=True)
    if bullet and any(_BULLET.sub("", line, count=1).strip() == tail for line in chunk.text.splitlines()):
        # a bold bullet stating a fact is also said as the item under it: the slide's title leads it
        text = f"The items listed under {parent} are:" if parent else ""
        return Unit(text, chunk, -1, UnitKind.SENTENCE, -1, framing=True) if text else None
    if bullet:
        # "Documentation time (Ambient scribe saves time):" over "- 5.8 min less per encounter": the
        # label as the slide writes it, with the slide's title it is a label of
        text = f"{tail} ({parent}):" if parent else f"{tail}:"
        if parent and len(tail.split()) == 1:  # "Stalled": a status over the items it holds
            text = f"The items listed as {tail} under {parent} are:"
    elif re.match(r"[A-Z][\w ’'()-]{2,40}: \S", tail) and not identifiers(tail.split(":")[0]):
        # a heading that is a field ("Note quality: audit of 600 notes", "Wave C (Phase 2): sepsis
        # early warning") frames as itself; one of names only ("Clinical AI Safety Lead: Dr Hana Moore")
        # would read as a heading there, so it is named as the heading the items are listed under
        named = all(w[0].isupper() for w in title_words(tail))
        text = f"The items listed under {tail} are:" if named else f"Under {tail}:"
    elif identifiers(tail):
        # a numbered heading names its items whatever its title says ("MAP 2.2 — Knowledge limits ... documented")
        text = f"The items listed under {tail} are:"
    elif AUXILIARY.search(tail) or re.search(r"\b(?:can|should|following)\b", tail, re.I):
        plain = _plain_case(tail)
        first = plain if plain[1:2].isupper() else plain[:1].lower() + plain[1:]  # "FHIR R4 ..." keeps its case
        text = f"Under {parent}, {first}:" if parent else f"{tail}:"
    elif parent and len(tail.split()) == 1 and not tail.lower().endswith("s"):
        text = f"The items listed under {parent} are:"  # "About", "Overview": the heading names no items
    elif not parent:
        text = f"The items listed under {tail} are:"
    else:  # "The Clinical Sponsor" under "4.2 Clinical Sponsor": the items listed under it, no "The the"
        bare = re.sub(r"^(?:the|a|an)\s+", "", tail, flags=re.I)
        named = bare.lower() in parent.lower()
        verb = "is" if _singular(bare) else "are"  # "The minimum content of a register entry for ... is:"
        text = f"The items listed under {parent} are:" if named else f"The {_plain_case(bare)} for {parent} {verb}:"
    return Unit(text, chunk, -1, UnitKind.SENTENCE, -1, framing=True)


#: Plurals without an "s", and singulars ending in one.
_PLURAL = frozenset({"criteria", "data", "people", "staff", "personnel", "media"})
_SINGULAR_S = ("ss", "us", "is")


def _singular(phrase: str) -> bool:
    """Does a heading of several words name one thing ("Escalation to the board"), not a list
    ("Suggested actions", "Risk tiering criteria")? Its head noun is the last word before any
    "of"/"to"/"for" phrase or bracket."""
    head = re.split(r"\s+(?:of|to|for|in|on|by|with|from|and)\s+|\s*[(:–—]", phrase.strip(), maxsplit=1)[0].split()
    if len(phrase.split()) < 2 or not head:
        return False
    word = head[-1].lower()
    return word not in _PLURAL and (not word.endswith("s") or word.endswith(_SINGULAR_S))


#: "Suggested actions:", "Key requirements:" — a label of a few words heading the list under it;
#: or a numbered clause's title ("4.3 Patient notice.") over its lettered items.
_LABEL = re.compile(r"^[A-Z][\w'’()/-]*(?: [\w'’()/-]+){0,3}:$|^\d+(?:\.\d+)+ [A-Z][\w'’()/-]*(?: [\w'’()/-]+){0,4}\.$")


def label_lead(chunk: Chunk, label: str) -> Unit | None:
    """The framing lead-in of items under a short label line ("Suggested actions:" in the
    section "Impact assessments" gives "The suggested actions for Impact assessments are:"):
    the label is a heading inside the chunk, not a sentence the items could hang from."""
    flat = " ".join(label.split())
    if not _LABEL.match(flat) or AUXILIARY.search(flat):
        return None
    if flat.endswith("."):  # a numbered clause's title: "Under 4.3 Patient notice:"
        return Unit(f"Under {flat[:-1]}:", chunk, -1, UnitKind.SENTENCE, -1, framing=True)
    lead = section_lead(replace(chunk, section=f"{chunk.section} > {flat[:-1]}"))
    if lead is not None:
        lead.chunk = chunk
    return lead
