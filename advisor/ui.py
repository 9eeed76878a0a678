"""Shared Streamlit plumbing: heavy objects built once, the current organization, and the
render helpers every page uses (answers with citation chips, highlighted passages, safe
Markdown for document and model text).

Every page gets the advisor and the organization from here, so sign-in and per-role
access can later be enforced in one place without touching each page.

Safety rule: document and model text is only ever shown through `escape_md` (or widgets
that do not interpret Markdown); nothing here uses `unsafe_allow_html`.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import itertools
import os
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import streamlit as st

from .errors import AdvisorError, AssessmentError, StoreError
from .settings import CORPUS_DIR, PROJECT_DIR

ORG_KEY = "advisor_org"
MESSAGES_KEY = "chat_messages"
PENDING_KEY = "chat_pending_question"
FLASH_KEY = "advisor_flash"

# Environment that changes which Advisor a process should serve (tests switch ADVISOR_HOME).
_ENV_KEYS = (
    "ADVISOR_HOME",
    "ADVISOR_CHROMA_URL",
    "ADVISOR_EMBED_MODEL",
    "ADVISOR_COLLECTION",
    "ADVISOR_CHUNK_SIZE",
    "ADVISOR_CHUNK_OVERLAP",
    "ADVISOR_TOP_K",
    "ADVISOR_CANDIDATES",
    "ADVISOR_RRF_K",
    "ADVISOR_MAX_FILE_MB",
    "ADVISOR_ABSTAIN_THRESHOLD",
    "OPENAI_BASE_URL",
    "OPENAI_API_KEY",
    "ADVISOR_LLM_MODEL",
    "ADVISOR_LLM_TIMEOUT",
    "ADVISOR_LLM_RETRIES",
)


def _env_fingerprint() -> str:
    raw = "\x00".join(f"{k}={os.environ.get(k, '')}" for k in _ENV_KEYS)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@st.cache_resource(show_spinner=False)
def _advisor_for(fingerprint: str):
    from .answer import Advisor

    adv = Advisor.from_env()
    # Open the vector store here, on one thread: opening it from two sessions at once races
    # inside chromadb. The model and keyword index then load in the background.
    adv.index.collection  # noqa: B018
    _warm_up(adv)
    return adv


def _warm_up(adv) -> None:
    """Load the embedding model and the keyword index in the background, so the first
    question is answered in about a second instead of waiting for the model to load."""

    def run() -> None:
        try:
            adv.index.embedder.embed_query("AI readiness")
            if not adv.index.is_empty():
                adv.search("AI readiness governance", k=1)
        except Exception:  # a warm-up failure surfaces on the first real question instead
            pass

    threading.Thread(target=run, name="advisor-warm-up", daemon=True).start()


def get_advisor():
    """One Advisor (index, retriever, embedding model) per server process."""
    return _advisor_for(_env_fingerprint())


def current_org() -> str | None:
    """The organization the user is working on (None: no organization selected)."""
    return st.session_state.get(ORG_KEY) or None


def set_current_org(org: str | None) -> None:
    st.session_state[ORG_KEY] = org or None


# ----------------------------------------------------------------------------- audit


@st.cache_resource(show_spinner=False)
def _audit_for(path: str):
    from .audit import AuditStore
    from .settings import Settings

    return AuditStore(Settings.from_env())


def audit_store():
    """The feedback/audit store of the current ADVISOR_HOME (raises StoreError when unusable)."""
    adv = get_advisor()
    return _audit_for(str(adv.settings.audit_path))


def audit_log(event: str, detail: dict, org: str | None = None) -> None:
    """Record an audit event; a broken audit store never stops the user's work (it warns)."""
    try:
        audit_store().log(event, detail, org=org)
    except (StoreError, ValueError) as exc:
        st.toast(f"Audit log unavailable: {exc}", icon=":material/warning:")


def flash(message: str, kind: str = "success") -> None:
    """A message shown once on the next run (survives st.rerun)."""
    st.session_state[FLASH_KEY] = (kind, message)


def show_flash() -> None:
    item = st.session_state.pop(FLASH_KEY, None)
    if item:
        kind, message = item
        getattr(st, kind, st.info)(message)


# ------------------------------------------------------------------------ first start


class FirstStart:
    """First-start indexing, run in a background thread so page switches, reloads and other
    browser sessions neither interrupt it nor start a second one; pages poll its progress."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.done = 0
        self.total = 0
        self.current = ""
        self.report = None
        self.error = ""
        self.logged = False

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self, adv) -> None:
        with self.lock:
            if self.running:
                return
            self.error, self.report, self.logged, self.done, self.total = "", None, False, 0, 0

            def progress(done: int, total: int, path: str) -> None:
                self.done, self.total, self.current = done, total, path

            def run() -> None:
                marker = _pending_marker(adv)
                try:
                    marker.parent.mkdir(parents=True, exist_ok=True)
                    marker.touch()
                    if adv.index.is_empty():
                        self.report = adv.ensure_index(progress=progress)
                    else:  # finish an interrupted first start; indexed files are skipped
                        self.report = adv.index_paths(None, progress=progress)
                    marker.unlink(missing_ok=True)
                except Exception as exc:  # shown on the page; the user can retry
                    self.error = describe_error(exc)

            self.thread = threading.Thread(target=run, name="advisor-first-start-index", daemon=True)
            self.thread.start()


@st.cache_resource(show_spinner=False)
def _first_start_for(home: str) -> FirstStart:
    return FirstStart()


def _pending_marker(adv) -> Path:
    return adv.settings.home / ".first-start-pending"


def needs_first_start(adv) -> bool:
    """The index is empty, or a first-start indexing run was interrupted (server stopped)."""
    return adv.index.is_empty() or _pending_marker(adv).exists()


def ensure_index_ui(adv) -> None:
    """First start: index the bundled corpus with a progress bar; later starts skip this.

    An interrupted first start (server stopped midway) is finished on the next visit; files
    already indexed are skipped, nothing is embedded twice."""
    state = _first_start_for(str(adv.settings.home))
    if not state.running and not state.error and not needs_first_start(adv):
        _after_first_start(state)
        return
    if not state.running and not state.error:
        state.start(adv)
    holder = st.empty()
    with holder.container():
        st.title("Setting up the Readiness Advisor")
        st.info(
            "First start: indexing the bundled governance guidance and the sample organizations' "
            "assessments. This happens once and takes a few minutes on a laptop; later starts open in seconds. "
            "You can keep this page open or come back later.",
            icon=":material/hourglass_top:",
        )
        bar = st.progress(0.0, text="Preparing…")
    while state.running:
        total = state.total or 1
        label = (
            f"Indexing {min(state.done + 1, total)} of {state.total}: {Path(state.current).name}"
            if state.current and state.total
            else "Loading the embedding model…"
        )
        bar.progress(min(1.0, state.done / total), text=label)
        time.sleep(0.4)
    if state.error:
        holder.empty()
        st.error(f"The index could not be built: {escape_md(state.error)}", icon=":material/error:")
        if st.button("Try again", type="primary"):
            state.error = ""
            st.rerun()
        st.stop()
    holder.empty()
    _after_first_start(state)


def _after_first_start(state: FirstStart) -> None:
    report = state.report
    if report is None or state.logged:
        return
    state.logged = True
    audit_log("index", {"trigger": "first start", **report_summary(report)})
    if report.errors:
        st.warning(
            f"{len(report.errors)} bundled file(s) could not be indexed: "
            + "; ".join(escape_md(f"{Path(e['file']).name}: {e['error']}") for e in report.errors[:5])
        )


def report_summary(report) -> dict:
    d = report.to_dict()
    return {
        k: d[k]
        for k in ("files_seen", "files_indexed", "files_unchanged", "files_removed", "chunks_added", "seconds")
        if k in d
    } | {"errors": len(report.errors)}


def mode_label(settings) -> str:
    """'Offline' or 'LLM · <model>' for the sidebar."""
    if settings.mode == "llm":
        return f"LLM · {settings.llm_model}"
    return "Offline"


# --------------------------------------------------------------------------- markdown


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^])")


def escape_md(text: str) -> str:
    """Escape text so Streamlit shows it literally: no Markdown, links, HTML, LaTeX,
    emoji shortcodes or color directives. Line breaks are kept (as hard breaks)."""
    return _breaks(_MD_SPECIAL.sub(r"\\\1", str(text or "")))


def _escape_inline(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


_LIST_ITEM = re.compile(r"^(?:[-*+] |\d{1,3}[.)] )")


def _breaks(md: str) -> str:
    """Keep the text's line structure: blank lines stay paragraphs, single newlines become
    hard breaks, and list items (already Markdown, see `_lists`) stay list items."""
    paras = re.split(r"\n\s*\n", md.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for p in paras:
        lines = [ln.strip() for ln in p.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        text = lines[0]
        for prev, ln in itertools.pairwise(lines):
            a, b = bool(_LIST_ITEM.match(prev)), bool(_LIST_ITEM.match(ln))
            text += ("\n" if a and b else "\n\n" if a or b else "  \n") + ln
        out.append(text)
    return "\n\n".join(out)


_ESCAPED_BULLET = re.compile(r"^(\s*)(?:\\[-*+]|•)\s+", re.MULTILINE)
_ESCAPED_NUMBER = re.compile(r"^(\s*)(\d{1,3})\\([.)])\s+", re.MULTILINE)


def _lists(md: str) -> str:
    """Turn escaped list markers at the start of a line back into Markdown list items
    (used for answer text, where bullet lists are part of the answer's shape)."""
    md = _ESCAPED_BULLET.sub(r"\1- ", md)
    return _ESCAPED_NUMBER.sub(r"\1\2. ", md)


def _wrap(segment: str, directive: str) -> str:
    """Wrap raw text in a Markdown directive line by line (directives cannot span lines)."""
    parts = []
    for ln in segment.split("\n"):
        if ln.strip():
            lead = ln[: len(ln) - len(ln.lstrip())]
            trail = ln[len(ln.rstrip()) :]
            parts.append(f"{lead}:{directive}[{_escape_inline(ln.strip())}]{trail}")
        else:
            parts.append(ln)
    return "\n".join(parts)


def find_quote(passage: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` sits in `passage` (exact, then whitespace- and case-insensitive,
    then its leading words when the quote was cut short)."""
    passage, quote = passage or "", (quote or "").strip()
    if not quote:
        return None
    i = passage.find(quote)
    if i >= 0:
        return i, i + len(quote)
    core = quote.strip(" .…\"'“”")
    tokens = core.split()
    if not tokens:
        return None
    for n in (len(tokens), min(len(tokens), 12)):
        pattern = r"\s+".join(re.escape(t) for t in tokens[:n])
        m = re.search(pattern, passage, flags=re.IGNORECASE)
        if m and n >= min(len(tokens), 4):
            return m.start(), m.end()
    return None


def highlight_markdown(passage: str, quote: str) -> tuple[str, bool]:
    """The passage as safe Markdown with the quoted span on an orange background.
    Returns (markdown, found) — found is False when the quote is not in the passage."""
    span = find_quote(passage, quote)
    if span is None:
        return escape_md(passage), False
    a, b = span
    md = _escape_inline(passage[:a]) + _wrap(passage[a:b], "orange-background") + _escape_inline(passage[b:])
    return _breaks(md), True


_MARKER = re.compile(r"\[(\d{1,3})\]")


def _segment_md(raw: str, flagged: bool) -> str:
    """One stretch of answer text: escaped, citation markers as badges, flagged text in red."""
    out, last = [], 0
    for m in _MARKER.finditer(raw):
        out.append(_text_md(raw[last : m.start()], flagged))
        out.append(f":blue-badge[{m.group(1)}]")
        last = m.end()
    out.append(_text_md(raw[last:], flagged))
    return "".join(out)


def _text_md(text: str, flagged: bool) -> str:
    if not flagged or not text.strip():
        return _escape_inline(text)
    return _wrap(text, "red-background")


def answer_markdown(text: str, unsupported: Iterable[str] = ()) -> str:
    """Answer text as safe Markdown: [n] markers become numbered chips, and sentences no
    cited passage supports are marked in red with a warning sign."""
    text = text or ""
    spans: list[tuple[int, int]] = []
    for sent in unsupported or ():
        s = (sent or "").strip()
        if not s:
            continue
        i = text.find(s)
        if i < 0:
            span = find_quote(text, s)
            if span is None:
                continue
            i, j = span
        else:
            j = i + len(s)
        if not any(i < b and j > a for a, b in spans):
            spans.append((i, j))
    spans.sort()
    out, last = [], 0
    for a, b in spans:
        out.append(_segment_md(text[last:a], False))
        out.append(_segment_md(text[a:b], True) + " :material/warning:")
        last = b
    out.append(_segment_md(text[last:], False))
    return _breaks(_lists("".join(out)))


# ----------------------------------------------------------------------------- sources


def source_path(adv, source: str) -> Path | None:
    """The local file behind a citation's source, when it exists on this machine."""
    if not source or "://" in source:
        return None
    for row in _files_by_source(adv).get(source, []):
        p = Path(row["path"])
        if p.is_file():
            return p
    for cand in (Path(source), PROJECT_DIR / source):
        try:
            if cand.is_file():
                return cand.resolve()
        except OSError:
            continue
    return None


def _files_by_source(adv) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in adv.index.files():
        out.setdefault(row["source"], []).append(row)
    return out


_MIME = {
    ".pdf": "application/pdf",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".csv": "text/csv",
    ".json": "application/json",
}


def mime_for(path: Path) -> str:
    return _MIME.get(path.suffix.lower(), "application/octet-stream")


def _safe_url(url: Any) -> str:
    u = str(url or "").strip()
    return u if re.match(r"^https?://[^\s]+$", u) else ""


def citation_label(c) -> str:
    bits = [c.title or c.source]
    if c.section:
        bits.append(c.section.split(" > ")[-1])
    if c.page:
        bits.append(f"p. {c.page}")
    return f"[{c.marker}] " + " · ".join(bits)


def render_citation(adv, c, key: str) -> None:
    """One citation: where it comes from, and the exact quote highlighted in its full passage."""
    chunk = adv.index.get_chunks([c.chunk_id]).get(c.chunk_id)
    with st.expander(escape_md(citation_label(c)), icon=":material/format_quote:"):
        facts = [
            ("Document", c.title or (chunk.title if chunk else "")),
            ("Publisher", getattr(c, "publisher", "") or (chunk.publisher if chunk else "")),
            ("Section", c.section),
            ("Page", str(c.page) if c.page else ""),
        ]
        if chunk is not None and chunk.doc_type == "assessment":
            facts.append(("Evidence", f"assessment results of {chunk.meta.get('org_name') or chunk.org}"))
        st.markdown("  \n".join(f"**{k}:** {escape_md(v)}" for k, v in facts if v))
        if chunk is None:
            st.warning(
                "This passage is no longer in the index (the document was re-indexed or removed). "
                "The quoted text is shown as it was cited."
            )
            st.markdown(f":orange-background[{_escape_inline(' '.join(c.quote.split()))}]")
        else:
            md, found = highlight_markdown(chunk.text, c.quote)
            with st.container(border=True):
                st.markdown(md)
            if not found:
                st.caption("The quoted words do not appear verbatim in this passage; the quote was:")
                st.markdown("> " + escape_md(" ".join(c.quote.split())))
        url = _safe_url(chunk.meta.get("source_url") if chunk is not None else "")
        path = source_path(adv, c.source)
        cols = st.columns([1, 1, 3])
        if path is not None:
            cols[0].download_button(
                "Download source",
                data=functools.partial(path.read_bytes),
                file_name=path.name,
                mime=mime_for(path),
                key=f"{key}-dl",
                on_click="ignore",
                icon=":material/download:",
            )
        if url:
            cols[1].link_button("Open source", url, icon=":material/open_in_new:")
        st.caption(f"Source: {escape_md(url or c.source)}")


def render_answer(adv, answer, key: str) -> None:
    """An answer: abstention, notice, text with numbered citation chips, flagged unsupported
    sentences, and one expandable card per citation."""
    notice = getattr(answer, "notice", "")
    if notice:
        st.warning(escape_md(notice), icon=":material/info:")
    kind = getattr(answer, "kind", "")
    if kind == "refusal":
        st.info(answer_markdown(answer.answer), icon=":material/block:")
        st.caption("Outside what the advisor covers: AI readiness, governance guidance and assessment results.")
    elif kind == "clarify":
        st.info(answer_markdown(answer.answer), icon=":material/help:")
    elif answer.abstained:
        st.info(answer_markdown(answer.answer), icon=":material/search_off:")
        st.caption(
            "Not enough evidence in the indexed documents to answer this. Try naming a framework, a "
            "dimension or a question id, or add the relevant document in the Library."
        )
    else:
        st.markdown(answer_markdown(answer.answer, answer.unsupported))
    if answer.unsupported:
        st.warning(
            "**Not supported by the cited passages** — check these before relying on them:\n\n"
            + "\n".join(f"- {escape_md(s)}" for s in answer.unsupported),
            icon=":material/warning:",
        )
    if answer.citations:
        st.caption(
            f"{len(answer.citations)} source{'s' if len(answer.citations) != 1 else ''} — open one to see the quote in its passage"
        )
        for c in answer.citations:
            render_citation(adv, c, key=f"{key}-c{c.marker}")
    timings = getattr(answer, "timings_ms", {}) or {}
    if timings:
        total = sum(v for v in timings.values() if isinstance(v, (int, float)))
        st.caption(f"{'LLM' if answer.mode == 'llm' else 'Offline'} answer · {total / 1000:.1f} s")


def conversation_markdown(messages: list[dict], org_name: str | None = None) -> str:
    """The conversation as a Markdown document with numbered sources under each answer."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Readiness Advisor — conversation",
        "",
        f"Exported {now}" + (f" · Organization: {org_name}" if org_name else ""),
        "",
    ]
    for m in messages:
        if m["role"] == "user":
            lines += [f"## Q: {m['content']}", ""]
            continue
        ans = m.get("answer")
        lines += [m["content"], ""]
        if ans is None:
            continue
        if ans.abstained:
            lines += ["_The advisor abstained: not enough evidence._", ""]
        if ans.unsupported:
            lines += ["**Unsupported sentences:**", *[f"- {s}" for s in ans.unsupported], ""]
        if ans.citations:
            lines.append("**Sources**")
            lines.append("")
            for c in ans.citations:
                where = ", ".join(x for x in (c.section, f"p. {c.page}" if c.page else "") if x)
                lines.append(f"{c.marker}. {c.title} ({c.source}){' — ' + where if where else ''}")
                lines.append(f"   > {' '.join(c.quote.split())}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------- orgs


def org_options(adv) -> list[dict]:
    """Organizations with assessment results in the index: [{org, name, assessments}]."""
    try:
        return adv.index.orgs()
    except Exception:
        return []


def org_name(adv, org: str | None) -> str | None:
    if not org:
        return None
    for o in org_options(adv):
        if o["org"] == org:
            return o["name"]
    return org


def org_results_files(adv, org: str | None) -> list[dict]:
    """Index rows (from `adv.index.files()`) of the organization's assessment results files."""
    if not org:
        return []
    return [r for r in adv.index.files() if r["doc_type"] == "assessment" and r["org"] == org]


@dataclass
class OrgAssessments:
    """An organization's scored assessments, oldest first, and any file that failed."""

    scored: list[tuple[Any, Any]]  # (Results, Scorecard)
    errors: list[tuple[str, str]]  # (source, message)
    replaced: list[str]  # sources hidden because a newer file covers the same date


def org_assessments(adv, org: str | None) -> OrgAssessments:
    """Load and score every results file of the organization (advisor.assessment)."""
    from .assessment import load_instrument, load_results, score

    rows = org_results_files(adv, org)
    if not rows:
        return OrgAssessments([], [], [])
    try:
        inst = load_instrument()
    except AssessmentError as exc:
        return OrgAssessments([], [("instrument", str(exc))], [])
    by_date: dict[str, tuple[str, Any, Any]] = {}
    errors, replaced = [], []
    for row in sorted(rows, key=lambda r: r["indexed_at"]):
        p = Path(row["path"])
        if not p.is_file():
            errors.append((row["source"], "the file is no longer on disk; re-index the library"))
            continue
        try:
            res = load_results(p, inst)
            card = score(res, inst)
        except AssessmentError as exc:
            errors.append((row["source"], "; ".join(exc.problems[:3])))
            continue
        if card.date in by_date:
            replaced.append(by_date[card.date][0])
        by_date[card.date] = (row["source"], res, card)
    scored = [(r, c) for _, (_, r, c) in sorted(by_date.items())]
    return OrgAssessments(scored, errors, replaced)


def guidance_title(adv, document: str) -> str:
    rows = _files_by_source(adv).get(f"corpus/guidance/{document}.md", [])
    return rows[0]["title"] if rows else document


def guidance_passages(adv, document: str, section: str, limit: int = 2) -> list:
    """Chunks of a bundled guidance document whose heading path names `section`."""
    chunks = adv.index.chunks_for_source(f"corpus/guidance/{document}.md")
    if not chunks:
        return []
    want = section.lower()
    hits = [c for c in chunks if want and want in (c.section or "").lower()]
    if not hits:
        hits = [c for c in chunks if want and want in c.text.lower()]
    return (hits or chunks[:1])[:limit]


# ------------------------------------------------------------------- assessment upload


_ROWS = re.compile(r"^rows? (\d+(?:, \d+)*)")
_RESULTS_IDX = re.compile(r"^results\[(\d+)\]")


def problem_rows(problem: str) -> list[int]:
    """CSV row numbers (spreadsheet numbering, header = row 1) that a validation problem names."""
    m = _ROWS.match(problem)
    return [int(x) for x in m.group(1).split(", ")] if m else []


def problem_result_index(problem: str) -> int | None:
    m = _RESULTS_IDX.match(problem)
    return int(m.group(1)) if m else None


def csv_rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and numbered data rows of a results CSV, numbered as a spreadsheet shows them."""

    from .assessment import csv_records

    try:
        numbered = csv_records(text)
    except csv.Error:
        return [], []
    if not numbered:
        return [], []
    header = [c.strip().lstrip("\ufeff") for c in numbered[0][1]]
    return header, numbered[1:]


def problems_table(data: bytes, filename: str, problems: list[str]):
    """(rows DataFrame with a `problem` column next to each offending row, general problems).

    CSV rows keep their spreadsheet row numbers; JSON entries keep their `results[i]` index."""
    import json

    import pandas as pd

    general: list[str] = []
    by_row: dict[int, list[str]] = {}
    for p in problems:
        rows = problem_rows(p)
        idx = problem_result_index(p)
        if rows:
            for r in rows:
                by_row.setdefault(r, []).append(p)
        elif idx is not None:
            by_row.setdefault(idx, []).append(p)
        else:
            general.append(p)
    text = data.decode("utf-8-sig", errors="replace")
    records: list[dict] = []
    if filename.lower().endswith(".json") or text.lstrip().startswith("{"):
        try:
            items = json.loads(text).get("results") or []
        except (ValueError, AttributeError):
            items = []
        for i, item in enumerate(items if isinstance(items, list) else []):
            item = item if isinstance(item, dict) else {"value": item}
            records.append(
                {
                    "entry": f"results[{i}]",
                    "problem": " | ".join(by_row.get(i, [])),
                    **{k: "" if v is None else str(v) for k, v in item.items()},
                }
            )
        key = "entry"
    else:
        header, rows = csv_rows(text)
        for n, rec in rows:
            cells = {h or f"column {j + 1}": (rec[j] if j < len(rec) else "") for j, h in enumerate(header)}
            records.append({"row": n, "problem": " | ".join(by_row.get(n, [])), **cells})
        # header-row problems (row 1) are shown with the general problems
        general += by_row.get(1, []) if header else []
        key = "row"
    df = pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=[key, "problem"])
    return df, general


def safe_filename(name: str, default: str = "document") -> str:
    """A file name safe to store: no folders, no leading dots, only ordinary characters."""
    base = Path(name or "").name
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip(".-_") or default
    suffix = re.sub(r"[^a-z0-9.]", "", suffix)
    return f"{stem[:80]}{suffix}"


def unique_path(folder: Path, name: str, data: bytes) -> tuple[Path, bool]:
    """Where to store `data` as `name` in folder without overwriting a different file:
    (path, already_there) — already_there when an identical file exists under that name."""
    p = folder / name
    n = 2
    while p.exists():
        try:
            if p.read_bytes() == data:
                return p, True
        except OSError:
            pass
        p = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
        n += 1
    return p, False


def library_paths(adv) -> list[Path]:
    """Everything a full re-index covers: the bundled corpus plus this home's uploads and saved assessments."""
    home = adv.settings.home
    paths = [CORPUS_DIR / "guidance", CORPUS_DIR / "assessment" / "results", home / "uploads", home / "assessments"]
    return [p for p in paths if p.exists()]


def describe_error(exc: Exception) -> str:
    return str(exc) if isinstance(exc, AdvisorError) else f"{type(exc).__name__}: {exc}"
