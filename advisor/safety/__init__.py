"""Content safety: a PHI detector (HIPAA Safe Harbor identifiers) and an injection scanner.

Leaf-level: these modules import only `advisor.text`, `advisor.chunk`, `advisor.errors` and
`advisor.settings`, so ingestion, answering, audit and the eval runner can all use them.
"""

from __future__ import annotations

from .injection import Flag, Reason, instruction_ratio, is_instruction, scan
from .normalize import Normalized, normalize
from .phi import Finding, PhiType, detect, redact

__all__ = [
    "Finding",
    "Flag",
    "Normalized",
    "PhiType",
    "Reason",
    "detect",
    "instruction_ratio",
    "is_instruction",
    "normalize",
    "redact",
    "scan",
]
