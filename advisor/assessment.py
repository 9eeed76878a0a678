"""Readiness assessment: the instrument, results validation, scoring, trends and citable chunks.

The instrument (``corpus/assessment/instrument.yaml``) defines eight dimensions of questions,
tiers, blocking rules and use-case gates. A results file (JSON or CSV) records one
organization's scores on one date. :func:`score` turns results into a :class:`Scorecard`;
:func:`trend` compares two scorecards of the same organization; :func:`result_chunks` turns
results into citable :class:`~advisor.ingest.Chunk` objects for the index.

Scoring rules are documented in ``corpus/assessment/README.md``; this module implements them.
Nothing is read at import time.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import Any

import yaml

from .chunk import Chunk, Fact, fact_meta, make_chunk_id
from .errors import AssessmentError

ASSESSMENT_DIR = Path(__file__).resolve().parent.parent / "corpus" / "assessment"
DEFAULT_INSTRUMENT = ASSESSMENT_DIR / "instrument.yaml"
DEFAULT_RESULTS_DIR = ASSESSMENT_DIR / "results"

FRAMEWORK = "readiness-assessment"
DOC_TYPE = "assessment"
SCORE_MIN, SCORE_MAX = 1, 5
USE_CASE_KINDS = ("genai", "predictive")

GUIDANCE_DIR = ASSESSMENT_DIR.parent / "guidance"


def by_id(items, key: str, attr: str = "id"):
    """The item whose `attr` equals key; KeyError when there is none."""
    for item in items:
        if getattr(item, attr) == key:
            return item
    raise KeyError(key)


def known_guidance() -> tuple[str, ...]:
    """Guidance documents (file stems under corpus/guidance/) that instrument references may cite."""
    return tuple(sorted(p.stem for p in GUIDANCE_DIR.glob("*.md")))


CSV_COLUMNS = ("org", "org_name", "assessment_date", "assessor", "question_id", "score", "evidence", "owner")
CSV_REQUIRED = ("org", "assessment_date", "question_id", "score")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_QID = re.compile(r"^([A-Z]+)-(\d+)$")


# --------------------------------------------------------------------------- instrument


@dataclass(frozen=True)
class Reference:
    """A pointer into the bundled guidance: document stem and section id."""

    document: str
    section: str

    def to_dict(self) -> dict[str, str]:
        return {"document": self.document, "section": self.section}

    def label(self) -> str:
        return f"{self.section} ({self.document})"


@dataclass
class Question:
    id: str
    dimension: str
    title: str
    text: str
    levels: tuple[str, ...]
    evidence_prompt: str
    weight: float
    target: int
    tags: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()

    def level(self, score: int) -> str:
        """Descriptor of maturity level `score` (1..5)."""
        return self.levels[score - 1]


@dataclass
class Dimension:
    id: str
    name: str
    weight: float
    description: str
    questions: tuple[Question, ...]

    @property
    def question_weight_total(self) -> float:
        return sum(q.weight for q in self.questions)


@dataclass(frozen=True)
class Check:
    """One condition of a blocking rule. kind: dimension | all_dimensions | question | tag."""

    kind: str
    target: str
    min: float

    def describe(self) -> str:
        if self.kind == "dimension":
            return f"{self.target} dimension >= {_num(self.min)}"
        if self.kind == "all_dimensions":
            return f"every dimension >= {_num(self.min)}"
        if self.kind == "question":
            return f"{self.target} >= {_num(self.min)}"
        return f"questions tagged '{self.target}' >= {_num(self.min)}"


@dataclass
class BlockingRule:
    id: str
    name: str
    message: str
    checks: tuple[Check, ...]
    cap_tier: str | None
    blocks: tuple[str, ...]
    references: tuple[Reference, ...] = ()

    def blocks_kind(self, kind: str) -> bool:
        return "all" in self.blocks or kind in self.blocks


@dataclass
class UseCase:
    id: str
    name: str
    kind: str
    description: str
    questions: dict[str, int]
    dimensions: dict[str, float]
    aliases: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class Tier:
    id: str
    name: str
    min_index: float


@dataclass
class Instrument:
    version: str
    title: str
    path: str
    dimensions: tuple[Dimension, ...]
    tiers: tuple[Tier, ...]
    blocking_rules: tuple[BlockingRule, ...]
    use_cases: tuple[UseCase, ...]
    incomplete_below: float = 0.6
    blocking_boost: float = 1.5
    _questions: dict[str, Question] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._questions = {q.id: q for d in self.dimensions for q in d.questions}

    @property
    def questions(self) -> list[Question]:
        """All questions in instrument order."""
        return [q for d in self.dimensions for q in d.questions]

    @property
    def question_ids(self) -> list[str]:
        return [q.id for q in self.questions]

    def question(self, qid: str) -> Question:
        return self._questions[qid]

    def order(self, qid: str) -> int:
        """Position of a question in instrument order (the deterministic tie-breaker)."""
        return self.question_ids.index(qid) if qid in self._questions else len(self._questions)

    def has_question(self, qid: str) -> bool:
        return qid in self._questions

    def dimension(self, did: str) -> Dimension:
        return by_id(self.dimensions, did)

    def tier(self, tid: str) -> Tier:
        return by_id(self.tiers, tid)

    def tier_rank(self, tid: str) -> int:
        return [t.id for t in self.tiers].index(tid)

    def tier_for_index(self, index: float | None) -> Tier:
        chosen = self.tiers[0]
        if index is None:
            return chosen
        for t in self.tiers:
            if index >= t.min_index:
                chosen = t
        return chosen

    def rule(self, rid: str) -> BlockingRule:
        return by_id(self.blocking_rules, rid)

    def use_case(self, uid: str) -> UseCase:
        return by_id(self.use_cases, uid)

    def questions_with_tag(self, tag: str) -> list[Question]:
        return [q for q in self.questions if tag in q.tags]

    def normalized_weight(self, qid: str) -> float:
        """Question weight as a share of its dimension's total question weight."""
        q = self.question(qid)
        return q.weight / self.dimension(q.dimension).question_weight_total


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
    inst = _build_instrument(raw, name)
    _INSTRUMENT_CACHE[key] = inst
    return inst


def _build_instrument(raw: Any, name: str) -> Instrument:
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise AssessmentError(
            name,
            ["the instrument must be a YAML mapping with version, dimensions, tiers, blocking_rules and use_cases"],
        )

    version = str(raw.get("version") or "").strip()
    if not version:
        problems.append("field 'version' is missing; add a version string such as \"1.0.0\"")
    title = str(raw.get("title") or "AI Readiness Assessment")

    scoring = raw.get("scoring") or {}
    incomplete_below = _as_float(scoring.get("incomplete_below", 0.6))
    boost = _as_float(scoring.get("blocking_boost", 1.5))
    if incomplete_below is None or not 0 <= incomplete_below <= 1:
        problems.append("scoring.incomplete_below must be a number between 0 and 1")
        incomplete_below = 0.6
    if boost is None or boost < 1:
        problems.append("scoring.blocking_boost must be a number >= 1")
        boost = 1.5

    # tiers
    tiers: list[Tier] = []
    for i, t in enumerate(raw.get("tiers") or []):
        where = f"tiers[{i}]"
        if not isinstance(t, dict) or not t.get("id") or not t.get("name"):
            problems.append(f"{where}: each tier needs id, name and min_index")
            continue
        mi = _as_float(t.get("min_index"))
        if mi is None or not 0 <= mi <= 100:
            problems.append(f"{where} ({t['id']}): min_index must be a number 0-100")
            continue
        tiers.append(Tier(str(t["id"]), str(t["name"]), mi))
    if not tiers:
        problems.append("field 'tiers' is missing or empty; list tiers with id, name and min_index")
    else:
        mins = [t.min_index for t in tiers]
        if mins != sorted(mins) or len(set(mins)) != len(mins):
            problems.append("tiers must be listed lowest first with strictly increasing min_index")
        if mins[0] != 0:
            problems.append("the first tier must have min_index 0")
    tier_ids = {t.id for t in tiers}

    # dimensions and questions
    dims: list[Dimension] = []
    seen_q: set[str] = set()
    seen_d: set[str] = set()
    raw_dims = raw.get("dimensions") or []
    if not raw_dims:
        problems.append("field 'dimensions' is missing or empty")
    for di, d in enumerate(raw_dims):
        where = f"dimensions[{di}]"
        if not isinstance(d, dict):
            problems.append(f"{where}: must be a mapping")
            continue
        did = str(d.get("id") or "").strip()
        if not re.fullmatch(r"[A-Z]+", did):
            problems.append(f"{where}: id {did!r} must be upper-case letters, e.g. DATA")
        if did in seen_d:
            problems.append(f"{where}: duplicate dimension id {did}")
        seen_d.add(did)
        dname = str(d.get("name") or "").strip()
        if not dname:
            problems.append(f"{where} ({did}): missing name")
        dw = _as_float(d.get("weight"))
        if dw is None or dw <= 0:
            problems.append(f"{where} ({did}): weight must be a positive number")
            dw = 0.0
        qs: list[Question] = []
        raw_qs = d.get("questions") or []
        if not 5 <= len(raw_qs) <= 7:
            problems.append(f"{where} ({did}): has {len(raw_qs)} questions; each dimension needs 5-7")
        for qi, q in enumerate(raw_qs):
            qwhere = f"{where}.questions[{qi}]"
            if not isinstance(q, dict):
                problems.append(f"{qwhere}: must be a mapping")
                continue
            qid = str(q.get("id") or "").strip()
            qwhere = f"{qwhere} ({qid or 'no id'})"
            m = _QID.match(qid)
            if not m or m.group(1) != did:
                problems.append(f"{qwhere}: id must look like {did}-<number>")
            if qid in seen_q:
                problems.append(f"{qwhere}: duplicate question id")
            seen_q.add(qid)
            for fld in ("title", "text", "evidence_prompt"):
                if not str(q.get(fld) or "").strip():
                    problems.append(f"{qwhere}: missing {fld}")
            levels = q.get("levels") or []
            if (
                not isinstance(levels, list)
                or len(levels) != 5
                or not all(isinstance(x, str) and x.strip() for x in levels)
            ):
                problems.append(f"{qwhere}: levels must be exactly five non-empty descriptors (scores 1-5)")
                levels = [str(x) for x in levels][:5] + [""] * max(0, 5 - len(levels))
            elif len({x.strip().lower() for x in levels}) != 5:
                problems.append(f"{qwhere}: the five level descriptors must be distinct")
            qw = _as_float(q.get("weight"))
            if qw is None or qw <= 0:
                problems.append(f"{qwhere}: weight must be a positive number")
                qw = 1.0
            target = q.get("target")
            if not isinstance(target, int) or isinstance(target, bool) or not SCORE_MIN <= target <= SCORE_MAX:
                problems.append(f"{qwhere}: target must be an integer 1-5")
                target = 3
            tags = q.get("tags") or []
            if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
                problems.append(f"{qwhere}: tags must be a list of strings")
                tags = []
            refs = _refs(q.get("references"), qwhere, problems, required=True)
            qs.append(
                Question(
                    qid,
                    did,
                    str(q.get("title") or "").strip(),
                    str(q.get("text") or "").strip(),
                    tuple(str(x).strip() for x in levels),
                    str(q.get("evidence_prompt") or "").strip(),
                    qw,
                    target,
                    tuple(tags),
                    refs,
                )
            )
        dims.append(Dimension(did, dname, dw, str(d.get("description") or "").strip(), tuple(qs)))
    total_w = sum(d.weight for d in dims)
    if dims and abs(total_w - 1.0) > 1e-6:
        problems.append(f"dimension weights sum to {total_w:.4f}; they must sum to 1.0")
    dim_ids = {d.id for d in dims}
    all_tags = {t for d in dims for q in d.questions for t in q.tags}

    # blocking rules
    rules: list[BlockingRule] = []
    seen_r: set[str] = set()
    for ri, r in enumerate(raw.get("blocking_rules") or []):
        where = f"blocking_rules[{ri}]"
        if not isinstance(r, dict):
            problems.append(f"{where}: must be a mapping")
            continue
        rid = str(r.get("id") or "").strip()
        where = f"{where} ({rid or 'no id'})"
        if not re.fullmatch(r"B\d+", rid):
            problems.append(f"{where}: id must look like B1")
        if rid in seen_r:
            problems.append(f"{where}: duplicate rule id")
        seen_r.add(rid)
        if not str(r.get("message") or "").strip():
            problems.append(f"{where}: missing message")
        checks: list[Check] = []
        for ci, c in enumerate(r.get("checks") or []):
            cwhere = f"{where}.checks[{ci}]"
            mn = _as_float(c.get("min")) if isinstance(c, dict) else None
            if not isinstance(c, dict) or mn is None or not SCORE_MIN <= mn <= SCORE_MAX:
                problems.append(f"{cwhere}: needs one of dimension/question/tag and a min between 1 and 5")
                continue
            if "dimension" in c:
                if c["dimension"] == "*":
                    checks.append(Check("all_dimensions", "*", mn))
                elif c["dimension"] in dim_ids:
                    checks.append(Check("dimension", c["dimension"], mn))
                else:
                    problems.append(f"{cwhere}: unknown dimension {c['dimension']!r}")
            elif "question" in c:
                if c["question"] in seen_q:
                    checks.append(Check("question", c["question"], mn))
                else:
                    problems.append(f"{cwhere}: unknown question {c['question']!r}")
            elif "tag" in c:
                if c["tag"] in all_tags:
                    checks.append(Check("tag", c["tag"], mn))
                else:
                    problems.append(f"{cwhere}: no question carries tag {c['tag']!r}")
            else:
                problems.append(f"{cwhere}: needs one of dimension, question or tag")
        if not checks:
            problems.append(f"{where}: has no valid checks")
        cap = r.get("cap_tier")
        if cap is not None and cap not in tier_ids:
            problems.append(f"{where}: cap_tier {cap!r} is not a tier id ({', '.join(sorted(tier_ids))})")
            cap = None
        blocks = r.get("blocks") or []
        if not isinstance(blocks, list) or any(b not in (*USE_CASE_KINDS, "all") for b in blocks):
            problems.append(f"{where}: blocks must list use-case kinds from {', '.join((*USE_CASE_KINDS, 'all'))}")
            blocks = []
        if cap is None and not blocks:
            problems.append(f"{where}: a rule must cap the tier or block use cases")
        refs = _refs(r.get("references"), where, problems, required=True)
        rules.append(
            BlockingRule(
                rid,
                str(r.get("name") or rid).strip(),
                " ".join(str(r.get("message") or "").split()),
                tuple(checks),
                cap,
                tuple(blocks),
                refs,
            )
        )

    # use cases
    ucs: list[UseCase] = []
    seen_u: set[str] = set()
    for ui, u in enumerate(raw.get("use_cases") or []):
        where = f"use_cases[{ui}]"
        if not isinstance(u, dict):
            problems.append(f"{where}: must be a mapping")
            continue
        uid = str(u.get("id") or "").strip()
        where = f"{where} ({uid or 'no id'})"
        if not _SLUG.match(uid):
            problems.append(f"{where}: id must be a slug such as ambient-documentation")
        if uid in seen_u:
            problems.append(f"{where}: duplicate use-case id")
        seen_u.add(uid)
        kind = u.get("kind")
        if kind not in USE_CASE_KINDS:
            problems.append(f"{where}: kind must be one of {', '.join(USE_CASE_KINDS)}")
        qmap: dict[str, int] = {}
        for qid, thr in (u.get("questions") or {}).items():
            if qid not in seen_q:
                problems.append(f"{where}: unknown question {qid!r}")
            elif not isinstance(thr, int) or not SCORE_MIN <= thr <= SCORE_MAX:
                problems.append(f"{where}: threshold for {qid} must be an integer 1-5")
            else:
                qmap[qid] = thr
        dmap: dict[str, float] = {}
        for did, thr in (u.get("dimensions") or {}).items():
            t = _as_float(thr)
            if did not in dim_ids:
                problems.append(f"{where}: unknown dimension {did!r}")
            elif t is None or not SCORE_MIN <= t <= SCORE_MAX:
                problems.append(f"{where}: threshold for {did} must be a number 1-5")
            else:
                dmap[did] = t
        if not qmap and not dmap:
            problems.append(f"{where}: needs at least one gating question or dimension")
        refs = _refs(u.get("references"), where, problems, required=False)
        ucs.append(
            UseCase(
                uid,
                str(u.get("name") or uid).strip(),
                str(kind),
                str(u.get("description") or "").strip(),
                qmap,
                dmap,
                tuple(str(a).lower() for a in (u.get("aliases") or [])),
                refs,
            )
        )

    if problems:
        raise AssessmentError(name, problems)
    return Instrument(
        version, title, name, tuple(dims), tuple(tiers), tuple(rules), tuple(ucs), incomplete_below, boost
    )


def _refs(raw: Any, where: str, problems: list[str], required: bool) -> tuple[Reference, ...]:
    out: list[Reference] = []
    if raw is None or raw == []:
        if required:
            problems.append(f"{where}: needs at least one reference {{document, section}}")
        return ()
    if not isinstance(raw, list):
        problems.append(f"{where}: references must be a list of {{document, section}}")
        return ()
    for i, r in enumerate(raw):
        if not isinstance(r, dict) or not r.get("document") or not str(r.get("section") or "").strip():
            problems.append(f"{where}.references[{i}]: needs document and section")
            continue
        doc = str(r["document"]).strip()
        known = known_guidance()
        if doc not in known:
            close = difflib.get_close_matches(doc, known, n=1)
            hint = f"; did you mean {close[0]}?" if close else ""
            problems.append(f"{where}.references[{i}]: unknown guidance document {doc!r}{hint}")
            continue
        out.append(Reference(doc, str(r["section"]).strip()))
    return tuple(out)


def _as_float(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(str(v))
    except (TypeError, ValueError):
        return None


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# --------------------------------------------------------------------------- results


@dataclass
class Answer:
    """One scored question in a results file."""

    question_id: str
    score: int
    evidence: str = ""
    owner: str = ""
    location: str = ""  # "row 5" (CSV) or "results[3]" (JSON)


@dataclass
class Results:
    """One organization's assessment on one date, validated against an instrument."""

    org: str
    org_name: str
    date: str
    assessor: str
    instrument_version: str
    source: str
    format: str
    answers: dict[str, Answer]
    missing: list[str]
    warnings: list[str] = field(default_factory=list)

    def score_of(self, qid: str) -> int | None:
        a = self.answers.get(qid)
        return a.score if a else None


def discover_results(folder: str | Path | None = None) -> list[Path]:
    """Assessment results files (*.json, *.csv) under folder (default: the bundled samples)."""
    root = Path(folder) if folder is not None else DEFAULT_RESULTS_DIR
    if not root.is_dir():
        return []
    found = [
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in (".json", ".csv")
        and not any(part.startswith((".", "_")) for part in p.relative_to(root).parts)
    ]
    return sorted(found)


def load_results(path: str | Path, instrument: Instrument | None = None) -> Results:
    """Read and validate a results file (JSON or CSV, by extension, else by content).

    Raises AssessmentError(file, problems) listing every problem, each naming the row or
    JSON index and field and saying how to fix it.
    """
    inst = instrument or load_instrument()
    p = Path(path)
    name = str(path)
    if not p.is_file():
        raise AssessmentError(name, ["file not found; give the path of a .json or .csv results file"])
    data = p.read_bytes()
    if not data.strip():
        raise AssessmentError(
            name, ["file is empty; expected a JSON object or a CSV with a header row (see corpus/assessment/README.md)"]
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise AssessmentError(
            name, ["binary file, not a JSON or CSV results file; export the results as .json or .csv"]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AssessmentError(
            name,
            [
                f"not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}); save the file as UTF-8 "
                "(in Excel: Save As > 'CSV UTF-8')"
            ],
        ) from None
    if not text.strip():
        raise AssessmentError(name, ["file is empty; expected a JSON object or a CSV with a header row"])

    ext = p.suffix.lower()
    if ext == ".json":
        fmt = "json"
    elif ext == ".csv":
        fmt = "csv"
    else:
        head = text.lstrip()[:1]
        first = text.lstrip().splitlines()[0].lower() if text.strip() else ""
        if head in "{[":
            fmt = "json"
        elif "question_id" in first and ("," in first or ";" in first or "\t" in first):
            fmt = "csv"
        else:
            raise AssessmentError(
                name,
                [
                    f"not a JSON or CSV assessment results file (extension {ext or 'none'!r}); "
                    "export the results as .json or .csv (see corpus/assessment/README.md)"
                ],
            )
    if fmt == "json":
        return _parse_json(text, name, inst)
    return _parse_csv(text, name, inst)


def _qid_suggestion(raw: str, inst: Instrument) -> str:
    ids = inst.question_ids
    close = difflib.get_close_matches(raw.upper(), ids, n=1, cutoff=0.5)
    prefix = raw.upper().split("-")[0]
    same_dim = [q for q in ids if q.startswith(prefix + "-")]
    scope = (
        f"{prefix} has {same_dim[0]} to {same_dim[-1]}"
        if same_dim
        else "dimensions are " + ", ".join(d.id for d in inst.dimensions)
    )
    return f"did you mean {close[0]}? ({scope})" if close else f"use an instrument question id ({scope})"


def _parse_score(raw: Any) -> tuple[int | None, str | None]:
    """(score, problem). score None and problem None means unanswered (blank)."""
    if raw is None:
        return None, None
    if isinstance(raw, bool):
        return None, f"{str(raw).lower()} is not a score; use an integer 1-5"
    if isinstance(raw, float):
        if not raw.is_integer():
            return None, f"{raw:g} is not a whole number; use an integer 1-5"
        raw = int(raw)
    if isinstance(raw, int):
        if not SCORE_MIN <= raw <= SCORE_MAX:
            return None, f"{raw} is out of range; use an integer 1-5"
        return raw, None
    s = str(raw).strip()
    if s == "":
        return None, None
    if re.fullmatch(r"[+-]?\d+(\.0+)?", s):
        v = int(float(s))
        if not SCORE_MIN <= v <= SCORE_MAX:
            return None, f"{s} is out of range; use an integer 1-5"
        return v, None
    return None, f"{s!r} is not an integer; use a whole number 1-5 (leave it blank if not assessed)"


def _check_date(raw: str) -> str | None:
    if not _DATE.match(raw):
        return f"{raw!r} is not a date in YYYY-MM-DD form; write it like 2026-09-30"
    try:
        _date.fromisoformat(raw)
    except ValueError:
        return f"{raw!r} is not a valid calendar date; write it like 2026-09-30"
    return None


def _check_org(raw: str) -> str | None:
    if not _SLUG.match(raw):
        slug = re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-") or "riverside-health"
        return f"{raw!r} is not an id slug; use lowercase letters, digits and hyphens, e.g. {slug}"
    return None


def _finish(
    name: str,
    fmt: str,
    inst: Instrument,
    problems: list[str],
    warnings: list[str],
    org: str,
    org_name: str,
    when: str,
    assessor: str,
    version: str,
    answers: dict[str, Answer],
) -> Results:
    if not answers and not problems:
        problems.append("no scored questions; add one entry per question with a score 1-5")
    if problems:
        raise AssessmentError(name, problems)
    if version and version != inst.version:
        warnings.append(
            f"instrument_version {version!r} differs from the instrument's {inst.version!r}; "
            "scores were matched by question id"
        )
    missing = [q for q in inst.question_ids if q not in answers]
    return Results(
        org=org,
        org_name=org_name or org,
        date=when,
        assessor=assessor,
        instrument_version=version or inst.version,
        source=name,
        format=fmt,
        answers=dict(sorted(answers.items(), key=lambda kv: inst.question_ids.index(kv[0]))),
        missing=missing,
        warnings=warnings,
    )


def _parse_json(text: str, name: str, inst: Instrument) -> Results:
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
    problems: list[str] = []
    warnings: list[str] = []

    def text_field(key: str) -> str:
        v = doc.get(key)
        if v is None:
            return ""
        if not isinstance(v, str):
            problems.append(f"field '{key}': must be a string")
            return ""
        return v.strip()

    org = text_field("org")
    if not org:
        problems.append('field \'org\' is missing; add "org": "<organization id slug, e.g. riverside-health>"')
    elif msg := _check_org(org):
        problems.append(f"field 'org': {msg}")
    org_name = text_field("org_name")
    if not org_name:
        warnings.append("field 'org_name' is missing; the org id is used as the name")
    when = text_field("assessment_date")
    if not when:
        problems.append('field \'assessment_date\' is missing; add "assessment_date": "YYYY-MM-DD"')
    elif msg := _check_date(when):
        problems.append(f"field 'assessment_date': {msg}")
    assessor = text_field("assessor")
    version = text_field("instrument_version")

    results = doc.get("results")
    answers: dict[str, Answer] = {}
    if results is None:
        problems.append('field \'results\' is missing; add "results": [{"question_id": ..., "score": ...}, ...]')
        results = []
    elif not isinstance(results, list):
        problems.append("field 'results' must be a list of {question_id, score, evidence, owner} objects")
        results = []
    elif not results:
        problems.append("field 'results' is empty; add one entry per question")
    first_seen: dict[str, str] = {}
    for i, item in enumerate(results):
        where = f"results[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be an object with question_id and score")
            continue
        raw_q = item.get("question_id")
        raw_q = "" if raw_q is None else str(raw_q).strip()
        if not raw_q:
            problems.append(f"{where}, field question_id: missing; add the question id, e.g. DATA-3")
            continue
        qid = raw_q.upper()
        where = f"{where} ({qid})"
        ok = True
        if not inst.has_question(qid):
            problems.append(f"{where}, field question_id: unknown question {raw_q!r}; {_qid_suggestion(raw_q, inst)}")
            ok = False
        elif qid in first_seen:
            problems.append(f"{where}, field question_id: {qid} repeats {first_seen[qid]}; keep one entry per question")
            ok = False
        else:
            first_seen[qid] = f"results[{i}]"
        sc, msg = _parse_score(item.get("score"))
        if msg:
            problems.append(f"{where}, field score: {msg}")
            ok = False
        ev, ow = item.get("evidence") or "", item.get("owner") or ""
        if not isinstance(ev, str) or not isinstance(ow, str):
            problems.append(f"{where}, field evidence/owner: must be text strings")
            ok = False
        if not ok:
            continue
        if sc is None:
            warnings.append(f"{where}: no score; {qid} is reported as unanswered")
            continue
        answers[qid] = Answer(qid, sc, " ".join(ev.split()), " ".join(ow.split()), f"results[{i}]")
    return _finish(name, "json", inst, problems, warnings, org, org_name, when, assessor, version, answers)


def _row_of(problem: str) -> int:
    """Sort key: the first row number a CSV problem names (0 when it names none)."""
    m = re.match(r"rows? (\d+)", problem)
    return int(m.group(1)) if m else 0


def _rows_label(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:5])
    more = f" (and {len(rows) - 5} more)" if len(rows) > 5 else ""
    return f"row {shown}" if len(rows) == 1 else f"rows {shown}{more}"


def csv_records(text: str) -> list[tuple[int, list[str]]]:
    """Non-blank CSV rows numbered as a spreadsheet shows them (header = row 1); the delimiter
    (comma, semicolon from European Excel, or tab) is detected from the header. Raises csv.Error."""
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delim = ","
    if first_line.count(";") > first_line.count(",") and first_line.count(";") >= 3:
        delim = ";"
    elif first_line.count("\t") > first_line.count(",") and first_line.count("\t") >= 3:
        delim = "\t"
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    return [(i + 1, r) for i, r in enumerate(records) if any(c.strip() for c in r)]


def _parse_csv(text: str, name: str, inst: Instrument) -> Results:
    try:
        numbered = csv_records(text)
    except csv.Error as exc:
        raise AssessmentError(name, [f"not a readable CSV: {exc}; re-export it as CSV UTF-8"]) from None
    if not numbered:
        raise AssessmentError(name, ["file is empty; expected a header row and one row per question"])
    header_row, header = numbered[0]
    cols = [c.strip().lower().lstrip("\ufeff") for c in header]
    problems: list[str] = []
    warnings: list[str] = []
    missing_cols = [c for c in CSV_REQUIRED if c not in cols]
    if missing_cols:
        hint = " (the file looks like JSON; give it a .json extension)" if text.lstrip().startswith("{") else ""
        raise AssessmentError(
            name,
            [
                f"row {header_row} (header): missing column(s) {', '.join(missing_cols)}; the header must be "
                f"{','.join(CSV_COLUMNS)}{hint}"
            ],
        )
    dup_cols = sorted({c for c in cols if c and cols.count(c) > 1})
    if dup_cols:
        problems.append(
            f"row {header_row} (header): column(s) {', '.join(dup_cols)} appear more than once; keep one of each"
        )
    extra = [c for c in cols if c and c not in CSV_COLUMNS and c != "instrument_version"]
    if extra:
        warnings.append(f"row {header_row} (header): ignored unknown column(s) {', '.join(extra)}")
    idx = {c: cols.index(c) for c in cols if c}

    empty: dict[str, list[int]] = {c: [] for c in CSV_REQUIRED}
    values: dict[str, dict[str, int]] = {
        "org": {},
        "org_name": {},
        "assessment_date": {},
        "assessor": {},
        "instrument_version": {},
    }
    answers: dict[str, Answer] = {}
    first_seen: dict[str, int] = {}
    data_rows = numbered[1:]
    if not data_rows:
        problems.append("no data rows under the header; add one row per question")

    for rownum, rec in data_rows:
        if len(rec) > len(cols) and any(c.strip() for c in rec[len(cols) :]):
            problems.append(
                f"row {rownum}: {len(rec)} values but the header has {len(cols)} columns; "
                "put evidence containing commas in double quotes"
            )
            continue

        def get(col: str, rec: list[str] = rec) -> str:
            j = idx.get(col)
            return rec[j].strip() if j is not None and j < len(rec) else ""

        for col in ("org", "org_name", "assessment_date", "assessor", "instrument_version"):
            v = get(col)
            if v:
                values[col].setdefault(v, rownum)
        for col in ("org", "assessment_date"):
            if not get(col):
                empty[col].append(rownum)
        raw_q = get("question_id")
        if not raw_q:
            empty["question_id"].append(rownum)
            continue
        qid = raw_q.upper()
        ok = True
        if not inst.has_question(qid):
            problems.append(
                f"row {rownum}, column question_id: unknown question {raw_q!r}; {_qid_suggestion(raw_q, inst)}"
            )
            ok = False
        elif qid in first_seen:
            problems.append(
                f"row {rownum}, column question_id: {qid} repeats row {first_seen[qid]}; keep one row per question"
            )
            ok = False
        else:
            first_seen[qid] = rownum
        sc, msg = _parse_score(get("score"))
        if msg:
            problems.append(f"row {rownum}, column score: {msg}")
            ok = False
        if not ok:
            continue
        if sc is None:
            warnings.append(f"row {rownum}: {qid} has no score; reported as unanswered")
            continue
        answers[qid] = Answer(
            qid, sc, " ".join(get("evidence").split()), " ".join(get("owner").split()), f"row {rownum}"
        )

    fixes = {
        "org": "fill in the organization id (a slug such as riverside-health) on every row",
        "assessment_date": "fill in the assessment date as YYYY-MM-DD on every row",
        "question_id": "fill in the question id (e.g. DATA-3) or delete the row",
    }
    for col in ("org", "assessment_date", "question_id"):
        if empty[col]:
            problems.append(f"{_rows_label(empty[col])}, column {col}: empty; {fixes[col]}")

    def single(col: str, label: str) -> str:
        seen = values[col]
        if len(seen) > 1:
            (v1, r1), *rest = sorted(seen.items(), key=lambda kv: kv[1])
            for v, r in rest:
                problems.append(
                    f"row {r}, column {col}: {v!r} differs from {v1!r} in row {r1}; "
                    f"one file holds one {label}, so use the same value on every row"
                )
        return next(iter(sorted(seen.items(), key=lambda kv: kv[1])), ("", 0))[0]

    org = single("org", "organization's assessment")
    for v, r in values["org"].items():
        if msg := _check_org(v):
            problems.append(f"row {r}, column org: {msg}")
    org_name = single("org_name", "organization's assessment")
    if not org_name:
        warnings.append("column org_name is empty; the org id is used as the name")
    when = single("assessment_date", "assessment date")
    for v, r in values["assessment_date"].items():
        if msg := _check_date(v):
            problems.append(f"row {r}, column assessment_date: {msg}")
    problems.sort(key=_row_of)
    assessors = values["assessor"]
    assessor = next(iter(sorted(assessors.items(), key=lambda kv: kv[1])), ("", 0))[0]
    if len(assessors) > 1:
        warnings.append(f"column assessor has {len(assessors)} different values; the first ({assessor!r}) is reported")
    version = next(iter(values["instrument_version"]), "")
    return _finish(name, "csv", inst, problems, warnings, org, org_name, when, assessor, version, answers)


# --------------------------------------------------------------------------- scoring


@dataclass
class DimensionScore:
    id: str
    name: str
    weight: float
    score: float | None  # weighted mean 1..5, 2 decimals; None when nothing answered
    answered: int
    total: int
    complete: bool
    missing: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "weight": self.weight,
            "score": self.score,
            "answered": self.answered,
            "total": self.total,
            "complete": self.complete,
            "missing": list(self.missing),
        }


@dataclass
class Gap:
    question_id: str
    dimension: str
    dimension_name: str
    title: str
    score: int
    target: int
    gap: int
    priority: float
    boosted: bool
    rules: list[str]
    evidence: str = ""
    owner: str = ""
    references: list[Reference] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "dimension": self.dimension,
            "dimension_name": self.dimension_name,
            "title": self.title,
            "score": self.score,
            "target": self.target,
            "gap": self.gap,
            "priority": self.priority,
            "boosted": self.boosted,
            "rules": list(self.rules),
            "evidence": self.evidence,
            "owner": self.owner,
            "references": [r.to_dict() for r in self.references],
        }


@dataclass
class Strength:
    question_id: str
    dimension: str
    dimension_name: str
    title: str
    score: int
    target: int
    margin: int
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "dimension": self.dimension,
            "dimension_name": self.dimension_name,
            "title": self.title,
            "score": self.score,
            "target": self.target,
            "margin": self.margin,
            "evidence": self.evidence,
        }


@dataclass
class BlockingIssue:
    id: str
    name: str
    message: str
    cap_tier: str | None
    failed: list[str]  # human-readable failed checks, e.g. "GOV dimension 1.61 < 3"
    questions: list[str]  # questions that must improve to clear the rule
    blocks: list[str]
    references: list[Reference]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "message": self.message,
            "cap_tier": self.cap_tier,
            "failed": list(self.failed),
            "questions": list(self.questions),
            "blocks": list(self.blocks),
            "references": [r.to_dict() for r in self.references],
        }


@dataclass
class UseCaseReadiness:
    id: str
    name: str
    kind: str
    ready: bool
    status: str  # "ready" | "blocked"
    why: str
    first: list[str]  # what must come first, most important first
    unmet: list[dict[str, Any]]
    references: list[Reference]
    reasons: list[str] = field(default_factory=list)  # the clauses of `why` when blocked

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "ready": self.ready,
            "status": self.status,
            "why": self.why,
            "reasons": list(self.reasons),
            "first": list(self.first),
            "unmet": [dict(u) for u in self.unmet],
            "references": [r.to_dict() for r in self.references],
        }


@dataclass
class Scorecard:
    org: str
    org_name: str
    date: str
    assessor: str
    source: str
    instrument_version: str
    index: float | None  # 0..100, 1 decimal
    index_tier: str  # tier from the index alone
    tier: str  # after blocking-rule caps
    tier_name: str
    provisional: bool  # True when any dimension is incomplete
    dimensions: list[DimensionScore]
    gaps: list[Gap]
    strengths: list[Strength]
    blocking: list[BlockingIssue]
    use_cases: list[UseCaseReadiness]
    missing: list[str]
    question_scores: dict[str, int]
    warnings: list[str] = field(default_factory=list)

    @property
    def capped(self) -> bool:
        return self.tier != self.index_tier

    def dimension(self, did: str) -> DimensionScore:
        return by_id(self.dimensions, did)

    def use_case(self, uid: str) -> UseCaseReadiness:
        return by_id(self.use_cases, uid)

    @property
    def blocking_ids(self) -> list[str]:
        return [b.id for b in self.blocking]

    def to_dict(self) -> dict[str, Any]:
        return {
            "org": self.org,
            "org_name": self.org_name,
            "date": self.date,
            "assessor": self.assessor,
            "source": self.source,
            "instrument_version": self.instrument_version,
            "index": self.index,
            "index_tier": self.index_tier,
            "tier": self.tier,
            "tier_name": self.tier_name,
            "capped": self.capped,
            "provisional": self.provisional,
            "dimensions": [d.to_dict() for d in self.dimensions],
            "gaps": [g.to_dict() for g in self.gaps],
            "strengths": [s.to_dict() for s in self.strengths],
            "blocking": [b.to_dict() for b in self.blocking],
            "use_cases": [u.to_dict() for u in self.use_cases],
            "missing": list(self.missing),
            "question_scores": dict(self.question_scores),
            "warnings": list(self.warnings),
        }


def _qkey(qid: str) -> tuple[str, int]:
    m = _QID.match(qid)
    return (m.group(1), int(m.group(2))) if m else (qid, 0)


def score(results: Results, instrument: Instrument | None = None) -> Scorecard:
    """Score validated results against the instrument (rules: corpus/assessment/README.md)."""
    inst = instrument or load_instrument()
    answers = {qid: a for qid, a in results.answers.items() if inst.has_question(qid)}
    scores = {qid: a.score for qid, a in answers.items()}

    # 1. dimension scores
    dims: list[DimensionScore] = []
    raw_dim: dict[str, float] = {}
    for d in inst.dimensions:
        answered = [q for q in d.questions if q.id in scores]
        missing = [q.id for q in d.questions if q.id not in scores]
        if answered:
            wsum = sum(q.weight for q in answered)
            raw = sum(q.weight * scores[q.id] for q in answered) / wsum
            raw_dim[d.id] = raw
            value: float | None = round(raw, 2)
        else:
            value = None
        complete = len(answered) / len(d.questions) >= inst.incomplete_below
        dims.append(DimensionScore(d.id, d.name, d.weight, value, len(answered), len(d.questions), complete, missing))
    dim_score = {d.id: d.score for d in dims}

    # 2. index and tier from the index
    if raw_dim:
        wsum = sum(inst.dimension(did).weight for did in raw_dim)
        index: float | None = round(
            sum(inst.dimension(did).weight * (v - 1) / 4 * 100 for did, v in raw_dim.items()) / wsum, 1
        )
    else:
        index = None
    index_tier = inst.tier_for_index(index)

    # 3. blocking rules
    blocking: list[BlockingIssue] = []
    for rule in inst.blocking_rules:
        failed: list[str] = []
        involved: list[str] = []
        for chk in rule.checks:
            f, inv = _eval_check(chk, inst, scores, dim_score)
            failed += f
            involved += [q for q in inv if q not in involved]
        if failed:
            blocking.append(
                BlockingIssue(
                    rule.id,
                    rule.name,
                    rule.message,
                    rule.cap_tier,
                    failed,
                    sorted(involved, key=inst.order),
                    list(rule.blocks),
                    list(rule.references),
                )
            )

    tier = index_tier
    for b in blocking:
        if b.cap_tier and inst.tier_rank(b.cap_tier) < inst.tier_rank(tier.id):
            tier = inst.tier(b.cap_tier)

    # 4. gaps and strengths
    rule_questions: dict[str, list[str]] = {}
    for b in blocking:
        for q in b.questions:
            rule_questions.setdefault(q, []).append(b.id)
    gaps: list[Gap] = []
    strengths: list[Strength] = []
    for q in inst.questions:
        if q.id not in scores:
            continue
        s = scores[q.id]
        dim = inst.dimension(q.dimension)
        a = answers[q.id]
        if s < q.target:
            gap = q.target - s
            rules = rule_questions.get(q.id, [])
            boost = inst.blocking_boost if rules else 1.0
            priority = round(inst.normalized_weight(q.id) * dim.weight * gap * boost, 6)
            gaps.append(
                Gap(
                    q.id,
                    dim.id,
                    dim.name,
                    q.title,
                    s,
                    q.target,
                    gap,
                    priority,
                    bool(rules),
                    list(rules),
                    a.evidence,
                    a.owner,
                    list(q.references),
                )
            )
        else:
            strengths.append(Strength(q.id, dim.id, dim.name, q.title, s, q.target, s - q.target, a.evidence))
    gaps.sort(key=lambda g: (-g.priority, inst.order(g.question_id)))
    strengths.sort(
        key=lambda s: (
            -s.score,
            -s.margin,
            -round(inst.normalized_weight(s.question_id) * inst.dimension(s.dimension).weight, 6),
            inst.order(s.question_id),
        )
    )

    # 5. use cases
    use_cases = [_use_case_readiness(u, inst, scores, dim_score, blocking) for u in inst.use_cases]

    missing = [q for q in inst.question_ids if q not in scores]
    warnings = list(results.warnings)
    provisional = any(not d.complete for d in dims)
    for d in dims:
        if not d.complete:
            warnings.append(
                f"{d.id} ({d.name}) is incomplete: {d.answered} of {d.total} questions answered "
                f"(at least {inst.incomplete_below:.0%} needed); the index is provisional"
            )
    return Scorecard(
        org=results.org,
        org_name=results.org_name,
        date=results.date,
        assessor=results.assessor,
        source=results.source,
        instrument_version=results.instrument_version,
        index=index,
        index_tier=index_tier.id,
        tier=tier.id,
        tier_name=tier.name,
        provisional=provisional,
        dimensions=dims,
        gaps=gaps,
        strengths=strengths,
        blocking=blocking,
        use_cases=use_cases,
        missing=missing,
        question_scores=dict(scores),
        warnings=warnings,
    )


def _eval_check(
    chk: Check, inst: Instrument, scores: dict[str, int], dim_score: dict[str, float | None]
) -> tuple[list[str], list[str]]:
    """(failed descriptions, involved question ids) for one check."""
    failed: list[str] = []
    involved: list[str] = []

    def dim_check(did: str) -> None:
        v = dim_score.get(did)
        if v is None:
            failed.append(f"{did} dimension unanswered (needs >= {_num(chk.min)})")
            involved.extend(q.id for q in inst.dimension(did).questions)
        elif v < chk.min:
            failed.append(f"{did} dimension {v:.2f} < {_num(chk.min)}")
            involved.extend(q.id for q in inst.dimension(did).questions if q.id in scores and scores[q.id] < chk.min)

    if chk.kind == "dimension":
        dim_check(chk.target)
    elif chk.kind == "all_dimensions":
        for d in inst.dimensions:
            dim_check(d.id)
    else:
        qs = [inst.question(chk.target)] if chk.kind == "question" else inst.questions_with_tag(chk.target)
        for q in qs:
            s = scores.get(q.id)
            if s is None:
                failed.append(f"{q.id} unanswered (needs >= {_num(chk.min)})")
                involved.append(q.id)
            elif s < chk.min:
                failed.append(f"{q.id} {s} < {_num(chk.min)}")
                involved.append(q.id)
    return failed, involved


def _use_case_readiness(
    u: UseCase,
    inst: Instrument,
    scores: dict[str, int],
    dim_score: dict[str, float | None],
    blocking: list[BlockingIssue],
) -> UseCaseReadiness:
    unmet: list[dict[str, Any]] = []
    first: list[str] = []
    rule_hits = [b for b in blocking if "all" in b.blocks or u.kind in b.blocks]
    for b in rule_hits:
        unmet.append({"type": "rule", "id": b.id, "name": b.name, "detail": "; ".join(b.failed)})
        first.append(f"Clear blocking rule {b.id} ({b.name}): {'; '.join(b.failed)}.")
    q_unmet = []
    for qid, need in u.questions.items():
        s = scores.get(qid)
        if s is None or s < need:
            q = inst.question(qid)
            q_unmet.append({"type": "question", "id": qid, "title": q.title, "required": need, "actual": s})
    q_unmet.sort(key=lambda x: (-(x["required"] - (x["actual"] or 0)), inst.order(x["id"])))
    for x in q_unmet:
        if x["actual"] is None:
            first.append(f"Assess {x['id']} ({x['title']}); it is unanswered and must reach level {x['required']}.")
        else:
            first.append(f"Raise {x['id']} ({x['title']}) from {x['actual']} to at least {x['required']}.")
    d_unmet = []
    for did, need in u.dimensions.items():
        v = dim_score.get(did)
        if v is None or v < need:
            d_unmet.append(
                {"type": "dimension", "id": did, "title": inst.dimension(did).name, "required": need, "actual": v}
            )
    for x in d_unmet:
        actual = "unscored" if x["actual"] is None else f"{x['actual']:.2f}"
        first.append(f"Raise the {x['title']} dimension ({x['id']}) from {actual} to at least {_num(x['required'])}.")
    unmet += q_unmet + d_unmet
    ready = not unmet
    n_gates = len(u.questions) + len(u.dimensions)
    parts: list[str] = []
    if ready:
        why = (
            f"All {n_gates} gating conditions for {_mid(u.name)} are met and no triggered blocking rule applies "
            f"to {u.kind} use cases."
        )
    else:
        if rule_hits:
            parts.append(
                "blocking rule"
                + ("s " if len(rule_hits) > 1 else " ")
                + ", ".join(f"{b.id} ({b.name})" for b in rule_hits)
            )
        if q_unmet:
            parts.append(
                f"{len(q_unmet)} of {len(u.questions)} gating questions below threshold: "
                + ", ".join(
                    f"{x['id']} {'unanswered' if x['actual'] is None else str(x['actual']) + '/5'}"
                    f" (needs {x['required']})"
                    for x in q_unmet
                )
            )
        if d_unmet:
            parts.append(
                "dimensions below threshold: "
                + ", ".join(
                    f"{x['id']} {'unscored' if x['actual'] is None else format(x['actual'], '.2f')} (needs {_num(x['required'])})"
                    for x in d_unmet
                )
            )
        why = f"{u.name} is blocked by " + "; ".join(parts) + "."
    return UseCaseReadiness(
        u.id,
        u.name,
        u.kind,
        ready,
        "ready" if ready else "blocked",
        why,
        first,
        unmet,
        list(u.references),
        [] if ready else parts,
    )


def match_use_case(text: str, instrument: Instrument | None = None) -> UseCase | None:
    """The use case a question is about ("are we ready for ambient documentation?"), if any."""
    inst = instrument or load_instrument()
    low = " ".join(text.lower().split())
    best: tuple[int, UseCase] | None = None
    for u in inst.use_cases:
        for phrase in (u.id.replace("-", " "), u.name.lower(), *u.aliases):
            hit = bool(phrase) and re.search(r"\b" + re.escape(phrase) + r"\b", low) is not None
            if hit and (best is None or len(phrase) > best[0]):
                best = (len(phrase), u)
    return best[1] if best else None


# --------------------------------------------------------------------------- trend


@dataclass
class DimensionDelta:
    id: str
    name: str
    before: float | None
    after: float | None
    delta: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "before": self.before, "after": self.after, "delta": self.delta}


@dataclass
class QuestionDelta:
    question_id: str
    before: int | None
    after: int | None
    delta: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"question_id": self.question_id, "before": self.before, "after": self.after, "delta": self.delta}


@dataclass
class Trend:
    org: str
    org_name: str
    earlier_date: str
    later_date: str
    index_before: float | None
    index_after: float | None
    index_delta: float | None
    tier_before: str
    tier_after: str
    tier_change: str  # "up" | "down" | "same"
    dimensions: list[DimensionDelta]
    questions: list[QuestionDelta]  # every question answered in either assessment, instrument order
    blocking_resolved: list[str]
    blocking_new: list[str]
    blocking_persisting: list[str]
    use_cases_now_ready: list[str]
    use_cases_now_blocked: list[str]

    @property
    def improved(self) -> list[str]:
        return [q.question_id for q in self.questions if q.delta is not None and q.delta > 0]

    @property
    def declined(self) -> list[str]:
        return [q.question_id for q in self.questions if q.delta is not None and q.delta < 0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "org": self.org,
            "org_name": self.org_name,
            "earlier_date": self.earlier_date,
            "later_date": self.later_date,
            "index_before": self.index_before,
            "index_after": self.index_after,
            "index_delta": self.index_delta,
            "tier_before": self.tier_before,
            "tier_after": self.tier_after,
            "tier_change": self.tier_change,
            "dimensions": [d.to_dict() for d in self.dimensions],
            "questions": [q.to_dict() for q in self.questions],
            "improved": self.improved,
            "declined": self.declined,
            "blocking_resolved": list(self.blocking_resolved),
            "blocking_new": list(self.blocking_new),
            "blocking_persisting": list(self.blocking_persisting),
            "use_cases_now_ready": list(self.use_cases_now_ready),
            "use_cases_now_blocked": list(self.use_cases_now_blocked),
        }


def trend(earlier: Scorecard, later: Scorecard, instrument: Instrument | None = None) -> Trend:
    """Change between two assessments of the same organization (earlier first)."""
    if earlier.org != later.org:
        raise AssessmentError(
            later.source,
            [
                f"trend compares one organization over time, but the files are for "
                f"{earlier.org!r} and {later.org!r}; pick two assessments of the same org"
            ],
        )
    if earlier.date > later.date:
        raise AssessmentError(
            later.source,
            [
                f"the earlier assessment ({earlier.date}) is dated after the later one "
                f"({later.date}); pass them oldest first"
            ],
        )
    inst = instrument or load_instrument()
    dims = []
    after_dims = {d.id: d for d in later.dimensions}
    for d in earlier.dimensions:
        a = after_dims.get(d.id)
        b_val, a_val = d.score, a.score if a else None
        delta = round(a_val - b_val, 2) if a_val is not None and b_val is not None else None
        dims.append(DimensionDelta(d.id, d.name, b_val, a_val, delta))
    qds = []
    for qid in inst.question_ids:
        b_s, a_s = earlier.question_scores.get(qid), later.question_scores.get(qid)
        if b_s is None and a_s is None:
            continue
        qds.append(QuestionDelta(qid, b_s, a_s, a_s - b_s if a_s is not None and b_s is not None else None))
    idx_delta = round(later.index - earlier.index, 1) if later.index is not None and earlier.index is not None else None
    rb, ra = inst.tier_rank(earlier.tier), inst.tier_rank(later.tier)
    change = "up" if ra > rb else "down" if ra < rb else "same"
    before_b, after_b = set(earlier.blocking_ids), set(later.blocking_ids)
    ready_before = {u.id for u in earlier.use_cases if u.ready}
    ready_after = {u.id for u in later.use_cases if u.ready}
    order = [u.id for u in inst.use_cases]
    return Trend(
        org=later.org,
        org_name=later.org_name,
        earlier_date=earlier.date,
        later_date=later.date,
        index_before=earlier.index,
        index_after=later.index,
        index_delta=idx_delta,
        tier_before=earlier.tier,
        tier_after=later.tier,
        tier_change=change,
        dimensions=dims,
        questions=qds,
        blocking_resolved=sorted(before_b - after_b, key=_rule_key),
        blocking_new=sorted(after_b - before_b, key=_rule_key),
        blocking_persisting=sorted(before_b & after_b, key=_rule_key),
        use_cases_now_ready=[u for u in order if u in ready_after - ready_before],
        use_cases_now_blocked=[u for u in order if u in ready_before - ready_after],
    )


def _rule_key(rid: str) -> tuple[int, str]:
    m = re.match(r"B(\d+)$", rid)
    return (int(m.group(1)), rid) if m else (10**6, rid)


# --------------------------------------------------------------------------- chunks


def _sentence(text: str) -> str:
    t = " ".join(text.split()).strip()
    if t and t[-1] not in ".!?":
        t += "."
    return t


def _mid(name: str) -> str:
    """A name placed mid-sentence: lower-case its first letter unless it starts an acronym (AI-drafted)."""
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def _fmt1(x: float | None) -> str:
    return "unscored" if x is None else f"{x:.1f}"


def result_chunks(
    results: Results, instrument: Instrument | None = None, scorecard: Scorecard | None = None
) -> list[Chunk]:
    """Citable chunks for one assessment.

    One chunk per instrument question (answered: its score; unanswered: that it was not
    answered), one per dimension, one overall summary, and one per use case. Every text
    names the organization, the date and (where relevant) the question id and score.
    """
    inst = instrument or load_instrument()
    card = scorecard or score(results, inst)
    source = results.source
    org, name, when = results.org, results.org_name, results.date
    title = f"Readiness assessment — {name} ({when})"
    base_meta = {"org": org, "org_name": name, "date": when, "instrument_version": card.instrument_version}
    pieces: list[tuple[str, str, dict[str, Any]]] = []  # (section, text, meta)

    # questions
    for q in inst.questions:
        dim = inst.dimension(q.dimension)
        a = results.answers.get(q.id)
        refs = "; ".join(r.label() for r in q.references)
        rules = [b for b in card.blocking if q.id in b.questions]
        if a is not None:
            s = a.score
            first = f"{q.id} ({dim.name}) scored {s}/5 on {when} for {name}"
            first = f"{first}: {_sentence(a.evidence)}" if a.evidence else f"{first}."
            if s < q.target:
                tgt = (
                    f"The target for scaling AI on {q.id} is {q.target}/5, so {name} is {q.target - s} "
                    f"point{'s' if q.target - s != 1 else ''} below target as of {when}."
                )
            elif s == q.target:
                tgt = f"The target for scaling AI on {q.id} is {q.target}/5, which {name} meets as of {when}."
            else:
                tgt = (
                    f"The target for scaling AI on {q.id} is {q.target}/5, which {name} exceeds by "
                    f"{s - q.target} as of {when}."
                )
            parts = [
                first,
                tgt,
                f"Question {q.id} ({q.title}) asks: {q.text}",
                f"Level {s} of {q.id} means: {_sentence(q.level(s))}",
            ]
            if a.owner:
                parts.append(f"The owner recorded for {q.id} at {name} is {_sentence(a.owner)}")
            meta = {
                **base_meta,
                "kind": "question",
                "question_id": q.id,
                "dimension": dim.id,
                "dimension_name": dim.name,
                "score": s,
                "target": q.target,
                "answered": True,
            }
        else:
            parts = [
                f"{q.id} ({dim.name}) was not answered in the {when} readiness assessment for {name}, "
                f"so no score is recorded for it.",
                f"The target for scaling AI on {q.id} is {q.target}/5.",
                f"Question {q.id} ({q.title}) asks: {q.text}",
            ]
            meta = {
                **base_meta,
                "kind": "question",
                "question_id": q.id,
                "dimension": dim.id,
                "dimension_name": dim.name,
                "target": q.target,
                "answered": False,
            }
        for b in rules:
            parts.append(
                f"{q.id} is checked by blocking rule {b.id} ({b.name}), which is triggered for {name} as of {when}."
            )
        parts.append(f"Guidance for {q.id}: {refs}.")
        if rules:
            meta["blocking"] = ",".join(b.id for b in rules)
        pieces.append((f"{q.id} — {q.title}", " ".join(parts), meta))

    # dimensions
    for d in card.dimensions:
        dim = inst.dimension(d.id)
        parts = [
            f"{d.name} ({d.id}) scored {_fmt1(d.score)}/5 for {name} in the {when} readiness assessment, "
            f"with {d.answered} of {d.total} questions answered."
        ]
        answered = [(q, results.answers[q.id].score) for q in dim.questions if q.id in results.answers]
        if answered:
            hi = max(answered, key=lambda x: (x[1], -_qkey(x[0].id)[1]))
            lo = min(answered, key=lambda x: (x[1], _qkey(x[0].id)[1]))
            if hi[1] != lo[1]:
                parts.append(
                    f"The strongest {d.name} result for {name} on {when} was {hi[0].id} ({hi[0].title}) at "
                    f"{hi[1]}/5, and the weakest was {lo[0].id} ({lo[0].title}) at {lo[1]}/5."
                )
            below = [(q, s) for q, s in answered if s < q.target]
            if below:
                parts.append(
                    f"{d.name} questions below target for {name} on {when}: "
                    + "; ".join(f"{q.id} ({q.title}) {s}/5 vs target {q.target}" for q, s in below)
                    + "."
                )
            else:
                parts.append(f"Every answered {d.name} question meets its target for {name} on {when}.")
        if d.missing:
            parts.append(f"Unanswered {d.name} questions for {name} on {when}: {', '.join(d.missing)}.")
        if not d.complete:
            parts.append(
                f"The {d.name} dimension is incomplete for {name} on {when} because fewer than "
                f"{inst.incomplete_below:.0%} of its questions were answered."
            )
        dim_rules = [b for b in card.blocking if any(inst.question(q).dimension == d.id for q in b.questions)]
        for b in dim_rules:
            parts.append(f"Blocking rule {b.id} ({b.name}) involves {d.name} for {name} as of {when}.")
        parts.append(f"{d.name} carries {d.weight:.0%} of the readiness index.")
        meta = {
            **base_meta,
            "kind": "dimension",
            "dimension": d.id,
            "dimension_name": d.name,
            "answered": d.answered,
            "total": d.total,
        }
        if d.score is not None:
            meta["score"] = d.score
        pieces.append((f"{d.id} — {d.name}", " ".join(parts), meta))

    # overall summary: each sentence states one named fact, and its span goes into the metadata
    tier_name = card.tier_name
    idx_text = f"{card.index:.1f}/100" if card.index is not None else "not computable"
    facts: list[tuple[Fact, str]] = [
        (
            Fact.INDEX,
            f"{name} ({org}) has an AI readiness index of {idx_text} in the {when} readiness assessment, "
            f"which places it in the {tier_name} tier.",
        )
    ]
    if card.capped:
        facts.append(
            (
                Fact.CAPPED,
                f"The index alone would place {name} in the {inst.tier(card.index_tier).name} tier on {when}, "
                f"but blocking rules cap it at {tier_name}.",
            )
        )
    facts.append(
        (
            Fact.DIMENSION_SCORES,
            f"Dimension scores for {name} on {when}: "
            + "; ".join(f"{d.name} {_fmt1(d.score)}/5" for d in card.dimensions)
            + ".",
        )
    )
    if card.blocking:
        facts.append(
            (
                Fact.BLOCKING,
                f"{len(card.blocking)} blocking rule{'s are' if len(card.blocking) != 1 else ' is'} triggered for "
                f"{name} on {when}: " + "; ".join(f"{b.id} ({b.name})" for b in card.blocking) + ".",
            )
        )
    else:
        facts.append((Fact.BLOCKING, f"No blocking rule is triggered for {name} on {when}."))
    if card.gaps:
        facts.append(
            (
                Fact.TOP_GAPS,
                f"The top gaps for {name} on {when} are "
                + "; ".join(f"{g.question_id} ({g.title}) {g.score}/5 vs target {g.target}" for g in card.gaps[:3])
                + ".",
            )
        )
    ready = [u.name for u in card.use_cases if u.ready]
    blocked = [u.name for u in card.use_cases if not u.ready]
    if ready:
        facts.append(
            (
                Fact.READY_USE_CASES,
                f"Use cases {name} is ready to roll out as of {when}: {', '.join(_mid(x) for x in ready)}.",
            )
        )
    if blocked:
        facts.append(
            (
                Fact.BLOCKED_USE_CASES,
                f"Use cases blocked for {name} as of {when}: {', '.join(_mid(x) for x in blocked)}.",
            )
        )
    if card.missing:
        facts.append((Fact.UNANSWERED, f"Questions left unanswered by {name} on {when}: {', '.join(card.missing)}."))
    if results.assessor:
        facts.append(
            (Fact.ASSESSOR, f"The {when} assessment for {name} was conducted by {_sentence(results.assessor)}")
        )
    parts = [text for _, text in facts]
    spans: dict[Fact, tuple[int, int]] = {}
    at = 0
    for fact, text in facts:
        spans[fact] = (at, at + len(text))
        at += len(text) + 1
    meta = {
        **base_meta,
        "kind": "summary",
        "tier": card.tier,
        "index_tier": card.index_tier,
        "blocking": ",".join(card.blocking_ids),
        **fact_meta(spans),
    }
    if card.index is not None:
        meta["index"] = card.index
    pieces.append(("Summary — readiness index and tier", " ".join(parts), meta))

    # use cases
    for u in card.use_cases:
        verdict = "is ready" if u.ready else "is not yet ready"
        parts = [f"{name} {verdict} to roll out {_mid(u.name)} according to its {when} readiness assessment."]
        if u.ready:
            parts.append(f"For {name} as of {when}, {u.why[0].lower()}{u.why[1:]}")
        else:
            parts.append(f"{u.name} is blocked for {name} as of {when} by " + "; ".join(u.reasons) + ".")
        if u.first:
            steps = " ".join(u.first[:5])
            more = len(u.first) - 5
            if more > 0:
                steps += f" {more} further step{'s' if more != 1 else ''} follow in the scorecard."
            parts.append(f"What must come first for {_mid(u.name)} at {name}: {steps}")
        meta = {**base_meta, "kind": "use_case", "use_case": u.id, "use_case_name": u.name, "ready": u.ready}
        pieces.append((f"Use case — {u.name}", " ".join(parts), meta))

    chunks = []
    for pos, (section, text, meta) in enumerate(pieces):
        chunks.append(
            Chunk(
                chunk_id=make_chunk_id(source, pos, text),
                text=text,
                source=source,
                title=title,
                section=section,
                page=None,
                framework=FRAMEWORK,
                doc_type=DOC_TYPE,
                org=org,
                position=pos,
                publisher=name,
                meta=meta,
            )
        )
    return chunks


# --------------------------------------------------------------------------- reports


def report(path: str | Path, instrument: Instrument | None = None, top: int = 10) -> dict[str, Any]:
    """Validate and score one results file; the JSON printed by `advisor assess FILE --json`."""
    inst = instrument or load_instrument()
    card = score(load_results(path, inst), inst)
    return {
        "org": card.org,
        "org_name": card.org_name,
        "date": card.date,
        "assessor": card.assessor,
        "source": card.source,
        "instrument_version": card.instrument_version,
        "index": card.index,
        "tier": card.tier,
        "tier_name": card.tier_name,
        "index_tier": card.index_tier,
        "capped": card.capped,
        "provisional": card.provisional,
        "dimensions": [d.to_dict() for d in card.dimensions],
        "top_gaps": [g.to_dict() for g in card.gaps[:top]],
        "strengths": [s.to_dict() for s in card.strengths[:top]],
        "blocking": [b.to_dict() for b in card.blocking],
        "use_cases": [u.to_dict() for u in card.use_cases],
        "missing": list(card.missing),
        "warnings": list(card.warnings),
    }


def format_report(rep: dict[str, Any]) -> str:
    """Human-readable text of a report() dict."""
    lines: list[str] = []
    idx = rep.get("index")
    lines.append(f"{rep.get('org_name') or rep.get('org')} ({rep.get('org')}) — readiness assessment {rep.get('date')}")
    tier_line = (
        f"Readiness index: {idx:.1f}/100 — {rep.get('tier_name') or rep.get('tier')}"
        if idx is not None
        else f"Readiness index: n/a — {rep.get('tier_name') or rep.get('tier')}"
    )
    if rep.get("capped"):
        tier_line += f" (capped by blocking rules; index alone: {rep.get('index_tier')})"
    if rep.get("provisional"):
        tier_line += " [provisional: incomplete dimensions]"
    lines.append(tier_line)
    lines.append("")
    lines.append("Dimensions:")
    for d in rep.get("dimensions", []):
        sc = "  n/a" if d.get("score") is None else f"{d['score']:.2f}"
        flag = "" if d.get("complete", True) else "  INCOMPLETE"
        lines.append(f"  {d['id']:<6} {d['name']:<34} {sc}/5  ({d['answered']}/{d['total']} answered){flag}")
    lines.append("")
    blocking = rep.get("blocking", [])
    lines.append("Blocking rules triggered:" if blocking else "Blocking rules triggered: none")
    for b in blocking:
        cap = f" [caps tier at {b['cap_tier']}]" if b.get("cap_tier") else ""
        lines.append(f"  {b['id']} {b['name']}{cap}: {'; '.join(b['failed'])}")
        lines.append(f"     {b['message']}")
    lines.append("")
    lines.append("Top gaps (priority order):")
    for i, g in enumerate(rep.get("top_gaps", []), 1):
        star = " *" if g.get("boosted") else ""
        lines.append(
            f"  {i:>2}. {g['question_id']:<8} {g['title']}: {g['score']}/5 -> target {g['target']} "
            f"(priority {g['priority']:.4f}){star}"
        )
    if any(g.get("boosted") for g in rep.get("top_gaps", [])):
        lines.append("      * involved in a triggered blocking rule (priority boosted)")
    if not rep.get("top_gaps"):
        lines.append("  none — every answered question meets its target")
    lines.append("")
    lines.append("Strengths:")
    for s in rep.get("strengths", []):
        lines.append(f"  {s['question_id']:<8} {s['title']}: {s['score']}/5 (target {s['target']})")
    if not rep.get("strengths"):
        lines.append("  none at or above target")
    lines.append("")
    lines.append("Use cases:")
    for u in rep.get("use_cases", []):
        lines.append(f"  {u['name']}: {u['status'].upper()}")
        if not u.get("ready"):
            for step in u.get("first", [])[:4]:
                lines.append(f"     - {step}")
            if len(u.get("first", [])) > 4:
                lines.append(f"     - ... and {len(u['first']) - 4} more")
    if rep.get("missing"):
        lines.append("")
        lines.append(f"Unanswered questions: {', '.join(rep['missing'])}")
    if rep.get("warnings"):
        lines.append("")
        lines.append("Warnings:")
        for w in rep["warnings"]:
            lines.append(f"  - {w}")
    return "\n".join(lines)


def load_all(folder: str | Path | None = None, instrument: Instrument | None = None) -> list[tuple[Results, Scorecard]]:
    """Load and score every results file under folder (default: bundled samples), oldest first per org."""
    inst = instrument or load_instrument()
    out = []
    for p in discover_results(folder):
        r = load_results(p, inst)
        out.append((r, score(r, inst)))
    out.sort(key=lambda rs: (rs[0].org, rs[0].date, rs[0].source))
    return out
