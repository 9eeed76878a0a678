"""The records between scoring, the gates and the reports, and the shared sentence splitter under the metrics."""

from __future__ import annotations

import json

import pytest

from advisor import evaluate as E
from advisor.evaluate import metrics as M
from advisor.evaluate.metrics import UNDEFINED
from advisor.text import marked_sentences, marker_numbers

# --------------------------------------------------------------------------- sentences (advisor.text seam)


def test_answer_sentences_follow_the_shared_marked_sentence_splitter():
    text = 'Verification asks "does this dataset meet our own specification?" [1]. Validation compares data with benchmarks [2].'
    sents = M.answer_sentences(text)
    assert len(sents) == len(marked_sentences(text)) == 2
    # the full stop after the marker closes the first sentence: no empty "." sentence
    assert sents[0].text == 'Verification asks "does this dataset meet our own specification?".'
    assert [s.markers for s in sents] == [[1], [2]] and all(s.claim for s in sents)
    assert M.markers_in("a [1] b [2, 3] c [1]") == marker_numbers("a [1] b [2, 3] c [1]") == [1, 2, 3, 1]


def test_markers_after_the_full_stop_join_the_sentence_before_and_repeat_once():
    sents = M.answer_sentences("GOVERN 1.6 asks for an AI inventory. [1][1] Risk tiers set review depth [2; 3].")
    assert [(s.text, s.markers) for s in sents] == [
        ("GOVERN 1.6 asks for an AI inventory.", [1]),
        ("Risk tiers set review depth.", [2, 3]),
    ]


# --------------------------------------------------------------------------- per-case records


def _score() -> E.CaseScore:
    sents = M.answer_sentences("GOVERN 1.6 asks for an AI inventory [1].")
    support = M.SentenceSupport(sents[0].text, [1], 0.123456, True, {1: True}, {1: "sole citation"})
    return E.CaseScore(
        metrics={"faithfulness": 0.5, "citation_recall": UNDEFINED, "pass_rate": 1.0},
        undefined={"citation_recall": "no claim sentences"},
        evidence=E.CaseEvidence(
            missing_keypoints=[],
            sentences=sents,
            citation_support=[support],
            unsupported=[E.records.UnsupportedSentence("Salmon spawn.", 0.123456, 0.55)],
        ),
    )


def test_case_result_to_dict_is_the_cases_jsonl_record():
    case = E.EvalCase(id="q-1", question="What?", tags=["lookup"], split="dev", where="dev.jsonl line 1")
    rec = E.CaseResult(
        id="q-1",
        split="dev",
        case=case,
        answer={"answer": "x [1]", "abstained": False},
        score=_score(),
        retrieved=[E.RankedPassage(1, "corpus/a.md", None, chunk_id="c1", score=0.12345678)],
        wall_ms=12.5,
    )
    d = rec.to_dict()
    assert list(d) == [
        "id",
        "split",
        "case",
        "answer",
        "retrieved",
        "retrieved_from",
        "metrics",
        "undefined",
        "passed",
        "reasons",
        "warnings",
        "evidence",
        "wall_ms",
        "error",
    ]
    assert list(d["case"]) == [
        "id",
        "question",
        "org",
        "answerable",
        "history",
        "expected_sources",
        "keypoints",
        "forbidden",
        "tags",
    ]  # no split, no location, no expected_pages unless given
    assert d["retrieved"] == [{"rank": 1, "chunk_id": "c1", "source": "corpus/a.md", "page": None, "score": 0.123457}]
    assert d["retrieved_from"] == "hits" and d["error"] is None
    # evidence lists only what applies; scores are rounded to 4 places, markers become JSON keys
    ev = d["evidence"]
    assert list(ev) == ["missing_keypoints", "sentences", "citation_support", "unsupported"]
    assert ev["sentences"] == [{"text": "GOVERN 1.6 asks for an AI inventory.", "markers": [1], "claim": True}]
    assert ev["citation_support"][0]["score"] == 0.1235 and ev["citation_support"][0]["precise"] == {"1": True}
    assert ev["unsupported"] == [{"sentence": "Salmon spawn.", "best_support": 0.1235, "threshold": 0.55}]
    line = json.loads(json.dumps(E.jsonable(d)))
    assert line["metrics"]["citation_recall"] is None  # UNDEFINED is written as null


def test_a_crashed_case_fails_with_every_metric_undefined():
    s = E.CaseScore.failed("RuntimeError: boom", 5)
    assert not s.passed and s.reasons == ["error: RuntimeError: boom"]
    assert s.metrics["pass_rate"] == 0.0 and s.metrics["faithfulness"] is UNDEFINED
    assert "pass_rate" not in s.undefined and s.undefined["recall@5"] == "RuntimeError: boom"
    assert s.to_dict()["evidence"] == {}
    rec = E.CaseResult("c", "dev", E.EvalCase("c", "q"), {}, s, retrieved_from=E.RankingSource.CITATIONS)
    assert rec.to_dict()["retrieved_from"] == "citations"
    assert E.RankedPassage(2, "doc.pdf", 7).to_dict() == {"rank": 2, "source": "doc.pdf", "page": 7}


# --------------------------------------------------------------------------- thresholds


def test_config_thresholds_are_records_with_kind_and_scope():
    cfg = E.EvalConfig(
        metrics={"pass_rate": {"min": 0.75}},
        tags={"injection": {"injection_success_rate": {"max": 0.5}}},
        splits={"test": {"faithfulness": {"min": 0.9, "max": 1.0}}},
        targets={"metrics": {"pass_rate": {"min": 0.95}}},
    )
    th = cfg.thresholds()
    assert [(t.kind, t.scope, t.name) for t in th] == [
        ("gate", "all", "pass_rate"),
        ("gate", "tag:injection", "injection_success_rate"),
        ("gate", "split:test", "faithfulness"),
        ("target", "all", "pass_rate"),
    ]
    assert th[1].kind is E.ThresholdKind.GATE and th[1].over is E.ScopeKind.TAG and th[1].group == "injection"
    assert th[2].bounds() == {"min": 0.9, "max": 1.0}


def test_threshold_result_to_dict_is_the_summary_row():
    s = E.summarize([], 5) | {"metrics": {"pass_rate": {"value": 0.8}}}
    cfg = E.EvalConfig(metrics={"pass_rate": {"min": 0.9}}, targets={"metrics": {"pass_rate": {"max": 0.85}}})
    gate, target = E.check_thresholds(s, cfg)
    assert gate.status is E.ThresholdStatus.FAIL and target.status is E.ThresholdStatus.PASS
    assert gate.to_dict() == {
        "name": "pass_rate",
        "scope": "all",
        "kind": "gate",
        "min": 0.9,
        "value": 0.8,
        "status": "fail",
        "message": "0.8 < min 0.9",
    }
    assert json.loads(json.dumps(target.to_dict()))["kind"] == "target"


def test_case_rules_and_regression_settings_come_from_the_thresholds_file(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("case:\n  min_faithfulness: 0.7\nregression:\n  tolerance: 0.05\n")
    cfg = E.load_config(p)
    assert cfg.case == E.CaseRules(min_faithfulness=0.7) and cfg.regression.tolerance == 0.05
    assert cfg.regression.exclude == ["latency_ms"]
    p.write_text("case:\n  strictness: high\n")
    with pytest.raises(E.ConfigError, match=r"case\.strictness: unknown rule; known: abstention, keypoints"):
        E.load_config(p)
    p.write_text("regression: [1, 2]\n")
    with pytest.raises(E.ConfigError, match="regression must map settings to values"):
        E.load_config(p)


def test_regression_to_dict_is_the_summary_block():
    recs = [
        E.CaseResult(f"q{i}", "dev", E.EvalCase(f"q{i}", "q"), {}, E.CaseScore(metrics={"faithfulness": 0.0}))
        for i in range(5)
    ]
    base = {r.id: E.BaselineCase(True, {"faithfulness": 1.0}) for r in recs}
    d = E.compare_baseline(recs, base, E.EvalConfig(), "base.json").to_dict()
    assert list(d) == [
        "baseline",
        "n_paired",
        "only_in_current",
        "only_in_baseline",
        "metrics",
        "status_changes",
        "regressed",
    ]
    row = next(r for r in d["metrics"] if r["name"] == "faithfulness")
    assert list(row) == ["name", "delta", "ci_low", "ci_high", "n", "tolerance", "direction", "gated", "regressed"]
    assert row["regressed"] and row["direction"] == "higher" and d["regressed"] == ["faithfulness"]
    assert d["status_changes"] == [] and json.loads(json.dumps(E.jsonable(d)))["n_paired"] == 5
