"""Widgets more than one page uses: an answer with its citation cards, first-start
indexing with a progress bar, and indexing with progress."""

from __future__ import annotations

import functools
import time
from pathlib import Path

import streamlit as st

from ..answer import Advisor
from ..errors import AdvisorError
from .catalog import mime_for, report_summary, safe_url, source_paths
from .markdown import (
    answer_markdown,
    citation_label,
    escape_inline,
    escape_md,
    highlight_all_markdown,
    quote_caption,
    status_badge,
    taken_sentences,
)
from .resources import FirstStart, first_start, needs_first_start
from .session import audit_log

# ----------------------------------------------------------------------------- answers


def _citation_facts(c, chunk) -> list[tuple[str, str]]:
    """What the card says about the passage: whose words it is, the original, its currency."""
    trust = getattr(c, "trust", "") or (str(chunk.trust) if chunk is not None else "")
    status = getattr(c, "status", "")
    facts = [("Document", c.title or (chunk.title if chunk else ""))]
    if getattr(c, "source_kind", "") == "synthesis":
        facts.append(("Wording", "Readiness Advisor's own guidance, drawing on several sources"))
    elif trust == "curated":
        facts.append(("Wording", "Readiness Advisor summary — not the publisher's text"))
        facts.append(("Original", getattr(c, "publisher", "")))
    elif trust == "organization":
        org = chunk.meta.get("org_name") or chunk.org if chunk is not None else ""
        facts.append(("Evidence", f"assessment results of {org}" if org else "assessment results"))
    else:
        facts.append(("Publisher", getattr(c, "publisher", "") or (chunk.publisher if chunk else "")))
    facts += [("Section", c.section), ("Page", str(c.page) if c.page else "")]
    if getattr(c, "as_of", ""):
        facts.append(("As of", f"{c.as_of} (when its facts were last checked)"))
    if status:
        facts.append(
            ("Status", {"proposed": "proposed rule — not final", "superseded": "superseded"}.get(status, status))
        )
    return facts


def _citation_passage(c, chunk, taken: list[str] | tuple[str, ...] = ()) -> None:
    """The passage with every sentence the answer took from it highlighted (the cited words alone when it is gone)."""
    if chunk is None:
        st.warning(
            "This passage is no longer in the index (the document was re-indexed or removed). "
            "The cited text is shown as it was cited."
        )
        st.markdown(f":orange-background[{escape_inline(' '.join(c.quote.split()))}]")
        return
    md, found = highlight_all_markdown(chunk.text, [c.quote, *taken])  # every sentence the answer took from it
    with st.container(border=True):
        st.markdown(md)
    st.caption(quote_caption(c))
    if not found:
        st.caption("The cited words do not appear verbatim in this passage; they were:")
        st.markdown("> " + escape_md(" ".join(c.quote.split())))


@st.fragment
def _citation_cards(adv: Advisor, citations: list, key: str, taken: dict[int, tuple[str, ...]]) -> None:
    """An answer's citations, one expander each, whose card (whose words, the original, how
    current, the cited span highlighted in its passage) is read and drawn when the user opens
    it. A closed card is one element instead of about ten and no catalog read, and the cards of
    one answer are one fragment (not one each), so an answer and the conversation above it
    reach the screen with fewer elements; opening a card reruns only its answer's cards."""
    for c in citations:
        ckey = f"{key}-c{c.marker}"
        opened = f"{ckey}-open"
        with st.expander(escape_md(citation_label(c)), icon=":material/format_quote:", key=opened, on_change="rerun"):
            if st.session_state.get(opened):
                chunk = adv.index.get_chunks([c.chunk_id]).get(c.chunk_id)  # None: gone from the index
                path = source_paths(adv, [c.source])[c.source]
                _citation_details(c, ckey, taken.get(c.marker, ()), chunk, path)


def _citation_details(c, key: str, taken: tuple[str, ...], chunk, path: Path | None) -> None:
    """What an open citation card shows; `path` is the source's local file."""
    badge = status_badge(c)
    if badge:
        st.badge(badge, color="orange", icon=":material/gavel:")
    st.markdown("  \n".join(f"**{k}:** {escape_md(v)}" for k, v in _citation_facts(c, chunk) if v))
    _citation_passage(c, chunk, taken)
    url = safe_url(getattr(c, "source_url", ""))  # the original's; none for our own syntheses
    curated = getattr(c, "trust", "") == "curated"
    if path is not None or url:
        with st.container(horizontal=True, gap="small"):
            if path is not None:
                st.download_button(
                    "Download our summary" if curated else "Download source",
                    data=functools.partial(path.read_bytes),
                    file_name=path.name,
                    mime=mime_for(path),
                    key=f"{key}-dl",
                    on_click="ignore",
                    icon=":material/download:",
                )
            if url:
                st.link_button("Open the original" if curated else "Open source", url, icon=":material/open_in_new:")
    if url:
        st.caption(f"Original: {escape_md(url)}")
    elif not curated:
        st.caption(f"Source: {escape_md(c.source)}")


def _source_links(answer) -> dict[int, str]:
    """Citation number -> the source's URL, so an inline [n] chip opens its source."""
    return {c.marker: url for c in answer.citations if (url := safe_url(getattr(c, "source_url", "") or ""))}


def _answer_body(answer) -> None:
    """The answer text, styled by what kind of answer it is."""
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
        st.markdown(answer_markdown(answer.answer, answer.unsupported, _source_links(answer)))


def render_answer(adv: Advisor, answer, key: str) -> None:
    """An answer: abstention, notice, text with numbered citation chips, flagged unsupported
    sentences, and one expandable card per citation (drawn when opened)."""
    notice = getattr(answer, "notice", "")
    if notice:
        st.warning(escape_md(notice), icon=":material/info:")
    _answer_body(answer)
    if answer.unsupported:
        st.warning(
            "**Not supported by the cited passages** — check these before relying on them:\n\n"
            + "\n".join(f"- {escape_md(s)}" for s in answer.unsupported),
            icon=":material/warning:",
        )
    about = _about(answer)  # one caption above the cards: mode, time, how many sources
    if about:
        st.caption(about)
    if answer.citations:
        taken = {c.marker: tuple(taken_sentences(answer.answer, c.marker)) for c in answer.citations}
        _citation_cards(adv, list(answer.citations), key, taken)


def _about(answer) -> str:
    """ "Offline answer · 0.1 s · 3 sources — open one to see the cited words in their passage" """
    parts = []
    timings = getattr(answer, "timings_ms", {}) or {}
    if timings:
        total = sum(v for v in timings.values() if isinstance(v, (int, float)))
        parts.append(f"{'LLM' if answer.mode == 'llm' else 'Offline'} answer · {total / 1000:.1f} s")
    n = len(answer.citations)
    if n:
        parts.append(f"{n} source{'s' if n != 1 else ''} — open one to see the cited words in their passage")
    return " · ".join(parts)


# -------------------------------------------------------------------------- indexing


def ensure_index_ui(adv: Advisor) -> None:
    """First start: index the bundled corpus with a progress bar; later starts skip this.

    An interrupted first start (server stopped midway) is finished on the next visit; files
    already indexed are skipped, nothing is embedded twice."""
    state = first_start(adv)
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
    holder.empty()
    if state.error:
        st.error(f"The index could not be built: {escape_md(state.error)}", icon=":material/error:")
        if st.button("Try again", type="primary"):
            state.error = ""
            st.rerun()
        st.stop()
    _after_first_start(state)


def _after_first_start(state: FirstStart) -> None:
    """Once per first-start run: record it in the audit log and name files that failed."""
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


def index_with_progress(adv: Advisor, paths: list[Path], label: str):
    """Index files with a progress bar; None (and an error shown) when indexing failed."""
    bar = st.progress(0.0, text=label)

    def progress(done: int, total: int, path: str) -> None:
        frac = 0.0 if not total else min(1.0, done / total)
        bar.progress(
            frac, text=f"{label} {min(done + 1, total)} of {total}: {Path(path).name}" if path else "Finishing…"
        )

    try:
        report = adv.index_paths(paths, progress=progress)
    except AdvisorError as exc:
        bar.empty()
        st.error(f"Indexing failed: {escape_md(str(exc))}", icon=":material/error:")
        return None
    bar.empty()
    return report
