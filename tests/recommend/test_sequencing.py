"""Sequencing a roadmap a consultant can send: capacity in the first 90 days, urgent risks
from the evidence, bodies that must exist before they act, and the level each horizon aims at.
Fast: scorecards and roadmap.yaml only, no index."""

from __future__ import annotations

import dataclasses

import pytest

from advisor import assessment as A
from advisor.errors import AssessmentError
from advisor.recommend import plan as P
from advisor.recommend.context import Drafting
from advisor.recommend.roadmap import Body, Capacity, Roadmap, load_roadmap
from advisor.recommend.steps import aim_level, body_safe, owner
from advisor.recommend.urgent import find_urgent, possessive


def _card(org: str) -> A.Scorecard:
    return [c for _, c in A.load_all() if c.org == org][-1]


def _schedule(card: A.Scorecard, capacity: int | None, roadmap: Roadmap | None = None) -> list[P.Plan]:
    inst = A.load_instrument()
    roadmap = roadmap or load_roadmap(instrument=inst)
    urgent = tuple(f.question_id for f in find_urgent(card, roadmap.urgent))
    return P.schedule(P.plans(card, inst, roadmap), inst, capacity=capacity, urgent=urgent)


# --------------------------------------------------------------------------- capacity


@pytest.mark.parametrize("org", ["northbridge-academic", "prairie-bend-cah", "meridian-health"])
def test_first_ninety_days_hold_at_most_the_capacity_and_dependencies_hold(org):
    card = _card(org)
    rm = load_roadmap()
    cap = rm.capacity.for_tier(card.tier)
    assert card.tier in ("foundational", "developing") and cap == 3
    plans = _schedule(card, cap)
    by_key = {p.key: p for p in plans}
    first = [p for p in plans if p.horizon == 0]
    assert 1 <= len(first) <= 3
    for p in plans:
        for d in p.deps:
            assert by_key[d].horizon <= p.horizon, f"{p.key} lands before its dependency {d}"
        if p.rules and p.horizon != 0:
            assert p.deferred  # only the capacity keeps a blocking-rule fix out of the first 90 days
    # deferred blocking-rule fixes take the next slots: nothing else is ahead of them but prerequisites
    latest_fix = max((p.horizon for p in plans if p.deferred), default=0)
    ahead = [p for p in plans if 0 < p.horizon < latest_fix and not p.rules]
    assert all(p.reason.startswith("prerequisite of") for p in ahead), [p.key for p in ahead]
    pos = {p.key: i for i, p in enumerate(plans)}
    assert all(pos[d] < pos[p.key] for p in plans for d in p.deps)  # dependencies listed first


def test_without_a_capacity_every_blocking_fix_starts_in_the_first_ninety_days():
    card = _card("northbridge-academic")
    plans = _schedule(card, None)
    assert all(p.horizon == 0 for p in plans if p.rules)
    assert sum(p.horizon == 0 for p in plans) > 3


def test_capacity_applies_to_the_listed_tiers_and_can_be_overridden():
    cap = load_roadmap().capacity
    assert cap.for_tier("developing") == 3 and cap.for_tier("ready-to-scale") is None
    assert cap.for_tier("ready-to-scale", 2) == 2 and cap.for_tier("developing", 0) is None
    one = _schedule(_card("northbridge-academic"), 1)
    assert [p.key for p in one if p.horizon == 0] == ["GOV-2"]  # the urgent plan's prerequisite does not fit


def test_northbridge_starts_with_the_inventory_monitoring_and_the_committee():
    plans = _schedule(_card("northbridge-academic"), 3)
    first = [p.key for p in plans if p.horizon == 0]
    # monitoring acts on the unreviewed sepsis model; its prerequisite (the inventory) comes first
    assert first == ["GOV-2", "GOV-5", "GOV-A"]
    assert next(p for p in plans if p.key == "GOV-5").urgent


# --------------------------------------------------------------------------- urgent risks


def test_urgent_risks_come_from_the_evidence_of_each_organization():
    rm = load_roadmap()
    steps = {org: [(f.question_id, f.step) for f in find_urgent(_card(org), rm.urgent)] for org in R_ORGS}
    assert steps["northbridge-academic"] == [("GOV-5", "Review the sepsis model's performance now")]
    assert steps["prairie-bend-cah"] == [
        ("GOV-5", "Review the EHR vendor's sepsis alert's performance now"),
        ("CLIN-3", "Validate the sepsis alert on local data now"),
    ]
    assert steps["meridian-health"] == []  # its latest assessment validated and monitors its models
    earlier = next(c for _, c in A.load_all() if c.org == "meridian-health")
    assert [f.step for f in find_urgent(earlier, rm.urgent)] == ["Validate the deterioration model on local data now"]


R_ORGS = ("northbridge-academic", "prairie-bend-cah", "meridian-health")


def _with_evidence(card: A.Scorecard, qid: str, note: str) -> A.Scorecard:
    gaps = [dataclasses.replace(g, evidence=note) if g.question_id == qid else g for g in card.gaps]
    return dataclasses.replace(card, gaps=gaps, strengths=[])


@pytest.mark.parametrize(
    ("note", "step"),
    [
        (
            "The readmission model has not been revalidated since 2023.",
            "Review the readmission model's performance now",
        ),
        ("Two AI safety events from May were not investigated.", "Investigate two AI safety events now"),
        (
            "The ambient scribe vendor's BAA expired in June 2026.",
            "Stop PHI flowing to the ambient scribe vendor until",
        ),
        ("Clinic staff routinely paste patient information into public chatbots.", "Stop PHI going into public"),
        ("PHI flows to the coding service without a signed BAA.", "Stop PHI flowing to the vendor until"),
    ],
)
def test_each_kind_of_urgent_risk_is_found_in_other_wording(note, step):
    card = _with_evidence(_card("meridian-health"), "DATA-2", note)
    found = find_urgent(card, load_roadmap().urgent)
    assert [f.question_id for f in found] == ["DATA-2"] and found[0].step.startswith(step), found


@pytest.mark.parametrize(
    "note",
    [
        "A memo tells staff not to enter patient information into public chatbots.",
        "The sepsis alert outage in April 2026 was handled under the incident procedure.",
        "The fallback has not yet been tested.",
        "The deterioration model is reviewed monthly by its clinical owner.",
    ],
)
def test_ordinary_evidence_is_not_urgent(note):
    card = _with_evidence(_card("meridian-health"), "DATA-2", note)
    assert find_urgent(card, load_roadmap().urgent) == []


def test_possessive():
    assert possessive("the sepsis model") == "the sepsis model's"
    assert possessive("deployed AI tools") == "deployed AI tools'"


# --------------------------------------------------------------------------- bodies and aims


def _drafting(card: A.Scorecard, plans: list[P.Plan], roadmap: Roadmap) -> Drafting:
    return Drafting(card, A.load_instrument(), plans, P.numbered(plans), None, None, None, roadmap)  # type: ignore[arg-type]


def test_work_for_the_committee_waits_for_the_recommendation_that_charters_it():
    card = _card("northbridge-academic")  # GOV-1 scores 2: no chartered committee yet
    inst = A.load_instrument()
    rm = load_roadmap(instrument=inst)
    bare = Roadmap(themes=rm.themes, prerequisites={}, bodies=rm.bodies)
    plans = {p.key: p for p in P.plans(card, inst, bare)}
    # WORK-5 level 3: "reports are reviewed by the governance committee" -> it waits for GOV-A
    assert "GOV-A" in plans["WORK-A"].deps and "GOV-A" not in plans["GOV-2"].deps
    scheduled = P.schedule(list(plans.values()), inst, capacity=3)
    d = _drafting(card, scheduled, bare)
    creator = next(p for p in scheduled if p.key == "GOV-A")
    text = "Monitoring results are reviewed by the governance committee."
    same = body_safe(d, plans["GOV-5"], text, creator.horizon)
    assert "governance committee" not in same.replace("sets up the AI governance committee", "")
    assert same.startswith("Monitoring results are reviewed by the executive sponsor (until ")
    assert body_safe(d, plans["GOV-5"], text, creator.horizon + 1) == text  # chartered by then
    assert body_safe(d, creator, text, creator.horizon) == text  # the charter's own work


def test_owner_is_the_assessment_owner_and_never_a_body_yet_to_exist():
    card = _card("northbridge-academic")
    inst = A.load_instrument()
    rm = load_roadmap(instrument=inst)
    plans = P.schedule(P.plans(card, inst, rm), inst, capacity=3)
    d = _drafting(card, plans, rm)
    inv = next(p for p in plans if p.key == "GOV-2")
    assert owner(d, inv, ["Chief Digital and Information Officer"]) == "Chief Digital and Information Officer"
    # no owner in the assessment: the dimension's role, without "AI governance committee chair"
    assert inst.dimension("GOV").owner_role == "Chief Medical Information Officer / AI governance committee chair"
    assert owner(d, inv, []) == "Chief Medical Information Officer"


def test_each_horizon_aims_at_the_next_level_not_the_target():
    card = _card("northbridge-academic")
    gap = {g.question_id: g for g in card.gaps}
    assert (gap["GOV-2"].score, gap["GOV-2"].target, aim_level(gap["GOV-2"], 3)) == (1, 4, 3)
    assert (gap["CLIN-3"].score, gap["CLIN-3"].target, aim_level(gap["CLIN-3"], None)) == (3, 4, 4)
    assert aim_level(gap["VALUE-3"], None) == 3  # 1 -> 3: a working practice first


# --------------------------------------------------------------------------- roadmap.yaml


BAD = """\
themes:
  - {key: GOV-A, dimension: GOV, questions: [GOV-1, GOV-4], title: Charter}
capacity: {first_horizon: 0, tiers: [emerging]}
bodies:
  - {name: committee, created_by: GOV-11, level: 3, mentions: [committee], until: the CEO}
  - {name: board, created_by: GOV-1, level: 3}
urgent:
  subjects: 'models?'
  risks:
    - {key: a, match: ['{subject} (unclosed'], step: "Review {subject} now"}
    - {key: b, match: ['no subject here'], step: "Review {subject} now"}
    - {key: c, match: ['x'], unless: ['{subject}'], step: "Stop"}
"""


def test_invalid_new_sections_name_the_field_and_the_fix(tmp_path):
    path = tmp_path / "roadmap.yaml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(AssessmentError) as err:
        load_roadmap(path)
    problems = [str(p) for p in err.value.problems]
    expected = [
        "capacity.first_horizon: 0 is not a whole number of initiatives",
        "capacity.tiers: ['emerging'] must list tier ids of the instrument",
        "bodies[0].created_by: 'GOV-11' is not a question of the instrument",
        "bodies[1]: a body has exactly the fields name, created_by, level, mentions, until",
        "urgent.risks[0].match[0]: not a valid regular expression",
        "urgent.risks[1]: the step names {subject} but a pattern has none",
        "urgent.risks[2].unless[0]: {subject} is only allowed in 'match'",
    ]
    for text in expected:
        assert any(text in p for p in problems), (text, problems)
    assert len(problems) == len(expected)


def test_bundled_roadmap_has_the_new_sections():
    rm = load_roadmap()
    assert rm.capacity == Capacity(3, ("foundational", "developing"))
    assert rm.bodies == (
        Body("AI governance committee", "GOV-1", 3, ("AI governance committee", "governance committee"), "the executive sponsor"),
    )  # fmt: skip
    assert [r.key for r in rm.urgent][:3] == ["model-not-reviewed", "tools-not-monitored", "live-without-validation"]
