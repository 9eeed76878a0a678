"""A letter's letterhead or address block, which extraction reads as one sentence when it ends
on "Tel." or a stop: where to write to, not a fact (quoted only when asked whom to contact or
where an organisation is located)."""

from __future__ import annotations

import re

from ..safety.phi_types import PhiType
from ..text import POSTAL
from .leads import AUXILIARY, title_words

__all__ = ["letterhead"]

#: Where a letter comes from or goes to: a postal address, a phone or fax label, or the
#: placeholder an address or phone number was redacted to.
_POSTAL = re.compile(
    POSTAL.pattern
    + r"|\b(?:Tel|Telephone|Fax|Phone)\b\.?\s*(?::|\[|\+?\(?\d|$)|"
    + "|".join(re.escape(k.placeholder) for k in (PhiType.ADDRESS, PhiType.PHONE, PhiType.FAX))
)


def letterhead(flat: str) -> bool:
    """A letterhead or address block ("Office of Clinical Technology Oversight ... Port Alder, WM
    98021 - Tel."): postal details and, but for them, capitalised words without a verb."""
    if _POSTAL.search(flat) is None or AUXILIARY.search(flat):
        return False
    words = title_words(_POSTAL.sub(" ", flat))
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)
