"""presidio-analyzer's pattern recognizers, called directly: no AnalyzerEngine, no spaCy model,
no network (the e-mail check uses tldextract's bundled suffix snapshot)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from .phi_types import Finding, PhiType, finding

# presidio entity -> our kind, and the lowest presidio score we accept without a label of our own.
_ENTITIES: dict[str, tuple[PhiType, float]] = {
    "US_SSN": (PhiType.SSN, 0.5),
    "EMAIL_ADDRESS": (PhiType.EMAIL, 0.5),
    "URL": (PhiType.URL, 0.5),
    "IP_ADDRESS": (PhiType.IP, 0.6),
    "PHONE_NUMBER": (PhiType.PHONE, 0.4),
    "CREDIT_CARD": (PhiType.ACCOUNT, 0.3),
    "IBAN_CODE": (PhiType.ACCOUNT, 0.5),
    "MAC_ADDRESS": (PhiType.DEVICE, 0.5),
    "US_MBI": (PhiType.HEALTH_PLAN, 0.5),
    "MEDICAL_LICENSE": (PhiType.LICENSE, 0.4),
    "US_ITIN": (PhiType.OTHER_ID, 0.5),
    "US_CLAIM_NUMBER": (PhiType.OTHER_ID, 0.35),
    "US_PRESCRIPTION_NUMBER": (PhiType.OTHER_ID, 0.35),
    "US_PRIOR_AUTHORIZATION_NUMBER": (PhiType.OTHER_ID, 0.35),
    "US_REFERRAL_NUMBER": (PhiType.OTHER_ID, 0.35),
}


@contextmanager
def _absent(*names: str) -> Iterator[None]:
    """Make not-yet-imported optional packages look absent (a None entry in sys.modules makes
    `import` raise ImportError, which presidio and thinc catch for their optional transformers
    and torch NLP engines). We use none of those engines, and importing them costs ~3 CPU-s of a
    cold `advisor ask`. Entries are removed afterwards, so a later real import still works."""
    blocked = [n for n in names if n not in sys.modules]
    for n in blocked:
        sys.modules[n] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        for n in blocked:
            if n in sys.modules and sys.modules[n] is None:
                del sys.modules[n]


@lru_cache(maxsize=1)
def recognizers() -> list:
    """The presidio recognizers we use, built once (importing presidio takes seconds: done lazily)."""
    # presidio imports spaCy (and transformers when installed) at import time; only pay that when detecting.
    with _absent("torch", "transformers"):
        import tldextract
        from presidio_analyzer.predefined_recognizers import (
            CreditCardRecognizer,
            EmailRecognizer,
            IbanRecognizer,
            IpRecognizer,
            MacAddressRecognizer,
            MedicalLicenseRecognizer,
            PhoneRecognizer,
            UrlRecognizer,
            UsClaimNumberRecognizer,
            UsItinRecognizer,
            UsMbiRecognizer,
            UsPrescriptionNumberRecognizer,
            UsPriorAuthorizationNumberRecognizer,
            UsReferralNumberRecognizer,
            UsSsnRecognizer,
        )

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)  # the bundled snapshot, never fetched

    class OfflineEmailRecognizer(EmailRecognizer):
        def validate_result(self, pattern_text: str) -> bool:
            return offline(pattern_text).fqdn != ""

    return [
        UsSsnRecognizer(),
        OfflineEmailRecognizer(),
        UrlRecognizer(),
        IpRecognizer(),
        PhoneRecognizer(supported_regions=("US", "CA", "GB")),
        CreditCardRecognizer(),
        IbanRecognizer(),
        MacAddressRecognizer(),
        UsMbiRecognizer(),
        MedicalLicenseRecognizer(),
        UsItinRecognizer(),
        UsClaimNumberRecognizer(),
        UsPrescriptionNumberRecognizer(),
        UsPriorAuthorizationNumberRecognizer(),
        UsReferralNumberRecognizer(),
    ]


def presidio_findings(text: str) -> list[Finding]:
    """Findings of presidio's self-validating pattern recognizers."""
    out = []
    for rec in recognizers():
        for r in rec.analyze(text, rec.supported_entities, None):
            kind, floor = _ENTITIES.get(r.entity_type, (None, 1.0))
            inside_word = (r.start > 0 and text[r.start - 1].isalnum()) or (r.end < len(text) and text[r.end].isalnum())
            if kind is PhiType.IP and _version(text, r.start):
                continue
            if kind is not None and r.score >= floor and not inside_word:
                out.append(finding(text, kind, r.start, r.end, min(0.9, float(r.score) + 0.3)))
    return out


#: A word a version or release number follows ("version 4.2.1.7", "Release 2.1.0.3", "v3.4.0.1").
_VERSIONED = re.compile(r"\b(?:version|ver\.?|v|release|rel\.?|rev\.?|revision|build|edition|firmware|patch)\s*$", re.I)


def _version(text: str, start: int) -> bool:
    """Is the dotted quad at `start` a version number, not a host's address? One after a version
    word is, and so is one opening with 0 ("Policy 0.12.0.0": no host address starts with 0)."""
    return text.startswith("0.", start) or _VERSIONED.search(text[max(0, start - 12) : start]) is not None
