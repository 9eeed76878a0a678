"""Rows for the pages' tables (`st.dataframe`), built from library records: a scorecard's
dimensions, gaps and strengths, a trend's question changes, the indexed documents, the
audit trail and the settings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ..assessment import Instrument, Scorecard, Trend, UseCase
from ..chunk import DocType

# Plain strings as keys: they are widget options, which Streamlit keeps across reruns.
DOC_TYPES = {
    DocType.GUIDANCE.value: "Guidance",
    DocType.USER.value: "Added documents",
    DocType.ASSESSMENT.value: "Assessment results",
}
_FILTER_FIELDS = ("title", "framework", "org", "source")

# What each setting means, and the environment variable that sets it.
SETTING_LABELS = {
    "home": ("ADVISOR_HOME", "index, catalog, uploads, saved assessments, audit log"),
    "chroma_url": ("ADVISOR_CHROMA_URL", "Chroma server (empty: local store under ADVISOR_HOME)"),
    "embed_model": ("ADVISOR_EMBED_MODEL", "local sentence-transformers model"),
    "collection": ("ADVISOR_COLLECTION", "vector collection name"),
    "chunk_size": ("ADVISOR_CHUNK_SIZE", "characters per passage"),
    "chunk_overlap": ("ADVISOR_CHUNK_OVERLAP", "characters shared between passages"),
    "top_k": ("ADVISOR_TOP_K", "passages retrieved per question"),
    "candidates": ("ADVISOR_CANDIDATES", "candidates per retrieval channel before fusion"),
    "rrf_k": ("ADVISOR_RRF_K", "reciprocal-rank fusion constant (ADVISOR_FUSION=rrf)"),
    "fusion": ("ADVISOR_FUSION", "how retrieval channels are fused: rrf (default) or score"),
    "dense_weight": ("ADVISOR_DENSE_WEIGHT", "the dense channel's share in score fusion"),
    "max_file_mb": ("ADVISOR_MAX_FILE_MB", "largest file accepted (MB)"),
    "abstain_threshold": ("ADVISOR_ABSTAIN_THRESHOLD", "below this evidence strength the advisor abstains"),
    "llm_base_url": ("OPENAI_BASE_URL", "OpenAI-compatible endpoint"),
    "llm_api_key": ("OPENAI_API_KEY", "API key (masked)"),
    "llm_model": ("ADVISOR_LLM_MODEL", "chat model"),
    "llm_timeout": ("ADVISOR_LLM_TIMEOUT", "seconds per model call"),
    "llm_retries": ("ADVISOR_LLM_RETRIES", "retries on transient model errors"),
    "audit_retention_days": ("ADVISOR_AUDIT_RETENTION_DAYS", "days the audit trail is kept (0: forever)"),
    "session_idle_minutes": ("ADVISOR_SESSION_IDLE_MINUTES", "a signed-in session ends after this long unused"),
    "embed_cache": ("—", "embedding cache file"),
    "redact_phi": ("ADVISOR_REDACT_PHI", "PHI redacted in stored passages of added documents and evidence notes"),
}


# ------------------------------------------------------------------------- dashboard


def dimension_rows(card: Scorecard) -> list[dict]:
    return [
        {
            "Dimension": d.name,
            "Score": d.score,
            "Weight": d.weight,
            "Answered": f"{d.answered}/{d.total}",
            "Complete": d.complete,
        }
        for d in card.dimensions
    ]


# The gap table's columns and their widths in pixels: together they fit the main column of a
# 1,400 px window beside the sidebar; the evidence is cut to its column (hover shows it all)
# and the explainer below the table shows everything else (levels, evidence, guidance).
GAP_COLUMNS = {"Priority": 64, "Question": 78, "Title": 210, "Score": 62, "Target": 58, "Blocking": 76, "Owner": 170}
GAP_EVIDENCE_WIDTH = 200


def gap_rows(card: Scorecard) -> list[dict]:
    """The scorecard's gaps, highest priority first, with the priority as a rank (1 = first)."""
    return [
        {
            "Priority": rank,
            "Question": g.question_id,
            "Title": g.title,
            "Score": g.score,
            "Target": g.target,
            "Blocking": ", ".join(g.rules),
            "Owner": g.owner,
            "Evidence": g.evidence,
        }
        for rank, g in enumerate(sorted(card.gaps, key=lambda g: -g.priority), start=1)
    ]


def gate_text(use_case: UseCase) -> str:
    """A use case's own gates in one line: "GOV-2 ≥ 3, GOV-5 ≥ 3; VALUE ≥ 2.5"."""
    qs = ", ".join(f"{q} ≥ {lvl}" for q, lvl in use_case.questions.items())
    dims = ", ".join(f"{d} ≥ {lvl:g}" for d, lvl in use_case.dimensions.items())
    return "; ".join(x for x in (qs, dims) if x)


def strength_rows(card: Scorecard) -> list[dict]:
    return [
        {
            "Question": s.question_id,
            "Title": s.title,
            "Dimension": s.dimension_name,
            "Score": s.score,
            "Target": s.target,
            "Evidence": s.evidence,
        }
        for s in card.strengths
    ]


def question_change_rows(tr: Trend, inst: Instrument) -> list[dict]:
    """Questions whose score changed, biggest improvement first."""
    movers = [qd for qd in tr.questions if qd.delta]
    return [
        {
            "Question": qd.question_id,
            "Title": inst.question(qd.question_id).title,
            "Before": qd.before,
            "After": qd.after,
            "Change": qd.delta,
        }
        for qd in sorted(movers, key=lambda x: -(x.delta or 0))
    ]


def rule_names(inst: Instrument, ids: Iterable[str]) -> str:
    """ "B1 (Name), B3 (Name)" for blocking rule ids."""
    return ", ".join(f"{r} ({inst.rule(r).name})" for r in ids)


# --------------------------------------------------------------------------- library


def filter_files(files: list[dict], kinds: Iterable[str], needle: str) -> list[dict]:
    """Catalog rows of the chosen doc types whose title, framework, organization or source
    contains the filter text (case-insensitive)."""
    kinds, needle = set(kinds or ()), needle.strip().lower()
    return [
        f
        for f in files
        if f["doc_type"] in kinds and (not needle or any(needle in str(f[k]).lower() for k in _FILTER_FIELDS))
    ]


def _when(ts: str) -> datetime | None:
    try:
        return datetime.fromisoformat(ts)
    except (TypeError, ValueError):
        return None


def library_rows(files: list[dict]) -> list[dict]:
    return [
        {
            "Title": f["title"],
            "Framework": f["framework"],
            "Type": DOC_TYPES.get(f["doc_type"], f["doc_type"]),
            "Organization": f["org"],
            "Passages": f["chunks"],
            "Indexed at": _when(f["indexed_at"]),
            "Source": f["source"],
        }
        for f in files
    ]


# ----------------------------------------------------------------------------- audit


def feedback_rows(feedback: list[dict], only_down: bool = False) -> list[dict]:
    rows = []
    for f in feedback:
        if only_down and f["rating"] != "down":
            continue
        answer = f["answer"] or {}
        rows.append(
            {
                "Time": f["ts"],
                "Rating": "👍" if f["rating"] == "up" else "👎",
                "User": f.get("user") or "",
                "Comment": f["comment"],
                "Question": f["question"],
                "Organization": f["org"] or "",
                "Answer": answer.get("answer", ""),
                "Sources": len(answer.get("citations", [])),
                "Abstained": bool(answer.get("abstained")),
            }
        )
    return rows


def _plain(value) -> str:
    """One detail value as text: lists joined with commas, nested mappings as "key: value"."""
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {_plain(v)}" for k, v in value.items() if v not in (None, "", [], {}))
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def detail_text(detail: dict | None) -> str:
    """An audit event's detail as a line a person reads ("what: roadmap · file: out.docx"),
    not JSON."""
    return " · ".join(
        f"{str(k).replace('_', ' ')}: {_plain(v)}" for k, v in (detail or {}).items() if v not in (None, "", [], {})
    )


def event_rows(events: list[dict]) -> list[dict]:
    """Audit events as readable rows: who, what, for which organization, and the provenance."""
    rows = []
    for e in events:
        cited = e.get("citations") or []
        rows.append(
            {
                "Time": e["ts"].replace("T", " ").replace("+00:00", " UTC"),
                "Event": e["event"],
                "User": e.get("user") or "(operator)",
                "Role": e.get("role") or "",
                "Organization": e["org"] or "",
                "Question": e.get("question") or "",
                "Query searched": e.get("query") or "",
                "Mode": " · ".join(x for x in (e.get("mode"), e.get("model")) if x),
                "Passages retrieved": len(e.get("chunks") or []),
                "Citations": ", ".join(f"[{c.get('marker')}] {c.get('chunk_id')}" for c in cited),
                "Corpus version": e.get("corpus_version") or "",
                "Answer hash": (e.get("answer_hash") or "")[:16],
                "Detail": detail_text(e["detail"]),
            }
        )
    return rows


# -------------------------------------------------------------------------- settings


def settings_rows(masked: dict) -> list[dict]:
    """Each setting (secrets already masked) with its environment variable and meaning."""
    rows = []
    for key, value in masked.items():
        var, meaning = SETTING_LABELS.get(key, ("—", ""))
        rows.append({"Setting": key, "Value": "" if value is None else str(value), "Variable": var, "Meaning": meaning})
    return rows
