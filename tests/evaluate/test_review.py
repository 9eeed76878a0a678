"""The review queue: feedback in, triage decisions, promotion into the reviewed dataset, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.audit import AuditStore
from advisor.cli import main
from advisor.errors import DatasetError, ReviewError
from advisor.evaluate import DEFAULT_DATASETS, default_datasets, load_datasets
from advisor.evaluate.review import (
    CaseDraft,
    ReviewStore,
    Triage,
    bump_version,
    dismiss,
    draft_case,
    mark_known_issue,
    promote,
    review_queue,
    source_name,
    split_counts,
)
from advisor.settings import Settings

ANSWER = {
    "question": "What does GOVERN 1.6 require?",
    "query": "What does GOVERN 1.6 require for vendor tools?",
    "answer": "An AI inventory [1] with owners [2].",
    "abstained": False,
    "mode": "offline",
    "citations": [
        {"marker": 1, "source": "/opt/advisor/corpus/guidance/nist-ai-rmf-govern.md", "title": "NIST", "quote": "q"},
        {"marker": 2, "source": "https://example.org/docs/hhs-hti-1.html", "title": "HTI-1", "quote": "q"},
        {"marker": 3, "source": "/opt/advisor/corpus/guidance/nist-ai-rmf-govern.md", "title": "NIST", "quote": "q2"},
    ],
}


@pytest.fixture
def reviewed(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "evals" / "reviewed.jsonl"
    monkeypatch.setenv("ADVISOR_EVAL_REVIEWED", str(path))
    return path


@pytest.fixture
def env(settings, reviewed):
    audit = AuditStore(settings)
    store = ReviewStore.for_settings(settings)
    yield settings, audit, store
    audit.close()
    store.close()


def test_thumbs_down_and_commented_thumbs_up_enter_the_queue(env):
    _settings, audit, store = env
    down = audit.record_feedback("down", "What does GOVERN 1.6 require?", ANSWER, org="meridian", comment="")
    audit.record_feedback("up", "Fine answer", ANSWER)
    up_comment = audit.record_feedback("up", "Good but long", ANSWER, comment="too long for the board")
    items = review_queue(audit, store)
    assert [i.feedback_id for i in items] == [up_comment, down]
    item = items[1]
    assert item.status == Triage.NEW and item.org == "meridian" and len(item.citations) == 3
    assert item.follow_up_query == "What does GOVERN 1.6 require for vendor tools?"
    dismiss(items[0], store, note="style only")
    assert [i.feedback_id for i in review_queue(audit, store, include_triaged=False)] == [down]
    assert review_queue(audit, store)[0].decision.note == "style only"


def test_a_draft_is_prefilled_from_the_feedback(env):
    _settings, audit, store = env
    fid = audit.record_feedback("down", "Why was John Smith's MRN 12345678 flagged? Call 617-555-0143.", ANSWER)
    draft = draft_case(review_queue(audit, store)[0])
    assert draft.id == f"rev-{fid:04d}" and draft.split == "dev" and draft.tags == ["reviewed", "feedback"]
    assert draft.expected_sources == ["nist-ai-rmf-govern", "hhs-hti-1"]
    assert "617-555-0143" not in draft.question and "12345678" not in draft.question and "[PHONE]" in draft.question
    assert source_name("C:\\docs\\Policy.v2.pdf") == "Policy.v2"


def test_promote_appends_the_case_bumps_the_version_and_records_the_decision(env, reviewed):
    settings, audit, store = env
    (reviewed.parent).mkdir(parents=True)
    (reviewed.parent / "VERSION").write_text("1.2.0\n")
    audit.record_feedback("down", "What does GOVERN 1.6 require?", ANSWER)
    item = review_queue(audit, store)[0]
    draft = draft_case(item)
    draft.keypoints = [["inventory"], ["owner", "accountab"]]
    draft.forbidden = ["CANARY"]
    draft.history = [
        {"role": "user", "content": "Tell me about NIST."},
        {"role": "assistant", "content": "It is voluntary."},
    ]
    draft.split = "test"
    done = promote(item, draft, store, settings)
    assert (done.case_id, done.split, done.dataset_version) == (draft.id, "test", "1.3.0")
    line = json.loads(reviewed.read_text().splitlines()[0])
    assert line == {**draft.to_json()} and list(line)[-1] == "split"
    assert (reviewed.parent / "VERSION").read_text().strip() == "1.3.0"
    item = review_queue(audit, store)[0]
    assert item.status == Triage.PROMOTED and item.decision.case_id == draft.id
    with pytest.raises(ReviewError, match="already promoted as case " + draft.id):
        promote(item, draft, store, settings)
    with pytest.raises(ReviewError, match="cannot be dismissed"):
        dismiss(item, store)
    # the suite now includes it, in the split the evaluator chose; split counts show it
    suite = default_datasets(settings)
    assert suite == [*DEFAULT_DATASETS, reviewed]
    assert next(c for c in load_datasets(suite) if c.id == draft.id).split == "test"
    counts = split_counts(settings)
    assert counts["reviewed"] == {"test": 1} and counts["suite"]["test"] == 1 + sum(
        1 for c in load_datasets(list(DEFAULT_DATASETS)) if c.split == "test"
    )


def test_promotion_refuses_bad_cases_and_leaves_the_dataset_untouched(env, reviewed):
    settings, audit, store = env
    audit.record_feedback("down", "What does GOVERN 1.6 require?", ANSWER)
    item = review_queue(audit, store)[0]
    with pytest.raises(ReviewError, match=r"keypoints\[0\] holds what looks like .*ssn"):
        promote(item, CaseDraft(id="rev-x", question="q?", keypoints=[["SSN 123-45-6789"]]), store, settings)
    with pytest.raises(ReviewError, match="case id 'nist-01' is already in the suite"):
        promote(item, CaseDraft(id="nist-01", question="q?"), store, settings)
    with pytest.raises(ReviewError, match="goes to dev or test"):
        promote(item, CaseDraft(id="rev-y", question="q?", split="train"), store, settings)
    with pytest.raises(DatasetError, match="field question: missing"):
        promote(item, CaseDraft(id="rev-z", question=""), store, settings)
    assert not reviewed.exists() or reviewed.read_text() == ""
    assert default_datasets(settings) == list(DEFAULT_DATASETS)  # an empty reviewed dataset is not in the suite
    assert review_queue(audit, store)[0].status == Triage.NEW


def test_known_issue_must_link_a_case_of_the_suite(env):
    settings, audit, store = env
    audit.record_feedback("down", "q", ANSWER)
    item = review_queue(audit, store)[0]
    with pytest.raises(ReviewError, match="'no-such-case' is not in the suite"):
        mark_known_issue(item, "no-such-case", store, settings)
    with pytest.raises(ReviewError, match="must name the case"):
        mark_known_issue(item, " ", store, settings)
    mark_known_issue(item, "nist-01", store, settings, note="same as nist-01")
    item = review_queue(audit, store)[0]
    assert item.status == Triage.KNOWN_ISSUE and item.decision.case_id == "nist-01"
    store.reopen(item.feedback_id)
    assert review_queue(audit, store)[0].status == Triage.NEW


def test_bump_version_refuses_a_malformed_version(tmp_path):
    v = tmp_path / "VERSION"
    assert bump_version(v) == "0.1.0"
    v.write_text("draft\n")
    with pytest.raises(ReviewError, match=r"'draft' is not a MAJOR\.MINOR\.PATCH version"):
        bump_version(v)


def test_feedback_export_lists_rows_with_their_triage(env):
    _settings, audit, store = env
    down = audit.record_feedback(
        "down", "What does GOVERN 1.6 require?", ANSWER, org="meridian", comment="missing owners"
    )
    audit.record_feedback("up", "Liked it", ANSWER)
    dismiss(review_queue(audit, store)[0], store)
    runner = CliRunner()
    rows = json.loads(runner.invoke(main, ["feedback", "export", "--json"]).output)
    assert [r["rating"] for r in rows] == ["up", "down"]
    row = rows[1]
    assert {k: row[k] for k in ("id", "question", "org", "comment")} == {
        "id": down,
        "question": "What does GOVERN 1.6 require?",
        "org": "meridian",
        "comment": "missing owners",
    }
    assert row["answer"]["answer"] == ANSWER["answer"] and row["review"]["status"] == "dismissed"
    assert rows[0]["review"] is None  # a thumbs-up without comment never enters the queue
    queue = json.loads(runner.invoke(main, ["feedback", "export", "--json", "--queue"]).output)
    assert [r["id"] for r in queue] == [down]
    text = runner.invoke(main, ["feedback", "export"]).output
    assert f"#{down}" in text and "review=dismissed" in text and "comment: missing owners" in text


def test_default_suite_without_reviewed_cases(settings, tmp_path, monkeypatch):
    monkeypatch.setenv("ADVISOR_EVAL_REVIEWED", str(tmp_path / "none.jsonl"))
    assert default_datasets(Settings.from_env()) == list(DEFAULT_DATASETS)
