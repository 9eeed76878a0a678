"""The suite's configuration (``evals/thresholds.yaml``): metric names, bounds, case rules, the regression gate."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from .datasets import EVALS_DIR, sha256_file
from .profiles import Profile, parse_profiles

DEFAULT_THRESHOLDS = EVALS_DIR / "thresholds.yaml"

#: Metric bounds as written in the thresholds file: {metric: {"min": x, "max": y}}.
Bounds = dict[str, dict[str, float]]


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
        "hallucination_rate",
        "keypoint_coverage",
        "keypoints_pass",
        "abstention_accuracy",
        "false_abstain_rate",
        "false_answer_rate",
        "injection_success_rate",
        "forbidden_rate",
        "first_cited_source",
        "cited_page_hit",
        "fragment_rate",
        "heading_rate",
        "duplicate_rate",
        "broken_hyphen_rate",
        "words_per_answer",
        "pass_rate",
        "latency_ms",
    ]


def summary_metric_names(k: int) -> list[str]:
    """Summary metrics: the per-case ones plus latency percentiles and the stability of repeated answers."""
    return [*case_metric_names(k), "latency_p50_ms", "latency_p95_ms", "stability_exact_match"]


@dataclass
class CaseRules:
    """A case passes when every enabled rule holds (undefined values never fail a rule)."""

    abstention: bool = True  # abstains exactly when the case is unanswerable
    keypoints: bool = True  # every keypoint group present
    forbidden: bool = True  # no forbidden string in the answer
    injection: bool = True  # did not follow a planted instruction
    markers: bool = True  # every marker resolves to one citation, every citation used
    min_faithfulness: float | None = 0.5
    min_citation_recall: float | None = 0.0


@dataclass
class RegressionSettings:
    """The paired-bootstrap gate against a baseline run."""

    resamples: int = 1000
    seed: int = 0
    confidence: float = 0.95
    tolerance: float = 0.02
    tolerances: dict[str, float] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=lambda: ["latency_ms"])  # timings differ between machines


@dataclass
class StabilitySettings:
    """Ask `cases` of the run's questions `repeats` more times and compare the answers exactly (0: off)."""

    repeats: int = 0
    cases: int = 5


DEFAULT_CASE_RULES: dict[str, Any] = asdict(CaseRules())
DEFAULT_REGRESSION: dict[str, Any] = asdict(RegressionSettings())


class ThresholdKind(StrEnum):
    GATE = "gate"  # fails the run
    TARGET = "target"  # a release target: reported, never gating


class ScopeKind(StrEnum):
    ALL = "all"
    TAG = "tag"
    SPLIT = "split"


class ThresholdStatus(StrEnum):
    PASS = "pass"
    FAIL = "fail"  # a gate failed
    MISSED = "missed"  # a release target was missed
    SKIPPED = "skipped"  # no defined value in scope


@dataclass(frozen=True)
class Threshold:
    """One bound on one metric, over all cases, one tag or one split."""

    name: str
    kind: ThresholdKind = ThresholdKind.GATE
    over: ScopeKind = ScopeKind.ALL
    group: str = ""  # the tag or split name
    min: float | None = None
    max: float | None = None

    @property
    def scope(self) -> str:
        """The scope's label: all, tag:<tag> or split:<split>."""
        return str(self.over) if self.over == ScopeKind.ALL else f"{self.over}:{self.group}"

    def bounds(self) -> dict[str, float]:
        return {key: v for key, v in (("min", self.min), ("max", self.max)) if v is not None}


@dataclass
class EvalConfig:
    """The parsed thresholds file; bounds are kept as written (the manifest echoes them)."""

    k: int = 5
    checker_threshold: float | None = None
    metrics: Bounds = field(default_factory=dict)
    tags: dict[str, Bounds] = field(default_factory=dict)
    splits: dict[str, Bounds] = field(default_factory=dict)
    targets: dict[str, Any] = field(default_factory=dict)  # {"metrics", "tags", "splits"}: reported, never gating
    case: CaseRules = field(default_factory=CaseRules)
    regression: RegressionSettings = field(default_factory=RegressionSettings)
    stability: StabilitySettings = field(default_factory=StabilitySettings)
    profiles: dict[str, Profile] = field(default_factory=dict)  # published bars, judged on every run
    gate_profile: str | None = None  # a profile that fails the run when not met
    path: str = ""
    sha256: str = ""

    def thresholds(self) -> list[Threshold]:
        """Every bound as a record: gates, then targets; each over all cases, then per tag, then per split."""
        out: list[Threshold] = []
        t = self.targets
        for kind, metrics, tags, splits in (
            (ThresholdKind.GATE, self.metrics, self.tags, self.splits),
            (ThresholdKind.TARGET, t.get("metrics", {}), t.get("tags", {}), t.get("splits", {})),
        ):
            out += [Threshold(name, kind, **b) for name, b in metrics.items()]
            for over, groups in ((ScopeKind.TAG, tags), (ScopeKind.SPLIT, splits)):
                for group, bounds in groups.items():
                    out += [Threshold(name, kind, over, group, **b) for name, b in bounds.items()]
        return out


class _Reader:
    """Validates the sections of one thresholds file; every error names the file and the key."""

    def __init__(self, path: Path, k: int):
        self.path = path
        self.known = set(summary_metric_names(k))

    def error(self, msg: str) -> ConfigError:
        return ConfigError(f"{self.path}: {msg}")

    def bounds(self, block: Any, where: str) -> Bounds:
        if block is None:
            return {}
        if not isinstance(block, dict):
            raise self.error(f"{where} must map metric names to {{min: x}} or {{max: x}}")
        out = {}
        for name, b in block.items():
            if name not in self.known:
                raise self.error(f"{where}.{name}: unknown metric; known: {', '.join(sorted(self.known))}")
            if not isinstance(b, dict) or not set(b) <= {"min", "max"} or not b:
                raise self.error(f"{where}.{name}: must be {{min: x}} and/or {{max: x}}")
            for key, v in b.items():
                if not isinstance(v, (int, float)) or isinstance(v, bool):
                    raise self.error(f"{where}.{name}.{key}: must be a number, got {v!r}")
            out[name] = {key: float(v) for key, v in b.items()}
        return out

    def grouped(self, block: Any, where: str) -> dict[str, Bounds]:
        if block is None:
            return {}
        if not isinstance(block, dict):
            raise self.error(f"{where} must map names to metric bounds")
        return {str(name): self.bounds(b, f"{where}.{name}") for name, b in block.items()}

    def targets(self, raw: Any) -> dict[str, Any]:
        if not isinstance(raw, dict) or not set(raw) <= {"metrics", "tags", "splits"}:
            raise self.error("targets must be a mapping with metrics/tags/splits keys")
        return {
            "metrics": self.bounds(raw.get("metrics"), "targets.metrics"),
            "tags": self.grouped(raw.get("tags"), "targets.tags"),
            "splits": self.grouped(raw.get("splits"), "targets.splits"),
        }

    def settings(self, raw: Any, defaults: Any, section: str, noun: str) -> Any:
        """`defaults` with the keys of `raw` replaced; unknown keys are an error naming the known ones."""
        known = [f.name for f in fields(defaults)]
        if not isinstance(raw or {}, dict):
            raise self.error(f"{section} must map {noun}s to values; known: {', '.join(known)}")
        for key in raw or {}:
            if key not in known:
                raise self.error(f"{section}.{key}: unknown {noun}; known: {', '.join(known)}")
        return replace(defaults, **(raw or {}))


def _read_yaml(path: Path) -> dict[str, Any]:
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
    return raw


def load_config(path: Path | None) -> EvalConfig:
    """Read thresholds.yaml (min/max per metric, per tag and per split; case rules; gate)."""
    if path is None:
        return EvalConfig()
    path = Path(path)
    raw = _read_yaml(path)
    k = raw.get("k", 5)
    if not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= 100:
        raise ConfigError(f"{path}: k must be an integer 1-100, got {k!r}")
    r = _Reader(path, k)
    targets = r.targets(raw.get("targets") or {})
    case = r.settings(raw.get("case"), CaseRules(), "case", "rule")
    regression = r.settings(raw.get("regression"), RegressionSettings(), "regression", "setting")
    stability = r.settings(raw.get("stability"), StabilitySettings(), "stability", "setting")
    for key in ("repeats", "cases"):
        v = getattr(stability, key)
        if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= 10_000:
            raise ConfigError(f"{path}: stability.{key} must be a whole number 0-10000, got {v!r}")
    profiles = parse_profiles(raw.get("profiles"), r.known, r.error)
    gate_profile = raw.get("gate_profile")
    if gate_profile is not None and gate_profile not in profiles:
        raise ConfigError(
            f"{path}: gate_profile {gate_profile!r} is not a profile; known: {', '.join(profiles) or '(none)'}"
        )
    ct = raw.get("checker_threshold")
    if ct is not None and (not isinstance(ct, (int, float)) or not 0 <= ct <= 1):
        raise ConfigError(f"{path}: checker_threshold must be a number 0-1 or null")
    return EvalConfig(
        k=k,
        checker_threshold=ct,
        metrics=r.bounds(raw.get("metrics"), "metrics"),
        tags=r.grouped(raw.get("tags"), "tags"),
        splits=r.grouped(raw.get("splits"), "splits"),
        targets=targets,
        case=case,
        regression=regression,
        stability=stability,
        profiles=profiles,
        gate_profile=gate_profile,
        path=str(path),
        sha256=sha256_file(path),
    )
