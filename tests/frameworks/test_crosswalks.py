"""Crosswalks as data, and mapping a control from one framework to another."""

from __future__ import annotations

import pytest

from advisor.errors import AdvisorError, FrameworkLookupError
from advisor.frameworks import Strength, load_catalog, map_control, mappings_between

CATALOG = load_catalog()


@pytest.mark.parametrize(
    ("a", "b"),
    [("nist-ai-rmf", "iso-iec-42001"), ("nist-ai-rmf", "eu-ai-act"), ("nist-ai-rmf", "onc-hti-1"),
     ("nist-ai-rmf", "chai-asg"), ("onc-hti-1", "chai-model-card")],
)  # fmt: skip
def test_required_crosswalks_exist_with_rationale_and_strength(a, b):
    rows = mappings_between(CATALOG, a, b)
    assert len(rows) >= 20, f"{a} <-> {b} has only {len(rows)} mappings"
    for r in rows:
        assert isinstance(r.strength, Strength)
        assert len(r.rationale.split()) >= 5, r
    assert any(r.strength is Strength.EQUIVALENT for r in rows) or (a, b) == ("nist-ai-rmf", "onc-hti-1")


def test_every_crosswalk_names_its_basis_as_our_own_reading():
    for cw in CATALOG.crosswalks:
        assert "own reading" in cw.basis, cw.id
        assert cw.as_of is not None


def test_each_hti1_attribute_maps_to_a_card_field_or_says_why_not():
    cw = next(c for c in CATALOG.crosswalks if c.id == "onc-hti-1--chai-model-card")
    hti = CATALOG.frameworks["onc-hti-1"]
    mapped = {m.source for m in cw.mappings} | {u.control for u in cw.unmatched}
    assert mapped >= {c.id for c in hti.assessable}
    assert {u.control for u in cw.unmatched} == {"SA-27", "SA-29"}  # local-data results only the buyer can produce
    direct = {m.source: m.target for m in cw.mappings if m.strength is Strength.EQUIVALENT and m.source != "SA-1"}
    assert direct["SA-5"] == "IntendedUseAndWorkflow"
    assert direct["SA-9"] == "CautionedOutOfScopeSettings"
    assert direct["SA-16"] == "BiasMitigationApproaches"


def test_govern_1_6_maps_into_iso_42001():
    rows = map_control(CATALOG, "nist-ai-rmf", "GOVERN 1.6", "iso-iec-42001")
    assert {r.control.id for r in rows} == {"A.4.2", "4.3"}
    assert all(r.source.id == "GOVERN 1.6" and r.rationale for r in rows)


def test_mapping_is_read_in_both_directions_and_equivalents_come_first():
    rows = map_control(CATALOG, "iso-iec-42001", "A.3.2", "nist-ai-rmf")
    assert rows[0].control.id == "GOVERN 2.1" and rows[0].strength is Strength.EQUIVALENT
    assert "GOVERN 3.2" in {r.control.id for r in rows}
    everywhere = map_control(CATALOG, "nist-ai-rmf", "MEASURE 2.11")
    assert {r.control.framework for r in everywhere} >= {"iso-iec-42001", "eu-ai-act", "onc-hti-1", "chai-asg"}
    strengths = [r.strength for r in everywhere]
    assert strengths == sorted(strengths, key=list(Strength).index)


def test_a_category_brings_the_mappings_of_its_subcategories_and_aliases_resolve():
    rows = map_control(CATALOG, "nist-ai-rmf", "GV-2", "iso-iec-42001")
    assert {r.source.id for r in rows} == {"GOVERN 2.1", "GOVERN 2.2", "GOVERN 2.3"}
    assert map_control(CATALOG, "eu-ai-act", "Art. 14", "nist-ai-rmf")[0].control.id == "MAP 3.5"


def test_unknown_framework_or_control_is_a_clear_user_error():
    with pytest.raises(FrameworkLookupError, match=r"no control 'GOVERN 9\.9' in framework 'nist-ai-rmf'") as err:
        map_control(CATALOG, "nist-ai-rmf", "GOVERN 9.9")
    assert isinstance(err.value, AdvisorError)
    with pytest.raises(FrameworkLookupError, match="no framework 'nist-csf'"):
        map_control(CATALOG, "nist-csf", "GV.OC-01")
