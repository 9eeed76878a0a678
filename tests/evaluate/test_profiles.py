"""Published bars: CHAI profiles in thresholds.yaml, judged on every run, optionally gating."""

from __future__ import annotations

import pytest

from advisor.errors import ConfigError
from advisor.evaluate import DEFAULT_THRESHOLDS, ProfileStatus, judge_profiles, load_config
from advisor.evaluate.datasets import EvalCase
from advisor.evaluate.profiles import profile_gate_failed
from advisor.evaluate.scoring import CaseInputs, score_case


class _Checker:
    threshold = 0.5

    def support(self, claim: str, evidence: list[str]) -> float:
        return 1.0 if any("inventory" in e for e in evidence) and "inventory" in claim else 0.0


def _metrics(**values):
    return {k: {"value": v} for k, v in values.items()}


def test_the_bundled_profiles_carry_chais_bars():
    cfg = load_config(DEFAULT_THRESHOLDS)
    assert set(cfg.profiles) == {"chai-clinical-decision-support", "chai-chatbot", "chai-ehr-retrieval"}
    cds = {b.metric: (str(b.op), b.value) for b in cfg.profiles["chai-clinical-decision-support"].bars}
    assert cds == {
        "marker_validity": ("min", 1.0),
        "citation_precision": ("min", 1.0),
        "hallucination_rate": ("below", 0.05),
    }
    assert [(b.metric, str(b.op), b.value) for b in cfg.profiles["chai-chatbot"].bars] == [
        ("keypoints_pass", "min", 0.85)
    ]
    ehr = cfg.profiles["chai-ehr-retrieval"]
    assert [(b.metric, str(b.op), b.value) for b in ehr.bars] == [("stability_exact_match", "above", 0.99)]
    assert ehr.min_stability_repeats == 100 and cfg.stability.repeats >= 100
    assert all("CC BY 4.0" in p.source and "Coalition for Health AI" in p.source for p in cfg.profiles.values())
    assert cfg.gate_profile is None  # reported, not gating, unless configured


def test_profiles_are_met_not_met_or_not_evaluated():
    cfg = load_config(DEFAULT_THRESHOLDS)
    good = _metrics(
        marker_validity=1.0,
        citation_precision=1.0,
        hallucination_rate=0.0,
        keypoints_pass=0.9,
        stability_exact_match=1.0,
    )
    res = {r.profile.name: r for r in judge_profiles(cfg.profiles, good, stability_repeats=100)}
    assert {n: r.status for n, r in res.items()} == dict.fromkeys(res, ProfileStatus.MET)
    bad = {**good, **_metrics(hallucination_rate=0.05, keypoints_pass=0.84)}  # "under 5%" is strict
    res = {r.profile.name: r for r in judge_profiles(cfg.profiles, bad, stability_repeats=100)}
    assert res["chai-clinical-decision-support"].status == ProfileStatus.NOT_MET
    assert res["chai-chatbot"].status == ProfileStatus.NOT_MET
    assert res["chai-ehr-retrieval"].status == ProfileStatus.MET
    few = {r.profile.name: r for r in judge_profiles(cfg.profiles, good, stability_repeats=10)}
    assert few["chai-ehr-retrieval"].status == ProfileStatus.NOT_EVALUATED
    assert "measured over 10 repeats; the bar needs 100" in few["chai-ehr-retrieval"].bars[0].message
    missing = judge_profiles(cfg.profiles, _metrics(keypoints_pass=0.9))
    assert {r.profile.name: r.status for r in missing}["chai-clinical-decision-support"] == ProfileStatus.NOT_EVALUATED


def test_a_gating_profile_fails_unless_met():
    cfg = load_config(DEFAULT_THRESHOLDS)
    good = _metrics(keypoints_pass=0.9)
    assert not profile_gate_failed(judge_profiles(cfg.profiles, good, gate="chai-chatbot"))
    assert profile_gate_failed(judge_profiles(cfg.profiles, _metrics(keypoints_pass=0.5), gate="chai-chatbot"))
    # not evaluated never counts as met
    assert profile_gate_failed(judge_profiles(cfg.profiles, good, stability_repeats=5, gate="chai-ehr-retrieval"))


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("profiles:\n  p: {metrics: {nope: {min: 1}}}\n", "profiles.p.metrics.nope: unknown metric"),
        ("profiles:\n  p: {metrics: {pass_rate: {atleast: 1}}}\n", "must be {min|max|above|below: x}"),
        ("profiles:\n  p: {metrics: {pass_rate: {min: high}}}\n", "profiles.p.metrics.pass_rate.min: must be a number"),
        ("profiles:\n  p: {title: x}\n", "profiles.p: needs a metrics mapping"),
        ("gate_profile: chai\n", "gate_profile 'chai' is not a profile"),
        ("stability: {repeats: -1}\n", "stability.repeats must be a whole number"),
        ("stability: {often: 3}\n", "stability.often: unknown setting"),
    ],
)
def test_bad_profile_and_stability_settings_name_the_key(tmp_path, yaml_text, message):
    p = tmp_path / "t.yaml"
    p.write_text(yaml_text)
    with pytest.raises(ConfigError) as err:
        load_config(p)
    assert str(p) in str(err.value) and message in str(err.value)


def test_hallucination_rate_counts_citing_answers_with_an_unsupported_claim():
    case = EvalCase("c", "q?")
    cites = [{"marker": 1, "source": "s", "quote": "keep an inventory of AI"}]
    inputs = CaseInputs(passages={1: "keep an inventory of AI systems"}, evidence=["keep an inventory of AI systems"])
    ok = score_case(
        case, {"answer": "Keep an inventory of every AI system [1].", "citations": cites}, inputs, _Checker()
    )
    assert ok.metrics["hallucination_rate"] == 0.0
    bad = "Keep an inventory of every AI system [1]. The moon is made of green cheese [1]."
    assert (
        score_case(case, {"answer": bad, "citations": cites}, inputs, _Checker()).metrics["hallucination_rate"] == 1.0
    )
    uncited = score_case(case, {"answer": "Keep an inventory of every AI system.", "citations": []}, inputs, _Checker())
    assert uncited.undefined["hallucination_rate"] == "the answer cites nothing"
