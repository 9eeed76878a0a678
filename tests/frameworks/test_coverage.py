"""Coverage of a framework by an organization's question scores: covered / gap / unassessed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from advisor.frameworks import CoverageState, Strength, coverage, load_catalog

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "corpus" / "assessment" / "results"
COVERED, GAP, UNASSESSED = CoverageState.COVERED, CoverageState.GAP, CoverageState.UNASSESSED

POLICY = """\
schema: advisor-framework/1
id: policy-set
name: "Our AI policy set"
version: "2026"
levels: [{id: policy, name: Policy}]
assessable_levels: [policy]
controls:
  - {id: P-1, level: policy, title: "Inventory", summary: "Every AI tool is registered before use."}
  - {id: P-2, level: policy, title: "Monitoring", summary: "Every deployed tool has a monitoring owner."}
  - {id: P-3, level: policy, title: "Energy", summary: "Report the energy used by large models."}
  - {id: P-4, level: policy, title: "Roles", summary: "AI roles are written down."}
"""
EVIDENCE = """\
schema: advisor-evidence/1
id: policy-evidence
name: "Questions to our policies"
instrument: "test"
questions:
  Q-1: [{framework: policy-set, control: P-1, strength: equivalent, rationale: "Q-1 asks whether tools are registered."}]
  Q-2: [{framework: policy-set, control: P-2, strength: equivalent, rationale: "Q-2 asks about monitoring owners."},
        {framework: policy-set, control: P-1, strength: related, rationale: "Monitoring needs a register of tools."}]
  Q-3: [{framework: policy-set, control: P-2, strength: related, rationale: "Q-3 touches monitoring dashboards."}]
  Q-4: [{framework: nist-ai-rmf, control: GOVERN 2.1, strength: equivalent, rationale: "Q-4 asks whether AI roles are documented."}]
"""
CROSSWALK = """\
schema: advisor-crosswalk/1
id: policy-set--nist-ai-rmf
name: "Policies to AI RMF"
source: policy-set
target: nist-ai-rmf
basis: "Our own reading."
mappings:
  - {source: P-4, target: GOVERN 2.1, strength: equivalent, rationale: "Both require written AI roles and responsibilities."}
  - {source: P-2, target: MEASURE 2.4, strength: related, rationale: "Monitoring owners support production monitoring."}
"""


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    d = tmp_path_factory.mktemp("policy")
    for name, text in (("policy.yaml", POLICY), ("evidence.yaml", EVIDENCE), ("cw.yaml", CROSSWALK)):
        (d / name).write_text(text, encoding="utf-8")
    return load_catalog([d])


def states(cov) -> dict[str, CoverageState]:
    return {c.control.id: c.state for c in cov.controls}


def test_covered_gap_and_unassessed(catalog):
    cov = coverage(catalog, "policy-set", {"Q-1": 4, "Q-2": 2, "Q-3": 5, "Q-4": None}, target=3)
    assert states(cov) == {"P-1": COVERED, "P-2": GAP, "P-3": UNASSESSED, "P-4": UNASSESSED}
    assert cov.counts == {"covered": 1, "gap": 1, "unassessed": 2}
    p2 = next(c for c in cov.controls if c.control.id == "P-2")
    assert {(q.question, q.score, q.met) for q in p2.questions} == {("Q-2", 2, False), ("Q-3", 5, True)}


def test_equivalent_evidence_decides_over_related(catalog):
    # Q-2 is only related to P-1: its low score does not turn P-1 into a gap while Q-1 (equivalent) meets target
    assert states(coverage(catalog, "policy-set", {"Q-1": 3, "Q-2": 1}))["P-1"] is COVERED
    # with no equivalent question scored, related evidence decides
    assert states(coverage(catalog, "policy-set", {"Q-2": 1}))["P-1"] is GAP
    assert states(coverage(catalog, "policy-set", {"Q-3": 4}))["P-2"] is COVERED


def test_evidence_reaches_a_control_through_an_equivalent_crosswalk_only(catalog):
    cov = coverage(catalog, "policy-set", {"Q-4": 4})
    p4 = next(c for c in cov.controls if c.control.id == "P-4")
    assert p4.state is COVERED
    # bundled instrument questions on GOVERN 2.1 (e.g. GOV-1) arrive the same way, unscored here
    assert {q.via for q in p4.questions} == {"nist-ai-rmf GOVERN 2.1"}
    assert "GOV-1" in {q.question for q in p4.questions}
    (ev,) = [q for q in p4.questions if q.question == "Q-4"]
    assert ev.strength is Strength.RELATED and ev.score == 4
    # P-2 -> MEASURE 2.4 is only related, so AI RMF monitoring questions do not count for P-2
    assert all(q.question in ("Q-2", "Q-3") for q in next(c for c in cov.controls if c.control.id == "P-2").questions)


def test_per_question_targets(catalog):
    cov = coverage(catalog, "policy-set", {"Q-1": 3}, target={"Q-1": 4})
    assert states(cov)["P-1"] is GAP
    assert next(c for c in cov.controls if c.control.id == "P-1").questions[0].target == 4.0


def load_org(name: str) -> tuple[dict, dict]:
    data = json.loads((RESULTS / name).read_text(encoding="utf-8"))
    scores = {r["question_id"]: r.get("score") for r in data["results"]}
    inst = yaml.safe_load((ROOT / "corpus" / "assessment" / "instrument.yaml").read_text(encoding="utf-8"))
    targets = {q["id"]: q["target"] for d in inst["dimensions"] for q in d["questions"]}
    return scores, targets


def test_northbridge_ai_rmf_coverage_is_consistent_with_its_scores():
    catalog = load_catalog()
    scores, targets = load_org("northbridge-academic-2026-10-15.json")
    cov = coverage(catalog, "nist-ai-rmf", scores, targets)
    assert sum(cov.counts.values()) == 72
    assert cov.counts["covered"] and cov.counts["gap"] and cov.counts["unassessed"]
    for c in cov.controls:
        scored = [q for q in c.questions if q.score is not None]
        if c.state is GAP:
            assert any(q.score < q.target for q in scored), c.control.id
        elif c.state is COVERED:
            assert scored and any(q.met for q in scored), c.control.id
        else:
            assert not scored, c.control.id
    # MEASURE 2.12 (environmental impact) is not evidenced by any instrument question
    assert "MEASURE 2.12" in cov.ids(UNASSESSED)
    gov2 = next(c for c in cov.controls if c.control.id == "GOVERN 1.6")
    assert "GOV-2" in {q.question for q in gov2.questions}
    assert cov.to_dict()["counts"] == cov.counts


def test_every_bundled_framework_gets_a_coverage_answer_for_each_sample_org():
    catalog = load_catalog()
    for name in ("northbridge-academic-2026-10-15.json", "meridian-health-2026-03-31.json"):
        scores, targets = load_org(name)
        for fw in catalog.frameworks.values():
            cov = coverage(catalog, fw.id, scores, targets)
            assert len(cov.controls) == len(fw.assessable)
