"""Text written into files other programs open (CSV, DOCX, Markdown exports): spreadsheet
formulas and live markup neutralised, so a results field or a document title can never run as a
formula in a spreadsheet or as HTML or a script link in a Markdown viewer."""

from __future__ import annotations

import re
import unicodedata

from .normalize import mixed_script_words

# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+)?%?$")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_SCRIPT_LINK = re.compile(r"\]\(\s*(?!https?://|mailto:|#|/)([a-z][a-z0-9+.-]*):", re.I)


# what makes a "+" / "-" cell more than arithmetic: a function call, a sheet or DDE reference
_ACTIVE = re.compile(r"[A-Za-z_][\w.]*\s*\(|[!|]")
#: The longest name (an organization's, an assessor's) a results file may give.
NAME_LIMIT = 120


def formula_problem(value: object) -> str:
    """Why a spreadsheet would run this cell as a formula ("" when it would not): it starts with
    "=" or "@", or with "+", "-", a tab or a carriage return followed by a function call or a
    reference. Numbers ("-3", "+1.5") and plain dashes ("- none yet") are text."""
    text = "" if value is None else str(value)
    stripped = text.lstrip(" ")
    if not stripped or _NUMBER.match(stripped.strip()):
        return ""
    first = stripped[0]
    if first in "=@" or (first in "+-\t\r" and _ACTIVE.search(stripped)):
        return (
            f"starts with {first!r} and reads as a spreadsheet formula, which a spreadsheet would run; "
            "type the text without it"
        )
    return ""


def name_problem(value: object) -> str:
    """Why a name shown in lists and headings (an organization's, an assessor's) is refused ("" when
    it is fine): a formula, markup, invisible or direction-changing characters, look-alike letters from
    another script inside a word, or more than NAME_LIMIT characters."""
    text = "" if value is None else str(value)
    if why := formula_problem(text):
        return why
    if _TAG.search(text):
        return "holds markup (a '<' opening a tag); type the name as plain text"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") for ch in text):
        return "holds invisible or direction-changing characters; type the name again as plain text"
    if mixed_script_words(text):
        return "mixes letters of two alphabets in one word (look-alike letters); type the name again"
    if len(text) > NAME_LIMIT:
        return f"is {len(text)} characters long; use at most {NAME_LIMIT}"
    return ""


def neutralize_formula(value: object) -> str:
    """The cell text, prefixed with an apostrophe when a spreadsheet would read it as a formula
    (plain numbers such as -3 or +1.5 are left alone)."""
    text = "" if value is None else str(value)
    stripped = text.lstrip(" ")
    if stripped.startswith(FORMULA_PREFIXES) and not _NUMBER.match(stripped.strip()):
        return "'" + text
    return text


def markdown_safe(text: object) -> str:
    """Text for a Markdown export: no raw HTML tags (`<` becomes `&lt;`) and no links with a
    script scheme (`[x](javascript:...)`); ordinary Markdown and citation markers stay readable."""
    out = _TAG.sub("&lt;", "" if text is None else str(text))
    return _SCRIPT_LINK.sub(lambda m: "](" + m.group(1) + "&#58;", out)
