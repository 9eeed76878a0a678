"""Text written into files other programs open (CSV, DOCX, Markdown exports): spreadsheet
formulas and live markup neutralised, so a results field or a document title can never run as a
formula in a spreadsheet or as HTML or a script link in a Markdown viewer."""

from __future__ import annotations

import re

# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+)?%?$")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_SCRIPT_LINK = re.compile(r"\]\(\s*(?!https?://|mailto:|#|/)([a-z][a-z0-9+.-]*):", re.I)


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
