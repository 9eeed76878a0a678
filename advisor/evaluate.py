"""`advisor eval`: the answer-quality suite.

Loads and validates evaluation datasets (the JSONL contract in PRODUCT.md), indexes the
bundled corpus plus the poisoned fixtures into a separate eval index (the user's index is
never touched), asks every case, scores it with :mod:`advisor.metrics`, aggregates per split
and per tag, checks thresholds (``evals/thresholds.yaml``), compares against a baseline run
with a paired bootstrap, and writes ``cases.jsonl``, ``summary.json``, ``report.html`` and
``junit.xml``. The exit code is non-zero when a threshold or the regression gate fails.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import json
import platform
import re
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from . import metrics as M
from .errors import AdvisorError
from .metrics import UNDEFINED, is_defined
from .settings import PROJECT_DIR, Settings

EVALS_DIR = PROJECT_DIR / "evals"
DEFAULT_DATASETS = (EVALS_DIR / "dev.jsonl", EVALS_DIR / "test.jsonl")
DEFAULT_THRESHOLDS = EVALS_DIR / "thresholds.yaml"
FIXTURES_DIR = EVALS_DIR / "fixtures"

#: Metrics where a smaller value is better (the regression gate looks for increases).
LOWER_IS_BETTER = frozenset(
    {
        "false_abstain_rate",
        "false_answer_rate",
        "injection_success_rate",
        "forbidden_rate",
        "latency_ms",
        "latency_p50_ms",
        "latency_p95_ms",
    }
)

#: A case passes when every enabled rule holds (undefined values never fail a rule).
DEFAULT_CASE_RULES: dict[str, Any] = {
    "abstention": True,  # abstains exactly when the case is unanswerable
    "keypoints": True,  # every keypoint group present
    "forbidden": True,  # no forbidden string in the answer
    "injection": True,  # did not follow a planted instruction
    "markers": True,  # every marker resolves to one citation, every citation used
    "min_faithfulness": 0.5,
    "min_citation_recall": 0.0,
}

DEFAULT_REGRESSION: dict[str, Any] = {
    "resamples": 1000,
    "seed": 0,
    "confidence": 0.95,
    "tolerance": 0.02,
    "tolerances": {},
    "exclude": ["latency_ms"],  # timings differ between machines; gate them with thresholds instead
}


def case_metric_names(k: int) -> list[str]:
    """Per-case metrics, in report order. Aggregates are means over defined values."""
    return [
        f"recall@{k}",
        "mrr",
        f"ndcg@{k}",
        "cited_source_recall",
        "marker_validity",
        "citation_recall",
        "citation_precision",
        "faithfulness",
        "keypoint_coverage",
        "keypoints_pass",
        "abstention_accuracy",
        "false_abstain_rate",
        "false_answer_rate",
        "injection_success_rate",
        "forbidden_rate",
        "pass_rate",
        "latency_ms",
    ]


def summary_metric_names(k: int) -> list[str]:
    return [*case_metric_names(k), "latency_p50_ms", "latency_p95_ms"]


class DatasetError(AdvisorError):
    """An evaluation dataset is malformed; `problems` names each line and field."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        detail = "\n  ".join(self.problems[:25])
        more = f"\n  (and {len(self.problems) - 25} more)" if len(self.problems) > 25 else ""
        super().__init__(f"invalid evaluation dataset:\n  {detail}{more}")


class ConfigError(AdvisorError):
    """The thresholds file is malformed."""


# --------------------------------------------------------------------------- dataset


@dataclass
class EvalCase:
    id: str
    question: str
    org: str | None = None
    answerable: bool = True
    history: list[dict] = field(default_factory=list)
    expected_sources: list[str] = field(default_factory=list)
    expected_pages: list[int] = field(default_factory=list)
    keypoints: list[list[str]] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    split: str = ""
    where: str = ""

    def to_dict(self) -> dict:
        d = {
            "id": self.id,
            "question": self.question,
            "org": self.org,
            "answerable": self.answerable,
            "history": self.history,
            "expected_sources": self.expected_sources,
            "keypoints": self.keypoints,
            "forbidden": self.forbidden,
            "tags": self.tags,
        }
        if self.expected_pages:
            d["expected_pages"] = self.expected_pages
        return d


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def parse_case(obj: Any, where: str, split: str, problems: list[str]) -> EvalCase | None:
    """Validate one decoded JSONL value; append problems (naming `where` and the field)."""
    if not isinstance(obj, dict):
        problems.append(f"{where}: a case must be a JSON object, got {type(obj).__name__}")
        return None
    start = len(problems)

    def bad(fld: str, msg: str) -> None:
        problems.append(f"{where}, field {fld}: {msg}")

    cid = obj.get("id")
    if cid is None or (isinstance(cid, str) and not cid.strip()):
        bad("id", "missing; every case needs a unique, non-empty string id")
    elif not isinstance(cid, str):
        bad("id", f"must be a string, got {type(cid).__name__} {cid!r}")
    q = obj.get("question")
    if q is None or (isinstance(q, str) and not q.strip()):
        bad("question", "missing; every case needs a non-empty question")
    elif not isinstance(q, str):
        bad("question", f"must be a string, got {type(q).__name__}")
    org = obj.get("org")
    if org is not None and not isinstance(org, str):
        bad("org", f"must be a string or null, got {type(org).__name__}")
    answerable = obj.get("answerable", True)
    if answerable is None:
        answerable = True
    if not isinstance(answerable, bool):
        bad("answerable", f"must be true or false, got {answerable!r}")
    history = obj.get("history") or []
    if not isinstance(history, list):
        bad("history", f"must be a list of {{role, content}} messages, got {type(history).__name__}")
        history = []
    for i, msg in enumerate(history):
        if not isinstance(msg, dict) or not isinstance(msg.get("content"), str):
            bad(f"history[{i}]", "must be an object with a string content")
        elif msg.get("role") not in ("user", "assistant", "system"):
            bad(f"history[{i}].role", f"must be user, assistant or system, got {msg.get('role')!r}")
    lists: dict[str, list] = {}
    for name in ("expected_sources", "forbidden", "tags"):
        v = obj.get(name) or []
        if not _is_str_list(v):
            bad(name, "must be a list of strings")
            v = []
        lists[name] = [x for x in v if x.strip()]
    pages = obj.get("expected_pages") or []
    if not isinstance(pages, list) or not all(isinstance(p, int) and not isinstance(p, bool) and p >= 1 for p in pages):
        bad("expected_pages", "must be a list of page numbers (integers, 1-based)")
        pages = []
    kps = obj.get("keypoints") or []
    groups: list[list[str]] = []
    if not isinstance(kps, list):
        bad("keypoints", "must be a list of lists of alternative strings")
    else:
        for i, g in enumerate(kps):
            if isinstance(g, str):
                groups.append([g])  # a bare string is a group with one alternative
            elif _is_str_list(g) and g:
                groups.append(list(g))
            else:
                bad(f"keypoints[{i}]", "must be a non-empty list of alternative strings")
    if len(problems) > start:
        return None
    case_split = obj.get("split") if isinstance(obj.get("split"), str) and obj.get("split") else split
    return EvalCase(
        id=cid.strip(),
        question=q.strip(),
        org=(org or None),
        answerable=answerable,
        history=list(history),
        expected_sources=lists["expected_sources"],
        expected_pages=list(pages),
        keypoints=groups,
        forbidden=lists["forbidden"],
        tags=lists["tags"],
        split=case_split,
        where=where,
    )


def load_dataset(path: Path, split: str | None = None) -> list[EvalCase]:
    """Read and validate one JSONL dataset; DatasetError lists every problem by line and field."""
    return load_datasets([path], splits=[split] if split else None)


def load_datasets(paths: Sequence[Path], splits: Sequence[str] | None = None) -> list[EvalCase]:
    problems: list[str] = []
    cases: list[EvalCase] = []
    seen: dict[str, str] = {}
    for n, path in enumerate(paths):
        path = Path(path)
        split = splits[n] if splits else path.stem
        try:
            raw = path.read_bytes()
        except OSError as exc:
            problems.append(f"{path}: cannot read the dataset ({exc.strerror or exc})")
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            problems.append(f"{path} line {line}: not UTF-8 text (byte {exc.start}); save the file as UTF-8")
            continue
        found = 0
        for i, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path.name} line {i}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); one case per line")
                continue
            case = parse_case(obj, where, split, problems)
            if case is None:
                continue
            found += 1
            if case.id in seen:
                problems.append(f"{where}, field id: duplicate id {case.id!r} (first on {seen[case.id]})")
                continue
            seen[case.id] = where
            cases.append(case)
        if found == 0 and not any(p.startswith(path.name) for p in problems):
            problems.append(f"{path}: no cases (expected one JSON object per line)")
    if problems:
        raise DatasetError(problems)
    return cases


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --------------------------------------------------------------------------- config


@dataclass
class EvalConfig:
    k: int = 5
    checker_threshold: float | None = None
    metrics: dict[str, dict] = field(default_factory=dict)
    tags: dict[str, dict[str, dict]] = field(default_factory=dict)
    splits: dict[str, dict[str, dict]] = field(default_factory=dict)
    targets: dict[str, Any] = field(default_factory=dict)  # {"metrics", "tags", "splits"}: reported, never gating
    case: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_CASE_RULES))
    regression: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_REGRESSION))
    path: str = ""
    sha256: str = ""


def load_config(path: Path | None) -> EvalConfig:
    """Read thresholds.yaml (min/max per metric, per tag and per split; case rules; gate)."""
    if path is None:
        return EvalConfig()
    import yaml

    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the thresholds file ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise ConfigError(f"{path}: not valid YAML{where}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: must be a mapping with metrics/tags/splits/case/regression keys")
    k = raw.get("k", 5)
    if not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= 100:
        raise ConfigError(f"{path}: k must be an integer 1-100, got {k!r}")
    known = set(summary_metric_names(k))

    def bounds(block: Any, where: str) -> dict[str, dict]:
        if block is None:
            return {}
        if not isinstance(block, dict):
            raise ConfigError(f"{path}: {where} must map metric names to {{min: x}} or {{max: x}}")
        out = {}
        for name, b in block.items():
            if name not in known:
                raise ConfigError(f"{path}: {where}.{name}: unknown metric; known: {', '.join(sorted(known))}")
            if not isinstance(b, dict) or not set(b) <= {"min", "max"} or not b:
                raise ConfigError(f"{path}: {where}.{name}: must be {{min: x}} and/or {{max: x}}")
            for key, v in b.items():
                if not isinstance(v, (int, float)) or isinstance(v, bool):
                    raise ConfigError(f"{path}: {where}.{name}.{key}: must be a number, got {v!r}")
            out[name] = {key: float(v) for key, v in b.items()}
        return out

    def grouped(block: Any, where: str) -> dict[str, dict[str, dict]]:
        if block is None:
            return {}
        if not isinstance(block, dict):
            raise ConfigError(f"{path}: {where} must map names to metric bounds")
        return {str(name): bounds(b, f"{where}.{name}") for name, b in block.items()}

    traw = raw.get("targets") or {}
    if not isinstance(traw, dict) or not set(traw) <= {"metrics", "tags", "splits"}:
        raise ConfigError(f"{path}: targets must be a mapping with metrics/tags/splits keys")
    targets = {
        "metrics": bounds(traw.get("metrics"), "targets.metrics"),
        "tags": grouped(traw.get("tags"), "targets.tags"),
        "splits": grouped(traw.get("splits"), "targets.splits"),
    }
    case = dict(DEFAULT_CASE_RULES)
    for key, v in (raw.get("case") or {}).items():
        if key not in DEFAULT_CASE_RULES:
            raise ConfigError(f"{path}: case.{key}: unknown rule; known: {', '.join(DEFAULT_CASE_RULES)}")
        case[key] = v
    reg = dict(DEFAULT_REGRESSION)
    for key, v in (raw.get("regression") or {}).items():
        if key not in DEFAULT_REGRESSION:
            raise ConfigError(f"{path}: regression.{key}: unknown setting; known: {', '.join(DEFAULT_REGRESSION)}")
        reg[key] = v
    ct = raw.get("checker_threshold")
    if ct is not None and (not isinstance(ct, (int, float)) or not 0 <= ct <= 1):
        raise ConfigError(f"{path}: checker_threshold must be a number 0-1 or null")
    return EvalConfig(
        k=k,
        checker_threshold=ct,
        metrics=bounds(raw.get("metrics"), "metrics"),
        tags=grouped(raw.get("tags"), "tags"),
        splits=grouped(raw.get("splits"), "splits"),
        targets=targets,
        case=case,
        regression=reg,
        path=str(path),
        sha256=_sha256(path),
    )


# --------------------------------------------------------------------------- scoring


class MemoChecker:
    """Wraps a support checker with an in-memory cache (suites repeat claims and passages)."""

    def __init__(self, inner: Any):
        self.inner = inner
        self.threshold = float(inner.threshold)
        self._cache: dict[tuple[str, tuple[str, ...]], float] = {}
        self.calls = 0

    def support(self, claim: str, evidence: list[str]) -> float:
        key = (claim, tuple(evidence))
        if key not in self._cache:
            self.calls += 1
            try:
                value = self.inner.support(claim, list(evidence))
            except KeyError:
                # tier 0's bounded vector cache can evict a vector it is about to read once it
                # holds over 4096 texts; asking again recomputes it
                value = self.inner.support(claim, list(evidence))
            self._cache[key] = float(value)
        return self._cache[key]

    def details(self, claim: str, evidence: list[str]) -> dict:
        fn = getattr(self.inner, "details", None)
        if fn is not None:
            return fn(claim, list(evidence))
        return {"score": self.support(claim, evidence)}


@dataclass
class CaseInputs:
    """What scoring a case needs besides the answer: ranked retrieval and passage texts."""

    retrieved: list[M.Retrieved] = field(default_factory=list)
    retrieved_from: str = "hits"
    passages: dict[int, str] = field(default_factory=dict)  # marker -> cited passage text
    evidence: list[str] = field(default_factory=list)  # cited + retrieved passages


def score_case(case: EvalCase, answer: dict, inputs: CaseInputs, checker: Any, rules: dict | None = None) -> dict:
    """Every per-case metric (retrieval is filled in later, in a batch) with the reasons a case
    fails and the evidence for each reason."""
    rules = {**DEFAULT_CASE_RULES, **(rules or {})}
    text = answer.get("answer") or ""
    abstained = bool(answer.get("abstained"))
    citations = list(answer.get("citations") or [])
    m: dict[str, Any] = {}
    why_undefined: dict[str, str] = {}
    reasons: list[str] = []
    warnings: list[str] = []
    ev: dict[str, Any] = {}

    def undefined(name: str, why: str) -> None:
        m[name] = UNDEFINED
        why_undefined[name] = why

    ab = M.abstention(case.answerable, abstained)
    m["abstention_accuracy"] = float(ab.correct)
    m["false_abstain_rate"] = ab.false_abstain
    m["false_answer_rate"] = ab.false_answer
    if not is_defined(ab.false_abstain):
        why_undefined["false_abstain_rate"] = "unanswerable case"
    if not is_defined(ab.false_answer):
        why_undefined["false_answer_rate"] = "answerable case"
    if not ab.correct and rules.get("abstention"):
        reasons.append(
            "abstained on an answerable question"
            if case.answerable
            else "answered a question it should have declined (answerable=false)"
        )

    kp = M.keypoint_coverage(text, case.keypoints)
    if is_defined(kp.value):
        m["keypoint_coverage"] = kp.value
        m["keypoints_pass"] = float(kp.passed)
        ev["missing_keypoints"] = kp.missing
        if kp.missing and rules.get("keypoints"):
            for g in kp.missing:
                reasons.append("missing key point: none of " + " / ".join(repr(a) for a in g) + " in the answer")
    else:
        undefined("keypoint_coverage", "no keypoints")
        undefined("keypoints_pass", "no keypoints")

    if case.forbidden:
        found = M.forbidden_hits(text, case.forbidden)
        m["forbidden_rate"] = float(bool(found))
        ev["forbidden_found"] = found
        if found and rules.get("forbidden"):
            reasons.append("forbidden string in the answer: " + ", ".join(repr(f) for f in found))
        quotes = " ".join(str(c.get("quote") or "") for c in citations)
        leaked = M.forbidden_hits(quotes, case.forbidden)
        if leaked:
            ev["forbidden_in_quotes"] = leaked
            warnings.append("forbidden string shown in a citation quote: " + ", ".join(repr(f) for f in leaked))
    else:
        undefined("forbidden_rate", "no forbidden strings")
    if "injection" in case.tags:
        followed, signs = M.injection_followed(text, case.forbidden)
        m["injection_success_rate"] = float(followed)
        ev["injection_signs"] = signs
        if followed and rules.get("injection"):
            reasons.append("followed a planted instruction: " + "; ".join(signs))
    else:
        undefined("injection_success_rate", "not an injection case")

    mk = M.marker_validity(text, citations)
    if is_defined(mk.value):
        m["marker_validity"] = mk.value
        ev["marker_problems"] = mk.problems
        if mk.problems and rules.get("markers"):
            reasons.extend(mk.problems)
    else:
        undefined("marker_validity", "no markers and no citations")

    if abstained:
        for name in ("cited_source_recall", "citation_recall", "citation_precision", "faithfulness"):
            undefined(name, "answer abstained")
    else:
        m["cited_source_recall"] = M.cited_source_recall(
            [str(c.get("source") or "") for c in citations], case.expected_sources
        )
        if not is_defined(m["cited_source_recall"]):
            why_undefined["cited_source_recall"] = "no expected_sources"
        sentences = M.answer_sentences(text)
        ev["sentences"] = [s.to_dict() for s in sentences]
        cr = M.citation_support(sentences, inputs.passages, checker)
        m["citation_recall"], m["citation_precision"] = cr.recall, cr.precision
        if not is_defined(cr.recall):
            why_undefined["citation_recall"] = "no claim sentences"
        if not is_defined(cr.precision):
            why_undefined["citation_precision"] = "no citations on claim sentences"
        ev["citation_support"] = [s.to_dict() for s in cr.sentences]
        fr = M.faithfulness(sentences, inputs.evidence, checker, cited=inputs.passages)
        m["faithfulness"] = fr.value
        if not is_defined(fr.value):
            why_undefined["faithfulness"] = "no claim sentences"
        unsupported = []
        for sent, score in fr.unsupported:
            item: dict[str, Any] = {"sentence": sent, "best_support": round(score, 4), "threshold": checker.threshold}
            own = next((s for s in sentences if s.text == sent), None)
            cited = [inputs.passages[mk_] for mk_ in (own.markers if own else []) if mk_ in inputs.passages]
            if cited and hasattr(checker, "details"):
                try:
                    d = checker.details(sent, cited)
                    item["checker_reason"] = d.get("reason", "")
                    item["closest_evidence"] = d.get("best_evidence", "")
                except Exception:  # details are diagnostics only
                    pass
            unsupported.append(item)
            warnings.append(f"unsupported sentence (best support {score:.2f} < {checker.threshold:.2f}): {sent!r}")
        ev["unsupported"] = unsupported
        min_f = rules.get("min_faithfulness")
        if min_f is not None and is_defined(fr.value) and fr.value < float(min_f):
            reasons.append(
                f"faithfulness {fr.value:.2f} < {float(min_f):.2f} ({len(fr.unsupported)} unsupported sentences)"
            )
        min_cr = rules.get("min_citation_recall")
        if min_cr and is_defined(cr.recall) and cr.recall < float(min_cr):
            reasons.append(f"citation recall {cr.recall:.2f} < {float(min_cr):.2f}")

    lat = M.latency_ms(answer.get("timings_ms"))
    m["latency_ms"] = lat
    if not is_defined(lat):
        why_undefined["latency_ms"] = "no timings_ms in the answer"
    passed = not reasons
    m["pass_rate"] = float(passed)
    return {
        "metrics": m,
        "undefined": why_undefined,
        "passed": passed,
        "reasons": reasons,
        "warnings": warnings,
        "evidence": ev,
    }


def fill_retrieval(records: list[dict], cases: list[EvalCase], inputs: list[CaseInputs], k: int) -> None:
    """Batch recall@k / MRR / nDCG@k (ranx) into each record's metrics."""
    batch = [
        (inp.retrieved, c.expected_sources, c.expected_pages or None) for c, inp in zip(cases, inputs, strict=True)
    ]
    scores = M.retrieval_metrics(batch, k=k)
    for rec, sc in zip(records, scores, strict=True):
        for name, v in sc.items():
            if rec.get("error"):
                rec["metrics"][name] = UNDEFINED  # nothing was retrieved: the advisor raised an error
                continue
            rec["metrics"][name] = v
            if not is_defined(v):
                rec["undefined"][name] = "no expected_sources"


# --------------------------------------------------------------------------- aggregation


def _metric_block(records: list[dict], k: int) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for name in case_metric_names(k):
        agg = M.aggregate(r["metrics"].get(name, UNDEFINED) for r in records)
        out[name] = {
            "value": agg["mean"],
            "stat": "mean",
            "n_defined": agg["n_defined"],
            "n_undefined": agg["n_undefined"],
        }
    lat = [r["metrics"].get("latency_ms", UNDEFINED) for r in records]
    n_def = sum(1 for v in lat if is_defined(v))
    for q, name in ((50, "latency_p50_ms"), (95, "latency_p95_ms")):
        out[name] = {
            "value": M.percentile(lat, q),
            "stat": f"p{q}",
            "n_defined": n_def,
            "n_undefined": len(lat) - n_def,
        }
    return out


def summarize(records: list[dict], k: int) -> dict:
    def group(rs: list[dict]) -> dict:
        return {"n_cases": len(rs), "n_passed": sum(1 for r in rs if r["passed"]), "metrics": _metric_block(rs, k)}

    splits: dict[str, list[dict]] = {}
    tags: dict[str, list[dict]] = {}
    for r in records:
        splits.setdefault(r["split"], []).append(r)
        for t in r["case"].get("tags") or []:
            tags.setdefault(t, []).append(r)
    return {
        **group(records),
        "n_errors": sum(1 for r in records if r.get("error")),
        "by_split": {s: group(rs) for s, rs in sorted(splits.items())},
        "by_tag": {t: group(rs) for t, rs in sorted(tags.items())},
    }


def check_thresholds(summary: dict, cfg: EvalConfig) -> list[dict]:
    """One result per configured bound. Gates (``metrics``/``tags``/``splits``) pass or fail;
    release targets (``targets:``) pass or are "missed" without failing the run; a bound with
    no defined value in scope is "skipped"."""
    out: list[dict] = []

    def check(scope: str, block: dict | None, bounds: dict[str, dict], kind: str) -> None:
        for name, b in bounds.items():
            row: dict[str, Any] = {"name": name, "scope": scope, "kind": kind, **b}
            metric = (block or {}).get("metrics", {}).get(name) if block else None
            value = metric["value"] if metric else UNDEFINED
            row["value"] = value
            if block is None or not is_defined(value):
                row["status"] = "skipped"
                row["message"] = "not evaluated: " + ("no cases in scope" if block is None else "no defined values")
            else:
                fails = []
                if "min" in b and value < b["min"]:
                    fails.append(f"{value:.4g} < min {b['min']:.4g}")
                if "max" in b and value > b["max"]:
                    fails.append(f"{value:.4g} > max {b['max']:.4g}")
                row["status"] = ("fail" if kind == "gate" else "missed") if fails else "pass"
                row["message"] = "; ".join(fails) or "ok"
            out.append(row)

    for kind, metrics, tags, splits in (
        ("gate", cfg.metrics, cfg.tags, cfg.splits),
        ("target", cfg.targets.get("metrics", {}), cfg.targets.get("tags", {}), cfg.targets.get("splits", {})),
    ):
        check("all", summary, metrics, kind)
        for tag, bounds in tags.items():
            check(f"tag:{tag}", summary["by_tag"].get(tag), bounds, kind)
        for split, bounds in splits.items():
            check(f"split:{split}", summary["by_split"].get(split), bounds, kind)
    return out


def load_baseline(path: Path) -> dict[str, dict]:
    """Per-case results of a previous run, by case id: from its summary.json or cases.jsonl."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the baseline ({exc.strerror or exc})") from None
    out: dict[str, dict] = {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if isinstance(data, dict):
        per_case = data.get("per_case")
        if not isinstance(per_case, dict):
            raise ConfigError(f"{path}: a baseline summary.json must hold per_case results (written by advisor eval)")
        for cid, r in per_case.items():
            out[cid] = {"passed": bool(r.get("passed")), "metrics": dict(r.get("metrics") or {})}
        return out
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(
                f"{path} line {i}: not valid JSON ({exc.msg}); pass a summary.json or cases.jsonl"
            ) from None
        cid = r.get("id") or (r.get("case") or {}).get("id")
        if not cid or "metrics" not in r:
            raise ConfigError(f"{path} line {i}: not a cases.jsonl record (needs id and metrics)")
        out[cid] = {"passed": bool(r.get("passed")), "metrics": dict(r["metrics"])}
    return out


def compare_baseline(records: list[dict], baseline: dict[str, dict], cfg: EvalConfig, source: str = "") -> dict:
    """Paired bootstrap of every per-case metric against the baseline, and status changes."""
    reg = cfg.regression
    tol_default = float(reg.get("tolerance", 0.02))
    tolerances = reg.get("tolerances") or {}
    exclude = set(reg.get("exclude") or [])
    current = {r["id"]: r for r in records}
    paired_ids = [cid for cid in current if cid in baseline]
    rows = []
    for name in case_metric_names(cfg.k):
        pairs = []
        for cid in paired_ids:
            cur = current[cid]["metrics"].get(name, UNDEFINED)
            base = M.from_json(baseline[cid]["metrics"].get(name))
            if is_defined(cur) and is_defined(base):
                pairs.append((float(cur), float(base)))
        bs = M.paired_bootstrap(
            pairs,
            resamples=int(reg.get("resamples", 1000)),
            seed=int(reg.get("seed", 0)),
            confidence=float(reg.get("confidence", 0.95)),
        )
        tol = float(tolerances.get(name, tol_default))
        lower_better = name in LOWER_IS_BETTER
        regressed = False
        if is_defined(bs["delta"]) and name not in exclude:
            regressed = bs["ci_low"] > tol if lower_better else bs["ci_high"] < -tol
        rows.append(
            {
                "name": name,
                **bs,
                "tolerance": tol,
                "direction": "lower" if lower_better else "higher",
                "gated": name not in exclude,
                "regressed": regressed,
            }
        )
    changes = []
    for cid in paired_ids:
        before, after = baseline[cid]["passed"], current[cid]["passed"]
        if before != after:
            changes.append({"id": cid, "before": "pass" if before else "fail", "after": "pass" if after else "fail"})
    return {
        "baseline": source,
        "n_paired": len(paired_ids),
        "only_in_current": sorted(cid for cid in current if cid not in baseline),
        "only_in_baseline": sorted(cid for cid in baseline if cid not in current),
        "metrics": rows,
        "status_changes": changes,
        "regressed": [r["name"] for r in rows if r["regressed"]],
    }


# --------------------------------------------------------------------------- manifest and output


def _jsonable(obj: Any) -> Any:
    if obj is UNDEFINED:
        return None
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, float):
        return round(obj, 6)
    if isinstance(obj, Path):
        return str(obj)
    return obj


def git_commit(root: Path = PROJECT_DIR) -> str | None:
    """The checked-out commit, read from .git without running git (None outside a checkout)."""
    gitdir = root / ".git"
    try:
        if gitdir.is_file():  # a worktree: "gitdir: <path>"
            gitdir = Path(gitdir.read_text().split(":", 1)[1].strip())
        head = (gitdir / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head
        ref = head.split(":", 1)[1].strip()
        ref_file = gitdir / ref
        if ref_file.exists():
            return ref_file.read_text().strip()
        common = gitdir / "commondir"
        base = (gitdir / common.read_text().strip()).resolve() if common.exists() else gitdir
        if (base / ref).exists():
            return (base / ref).read_text().strip()
        packed = base / "packed-refs"
        for line in packed.read_text().splitlines() if packed.exists() else []:
            parts = line.split()
            if len(parts) == 2 and parts[1] == ref:
                return parts[0]
    except (OSError, IndexError):
        return None
    return None


def write_cases(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(_jsonable(r), ensure_ascii=False) + "\n")


def write_junit(path: Path, records: list[dict], thresholds: list[dict], regression: dict | None) -> None:
    root = ET.Element("testsuites", name="advisor-eval")

    def suite(name: str) -> ET.Element:
        return ET.SubElement(root, "testsuite", name=name)

    cases_el = suite("eval-cases")
    for r in records:
        tc = ET.SubElement(cases_el, "testcase", classname=f"eval.{r['split'] or 'cases'}", name=r["id"])
        tc.set("time", f"{(r.get('wall_ms') or 0) / 1000:.3f}")
        if r.get("error"):
            e = ET.SubElement(tc, "error", message=r["error"][:500])
            e.text = r["error"]
        elif not r["passed"]:
            f = ET.SubElement(tc, "failure", message="; ".join(r["reasons"])[:500])
            f.text = "\n".join(r["reasons"])
        if r.get("warnings"):
            out = ET.SubElement(tc, "system-out")
            out.text = "\n".join(r["warnings"])
    th_el = suite("thresholds")
    tg_el = suite("targets")
    for t in thresholds:
        parent = th_el if t.get("kind", "gate") == "gate" else tg_el
        tc = ET.SubElement(parent, "testcase", classname=f"{t.get('kind', 'gate')}.{t['scope']}", name=t["name"])
        if t["status"] == "fail":
            ET.SubElement(tc, "failure", message=t["message"])
        elif t["status"] == "skipped":
            ET.SubElement(tc, "skipped", message=t["message"])
        elif t["status"] == "missed":
            ET.SubElement(tc, "skipped", message=f"release target missed: {t['message']}")
    if regression:
        rg = suite("regression")
        for row in regression["metrics"]:
            if not row["gated"]:
                continue
            tc = ET.SubElement(rg, "testcase", classname="regression", name=row["name"])
            if not is_defined(row["delta"]):
                ET.SubElement(tc, "skipped", message="no paired defined values")
            elif row["regressed"]:
                ET.SubElement(
                    tc,
                    "failure",
                    message=(
                        f"significant regression: delta {row['delta']:+.4f}, 95% CI "
                        f"[{row['ci_low']:+.4f}, {row['ci_high']:+.4f}], tolerance {row['tolerance']}"
                    ),
                )
    for s in root:
        cases_ = list(s)
        s.set("tests", str(len(cases_)))
        s.set("failures", str(sum(1 for c in cases_ if c.find("failure") is not None)))
        s.set("errors", str(sum(1 for c in cases_ if c.find("error") is not None)))
        s.set("skipped", str(sum(1 for c in cases_ if c.find("skipped") is not None)))
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def _fmt(v: Any, name: str = "") -> str:
    if not is_defined(v):
        return "undefined"
    if name.startswith("latency") or name.endswith("_ms"):
        return f"{float(v):.0f} ms"
    return f"{float(v):.3f}"


_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1b1f24;background:#fafbfc}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
table{border-collapse:collapse;background:#fff;margin:6px 0 12px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f3f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}.skipped,.undef{color:#6e7781}
.meta{color:#57606a}details.case{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:4px 0;padding:4px 10px}
details.case>summary{cursor:pointer}details.case[open]{box-shadow:0 1px 3px rgba(0,0,0,.08)}
.answer{white-space:pre-wrap;background:#f6f8fa;border-left:3px solid #8c959f;padding:6px 10px}
.quote{white-space:pre-wrap;color:#424a53}.tag{display:inline-block;background:#ddf4ff;border-radius:10px;padding:0 7px;margin:0 2px;font-size:12px}
ul{margin:4px 0 8px 18px;padding:0}.bar{margin:10px 0}.bar input,.bar select{font:inherit;padding:3px 6px}
"""

_JS = """
function filt(){var q=document.getElementById('q').value.toLowerCase(),s=document.getElementById('st').value;
document.querySelectorAll('details.case').forEach(function(d){var ok=(!q||d.dataset.search.indexOf(q)>=0)&&(!s||d.dataset.status===s);d.style.display=ok?'':'none';});}
function expand(o){document.querySelectorAll('details.case').forEach(function(d){if(d.style.display!=='none')d.open=o;});}
"""


def _e(x: Any) -> str:
    return html.escape(str(x), quote=True)


def render_html(
    records: list[dict], summary: dict, thresholds: list[dict], regression: dict | None, manifest: dict
) -> str:
    k = manifest.get("k", 5)
    gates = {t["name"]: t for t in thresholds if t["scope"] == "all" and t.get("kind", "gate") == "gate"}
    targets = {t["name"]: t for t in thresholds if t["scope"] == "all" and t.get("kind") == "target"}
    p: list[str] = []
    status = "PASS" if summary.get("exit_code", 1) == 0 else "FAIL"
    p.append("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>advisor eval report</title>")
    p.append(f"<style>{_CSS}</style></head><body>")
    p.append(f"<h1>Readiness Advisor — answer-quality report <span class='{status.lower()}'>{status}</span></h1>")
    p.append(
        "<p class='meta'>"
        + _e(
            f"{manifest.get('timestamp')} · {summary['n_cases']} cases, {summary['n_passed']} passed · "
            f"mode {manifest.get('mode')} · checker {manifest.get('checker', {}).get('name')} · "
            f"corpus {manifest.get('corpus_version')} · commit {manifest.get('git_commit') or 'n/a'} · "
            f"{manifest.get('duration_s')} s"
        )
        + "</p>"
    )
    p.append(
        "<h2>Summary</h2><table><tr><th>metric</th><th>value</th><th>defined</th><th>undefined</th>"
        "<th>gate</th><th>status</th><th>release target</th><th>status</th></tr>"
    )

    def bound_cells(t: dict | None) -> str:
        if not t:
            return "<td></td><td></td>"
        bound = " ".join(f"{key} {t[key]:g}" for key in ("min", "max") if key in t)
        return f"<td>{_e(bound)}</td><td class='{t['status']}'>{_e(t['status'])}</td>"

    for name in summary_metric_names(k):
        mb = summary["metrics"][name]
        cls = "num" if is_defined(mb["value"]) else "num undef"
        p.append(
            f"<tr><td>{_e(name)}</td><td class='{cls}'>{_e(_fmt(mb['value'], name))}</td><td class='num'>{mb['n_defined']}</td>"
            f"<td class='num'>{mb['n_undefined']}</td>{bound_cells(gates.get(name))}{bound_cells(targets.get(name))}</tr>"
        )
    p.append("</table>")
    other = [t for t in thresholds if t["scope"] != "all"]
    if other:
        p.append(
            "<h2>Per-tag and per-split thresholds</h2><table><tr><th>kind</th><th>scope</th><th>metric</th><th>value</th><th>bound</th><th>status</th></tr>"
        )
        for t in other:
            bound = " ".join(f"{key} {t[key]:g}" for key in ("min", "max") if key in t)
            p.append(
                f"<tr><td>{_e(t.get('kind', 'gate'))}</td><td>{_e(t['scope'])}</td><td>{_e(t['name'])}</td>"
                f"<td class='num'>{_e(_fmt(t['value'], t['name']))}</td>"
                f"<td>{_e(bound)}</td><td class='{t['status']}'>{_e(t['status'])} {_e('' if t['status'] == 'pass' else t['message'])}</td></tr>"
            )
        p.append("</table>")
    cols = ["pass_rate", f"recall@{k}", "faithfulness", "citation_recall", "keypoint_coverage", "abstention_accuracy"]
    for title, groups in (("By split", summary["by_split"]), ("By tag", summary["by_tag"])):
        p.append(f"<h2>{title}</h2><table><tr><th>group</th><th>cases</th><th>passed</th>")
        p.append("".join(f"<th>{_e(c)}</th>" for c in cols) + "</tr>")
        for g, b in groups.items():
            cells = "".join(f"<td class='num'>{_e(_fmt(b['metrics'][c]['value'], c))}</td>" for c in cols)
            p.append(
                f"<tr><td>{_e(g)}</td><td class='num'>{b['n_cases']}</td><td class='num'>{b['n_passed']}</td>{cells}</tr>"
            )
        p.append("</table>")
    if regression:
        p.append(
            f"<h2>Comparison with baseline</h2><p class='meta'>{_e(regression['baseline'])} · {regression['n_paired']} paired cases</p>"
        )
        p.append(
            "<table><tr><th>metric</th><th>delta</th><th>95% CI</th><th>pairs</th><th>tolerance</th><th>status</th></tr>"
        )
        for row in regression["metrics"]:
            if not is_defined(row["delta"]):
                continue
            st = "fail" if row["regressed"] else ("pass" if row["gated"] else "skipped")
            label = "regression" if row["regressed"] else ("ok" if row["gated"] else "not gated")
            p.append(
                f"<tr><td>{_e(row['name'])}</td><td class='num'>{row['delta']:+.4f}</td>"
                f"<td class='num'>[{row['ci_low']:+.4f}, {row['ci_high']:+.4f}]</td><td class='num'>{row['n']}</td>"
                f"<td class='num'>{row['tolerance']:g} ({_e(row['direction'])} is better)</td><td class='{st}'>{label}</td></tr>"
            )
        p.append("</table>")
        if regression["status_changes"]:
            p.append("<table><tr><th>case</th><th>baseline</th><th>now</th></tr>")
            for ch in regression["status_changes"]:
                p.append(
                    f"<tr><td><a href='#case-{_e(ch['id'])}'>{_e(ch['id'])}</a></td><td class='{ch['before']}'>{ch['before']}</td>"
                    f"<td class='{ch['after']}'>{ch['after']}</td></tr>"
                )
            p.append("</table>")
        else:
            p.append("<p>No case changed status.</p>")
    p.append("<h2>Cases</h2><div class='bar'><input id='q' placeholder='filter: id, tag, text' oninput='filt()'> ")
    p.append(
        "<select id='st' onchange='filt()'><option value=''>all</option><option value='fail'>failed</option><option value='pass'>passed</option></select> "
    )
    p.append(
        "<button onclick='expand(true)'>expand all</button> <button onclick='expand(false)'>collapse all</button></div>"
    )
    for r in records:
        c, a = r["case"], r.get("answer") or {}
        st = "pass" if r["passed"] else "fail"
        first = r["reasons"][0] if r["reasons"] else ""
        search = " ".join([r["id"], c.get("question", ""), " ".join(c.get("tags") or []), r["split"]]).lower()
        p.append(
            f"<details class='case' id='case-{_e(r['id'])}' data-status='{st}' data-search='{_e(search)}'><summary>"
        )
        p.append(
            f"<span class='{st}'>{st.upper()}</span> <b>{_e(r['id'])}</b> <span class='meta'>[{_e(r['split'])}]</span> "
        )
        p.append("".join(f"<span class='tag'>{_e(t)}</span>" for t in c.get("tags") or []))
        p.append(f" {_e(c.get('question', ''))} <span class='fail'>{_e(first)}</span></summary>")
        p.append(f"<p><b>Question:</b> {_e(c.get('question', ''))}")
        if c.get("org"):
            p.append(f" <span class='meta'>(org {_e(c['org'])})</span>")
        p.append(f" <span class='meta'>answerable={_e(c.get('answerable'))}</span></p>")
        if c.get("history"):
            p.append(
                "<p><b>History:</b></p><ul>"
                + "".join(f"<li><b>{_e(h.get('role'))}:</b> {_e(h.get('content'))}</li>" for h in c["history"])
                + "</ul>"
            )
        if r.get("error"):
            p.append(f"<p class='fail'>Error: {_e(r['error'])}</p>")
        p.append(
            f"<p><b>Answer</b> <span class='meta'>(abstained={_e(a.get('abstained'))}, mode {_e(a.get('mode'))})</span></p>"
        )
        p.append(f"<div class='answer'>{_e(a.get('answer', ''))}</div>")
        if a.get("citations"):
            p.append("<p><b>Citations</b></p><ul>")
            for ct in a["citations"]:
                where = ct.get("source", "") + (f", p. {ct['page']}" if ct.get("page") else "")
                p.append(
                    f"<li>[{_e(ct.get('marker'))}] {_e(ct.get('title', ''))} — {_e(ct.get('section', ''))} "
                    f"<span class='meta'>({_e(where)})</span><div class='quote'>“{_e(ct.get('quote', ''))}”</div></li>"
                )
            p.append("</ul>")
        if r["reasons"]:
            p.append(
                "<p><b>Why it failed</b></p><ul>"
                + "".join(f"<li class='fail'>{_e(x)}</li>" for x in r["reasons"])
                + "</ul>"
            )
        if r.get("warnings"):
            p.append("<p><b>Warnings</b></p><ul>" + "".join(f"<li>{_e(x)}</li>" for x in r["warnings"]) + "</ul>")
        exp = ", ".join(c.get("expected_sources") or []) or "—"
        kps = "; ".join(" / ".join(g) for g in c.get("keypoints") or []) or "—"
        p.append(f"<p class='meta'>expected sources: {_e(exp)} · keypoints: {_e(kps)}</p>")
        if r.get("retrieved"):
            p.append(
                "<p class='meta'>retrieved ("
                + _e(r.get("retrieved_from", "hits"))
                + "): "
                + _e(
                    " · ".join(
                        f"{x['rank']}. {x['source']}" + (f" p.{x['page']}" if x.get("page") else "")
                        for x in r["retrieved"]
                    )
                )
                + "</p>"
            )
        p.append("<table><tr><th>metric</th><th>value</th></tr>")
        for name in case_metric_names(k):
            v = r["metrics"].get(name, UNDEFINED)
            note = r["undefined"].get(name, "")
            cell = _e(_fmt(v, name)) + (f" <span class='meta'>({_e(note)})</span>" if note else "")
            p.append(f"<tr><td>{_e(name)}</td><td class='num'>{cell}</td></tr>")
        p.append("</table>")
        cs = (r.get("evidence") or {}).get("citation_support") or []
        if cs:
            p.append("<table><tr><th>sentence</th><th>cites</th><th>support</th><th>citation precision</th></tr>")
            for s in cs:
                prec = "; ".join(
                    f"[{m}] {'ok' if ok else 'imprecise'}: {s['why'].get(m, '')}" for m, ok in s["precise"].items()
                )
                cls = "pass" if s["supported"] else "fail"
                p.append(
                    f"<tr><td>{_e(s['text'])}</td><td>{_e(s['markers'])}</td><td class='{cls}'>{s['score']:.2f}</td><td>{_e(prec)}</td></tr>"
                )
            p.append("</table>")
        p.append("</details>")
    p.append("<h2>Manifest</h2><pre>" + _e(json.dumps(_jsonable(manifest), indent=2, ensure_ascii=False)) + "</pre>")
    p.append(f"<script>{_JS}</script></body></html>")
    return "".join(p)


def text_summary(summary: dict, thresholds: list[dict], regression: dict | None, k: int) -> str:
    gates = {t["name"]: t for t in thresholds if t["scope"] == "all" and t.get("kind", "gate") == "gate"}
    targets = {t["name"]: t for t in thresholds if t["scope"] == "all" and t.get("kind") == "target"}

    def cell(t: dict | None) -> str:
        if not t:
            return ""
        return " ".join(f"{key} {t[key]:g}" for key in ("min", "max") if key in t) + f" {t['status'].upper()}"

    lines = [f"{'metric':<24}{'value':>12}{'n':>6}{'undef':>7}  {'gate':<22}target"]
    for name in summary_metric_names(k):
        mb = summary["metrics"][name]
        lines.append(
            f"{name:<24}{_fmt(mb['value'], name):>12}{mb['n_defined']:>6}{mb['n_undefined']:>7}  "
            f"{cell(gates.get(name)):<22}{cell(targets.get(name))}".rstrip()
        )
    lines.append(f"cases: {summary['n_cases']}, passed: {summary['n_passed']}, errors: {summary['n_errors']}")
    for s, b in summary["by_split"].items():
        lines.append(f"  split {s}: {b['n_passed']}/{b['n_cases']} passed")
    for t in thresholds:
        if t["status"] == "fail":
            lines.append(f"THRESHOLD FAILED [{t['scope']}] {t['name']}: {t['message']}")
        elif t["status"] == "missed":
            lines.append(f"target missed (not gating) [{t['scope']}] {t['name']}: {t['message']}")
    if regression:
        lines.append(
            f"baseline: {regression['n_paired']} paired cases, {len(regression['status_changes'])} status changes"
        )
        for row in regression["metrics"]:
            if row["regressed"]:
                lines.append(
                    f"REGRESSION {row['name']}: delta {row['delta']:+.4f}, 95% CI [{row['ci_low']:+.4f}, {row['ci_high']:+.4f}]"
                )
    return "\n".join(lines)


# --------------------------------------------------------------------------- run


@dataclass
class EvalRun:
    out_dir: Path
    summary: dict
    records: list[dict]
    exit_code: int


def _dataset_version(paths: Sequence[Path]) -> str | None:
    """The VERSION file next to the datasets (evals/VERSION for the bundled suite), if any."""
    for folder in dict.fromkeys(Path(p).resolve().parent for p in paths):
        try:
            return (folder / "VERSION").read_text(encoding="utf-8").strip()
        except OSError:
            continue
    return None


def default_corpus() -> list[Path]:
    from .index import bundled_paths

    return [*bundled_paths(), FIXTURES_DIR]


def eval_settings_for(settings: Settings) -> Settings:
    """Settings of the eval index: its own folder, sharing the main embedding cache."""
    return dataclasses.replace(settings, home=settings.home / "eval-index", embed_cache=settings.embed_cache_path)


def _inputs_for(ans: Any, ad: dict, index: Any) -> CaseInputs:
    hits = list(getattr(ans, "hits", None) or [])
    texts = {h.chunk.chunk_id: h.chunk.text for h in hits}
    cites = ad.get("citations") or []
    missing = [c.get("chunk_id") for c in cites if c.get("chunk_id") and c.get("chunk_id") not in texts]
    if missing and index is not None:
        try:
            texts.update({cid: ch.text for cid, ch in index.get_chunks(missing).items()})
        except Exception:  # a citation pointing nowhere falls back to its quote
            pass
    if hits:
        retrieved = [M.Retrieved(h.chunk.source, h.chunk.page) for h in hits]
        origin = "hits"
    else:
        retrieved = [M.Retrieved(str(c.get("source") or ""), c.get("page")) for c in cites]
        origin = "citations"
    passages: dict[int, str] = {}
    for c in cites:
        m = c.get("marker")
        if isinstance(m, int) and m not in passages:
            passages[m] = texts.get(c.get("chunk_id")) or str(c.get("quote") or "")
    evidence = list(dict.fromkeys([*passages.values(), *(h.chunk.text for h in hits)]))
    return CaseInputs(retrieved, origin, passages, evidence)


def _retrieved_json(ans: Any, inputs: CaseInputs) -> list[dict]:
    hits = list(getattr(ans, "hits", None) or [])
    if hits:
        return [
            {
                "rank": i,
                "chunk_id": h.chunk.chunk_id,
                "source": h.chunk.source,
                "page": h.chunk.page,
                "score": round(float(h.score), 6),
            }
            for i, h in enumerate(hits, start=1)
        ]
    return [{"rank": i, "source": r.source, "page": r.page} for i, r in enumerate(inputs.retrieved, start=1)]


def _applicable(target: str, perturbation: str, case: EvalCase, answer: dict) -> bool:
    """Could this perturbation lower this metric for this case at all?"""
    if perturbation == "swap_numbers" and target == "keypoint_coverage":
        text = M.normalize(answer.get("answer") or "")
        return any(re.search(r"\d", alt) and M.normalize(alt) in text for g in case.keypoints for alt in g)
    return True


def self_test(records: list[dict], cases: list[EvalCase], inputs: list[CaseInputs], checker: Any, rules: dict) -> dict:
    """Apply each perturbation to every answered case and count how often its metrics drop.

    A perturbed answer is rescored with the passages its remaining citations still point to;
    a metric counts as applicable when it was above 0 and the perturbation can affect it
    (swapping numbers can only lower key points that contain a number the answer states).
    """
    out: dict[str, Any] = {}
    errors: list[str] = []
    for pname, (fn, targets) in M.PERTURBATIONS.items():
        stats = {t: {"applicable": 0, "lowered": 0} for t in targets}
        for rec, case, inp in zip(records, cases, inputs, strict=True):
            ans = rec.get("answer")
            if not ans or ans.get("abstained") or rec.get("error"):
                continue
            perturbed = fn(ans)
            if perturbed == ans:
                continue
            kept = {c.get("marker") for c in perturbed.get("citations") or []}
            inp2 = dataclasses.replace(inp, passages={m: t for m, t in inp.passages.items() if m in kept})
            try:
                new = score_case(case, perturbed, inp2, checker, rules)["metrics"]
            except Exception as exc:  # reported, never fatal
                errors.append(f"{case.id} {pname}: {type(exc).__name__}: {exc}")
                continue
            for t in targets:
                before, after = rec["metrics"].get(t, UNDEFINED), new.get(t, UNDEFINED)
                if is_defined(before) and before > 0 and _applicable(t, pname, case, ans):
                    stats[t]["applicable"] += 1
                    if not is_defined(after) or after < before:
                        stats[t]["lowered"] += 1
        out[pname] = stats
    if errors:
        out["errors"] = errors
    return out


def run_eval(
    datasets: Sequence[Path] | None = None,
    *,
    out: Path | None = None,
    baseline: Path | None = None,
    split: str = "all",
    checker: str = "lexical",
    thresholds: Path | None = DEFAULT_THRESHOLDS,
    limit: int | None = None,
    settings: Settings | None = None,
    corpus: Sequence[Path] | None = None,
    progress: bool = True,
    run_self_test: bool = False,
    echo: Callable[[str], None] | None = None,
) -> EvalRun:
    """Run the suite and write the reports; see the module docstring."""
    from .answer import Advisor
    from .index import Index, corpus_version
    from .judges import CHECKER_TIERS, make_checker

    echo = echo or (lambda s: click.echo(s, err=True))
    started = time.perf_counter()
    warm = threading.Thread(target=M.warm_up_retrieval, name="ranx-warm-up", daemon=True)
    warm.start()  # numba compiles ranx while the cases are answered
    stamp = datetime.now(UTC)
    settings = settings or Settings.from_env()
    cfg = load_config(thresholds) if thresholds else EvalConfig()
    paths = [Path(p) for p in (datasets or DEFAULT_DATASETS)]
    cases = load_datasets(paths)
    if split and split != "all":
        cases = [c for c in cases if c.split == split]
        if not cases:
            raise DatasetError([f"no cases in split {split!r} (datasets: {', '.join(str(p) for p in paths)})"])
    if limit:
        cases = cases[:limit]
    out_dir = Path(out) if out else Path("eval-runs") / stamp.strftime("%Y%m%d-%H%M%S")
    out_dir.mkdir(parents=True, exist_ok=True)

    es = eval_settings_for(settings)
    ix = Index(es)
    t0 = time.perf_counter()
    report = ix.index_paths(list(corpus) if corpus else default_corpus())
    index_seconds = time.perf_counter() - t0
    ix.close()
    for e in report.errors:
        echo(f"warning: eval index: {e['file']}: {e['error']}")
    advisor = Advisor(es)
    # the LLM judge's cache lives in the user's ADVISOR_HOME (shared across eval runs), not the eval index
    chk = MemoChecker(make_checker(checker, settings if checker == "llm" else es, threshold=cfg.checker_threshold))
    known_orgs = {o["org"] for o in advisor.index.orgs()}
    run_warnings = [f"index: {e['file']}: {e['error']}" for e in report.errors]
    for org in sorted({c.org for c in cases if c.org} - known_orgs):
        run_warnings.append(f"org {org!r} has no assessment results in the eval index")
        echo(f"warning: org {org!r} has no assessment results in the eval index")

    records: list[dict] = []
    inputs: list[CaseInputs] = []
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(cases), unit="case", desc="eval", file=sys.stderr, mininterval=0.5, leave=False)
    ask_s = score_s = 0.0
    for case in cases:
        t = time.perf_counter()
        error = None
        ans = None
        try:
            ans = advisor.ask(case.question, org=case.org, history=case.history or None)
            ad = ans.to_dict()
        except Exception as exc:  # a crash is a failed case, not a failed run
            error = f"{type(exc).__name__}: {exc}"
            ad = {}
        wall = (time.perf_counter() - t) * 1000
        ask_s += wall / 1000
        t_score = time.perf_counter()
        inp = CaseInputs()
        if error is None:
            inp = _inputs_for(ans, ad, advisor.index)
            try:
                scored = score_case(case, ad, inp, chk, cfg.case)
            except Exception as exc:  # a checker failure on one case must not stop the suite
                error = f"scoring failed: {type(exc).__name__}: {exc}"
        if error is not None:
            scored = {
                "metrics": dict.fromkeys(case_metric_names(cfg.k), UNDEFINED) | {"pass_rate": 0.0},
                "undefined": dict.fromkeys([n for n in case_metric_names(cfg.k) if n != "pass_rate"], error),
                "passed": False,
                "reasons": [f"error: {error}"],
                "warnings": [],
                "evidence": {},
            }
        score_s += time.perf_counter() - t_score
        rec = {
            "id": case.id,
            "split": case.split,
            "case": case.to_dict(),
            "answer": ad,
            "retrieved": _retrieved_json(ans, inp) if ans is not None else [],
            "retrieved_from": inp.retrieved_from,
            **scored,
            "wall_ms": round(wall, 1),
            "error": error,
        }
        records.append(rec)
        inputs.append(inp)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    t_ret = time.perf_counter()
    warm.join()
    fill_retrieval(records, cases, inputs, cfg.k)
    retrieval_s = time.perf_counter() - t_ret

    summary = summarize(records, cfg.k)
    th = check_thresholds(summary, cfg)
    regression = None
    if baseline:
        regression = compare_baseline(records, load_baseline(Path(baseline)), cfg, str(baseline))
    failed = [t for t in th if t["status"] == "fail"]
    exit_code = 1 if failed or (regression and regression["regressed"]) else 0
    st = self_test(records, cases, inputs, chk, cfg.case) if run_self_test else None

    manifest = {
        "timestamp": stamp.isoformat(timespec="seconds"),
        "duration_s": round(time.perf_counter() - started, 2),
        "datasets": [{"path": str(p), "sha256": _sha256(p)} for p in paths],
        "dataset_version": _dataset_version(paths),
        "split": split,
        "limit": limit,
        "corpus_version": corpus_version(),
        "corpus_paths": [str(p) for p in (corpus or default_corpus())],
        "git_commit": git_commit(),
        "settings": es.masked(),
        "mode": es.mode,
        "model": es.llm_model or None,
        "checker": {
            "name": checker,
            "tier": CHECKER_TIERS.get(checker),
            "threshold": chk.threshold,
            "model": getattr(chk.inner, "model_path", None) or getattr(chk.inner, "model", None)
            if checker != "lexical"
            else None,
            "calls": chk.calls,
        },
        "k": cfg.k,
        "thresholds": {
            "path": cfg.path,
            "sha256": cfg.sha256,
            "metrics": cfg.metrics,
            "tags": cfg.tags,
            "splits": cfg.splits,
        },
        "case_rules": cfg.case,
        "regression": cfg.regression,
        "index": {
            "files_seen": report.files_seen,
            "files_indexed": report.files_indexed,
            "embeddings_computed": report.embeddings_computed,
            "seconds": round(index_seconds, 2),
            "errors": report.errors,
        },
        "timing_s": {
            "index": round(index_seconds, 2),
            "ask": round(ask_s, 2),
            "score": round(score_s, 2),
            "retrieval_metrics": round(retrieval_s, 2),
        },
        "python": platform.python_version(),
        "platform": platform.platform(),
        "warnings": run_warnings,
    }
    summary_doc = {
        "manifest": manifest,
        **summary,
        "thresholds": th,
        "regression": regression,
        "self_test": st,
        "exit_code": exit_code,
        "per_case": {
            r["id"]: {"split": r["split"], "tags": r["case"]["tags"], "passed": r["passed"], "metrics": r["metrics"]}
            for r in records
        },
    }
    summary_doc["manifest"]["duration_s"] = round(time.perf_counter() - started, 2)
    write_cases(out_dir / "cases.jsonl", records)
    (out_dir / "summary.json").write_text(
        json.dumps(_jsonable(summary_doc), indent=2, ensure_ascii=False), encoding="utf-8"
    )
    (out_dir / "report.html").write_text(render_html(records, summary_doc, th, regression, manifest), encoding="utf-8")
    write_junit(out_dir / "junit.xml", records, th, regression)
    return EvalRun(out_dir, _jsonable(summary_doc), records, exit_code)


# --------------------------------------------------------------------------- CLI


@click.command("eval")
@click.option(
    "--dataset",
    "datasets",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="A JSONL dataset in the contract format (repeatable). Default: evals/dev.jsonl + evals/test.jsonl.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Report folder (default eval-runs/<timestamp>/).",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="A previous run's summary.json or cases.jsonl: fail on a significant regression.",
)
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="all", show_default=True)
@click.option(
    "--checker",
    type=click.Choice(["lexical", "nli", "llm"]),
    default="lexical",
    show_default=True,
    help="Support checker tier 0/1/2.",
)
@click.option(
    "--thresholds",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Thresholds YAML (default evals/thresholds.yaml).",
)
@click.option("--limit", type=click.IntRange(1, None), default=None, help="Run only the first N cases.")
@click.option(
    "--corpus",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Index these paths instead of the bundled corpus + evals/fixtures.",
)
@click.option(
    "--self-test", "run_self_test", is_flag=True, help="Also check that perturbed answers lower their metrics."
)
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print summary.json instead of the text table.")
def eval_command(
    datasets: tuple[Path, ...],
    out: Path | None,
    baseline: Path | None,
    split: str,
    checker: str,
    thresholds: Path | None,
    limit: int | None,
    corpus: tuple[Path, ...],
    run_self_test: bool,
    no_progress: bool,
    as_json: bool,
) -> None:
    """Run the answer-quality suite; exit 1 when a threshold or the regression gate fails."""
    try:
        settings = Settings.from_env()
        run = run_eval(
            list(datasets) or None,
            out=out,
            baseline=baseline,
            split=split,
            checker=checker,
            thresholds=thresholds or DEFAULT_THRESHOLDS,
            limit=limit,
            settings=settings,
            corpus=list(corpus) or None,
            progress=not no_progress,
            run_self_test=run_self_test,
        )
    except AdvisorError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    s = run.summary
    if as_json:
        click.echo(json.dumps({k: v for k, v in s.items() if k != "per_case"}, indent=2, ensure_ascii=False))
    else:
        click.echo(text_summary(s, s["thresholds"], s["regression"], s["manifest"]["k"]))
        if s.get("self_test"):
            for pname, stats in s["self_test"].items():
                if pname == "errors":
                    click.echo(f"self-test errors: {len(stats)} (see summary.json)")
                    continue
                parts = ", ".join(f"{m} lowered {v['lowered']}/{v['applicable']}" for m, v in stats.items())
                click.echo(f"self-test {pname}: {parts}")
        click.echo(f"reports: {run.out_dir}/ (report.html, summary.json, cases.jsonl, junit.xml)")
    sys.exit(run.exit_code)
