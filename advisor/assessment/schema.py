"""Reading and validating the instrument YAML into :class:`~.instrument.Instrument` records.

Every problem found is collected (not just the first) as a :class:`~advisor.errors.Problem`
naming the file, the YAML path of the field and the fix; then one AssessmentError lists them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import AssessmentError, Problem
from .instrument import (
    BLOCKS_ALL,
    DEFAULT_INSTRUMENT,
    SCORE_MAX,
    SCORE_MIN,
    USE_CASE_KINDS,
    BlockingRule,
    Check,
    CheckKind,
    Dimension,
    Instrument,
    Question,
    Reference,
    Tier,
    UseCase,
    UseCaseKind,
    known_guidance,
)
from .phrasing import QID

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYWORD = re.compile(r"[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*\*?")

_INSTRUMENT_CACHE: dict[tuple[str, float], Instrument] = {}


def load_instrument(path: str | Path | None = None) -> Instrument:
    """Load and validate the instrument YAML (default: the bundled instrument).

    Raises AssessmentError listing every problem found.
    """
    p = Path(path) if path is not None else DEFAULT_INSTRUMENT
    name = str(p)
    if not p.is_file():
        raise AssessmentError(name, [f"instrument file not found; expected a YAML file at {name}"])
    key = (str(p.resolve()), p.stat().st_mtime)
    if key in _INSTRUMENT_CACHE:
        return _INSTRUMENT_CACHE[key]
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise AssessmentError(name, [f"not UTF-8 text (byte {exc.start}); save the instrument as UTF-8"]) from None
    except yaml.YAMLError as exc:
        raise AssessmentError(name, [f"not valid YAML: {' '.join(str(exc).split())}"]) from None
    inst = build_instrument(raw, name)
    _INSTRUMENT_CACHE[key] = inst
    return inst


@dataclass
class _Build:
    """What validating one instrument file has found so far."""

    file: str
    known: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)
    question_ids: set[str] = field(default_factory=set)
    dimension_ids: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    tier_ids: set[str] = field(default_factory=set)
    rule_ids: set[str] = field(default_factory=set)
    use_case_ids: set[str] = field(default_factory=set)

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(file=self.file, field=path, message=message))


def build_instrument(raw: Any, name: str) -> Instrument:
    """An Instrument from parsed YAML; AssessmentError (file `name`) listing every problem."""
    if not isinstance(raw, dict):
        raise AssessmentError(
            name,
            ["the instrument must be a YAML mapping with version, dimensions, tiers, blocking_rules and use_cases"],
        )
    b = _Build(name, known_guidance())
    version = str(raw.get("version") or "").strip()
    if not version:
        b.add("version", "field 'version' is missing; add a version string such as \"1.0.0\"")
    title = str(raw.get("title") or "AI Readiness Assessment")
    incomplete_below, boost = _scoring(raw.get("scoring"), b)
    tiers = _tiers(raw.get("tiers"), b)
    dims = _dimensions(raw.get("dimensions"), b)
    rules = [r for i, x in enumerate(raw.get("blocking_rules") or []) if (r := _rule(x, i, b)) is not None]
    ucs = [u for i, x in enumerate(raw.get("use_cases") or []) if (u := _use_case(x, i, b)) is not None]
    if b.problems:
        raise AssessmentError(name, b.problems)
    return Instrument(
        version, title, name, tuple(dims), tuple(tiers), tuple(rules), tuple(ucs), incomplete_below, boost
    )


# ------------------------------------------------------------------ scoring and tiers


def _scoring(raw: Any, b: _Build) -> tuple[float, float]:
    """(incomplete_below, blocking_boost), defaults kept where a value is invalid."""
    if raw is not None and not isinstance(raw, dict):
        b.add("scoring", "scoring must be a mapping with incomplete_below and blocking_boost")
        raw = {}
    scoring = raw or {}
    incomplete_below = as_float(scoring.get("incomplete_below", 0.6))
    boost = as_float(scoring.get("blocking_boost", 1.5))
    if incomplete_below is None or not 0 <= incomplete_below <= 1:
        b.add("scoring.incomplete_below", "scoring.incomplete_below must be a number between 0 and 1")
        incomplete_below = 0.6
    if boost is None or boost < 1:
        b.add("scoring.blocking_boost", "scoring.blocking_boost must be a number >= 1")
        boost = 1.5
    return incomplete_below, boost


def _tiers(raw: Any, b: _Build) -> list[Tier]:
    tiers: list[Tier] = []
    for i, t in enumerate(raw or []):
        where = f"tiers[{i}]"
        if not isinstance(t, dict) or not t.get("id") or not t.get("name"):
            b.add(where, f"{where}: each tier needs id, name and min_index")
            continue
        mi = as_float(t.get("min_index"))
        if mi is None or not 0 <= mi <= 100:
            b.add(f"{where}.min_index", f"{where} ({t['id']}): min_index must be a number 0-100")
            continue
        tiers.append(Tier(str(t["id"]), str(t["name"]), mi))
    if not tiers:
        b.add("tiers", "field 'tiers' is missing or empty; list tiers with id, name and min_index")
    else:
        mins = [t.min_index for t in tiers]
        if mins != sorted(mins) or len(set(mins)) != len(mins):
            b.add("tiers", "tiers must be listed lowest first with strictly increasing min_index")
        if mins[0] != 0:
            b.add("tiers[0].min_index", "the first tier must have min_index 0")
    b.tier_ids = {t.id for t in tiers}
    return tiers


# ------------------------------------------------------------------ dimensions and questions


def _dimensions(raw: Any, b: _Build) -> list[Dimension]:
    raw_dims = raw or []
    if not raw_dims:
        b.add("dimensions", "field 'dimensions' is missing or empty")
    dims = [d for i, x in enumerate(raw_dims) if (d := _dimension(x, i, b)) is not None]
    total_w = sum(d.weight for d in dims)
    if dims and abs(total_w - 1.0) > 1e-6:
        b.add("dimensions", f"dimension weights sum to {total_w:.4f}; they must sum to 1.0")
    b.dimension_ids = {d.id for d in dims}
    b.tags = {t for d in dims for q in d.questions for t in q.tags}
    return dims


def _dimension(d: Any, di: int, b: _Build) -> Dimension | None:
    path = f"dimensions[{di}]"
    if not isinstance(d, dict):
        b.add(path, f"{path}: must be a mapping")
        return None
    did = str(d.get("id") or "").strip()
    if not re.fullmatch(r"[A-Z]+", did):
        b.add(f"{path}.id", f"{path}: id {did!r} must be upper-case letters, e.g. DATA")
    if did in b.dimension_ids:
        b.add(f"{path}.id", f"{path}: duplicate dimension id {did}")
    b.dimension_ids.add(did)
    where = f"{path} ({did})"
    dname = str(d.get("name") or "").strip()
    if not dname:
        b.add(f"{path}.name", f"{where}: missing name")
    dw = as_float(d.get("weight"))
    if dw is None or dw <= 0:
        b.add(f"{path}.weight", f"{where}: weight must be a positive number")
        dw = 0.0
    keywords = _keywords(d.get("keywords"), where, f"{path}.keywords", b)
    owner_role = _optional_text(
        d.get("owner_role"),
        where,
        f"{path}.owner_role",
        b,
        'owner_role must be a non-empty text naming who owns the work, e.g. "Chief Data Officer"',
    )
    raw_qs = d.get("questions") or []
    if not 5 <= len(raw_qs) <= 7:
        b.add(f"{path}.questions", f"{where}: has {len(raw_qs)} questions; each dimension needs 5-7")
    qs = [q for qi, x in enumerate(raw_qs) if (q := _question(x, did, f"{path}.questions[{qi}]", b)) is not None]
    description = str(d.get("description") or "").strip()
    return Dimension(did, dname, dw, description, tuple(qs), keywords, owner_role)


def _keywords(raw: Any, where: str, path: str, b: _Build) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(k, str) and _KEYWORD.fullmatch(k.strip()) for k in raw):
        b.add(
            path,
            f"{where}: keywords must be a list of words or phrases (letters, digits, spaces and hyphens; "
            "end a word with * to match any ending), e.g. [data, data quality, cyber*]",
        )
        return ()
    return tuple(k.strip() for k in raw)


def _optional_text(raw: Any, where: str, path: str, b: _Build, rule: str) -> str:
    """An optional free-text field: absent is "", present must be a non-empty string."""
    if raw is None:
        return ""
    if not isinstance(raw, str) or not raw.strip():
        b.add(path, f"{where}: {rule}")
        return ""
    return " ".join(raw.split())


def _question(q: Any, did: str, path: str, b: _Build) -> Question | None:
    if not isinstance(q, dict):
        b.add(path, f"{path}: must be a mapping")
        return None
    qid = str(q.get("id") or "").strip()
    where = f"{path} ({qid or 'no id'})"
    m = QID.match(qid)
    if not m or m.group(1) != did:
        b.add(f"{path}.id", f"{where}: id must look like {did}-<number>")
    if qid in b.question_ids:
        b.add(f"{path}.id", f"{where}: duplicate question id")
    b.question_ids.add(qid)
    for fld in ("title", "text", "evidence_prompt"):
        if not str(q.get(fld) or "").strip():
            b.add(f"{path}.{fld}", f"{where}: missing {fld}")
    levels = _levels(q.get("levels") or [], where, f"{path}.levels", b)
    qw = as_float(q.get("weight"))
    if qw is None or qw <= 0:
        b.add(f"{path}.weight", f"{where}: weight must be a positive number")
        qw = 1.0
    target = q.get("target")
    if not isinstance(target, int) or isinstance(target, bool) or not SCORE_MIN <= target <= SCORE_MAX:
        b.add(f"{path}.target", f"{where}: target must be an integer 1-5")
        target = 3
    tags = q.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        b.add(f"{path}.tags", f"{where}: tags must be a list of strings")
        tags = []
    refs = _refs(q.get("references"), where, path, b, required=True)
    action = _optional_text(
        q.get("action"),
        where,
        f"{path}.action",
        b,
        'action must be a non-empty text naming the work that closes a gap, e.g. "Build and maintain an AI system inventory"',
    )
    return Question(
        qid,
        did,
        str(q.get("title") or "").strip(),
        str(q.get("text") or "").strip(),
        levels,
        str(q.get("evidence_prompt") or "").strip(),
        qw,
        target,
        tuple(tags),
        refs,
        action,
    )


def _levels(levels: Any, where: str, path: str, b: _Build) -> tuple[str, ...]:
    if not isinstance(levels, list) or len(levels) != 5 or not all(isinstance(x, str) and x.strip() for x in levels):
        b.add(path, f"{where}: levels must be exactly five non-empty descriptors (scores 1-5)")
        levels = [str(x) for x in levels][:5] + [""] * max(0, 5 - len(levels))
    elif len({x.strip().lower() for x in levels}) != 5:
        b.add(path, f"{where}: the five level descriptors must be distinct")
    return tuple(str(x).strip() for x in levels)


def _refs(raw: Any, where: str, path: str, b: _Build, required: bool) -> tuple[Reference, ...]:
    out: list[Reference] = []
    if raw is None or raw == []:
        if required:
            b.add(f"{path}.references", f"{where}: needs at least one reference {{document, section}}")
        return ()
    if not isinstance(raw, list):
        b.add(f"{path}.references", f"{where}: references must be a list of {{document, section}}")
        return ()
    for i, r in enumerate(raw):
        rpath = f"{path}.references[{i}]"
        if not isinstance(r, dict) or not r.get("document") or not str(r.get("section") or "").strip():
            b.add(rpath, f"{where}.references[{i}]: needs document and section")
            continue
        doc = str(r["document"]).strip()
        if doc not in b.known:
            close = difflib.get_close_matches(doc, b.known, n=1)
            hint = f"; did you mean {close[0]}?" if close else ""
            b.add(f"{rpath}.document", f"{where}.references[{i}]: unknown guidance document {doc!r}{hint}")
            continue
        out.append(Reference(doc, str(r["section"]).strip()))
    return tuple(out)


# ------------------------------------------------------------------ blocking rules


def _rule(r: Any, ri: int, b: _Build) -> BlockingRule | None:
    path = f"blocking_rules[{ri}]"
    if not isinstance(r, dict):
        b.add(path, f"{path}: must be a mapping")
        return None
    rid = str(r.get("id") or "").strip()
    where = f"{path} ({rid or 'no id'})"
    if not re.fullmatch(r"B\d+", rid):
        b.add(f"{path}.id", f"{where}: id must look like B1")
    if rid in b.rule_ids:
        b.add(f"{path}.id", f"{where}: duplicate rule id")
    b.rule_ids.add(rid)
    if not str(r.get("message") or "").strip():
        b.add(f"{path}.message", f"{where}: missing message")
    checks = [
        c
        for ci, x in enumerate(r.get("checks") or [])
        if (c := _check(x, f"{where}.checks[{ci}]", f"{path}.checks[{ci}]", b)) is not None
    ]
    if not checks:
        b.add(f"{path}.checks", f"{where}: has no valid checks")
    cap = r.get("cap_tier")
    if cap is not None and cap not in b.tier_ids:
        b.add(f"{path}.cap_tier", f"{where}: cap_tier {cap!r} is not a tier id ({', '.join(sorted(b.tier_ids))})")
        cap = None
    blocks = r.get("blocks") or []
    allowed = (*USE_CASE_KINDS, BLOCKS_ALL)
    if not isinstance(blocks, list) or any(x not in allowed for x in blocks):
        b.add(f"{path}.blocks", f"{where}: blocks must list use-case kinds from {', '.join(allowed)}")
        blocks = []
    if cap is None and not blocks:
        b.add(path, f"{where}: a rule must cap the tier or block use cases")
    refs = _refs(r.get("references"), where, path, b, required=True)
    name = str(r.get("name") or rid).strip()
    message = " ".join(str(r.get("message") or "").split())
    return BlockingRule(rid, name, message, tuple(checks), cap, tuple(blocks), refs)


def _check(c: Any, where: str, path: str, b: _Build) -> Check | None:
    mn = as_float(c.get("min")) if isinstance(c, dict) else None
    if not isinstance(c, dict) or mn is None or not SCORE_MIN <= mn <= SCORE_MAX:
        b.add(path, f"{where}: needs one of dimension/question/tag and a min between 1 and 5")
        return None
    if "dimension" in c:
        target = c["dimension"]
        if target == "*":
            return Check(CheckKind.ALL_DIMENSIONS, "*", mn)
        if isinstance(target, str) and target in b.dimension_ids:
            return Check(CheckKind.DIMENSION, target, mn)
        b.add(f"{path}.dimension", f"{where}: unknown dimension {target!r}")
    elif "question" in c:
        target = c["question"]
        if isinstance(target, str) and target in b.question_ids:
            return Check(CheckKind.QUESTION, target, mn)
        b.add(f"{path}.question", f"{where}: unknown question {target!r}")
    elif "tag" in c:
        target = c["tag"]
        if isinstance(target, str) and target in b.tags:
            return Check(CheckKind.TAG, target, mn)
        b.add(f"{path}.tag", f"{where}: no question carries tag {target!r}")
    else:
        b.add(path, f"{where}: needs one of dimension, question or tag")
    return None


# ------------------------------------------------------------------ use cases


def _use_case(u: Any, ui: int, b: _Build) -> UseCase | None:
    path = f"use_cases[{ui}]"
    if not isinstance(u, dict):
        b.add(path, f"{path}: must be a mapping")
        return None
    uid = str(u.get("id") or "").strip()
    where = f"{path} ({uid or 'no id'})"
    if not SLUG.match(uid):
        b.add(f"{path}.id", f"{where}: id must be a slug such as ambient-documentation")
    if uid in b.use_case_ids:
        b.add(f"{path}.id", f"{where}: duplicate use-case id")
    b.use_case_ids.add(uid)
    kind = u.get("kind")
    if kind not in USE_CASE_KINDS:
        b.add(f"{path}.kind", f"{where}: kind must be one of {', '.join(USE_CASE_KINDS)}")
    qmap = _question_gates(u.get("questions"), where, f"{path}.questions", b)
    dmap = _dimension_gates(u.get("dimensions"), where, f"{path}.dimensions", b)
    if not qmap and not dmap:
        b.add(path, f"{where}: needs at least one gating question or dimension")
    refs = _refs(u.get("references"), where, path, b, required=False)
    return UseCase(
        uid,
        str(u.get("name") or uid).strip(),
        UseCaseKind(kind) if kind in USE_CASE_KINDS else UseCaseKind.GENAI,  # invalid: reported above
        str(u.get("description") or "").strip(),
        qmap,
        dmap,
        tuple(str(a).lower() for a in (u.get("aliases") or [])),
        refs,
    )


def _gate_map(raw: Any, where: str, path: str, b: _Build, what: str) -> dict[Any, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        b.add(path, f"{where}: {what} must be a mapping of id: minimum score")
        return {}
    return raw


def _question_gates(raw: Any, where: str, path: str, b: _Build) -> dict[str, int]:
    qmap: dict[str, int] = {}
    for qid, thr in _gate_map(raw, where, path, b, "questions").items():
        if qid not in b.question_ids:
            b.add(path, f"{where}: unknown question {qid!r}")
        elif not isinstance(thr, int) or not SCORE_MIN <= thr <= SCORE_MAX:
            b.add(f"{path}.{qid}", f"{where}: threshold for {qid} must be an integer 1-5")
        else:
            qmap[qid] = thr
    return qmap


def _dimension_gates(raw: Any, where: str, path: str, b: _Build) -> dict[str, float]:
    dmap: dict[str, float] = {}
    for did, thr in _gate_map(raw, where, path, b, "dimensions").items():
        t = as_float(thr)
        if did not in b.dimension_ids:
            b.add(path, f"{where}: unknown dimension {did!r}")
        elif t is None or not SCORE_MIN <= t <= SCORE_MAX:
            b.add(f"{path}.{did}", f"{where}: threshold for {did} must be a number 1-5")
        else:
            dmap[did] = t
    return dmap


def as_float(v: Any) -> float | None:
    """A number from YAML (int, float or numeric text); None for anything else, booleans included."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(str(v))
    except (TypeError, ValueError):
        return None
