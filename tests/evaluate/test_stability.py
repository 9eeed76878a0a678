"""Output stability: the offline composer gives identical answers to repeated questions —
in one process, in a fresh advisor over the same index, and across processes whose string
hashing differs (PYTHONHASHSEED) — and the measurement catches an answer that changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.answer import Advisor
from advisor.evaluate import (
    DEFAULT_DATASETS,
    default_corpus,
    eval_settings_for,
    fingerprint,
    load_datasets,
    measure_stability,
)
from advisor.evaluate.datasets import EvalCase
from advisor.evaluate.stability import pick_cases
from advisor.index import Index
from advisor.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = 8
REPEATS = 5


def test_fingerprint_ignores_only_the_timings():
    a = {"answer": "Inventory [1].", "citations": [{"marker": 1, "quote": "q"}], "timings_ms": {"retrieve": 1.0}}
    assert fingerprint(a) == fingerprint({**a, "timings_ms": {"retrieve": 99.0}})
    assert fingerprint(a) != fingerprint({**a, "citations": [{"marker": 1, "quote": "other"}]})


def test_measure_stability_catches_an_answer_that_changes():
    cases = [EvalCase("a", "q a"), EvalCase("b", "q b")]
    first = {"a": {"answer": "A"}, "b": {"answer": "B"}}
    calls = {"b": 0}

    def ask(c: EvalCase) -> dict:
        if c.id == "b":
            calls["b"] += 1
            if calls["b"] == 2:
                return {"answer": "B, but different"}
            if calls["b"] == 3:
                raise RuntimeError("flaky")
        return dict(first[c.id], timings_ms={"x": calls["b"]})

    res = measure_stability(ask, cases, first, repeats=3)
    assert res.runs == 6 and res.matches == 4 and res.rate == pytest.approx(4 / 6)
    assert [(m.id, m.repeat, m.field) for m in res.mismatches] == [("b", 2, "answer"), ("b", 3, "error: RuntimeError")]


def _questions() -> list[EvalCase]:
    """Questions spread over the suite: lookups, assessment truths with an org, follow-ups, declines."""
    cases = load_datasets(list(DEFAULT_DATASETS))
    picked = pick_cases(cases, QUESTIONS - 2)
    picked += [next(c for c in cases if c.history), next(c for c in cases if not c.answerable)]
    return list({c.id: c for c in picked}.values())


@pytest.fixture(scope="module")
def stable_home(tmp_path_factory, hash_model_dir) -> Path:
    """A home whose eval index holds the bundled corpus and fixtures (hash embeddings, real retrieval and composer)."""
    h = tmp_path_factory.mktemp("stability") / "home"
    s = Settings.from_env({"ADVISOR_HOME": str(h), "ADVISOR_EMBED_MODEL": str(hash_model_dir)})
    ix = Index(eval_settings_for(s))
    assert ix.index_paths(default_corpus()).ok
    ix.close()
    return h


def _ask(adv: Advisor):
    return lambda c: adv.ask(c.question, org=c.org, history=c.history or None).to_dict()


def test_offline_answers_repeat_exactly(stable_home, hash_model_dir):
    s = Settings.from_env({"ADVISOR_HOME": str(stable_home), "ADVISOR_EMBED_MODEL": str(hash_model_dir)})
    cases = _questions()
    adv = Advisor(eval_settings_for(s))
    first = {c.id: _ask(adv)(c) for c in cases}
    assert any(not a["abstained"] and a["citations"] for a in first.values())  # real answers, not only declines
    res = measure_stability(_ask(adv), cases, first, REPEATS)
    assert res.runs == len(cases) * REPEATS
    assert res.mismatches == [] and res.rate == 1.0
    fresh = Advisor(eval_settings_for(s))  # a new advisor over the same index answers the same
    assert {c.id: fingerprint(_ask(fresh)(c)) for c in cases} == {cid: fingerprint(a) for cid, a in first.items()}


_CHILD = """
import json, sys
from advisor.answer import Advisor
from advisor.evaluate import eval_settings_for, fingerprint, load_datasets
from advisor.settings import Settings
from advisor.testing import use_hash_embedder
model, ids = sys.argv[1], sys.argv[2].split(",")
with use_hash_embedder(model):
    adv = Advisor(eval_settings_for(Settings.from_env()))
    cases = {c.id: c for c in load_datasets(sys.argv[3:])}
    out = {i: fingerprint(adv.ask(cases[i].question, org=cases[i].org, history=cases[i].history or None).to_dict()) for i in ids}
print(json.dumps(out))
"""


@pytest.mark.slow
def test_answers_are_identical_across_processes_with_different_hash_seeds(stable_home, hash_model_dir):
    ids = ",".join(c.id for c in _questions())
    outputs = []
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "ADVISOR_HOME": str(stable_home), "PYTHONPATH": str(ROOT)}
        env["ADVISOR_EMBED_MODEL"] = str(hash_model_dir)
        res = subprocess.run(
            [sys.executable, "-c", _CHILD, str(hash_model_dir), ids, *map(str, DEFAULT_DATASETS)],
            env=env, capture_output=True, text=True, timeout=300, cwd=ROOT,
        )  # fmt: skip
        assert res.returncode == 0, res.stderr[-2000:]
        outputs.append(json.loads(res.stdout.strip().splitlines()[-1]))
    assert outputs[0] == outputs[1]
