"""Text normalisation before safety rules run: NFKC, invisible characters removed, homoglyphs
folded to Latin, accents dropped; with a map back to the original character offsets."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Characters that render as nothing (or nearly) and so can split a word a rule looks for.
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b"
    "\u206c\u206d\u206e\u206f\u3164\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a"
    "\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f\ufeff\uffa0"
)

# Letters from other scripts that look like Latin ones (Unicode confusables, the common subset).
_CONFUSABLE_PAIRS = (
    # Cyrillic
    "аa бb вb гr дd еe ёe ѕs іi їi јj кk лn мm нh оo пn рp сc тt уy фf хx цu чy шw щw ъb ьb эe юo яr"
    " ԁd һh ӏl ԛq ԝw үy ɡg ѵv ѡw"
    " АA БB ВB ГF ЕE ЁE ЗZ ЅS ІI ЇI ЈJ КK ЛJ МM НH ОO ПN РP СC ТT УY ХX ЬB ЫH ԚQ ԜW ҮY"
    # Greek
    " αa βb γy δd εe ζz ηn ιi κk λl μu νv οo ρp σo τt υu φf χx ωw"
    " ΑA ΒB ΓF ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX"
    # Armenian, Latin look-alikes outside ASCII, IPA
    " օo ոn սu ցg հh ıi ȷj ℓl ɑa ɩi ɪi ʏy ᴀa ʙb ᴄc ᴅd ᴇe ɢg ʜh ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ᴛt ᴜu ᴠv ᴡw ᴢz"
)
CONFUSABLES: dict[str, str] = {p[0]: p[1:] for p in _CONFUSABLE_PAIRS.split()}

_WORD = re.compile(r"\w+")


@dataclass
class Normalized:
    """Normalised text; `offsets[i]` is the original index of normalised character i."""

    text: str
    offsets: list[int]
    original_length: int
    invisible: list[int] = field(default_factory=list)  # original offsets of removed invisible characters
    folded: list[int] = field(default_factory=list)  # original offsets of homoglyphs folded to Latin
    # original offsets of characters that spell hidden text (Unicode tags, variation-selector bytes)
    smuggled: list[int] = field(default_factory=list)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) covering normalised text[start:end]."""
        if not self.offsets:
            return 0, 0
        s = self.offsets[min(start, len(self.offsets) - 1)]
        e = self.offsets[end - 1] + 1 if end > start else s
        return s, e


# Unicode tag characters (U+E0020..U+E007E) mirror printable ASCII and render as nothing: outside an
# emoji flag sequence (a black flag U+1F3F4 followed by tags, then CANCEL TAG U+E007F) they spell text
# a reader cannot see.
_TAGS = range(0xE0000, 0xE0080)
_FLAG_BASE = "\U0001f3f4"


def is_variation_selector(ch: str) -> bool:
    o = ord(ch)
    return 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF


def _selector_byte(ch: str) -> int:
    o = ord(ch)
    return o - 0xFE00 if o <= 0xFE0F else o - 0xE0100 + 16


def _selector_runs(text: str) -> dict[int, tuple[int, str]]:
    """Runs of three or more variation selectors (one selects a glyph; a run encodes bytes, one per
    selector): start offset -> (end offset, the UTF-8 text the bytes spell, '' if none)."""
    runs: dict[int, tuple[int, str]] = {}
    i = 0
    while i < len(text):
        if not is_variation_selector(text[i]):
            i += 1
            continue
        j = i
        while j < len(text) and is_variation_selector(text[j]):
            j += 1
        if j - i >= 3:
            raw = bytes(_selector_byte(c) for c in text[i:j])
            decoded = raw.decode("utf-8", "replace")
            readable = sum(c.isprintable() or c.isspace() for c in decoded) >= 0.9 * len(decoded)
            runs[i] = (j, decoded if readable else "")
        i = j
    return runs


def _tag_text(text: str, i: int) -> str | None:
    """The ASCII a tag character spells, '' for one that spells nothing, None when it is part of an
    emoji flag sequence."""
    k = i
    while k > 0 and ord(text[k - 1]) in _TAGS:
        k -= 1
    if k > 0 and text[k - 1] == _FLAG_BASE:
        return None
    o = ord(text[i]) - 0xE0000
    return chr(o) if 0x20 <= o <= 0x7E else ""


def normalize(text: str, reveal: bool = False) -> Normalized:
    """NFKC, invisible characters removed, confusables folded to Latin, diacritics dropped.

    `reveal`: text spelled by invisible characters (Unicode tag characters, runs of variation
    selectors used as bytes) is decoded in place, so the safety rules read what a model would.
    """
    if text.isascii():  # nothing to fold or remove: the common case, kept fast
        return Normalized(text, list(range(len(text))), len(text))
    out: list[str] = []
    offsets: list[int] = []
    invisible: list[int] = []
    folded: list[int] = []
    smuggled: list[int] = []
    runs = _selector_runs(text) if reveal else {}
    skip_to = 0
    for i, ch in enumerate(text):
        if i < skip_to:
            continue
        if i in runs:
            skip_to, decoded = runs[i]
            smuggled += range(i, skip_to)
            out.append(" ")
            offsets.append(i)
            for x in normalize(decoded).text:
                out.append(x)
                offsets.append(i)
            continue
        if reveal and ord(ch) in _TAGS:
            spelled = _tag_text(text, i)
            if spelled is not None:
                smuggled.append(i)
                if spelled:
                    out.append(spelled)
                    offsets.append(i)
                continue
        if ch in INVISIBLE or unicodedata.category(ch) == "Cf" or is_variation_selector(ch):
            invisible.append(i)
            continue
        for c in unicodedata.normalize("NFKC", ch):
            if c in CONFUSABLES:
                folded.append(i)
                c = CONFUSABLES[c]
            elif ord(c) > 0x7F:
                base = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))
                if not base:
                    continue  # a lone combining mark
                c = base
            for x in c:
                out.append(x)
                offsets.append(i)
    return Normalized("".join(out), offsets, len(text), invisible, folded, smuggled)


def clean_text(text: str) -> str:
    """User-typed text safe for every stage: bytes that were not UTF-8 (lone surrogates) become
    U+FFFD and control characters other than tab and newline are dropped."""
    out = []
    for ch in str(text or ""):
        cat = unicodedata.category(ch)
        if cat == "Cs":
            out.append("\ufffd")
        elif cat != "Cc" or ch in "\t\n":
            out.append(ch)
    return "".join(out)


def _script(ch: str) -> str:
    if ch.isascii():
        return "latin" if ch.isalpha() else ""
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return ""
    for script in ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE"):
        if name.startswith(script):
            return script.lower()
    return "other" if ch.isalpha() else ""


def mixed_script_words(text: str) -> list[tuple[int, int]]:
    """Spans of words mixing Latin letters with Cyrillic, Greek or other look-alike scripts."""
    spans = []
    for m in _WORD.finditer(text):
        scripts = {_script(c) for c in m.group(0)} - {""}
        if "latin" in scripts and len(scripts) > 1:
            spans.append(m.span())
    return spans
