"""Lines that read as form fields ("Release Date: March 2022") and text that ends on a word no
whole sentence ends on ("..., including"): what decides whether a line may be quoted alone."""

from __future__ import annotations

import re

from ..guard import looks_like_injection
from ..text import STRANDED
from .status import masthead_spans

__all__ = ["CUT", "DANGLING", "FIELD", "cut_off", "dangling", "field_line", "field_spans"]

#: "in", "on" and "at" after a participle end a relative clause ("the meeting at which it is
#: voted on", "the data it was trained on"); after anything else they are a cut.
DANGLING = re.compile(
    # not the end of a compound ("written opt-in", "an add-on"), nor a capital letter ("in Appendix A")
    r"\b(?<![-‐])(?:to|of|(?-i:the|a|an)|and|or|nor|such as|including|include|includes|following|by|for|with|from|into|as|than|"
    # "logged in", "switch them on", "turn it off": a particle after a verb or its pronoun ends a sentence
    r"that|which|whose|its|their|our|are|is|e\.g\.?|i\.e\.?|(?<!ed )(?<!\bthem )(?<!\bit )(?<!\bthis )(?:in|on|at))[,;]?\s*$",
    re.I,
)


def dangling(text: str) -> bool:
    """Does the text end on a word no whole sentence or list item ends on ("..., including")?"""
    return DANGLING.search(text) is not None and STRANDED.search(text) is None


def cut_off(text: str) -> bool:
    """Does a sentence or item stop mid-clause: on a word none ends on ("... or its lack of."), or
    inside a bracket it opened ("... (or conditions that approximate the setting.")?"""
    body = text.rstrip(".!?")
    return dangling(body) or body.count("(") != body.count(")")


#: ("With effect from 08:00 on Monday ...:" is no field: a time's colon separates no label)
FIELD = re.compile(r"^(?P<label>[A-Z][\w/()&,'’ -]{1,60}?):(?!(?<=\d:)\d)\s*(?P<value>\S.*)$", re.S)
#: A clause cut before its object: "... in place to address", "... communicated to relevant".
CUT = re.compile(
    r"\b(?:to|of|for|with|by|from|in|on|at|into|about|across|among)\s+(?:relevant|appropriate|other|all|any|each|"
    r"every|both|such|key|specific|various|several|applicable|related|potential|additional|external|internal)$"
    r"|\bto\s+(?:address|ensure|include|provide|identify|establish|determine|assess|evaluate|consider|inform|"
    r"enable|promote|reduce|prevent|define|describe|implement|mitigate|communicate|characterize|incorporate)$",
    re.I,
)


def field_line(text: str) -> bool:
    """A form field read as "Label: value" ("Release Date: March 2022", "Version: BA-01"):
    quotable without a full stop when the label is short and the value says something."""
    m = FIELD.match(text.strip())
    if not m or len(m.group("label").split()) > 8 or re.search(r"(?:\.\s?){4,}|…", text):
        return False
    if re.search(r"[A-Za-z]+\d|\d+[A-Za-z]{2,}", m.group("label").replace("3rd", "third")):
        return False  # "GAO-21-519SP: ..." cites a document; a field's label is words
    value = m.group("value").strip().rstrip(".")
    if dangling(value) or CUT.search(value) or value.count("(") != value.count(")"):
        return False
    if value.endswith((";", ",", "-")) or looks_like_injection(text):
        return False
    return len(value.split()) >= 2 or bool(re.search(r"\d", value))


def field_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A sentence span split before each line that is a form field ("Release Date: May 2022")
    when the line before it is a field too or ends a sentence: a card's fields, one per line;
    a masthead line at its separators."""
    if len(masthead := masthead_spans(text, s, e)) > 1:
        return masthead
    out = [(s, e)]
    pos = text.find("\n", s, e)
    while pos != -1:
        nxt = text.find("\n", pos + 1, e)
        line = text[pos + 1 : nxt if nxt != -1 else e].strip()
        before = text[out[-1][0] : pos].strip().rsplit("\n", 1)[-1]
        if line and before and field_line(line) and (FIELD.match(before) or before.endswith((".", ":", "!", "?"))):
            out[-1] = (out[-1][0], pos)
            out.append((pos + 1 + len(text[pos + 1 : e]) - len(text[pos + 1 : e].lstrip()), e))
        pos = nxt
    return out


def block_head(text: str, start: int, line: str) -> str:
    """The line a signature block's fields stand under ("SIGNED for and on behalf of X" over "Name:
    ...", "Title: ...", "Date: ..."): the first line of the field's paragraph when it says who signs
    for whom; "" for any other field (a field under prose is read on its own)."""
    if start <= 0 or not field_line(" ".join(line.split())):
        return ""
    para = text.rfind("\n\n", 0, start)
    para = 0 if para < 0 else para + 2
    end = text.find("\n", para)
    first = text[para : end if end >= 0 else len(text)].strip()
    if not first or end < 0 or end >= start or field_line(first) or not _SIGNED_FOR.search(first):
        return ""
    return first


#: A signature block's heading: "SIGNED for and on behalf of X", "Executed by X", "Approved by:".
_SIGNED_FOR = re.compile(r"\b(?:signed|signature|on behalf of|executed by|approved by|witnessed)\b", re.I)
