"""The shared real documents (../shared/realdocs), found from the main checkout or a worktree."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# ADVISOR_SHARED (as tests/cards reads it: a worktree anywhere), else the repo's sibling ../shared;
# a git worktree under <checkout>/wt/NAME looks two levels up
_CANDIDATES = [
    *([Path(os.environ["ADVISOR_SHARED"]) / "realdocs"] if os.environ.get("ADVISOR_SHARED") else []),
    ROOT.parent / "shared" / "realdocs",
    ROOT.parent.parent / "shared" / "realdocs",
]


def realdoc(name: str) -> Path:
    """Path of a shared real document; skips the test with the reason when it is absent."""
    for folder in _CANDIDATES:
        if (folder / name).exists():
            return folder / name
    pytest.skip(f"the shared real document {name} is absent from ../shared/realdocs (not checked out next to the repo)")


PLAYBOOK = "AI_RMF_Playbook.pdf"
CHAI_CARDS = [f"chai-model-cards/v0.1-{n}.pdf" for n in ("Aidoc_AD-01", "Aidoc_BA-01", "OrbDoc_Voice-to-SOAP")]
