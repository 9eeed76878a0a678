"""Reading a JSON results file: one object with the header fields and a `results` list.

Only the JSON shape is checked here (types, missing fields, question ids, scores); the values'
rules, shared with CSV files, are applied by :func:`.results.finish`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..errors import AssessmentError, Problem
from .instrument import Instrument
from .results import Answer, Header, Results, ResultsFormat, finish, parse_score, qid_suggestion


@dataclass
class _Found:
    """Problems and warnings found so far in one JSON file."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, message: str, field: str = "", result_index: int | None = None) -> None:
        self.problems.append(Problem(file=self.file, result_index=result_index, field=field, message=message))


def parse_json(text: str, name: str, inst: Instrument) -> Results:
    """Validate a JSON results document; AssessmentError lists every problem found."""
    doc = _document(text, name)
    found = _Found(name)
    header = _header(doc, found)
    answers = _answers(doc.get("results"), inst, found)
    return finish(name, ResultsFormat.JSON, inst, found.problems, found.warnings, header, answers)


def _document(text: str, name: str) -> dict[str, Any]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AssessmentError(
            name,
            [
                f"not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}; "
                "fix the syntax (a missing comma or quote is the usual cause)"
            ],
        ) from None
    if not isinstance(doc, dict):
        raise AssessmentError(
            name,
            [
                "the JSON must be an object with org, org_name, assessment_date, assessor "
                "and results (see corpus/assessment/README.md)"
            ],
        )
    return doc


def _text_field(doc: dict[str, Any], key: str, found: _Found) -> str:
    v = doc.get(key)
    if v is None:
        return ""
    if not isinstance(v, str):
        found.add(f"field '{key}': must be a string", key)
        return ""
    return v.strip()


def _header(doc: dict[str, Any], found: _Found) -> Header:
    org = _text_field(doc, "org", found)
    if not org:
        found.add('field \'org\' is missing; add "org": "<organization id slug, e.g. riverside-health>"', "org")
    org_name = _text_field(doc, "org_name", found)
    when = _text_field(doc, "assessment_date", found)
    if not when:
        found.add('field \'assessment_date\' is missing; add "assessment_date": "YYYY-MM-DD"', "assessment_date")
    assessor = _text_field(doc, "assessor", found)
    version = _text_field(doc, "instrument_version", found)
    return Header(org, org_name, when, assessor, version)


def _answers(results: Any, inst: Instrument, found: _Found) -> dict[str, Answer]:
    if results is None:
        found.add('field \'results\' is missing; add "results": [{"question_id": ..., "score": ...}, ...]', "results")
        results = []
    elif not isinstance(results, list):
        found.add("field 'results' must be a list of {question_id, score, evidence, owner} objects", "results")
        results = []
    elif not results:
        found.add("field 'results' is empty; add one entry per question", "results")
    answers: dict[str, Answer] = {}
    first_seen: dict[str, str] = {}
    for i, item in enumerate(results):
        answer = _entry(i, item, inst, first_seen, found)
        if answer is not None:
            answers[answer.question_id] = answer
    return answers


def _entry(i: int, item: Any, inst: Instrument, first_seen: dict[str, str], found: _Found) -> Answer | None:
    """One `results[i]` entry as an Answer; None when it is unanswered or has problems."""
    where = f"results[{i}]"
    if not isinstance(item, dict):
        found.add(f"{where}: must be an object with question_id and score", result_index=i)
        return None
    raw_q = item.get("question_id")
    raw_q = "" if raw_q is None else str(raw_q).strip()
    if not raw_q:
        found.add(f"{where}, field question_id: missing; add the question id, e.g. DATA-3", "question_id", i)
        return None
    qid = raw_q.upper()
    where = f"{where} ({qid})"
    ok = True
    if not inst.has_question(qid):
        found.add(
            f"{where}, field question_id: unknown question {raw_q!r}; {qid_suggestion(raw_q, inst)}", "question_id", i
        )
        ok = False
    elif qid in first_seen:
        found.add(
            f"{where}, field question_id: {qid} repeats {first_seen[qid]}; keep one entry per question",
            "question_id",
            i,
        )
        ok = False
    else:
        first_seen[qid] = f"results[{i}]"
    sc, msg = parse_score(item.get("score"))
    if msg:
        found.add(f"{where}, field score: {msg}", "score", i)
        ok = False
    ev, ow = item.get("evidence") or "", item.get("owner") or ""
    if not isinstance(ev, str) or not isinstance(ow, str):
        found.add(
            f"{where}, field evidence/owner: must be text strings",
            "evidence" if not isinstance(ev, str) else "owner",
            i,
        )
        ok = False
    if not ok:
        return None
    if sc is None:
        found.warnings.append(f"{where}: no score; {qid} is reported as unanswered")
        return None
    return Answer(qid, sc, " ".join(ev.split()), " ".join(ow.split()), f"results[{i}]", i)
