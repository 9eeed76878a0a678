"""Shared paths for the model-card tests: the CHAI cards in ../shared/realdocs/chai-model-cards.

The cards are never committed; tests that need them skip with the reason when they are absent.
`ADVISOR_SHARED` may point at the shared folder when the repository is checked out elsewhere
(a git worktree, for example).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# the repo's sibling ../shared; a git worktree under <checkout>/wt/NAME finds it two levels up
_FOUND = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if (p / "realdocs").is_dir()), None)
SHARED = Path(os.environ.get("ADVISOR_SHARED") or _FOUND or ROOT.parent / "shared")
CARDS = SHARED / "realdocs" / "chai-model-cards"
STEMS = ("Aidoc_AD-01", "Aidoc_BA-01", "OrbDoc_Voice-to-SOAP")


def card_path(name: str) -> Path:
    p = CARDS / name
    if not p.exists():
        pytest.skip(
            f"the shared CHAI model card {p} is absent (../shared/realdocs is not checked out next to the repo)"
        )
    return p


def pdf(stem: str) -> Path:
    return card_path(f"v0.1-{stem}.pdf")


def xml(stem: str) -> Path:
    return card_path(f"v0.2-{stem}.xml")
