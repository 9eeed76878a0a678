"""Malformed input gets a clear error, never a traceback: hostile JSON nesting in evaluation
datasets and baselines."""

from __future__ import annotations

import pytest

from advisor.errors import ConfigError, DatasetError
from advisor.evaluate.baseline import load_baseline
from advisor.evaluate.datasets import load_datasets

DEEP = "[" * 100_000 + "]" * 100_000


def test_a_deeply_nested_dataset_line_is_a_problem_naming_the_line(tmp_path):
    ds = tmp_path / "cases.jsonl"
    ds.write_text('{"id": "q1", "question": "What is GOVERN 1.6?"}\n{"id": "q2", "tags": ' + DEEP + "}\n")
    with pytest.raises(DatasetError) as err:
        load_datasets([ds])
    assert "cases.jsonl line 2" in str(err.value) and "nested too deeply" in str(err.value)


def test_a_deeply_nested_baseline_is_a_config_error(tmp_path):
    base = tmp_path / "cases.jsonl"
    base.write_text(DEEP + "\n")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_baseline(base)
