"""Fixtures for the assessment tests: the bundled instrument and the sample scorecards."""

from __future__ import annotations

import pytest

from advisor.assessment import load_instrument, load_results, score

from .helpers import MERIDIAN_1, MERIDIAN_2, NORTHBRIDGE, PRAIRIE


@pytest.fixture(scope="module")
def inst():
    return load_instrument()


@pytest.fixture(scope="module")
def cards(inst):
    return {p.name: score(load_results(p, inst), inst) for p in (NORTHBRIDGE, PRAIRIE, MERIDIAN_1, MERIDIAN_2)}
