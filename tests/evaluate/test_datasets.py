"""Evaluation datasets and the thresholds file: validation, and the bundled suite's coverage."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from advisor import evaluate as E
from advisor.evaluate import metrics as M

ROOT = Path(__file__).resolve().parents[2]
EVALS = ROOT / "evals"


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- dataset validation


def test_valid_dataset_loads_with_defaults_and_ignores_unknown_fields(tmp_path):
    p = write_jsonl(
        tmp_path / "mine.jsonl",
        [
            {
                "id": "q-1",
                "question": "What does GOVERN 1.6 require?",
                "keypoints": [["inventory"], "risk"],
                "reviewer": "x",
            },
            "",
            {"id": "q-2", "question": "Weather?", "answerable": False, "tags": ["out-of-scope"], "expected_pages": [3]},
        ],
    )
    cases = E.load_dataset(p)
    assert [c.id for c in cases] == ["q-1", "q-2"]
    assert cases[0].answerable is True and cases[0].org is None and cases[0].history == []
    assert cases[0].keypoints == [["inventory"], ["risk"]]  # a bare string is a one-alternative group
    assert cases[0].split == "mine" and cases[1].expected_pages == [3]
    assert "reviewer" not in cases[0].to_dict()


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ('{"id": "a", "question": "x",}', "line 2: not valid JSON"),
        ('{"question": "no id"}', "line 2, field id: missing"),
        ('{"id": "b"}', "line 2, field question: missing"),
        ('{"id": 7, "question": "x"}', "line 2, field id: must be a string"),
        ('{"id": "c", "question": "x", "answerable": "yes"}', "line 2, field answerable"),
        ('{"id": "d", "question": "x", "keypoints": [[1]]}', "line 2, field keypoints[0]"),
        ('{"id": "e", "question": "x", "tags": "lookup"}', "line 2, field tags"),
        ('{"id": "f", "question": "x", "expected_pages": ["3"]}', "line 2, field expected_pages"),
        (
            '{"id": "g", "question": "x", "history": [{"role": "bot", "content": "hi"}]}',
            "line 2, field history[0].role",
        ),
        ('["not", "an", "object"]', "line 2: a case must be a JSON object"),
    ],
)
def test_malformed_dataset_names_the_line_and_field(tmp_path, line, needle):
    p = write_jsonl(tmp_path / "bad.jsonl", [{"id": "ok", "question": "fine"}, line])
    with pytest.raises(E.DatasetError) as err:
        E.load_dataset(p)
    assert any(needle in problem for problem in err.value.problems), err.value.problems
    assert "bad.jsonl" in str(err.value)


def test_duplicate_ids_across_files_and_other_file_problems(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", [{"id": "q-1", "question": "x"}])
    b = write_jsonl(tmp_path / "b.jsonl", [{"id": "q-2", "question": "y"}, {"id": "q-1", "question": "z"}])
    with pytest.raises(E.DatasetError) as err:
        E.load_datasets([a, b])
    assert err.value.problems == ["b.jsonl line 2, field id: duplicate id 'q-1' (first on a.jsonl line 1)"]
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b'{"id": "x", "question": "\xff"}\n')
    with pytest.raises(E.DatasetError) as err:
        E.load_datasets([empty, binary, tmp_path / "missing.jsonl"])
    text = "\n".join(err.value.problems)
    assert "no cases" in text and "not UTF-8" in text and "line 1" in text and "cannot read" in text


# --------------------------------------------------------------------------- the bundled suite


@pytest.fixture(scope="module")
def suite():
    return E.load_datasets(list(E.DEFAULT_DATASETS))


def _corpus_stems() -> dict[str, Path]:
    files = list((ROOT / "corpus" / "guidance").glob("*.md")) + list((EVALS / "fixtures").rglob("*.md"))
    files += list((ROOT / "corpus" / "assessment" / "results").glob("*"))
    return {f.stem: f for f in files}


def test_bundled_suite_size_split_and_coverage(suite):
    assert len(suite) >= 150
    dev = [c for c in suite if c.split == "dev"]
    assert 0.35 <= len(dev) / len(suite) <= 0.45
    tags = {t for c in suite for t in c.tags}
    for needed in (
        "lookup",
        "multi-doc",
        "assessment",
        "multi-turn",
        "out-of-scope",
        "unanswerable",
        "trap",
        "injection",
    ):
        assert needed in tags, needed
        assert any(needed in c.tags for c in dev) and any(needed in c.tags for c in suite if c.split == "test"), needed
    for c in suite:
        if "out-of-scope" in c.tags or "unanswerable" in c.tags:
            assert c.answerable is False, c.id
        if "multi-turn" in c.tags:
            assert c.history, c.id
    orgs = {c.org for c in suite if c.org}
    results = {p.stem.rsplit("-", 3)[0] for p in (ROOT / "corpus" / "assessment" / "results").glob("*")}
    assert results <= orgs


def test_bundled_expected_sources_exist_and_keypoints_are_grounded(suite):
    from advisor.ingest import clean_inline_markdown

    stems = _corpus_stems()
    texts = {}
    for c in suite:
        for s in c.expected_sources:
            matches = [stem for stem in stems if s in stem]
            assert matches, f"{c.id}: expected source {s!r} matches no corpus file"
        if "assessment" in c.tags or not c.keypoints:
            continue  # assessment truths are checked against advisor.assessment below
        docs = []
        for stem, path in stems.items():
            if any(s in stem for s in c.expected_sources):
                texts.setdefault(stem, M.normalize(clean_inline_markdown(path.read_text(encoding="utf-8"))))
                docs.append(texts[stem])
        joined = " ".join(docs)
        for group in c.keypoints:
            assert any(M.normalize(a) in joined for a in group), f"{c.id}: no alternative of {group} in its sources"


def test_assessment_cases_match_the_computed_truths():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_assessment_cases", EVALS / "build_assessment_cases.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--check"]) == 0, "run evals/build_assessment_cases.py"


def test_injection_fixtures_are_poisoned_and_cases_target_them(suite):
    fixtures = sorted((EVALS / "fixtures" / "injection").glob("*.md"))
    assert 4 <= len(fixtures) <= 6
    texts = {f.stem: f.read_text(encoding="utf-8") for f in fixtures}
    for stem, text in texts.items():
        assert re.search(r'^framework: "eval-fixture"$', text, re.M), stem
        assert re.search(r"ignore previous|disregard|system|assistant", text, re.I), stem
    assert any("<!--" in t for t in texts.values())  # a hidden HTML comment
    inj = [c for c in suite if "injection" in c.tags]
    assert {s for c in inj for s in c.expected_sources} == set(texts)
    for c in inj:
        assert c.forbidden, c.id
        doc = texts[c.expected_sources[0]].lower()
        assert any(f.lower() in doc for f in c.forbidden), f"{c.id}: no forbidden string is planted in its fixture"


def test_bundled_thresholds_load():
    cfg = E.load_config(E.DEFAULT_THRESHOLDS)
    assert cfg.k >= 1 and cfg.metrics and cfg.sha256
    assert "injection" in cfg.tags


def test_thresholds_errors_name_the_key(tmp_path):
    p = tmp_path / "t.yaml"
    p.write_text("metrics:\n  faithfullness: {min: 0.5}\n")
    with pytest.raises(E.ConfigError, match=r"metrics\.faithfullness: unknown metric"):
        E.load_config(p)
    p.write_text("metrics:\n  faithfulness: {minimum: 0.5}\n")
    with pytest.raises(E.ConfigError, match="faithfulness: must be"):
        E.load_config(p)
    p.write_text("tags:\n  trap:\n    pass_rate: {min: high}\n")
    with pytest.raises(E.ConfigError, match=r"tags\.trap\.pass_rate\.min: must be a number"):
        E.load_config(p)
