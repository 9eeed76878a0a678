"""Shared paths and fixtures for the model-card tests: the CHAI cards in
../shared/realdocs/chai-model-cards, the fictional vendor cards built by
evals/fixtures/cards/build_cards.py, an Advisor indexing both, and the evidence helpers of the
figure and layout tests.

The CHAI cards are never committed; tests that need them skip with the reason when they are
absent. `ADVISOR_SHARED` may point at the shared folder when the repository is checked out
elsewhere (a git worktree, for example).
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from pathlib import Path

import pytest

from advisor import Advisor
from advisor.answer.asks import Evidence, addressed, read_ask
from advisor.cards import CardReview, review_card
from advisor.settings import Settings
from advisor.text import tokenize

ROOT = Path(__file__).resolve().parents[2]
# the repo's sibling ../shared; a git worktree under <checkout>/wt/NAME finds it two levels up
_FOUND = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if (p / "realdocs").is_dir()), None)
SHARED = Path(os.environ.get("ADVISOR_SHARED") or _FOUND or ROOT.parent / "shared")
CARDS = SHARED / "realdocs" / "chai-model-cards"
STEMS = ("Aidoc_AD-01", "Aidoc_BA-01", "OrbDoc_Voice-to-SOAP")
BUILD = ROOT / "evals" / "fixtures" / "cards" / "build_cards.py"


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


@cache
def reviewed(path: Path) -> CardReview:
    """A card's review, read once per test session (the tests only look at it)."""
    return review_card(path)


def build_cards(out: Path) -> list[Path]:
    """The fictional vendor cards of evals/fixtures/cards/build_cards.py, written into `out`."""
    spec = importlib.util.spec_from_file_location("build_cards", BUILD)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.build_all(out)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The built vendor cards by file stem, once per test module."""
    return {p.stem: p for p in build_cards(tmp_path_factory.mktemp("built-cards"))}


@pytest.fixture(scope="module")
def advisor(built, tmp_path_factory) -> Advisor:
    """An Advisor that has indexed the built cards and, when ../shared is present, the CHAI PDF cards."""
    home = tmp_path_factory.mktemp("cards-home")
    adv = Advisor(Settings.from_env({"ADVISOR_HOME": str(home)}))
    chai = sorted(CARDS.glob("v0.1-*.pdf")) if CARDS.is_dir() else []
    report = adv.index_paths([*built.values(), *chai])
    assert report.ok, report.errors
    return adv


def first_source(ans) -> str:
    """The file stem of an answer's first citation ("" when it cites nothing)."""
    return Path(ans.citations[0].source).stem if ans.citations else ""


def evidence(text: str, title: str = "", lead: str = "", document: str = "") -> Evidence:
    """A quoted sentence under its chunk's title, with the lead-in it is quoted under and its document's words."""
    own = set(tokenize(f"{lead} {text}"))
    context = set(tokenize(title))
    return Evidence(text, own, context, own | context | set(tokenize(document)))


def answers(question: str, *quoted: Evidence) -> tuple[bool, str]:
    """Do the quoted sentences address the question (as a draft answer is checked), and why not."""
    v = addressed(read_ask(question), list(quoted), min_coverage=0.3, min_focus_coverage=0.5)
    return v.ok, v.reason
